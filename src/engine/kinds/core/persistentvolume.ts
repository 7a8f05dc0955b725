// core/v1 PersistentVolume (cluster-scoped): schema (the PersistentVolume-only volume sources; the
// ones shared with Pod volumes come from common/pod.ts), SetDefaults_PersistentVolume, the registry
// strategy (status Pending with lastPhaseTransitionTime on create), ValidatePersistentVolume /
// ValidatePersistentVolumeUpdate, and printPersistentVolume.
import type { KindDef, KubeObject } from "../types";
import { bool, int, kindSchema, list, obj, quantityMap, str, strEnum, stringMap, strList, time } from "../schema";
import { ObjectMeta } from "../common/meta";
import {
  AWSElasticBlockStoreVolumeSource,
  AzureDiskVolumeSource,
  FCVolumeSource,
  FlockerVolumeSource,
  GCEPersistentDiskVolumeSource,
  HostPathVolumeSource,
  NFSVolumeSource,
  NodeSelector,
  ObjectReference,
  PhotonPersistentDiskVolumeSource,
  PortworxVolumeSource,
  QuobyteVolumeSource,
  VsphereVirtualDiskVolumeSource,
} from "../common/pod";
import { age, ageColumn, col, nameColumn } from "../common/print";
import { child, forbidden, GoValue, invalid, key, notSupported, required, type FieldError } from "../../machinery/field-errors";
import { isDNS1123Subdomain } from "../../machinery/names";
import { tryParseQuantity } from "../../machinery/quantity";
import { rfc3339 } from "../../machinery/time";

export interface PersistentVolume extends KubeObject {
  spec?: {
    capacity?: Record<string, string>;
    accessModes?: string[];
    claimRef?: { kind?: string; namespace?: string; name?: string; uid?: string; apiVersion?: string; resourceVersion?: string };
    persistentVolumeReclaimPolicy?: string;
    storageClassName?: string;
    mountOptions?: string[];
    volumeMode?: string;
    nodeAffinity?: { required?: unknown };
    volumeAttributesClassName?: string;
    [source: string]: unknown;
  };
  status?: { phase?: string; message?: string; reason?: string; lastPhaseTransitionTime?: string };
}

/** The fields of core.PersistentVolumeSource, in Go declaration order, with their Go names. */
export const PV_SOURCES: ReadonlyArray<[json: string, goName: string]> = [
  ["gcePersistentDisk", "GCEPersistentDisk"],
  ["awsElasticBlockStore", "AWSElasticBlockStore"],
  ["hostPath", "HostPath"],
  ["glusterfs", "Glusterfs"],
  ["nfs", "NFS"],
  ["rbd", "RBD"],
  ["quobyte", "Quobyte"],
  ["iscsi", "ISCSI"],
  ["flexVolume", "FlexVolume"],
  ["cinder", "Cinder"],
  ["cephfs", "CephFS"],
  ["fc", "FC"],
  ["flocker", "Flocker"],
  ["azureFile", "AzureFile"],
  ["vsphereVolume", "VsphereVolume"],
  ["azureDisk", "AzureDisk"],
  ["photonPersistentDisk", "PhotonPersistentDisk"],
  ["portworxVolume", "PortworxVolume"],
  ["scaleIO", "ScaleIO"],
  ["local", "Local"],
  ["storageos", "StorageOS"],
  ["csi", "CSI"],
];

// ---------------------------------------------------------------------------------------------
// Schema
// ---------------------------------------------------------------------------------------------

export const GlusterfsPersistentVolumeSource = obj(
  {
    endpoints: str("endpoints is the endpoint name that details Glusterfs topology. More info: https://examples.k8s.io/volumes/glusterfs/README.md#create-a-pod"),
    endpointsNamespace: str("endpointsNamespace is the namespace that contains Glusterfs endpoint. If this field is empty, the EndpointNamespace defaults to the same namespace as the bound PVC. More info: https://examples.k8s.io/volumes/glusterfs/README.md#create-a-pod"),
    path: str("path is the Glusterfs volume path. More info: https://examples.k8s.io/volumes/glusterfs/README.md#create-a-pod"),
    readOnly: bool("readOnly here will force the Glusterfs volume to be mounted with read-only permissions. Defaults to false. More info: https://examples.k8s.io/volumes/glusterfs/README.md#create-a-pod"),
  },
  { id: "io.k8s.api.core.v1.GlusterfsPersistentVolumeSource", desc: "Represents a Glusterfs mount that lasts the lifetime of a pod. Glusterfs volumes do not support ownership management or SELinux relabeling.", required: ["endpoints", "path"] },
);

export const SecretReference = obj(
  {
    name: str("name is unique within a namespace to reference a secret resource."),
    namespace: str("namespace defines the space within which the secret name must be unique."),
  },
  { id: "io.k8s.api.core.v1.SecretReference", desc: "SecretReference represents a Secret Reference. It has enough information to retrieve secret in any namespace" },
);

export const RBDPersistentVolumeSource = obj(
  {
    fsType: str("fsType is the filesystem type of the volume that you want to mount. Tip: Ensure that the filesystem type is supported by the host operating system. Examples: \"ext4\", \"xfs\", \"ntfs\". Implicitly inferred to be \"ext4\" if unspecified. More info: https://kubernetes.io/docs/concepts/storage/volumes#rbd"),
    image: str("image is the rados image name. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it"),
    keyring: str("keyring is the path to key ring for RBDUser. Default is /etc/ceph/keyring. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it"),
    monitors: strList({ listType: "atomic", desc: "monitors is a collection of Ceph monitors. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it" }),
    pool: str("pool is the rados pool name. Default is rbd. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it"),
    readOnly: bool("readOnly here will force the ReadOnly setting in VolumeMounts. Defaults to false. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it"),
    secretRef: SecretReference.describe("secretRef is name of the authentication secret for RBDUser. If provided overrides keyring. Default is nil. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it"),
    user: str("user is the rados user name. Default is admin. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it"),
  },
  { id: "io.k8s.api.core.v1.RBDPersistentVolumeSource", desc: "Represents a Rados Block Device mount that lasts the lifetime of a pod. RBD volumes support ownership management and SELinux relabeling.", required: ["image", "monitors"] },
);

export const ISCSIPersistentVolumeSource = obj(
  {
    chapAuthDiscovery: bool("chapAuthDiscovery defines whether support iSCSI Discovery CHAP authentication"),
    chapAuthSession: bool("chapAuthSession defines whether support iSCSI Session CHAP authentication"),
    fsType: str("fsType is the filesystem type of the volume that you want to mount. Tip: Ensure that the filesystem type is supported by the host operating system. Examples: \"ext4\", \"xfs\", \"ntfs\". Implicitly inferred to be \"ext4\" if unspecified. More info: https://kubernetes.io/docs/concepts/storage/volumes#iscsi"),
    initiatorName: str("initiatorName is the custom iSCSI Initiator Name. If initiatorName is specified with iscsiInterface simultaneously, new iSCSI interface <target portal>:<volume name> will be created for the connection."),
    iqn: str("iqn is Target iSCSI Qualified Name."),
    iscsiInterface: str("iscsiInterface is the interface Name that uses an iSCSI transport. Defaults to 'default' (tcp)."),
    lun: int("lun is iSCSI Target Lun number."),
    portals: strList({ listType: "atomic", desc: "portals is the iSCSI Target Portal List. The Portal is either an IP or ip_addr:port if the port is other than default (typically TCP ports 860 and 3260)." }),
    readOnly: bool("readOnly here will force the ReadOnly setting in VolumeMounts. Defaults to false."),
    secretRef: SecretReference.describe("secretRef is the CHAP Secret for iSCSI target and initiator authentication"),
    targetPortal: str("targetPortal is iSCSI Target Portal. The Portal is either an IP or ip_addr:port if the port is other than default (typically TCP ports 860 and 3260)."),
  },
  { id: "io.k8s.api.core.v1.ISCSIPersistentVolumeSource", desc: "ISCSIPersistentVolumeSource represents an ISCSI disk. ISCSI volumes can only be mounted as read/write once. ISCSI volumes support ownership management and SELinux relabeling.", required: ["iqn", "lun", "targetPortal"] },
);

export const CinderPersistentVolumeSource = obj(
  {
    fsType: str("fsType Filesystem type to mount. Must be a filesystem type supported by the host operating system. Examples: \"ext4\", \"xfs\", \"ntfs\". Implicitly inferred to be \"ext4\" if unspecified. More info: https://examples.k8s.io/mysql-cinder-pd/README.md"),
    readOnly: bool("readOnly is Optional: Defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts. More info: https://examples.k8s.io/mysql-cinder-pd/README.md"),
    secretRef: SecretReference.describe("secretRef is Optional: points to a secret object containing parameters used to connect to OpenStack."),
    volumeID: str("volumeID used to identify the volume in cinder. More info: https://examples.k8s.io/mysql-cinder-pd/README.md"),
  },
  { id: "io.k8s.api.core.v1.CinderPersistentVolumeSource", desc: "Represents a cinder volume resource in Openstack. A Cinder volume must exist before mounting to a container. The volume must also be in the same region as the kubelet. Cinder volumes support ownership management and SELinux relabeling.", required: ["volumeID"] },
);

export const CephFSPersistentVolumeSource = obj(
  {
    monitors: strList({ listType: "atomic", desc: "monitors is Required: Monitors is a collection of Ceph monitors More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it" }),
    path: str("path is Optional: Used as the mounted root, rather than the full Ceph tree, default is /"),
    readOnly: bool("readOnly is Optional: Defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts. More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it"),
    secretFile: str("secretFile is Optional: SecretFile is the path to key ring for User, default is /etc/ceph/user.secret More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it"),
    secretRef: SecretReference.describe("secretRef is Optional: SecretRef is reference to the authentication secret for User, default is empty. More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it"),
    user: str("user is Optional: User is the rados user name, default is admin More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it"),
  },
  { id: "io.k8s.api.core.v1.CephFSPersistentVolumeSource", desc: "Represents a Ceph Filesystem mount that lasts the lifetime of a pod Cephfs volumes do not support ownership management or SELinux relabeling.", required: ["monitors"] },
);

export const FlexPersistentVolumeSource = obj(
  {
    driver: str("driver is the name of the driver to use for this volume."),
    fsType: str("fsType is the Filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. \"ext4\", \"xfs\", \"ntfs\". The default filesystem depends on FlexVolume script."),
    options: stringMap("options is Optional: this field holds extra command options if any."),
    readOnly: bool("readOnly is Optional: defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts."),
    secretRef: SecretReference.describe("secretRef is Optional: SecretRef is reference to the secret object containing sensitive information to pass to the plugin scripts. This may be empty if no secret object is specified. If the secret object contains more than one secret, all secrets are passed to the plugin scripts."),
  },
  { id: "io.k8s.api.core.v1.FlexPersistentVolumeSource", desc: "FlexPersistentVolumeSource represents a generic persistent volume resource that is provisioned/attached using an exec based plugin.", required: ["driver"] },
);

export const AzureFilePersistentVolumeSource = obj(
  {
    readOnly: bool("readOnly defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts."),
    secretName: str("secretName is the name of secret that contains Azure Storage Account Name and Key"),
    secretNamespace: str("secretNamespace is the namespace of the secret that contains Azure Storage Account Name and Key default is the same as the Pod"),
    shareName: str("shareName is the azure Share Name"),
  },
  { id: "io.k8s.api.core.v1.AzureFilePersistentVolumeSource", desc: "AzureFile represents an Azure File Service mount on the host and bind mount to the pod.", required: ["secretName", "shareName"] },
);

export const ScaleIOPersistentVolumeSource = obj(
  {
    fsType: str("fsType is the filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. \"ext4\", \"xfs\", \"ntfs\". Default is \"xfs\""),
    gateway: str("gateway is the host address of the ScaleIO API Gateway."),
    protectionDomain: str("protectionDomain is the name of the ScaleIO Protection Domain for the configured storage."),
    readOnly: bool("readOnly defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts."),
    secretRef: SecretReference.describe("secretRef references to the secret for ScaleIO user and other sensitive information. If this is not provided, Login operation will fail."),
    sslEnabled: bool("sslEnabled is the flag to enable/disable SSL communication with Gateway, default false"),
    storageMode: str("storageMode indicates whether the storage for a volume should be ThickProvisioned or ThinProvisioned. Default is ThinProvisioned."),
    storagePool: str("storagePool is the ScaleIO Storage Pool associated with the protection domain."),
    system: str("system is the name of the storage system as configured in ScaleIO."),
    volumeName: str("volumeName is the name of a volume already created in the ScaleIO system that is associated with this volume source."),
  },
  { id: "io.k8s.api.core.v1.ScaleIOPersistentVolumeSource", desc: "ScaleIOPersistentVolumeSource represents a persistent ScaleIO volume", required: ["gateway", "secretRef", "system"] },
);

export const LocalVolumeSource = obj(
  {
    fsType: str("fsType is the filesystem type to mount. It applies only when the Path is a block device. Must be a filesystem type supported by the host operating system. Ex. \"ext4\", \"xfs\", \"ntfs\". The default value is to auto-select a filesystem if unspecified."),
    path: str("path of the full path to the volume on the node. It can be either a directory or block device (disk, partition, ...)."),
  },
  { id: "io.k8s.api.core.v1.LocalVolumeSource", desc: "Local represents directly-attached storage with node affinity", required: ["path"] },
);

export const StorageOSPersistentVolumeSource = obj(
  {
    fsType: str("fsType is the filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. \"ext4\", \"xfs\", \"ntfs\". Implicitly inferred to be \"ext4\" if unspecified."),
    readOnly: bool("readOnly defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts."),
    secretRef: ObjectReference.describe("secretRef specifies the secret to use for obtaining the StorageOS API credentials.  If not specified, default values will be attempted."),
    volumeName: str("volumeName is the human-readable name of the StorageOS volume.  Volume names are only unique within a namespace."),
    volumeNamespace: str("volumeNamespace specifies the scope of the volume within StorageOS.  If no namespace is specified then the Pod's namespace will be used.  This allows the Kubernetes name scoping to be mirrored within StorageOS for tighter integration. Set VolumeName to any name to override the default behaviour. Set to \"default\" if you are not using namespaces within StorageOS. Namespaces that do not pre-exist within StorageOS will be created."),
  },
  { id: "io.k8s.api.core.v1.StorageOSPersistentVolumeSource", desc: "Represents a StorageOS persistent volume resource." },
);

export const CSIPersistentVolumeSource = obj(
  {
    controllerExpandSecretRef: SecretReference.describe("controllerExpandSecretRef is a reference to the secret object containing sensitive information to pass to the CSI driver to complete the CSI ControllerExpandVolume call. This field is optional, and may be empty if no secret is required. If the secret object contains more than one secret, all secrets are passed."),
    controllerPublishSecretRef: SecretReference.describe("controllerPublishSecretRef is a reference to the secret object containing sensitive information to pass to the CSI driver to complete the CSI ControllerPublishVolume and ControllerUnpublishVolume calls. This field is optional, and may be empty if no secret is required. If the secret object contains more than one secret, all secrets are passed."),
    driver: str("driver is the name of the driver to use for this volume. Required."),
    fsType: str("fsType to mount. Must be a filesystem type supported by the host operating system. Ex. \"ext4\", \"xfs\", \"ntfs\"."),
    nodeExpandSecretRef: SecretReference.describe("nodeExpandSecretRef is a reference to the secret object containing sensitive information to pass to the CSI driver to complete the CSI NodeExpandVolume call. This field is optional, may be omitted if no secret is required. If the secret object contains more than one secret, all secrets are passed."),
    nodePublishSecretRef: SecretReference.describe("nodePublishSecretRef is a reference to the secret object containing sensitive information to pass to the CSI driver to complete the CSI NodePublishVolume and NodeUnpublishVolume calls. This field is optional, and may be empty if no secret is required. If the secret object contains more than one secret, all secrets are passed."),
    nodeStageSecretRef: SecretReference.describe("nodeStageSecretRef is a reference to the secret object containing sensitive information to pass to the CSI driver to complete the CSI NodeStageVolume and NodeStageVolume and NodeUnstageVolume calls. This field is optional, and may be empty if no secret is required. If the secret object contains more than one secret, all secrets are passed."),
    readOnly: bool("readOnly value to pass to ControllerPublishVolumeRequest. Defaults to false (read/write)."),
    volumeAttributes: stringMap("volumeAttributes of the volume to publish."),
    volumeHandle: str("volumeHandle is the unique volume name returned by the CSI volume plugin’s CreateVolume to refer to the volume on all subsequent calls. Required."),
  },
  { id: "io.k8s.api.core.v1.CSIPersistentVolumeSource", desc: "Represents storage that is managed by an external CSI volume driver", required: ["driver", "volumeHandle"] },
);

export const VolumeNodeAffinity = obj(
  {
    required: NodeSelector.describe("required specifies hard node constraints that must be met."),
  },
  { id: "io.k8s.api.core.v1.VolumeNodeAffinity", desc: "VolumeNodeAffinity defines constraints that limit what nodes this volume can be accessed from." },
);

export const PersistentVolumeSpec = obj(
  {
    accessModes: strList({ listType: "atomic", desc: "accessModes contains all ways the volume can be mounted. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes" }),
    awsElasticBlockStore: AWSElasticBlockStoreVolumeSource.describe("awsElasticBlockStore represents an AWS Disk resource that is attached to a kubelet's host machine and then exposed to the pod. Deprecated: AWSElasticBlockStore is deprecated. All operations for the in-tree awsElasticBlockStore type are redirected to the ebs.csi.aws.com CSI driver. More info: https://kubernetes.io/docs/concepts/storage/volumes#awselasticblockstore"),
    azureDisk: AzureDiskVolumeSource.describe("azureDisk represents an Azure Data Disk mount on the host and bind mount to the pod. Deprecated: AzureDisk is deprecated. All operations for the in-tree azureDisk type are redirected to the disk.csi.azure.com CSI driver."),
    azureFile: AzureFilePersistentVolumeSource.describe("azureFile represents an Azure File Service mount on the host and bind mount to the pod. Deprecated: AzureFile is deprecated. All operations for the in-tree azureFile type are redirected to the file.csi.azure.com CSI driver."),
    capacity: quantityMap("capacity is the description of the persistent volume's resources and capacity. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#capacity"),
    cephfs: CephFSPersistentVolumeSource.describe("cephFS represents a Ceph FS mount on the host that shares a pod's lifetime. Deprecated: CephFS is deprecated and the in-tree cephfs type is no longer supported."),
    cinder: CinderPersistentVolumeSource.describe("cinder represents a cinder volume attached and mounted on kubelets host machine. Deprecated: Cinder is deprecated. All operations for the in-tree cinder type are redirected to the cinder.csi.openstack.org CSI driver. More info: https://examples.k8s.io/mysql-cinder-pd/README.md"),
    claimRef: ObjectReference.describe("claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim. Expected to be non-nil when bound. claim.VolumeName is the authoritative bind between PV and PVC. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#binding"),
    csi: CSIPersistentVolumeSource.describe("csi represents storage that is handled by an external CSI driver."),
    fc: FCVolumeSource.describe("fc represents a Fibre Channel resource that is attached to a kubelet's host machine and then exposed to the pod."),
    flexVolume: FlexPersistentVolumeSource.describe("flexVolume represents a generic volume resource that is provisioned/attached using an exec based plugin. Deprecated: FlexVolume is deprecated. Consider using a CSIDriver instead."),
    flocker: FlockerVolumeSource.describe("flocker represents a Flocker volume attached to a kubelet's host machine and exposed to the pod for its usage. This depends on the Flocker control service being running. Deprecated: Flocker is deprecated and the in-tree flocker type is no longer supported."),
    gcePersistentDisk: GCEPersistentDiskVolumeSource.describe("gcePersistentDisk represents a GCE Disk resource that is attached to a kubelet's host machine and then exposed to the pod. Provisioned by an admin. Deprecated: GCEPersistentDisk is deprecated. All operations for the in-tree gcePersistentDisk type are redirected to the pd.csi.storage.gke.io CSI driver. More info: https://kubernetes.io/docs/concepts/storage/volumes#gcepersistentdisk"),
    glusterfs: GlusterfsPersistentVolumeSource.describe("glusterfs represents a Glusterfs volume that is attached to a host and exposed to the pod. Provisioned by an admin. Deprecated: Glusterfs is deprecated and the in-tree glusterfs type is no longer supported. More info: https://examples.k8s.io/volumes/glusterfs/README.md"),
    hostPath: HostPathVolumeSource.describe("hostPath represents a directory on the host. Provisioned by a developer or tester. This is useful for single-node development and testing only! On-host storage is not supported in any way and WILL NOT WORK in a multi-node cluster. More info: https://kubernetes.io/docs/concepts/storage/volumes#hostpath"),
    iscsi: ISCSIPersistentVolumeSource.describe("iscsi represents an ISCSI Disk resource that is attached to a kubelet's host machine and then exposed to the pod. Provisioned by an admin."),
    local: LocalVolumeSource.describe("local represents directly-attached storage with node affinity"),
    mountOptions: strList({ listType: "atomic", desc: "mountOptions is the list of mount options, e.g. [\"ro\", \"soft\"]. Not validated - mount will simply fail if one is invalid. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes/#mount-options" }),
    nfs: NFSVolumeSource.describe("nfs represents an NFS mount on the host. Provisioned by an admin. More info: https://kubernetes.io/docs/concepts/storage/volumes#nfs"),
    nodeAffinity: VolumeNodeAffinity.describe("nodeAffinity defines constraints that limit what nodes this volume can be accessed from. This field influences the scheduling of pods that use this volume."),
    persistentVolumeReclaimPolicy: strEnum(["Delete", "Recycle", "Retain"], "persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim. Valid options are Retain (default for manually created PersistentVolumes), Delete (default for dynamically provisioned PersistentVolumes), and Recycle (deprecated). Recycle must be supported by the volume plugin underlying this PersistentVolume. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#reclaiming\n\nPossible enum values:\n - `\"Delete\"` means the volume will be deleted from Kubernetes on release from its claim. The volume plugin must support Deletion.\n - `\"Recycle\"` means the volume will be recycled back into the pool of unbound persistent volumes on release from its claim. The volume plugin must support Recycling.\n - `\"Retain\"` means the volume will be left in its current phase (Released) for manual reclamation by the administrator. The default policy is Retain."),
    photonPersistentDisk: PhotonPersistentDiskVolumeSource.describe("photonPersistentDisk represents a PhotonController persistent disk attached and mounted on kubelets host machine. Deprecated: PhotonPersistentDisk is deprecated and the in-tree photonPersistentDisk type is no longer supported."),
    portworxVolume: PortworxVolumeSource.describe("portworxVolume represents a portworx volume attached and mounted on kubelets host machine. Deprecated: PortworxVolume is deprecated. All operations for the in-tree portworxVolume type are redirected to the pxd.portworx.com CSI driver when the CSIMigrationPortworx feature-gate is on."),
    quobyte: QuobyteVolumeSource.describe("quobyte represents a Quobyte mount on the host that shares a pod's lifetime. Deprecated: Quobyte is deprecated and the in-tree quobyte type is no longer supported."),
    rbd: RBDPersistentVolumeSource.describe("rbd represents a Rados Block Device mount on the host that shares a pod's lifetime. Deprecated: RBD is deprecated and the in-tree rbd type is no longer supported. More info: https://examples.k8s.io/volumes/rbd/README.md"),
    scaleIO: ScaleIOPersistentVolumeSource.describe("scaleIO represents a ScaleIO persistent volume attached and mounted on Kubernetes nodes. Deprecated: ScaleIO is deprecated and the in-tree scaleIO type is no longer supported."),
    storageClassName: str("storageClassName is the name of StorageClass to which this persistent volume belongs. Empty value means that this volume does not belong to any StorageClass."),
    storageos: StorageOSPersistentVolumeSource.describe("storageOS represents a StorageOS volume that is attached to the kubelet's host machine and mounted into the pod. Deprecated: StorageOS is deprecated and the in-tree storageos type is no longer supported. More info: https://examples.k8s.io/volumes/storageos/README.md"),
    volumeAttributesClassName: str("Name of VolumeAttributesClass to which this persistent volume belongs. Empty value is not allowed. When this field is not set, it indicates that this volume does not belong to any VolumeAttributesClass. This field is mutable and can be changed by the CSI driver after a volume has been updated successfully to a new class. For an unbound PersistentVolume, the volumeAttributesClassName will be matched with unbound PersistentVolumeClaims during the binding process. This is a beta field and requires enabling VolumeAttributesClass feature (off by default)."),
    volumeMode: strEnum(["Block", "Filesystem"], "volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state. Value of Filesystem is implied when not included in spec.\n\nPossible enum values:\n - `\"Block\"` means the volume will not be formatted with a filesystem and will remain a raw block device.\n - `\"Filesystem\"` means the volume will be or is formatted with a filesystem."),
    vsphereVolume: VsphereVirtualDiskVolumeSource.describe("vsphereVolume represents a vSphere volume attached and mounted on kubelets host machine. Deprecated: VsphereVolume is deprecated. All operations for the in-tree vsphereVolume type are redirected to the csi.vsphere.vmware.com CSI driver."),
  },
  { id: "io.k8s.api.core.v1.PersistentVolumeSpec", desc: "PersistentVolumeSpec is the specification of a persistent volume." },
);

export const PersistentVolumeStatus = obj(
  {
    lastPhaseTransitionTime: time("lastPhaseTransitionTime is the time the phase transitioned from one to another and automatically resets to current time everytime a volume phase transitions."),
    message: str("message is a human-readable message indicating details about why the volume is in this state."),
    phase: strEnum(["Available", "Bound", "Failed", "Pending", "Released"], "phase indicates if a volume is available, bound to a claim, or released by a claim. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#phase\n\nPossible enum values:\n - `\"Available\"` used for PersistentVolumes that are not yet bound Available volumes are held by the binder and matched to PersistentVolumeClaims\n - `\"Bound\"` used for PersistentVolumes that are bound\n - `\"Failed\"` used for PersistentVolumes that failed to be correctly recycled or deleted after being released from a claim\n - `\"Pending\"` used for PersistentVolumes that are not available\n - `\"Released\"` used for PersistentVolumes where the bound PersistentVolumeClaim was deleted released volumes must be recycled before becoming available again this phase is used by the persistent volume claim binder to signal to another process to reclaim the resource"),
    reason: str("reason is a brief CamelCase string that describes any failure and is meant for machine parsing and tidy display in the CLI."),
  },
  { id: "io.k8s.api.core.v1.PersistentVolumeStatus", desc: "PersistentVolumeStatus is the current status of a persistent volume." },
);

// ---------------------------------------------------------------------------------------------
// Behaviour
// ---------------------------------------------------------------------------------------------

const ACCESS_MODES = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"];
const RECLAIM_POLICIES = ["Delete", "Recycle", "Retain"];
const VOLUME_MODES = ["Block", "Filesystem"];
const HOST_PATH_TYPES = ["", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"];

/** helper.GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order, duplicates removed. */
export function accessModesAsString(modes: readonly string[] | undefined): string {
  const m = new Set(modes ?? []);
  const out: string[] = [];
  if (m.has("ReadWriteOnce")) out.push("RWO");
  if (m.has("ReadOnlyMany")) out.push("ROX");
  if (m.has("ReadWriteMany")) out.push("RWX");
  if (m.has("ReadWriteOncePod")) out.push("RWOP");
  return out.join(",");
}

/** The access-mode checks shared by PersistentVolume and PersistentVolumeClaim specs. */
export function validateAccessModes(modes: readonly string[], field: string): FieldError[] {
  const errs: FieldError[] = [];
  let rwop = false;
  let other = false;
  for (const mode of modes) {
    if (!ACCESS_MODES.includes(mode)) errs.push(notSupported(field, mode, ACCESS_MODES));
    if (mode === "ReadWriteOncePod") rwop = true;
    else if (ACCESS_MODES.includes(mode)) other = true;
  }
  if (rwop && other) errs.push(forbidden(field, "may not use ReadWriteOncePod with other access modes"));
  return errs;
}

// --- cmp.Diff-style rendering for the immutability errors (an approximation of go-cmp's report) --

const goFieldName = (json: string) => json.charAt(0).toUpperCase() + json.slice(1);

/** A value as go-cmp prints it inside a struct literal (types elided). */
export function cmpValue(v: unknown, pointer = false, depth = 0): string {
  if (v === undefined || v === null) return "nil";
  const amp = pointer ? "&" : "";
  if (typeof v === "string") return amp + JSON.stringify(v);
  if (typeof v === "number" || typeof v === "boolean") return amp + String(v);
  if (depth >= 2) return `${amp}{...}`;
  if (Array.isArray(v)) return `{${v.map((x) => cmpValue(x, false, depth + 1)).join(", ")}}`;
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  return `${amp}{${entries.map(([k, x]) => `${goFieldName(k)}: ${cmpValue(x, false, depth + 1)}`).join(", ")}}`;
}

export interface DiffField {
  goName: string;
  old: unknown;
  new: unknown;
  pointer?: boolean;
  render?: (v: unknown) => string;
}

/** A go-cmp style report of a struct: changed fields as -/+ pairs, two fields of context, the rest elided. */
export function cmpDiff(typeName: string, fields: readonly DiffField[]): string {
  const same = (f: DiffField) => JSON.stringify(f.old ?? null) === JSON.stringify(f.new ?? null);
  const show = new Set<number>();
  fields.forEach((f, i) => {
    if (!same(f)) for (let j = i - 2; j <= i + 2; j++) if (j >= 0 && j < fields.length) show.add(j);
  });
  const width = Math.max(0, ...[...show].map((i) => fields[i].goName.length + 1));
  const fmt = (f: DiffField, v: unknown) => (f.render ? f.render(v) : cmpValue(v, f.pointer));
  const line = (mark: string, f: DiffField, v: unknown) => `${mark}\t${(f.goName + ":").padEnd(width)} ${fmt(f, v)},`;
  const out = [`  ${typeName}{`];
  let skipped = 0;
  const flush = () => {
    if (skipped) out.push(`  \t... // ${skipped} identical field${skipped === 1 ? "" : "s"}`);
    skipped = 0;
  };
  fields.forEach((f, i) => {
    if (!show.has(i)) {
      skipped++;
      return;
    }
    flush();
    if (same(f)) out.push(line(" ", f, f.new));
    else {
      if (f.old !== undefined || f.new === undefined) out.push(line("-", f, f.old));
      if (f.new !== undefined || f.old === undefined) out.push(line("+", f, f.new));
    }
  });
  flush();
  out.push("  }");
  return out.map((l) => (l.startsWith("-") || l.startsWith("+") ? l.replace(/^([-+])\t/, "$1 \t") : l.replace(/^ \t/, "  \t"))).join("\n");
}

// --- validation ---------------------------------------------------------------------------------

function validatePathNoBacksteps(p: string, field: string): FieldError[] {
  return p.split("/").includes("..") ? [invalid(field, p, "must not contain '..'")] : [];
}

/** The per-source checks learners run into (hostPath, nfs, local, csi). */
function validateSource(json: string, src: Record<string, unknown>, base: string): FieldError[] {
  const errs: FieldError[] = [];
  const f = (name: string) => child(base, name);
  switch (json) {
    case "hostPath": {
      const p = (src.path as string) ?? "";
      if (!p) return [required(f("path"))];
      errs.push(...validatePathNoBacksteps(p, f("path")));
      const t = src.type as string | undefined;
      if (t !== undefined && !HOST_PATH_TYPES.includes(t)) errs.push(notSupported(f("type"), t, HOST_PATH_TYPES));
      break;
    }
    case "nfs": {
      const p = (src.path as string) ?? "";
      if (!src.server) errs.push(required(f("server")));
      if (!p) errs.push(required(f("path")));
      if (!p.startsWith("/")) errs.push(invalid(f("path"), p, "must be an absolute path"));
      break;
    }
    case "local": {
      const p = (src.path as string) ?? "";
      if (!p) return [required(f("path"))];
      errs.push(...validatePathNoBacksteps(p, f("path")));
      break;
    }
    case "csi": {
      const d = (src.driver as string) ?? "";
      if (!d) errs.push(required(f("driver")));
      if (d.length > 63) errs.push({ type: "FieldValueTooLong", field: f("driver"), detail: "may not be more than 63 bytes", hasValue: false });
      for (const msg of isDNS1123Subdomain(d.toLowerCase())) errs.push(invalid(f("driver"), d, msg));
      if (!src.volumeHandle) errs.push(required(f("volumeHandle")));
      break;
    }
  }
  return errs;
}

/** The order and the paths ValidatePersistentVolumeSpec checks the sources in. */
const SOURCE_CHECK_ORDER: ReadonlyArray<[json: string, forbiddenPath: string, validatePath: string]> = [
  ["hostPath", "hostPath", "hostPath"],
  ["gcePersistentDisk", "gcePersistentDisk", "persistentDisk"],
  ["awsElasticBlockStore", "awsElasticBlockStore", "awsElasticBlockStore"],
  ["glusterfs", "glusterfs", "glusterfs"],
  ["flocker", "flocker", "flocker"],
  ["nfs", "nfs", "nfs"],
  ["rbd", "rbd", "rbd"],
  ["quobyte", "quobyte", "quobyte"],
  ["cephfs", "cephFS", "cephfs"],
  ["iscsi", "iscsi", "iscsi"],
  ["cinder", "cinder", "cinder"],
  ["fc", "fc", "fc"],
  ["flexVolume", "", "flexVolume"],
  ["azureFile", "azureFile", "azureFile"],
  ["vsphereVolume", "vsphereVolume", "vsphereVolume"],
  ["photonPersistentDisk", "photonPersistentDisk", "photonPersistentDisk"],
  ["portworxVolume", "portworxVolume", "portworxVolume"],
  ["azureDisk", "azureDisk", "azureDisk"],
  ["scaleIO", "scaleIO", "scaleIO"],
  ["local", "local", "local"],
  ["storageos", "storageos", "storageos"],
  ["csi", "csi", "csi"],
];

/** %#v of a core.ResourceList (the value of the capacity NotSupported error). */
function goResourceList(m: Record<string, string> | undefined): string {
  if (!m || !Object.keys(m).length) return m ? "core.ResourceList{}" : "core.ResourceList(nil)";
  return `core.ResourceList{${Object.keys(m).sort().map((k) => `${JSON.stringify(k)}:resource.Quantity{${JSON.stringify(m[k])}}`).join(", ")}}`;
}

export function validatePersistentVolumeSpec(pv: PersistentVolume): FieldError[] {
  const errs: FieldError[] = [];
  const spec = pv.spec ?? {};
  const modes = spec.accessModes ?? [];
  if (!modes.length) errs.push(required("spec.accessModes"));
  errs.push(...validateAccessModes(modes, "spec.accessModes"));
  const cap = spec.capacity;
  if (!cap || !Object.keys(cap).length) errs.push(required("spec.capacity"));
  if (!cap || !("storage" in cap) || Object.keys(cap).length > 1) {
    errs.push({ type: "FieldValueNotSupported", field: "spec.capacity", badValue: new GoValue(goResourceList(cap)), detail: 'supported values: "storage"', hasValue: true });
  }
  for (const k of Object.keys(cap ?? {}).sort()) {
    const q = tryParseQuantity(String(cap![k]));
    if (!q) continue;
    if (q.value() < 0) errs.push(invalid(key("spec.capacity", k), q.value(), "must be a valid resource quantity"));
    if (q.sign() <= 0) errs.push(invalid(key("spec.capacity", k), q.toString(), "must be greater than zero"));
  }
  if (spec.persistentVolumeReclaimPolicy && !RECLAIM_POLICIES.includes(spec.persistentVolumeReclaimPolicy)) {
    errs.push(notSupported("spec.persistentVolumeReclaimPolicy", spec.persistentVolumeReclaimPolicy, RECLAIM_POLICIES));
  }
  let nodeAffinitySpecified = false;
  if (spec.nodeAffinity) {
    nodeAffinitySpecified = true;
    if (!spec.nodeAffinity.required) errs.push(required("spec.nodeAffinity.required", "must specify required node constraints"));
  }
  let count = 0;
  for (const [json, forbiddenPath, validatePath] of SOURCE_CHECK_ORDER) {
    const src = spec[json] as Record<string, unknown> | undefined;
    if (src === undefined || src === null) continue;
    if (count > 0 && forbiddenPath) {
      errs.push(forbidden(`spec.${forbiddenPath}`, "may not specify more than 1 volume type"));
      continue;
    }
    count++;
    errs.push(...validateSource(json, src, `spec.${validatePath}`));
    if (json === "local" && !nodeAffinitySpecified) errs.push(required("spec.nodeAffinity", "Local volume requires node affinity"));
  }
  if (count === 0) errs.push(required("spec", "must specify a volume type"));
  const hostPath = spec.hostPath as { path?: string } | undefined;
  if (hostPath?.path && normalizePath(hostPath.path) === "/" && spec.persistentVolumeReclaimPolicy === "Recycle") {
    errs.push(forbidden("spec.persistentVolumeReclaimPolicy", "may not be 'recycle' for a hostPath mount of '/'"));
  }
  if (spec.storageClassName) for (const msg of isDNS1123Subdomain(spec.storageClassName)) errs.push(invalid("spec.storageClassName", spec.storageClassName, msg));
  if (spec.volumeMode !== undefined && !VOLUME_MODES.includes(spec.volumeMode)) errs.push(notSupported("spec.volumeMode", spec.volumeMode, VOLUME_MODES));
  return errs;
}

/** path.Clean for the '/' check. */
function normalizePath(p: string): string {
  const parts: string[] = [];
  for (const s of p.split("/")) {
    if (!s || s === ".") continue;
    if (s === "..") parts.pop();
    else parts.push(s);
  }
  return (p.startsWith("/") ? "/" : "") + parts.join("/") || ".";
}

export function validatePersistentVolume(pv: PersistentVolume, old: PersistentVolume | undefined, subresource?: string): FieldError[] {
  if (subresource === "status") return [];
  const errs = validatePersistentVolumeSpec(pv);
  if (!old) return errs;
  const spec = pv.spec ?? {};
  const oldSpec = old.spec ?? {};
  const fields: DiffField[] = PV_SOURCES.map(([json, goName]) => ({ goName, old: oldSpec[json], new: spec[json], pointer: true }));
  // A CSI controllerExpandSecretRef may be set once.
  const csiOld = oldSpec.csi as Record<string, unknown> | undefined;
  const csiNew = spec.csi as Record<string, unknown> | undefined;
  if (csiOld && csiNew && csiOld.controllerExpandSecretRef === undefined && csiNew.controllerExpandSecretRef !== undefined) {
    const { controllerExpandSecretRef: _, ...rest } = csiNew;
    fields[PV_SOURCES.findIndex(([j]) => j === "csi")].new = rest;
  }
  if (fields.some((f) => JSON.stringify(f.old ?? null) !== JSON.stringify(f.new ?? null))) {
    errs.push(forbidden("spec.persistentvolumesource", `spec.persistentvolumesource is immutable after creation\n${cmpDiff("core.PersistentVolumeSource", fields)}`));
  }
  if ((spec.volumeMode ?? null) !== (oldSpec.volumeMode ?? null)) errs.push(invalid("volumeMode", spec.volumeMode ?? null, "field is immutable"));
  if (oldSpec.nodeAffinity && JSON.stringify(oldSpec.nodeAffinity) !== JSON.stringify(spec.nodeAffinity ?? null)) {
    errs.push(invalid("nodeAffinity", new GoValue(cmpValue(spec.nodeAffinity, true)), "field is immutable, except for updating from beta label to GA"));
  }
  return errs;
}

/**
 * The PV status strategy's lastPhaseTransitionTime bookkeeping (PersistentVolumeLastPhaseTransitionTime,
 * GA in 1.31): a phase change stamps the time unless the writer set it. The API server should call
 * this on status writes.
 */
export function preparePersistentVolumeStatusUpdate(pv: PersistentVolume, old: PersistentVolume, nowMs: number): void {
  const st = (pv.status ??= {});
  const oldSt = old.status ?? {};
  if (st.phase === oldSt.phase && st.lastPhaseTransitionTime === undefined) {
    if (oldSt.lastPhaseTransitionTime !== undefined) st.lastPhaseTransitionTime = oldSt.lastPhaseTransitionTime;
  } else if (st.phase !== oldSt.phase && (st.lastPhaseTransitionTime === undefined || st.lastPhaseTransitionTime === oldSt.lastPhaseTransitionTime)) {
    st.lastPhaseTransitionTime = rfc3339(nowMs);
  }
}

/** helper.GetPersistentVolumeClass: the beta annotation wins over spec.storageClassName. */
export function persistentVolumeClass(pv: PersistentVolume): string {
  const ann = pv.metadata.annotations?.["volume.beta.kubernetes.io/storage-class"];
  if (ann !== undefined) return ann;
  return pv.spec?.storageClassName ?? "";
}

function defaultPersistentVolume(pv: PersistentVolume): void {
  const spec = (pv.spec ??= {});
  if (pv.status && !pv.status.phase) pv.status.phase = "Pending";
  if (!pv.status) pv.status = { phase: "Pending" };
  if (!spec.persistentVolumeReclaimPolicy) spec.persistentVolumeReclaimPolicy = "Retain";
  if (spec.volumeMode === undefined) spec.volumeMode = "Filesystem";
  const hostPath = spec.hostPath as Record<string, unknown> | undefined;
  if (hostPath && hostPath.type === undefined) hostPath.type = "";
  const rbd = spec.rbd as Record<string, unknown> | undefined;
  if (rbd) {
    if (!rbd.pool) rbd.pool = "rbd";
    if (!rbd.user) rbd.user = "admin";
    if (!rbd.keyring) rbd.keyring = "/etc/ceph/keyring";
  }
  const iscsi = spec.iscsi as Record<string, unknown> | undefined;
  if (iscsi && !iscsi.iscsiInterface) iscsi.iscsiInterface = "default";
  const azureDisk = spec.azureDisk as Record<string, unknown> | undefined;
  if (azureDisk) {
    if (azureDisk.cachingMode === undefined) azureDisk.cachingMode = "ReadWrite";
    if (azureDisk.fsType === undefined) azureDisk.fsType = "ext4";
    if (azureDisk.readOnly === undefined) azureDisk.readOnly = false;
    if (azureDisk.kind === undefined) azureDisk.kind = "Shared";
  }
  const scaleIO = spec.scaleIO as Record<string, unknown> | undefined;
  if (scaleIO) {
    if (!scaleIO.storageMode) scaleIO.storageMode = "ThinProvisioned";
    if (!scaleIO.fsType) scaleIO.fsType = "xfs";
  }
}

export const persistentVolume: KindDef<PersistentVolume> = {
  group: "",
  version: "v1",
  kind: "PersistentVolume",
  plural: "persistentvolumes",
  singular: "persistentvolume",
  shortNames: ["pv"],
  namespaced: false,
  statusSubresource: true,
  prepareForStatusUpdate: (pv, old, ctx) => preparePersistentVolumeStatusUpdate(pv, old, ctx.nowMs),
  schema: kindSchema(
    "io.k8s.api.core.v1.PersistentVolume",
    "PersistentVolume (PV) is a storage resource provisioned by an administrator. It is analogous to a node. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes",
    {
      spec: PersistentVolumeSpec.describe("spec defines a specification of a persistent volume owned by the cluster. Provisioned by an administrator. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#persistent-volumes"),
      status: PersistentVolumeStatus.describe("status represents the current information/status for the persistent volume. Populated by the system. Read-only. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#persistent-volumes"),
    },
    ObjectMeta,
  ),
  applyDefaults: (pv) => defaultPersistentVolume(pv),
  prepareForCreate(pv, ctx) {
    pv.status = { phase: "Pending", lastPhaseTransitionTime: rfc3339(ctx.nowMs) };
    // StorageObjectInUseProtection admission.
    if (!(pv.metadata.finalizers ?? []).includes("kubernetes.io/pv-protection")) pv.metadata.finalizers = [...(pv.metadata.finalizers ?? []), "kubernetes.io/pv-protection"];
    // VolumeAttributesClass is a disabled beta feature in 1.32: the field is dropped.
    if (pv.spec) delete pv.spec.volumeAttributesClassName;
  },
  prepareForUpdate(pv, old) {
    if (pv.spec && old.spec?.volumeAttributesClassName === undefined) delete pv.spec.volumeAttributesClassName;
  },
  validate: (pv, ctx) => validatePersistentVolume(pv, ctx.old as PersistentVolume | undefined, ctx.subresource),
  columns: [
    nameColumn(),
    col("Capacity", "string", "capacity is the description of the persistent volume's resources and capacity. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#capacity"),
    col("Access Modes", "string", "accessModes contains all ways the volume can be mounted. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes"),
    col(
      "Reclaim Policy",
      "string",
      "persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim. Valid options are Retain (default for manually created PersistentVolumes), Delete (default for dynamically provisioned PersistentVolumes), and Recycle (deprecated). Recycle must be supported by the volume plugin underlying this PersistentVolume. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#reclaiming",
    ),
    col("Status", "string", "phase indicates if a volume is available, bound to a claim, or released by a claim. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#phase"),
    col(
      "Claim",
      "string",
      "claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim. Expected to be non-nil when bound. claim.VolumeName is the authoritative bind between PV and PVC. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#binding",
    ),
    col("StorageClass", "string", "StorageClass of the pv"),
    col("VolumeAttributesClass", "string", "VolumeAttributesClass of the pv"),
    col("Reason", "string", "reason is a brief CamelCase string that describes any failure and is meant for machine parsing and tidy display in the CLI."),
    ageColumn(),
    col("VolumeMode", "string", "volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state. Value of Filesystem is implied when not included in spec.", 1),
  ],
  printRow(pv, ctx) {
    const spec = pv.spec ?? {};
    const claim = spec.claimRef ? `${spec.claimRef.namespace ?? ""}/${spec.claimRef.name ?? ""}` : "";
    const storage = spec.capacity?.storage;
    const size = storage !== undefined ? (tryParseQuantity(String(storage))?.toString() ?? String(storage)) : "0";
    return [
      pv.metadata.name ?? "",
      size,
      accessModesAsString(spec.accessModes),
      spec.persistentVolumeReclaimPolicy ?? "",
      pv.metadata.deletionTimestamp ? "Terminating" : (pv.status?.phase ?? ""),
      claim,
      persistentVolumeClass(pv),
      spec.volumeAttributesClassName ?? "<unset>",
      pv.status?.reason ?? "",
      age(pv, ctx.nowMs),
      spec.volumeMode ?? "<unset>",
    ];
  },
};
