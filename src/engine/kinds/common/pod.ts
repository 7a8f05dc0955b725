// The Pod family's shared parts (k8s.io/api core/v1, Kubernetes 1.32): the schemas of PodSpec,
// PodTemplateSpec, PodStatus and everything they contain, with the field descriptions and the
// strategic-merge-patch metadata (patchMergeKey / patchStrategy / listType) of types.go; the
// defaulting of pkg/apis/core/v1/defaults.go (SetDefaults_PodSpec, SetDefaults_Container, ...);
// and the PodSpec validation of pkg/apis/core/validation/validation.go with its exact messages.
// Used by Pod, PodTemplate, ReplicationController and the apps/batch workload kinds.
import { z } from "zod";
import type { DefaultContext } from "../types";
import { bool, int, int64, intOrString, list, obj, quantity, quantityMap, str, strEnum, stringMap, strList, time } from "../schema";
import { LabelSelector, ObjectMeta, TypedLocalObjectReference } from "./meta";
import {
  child, duplicate, forbidden, GoValue, goQuote, index, invalid, key, notFound, notSupported, required, tooLong, type FieldError,
} from "../../machinery/field-errors";
import {
  inclusiveRangeError, isConfigMapKey, isDNS1123Label, isDNS1123Subdomain, isDNS1123SubdomainWithUnderscore, isHTTPHeaderName,
  isQualifiedName, isRelaxedEnvVarName, isValidGroupID, isValidLabelValue, isValidPortName, isValidPortNum, isValidUserID, nameIsDNSSubdomain,
} from "../../machinery/names";
import { tryParseQuantity, type Quantity } from "../../machinery/quantity";

// ---------------------------------------------------------------------------------------------
// Schemas. One constant per Go struct, named like it; OpenAPI ids io.k8s.api.core.v1.<Name>.
// Fields sorted by JSON name; descriptions are the Go doc comments as the OpenAPI publishes them.
// ---------------------------------------------------------------------------------------------

export const HostPathVolumeSource = obj(
  {
    path: str("path of the directory on the host. If the path is a symlink, it will follow the link to the real path. More info: https://kubernetes.io/docs/concepts/storage/volumes#hostpath"),
    type: strEnum(["", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"], "type for HostPath Volume Defaults to \"\" More info: https://kubernetes.io/docs/concepts/storage/volumes#hostpath\n\nPossible enum values:\n - `\"\"` For backwards compatible, leave it empty if unset\n - `\"BlockDevice\"` A block device must exist at the given path\n - `\"CharDevice\"` A character device must exist at the given path\n - `\"Directory\"` A directory must exist at the given path\n - `\"DirectoryOrCreate\"` If nothing exists at the given path, an empty directory will be created there as needed with file mode 0755, having the same group and ownership with Kubelet.\n - `\"File\"` A file must exist at the given path\n - `\"FileOrCreate\"` If nothing exists at the given path, an empty file will be created there as needed with file mode 0644, having the same group and ownership with Kubelet.\n - `\"Socket\"` A UNIX socket must exist at the given path"),
  },
  { id: "io.k8s.api.core.v1.HostPathVolumeSource", desc: "Represents a host path mapped into a pod. Host path volumes do not support ownership management or SELinux relabeling.", required: ["path"] },
);

export const EmptyDirVolumeSource = obj(
  {
    medium: str("medium represents what type of storage medium should back this directory. The default is \"\" which means to use the node's default medium. Must be an empty string (default) or Memory. More info: https://kubernetes.io/docs/concepts/storage/volumes#emptydir"),
    sizeLimit: quantity("sizeLimit is the total amount of local storage required for this EmptyDir volume. The size limit is also applicable for memory medium. The maximum usage on memory medium EmptyDir would be the minimum value between the SizeLimit specified here and the sum of memory limits of all containers in a pod. The default is nil which means that the limit is undefined. More info: https://kubernetes.io/docs/concepts/storage/volumes#emptydir"),
  },
  { id: "io.k8s.api.core.v1.EmptyDirVolumeSource", desc: "Represents an empty directory for a pod. Empty directory volumes support ownership management and SELinux relabeling." },
);

export const GCEPersistentDiskVolumeSource = obj(
  {
    fsType: str("fsType is filesystem type of the volume that you want to mount. Tip: Ensure that the filesystem type is supported by the host operating system. Examples: \"ext4\", \"xfs\", \"ntfs\". Implicitly inferred to be \"ext4\" if unspecified. More info: https://kubernetes.io/docs/concepts/storage/volumes#gcepersistentdisk"),
    partition: int("partition is the partition in the volume that you want to mount. If omitted, the default is to mount by volume name. Examples: For volume /dev/sda1, you specify the partition as \"1\". Similarly, the volume partition for /dev/sda is \"0\" (or you can leave the property empty). More info: https://kubernetes.io/docs/concepts/storage/volumes#gcepersistentdisk"),
    pdName: str("pdName is unique name of the PD resource in GCE. Used to identify the disk in GCE. More info: https://kubernetes.io/docs/concepts/storage/volumes#gcepersistentdisk"),
    readOnly: bool("readOnly here will force the ReadOnly setting in VolumeMounts. Defaults to false. More info: https://kubernetes.io/docs/concepts/storage/volumes#gcepersistentdisk"),
  },
  { id: "io.k8s.api.core.v1.GCEPersistentDiskVolumeSource", desc: "Represents a Persistent Disk resource in Google Compute Engine.\n\nA GCE PD must exist before mounting to a container. The disk must also be in the same GCE project and zone as the kubelet. A GCE PD can only be mounted as read/write once or read-only many times. GCE PDs support ownership management and SELinux relabeling.", required: ["pdName"] },
);

export const AWSElasticBlockStoreVolumeSource = obj(
  {
    fsType: str("fsType is the filesystem type of the volume that you want to mount. Tip: Ensure that the filesystem type is supported by the host operating system. Examples: \"ext4\", \"xfs\", \"ntfs\". Implicitly inferred to be \"ext4\" if unspecified. More info: https://kubernetes.io/docs/concepts/storage/volumes#awselasticblockstore"),
    partition: int("partition is the partition in the volume that you want to mount. If omitted, the default is to mount by volume name. Examples: For volume /dev/sda1, you specify the partition as \"1\". Similarly, the volume partition for /dev/sda is \"0\" (or you can leave the property empty)."),
    readOnly: bool("readOnly value true will force the readOnly setting in VolumeMounts. More info: https://kubernetes.io/docs/concepts/storage/volumes#awselasticblockstore"),
    volumeID: str("volumeID is unique ID of the persistent disk resource in AWS (Amazon EBS volume). More info: https://kubernetes.io/docs/concepts/storage/volumes#awselasticblockstore"),
  },
  { id: "io.k8s.api.core.v1.AWSElasticBlockStoreVolumeSource", desc: "Represents a Persistent Disk resource in AWS.\n\nAn AWS EBS disk must exist before mounting to a container. The disk must also be in the same AWS zone as the kubelet. An AWS EBS disk can only be mounted as read/write once. AWS EBS volumes support ownership management and SELinux relabeling.", required: ["volumeID"] },
);

export const GitRepoVolumeSource = obj(
  {
    directory: str("directory is the target directory name. Must not contain or start with '..'.  If '.' is supplied, the volume directory will be the git repository.  Otherwise, if specified, the volume will contain the git repository in the subdirectory with the given name."),
    repository: str("repository is the URL"),
    revision: str("revision is the commit hash for the specified revision."),
  },
  { id: "io.k8s.api.core.v1.GitRepoVolumeSource", desc: "Represents a volume that is populated with the contents of a git repository. Git repo volumes do not support ownership management. Git repo volumes support SELinux relabeling.\n\nDEPRECATED: GitRepo is deprecated. To provision a container with a git repo, mount an EmptyDir into an InitContainer that clones the repo using git, then mount the EmptyDir into the Pod's container.", required: ["repository"] },
);

export const KeyToPath = obj(
  {
    key: str("key is the key to project."),
    mode: int("mode is Optional: mode bits used to set permissions on this file. Must be an octal value between 0000 and 0777 or a decimal value between 0 and 511. YAML accepts both octal and decimal values, JSON requires decimal values for mode bits. If not specified, the volume defaultMode will be used. This might be in conflict with other options that affect the file mode, like fsGroup, and the result can be other mode bits set."),
    path: str("path is the relative path of the file to map the key to. May not be an absolute path. May not contain the path element '..'. May not start with the string '..'."),
  },
  { id: "io.k8s.api.core.v1.KeyToPath", desc: "Maps a string key to a path within a volume.", required: ["key", "path"] },
);

export const SecretVolumeSource = obj(
  {
    defaultMode: int("defaultMode is Optional: mode bits used to set permissions on created files by default. Must be an octal value between 0000 and 0777 or a decimal value between 0 and 511. YAML accepts both octal and decimal values, JSON requires decimal values for mode bits. Defaults to 0644. Directories within the path are not affected by this setting. This might be in conflict with other options that affect the file mode, like fsGroup, and the result can be other mode bits set."),
    items: list(KeyToPath, { listType: "atomic", desc: "items If unspecified, each key-value pair in the Data field of the referenced Secret will be projected into the volume as a file whose name is the key and content is the value. If specified, the listed keys will be projected into the specified paths, and unlisted keys will not be present. If a key is specified which is not present in the Secret, the volume setup will error unless it is marked optional. Paths must be relative and may not contain the '..' path or start with '..'." }),
    optional: bool("optional field specify whether the Secret or its keys must be defined"),
    secretName: str("secretName is the name of the secret in the pod's namespace to use. More info: https://kubernetes.io/docs/concepts/storage/volumes#secret"),
  },
  { id: "io.k8s.api.core.v1.SecretVolumeSource", desc: "Adapts a Secret into a volume.\n\nThe contents of the target Secret's Data field will be presented in a volume as files using the keys in the Data field as the file names. Secret volumes support ownership management and SELinux relabeling." },
);

export const NFSVolumeSource = obj(
  {
    path: str("path that is exported by the NFS server. More info: https://kubernetes.io/docs/concepts/storage/volumes#nfs"),
    readOnly: bool("readOnly here will force the NFS export to be mounted with read-only permissions. Defaults to false. More info: https://kubernetes.io/docs/concepts/storage/volumes#nfs"),
    server: str("server is the hostname or IP address of the NFS server. More info: https://kubernetes.io/docs/concepts/storage/volumes#nfs"),
  },
  { id: "io.k8s.api.core.v1.NFSVolumeSource", desc: "Represents an NFS mount that lasts the lifetime of a pod. NFS volumes do not support ownership management or SELinux relabeling.", required: ["path", "server"] },
);

export const LocalObjectReference = obj(
  {
    name: str("Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names"),
  },
  { id: "io.k8s.api.core.v1.LocalObjectReference", desc: "LocalObjectReference contains enough information to let you locate the referenced object inside the same namespace." },
);

export const ISCSIVolumeSource = obj(
  {
    chapAuthDiscovery: bool("chapAuthDiscovery defines whether support iSCSI Discovery CHAP authentication"),
    chapAuthSession: bool("chapAuthSession defines whether support iSCSI Session CHAP authentication"),
    fsType: str("fsType is the filesystem type of the volume that you want to mount. Tip: Ensure that the filesystem type is supported by the host operating system. Examples: \"ext4\", \"xfs\", \"ntfs\". Implicitly inferred to be \"ext4\" if unspecified. More info: https://kubernetes.io/docs/concepts/storage/volumes#iscsi"),
    initiatorName: str("initiatorName is the custom iSCSI Initiator Name. If initiatorName is specified with iscsiInterface simultaneously, new iSCSI interface <target portal>:<volume name> will be created for the connection."),
    iqn: str("iqn is the target iSCSI Qualified Name."),
    iscsiInterface: str("iscsiInterface is the interface Name that uses an iSCSI transport. Defaults to 'default' (tcp)."),
    lun: int("lun represents iSCSI Target Lun number."),
    portals: strList({ listType: "atomic", desc: "portals is the iSCSI Target Portal List. The portal is either an IP or ip_addr:port if the port is other than default (typically TCP ports 860 and 3260)." }),
    readOnly: bool("readOnly here will force the ReadOnly setting in VolumeMounts. Defaults to false."),
    secretRef: LocalObjectReference.describe("secretRef is the CHAP Secret for iSCSI target and initiator authentication"),
    targetPortal: str("targetPortal is iSCSI Target Portal. The Portal is either an IP or ip_addr:port if the port is other than default (typically TCP ports 860 and 3260)."),
  },
  { id: "io.k8s.api.core.v1.ISCSIVolumeSource", desc: "Represents an ISCSI disk. ISCSI volumes can only be mounted as read/write once. ISCSI volumes support ownership management and SELinux relabeling.", required: ["iqn", "lun", "targetPortal"] },
);

export const GlusterfsVolumeSource = obj(
  {
    endpoints: str("endpoints is the endpoint name that details Glusterfs topology. More info: https://examples.k8s.io/volumes/glusterfs/README.md#create-a-pod"),
    path: str("path is the Glusterfs volume path. More info: https://examples.k8s.io/volumes/glusterfs/README.md#create-a-pod"),
    readOnly: bool("readOnly here will force the Glusterfs volume to be mounted with read-only permissions. Defaults to false. More info: https://examples.k8s.io/volumes/glusterfs/README.md#create-a-pod"),
  },
  { id: "io.k8s.api.core.v1.GlusterfsVolumeSource", desc: "Represents a Glusterfs mount that lasts the lifetime of a pod. Glusterfs volumes do not support ownership management or SELinux relabeling.", required: ["endpoints", "path"] },
);

export const PersistentVolumeClaimVolumeSource = obj(
  {
    claimName: str("claimName is the name of a PersistentVolumeClaim in the same namespace as the pod using this volume. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#persistentvolumeclaims"),
    readOnly: bool("readOnly Will force the ReadOnly setting in VolumeMounts. Default false."),
  },
  { id: "io.k8s.api.core.v1.PersistentVolumeClaimVolumeSource", desc: "PersistentVolumeClaimVolumeSource references the user's PVC in the same namespace. This volume finds the bound PV and mounts that volume for the pod. A PersistentVolumeClaimVolumeSource is, essentially, a wrapper around another type of volume that is owned by someone else (the system).", required: ["claimName"] },
);

export const RBDVolumeSource = obj(
  {
    fsType: str("fsType is the filesystem type of the volume that you want to mount. Tip: Ensure that the filesystem type is supported by the host operating system. Examples: \"ext4\", \"xfs\", \"ntfs\". Implicitly inferred to be \"ext4\" if unspecified. More info: https://kubernetes.io/docs/concepts/storage/volumes#rbd"),
    image: str("image is the rados image name. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it"),
    keyring: str("keyring is the path to key ring for RBDUser. Default is /etc/ceph/keyring. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it"),
    monitors: strList({ listType: "atomic", desc: "monitors is a collection of Ceph monitors. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it" }),
    pool: str("pool is the rados pool name. Default is rbd. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it"),
    readOnly: bool("readOnly here will force the ReadOnly setting in VolumeMounts. Defaults to false. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it"),
    secretRef: LocalObjectReference.describe("secretRef is name of the authentication secret for RBDUser. If provided overrides keyring. Default is nil. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it"),
    user: str("user is the rados user name. Default is admin. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it"),
  },
  { id: "io.k8s.api.core.v1.RBDVolumeSource", desc: "Represents a Rados Block Device mount that lasts the lifetime of a pod. RBD volumes support ownership management and SELinux relabeling.", required: ["image", "monitors"] },
);

export const FlexVolumeSource = obj(
  {
    driver: str("driver is the name of the driver to use for this volume."),
    fsType: str("fsType is the filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. \"ext4\", \"xfs\", \"ntfs\". The default filesystem depends on FlexVolume script."),
    options: stringMap("options is Optional: this field holds extra command options if any."),
    readOnly: bool("readOnly is Optional: defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts."),
    secretRef: LocalObjectReference.describe("secretRef is Optional: secretRef is reference to the secret object containing sensitive information to pass to the plugin scripts. This may be empty if no secret object is specified. If the secret object contains more than one secret, all secrets are passed to the plugin scripts."),
  },
  { id: "io.k8s.api.core.v1.FlexVolumeSource", desc: "FlexVolume represents a generic volume resource that is provisioned/attached using an exec based plugin.", required: ["driver"] },
);

export const CinderVolumeSource = obj(
  {
    fsType: str("fsType is the filesystem type to mount. Must be a filesystem type supported by the host operating system. Examples: \"ext4\", \"xfs\", \"ntfs\". Implicitly inferred to be \"ext4\" if unspecified. More info: https://examples.k8s.io/mysql-cinder-pd/README.md"),
    readOnly: bool("readOnly defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts. More info: https://examples.k8s.io/mysql-cinder-pd/README.md"),
    secretRef: LocalObjectReference.describe("secretRef is optional: points to a secret object containing parameters used to connect to OpenStack."),
    volumeID: str("volumeID used to identify the volume in cinder. More info: https://examples.k8s.io/mysql-cinder-pd/README.md"),
  },
  { id: "io.k8s.api.core.v1.CinderVolumeSource", desc: "Represents a cinder volume resource in Openstack. A Cinder volume must exist before mounting to a container. The volume must also be in the same region as the kubelet. Cinder volumes support ownership management and SELinux relabeling.", required: ["volumeID"] },
);

export const CephFSVolumeSource = obj(
  {
    monitors: strList({ listType: "atomic", desc: "monitors is Required: Monitors is a collection of Ceph monitors More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it" }),
    path: str("path is Optional: Used as the mounted root, rather than the full Ceph tree, default is /"),
    readOnly: bool("readOnly is Optional: Defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts. More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it"),
    secretFile: str("secretFile is Optional: SecretFile is the path to key ring for User, default is /etc/ceph/user.secret More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it"),
    secretRef: LocalObjectReference.describe("secretRef is Optional: SecretRef is reference to the authentication secret for User, default is empty. More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it"),
    user: str("user is optional: User is the rados user name, default is admin More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it"),
  },
  { id: "io.k8s.api.core.v1.CephFSVolumeSource", desc: "Represents a Ceph Filesystem mount that lasts the lifetime of a pod Cephfs volumes do not support ownership management or SELinux relabeling.", required: ["monitors"] },
);

export const FlockerVolumeSource = obj(
  {
    datasetName: str("datasetName is Name of the dataset stored as metadata -> name on the dataset for Flocker should be considered as deprecated"),
    datasetUUID: str("datasetUUID is the UUID of the dataset. This is unique identifier of a Flocker dataset"),
  },
  { id: "io.k8s.api.core.v1.FlockerVolumeSource", desc: "Represents a Flocker volume mounted by the Flocker agent. One and only one of datasetName and datasetUUID should be set. Flocker volumes do not support ownership management or SELinux relabeling." },
);

export const ObjectFieldSelector = obj(
  {
    apiVersion: str("Version of the schema the FieldPath is written in terms of, defaults to \"v1\"."),
    fieldPath: str("Path of the field to select in the specified API version."),
  },
  { id: "io.k8s.api.core.v1.ObjectFieldSelector", desc: "ObjectFieldSelector selects an APIVersioned field of an object.", required: ["fieldPath"] },
);

export const ResourceFieldSelector = obj(
  {
    containerName: str("Container name: required for volumes, optional for env vars"),
    divisor: quantity("Specifies the output format of the exposed resources, defaults to \"1\""),
    resource: str("Required: resource to select"),
  },
  { id: "io.k8s.api.core.v1.ResourceFieldSelector", desc: "ResourceFieldSelector represents container resources (cpu, memory) and their output format", required: ["resource"] },
);

export const DownwardAPIVolumeFile = obj(
  {
    fieldRef: ObjectFieldSelector.describe("Required: Selects a field of the pod: only annotations, labels, name, namespace and uid are supported."),
    mode: int("Optional: mode bits used to set permissions on this file, must be an octal value between 0000 and 0777 or a decimal value between 0 and 511. YAML accepts both octal and decimal values, JSON requires decimal values for mode bits. If not specified, the volume defaultMode will be used. This might be in conflict with other options that affect the file mode, like fsGroup, and the result can be other mode bits set."),
    path: str("Required: Path is  the relative path name of the file to be created. Must not be absolute or contain the '..' path. Must be utf-8 encoded. The first item of the relative path must not start with '..'"),
    resourceFieldRef: ResourceFieldSelector.describe("Selects a resource of the container: only resources limits and requests (limits.cpu, limits.memory, requests.cpu and requests.memory) are currently supported."),
  },
  { id: "io.k8s.api.core.v1.DownwardAPIVolumeFile", desc: "DownwardAPIVolumeFile represents information to create the file containing the pod field", required: ["path"] },
);

export const DownwardAPIVolumeSource = obj(
  {
    defaultMode: int("Optional: mode bits to use on created files by default. Must be a Optional: mode bits used to set permissions on created files by default. Must be an octal value between 0000 and 0777 or a decimal value between 0 and 511. YAML accepts both octal and decimal values, JSON requires decimal values for mode bits. Defaults to 0644. Directories within the path are not affected by this setting. This might be in conflict with other options that affect the file mode, like fsGroup, and the result can be other mode bits set."),
    items: list(DownwardAPIVolumeFile, { listType: "atomic", desc: "Items is a list of downward API volume file" }),
  },
  { id: "io.k8s.api.core.v1.DownwardAPIVolumeSource", desc: "DownwardAPIVolumeSource represents a volume containing downward API info. Downward API volumes support ownership management and SELinux relabeling." },
);

export const FCVolumeSource = obj(
  {
    fsType: str("fsType is the filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. \"ext4\", \"xfs\", \"ntfs\". Implicitly inferred to be \"ext4\" if unspecified."),
    lun: int("lun is Optional: FC target lun number"),
    readOnly: bool("readOnly is Optional: Defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts."),
    targetWWNs: strList({ listType: "atomic", desc: "targetWWNs is Optional: FC target worldwide names (WWNs)" }),
    wwids: strList({ listType: "atomic", desc: "wwids Optional: FC volume world wide identifiers (wwids) Either wwids or combination of targetWWNs and lun must be set, but not both simultaneously." }),
  },
  { id: "io.k8s.api.core.v1.FCVolumeSource", desc: "Represents a Fibre Channel volume. Fibre Channel volumes can only be mounted as read/write once. Fibre Channel volumes support ownership management and SELinux relabeling." },
);

export const AzureFileVolumeSource = obj(
  {
    readOnly: bool("readOnly defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts."),
    secretName: str("secretName is the  name of secret that contains Azure Storage Account Name and Key"),
    shareName: str("shareName is the azure share Name"),
  },
  { id: "io.k8s.api.core.v1.AzureFileVolumeSource", desc: "AzureFile represents an Azure File Service mount on the host and bind mount to the pod.", required: ["secretName", "shareName"] },
);

export const ConfigMapVolumeSource = obj(
  {
    defaultMode: int("defaultMode is optional: mode bits used to set permissions on created files by default. Must be an octal value between 0000 and 0777 or a decimal value between 0 and 511. YAML accepts both octal and decimal values, JSON requires decimal values for mode bits. Defaults to 0644. Directories within the path are not affected by this setting. This might be in conflict with other options that affect the file mode, like fsGroup, and the result can be other mode bits set."),
    items: list(KeyToPath, { listType: "atomic", desc: "items if unspecified, each key-value pair in the Data field of the referenced ConfigMap will be projected into the volume as a file whose name is the key and content is the value. If specified, the listed keys will be projected into the specified paths, and unlisted keys will not be present. If a key is specified which is not present in the ConfigMap, the volume setup will error unless it is marked optional. Paths must be relative and may not contain the '..' path or start with '..'." }),
    name: str("Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names"),
    optional: bool("optional specify whether the ConfigMap or its keys must be defined"),
  },
  { id: "io.k8s.api.core.v1.ConfigMapVolumeSource", desc: "Adapts a ConfigMap into a volume.\n\nThe contents of the target ConfigMap's Data field will be presented in a volume as files using the keys in the Data field as the file names, unless the items element is populated with specific mappings of keys to paths. ConfigMap volumes support ownership management and SELinux relabeling." },
);

export const VsphereVirtualDiskVolumeSource = obj(
  {
    fsType: str("fsType is filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. \"ext4\", \"xfs\", \"ntfs\". Implicitly inferred to be \"ext4\" if unspecified."),
    storagePolicyID: str("storagePolicyID is the storage Policy Based Management (SPBM) profile ID associated with the StoragePolicyName."),
    storagePolicyName: str("storagePolicyName is the storage Policy Based Management (SPBM) profile name."),
    volumePath: str("volumePath is the path that identifies vSphere volume vmdk"),
  },
  { id: "io.k8s.api.core.v1.VsphereVirtualDiskVolumeSource", desc: "Represents a vSphere volume resource.", required: ["volumePath"] },
);

export const QuobyteVolumeSource = obj(
  {
    group: str("group to map volume access to Default is no group"),
    readOnly: bool("readOnly here will force the Quobyte volume to be mounted with read-only permissions. Defaults to false."),
    registry: str("registry represents a single or multiple Quobyte Registry services specified as a string as host:port pair (multiple entries are separated with commas) which acts as the central registry for volumes"),
    tenant: str("tenant owning the given Quobyte volume in the Backend Used with dynamically provisioned Quobyte volumes, value is set by the plugin"),
    user: str("user to map volume access to Defaults to serivceaccount user"),
    volume: str("volume is a string that references an already created Quobyte volume by name."),
  },
  { id: "io.k8s.api.core.v1.QuobyteVolumeSource", desc: "Represents a Quobyte mount that lasts the lifetime of a pod. Quobyte volumes do not support ownership management or SELinux relabeling.", required: ["registry", "volume"] },
);

export const AzureDiskVolumeSource = obj(
  {
    cachingMode: strEnum(["None", "ReadOnly", "ReadWrite"], "cachingMode is the Host Caching mode: None, Read Only, Read Write.\n\nPossible enum values:\n - `\"None\"`\n - `\"ReadOnly\"`\n - `\"ReadWrite\"`"),
    diskName: str("diskName is the Name of the data disk in the blob storage"),
    diskURI: str("diskURI is the URI of data disk in the blob storage"),
    fsType: str("fsType is Filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. \"ext4\", \"xfs\", \"ntfs\". Implicitly inferred to be \"ext4\" if unspecified."),
    kind: strEnum(["Dedicated", "Managed", "Shared"], "kind expected values are Shared: multiple blob disks per storage account  Dedicated: single blob disk per storage account  Managed: azure managed data disk (only in managed availability set). defaults to shared\n\nPossible enum values:\n - `\"Dedicated\"`\n - `\"Managed\"`\n - `\"Shared\"`"),
    readOnly: bool("readOnly Defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts."),
  },
  { id: "io.k8s.api.core.v1.AzureDiskVolumeSource", desc: "AzureDisk represents an Azure Data Disk mount on the host and bind mount to the pod.", required: ["diskName", "diskURI"] },
);

export const PhotonPersistentDiskVolumeSource = obj(
  {
    fsType: str("fsType is the filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. \"ext4\", \"xfs\", \"ntfs\". Implicitly inferred to be \"ext4\" if unspecified."),
    pdID: str("pdID is the ID that identifies Photon Controller persistent disk"),
  },
  { id: "io.k8s.api.core.v1.PhotonPersistentDiskVolumeSource", desc: "Represents a Photon Controller persistent disk resource.", required: ["pdID"] },
);

export const SecretProjection = obj(
  {
    items: list(KeyToPath, { listType: "atomic", desc: "items if unspecified, each key-value pair in the Data field of the referenced Secret will be projected into the volume as a file whose name is the key and content is the value. If specified, the listed keys will be projected into the specified paths, and unlisted keys will not be present. If a key is specified which is not present in the Secret, the volume setup will error unless it is marked optional. Paths must be relative and may not contain the '..' path or start with '..'." }),
    name: str("Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names"),
    optional: bool("optional field specify whether the Secret or its key must be defined"),
  },
  { id: "io.k8s.api.core.v1.SecretProjection", desc: "Adapts a secret into a projected volume.\n\nThe contents of the target Secret's Data field will be presented in a projected volume as files using the keys in the Data field as the file names. Note that this is identical to a secret volume source without the default mode." },
);

export const DownwardAPIProjection = obj(
  {
    items: list(DownwardAPIVolumeFile, { listType: "atomic", desc: "Items is a list of DownwardAPIVolume file" }),
  },
  { id: "io.k8s.api.core.v1.DownwardAPIProjection", desc: "Represents downward API info for projecting into a projected volume. Note that this is identical to a downwardAPI volume source without the default mode." },
);

export const ConfigMapProjection = obj(
  {
    items: list(KeyToPath, { listType: "atomic", desc: "items if unspecified, each key-value pair in the Data field of the referenced ConfigMap will be projected into the volume as a file whose name is the key and content is the value. If specified, the listed keys will be projected into the specified paths, and unlisted keys will not be present. If a key is specified which is not present in the ConfigMap, the volume setup will error unless it is marked optional. Paths must be relative and may not contain the '..' path or start with '..'." }),
    name: str("Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names"),
    optional: bool("optional specify whether the ConfigMap or its keys must be defined"),
  },
  { id: "io.k8s.api.core.v1.ConfigMapProjection", desc: "Adapts a ConfigMap into a projected volume.\n\nThe contents of the target ConfigMap's Data field will be presented in a projected volume as files using the keys in the Data field as the file names, unless the items element is populated with specific mappings of keys to paths. Note that this is identical to a configmap volume source without the default mode." },
);

export const ServiceAccountTokenProjection = obj(
  {
    audience: str("audience is the intended audience of the token. A recipient of a token must identify itself with an identifier specified in the audience of the token, and otherwise should reject the token. The audience defaults to the identifier of the apiserver."),
    expirationSeconds: int64("expirationSeconds is the requested duration of validity of the service account token. As the token approaches expiration, the kubelet volume plugin will proactively rotate the service account token. The kubelet will start trying to rotate the token if the token is older than 80 percent of its time to live or if the token is older than 24 hours.Defaults to 1 hour and must be at least 10 minutes."),
    path: str("path is the path relative to the mount point of the file to project the token into."),
  },
  { id: "io.k8s.api.core.v1.ServiceAccountTokenProjection", desc: "ServiceAccountTokenProjection represents a projected service account token volume. This projection can be used to insert a service account token into the pods runtime filesystem for use against APIs (Kubernetes API Server or otherwise).", required: ["path"] },
);

export const ClusterTrustBundleProjection = obj(
  {
    labelSelector: LabelSelector.describe("Select all ClusterTrustBundles that match this label selector.  Only has effect if signerName is set.  Mutually-exclusive with name.  If unset, interpreted as \"match nothing\".  If set but empty, interpreted as \"match everything\"."),
    name: str("Select a single ClusterTrustBundle by object name.  Mutually-exclusive with signerName and labelSelector."),
    optional: bool("If true, don't block pod startup if the referenced ClusterTrustBundle(s) aren't available.  If using name, then the named ClusterTrustBundle is allowed not to exist.  If using signerName, then the combination of signerName and labelSelector is allowed to match zero ClusterTrustBundles."),
    path: str("Relative path from the volume root to write the bundle."),
    signerName: str("Select all ClusterTrustBundles that match this signer name. Mutually-exclusive with name.  The contents of all selected ClusterTrustBundles will be unified and deduplicated."),
  },
  { id: "io.k8s.api.core.v1.ClusterTrustBundleProjection", desc: "ClusterTrustBundleProjection describes how to select a set of ClusterTrustBundle objects and project their contents into the pod filesystem.", required: ["path"] },
);

export const VolumeProjection = obj(
  {
    clusterTrustBundle: ClusterTrustBundleProjection.describe("ClusterTrustBundle allows a pod to access the `.spec.trustBundle` field of ClusterTrustBundle objects in an auto-updating file.\n\nAlpha, gated by the ClusterTrustBundleProjection feature gate.\n\nClusterTrustBundle objects can either be selected by name, or by the combination of signer name and a label selector.\n\nKubelet performs aggressive normalization of the PEM contents written into the pod filesystem.  Esoteric PEM features such as inter-block comments and block headers are stripped.  Certificates are deduplicated. The ordering of certificates within the file is arbitrary, and Kubelet may change the order over time."),
    configMap: ConfigMapProjection.describe("configMap information about the configMap data to project"),
    downwardAPI: DownwardAPIProjection.describe("downwardAPI information about the downwardAPI data to project"),
    secret: SecretProjection.describe("secret information about the secret data to project"),
    serviceAccountToken: ServiceAccountTokenProjection.describe("serviceAccountToken is information about the serviceAccountToken data to project"),
  },
  { id: "io.k8s.api.core.v1.VolumeProjection", desc: "Projection that may be projected along with other supported volume types. Exactly one of these fields must be set." },
);

export const ProjectedVolumeSource = obj(
  {
    defaultMode: int("defaultMode are the mode bits used to set permissions on created files by default. Must be an octal value between 0000 and 0777 or a decimal value between 0 and 511. YAML accepts both octal and decimal values, JSON requires decimal values for mode bits. Directories within the path are not affected by this setting. This might be in conflict with other options that affect the file mode, like fsGroup, and the result can be other mode bits set."),
    sources: list(VolumeProjection, { listType: "atomic", desc: "sources is the list of volume projections. Each entry in this list handles one source." }),
  },
  { id: "io.k8s.api.core.v1.ProjectedVolumeSource", desc: "Represents a projected volume source" },
);

export const PortworxVolumeSource = obj(
  {
    fsType: str("fSType represents the filesystem type to mount Must be a filesystem type supported by the host operating system. Ex. \"ext4\", \"xfs\". Implicitly inferred to be \"ext4\" if unspecified."),
    readOnly: bool("readOnly defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts."),
    volumeID: str("volumeID uniquely identifies a Portworx volume"),
  },
  { id: "io.k8s.api.core.v1.PortworxVolumeSource", desc: "PortworxVolumeSource represents a Portworx volume resource.", required: ["volumeID"] },
);

export const ScaleIOVolumeSource = obj(
  {
    fsType: str("fsType is the filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. \"ext4\", \"xfs\", \"ntfs\". Default is \"xfs\"."),
    gateway: str("gateway is the host address of the ScaleIO API Gateway."),
    protectionDomain: str("protectionDomain is the name of the ScaleIO Protection Domain for the configured storage."),
    readOnly: bool("readOnly Defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts."),
    secretRef: LocalObjectReference.describe("secretRef references to the secret for ScaleIO user and other sensitive information. If this is not provided, Login operation will fail."),
    sslEnabled: bool("sslEnabled Flag enable/disable SSL communication with Gateway, default false"),
    storageMode: str("storageMode indicates whether the storage for a volume should be ThickProvisioned or ThinProvisioned. Default is ThinProvisioned."),
    storagePool: str("storagePool is the ScaleIO Storage Pool associated with the protection domain."),
    system: str("system is the name of the storage system as configured in ScaleIO."),
    volumeName: str("volumeName is the name of a volume already created in the ScaleIO system that is associated with this volume source."),
  },
  { id: "io.k8s.api.core.v1.ScaleIOVolumeSource", desc: "ScaleIOVolumeSource represents a persistent ScaleIO volume", required: ["gateway", "secretRef", "system"] },
);

export const StorageOSVolumeSource = obj(
  {
    fsType: str("fsType is the filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. \"ext4\", \"xfs\", \"ntfs\". Implicitly inferred to be \"ext4\" if unspecified."),
    readOnly: bool("readOnly defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts."),
    secretRef: LocalObjectReference.describe("secretRef specifies the secret to use for obtaining the StorageOS API credentials.  If not specified, default values will be attempted."),
    volumeName: str("volumeName is the human-readable name of the StorageOS volume.  Volume names are only unique within a namespace."),
    volumeNamespace: str("volumeNamespace specifies the scope of the volume within StorageOS.  If no namespace is specified then the Pod's namespace will be used.  This allows the Kubernetes name scoping to be mirrored within StorageOS for tighter integration. Set VolumeName to any name to override the default behaviour. Set to \"default\" if you are not using namespaces within StorageOS. Namespaces that do not pre-exist within StorageOS will be created."),
  },
  { id: "io.k8s.api.core.v1.StorageOSVolumeSource", desc: "Represents a StorageOS persistent volume resource." },
);

export const CSIVolumeSource = obj(
  {
    driver: str("driver is the name of the CSI driver that handles this volume. Consult with your admin for the correct name as registered in the cluster."),
    fsType: str("fsType to mount. Ex. \"ext4\", \"xfs\", \"ntfs\". If not provided, the empty value is passed to the associated CSI driver which will determine the default filesystem to apply."),
    nodePublishSecretRef: LocalObjectReference.describe("nodePublishSecretRef is a reference to the secret object containing sensitive information to pass to the CSI driver to complete the CSI NodePublishVolume and NodeUnpublishVolume calls. This field is optional, and  may be empty if no secret is required. If the secret object contains more than one secret, all secret references are passed."),
    readOnly: bool("readOnly specifies a read-only configuration for the volume. Defaults to false (read/write)."),
    volumeAttributes: stringMap("volumeAttributes stores driver-specific properties that are passed to the CSI driver. Consult your driver's documentation for supported values."),
  },
  { id: "io.k8s.api.core.v1.CSIVolumeSource", desc: "Represents a source location of a volume to mount, managed by an external CSI driver", required: ["driver"] },
);

export const VolumeResourceRequirements = obj(
  {
    limits: quantityMap("Limits describes the maximum amount of compute resources allowed. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"),
    requests: quantityMap("Requests describes the minimum amount of compute resources required. If Requests is omitted for a container, it defaults to Limits if that is explicitly specified, otherwise to an implementation-defined value. Requests cannot exceed Limits. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"),
  },
  { id: "io.k8s.api.core.v1.VolumeResourceRequirements", desc: "VolumeResourceRequirements describes the storage resource requirements for a volume." },
);

export const TypedObjectReference = obj(
  {
    apiGroup: str("APIGroup is the group for the resource being referenced. If APIGroup is not specified, the specified Kind must be in the core API group. For any other third-party types, APIGroup is required."),
    kind: str("Kind is the type of resource being referenced"),
    name: str("Name is the name of resource being referenced"),
    namespace: str("Namespace is the namespace of resource being referenced Note that when a namespace is specified, a gateway.networking.k8s.io/ReferenceGrant object is required in the referent namespace to allow that namespace's owner to accept the reference. See the ReferenceGrant documentation for details. (Alpha) This field requires the CrossNamespaceVolumeDataSource feature gate to be enabled."),
  },
  { id: "io.k8s.api.core.v1.TypedObjectReference", desc: "TypedObjectReference contains enough information to let you locate the typed referenced object", required: ["kind", "name"] },
);

export const PersistentVolumeClaimSpec = obj(
  {
    accessModes: strList({ listType: "atomic", desc: "accessModes contains the desired access modes the volume should have. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes-1" }),
    dataSource: TypedLocalObjectReference.describe("dataSource field can be used to specify either: * An existing VolumeSnapshot object (snapshot.storage.k8s.io/VolumeSnapshot) * An existing PVC (PersistentVolumeClaim) If the provisioner or an external controller can support the specified data source, it will create a new volume based on the contents of the specified data source. When the AnyVolumeDataSource feature gate is enabled, dataSource contents will be copied to dataSourceRef, and dataSourceRef contents will be copied to dataSource when dataSourceRef.namespace is not specified. If the namespace is specified, then dataSourceRef will not be copied to dataSource."),
    dataSourceRef: TypedObjectReference.describe("dataSourceRef specifies the object from which to populate the volume with data, if a non-empty volume is desired. This may be any object from a non-empty API group (non core object) or a PersistentVolumeClaim object. When this field is specified, volume binding will only succeed if the type of the specified object matches some installed volume populator or dynamic provisioner. This field will replace the functionality of the dataSource field and as such if both fields are non-empty, they must have the same value. For backwards compatibility, when namespace isn't specified in dataSourceRef, both fields (dataSource and dataSourceRef) will be set to the same value automatically if one of them is empty and the other is non-empty. When namespace is specified in dataSourceRef, dataSource isn't set to the same value and must be empty. There are three important differences between dataSource and dataSourceRef: * While dataSource only allows two specific types of objects, dataSourceRef\n  allows any non-core object, as well as PersistentVolumeClaim objects.\n* While dataSource ignores disallowed values (dropping them), dataSourceRef\n  preserves all values, and generates an error if a disallowed value is\n  specified.\n* While dataSource only allows local objects, dataSourceRef allows objects\n  in any namespaces.\n(Beta) Using this field requires the AnyVolumeDataSource feature gate to be enabled. (Alpha) Using the namespace field of dataSourceRef requires the CrossNamespaceVolumeDataSource feature gate to be enabled."),
    resources: VolumeResourceRequirements.describe("resources represents the minimum resources the volume should have. If RecoverVolumeExpansionFailure feature is enabled users are allowed to specify resource requirements that are lower than previous value but must still be higher than capacity recorded in the status field of the claim. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#resources"),
    selector: LabelSelector.describe("selector is a label query over volumes to consider for binding."),
    storageClassName: str("storageClassName is the name of the StorageClass required by the claim. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#class-1"),
    volumeAttributesClassName: str("volumeAttributesClassName may be used to set the VolumeAttributesClass used by this claim. If specified, the CSI driver will create or update the volume with the attributes defined in the corresponding VolumeAttributesClass. This has a different purpose than storageClassName, it can be changed after the claim is created. An empty string value means that no VolumeAttributesClass will be applied to the claim but it's not allowed to reset this field to empty string once it is set. If unspecified and the PersistentVolumeClaim is unbound, the default VolumeAttributesClass will be set by the persistentvolume controller if it exists. If the resource referred to by volumeAttributesClass does not exist, this PersistentVolumeClaim will be set to a Pending state, as reflected by the modifyVolumeStatus field, until such as a resource exists. More info: https://kubernetes.io/docs/concepts/storage/volume-attributes-classes/ (Beta) Using this field requires the VolumeAttributesClass feature gate to be enabled (off by default)."),
    volumeMode: strEnum(["Block", "Filesystem"], "volumeMode defines what type of volume is required by the claim. Value of Filesystem is implied when not included in claim spec.\n\nPossible enum values:\n - `\"Block\"` means the volume will not be formatted with a filesystem and will remain a raw block device.\n - `\"Filesystem\"` means the volume will be or is formatted with a filesystem."),
    volumeName: str("volumeName is the binding reference to the PersistentVolume backing this claim."),
  },
  { id: "io.k8s.api.core.v1.PersistentVolumeClaimSpec", desc: "PersistentVolumeClaimSpec describes the common attributes of storage devices and allows a Source for provider-specific attributes" },
);

export const PersistentVolumeClaimTemplate = obj(
  {
    metadata: ObjectMeta.describe("May contain labels and annotations that will be copied into the PVC when creating it. No other fields are allowed and will be rejected during validation."),
    spec: PersistentVolumeClaimSpec.describe("The specification for the PersistentVolumeClaim. The entire content is copied unchanged into the PVC that gets created from this template. The same fields as in a PersistentVolumeClaim are also valid here."),
  },
  { id: "io.k8s.api.core.v1.PersistentVolumeClaimTemplate", desc: "PersistentVolumeClaimTemplate is used to produce PersistentVolumeClaim objects as part of an EphemeralVolumeSource.", required: ["spec"] },
);

export const EphemeralVolumeSource = obj(
  {
    volumeClaimTemplate: PersistentVolumeClaimTemplate.describe("Will be used to create a stand-alone PVC to provision the volume. The pod in which this EphemeralVolumeSource is embedded will be the owner of the PVC, i.e. the PVC will be deleted together with the pod.  The name of the PVC will be `<pod name>-<volume name>` where `<volume name>` is the name from the `PodSpec.Volumes` array entry. Pod validation will reject the pod if the concatenated name is not valid for a PVC (for example, too long).\n\nAn existing PVC with that name that is not owned by the pod will *not* be used for the pod to avoid using an unrelated volume by mistake. Starting the pod is then blocked until the unrelated PVC is removed. If such a pre-created PVC is meant to be used by the pod, the PVC has to updated with an owner reference to the pod once the pod exists. Normally this should not be necessary, but it may be useful when manually reconstructing a broken cluster.\n\nThis field is read-only and no changes will be made by Kubernetes to the PVC after it has been created.\n\nRequired, must not be nil."),
  },
  { id: "io.k8s.api.core.v1.EphemeralVolumeSource", desc: "Represents an ephemeral volume that is handled by a normal storage driver." },
);

export const ImageVolumeSource = obj(
  {
    pullPolicy: strEnum(["Always", "IfNotPresent", "Never"], "Policy for pulling OCI objects. Possible values are: Always: the kubelet always attempts to pull the reference. Container creation will fail If the pull fails. Never: the kubelet never pulls the reference and only uses a local image or artifact. Container creation will fail if the reference isn't present. IfNotPresent: the kubelet pulls if the reference isn't already present on disk. Container creation will fail if the reference isn't present and the pull fails. Defaults to Always if :latest tag is specified, or IfNotPresent otherwise.\n\nPossible enum values:\n - `\"Always\"` means that kubelet always attempts to pull the latest image. Container will fail If the pull fails.\n - `\"IfNotPresent\"` means that kubelet pulls if the image isn't present on disk. Container will fail if the image isn't present and the pull fails.\n - `\"Never\"` means that kubelet never pulls an image, but only uses a local image. Container will fail if the image isn't present"),
    reference: str("Required: Image or artifact reference to be used. Behaves in the same way as pod.spec.containers[*].image. Pull secrets will be assembled in the same way as for the container image by looking up node credentials, SA image pull secrets, and pod spec image pull secrets. More info: https://kubernetes.io/docs/concepts/containers/images This field is optional to allow higher level config management to default or override container images in workload controllers like Deployments and StatefulSets."),
  },
  { id: "io.k8s.api.core.v1.ImageVolumeSource", desc: "ImageVolumeSource represents a image volume resource." },
);

export const Volume = obj(
  {
    awsElasticBlockStore: AWSElasticBlockStoreVolumeSource.describe("awsElasticBlockStore represents an AWS Disk resource that is attached to a kubelet's host machine and then exposed to the pod. Deprecated: AWSElasticBlockStore is deprecated. All operations for the in-tree awsElasticBlockStore type are redirected to the ebs.csi.aws.com CSI driver. More info: https://kubernetes.io/docs/concepts/storage/volumes#awselasticblockstore"),
    azureDisk: AzureDiskVolumeSource.describe("azureDisk represents an Azure Data Disk mount on the host and bind mount to the pod. Deprecated: AzureDisk is deprecated. All operations for the in-tree azureDisk type are redirected to the disk.csi.azure.com CSI driver."),
    azureFile: AzureFileVolumeSource.describe("azureFile represents an Azure File Service mount on the host and bind mount to the pod. Deprecated: AzureFile is deprecated. All operations for the in-tree azureFile type are redirected to the file.csi.azure.com CSI driver."),
    cephfs: CephFSVolumeSource.describe("cephFS represents a Ceph FS mount on the host that shares a pod's lifetime. Deprecated: CephFS is deprecated and the in-tree cephfs type is no longer supported."),
    cinder: CinderVolumeSource.describe("cinder represents a cinder volume attached and mounted on kubelets host machine. Deprecated: Cinder is deprecated. All operations for the in-tree cinder type are redirected to the cinder.csi.openstack.org CSI driver. More info: https://examples.k8s.io/mysql-cinder-pd/README.md"),
    configMap: ConfigMapVolumeSource.describe("configMap represents a configMap that should populate this volume"),
    csi: CSIVolumeSource.describe("csi (Container Storage Interface) represents ephemeral storage that is handled by certain external CSI drivers."),
    downwardAPI: DownwardAPIVolumeSource.describe("downwardAPI represents downward API about the pod that should populate this volume"),
    emptyDir: EmptyDirVolumeSource.describe("emptyDir represents a temporary directory that shares a pod's lifetime. More info: https://kubernetes.io/docs/concepts/storage/volumes#emptydir"),
    ephemeral: EphemeralVolumeSource.describe("ephemeral represents a volume that is handled by a cluster storage driver. The volume's lifecycle is tied to the pod that defines it - it will be created before the pod starts, and deleted when the pod is removed.\n\nUse this if: a) the volume is only needed while the pod runs, b) features of normal volumes like restoring from snapshot or capacity\n   tracking are needed,\nc) the storage driver is specified through a storage class, and d) the storage driver supports dynamic volume provisioning through\n   a PersistentVolumeClaim (see EphemeralVolumeSource for more\n   information on the connection between this volume type\n   and PersistentVolumeClaim).\n\nUse PersistentVolumeClaim or one of the vendor-specific APIs for volumes that persist for longer than the lifecycle of an individual pod.\n\nUse CSI for light-weight local ephemeral volumes if the CSI driver is meant to be used that way - see the documentation of the driver for more information.\n\nA pod can use both types of ephemeral volumes and persistent volumes at the same time."),
    fc: FCVolumeSource.describe("fc represents a Fibre Channel resource that is attached to a kubelet's host machine and then exposed to the pod."),
    flexVolume: FlexVolumeSource.describe("flexVolume represents a generic volume resource that is provisioned/attached using an exec based plugin. Deprecated: FlexVolume is deprecated. Consider using a CSIDriver instead."),
    flocker: FlockerVolumeSource.describe("flocker represents a Flocker volume attached to a kubelet's host machine. This depends on the Flocker control service being running. Deprecated: Flocker is deprecated and the in-tree flocker type is no longer supported."),
    gcePersistentDisk: GCEPersistentDiskVolumeSource.describe("gcePersistentDisk represents a GCE Disk resource that is attached to a kubelet's host machine and then exposed to the pod. Deprecated: GCEPersistentDisk is deprecated. All operations for the in-tree gcePersistentDisk type are redirected to the pd.csi.storage.gke.io CSI driver. More info: https://kubernetes.io/docs/concepts/storage/volumes#gcepersistentdisk"),
    gitRepo: GitRepoVolumeSource.describe("gitRepo represents a git repository at a particular revision. Deprecated: GitRepo is deprecated. To provision a container with a git repo, mount an EmptyDir into an InitContainer that clones the repo using git, then mount the EmptyDir into the Pod's container."),
    glusterfs: GlusterfsVolumeSource.describe("glusterfs represents a Glusterfs mount on the host that shares a pod's lifetime. Deprecated: Glusterfs is deprecated and the in-tree glusterfs type is no longer supported. More info: https://examples.k8s.io/volumes/glusterfs/README.md"),
    hostPath: HostPathVolumeSource.describe("hostPath represents a pre-existing file or directory on the host machine that is directly exposed to the container. This is generally used for system agents or other privileged things that are allowed to see the host machine. Most containers will NOT need this. More info: https://kubernetes.io/docs/concepts/storage/volumes#hostpath"),
    image: ImageVolumeSource.describe("image represents an OCI object (a container image or artifact) pulled and mounted on the kubelet's host machine. The volume is resolved at pod startup depending on which PullPolicy value is provided:\n\n- Always: the kubelet always attempts to pull the reference. Container creation will fail If the pull fails. - Never: the kubelet never pulls the reference and only uses a local image or artifact. Container creation will fail if the reference isn't present. - IfNotPresent: the kubelet pulls if the reference isn't already present on disk. Container creation will fail if the reference isn't present and the pull fails.\n\nThe volume gets re-resolved if the pod gets deleted and recreated, which means that new remote content will become available on pod recreation. A failure to resolve or pull the image during pod startup will block containers from starting and may add significant latency. Failures will be retried using normal volume backoff and will be reported on the pod reason and message. The types of objects that may be mounted by this volume are defined by the container runtime implementation on a host machine and at minimum must include all valid types supported by the container image field. The OCI object gets mounted in a single directory (spec.containers[*].volumeMounts.mountPath) by merging the manifest layers in the same way as for container images. The volume will be mounted read-only (ro) and non-executable files (noexec). Sub path mounts for containers are not supported (spec.containers[*].volumeMounts.subpath). The field spec.securityContext.fsGroupChangePolicy has no effect on this volume type."),
    iscsi: ISCSIVolumeSource.describe("iscsi represents an ISCSI Disk resource that is attached to a kubelet's host machine and then exposed to the pod. More info: https://examples.k8s.io/volumes/iscsi/README.md"),
    name: str("name of the volume. Must be a DNS_LABEL and unique within the pod. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names"),
    nfs: NFSVolumeSource.describe("nfs represents an NFS mount on the host that shares a pod's lifetime More info: https://kubernetes.io/docs/concepts/storage/volumes#nfs"),
    persistentVolumeClaim: PersistentVolumeClaimVolumeSource.describe("persistentVolumeClaimVolumeSource represents a reference to a PersistentVolumeClaim in the same namespace. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#persistentvolumeclaims"),
    photonPersistentDisk: PhotonPersistentDiskVolumeSource.describe("photonPersistentDisk represents a PhotonController persistent disk attached and mounted on kubelets host machine. Deprecated: PhotonPersistentDisk is deprecated and the in-tree photonPersistentDisk type is no longer supported."),
    portworxVolume: PortworxVolumeSource.describe("portworxVolume represents a portworx volume attached and mounted on kubelets host machine. Deprecated: PortworxVolume is deprecated. All operations for the in-tree portworxVolume type are redirected to the pxd.portworx.com CSI driver when the CSIMigrationPortworx feature-gate is on."),
    projected: ProjectedVolumeSource.describe("projected items for all in one resources secrets, configmaps, and downward API"),
    quobyte: QuobyteVolumeSource.describe("quobyte represents a Quobyte mount on the host that shares a pod's lifetime. Deprecated: Quobyte is deprecated and the in-tree quobyte type is no longer supported."),
    rbd: RBDVolumeSource.describe("rbd represents a Rados Block Device mount on the host that shares a pod's lifetime. Deprecated: RBD is deprecated and the in-tree rbd type is no longer supported. More info: https://examples.k8s.io/volumes/rbd/README.md"),
    scaleIO: ScaleIOVolumeSource.describe("scaleIO represents a ScaleIO persistent volume attached and mounted on Kubernetes nodes. Deprecated: ScaleIO is deprecated and the in-tree scaleIO type is no longer supported."),
    secret: SecretVolumeSource.describe("secret represents a secret that should populate this volume. More info: https://kubernetes.io/docs/concepts/storage/volumes#secret"),
    storageos: StorageOSVolumeSource.describe("storageOS represents a StorageOS volume attached and mounted on Kubernetes nodes. Deprecated: StorageOS is deprecated and the in-tree storageos type is no longer supported."),
    vsphereVolume: VsphereVirtualDiskVolumeSource.describe("vsphereVolume represents a vSphere volume attached and mounted on kubelets host machine. Deprecated: VsphereVolume is deprecated. All operations for the in-tree vsphereVolume type are redirected to the csi.vsphere.vmware.com CSI driver."),
  },
  { id: "io.k8s.api.core.v1.Volume", desc: "Volume represents a named volume in a pod that may be accessed by any container in the pod.", required: ["name"] },
);

export const ContainerPort = obj(
  {
    containerPort: int("Number of port to expose on the pod's IP address. This must be a valid port number, 0 < x < 65536."),
    hostIP: str("What host IP to bind the external port to."),
    hostPort: int("Number of port to expose on the host. If specified, this must be a valid port number, 0 < x < 65536. If HostNetwork is specified, this must match ContainerPort. Most containers do not need this."),
    name: str("If specified, this must be an IANA_SVC_NAME and unique within the pod. Each named port in a pod must have a unique name. Name for the port that can be referred to by services."),
    protocol: strEnum(["SCTP", "TCP", "UDP"], "Protocol for port. Must be UDP, TCP, or SCTP. Defaults to \"TCP\".\n\nPossible enum values:\n - `\"SCTP\"` is the SCTP protocol.\n - `\"TCP\"` is the TCP protocol.\n - `\"UDP\"` is the UDP protocol."),
  },
  { id: "io.k8s.api.core.v1.ContainerPort", desc: "ContainerPort represents a network port in a single container.", required: ["containerPort"] },
);

export const ConfigMapEnvSource = obj(
  {
    name: str("Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names"),
    optional: bool("Specify whether the ConfigMap must be defined"),
  },
  { id: "io.k8s.api.core.v1.ConfigMapEnvSource", desc: "ConfigMapEnvSource selects a ConfigMap to populate the environment variables with.\n\nThe contents of the target ConfigMap's Data field will represent the key-value pairs as environment variables." },
);

export const SecretEnvSource = obj(
  {
    name: str("Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names"),
    optional: bool("Specify whether the Secret must be defined"),
  },
  { id: "io.k8s.api.core.v1.SecretEnvSource", desc: "SecretEnvSource selects a Secret to populate the environment variables with.\n\nThe contents of the target Secret's Data field will represent the key-value pairs as environment variables." },
);

export const EnvFromSource = obj(
  {
    configMapRef: ConfigMapEnvSource.describe("The ConfigMap to select from"),
    prefix: str("An optional identifier to prepend to each key in the ConfigMap. Must be a C_IDENTIFIER."),
    secretRef: SecretEnvSource.describe("The Secret to select from"),
  },
  { id: "io.k8s.api.core.v1.EnvFromSource", desc: "EnvFromSource represents the source of a set of ConfigMaps" },
);

export const ConfigMapKeySelector = obj(
  {
    key: str("The key to select."),
    name: str("Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names"),
    optional: bool("Specify whether the ConfigMap or its key must be defined"),
  },
  { id: "io.k8s.api.core.v1.ConfigMapKeySelector", desc: "Selects a key from a ConfigMap.", required: ["key"] },
);

export const SecretKeySelector = obj(
  {
    key: str("The key of the secret to select from.  Must be a valid secret key."),
    name: str("Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names"),
    optional: bool("Specify whether the Secret or its key must be defined"),
  },
  { id: "io.k8s.api.core.v1.SecretKeySelector", desc: "SecretKeySelector selects a key of a Secret.", required: ["key"] },
);

export const EnvVarSource = obj(
  {
    configMapKeyRef: ConfigMapKeySelector.describe("Selects a key of a ConfigMap."),
    fieldRef: ObjectFieldSelector.describe("Selects a field of the pod: supports metadata.name, metadata.namespace, `metadata.labels['<KEY>']`, `metadata.annotations['<KEY>']`, spec.nodeName, spec.serviceAccountName, status.hostIP, status.podIP, status.podIPs."),
    resourceFieldRef: ResourceFieldSelector.describe("Selects a resource of the container: only resources limits and requests (limits.cpu, limits.memory, limits.ephemeral-storage, requests.cpu, requests.memory and requests.ephemeral-storage) are currently supported."),
    secretKeyRef: SecretKeySelector.describe("Selects a key of a secret in the pod's namespace"),
  },
  { id: "io.k8s.api.core.v1.EnvVarSource", desc: "EnvVarSource represents a source for the value of an EnvVar." },
);

export const EnvVar = obj(
  {
    name: str("Name of the environment variable. Must be a C_IDENTIFIER."),
    value: str("Variable references $(VAR_NAME) are expanded using the previously defined environment variables in the container and any service environment variables. If a variable cannot be resolved, the reference in the input string will be unchanged. Double $$ are reduced to a single $, which allows for escaping the $(VAR_NAME) syntax: i.e. \"$$(VAR_NAME)\" will produce the string literal \"$(VAR_NAME)\". Escaped references will never be expanded, regardless of whether the variable exists or not. Defaults to \"\"."),
    valueFrom: EnvVarSource.describe("Source for the environment variable's value. Cannot be used if value is not empty."),
  },
  { id: "io.k8s.api.core.v1.EnvVar", desc: "EnvVar represents an environment variable present in a Container.", required: ["name"] },
);

export const ResourceClaim = obj(
  {
    name: str("Name must match the name of one entry in pod.spec.resourceClaims of the Pod where this field is used. It makes that resource available inside a container."),
    request: str("Request is the name chosen for a request in the referenced claim. If empty, everything from the claim is made available, otherwise only the result of this request."),
  },
  { id: "io.k8s.api.core.v1.ResourceClaim", desc: "ResourceClaim references one entry in PodSpec.ResourceClaims.", required: ["name"] },
);

export const ResourceRequirements = obj(
  {
    claims: list(ResourceClaim, { listType: "map", listMapKeys: ["name"], desc: "Claims lists the names of resources, defined in spec.resourceClaims, that are used by this container.\n\nThis is an alpha field and requires enabling the DynamicResourceAllocation feature gate.\n\nThis field is immutable. It can only be set for containers." }),
    limits: quantityMap("Limits describes the maximum amount of compute resources allowed. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"),
    requests: quantityMap("Requests describes the minimum amount of compute resources required. If Requests is omitted for a container, it defaults to Limits if that is explicitly specified, otherwise to an implementation-defined value. Requests cannot exceed Limits. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"),
  },
  { id: "io.k8s.api.core.v1.ResourceRequirements", desc: "ResourceRequirements describes the compute resource requirements." },
);

export const ContainerResizePolicy = obj(
  {
    resourceName: str("Name of the resource to which this resource resize policy applies. Supported values: cpu, memory."),
    restartPolicy: str("Restart policy to apply when specified resource is resized. If not specified, it defaults to NotRequired."),
  },
  { id: "io.k8s.api.core.v1.ContainerResizePolicy", desc: "ContainerResizePolicy represents resource resize policy for the container.", required: ["resourceName", "restartPolicy"] },
);

export const VolumeMount = obj(
  {
    mountPath: str("Path within the container at which the volume should be mounted.  Must not contain ':'."),
    mountPropagation: strEnum(["Bidirectional", "HostToContainer", "None"], "mountPropagation determines how mounts are propagated from the host to container and the other way around. When not set, MountPropagationNone is used. This field is beta in 1.10. When RecursiveReadOnly is set to IfPossible or to Enabled, MountPropagation must be None or unspecified (which defaults to None).\n\nPossible enum values:\n - `\"Bidirectional\"` means that the volume in a container will receive new mounts from the host or other containers, and its own mounts will be propagated from the container to the host or other containers. Note that this mode is recursively applied to all mounts in the volume (\"rshared\" in Linux terminology).\n - `\"HostToContainer\"` means that the volume in a container will receive new mounts from the host or other containers, but filesystems mounted inside the container won't be propagated to the host or other containers. Note that this mode is recursively applied to all mounts in the volume (\"rslave\" in Linux terminology).\n - `\"None\"` means that the volume in a container will not receive new mounts from the host or other containers, and filesystems mounted inside the container won't be propagated to the host or other containers. Note that this mode corresponds to \"private\" in Linux terminology."),
    name: str("This must match the Name of a Volume."),
    readOnly: bool("Mounted read-only if true, read-write otherwise (false or unspecified). Defaults to false."),
    recursiveReadOnly: str("RecursiveReadOnly specifies whether read-only mounts should be handled recursively.\n\nIf ReadOnly is false, this field has no meaning and must be unspecified.\n\nIf ReadOnly is true, and this field is set to Disabled, the mount is not made recursively read-only.  If this field is set to IfPossible, the mount is made recursively read-only, if it is supported by the container runtime.  If this field is set to Enabled, the mount is made recursively read-only if it is supported by the container runtime, otherwise the pod will not be started and an error will be generated to indicate the reason.\n\nIf this field is set to IfPossible or Enabled, MountPropagation must be set to None (or be unspecified, which defaults to None).\n\nIf this field is not specified, it is treated as an equivalent of Disabled."),
    subPath: str("Path within the volume from which the container's volume should be mounted. Defaults to \"\" (volume's root)."),
    subPathExpr: str("Expanded path within the volume from which the container's volume should be mounted. Behaves similarly to SubPath but environment variable references $(VAR_NAME) are expanded using the container's environment. Defaults to \"\" (volume's root). SubPathExpr and SubPath are mutually exclusive."),
  },
  { id: "io.k8s.api.core.v1.VolumeMount", desc: "VolumeMount describes a mounting of a Volume within a container.", required: ["mountPath", "name"] },
);

export const VolumeDevice = obj(
  {
    devicePath: str("devicePath is the path inside of the container that the device will be mapped to."),
    name: str("name must match the name of a persistentVolumeClaim in the pod"),
  },
  { id: "io.k8s.api.core.v1.VolumeDevice", desc: "volumeDevice describes a mapping of a raw block device within a container.", required: ["devicePath", "name"] },
);

export const ExecAction = obj(
  {
    command: strList({ listType: "atomic", desc: "Command is the command line to execute inside the container, the working directory for the command  is root ('/') in the container's filesystem. The command is simply exec'd, it is not run inside a shell, so traditional shell instructions ('|', etc) won't work. To use a shell, you need to explicitly call out to that shell. Exit status of 0 is treated as live/healthy and non-zero is unhealthy." }),
  },
  { id: "io.k8s.api.core.v1.ExecAction", desc: "ExecAction describes a \"run in container\" action." },
);

export const HTTPHeader = obj(
  {
    name: str("The header field name. This will be canonicalized upon output, so case-variant names will be understood as the same header."),
    value: str("The header field value"),
  },
  { id: "io.k8s.api.core.v1.HTTPHeader", desc: "HTTPHeader describes a custom header to be used in HTTP probes", required: ["name", "value"] },
);

export const HTTPGetAction = obj(
  {
    host: str("Host name to connect to, defaults to the pod IP. You probably want to set \"Host\" in httpHeaders instead."),
    httpHeaders: list(HTTPHeader, { listType: "atomic", desc: "Custom headers to set in the request. HTTP allows repeated headers." }),
    path: str("Path to access on the HTTP server."),
    port: intOrString("Name or number of the port to access on the container. Number must be in the range 1 to 65535. Name must be an IANA_SVC_NAME."),
    scheme: strEnum(["HTTP", "HTTPS"], "Scheme to use for connecting to the host. Defaults to HTTP.\n\nPossible enum values:\n - `\"HTTP\"` means that the scheme used will be http://\n - `\"HTTPS\"` means that the scheme used will be https://"),
  },
  { id: "io.k8s.api.core.v1.HTTPGetAction", desc: "HTTPGetAction describes an action based on HTTP Get requests.", required: ["port"] },
);

export const TCPSocketAction = obj(
  {
    host: str("Optional: Host name to connect to, defaults to the pod IP."),
    port: intOrString("Number or name of the port to access on the container. Number must be in the range 1 to 65535. Name must be an IANA_SVC_NAME."),
  },
  { id: "io.k8s.api.core.v1.TCPSocketAction", desc: "TCPSocketAction describes an action based on opening a socket", required: ["port"] },
);

export const GRPCAction = obj(
  {
    port: int("Port number of the gRPC service. Number must be in the range 1 to 65535."),
    service: str("Service is the name of the service to place in the gRPC HealthCheckRequest (see https://github.com/grpc/grpc/blob/master/doc/health-checking.md).\n\nIf this is not specified, the default behavior is defined by gRPC."),
  },
  { id: "io.k8s.api.core.v1.GRPCAction", desc: "GRPCAction specifies an action involving a GRPC service.", required: ["port"] },
);

export const Probe = obj(
  {
    exec: ExecAction.describe("Exec specifies a command to execute in the container."),
    failureThreshold: int("Minimum consecutive failures for the probe to be considered failed after having succeeded. Defaults to 3. Minimum value is 1."),
    grpc: GRPCAction.describe("GRPC specifies a GRPC HealthCheckRequest."),
    httpGet: HTTPGetAction.describe("HTTPGet specifies an HTTP GET request to perform."),
    initialDelaySeconds: int("Number of seconds after the container has started before liveness probes are initiated. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes"),
    periodSeconds: int("How often (in seconds) to perform the probe. Default to 10 seconds. Minimum value is 1."),
    successThreshold: int("Minimum consecutive successes for the probe to be considered successful after having failed. Defaults to 1. Must be 1 for liveness and startup. Minimum value is 1."),
    tcpSocket: TCPSocketAction.describe("TCPSocket specifies a connection to a TCP port."),
    terminationGracePeriodSeconds: int64("Optional duration in seconds the pod needs to terminate gracefully upon probe failure. The grace period is the duration in seconds after the processes running in the pod are sent a termination signal and the time when the processes are forcibly halted with a kill signal. Set this value longer than the expected cleanup time for your process. If this value is nil, the pod's terminationGracePeriodSeconds will be used. Otherwise, this value overrides the value provided by the pod spec. Value must be non-negative integer. The value zero indicates stop immediately via the kill signal (no opportunity to shut down). This is a beta field and requires enabling ProbeTerminationGracePeriod feature gate. Minimum value is 1. spec.terminationGracePeriodSeconds is used if unset."),
    timeoutSeconds: int("Number of seconds after which the probe times out. Defaults to 1 second. Minimum value is 1. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes"),
  },
  { id: "io.k8s.api.core.v1.Probe", desc: "Probe describes a health check to be performed against a container to determine whether it is alive or ready to receive traffic." },
);

export const SleepAction = obj(
  {
    seconds: int64("Seconds is the number of seconds to sleep."),
  },
  { id: "io.k8s.api.core.v1.SleepAction", desc: "SleepAction describes a \"sleep\" action.", required: ["seconds"] },
);

export const LifecycleHandler = obj(
  {
    exec: ExecAction.describe("Exec specifies a command to execute in the container."),
    httpGet: HTTPGetAction.describe("HTTPGet specifies an HTTP GET request to perform."),
    sleep: SleepAction.describe("Sleep represents a duration that the container should sleep."),
    tcpSocket: TCPSocketAction.describe("Deprecated. TCPSocket is NOT supported as a LifecycleHandler and kept for backward compatibility. There is no validation of this field and lifecycle hooks will fail at runtime when it is specified."),
  },
  { id: "io.k8s.api.core.v1.LifecycleHandler", desc: "LifecycleHandler defines a specific action that should be taken in a lifecycle hook. One and only one of the fields, except TCPSocket must be specified." },
);

export const Lifecycle = obj(
  {
    postStart: LifecycleHandler.describe("PostStart is called immediately after a container is created. If the handler fails, the container is terminated and restarted according to its restart policy. Other management of the container blocks until the hook completes. More info: https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/#container-hooks"),
    preStop: LifecycleHandler.describe("PreStop is called immediately before a container is terminated due to an API request or management event such as liveness/startup probe failure, preemption, resource contention, etc. The handler is not called if the container crashes or exits. The Pod's termination grace period countdown begins before the PreStop hook is executed. Regardless of the outcome of the handler, the container will eventually terminate within the Pod's termination grace period (unless delayed by finalizers). Other management of the container blocks until the hook completes or until the termination grace period is reached. More info: https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/#container-hooks"),
  },
  { id: "io.k8s.api.core.v1.Lifecycle", desc: "Lifecycle describes actions that the management system should take in response to container lifecycle events. For the PostStart and PreStop lifecycle handlers, management of the container blocks until the action is complete, unless the container process fails, in which case the handler is aborted." },
);

export const Capabilities = obj(
  {
    add: strList({ listType: "atomic", desc: "Added capabilities" }),
    drop: strList({ listType: "atomic", desc: "Removed capabilities" }),
  },
  { id: "io.k8s.api.core.v1.Capabilities", desc: "Adds and removes POSIX capabilities from running containers." },
);

export const SELinuxOptions = obj(
  {
    level: str("Level is SELinux level label that applies to the container."),
    role: str("Role is a SELinux role label that applies to the container."),
    type: str("Type is a SELinux type label that applies to the container."),
    user: str("User is a SELinux user label that applies to the container."),
  },
  { id: "io.k8s.api.core.v1.SELinuxOptions", desc: "SELinuxOptions are the labels to be applied to the container" },
);

export const WindowsSecurityContextOptions = obj(
  {
    gmsaCredentialSpec: str("GMSACredentialSpec is where the GMSA admission webhook (https://github.com/kubernetes-sigs/windows-gmsa) inlines the contents of the GMSA credential spec named by the GMSACredentialSpecName field."),
    gmsaCredentialSpecName: str("GMSACredentialSpecName is the name of the GMSA credential spec to use."),
    hostProcess: bool("HostProcess determines if a container should be run as a 'Host Process' container. All of a Pod's containers must have the same effective HostProcess value (it is not allowed to have a mix of HostProcess containers and non-HostProcess containers). In addition, if HostProcess is true then HostNetwork must also be set to true."),
    runAsUserName: str("The UserName in Windows to run the entrypoint of the container process. Defaults to the user specified in image metadata if unspecified. May also be set in PodSecurityContext. If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence."),
  },
  { id: "io.k8s.api.core.v1.WindowsSecurityContextOptions", desc: "WindowsSecurityContextOptions contain Windows-specific options and credentials." },
);

export const SeccompProfile = obj(
  {
    localhostProfile: str("localhostProfile indicates a profile defined in a file on the node should be used. The profile must be preconfigured on the node to work. Must be a descending path, relative to the kubelet's configured seccomp profile location. Must be set if type is \"Localhost\". Must NOT be set for any other type."),
    type: strEnum(["Localhost", "RuntimeDefault", "Unconfined"], "type indicates which kind of seccomp profile will be applied. Valid options are:\n\nLocalhost - a profile defined in a file on the node should be used. RuntimeDefault - the container runtime default profile should be used. Unconfined - no profile should be applied.\n\nPossible enum values:\n - `\"Localhost\"` indicates a profile defined in a file on the node should be used. The file's location relative to <kubelet-root-dir>/seccomp.\n - `\"RuntimeDefault\"` represents the default container runtime seccomp profile.\n - `\"Unconfined\"` indicates no seccomp profile is applied (A.K.A. unconfined)."),
  },
  { id: "io.k8s.api.core.v1.SeccompProfile", desc: "SeccompProfile defines a pod/container's seccomp profile settings. Only one profile source may be set.", required: ["type"] },
);

export const AppArmorProfile = obj(
  {
    localhostProfile: str("localhostProfile indicates a profile loaded on the node that should be used. The profile must be preconfigured on the node to work. Must match the loaded name of the profile. Must be set if and only if type is \"Localhost\"."),
    type: strEnum(["Localhost", "RuntimeDefault", "Unconfined"], "type indicates which kind of AppArmor profile will be applied. Valid options are:\n  Localhost - a profile pre-loaded on the node.\n  RuntimeDefault - the container runtime's default profile.\n  Unconfined - no AppArmor enforcement.\n\nPossible enum values:\n - `\"Localhost\"` indicates that a profile pre-loaded on the node should be used.\n - `\"RuntimeDefault\"` indicates that the container runtime's default AppArmor profile should be used.\n - `\"Unconfined\"` indicates that no AppArmor profile should be enforced."),
  },
  { id: "io.k8s.api.core.v1.AppArmorProfile", desc: "AppArmorProfile defines a pod or container's AppArmor settings.", required: ["type"] },
);

export const SecurityContext = obj(
  {
    allowPrivilegeEscalation: bool("AllowPrivilegeEscalation controls whether a process can gain more privileges than its parent process. This bool directly controls if the no_new_privs flag will be set on the container process. AllowPrivilegeEscalation is true always when the container is: 1) run as Privileged 2) has CAP_SYS_ADMIN Note that this field cannot be set when spec.os.name is windows."),
    appArmorProfile: AppArmorProfile.describe("appArmorProfile is the AppArmor options to use by this container. If set, this profile overrides the pod's appArmorProfile. Note that this field cannot be set when spec.os.name is windows."),
    capabilities: Capabilities.describe("The capabilities to add/drop when running containers. Defaults to the default set of capabilities granted by the container runtime. Note that this field cannot be set when spec.os.name is windows."),
    privileged: bool("Run container in privileged mode. Processes in privileged containers are essentially equivalent to root on the host. Defaults to false. Note that this field cannot be set when spec.os.name is windows."),
    procMount: strEnum(["Default", "Unmasked"], "procMount denotes the type of proc mount to use for the containers. The default value is Default which uses the container runtime defaults for readonly paths and masked paths. This requires the ProcMountType feature flag to be enabled. Note that this field cannot be set when spec.os.name is windows.\n\nPossible enum values:\n - `\"Default\"` uses the container runtime defaults for readonly and masked paths for /proc.  Most container runtimes mask certain paths in /proc to avoid accidental security exposure of special devices or information.\n - `\"Unmasked\"` bypasses the default masking behavior of the container runtime and ensures the newly created /proc the container stays in tact with no modifications."),
    readOnlyRootFilesystem: bool("Whether this container has a read-only root filesystem. Default is false. Note that this field cannot be set when spec.os.name is windows."),
    runAsGroup: int64("The GID to run the entrypoint of the container process. Uses runtime default if unset. May also be set in PodSecurityContext.  If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence. Note that this field cannot be set when spec.os.name is windows."),
    runAsNonRoot: bool("Indicates that the container must run as a non-root user. If true, the Kubelet will validate the image at runtime to ensure that it does not run as UID 0 (root) and fail to start the container if it does. If unset or false, no such validation will be performed. May also be set in PodSecurityContext.  If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence."),
    runAsUser: int64("The UID to run the entrypoint of the container process. Defaults to user specified in image metadata if unspecified. May also be set in PodSecurityContext.  If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence. Note that this field cannot be set when spec.os.name is windows."),
    seLinuxOptions: SELinuxOptions.describe("The SELinux context to be applied to the container. If unspecified, the container runtime will allocate a random SELinux context for each container.  May also be set in PodSecurityContext.  If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence. Note that this field cannot be set when spec.os.name is windows."),
    seccompProfile: SeccompProfile.describe("The seccomp options to use by this container. If seccomp options are provided at both the pod & container level, the container options override the pod options. Note that this field cannot be set when spec.os.name is windows."),
    windowsOptions: WindowsSecurityContextOptions.describe("The Windows specific settings applied to all containers. If unspecified, the options from the PodSecurityContext will be used. If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence. Note that this field cannot be set when spec.os.name is linux."),
  },
  { id: "io.k8s.api.core.v1.SecurityContext", desc: "SecurityContext holds security configuration that will be applied to a container. Some fields are present in both SecurityContext and PodSecurityContext.  When both are set, the values in SecurityContext take precedence." },
);

export const Container = obj(
  {
    args: strList({ listType: "atomic", desc: "Arguments to the entrypoint. The container image's CMD is used if this is not provided. Variable references $(VAR_NAME) are expanded using the container's environment. If a variable cannot be resolved, the reference in the input string will be unchanged. Double $$ are reduced to a single $, which allows for escaping the $(VAR_NAME) syntax: i.e. \"$$(VAR_NAME)\" will produce the string literal \"$(VAR_NAME)\". Escaped references will never be expanded, regardless of whether the variable exists or not. Cannot be updated. More info: https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell" }),
    command: strList({ listType: "atomic", desc: "Entrypoint array. Not executed within a shell. The container image's ENTRYPOINT is used if this is not provided. Variable references $(VAR_NAME) are expanded using the container's environment. If a variable cannot be resolved, the reference in the input string will be unchanged. Double $$ are reduced to a single $, which allows for escaping the $(VAR_NAME) syntax: i.e. \"$$(VAR_NAME)\" will produce the string literal \"$(VAR_NAME)\". Escaped references will never be expanded, regardless of whether the variable exists or not. Cannot be updated. More info: https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell" }),
    env: list(EnvVar, { mergeKey: "name", strategy: "merge", listType: "map", listMapKeys: ["name"], desc: "List of environment variables to set in the container. Cannot be updated." }),
    envFrom: list(EnvFromSource, { listType: "atomic", desc: "List of sources to populate environment variables in the container. The keys defined within a source must be a C_IDENTIFIER. All invalid keys will be reported as an event when the container is starting. When a key exists in multiple sources, the value associated with the last source will take precedence. Values defined by an Env with a duplicate key will take precedence. Cannot be updated." }),
    image: str("Container image name. More info: https://kubernetes.io/docs/concepts/containers/images This field is optional to allow higher level config management to default or override container images in workload controllers like Deployments and StatefulSets."),
    imagePullPolicy: strEnum(["Always", "IfNotPresent", "Never"], "Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if :latest tag is specified, or IfNotPresent otherwise. Cannot be updated. More info: https://kubernetes.io/docs/concepts/containers/images#updating-images\n\nPossible enum values:\n - `\"Always\"` means that kubelet always attempts to pull the latest image. Container will fail If the pull fails.\n - `\"IfNotPresent\"` means that kubelet pulls if the image isn't present on disk. Container will fail if the image isn't present and the pull fails.\n - `\"Never\"` means that kubelet never pulls an image, but only uses a local image. Container will fail if the image isn't present"),
    lifecycle: Lifecycle.describe("Actions that the management system should take in response to container lifecycle events. Cannot be updated."),
    livenessProbe: Probe.describe("Periodic probe of container liveness. Container will be restarted if the probe fails. Cannot be updated. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes"),
    name: str("Name of the container specified as a DNS_LABEL. Each container in a pod must have a unique name (DNS_LABEL). Cannot be updated."),
    ports: list(ContainerPort, { mergeKey: "containerPort", strategy: "merge", listType: "map", listMapKeys: ["containerPort", "protocol"], desc: "List of ports to expose from the container. Not specifying a port here DOES NOT prevent that port from being exposed. Any port which is listening on the default \"0.0.0.0\" address inside a container will be accessible from the network. Modifying this array with strategic merge patch may corrupt the data. For more information See https://github.com/kubernetes/kubernetes/issues/108255. Cannot be updated." }),
    readinessProbe: Probe.describe("Periodic probe of container service readiness. Container will be removed from service endpoints if the probe fails. Cannot be updated. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes"),
    resizePolicy: list(ContainerResizePolicy, { listType: "atomic", desc: "Resources resize policy for the container." }),
    resources: ResourceRequirements.describe("Compute Resources required by this container. Cannot be updated. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"),
    restartPolicy: str("RestartPolicy defines the restart behavior of individual containers in a pod. This field may only be set for init containers, and the only allowed value is \"Always\". For non-init containers or when this field is not specified, the restart behavior is defined by the Pod's restart policy and the container type. Setting the RestartPolicy as \"Always\" for the init container will have the following effect: this init container will be continually restarted on exit until all regular containers have terminated. Once all regular containers have completed, all init containers with restartPolicy \"Always\" will be shut down. This lifecycle differs from normal init containers and is often referred to as a \"sidecar\" container. Although this init container still starts in the init container sequence, it does not wait for the container to complete before proceeding to the next init container. Instead, the next init container starts immediately after this init container is started, or after any startupProbe has successfully completed."),
    securityContext: SecurityContext.describe("SecurityContext defines the security options the container should be run with. If set, the fields of SecurityContext override the equivalent fields of PodSecurityContext. More info: https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"),
    startupProbe: Probe.describe("StartupProbe indicates that the Pod has successfully initialized. If specified, no other probes are executed until this completes successfully. If this probe fails, the Pod will be restarted, just as if the livenessProbe failed. This can be used to provide different probe parameters at the beginning of a Pod's lifecycle, when it might take a long time to load data or warm a cache, than during steady-state operation. This cannot be updated. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes"),
    stdin: bool("Whether this container should allocate a buffer for stdin in the container runtime. If this is not set, reads from stdin in the container will always result in EOF. Default is false."),
    stdinOnce: bool("Whether the container runtime should close the stdin channel after it has been opened by a single attach. When stdin is true the stdin stream will remain open across multiple attach sessions. If stdinOnce is set to true, stdin is opened on container start, is empty until the first client attaches to stdin, and then remains open and accepts data until the client disconnects, at which time stdin is closed and remains closed until the container is restarted. If this flag is false, a container processes that reads from stdin will never receive an EOF. Default is false"),
    terminationMessagePath: str("Optional: Path at which the file to which the container's termination message will be written is mounted into the container's filesystem. Message written is intended to be brief final status, such as an assertion failure message. Will be truncated by the node if greater than 4096 bytes. The total message length across all containers will be limited to 12kb. Defaults to /dev/termination-log. Cannot be updated."),
    terminationMessagePolicy: strEnum(["FallbackToLogsOnError", "File"], "Indicate how the termination message should be populated. File will use the contents of terminationMessagePath to populate the container status message on both success and failure. FallbackToLogsOnError will use the last chunk of container log output if the termination message file is empty and the container exited with an error. The log output is limited to 2048 bytes or 80 lines, whichever is smaller. Defaults to File. Cannot be updated.\n\nPossible enum values:\n - `\"FallbackToLogsOnError\"` will read the most recent contents of the container logs for the container status message when the container exits with an error and the terminationMessagePath has no contents.\n - `\"File\"` is the default behavior and will set the container status message to the contents of the container's terminationMessagePath when the container exits."),
    tty: bool("Whether this container should allocate a TTY for itself, also requires 'stdin' to be true. Default is false."),
    volumeDevices: list(VolumeDevice, { mergeKey: "devicePath", strategy: "merge", listType: "map", listMapKeys: ["devicePath"], desc: "volumeDevices is the list of block devices to be used by the container." }),
    volumeMounts: list(VolumeMount, { mergeKey: "mountPath", strategy: "merge", listType: "map", listMapKeys: ["mountPath"], desc: "Pod volumes to mount into the container's filesystem. Cannot be updated." }),
    workingDir: str("Container's working directory. If not specified, the container runtime's default will be used, which might be configured in the container image. Cannot be updated."),
  },
  { id: "io.k8s.api.core.v1.Container", desc: "A single application container that you want to run within a pod.", required: ["name"] },
);

export const EphemeralContainer = obj(
  {
    args: strList({ listType: "atomic", desc: "Arguments to the entrypoint. The image's CMD is used if this is not provided. Variable references $(VAR_NAME) are expanded using the container's environment. If a variable cannot be resolved, the reference in the input string will be unchanged. Double $$ are reduced to a single $, which allows for escaping the $(VAR_NAME) syntax: i.e. \"$$(VAR_NAME)\" will produce the string literal \"$(VAR_NAME)\". Escaped references will never be expanded, regardless of whether the variable exists or not. Cannot be updated. More info: https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell" }),
    command: strList({ listType: "atomic", desc: "Entrypoint array. Not executed within a shell. The image's ENTRYPOINT is used if this is not provided. Variable references $(VAR_NAME) are expanded using the container's environment. If a variable cannot be resolved, the reference in the input string will be unchanged. Double $$ are reduced to a single $, which allows for escaping the $(VAR_NAME) syntax: i.e. \"$$(VAR_NAME)\" will produce the string literal \"$(VAR_NAME)\". Escaped references will never be expanded, regardless of whether the variable exists or not. Cannot be updated. More info: https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell" }),
    env: list(EnvVar, { mergeKey: "name", strategy: "merge", listType: "map", listMapKeys: ["name"], desc: "List of environment variables to set in the container. Cannot be updated." }),
    envFrom: list(EnvFromSource, { listType: "atomic", desc: "List of sources to populate environment variables in the container. The keys defined within a source must be a C_IDENTIFIER. All invalid keys will be reported as an event when the container is starting. When a key exists in multiple sources, the value associated with the last source will take precedence. Values defined by an Env with a duplicate key will take precedence. Cannot be updated." }),
    image: str("Container image name. More info: https://kubernetes.io/docs/concepts/containers/images"),
    imagePullPolicy: strEnum(["Always", "IfNotPresent", "Never"], "Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if :latest tag is specified, or IfNotPresent otherwise. Cannot be updated. More info: https://kubernetes.io/docs/concepts/containers/images#updating-images\n\nPossible enum values:\n - `\"Always\"` means that kubelet always attempts to pull the latest image. Container will fail If the pull fails.\n - `\"IfNotPresent\"` means that kubelet pulls if the image isn't present on disk. Container will fail if the image isn't present and the pull fails.\n - `\"Never\"` means that kubelet never pulls an image, but only uses a local image. Container will fail if the image isn't present"),
    lifecycle: Lifecycle.describe("Lifecycle is not allowed for ephemeral containers."),
    livenessProbe: Probe.describe("Probes are not allowed for ephemeral containers."),
    name: str("Name of the ephemeral container specified as a DNS_LABEL. This name must be unique among all containers, init containers and ephemeral containers."),
    ports: list(ContainerPort, { mergeKey: "containerPort", strategy: "merge", listType: "map", listMapKeys: ["containerPort", "protocol"], desc: "Ports are not allowed for ephemeral containers." }),
    readinessProbe: Probe.describe("Probes are not allowed for ephemeral containers."),
    resizePolicy: list(ContainerResizePolicy, { listType: "atomic", desc: "Resources resize policy for the container." }),
    resources: ResourceRequirements.describe("Resources are not allowed for ephemeral containers. Ephemeral containers use spare resources already allocated to the pod."),
    restartPolicy: str("Restart policy for the container to manage the restart behavior of each container within a pod. This may only be set for init containers. You cannot set this field on ephemeral containers."),
    securityContext: SecurityContext.describe("Optional: SecurityContext defines the security options the ephemeral container should be run with. If set, the fields of SecurityContext override the equivalent fields of PodSecurityContext."),
    startupProbe: Probe.describe("Probes are not allowed for ephemeral containers."),
    stdin: bool("Whether this container should allocate a buffer for stdin in the container runtime. If this is not set, reads from stdin in the container will always result in EOF. Default is false."),
    stdinOnce: bool("Whether the container runtime should close the stdin channel after it has been opened by a single attach. When stdin is true the stdin stream will remain open across multiple attach sessions. If stdinOnce is set to true, stdin is opened on container start, is empty until the first client attaches to stdin, and then remains open and accepts data until the client disconnects, at which time stdin is closed and remains closed until the container is restarted. If this flag is false, a container processes that reads from stdin will never receive an EOF. Default is false"),
    targetContainerName: str("If set, the name of the container from PodSpec that this ephemeral container targets. The ephemeral container will be run in the namespaces (IPC, PID, etc) of this container. If not set then the ephemeral container uses the namespaces configured in the Pod spec.\n\nThe container runtime must implement support for this feature. If the runtime does not support namespace targeting then the result of setting this field is undefined."),
    terminationMessagePath: str("Optional: Path at which the file to which the container's termination message will be written is mounted into the container's filesystem. Message written is intended to be brief final status, such as an assertion failure message. Will be truncated by the node if greater than 4096 bytes. The total message length across all containers will be limited to 12kb. Defaults to /dev/termination-log. Cannot be updated."),
    terminationMessagePolicy: strEnum(["FallbackToLogsOnError", "File"], "Indicate how the termination message should be populated. File will use the contents of terminationMessagePath to populate the container status message on both success and failure. FallbackToLogsOnError will use the last chunk of container log output if the termination message file is empty and the container exited with an error. The log output is limited to 2048 bytes or 80 lines, whichever is smaller. Defaults to File. Cannot be updated.\n\nPossible enum values:\n - `\"FallbackToLogsOnError\"` will read the most recent contents of the container logs for the container status message when the container exits with an error and the terminationMessagePath has no contents.\n - `\"File\"` is the default behavior and will set the container status message to the contents of the container's terminationMessagePath when the container exits."),
    tty: bool("Whether this container should allocate a TTY for itself, also requires 'stdin' to be true. Default is false."),
    volumeDevices: list(VolumeDevice, { mergeKey: "devicePath", strategy: "merge", listType: "map", listMapKeys: ["devicePath"], desc: "volumeDevices is the list of block devices to be used by the container." }),
    volumeMounts: list(VolumeMount, { mergeKey: "mountPath", strategy: "merge", listType: "map", listMapKeys: ["mountPath"], desc: "Pod volumes to mount into the container's filesystem. Subpath mounts are not allowed for ephemeral containers. Cannot be updated." }),
    workingDir: str("Container's working directory. If not specified, the container runtime's default will be used, which might be configured in the container image. Cannot be updated."),
  },
  { id: "io.k8s.api.core.v1.EphemeralContainer", desc: "An EphemeralContainer is a temporary container that you may add to an existing Pod for user-initiated activities such as debugging. Ephemeral containers have no resource or scheduling guarantees, and they will not be restarted when they exit or when a Pod is removed or restarted. The kubelet may evict a Pod if an ephemeral container causes the Pod to exceed its resource allocation.\n\nTo add an ephemeral container, use the ephemeralcontainers subresource of an existing Pod. Ephemeral containers may not be removed or restarted.", required: ["name"] },
);

export const Sysctl = obj(
  {
    name: str("Name of a property to set"),
    value: str("Value of a property to set"),
  },
  { id: "io.k8s.api.core.v1.Sysctl", desc: "Sysctl defines a kernel parameter to be set", required: ["name", "value"] },
);

export const PodSecurityContext = obj(
  {
    appArmorProfile: AppArmorProfile.describe("appArmorProfile is the AppArmor options to use by the containers in this pod. Note that this field cannot be set when spec.os.name is windows."),
    fsGroup: int64("A special supplemental group that applies to all containers in a pod. Some volume types allow the Kubelet to change the ownership of that volume to be owned by the pod:\n\n1. The owning GID will be the FSGroup 2. The setgid bit is set (new files created in the volume will be owned by FSGroup) 3. The permission bits are OR'd with rw-rw"),
    fsGroupChangePolicy: strEnum(["Always", "OnRootMismatch"], "fsGroupChangePolicy defines behavior of changing ownership and permission of the volume before being exposed inside Pod. This field will only apply to volume types which support fsGroup based ownership(and permissions). It will have no effect on ephemeral volume types such as: secret, configmaps and emptydir. Valid values are \"OnRootMismatch\" and \"Always\". If not specified, \"Always\" is used. Note that this field cannot be set when spec.os.name is windows.\n\nPossible enum values:\n - `\"Always\"` indicates that volume's ownership and permissions should always be changed whenever volume is mounted inside a Pod. This the default behavior.\n - `\"OnRootMismatch\"` indicates that volume's ownership and permissions will be changed only when permission and ownership of root directory does not match with expected permissions on the volume. This can help shorten the time it takes to change ownership and permissions of a volume."),
    runAsGroup: int64("The GID to run the entrypoint of the container process. Uses runtime default if unset. May also be set in SecurityContext.  If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence for that container. Note that this field cannot be set when spec.os.name is windows."),
    runAsNonRoot: bool("Indicates that the container must run as a non-root user. If true, the Kubelet will validate the image at runtime to ensure that it does not run as UID 0 (root) and fail to start the container if it does. If unset or false, no such validation will be performed. May also be set in SecurityContext.  If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence."),
    runAsUser: int64("The UID to run the entrypoint of the container process. Defaults to user specified in image metadata if unspecified. May also be set in SecurityContext.  If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence for that container. Note that this field cannot be set when spec.os.name is windows."),
    seLinuxChangePolicy: str("seLinuxChangePolicy defines how the container's SELinux label is applied to all volumes used by the Pod. It has no effect on nodes that do not support SELinux or to volumes does not support SELinux. Valid values are \"MountOption\" and \"Recursive\".\n\n\"Recursive\" means relabeling of all files on all Pod volumes by the container runtime. This may be slow for large volumes, but allows mixing privileged and unprivileged Pods sharing the same volume on the same node.\n\n\"MountOption\" mounts all eligible Pod volumes with `-o context` mount option. This requires all Pods that share the same volume to use the same SELinux label. It is not possible to share the same volume among privileged and unprivileged Pods. Eligible volumes are in-tree FibreChannel and iSCSI volumes, and all CSI volumes whose CSI driver announces SELinux support by setting spec.seLinuxMount: true in their CSIDriver instance. Other volumes are always re-labelled recursively. \"MountOption\" value is allowed only when SELinuxMount feature gate is enabled.\n\nIf not specified and SELinuxMount feature gate is enabled, \"MountOption\" is used. If not specified and SELinuxMount feature gate is disabled, \"MountOption\" is used for ReadWriteOncePod volumes and \"Recursive\" for all other volumes.\n\nThis field affects only Pods that have SELinux label set, either in PodSecurityContext or in SecurityContext of all containers.\n\nAll Pods that use the same volume should use the same seLinuxChangePolicy, otherwise some pods can get stuck in ContainerCreating state. Note that this field cannot be set when spec.os.name is windows."),
    seLinuxOptions: SELinuxOptions.describe("The SELinux context to be applied to all containers. If unspecified, the container runtime will allocate a random SELinux context for each container.  May also be set in SecurityContext.  If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence for that container. Note that this field cannot be set when spec.os.name is windows."),
    seccompProfile: SeccompProfile.describe("The seccomp options to use by the containers in this pod. Note that this field cannot be set when spec.os.name is windows."),
    supplementalGroups: list(z.number().int().meta({ format: "int64" }), { listType: "atomic", desc: "A list of groups applied to the first process run in each container, in addition to the container's primary GID and fsGroup (if specified).  If the SupplementalGroupsPolicy feature is enabled, the supplementalGroupsPolicy field determines whether these are in addition to or instead of any group memberships defined in the container image. If unspecified, no additional groups are added, though group memberships defined in the container image may still be used, depending on the supplementalGroupsPolicy field. Note that this field cannot be set when spec.os.name is windows." }),
    supplementalGroupsPolicy: strEnum(["Merge", "Strict"], "Defines how supplemental groups of the first container processes are calculated. Valid values are \"Merge\" and \"Strict\". If not specified, \"Merge\" is used. (Alpha) Using the field requires the SupplementalGroupsPolicy feature gate to be enabled and the container runtime must implement support for this feature. Note that this field cannot be set when spec.os.name is windows.\n\nPossible enum values:\n - `\"Merge\"` means that the container's provided SupplementalGroups and FsGroup (specified in SecurityContext) will be merged with the primary user's groups as defined in the container image (in /etc/group).\n - `\"Strict\"` means that the container's provided SupplementalGroups and FsGroup (specified in SecurityContext) will be used instead of any groups defined in the container image."),
    sysctls: list(Sysctl, { listType: "atomic", desc: "Sysctls hold a list of namespaced sysctls used for the pod. Pods with unsupported sysctls (by the container runtime) might fail to launch. Note that this field cannot be set when spec.os.name is windows." }),
    windowsOptions: WindowsSecurityContextOptions.describe("The Windows specific settings applied to all containers. If unspecified, the options within a container's SecurityContext will be used. If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence. Note that this field cannot be set when spec.os.name is linux."),
  },
  { id: "io.k8s.api.core.v1.PodSecurityContext", desc: "PodSecurityContext holds pod-level security attributes and common container settings. Some fields are also present in container.securityContext.  Field values of container.securityContext take precedence over field values of PodSecurityContext." },
);

export const NodeSelectorRequirement = obj(
  {
    key: str("The label key that the selector applies to."),
    operator: strEnum(["DoesNotExist", "Exists", "Gt", "In", "Lt", "NotIn"], "Represents a key's relationship to a set of values. Valid operators are In, NotIn, Exists, DoesNotExist. Gt, and Lt.\n\nPossible enum values:\n - `\"DoesNotExist\"`\n - `\"Exists\"`\n - `\"Gt\"`\n - `\"In\"`\n - `\"Lt\"`\n - `\"NotIn\"`"),
    values: strList({ listType: "atomic", desc: "An array of string values. If the operator is In or NotIn, the values array must be non-empty. If the operator is Exists or DoesNotExist, the values array must be empty. If the operator is Gt or Lt, the values array must have a single element, which will be interpreted as an integer. This array is replaced during a strategic merge patch." }),
  },
  { id: "io.k8s.api.core.v1.NodeSelectorRequirement", desc: "A node selector requirement is a selector that contains values, a key, and an operator that relates the key and values.", required: ["key", "operator"] },
);

export const NodeSelectorTerm = obj(
  {
    matchExpressions: list(NodeSelectorRequirement, { listType: "atomic", desc: "A list of node selector requirements by node's labels." }),
    matchFields: list(NodeSelectorRequirement, { listType: "atomic", desc: "A list of node selector requirements by node's fields." }),
  },
  { id: "io.k8s.api.core.v1.NodeSelectorTerm", desc: "A null or empty node selector term matches no objects. The requirements of them are ANDed. The TopologySelectorTerm type implements a subset of the NodeSelectorTerm." },
);

export const NodeSelector = obj(
  {
    nodeSelectorTerms: list(NodeSelectorTerm, { listType: "atomic", desc: "Required. A list of node selector terms. The terms are ORed." }),
  },
  { id: "io.k8s.api.core.v1.NodeSelector", desc: "A node selector represents the union of the results of one or more label queries over a set of nodes; that is, it represents the OR of the selectors represented by the node selector terms.", required: ["nodeSelectorTerms"] },
);

export const PreferredSchedulingTerm = obj(
  {
    preference: NodeSelectorTerm.describe("A node selector term, associated with the corresponding weight."),
    weight: int("Weight associated with matching the corresponding nodeSelectorTerm, in the range 1-100."),
  },
  { id: "io.k8s.api.core.v1.PreferredSchedulingTerm", desc: "An empty preferred scheduling term matches all objects with implicit weight 0 (i.e. it's a no-op). A null preferred scheduling term matches no objects (i.e. is also a no-op).", required: ["preference", "weight"] },
);

export const NodeAffinity = obj(
  {
    preferredDuringSchedulingIgnoredDuringExecution: list(PreferredSchedulingTerm, { listType: "atomic", desc: "The scheduler will prefer to schedule pods to nodes that satisfy the affinity expressions specified by this field, but it may choose a node that violates one or more of the expressions. The node that is most preferred is the one with the greatest sum of weights, i.e. for each node that meets all of the scheduling requirements (resource request, requiredDuringScheduling affinity expressions, etc.), compute a sum by iterating through the elements of this field and adding \"weight\" to the sum if the node matches the corresponding matchExpressions; the node(s) with the highest sum are the most preferred." }),
    requiredDuringSchedulingIgnoredDuringExecution: NodeSelector.describe("If the affinity requirements specified by this field are not met at scheduling time, the pod will not be scheduled onto the node. If the affinity requirements specified by this field cease to be met at some point during pod execution (e.g. due to an update), the system may or may not try to eventually evict the pod from its node."),
  },
  { id: "io.k8s.api.core.v1.NodeAffinity", desc: "Node affinity is a group of node affinity scheduling rules." },
);

export const PodAffinityTerm = obj(
  {
    labelSelector: LabelSelector.describe("A label query over a set of resources, in this case pods. If it's null, this PodAffinityTerm matches with no Pods."),
    matchLabelKeys: strList({ listType: "atomic", desc: "MatchLabelKeys is a set of pod label keys to select which pods will be taken into consideration. The keys are used to lookup values from the incoming pod labels, those key-value labels are merged with `labelSelector` as `key in (value)` to select the group of existing pods which pods will be taken into consideration for the incoming pod's pod (anti) affinity. Keys that don't exist in the incoming pod labels will be ignored. The default value is empty. The same key is forbidden to exist in both matchLabelKeys and labelSelector. Also, matchLabelKeys cannot be set when labelSelector isn't set. This is a beta field and requires enabling MatchLabelKeysInPodAffinity feature gate (enabled by default)." }),
    mismatchLabelKeys: strList({ listType: "atomic", desc: "MismatchLabelKeys is a set of pod label keys to select which pods will be taken into consideration. The keys are used to lookup values from the incoming pod labels, those key-value labels are merged with `labelSelector` as `key notin (value)` to select the group of existing pods which pods will be taken into consideration for the incoming pod's pod (anti) affinity. Keys that don't exist in the incoming pod labels will be ignored. The default value is empty. The same key is forbidden to exist in both mismatchLabelKeys and labelSelector. Also, mismatchLabelKeys cannot be set when labelSelector isn't set. This is a beta field and requires enabling MatchLabelKeysInPodAffinity feature gate (enabled by default)." }),
    namespaceSelector: LabelSelector.describe("A label query over the set of namespaces that the term applies to. The term is applied to the union of the namespaces selected by this field and the ones listed in the namespaces field. null selector and null or empty namespaces list means \"this pod's namespace\". An empty selector ({}) matches all namespaces."),
    namespaces: strList({ listType: "atomic", desc: "namespaces specifies a static list of namespace names that the term applies to. The term is applied to the union of the namespaces listed in this field and the ones selected by namespaceSelector. null or empty namespaces list and null namespaceSelector means \"this pod's namespace\"." }),
    topologyKey: str("This pod should be co-located (affinity) or not co-located (anti-affinity) with the pods matching the labelSelector in the specified namespaces, where co-located is defined as running on a node whose value of the label with key topologyKey matches that of any node on which any of the selected pods is running. Empty topologyKey is not allowed."),
  },
  { id: "io.k8s.api.core.v1.PodAffinityTerm", desc: "Defines a set of pods (namely those matching the labelSelector relative to the given namespace(s)) that this pod should be co-located (affinity) or not co-located (anti-affinity) with, where co-located is defined as running on a node whose value of the label with key <topologyKey> matches that of any node on which a pod of the set of pods is running", required: ["topologyKey"] },
);

export const WeightedPodAffinityTerm = obj(
  {
    podAffinityTerm: PodAffinityTerm.describe("Required. A pod affinity term, associated with the corresponding weight."),
    weight: int("weight associated with matching the corresponding podAffinityTerm, in the range 1-100."),
  },
  { id: "io.k8s.api.core.v1.WeightedPodAffinityTerm", desc: "The weights of all of the matched WeightedPodAffinityTerm fields are added per-node to find the most preferred node(s)", required: ["podAffinityTerm", "weight"] },
);

export const PodAffinity = obj(
  {
    preferredDuringSchedulingIgnoredDuringExecution: list(WeightedPodAffinityTerm, { listType: "atomic", desc: "The scheduler will prefer to schedule pods to nodes that satisfy the affinity expressions specified by this field, but it may choose a node that violates one or more of the expressions. The node that is most preferred is the one with the greatest sum of weights, i.e. for each node that meets all of the scheduling requirements (resource request, requiredDuringScheduling affinity expressions, etc.), compute a sum by iterating through the elements of this field and adding \"weight\" to the sum if the node has pods which matches the corresponding podAffinityTerm; the node(s) with the highest sum are the most preferred." }),
    requiredDuringSchedulingIgnoredDuringExecution: list(PodAffinityTerm, { listType: "atomic", desc: "If the affinity requirements specified by this field are not met at scheduling time, the pod will not be scheduled onto the node. If the affinity requirements specified by this field cease to be met at some point during pod execution (e.g. due to a pod label update), the system may or may not try to eventually evict the pod from its node. When there are multiple elements, the lists of nodes corresponding to each podAffinityTerm are intersected, i.e. all terms must be satisfied." }),
  },
  { id: "io.k8s.api.core.v1.PodAffinity", desc: "Pod affinity is a group of inter pod affinity scheduling rules." },
);

export const PodAntiAffinity = obj(
  {
    preferredDuringSchedulingIgnoredDuringExecution: list(WeightedPodAffinityTerm, { listType: "atomic", desc: "The scheduler will prefer to schedule pods to nodes that satisfy the anti-affinity expressions specified by this field, but it may choose a node that violates one or more of the expressions. The node that is most preferred is the one with the greatest sum of weights, i.e. for each node that meets all of the scheduling requirements (resource request, requiredDuringScheduling anti-affinity expressions, etc.), compute a sum by iterating through the elements of this field and adding \"weight\" to the sum if the node has pods which matches the corresponding podAffinityTerm; the node(s) with the highest sum are the most preferred." }),
    requiredDuringSchedulingIgnoredDuringExecution: list(PodAffinityTerm, { listType: "atomic", desc: "If the anti-affinity requirements specified by this field are not met at scheduling time, the pod will not be scheduled onto the node. If the anti-affinity requirements specified by this field cease to be met at some point during pod execution (e.g. due to a pod label update), the system may or may not try to eventually evict the pod from its node. When there are multiple elements, the lists of nodes corresponding to each podAffinityTerm are intersected, i.e. all terms must be satisfied." }),
  },
  { id: "io.k8s.api.core.v1.PodAntiAffinity", desc: "Pod anti affinity is a group of inter pod anti affinity scheduling rules." },
);

export const Affinity = obj(
  {
    nodeAffinity: NodeAffinity.describe("Describes node affinity scheduling rules for the pod."),
    podAffinity: PodAffinity.describe("Describes pod affinity scheduling rules (e.g. co-locate this pod in the same node, zone, etc. as some other pod(s))."),
    podAntiAffinity: PodAntiAffinity.describe("Describes pod anti-affinity scheduling rules (e.g. avoid putting this pod in the same node, zone, etc. as some other pod(s))."),
  },
  { id: "io.k8s.api.core.v1.Affinity", desc: "Affinity is a group of affinity scheduling rules." },
);

export const Toleration = obj(
  {
    effect: strEnum(["NoExecute", "NoSchedule", "PreferNoSchedule"], "Effect indicates the taint effect to match. Empty means match all taint effects. When specified, allowed values are NoSchedule, PreferNoSchedule and NoExecute.\n\nPossible enum values:\n - `\"NoExecute\"` Evict any already-running pods that do not tolerate the taint. Currently enforced by NodeController.\n - `\"NoSchedule\"` Do not allow new pods to schedule onto the node unless they tolerate the taint, but allow all pods submitted to Kubelet without going through the scheduler to start, and allow all already-running pods to continue running. Enforced by the scheduler.\n - `\"PreferNoSchedule\"` Like TaintEffectNoSchedule, but the scheduler tries not to schedule new pods onto the node, rather than prohibiting new pods from scheduling onto the node entirely. Enforced by the scheduler."),
    key: str("Key is the taint key that the toleration applies to. Empty means match all taint keys. If the key is empty, operator must be Exists; this combination means to match all values and all keys."),
    operator: strEnum(["Equal", "Exists"], "Operator represents a key's relationship to the value. Valid operators are Exists and Equal. Defaults to Equal. Exists is equivalent to wildcard for value, so that a pod can tolerate all taints of a particular category.\n\nPossible enum values:\n - `\"Equal\"`\n - `\"Exists\"`"),
    tolerationSeconds: int64("TolerationSeconds represents the period of time the toleration (which must be of effect NoExecute, otherwise this field is ignored) tolerates the taint. By default, it is not set, which means tolerate the taint forever (do not evict). Zero and negative values will be treated as 0 (evict immediately) by the system."),
    value: str("Value is the taint value the toleration matches to. If the operator is Exists, the value should be empty, otherwise just a regular string."),
  },
  { id: "io.k8s.api.core.v1.Toleration", desc: "The pod this Toleration is attached to tolerates any taint that matches the triple <key,value,effect> using the matching operator <operator>." },
);

export const HostAlias = obj(
  {
    hostnames: strList({ listType: "atomic", desc: "Hostnames for the above IP address." }),
    ip: str("IP address of the host file entry."),
  },
  { id: "io.k8s.api.core.v1.HostAlias", desc: "HostAlias holds the mapping between IP and hostnames that will be injected as an entry in the pod's hosts file.", required: ["ip"] },
);

export const PodDNSConfigOption = obj(
  {
    name: str("Name is this DNS resolver option's name. Required."),
    value: str("Value is this DNS resolver option's value."),
  },
  { id: "io.k8s.api.core.v1.PodDNSConfigOption", desc: "PodDNSConfigOption defines DNS resolver options of a pod." },
);

export const PodDNSConfig = obj(
  {
    nameservers: strList({ listType: "atomic", desc: "A list of DNS name server IP addresses. This will be appended to the base nameservers generated from DNSPolicy. Duplicated nameservers will be removed." }),
    options: list(PodDNSConfigOption, { listType: "atomic", desc: "A list of DNS resolver options. This will be merged with the base options generated from DNSPolicy. Duplicated entries will be removed. Resolution options given in Options will override those that appear in the base DNSPolicy." }),
    searches: strList({ listType: "atomic", desc: "A list of DNS search domains for host-name lookup. This will be appended to the base search paths generated from DNSPolicy. Duplicated search paths will be removed." }),
  },
  { id: "io.k8s.api.core.v1.PodDNSConfig", desc: "PodDNSConfig defines the DNS parameters of a pod in addition to those generated from DNSPolicy." },
);

export const PodReadinessGate = obj(
  {
    conditionType: str("ConditionType refers to a condition in the pod's condition list with matching type."),
  },
  { id: "io.k8s.api.core.v1.PodReadinessGate", desc: "PodReadinessGate contains the reference to a pod condition", required: ["conditionType"] },
);

export const TopologySpreadConstraint = obj(
  {
    labelSelector: LabelSelector.describe("LabelSelector is used to find matching pods. Pods that match this label selector are counted to determine the number of pods in their corresponding topology domain."),
    matchLabelKeys: strList({ listType: "atomic", desc: "MatchLabelKeys is a set of pod label keys to select the pods over which spreading will be calculated. The keys are used to lookup values from the incoming pod labels, those key-value labels are ANDed with labelSelector to select the group of existing pods over which spreading will be calculated for the incoming pod. The same key is forbidden to exist in both MatchLabelKeys and LabelSelector. MatchLabelKeys cannot be set when LabelSelector isn't set. Keys that don't exist in the incoming pod labels will be ignored. A null or empty list means only match against labelSelector.\n\nThis is a beta field and requires the MatchLabelKeysInPodTopologySpread feature gate to be enabled (enabled by default)." }),
    maxSkew: int("MaxSkew describes the degree to which pods may be unevenly distributed. When `whenUnsatisfiable=DoNotSchedule`, it is the maximum permitted difference between the number of matching pods in the target topology and the global minimum. The global minimum is the minimum number of matching pods in an eligible domain or zero if the number of eligible domains is less than MinDomains. For example, in a 3-zone cluster, MaxSkew is set to 1, and pods with the same labelSelector spread as 2/2/1: In this case, the global minimum is 1."),
    minDomains: int("MinDomains indicates a minimum number of eligible domains. When the number of eligible domains with matching topology keys is less than minDomains, Pod Topology Spread treats \"global minimum\" as 0, and then the calculation of Skew is performed. And when the number of eligible domains with matching topology keys equals or greater than minDomains, this value has no effect on scheduling. As a result, when the number of eligible domains is less than minDomains, scheduler won't schedule more than maxSkew Pods to those domains. If value is nil, the constraint behaves as if MinDomains is equal to 1. Valid values are integers greater than 0. When value is not nil, WhenUnsatisfiable must be DoNotSchedule.\n\nFor example, in a 3-zone cluster, MaxSkew is set to 2, MinDomains is set to 5 and pods with the same labelSelector spread as 2/2/2:"),
    nodeAffinityPolicy: strEnum(["Honor", "Ignore"], "NodeAffinityPolicy indicates how we will treat Pod's nodeAffinity/nodeSelector when calculating pod topology spread skew. Options are: - Honor: only nodes matching nodeAffinity/nodeSelector are included in the calculations. - Ignore: nodeAffinity/nodeSelector are ignored. All nodes are included in the calculations.\n\nIf this value is nil, the behavior is equivalent to the Honor policy. This is a beta-level feature default enabled by the NodeInclusionPolicyInPodTopologySpread feature flag.\n\nPossible enum values:\n - `\"Honor\"` means use this scheduling directive when calculating pod topology spread skew.\n - `\"Ignore\"` means ignore this scheduling directive when calculating pod topology spread skew."),
    nodeTaintsPolicy: strEnum(["Honor", "Ignore"], "NodeTaintsPolicy indicates how we will treat node taints when calculating pod topology spread skew. Options are: - Honor: nodes without taints, along with tainted nodes for which the incoming pod has a toleration, are included. - Ignore: node taints are ignored. All nodes are included.\n\nIf this value is nil, the behavior is equivalent to the Ignore policy. This is a beta-level feature default enabled by the NodeInclusionPolicyInPodTopologySpread feature flag.\n\nPossible enum values:\n - `\"Honor\"` means use this scheduling directive when calculating pod topology spread skew.\n - `\"Ignore\"` means ignore this scheduling directive when calculating pod topology spread skew."),
    topologyKey: str("TopologyKey is the key of node labels. Nodes that have a label with this key and identical values are considered to be in the same topology. We consider each <key, value> as a \"bucket\", and try to put balanced number of pods into each bucket. We define a domain as a particular instance of a topology. Also, we define an eligible domain as a domain whose nodes meet the requirements of nodeAffinityPolicy and nodeTaintsPolicy. e.g. If TopologyKey is \"kubernetes.io/hostname\", each Node is a domain of that topology. And, if TopologyKey is \"topology.kubernetes.io/zone\", each zone is a domain of that topology. It's a required field."),
    whenUnsatisfiable: strEnum(["DoNotSchedule", "ScheduleAnyway"], "WhenUnsatisfiable indicates how to deal with a pod if it doesn't satisfy the spread constraint. - DoNotSchedule (default) tells the scheduler not to schedule it. - ScheduleAnyway tells the scheduler to schedule the pod in any location,\n  but giving higher precedence to topologies that would help reduce the\n  skew.\nA constraint is considered \"Unsatisfiable\" for an incoming pod if and only if every possible node assignment for that pod would violate \"MaxSkew\" on some topology. For example, in a 3-zone cluster, MaxSkew is set to 1, and pods with the same labelSelector spread as 3/1/1:\n\nPossible enum values:\n - `\"DoNotSchedule\"` instructs the scheduler not to schedule the pod when constraints are not satisfied.\n - `\"ScheduleAnyway\"` instructs the scheduler to schedule the pod even if constraints are not satisfied."),
  },
  { id: "io.k8s.api.core.v1.TopologySpreadConstraint", desc: "TopologySpreadConstraint specifies how to spread matching pods among the given topology.", required: ["maxSkew", "topologyKey", "whenUnsatisfiable"] },
);

export const PodOS = obj(
  {
    name: str("Name is the name of the operating system. The currently supported values are linux and windows. Additional value may be defined in future and can be one of: https://github.com/opencontainers/runtime-spec/blob/master/config.md#platform-specific-configuration Clients should expect to handle additional values and treat unrecognized values in this field as os: null"),
  },
  { id: "io.k8s.api.core.v1.PodOS", desc: "PodOS defines the OS parameters of a pod.", required: ["name"] },
);

export const PodSchedulingGate = obj(
  {
    name: str("Name of the scheduling gate. Each scheduling gate must have a unique name field."),
  },
  { id: "io.k8s.api.core.v1.PodSchedulingGate", desc: "PodSchedulingGate is associated to a Pod to guard its scheduling.", required: ["name"] },
);

export const PodResourceClaim = obj(
  {
    name: str("Name uniquely identifies this resource claim inside the pod. This must be a DNS_LABEL."),
    resourceClaimName: str("ResourceClaimName is the name of a ResourceClaim object in the same namespace as this pod.\n\nExactly one of ResourceClaimName and ResourceClaimTemplateName must be set."),
    resourceClaimTemplateName: str("ResourceClaimTemplateName is the name of a ResourceClaimTemplate object in the same namespace as this pod.\n\nThe template will be used to create a new ResourceClaim, which will be bound to this pod. When this pod is deleted, the ResourceClaim will also be deleted. The pod name and resource name, along with a generated component, will be used to form a unique name for the ResourceClaim, which will be recorded in pod.status.resourceClaimStatuses.\n\nThis field is immutable and no changes will be made to the corresponding ResourceClaim by the control plane after creating the ResourceClaim.\n\nExactly one of ResourceClaimName and ResourceClaimTemplateName must be set."),
  },
  { id: "io.k8s.api.core.v1.PodResourceClaim", desc: "PodResourceClaim references exactly one ResourceClaim, either directly or by naming a ResourceClaimTemplate which is then turned into a ResourceClaim for the pod.\n\nIt adds a name to it that uniquely identifies the ResourceClaim inside the Pod. Containers that need access to the ResourceClaim reference it with this name.", required: ["name"] },
);

export const PodSpec = obj(
  {
    activeDeadlineSeconds: int64("Optional duration in seconds the pod may be active on the node relative to StartTime before the system will actively try to mark it failed and kill associated containers. Value must be a positive integer."),
    affinity: Affinity.describe("If specified, the pod's scheduling constraints"),
    automountServiceAccountToken: bool("AutomountServiceAccountToken indicates whether a service account token should be automatically mounted."),
    containers: list(Container, { mergeKey: "name", strategy: "merge", listType: "map", listMapKeys: ["name"], desc: "List of containers belonging to the pod. Containers cannot currently be added or removed. There must be at least one container in a Pod. Cannot be updated." }),
    dnsConfig: PodDNSConfig.describe("Specifies the DNS parameters of a pod. Parameters specified here will be merged to the generated DNS configuration based on DNSPolicy."),
    dnsPolicy: strEnum(["ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"], "Set DNS policy for the pod. Defaults to \"ClusterFirst\". Valid values are 'ClusterFirstWithHostNet', 'ClusterFirst', 'Default' or 'None'. DNS parameters given in DNSConfig will be merged with the policy selected with DNSPolicy. To have DNS options set along with hostNetwork, you have to specify DNS policy explicitly to 'ClusterFirstWithHostNet'.\n\nPossible enum values:\n - `\"ClusterFirst\"` indicates that the pod should use cluster DNS first unless hostNetwork is true, if it is available, then fall back on the default (as determined by kubelet) DNS settings.\n - `\"ClusterFirstWithHostNet\"` indicates that the pod should use cluster DNS first, if it is available, then fall back on the default (as determined by kubelet) DNS settings.\n - `\"Default\"` indicates that the pod should use the default (as determined by kubelet) DNS settings.\n - `\"None\"` indicates that the pod should use empty DNS settings. DNS parameters such as nameservers and search paths should be defined via DNSConfig."),
    enableServiceLinks: bool("EnableServiceLinks indicates whether information about services should be injected into pod's environment variables, matching the syntax of Docker links. Optional: Defaults to true."),
    ephemeralContainers: list(EphemeralContainer, { mergeKey: "name", strategy: "merge", listType: "map", listMapKeys: ["name"], desc: "List of ephemeral containers run in this pod. Ephemeral containers may be run in an existing pod to perform user-initiated actions such as debugging. This list cannot be specified when creating a pod, and it cannot be modified by updating the pod spec. In order to add an ephemeral container to an existing pod, use the pod's ephemeralcontainers subresource." }),
    hostAliases: list(HostAlias, { mergeKey: "ip", strategy: "merge", listType: "map", listMapKeys: ["ip"], desc: "HostAliases is an optional list of hosts and IPs that will be injected into the pod's hosts file if specified." }),
    hostIPC: bool("Use the host's ipc namespace. Optional: Default to false."),
    hostNetwork: bool("Host networking requested for this pod. Use the host's network namespace. If this option is set, the ports that will be used must be specified. Default to false."),
    hostPID: bool("Use the host's pid namespace. Optional: Default to false."),
    hostUsers: bool("Use the host's user namespace. Optional: Default to true. If set to true or not present, the pod will be run in the host user namespace, useful for when the pod needs a feature only available to the host user namespace, such as loading a kernel module with CAP_SYS_MODULE. When set to false, a new userns is created for the pod. Setting false is useful for mitigating container breakout vulnerabilities even allowing users to run their containers as root without actually having root privileges on the host. This field is alpha-level and is only honored by servers that enable the UserNamespacesSupport feature."),
    hostname: str("Specifies the hostname of the Pod If not specified, the pod's hostname will be set to a system-defined value."),
    imagePullSecrets: list(LocalObjectReference, { mergeKey: "name", strategy: "merge", listType: "map", listMapKeys: ["name"], desc: "ImagePullSecrets is an optional list of references to secrets in the same namespace to use for pulling any of the images used by this PodSpec. If specified, these secrets will be passed to individual puller implementations for them to use. More info: https://kubernetes.io/docs/concepts/containers/images#specifying-imagepullsecrets-on-a-pod" }),
    initContainers: list(Container, { mergeKey: "name", strategy: "merge", listType: "map", listMapKeys: ["name"], desc: "List of initialization containers belonging to the pod. Init containers are executed in order prior to containers being started. If any init container fails, the pod is considered to have failed and is handled according to its restartPolicy. The name for an init container or normal container must be unique among all containers. Init containers may not have Lifecycle actions, Readiness probes, Liveness probes, or Startup probes. The resourceRequirements of an init container are taken into account during scheduling by finding the highest request/limit for each resource type, and then using the max of of that value or the sum of the normal containers. Limits are applied to init containers in a similar fashion. Init containers cannot currently be added or removed. Cannot be updated. More info: https://kubernetes.io/docs/concepts/workloads/pods/init-containers/" }),
    nodeName: str("NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename"),
    nodeSelector: stringMap("NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node. More info: https://kubernetes.io/docs/concepts/configuration/assign-pod-node/").meta({ "x-kubernetes-map-type": "atomic" }),
    os: PodOS.describe("Specifies the OS of the containers in the pod. Some pod and container fields are restricted if this is set.\n\nIf the OS field is set to linux, the following fields must be unset: -securityContext.windowsOptions\n\nIf the OS field is set to windows, following fields must be unset: - spec.hostPID - spec.hostIPC - spec.hostUsers - spec.securityContext.appArmorProfile - spec.securityContext.seLinuxOptions - spec.securityContext.seccompProfile - spec.securityContext.fsGroup - spec.securityContext.fsGroupChangePolicy - spec.securityContext.sysctls - spec.shareProcessNamespace - spec.securityContext.runAsUser - spec.securityContext.runAsGroup - spec.securityContext.supplementalGroups - spec.securityContext.supplementalGroupsPolicy - spec.containers[*].securityContext.appArmorProfile - spec.containers[*].securityContext.seLinuxOptions - spec.containers[*].securityContext.seccompProfile - spec.containers[*].securityContext.capabilities - spec.containers[*].securityContext.readOnlyRootFilesystem - spec.containers[*].securityContext.privileged - spec.containers[*].securityContext.allowPrivilegeEscalation - spec.containers[*].securityContext.procMount - spec.containers[*].securityContext.runAsUser - spec.containers[*].securityContext.runAsGroup"),
    overhead: quantityMap("Overhead represents the resource overhead associated with running a pod for a given RuntimeClass. This field will be autopopulated at admission time by the RuntimeClass admission controller. If the RuntimeClass admission controller is enabled, overhead must not be set in Pod create requests. The RuntimeClass admission controller will reject Pod create requests which have the overhead already set. If RuntimeClass is configured and selected in the PodSpec, Overhead will be set to the value defined in the corresponding RuntimeClass, otherwise it will remain unset and treated as zero. More info: https://git.k8s.io/enhancements/keps/sig-node/688-pod-overhead/README.md"),
    preemptionPolicy: strEnum(["Never", "PreemptLowerPriority"], "PreemptionPolicy is the Policy for preempting pods with lower priority. One of Never, PreemptLowerPriority. Defaults to PreemptLowerPriority if unset.\n\nPossible enum values:\n - `\"Never\"` means that pod never preempts other pods with lower priority.\n - `\"PreemptLowerPriority\"` means that pod can preempt other pods with lower priority."),
    priority: int("The priority value. Various system components use this field to find the priority of the pod. When Priority Admission Controller is enabled, it prevents users from setting this field. The admission controller populates this field from PriorityClassName. The higher the value, the higher the priority."),
    priorityClassName: str("If specified, indicates the pod's priority. \"system-node-critical\" and \"system-cluster-critical\" are two special keywords which indicate the highest priorities with the former being the highest priority. Any other name must be defined by creating a PriorityClass object with that name. If not specified, the pod priority will be default or zero if there is no default."),
    readinessGates: list(PodReadinessGate, { listType: "atomic", desc: "If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to \"True\" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates" }),
    resourceClaims: list(PodResourceClaim, { mergeKey: "name", strategy: "merge,retainKeys", listType: "map", listMapKeys: ["name"], desc: "ResourceClaims defines which ResourceClaims must be allocated and reserved before the Pod is allowed to start. The resources will be made available to those containers which consume them by name.\n\nThis is an alpha field and requires enabling the DynamicResourceAllocation feature gate.\n\nThis field is immutable." }),
    resources: ResourceRequirements.describe("Resources is the total amount of CPU and Memory resources required by all containers in the pod. It supports specifying Requests and Limits for \"cpu\" and \"memory\" resource names only. ResourceClaims are not supported.\n\nThis field enables fine-grained control over resource allocation for the entire pod, allowing resource sharing among containers in a pod.\n\nThis is an alpha field and requires enabling the PodLevelResources feature gate."),
    restartPolicy: strEnum(["Always", "Never", "OnFailure"], "Restart policy for all containers within the pod. One of Always, OnFailure, Never. In some contexts, only a subset of those values may be permitted. Default to Always. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy\n\nPossible enum values:\n - `\"Always\"`\n - `\"Never\"`\n - `\"OnFailure\"`"),
    runtimeClassName: str("RuntimeClassName refers to a RuntimeClass object in the node.k8s.io group, which should be used to run this pod.  If no RuntimeClass resource matches the named class, the pod will not be run. If unset or empty, the \"legacy\" RuntimeClass will be used, which is an implicit class with an empty definition that uses the default runtime handler. More info: https://git.k8s.io/enhancements/keps/sig-node/585-runtime-class"),
    schedulerName: str("If specified, the pod will be dispatched by specified scheduler. If not specified, the pod will be dispatched by default scheduler."),
    schedulingGates: list(PodSchedulingGate, { mergeKey: "name", strategy: "merge", listType: "map", listMapKeys: ["name"], desc: "SchedulingGates is an opaque list of values that if specified will block scheduling the pod. If schedulingGates is not empty, the pod will stay in the SchedulingGated state and the scheduler will not attempt to schedule the pod.\n\nSchedulingGates can only be set at pod creation time, and be removed only afterwards." }),
    securityContext: PodSecurityContext.describe("SecurityContext holds pod-level security attributes and common container settings. Optional: Defaults to empty.  See type description for default values of each field."),
    serviceAccount: str("DeprecatedServiceAccount is a deprecated alias for ServiceAccountName. Deprecated: Use serviceAccountName instead."),
    serviceAccountName: str("ServiceAccountName is the name of the ServiceAccount to use to run this pod. More info: https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/"),
    setHostnameAsFQDN: bool("If true the pod's hostname will be configured as the pod's FQDN, rather than the leaf name (the default). In Linux containers, this means setting the FQDN in the hostname field of the kernel (the nodename field of struct utsname). In Windows containers, this means setting the registry value of hostname for the registry key HKEY_LOCAL_MACHINE\\\\SYSTEM\\\\CurrentControlSet\\\\Services\\\\Tcpip\\\\Parameters to FQDN. If a pod does not have FQDN, this has no effect. Default to false."),
    shareProcessNamespace: bool("Share a single process namespace between all of the containers in a pod. When this is set containers will be able to view and signal processes from other containers in the same pod, and the first process in each container will not be assigned PID 1. HostPID and ShareProcessNamespace cannot both be set. Optional: Default to false."),
    subdomain: str("If specified, the fully qualified Pod hostname will be \"<hostname>.<subdomain>.<pod namespace>.svc.<cluster domain>\". If not specified, the pod will not have a domainname at all."),
    terminationGracePeriodSeconds: int64("Optional duration in seconds the pod needs to terminate gracefully. May be decreased in delete request. Value must be non-negative integer. The value zero indicates stop immediately via the kill signal (no opportunity to shut down). If this value is nil, the default grace period will be used instead. The grace period is the duration in seconds after the processes running in the pod are sent a termination signal and the time when the processes are forcibly halted with a kill signal. Set this value longer than the expected cleanup time for your process. Defaults to 30 seconds."),
    tolerations: list(Toleration, { listType: "atomic", desc: "If specified, the pod's tolerations." }),
    topologySpreadConstraints: list(TopologySpreadConstraint, { mergeKey: "topologyKey", strategy: "merge", listType: "map", listMapKeys: ["topologyKey", "whenUnsatisfiable"], desc: "TopologySpreadConstraints describes how a group of pods ought to spread across topology domains. Scheduler will schedule pods in a way which abides by the constraints. All topologySpreadConstraints are ANDed." }),
    volumes: list(Volume, { mergeKey: "name", strategy: "merge,retainKeys", listType: "map", listMapKeys: ["name"], desc: "List of volumes that can be mounted by containers belonging to the pod. More info: https://kubernetes.io/docs/concepts/storage/volumes" }),
  },
  { id: "io.k8s.api.core.v1.PodSpec", desc: "PodSpec is a description of a pod.", required: ["containers"] },
);

export const PodCondition = obj(
  {
    lastProbeTime: time("Last time we probed the condition."),
    lastTransitionTime: time("Last time the condition transitioned from one status to another."),
    message: str("Human-readable message indicating details about last transition."),
    reason: str("Unique, one-word, CamelCase reason for the condition's last transition."),
    status: str("Status is the status of the condition. Can be True, False, Unknown. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-conditions"),
    type: str("Type is the type of the condition. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-conditions"),
  },
  { id: "io.k8s.api.core.v1.PodCondition", desc: "PodCondition contains details for the current condition of this pod.", required: ["status", "type"] },
);

export const HostIP = obj(
  {
    ip: str("IP is the IP address assigned to the host"),
  },
  { id: "io.k8s.api.core.v1.HostIP", desc: "HostIP represents a single IP address allocated to the host.", required: ["ip"] },
);

export const PodIP = obj(
  {
    ip: str("IP is the IP address assigned to the pod"),
  },
  { id: "io.k8s.api.core.v1.PodIP", desc: "PodIP represents a single IP address allocated to the pod.", required: ["ip"] },
);

export const ContainerStateWaiting = obj(
  {
    message: str("Message regarding why the container is not yet running."),
    reason: str("(brief) reason the container is not yet running."),
  },
  { id: "io.k8s.api.core.v1.ContainerStateWaiting", desc: "ContainerStateWaiting is a waiting state of a container." },
);

export const ContainerStateRunning = obj(
  {
    startedAt: time("Time at which the container was last (re-)started"),
  },
  { id: "io.k8s.api.core.v1.ContainerStateRunning", desc: "ContainerStateRunning is a running state of a container." },
);

export const ContainerStateTerminated = obj(
  {
    containerID: str("Container's ID in the format '<type>://<container_id>'"),
    exitCode: int("Exit status from the last termination of the container"),
    finishedAt: time("Time at which the container last terminated"),
    message: str("Message regarding the last termination of the container"),
    reason: str("(brief) reason from the last termination of the container"),
    signal: int("Signal from the last termination of the container"),
    startedAt: time("Time at which previous execution of the container started"),
  },
  { id: "io.k8s.api.core.v1.ContainerStateTerminated", desc: "ContainerStateTerminated is a terminated state of a container.", required: ["exitCode"] },
);

export const ContainerState = obj(
  {
    running: ContainerStateRunning.describe("Details about a running container"),
    terminated: ContainerStateTerminated.describe("Details about a terminated container"),
    waiting: ContainerStateWaiting.describe("Details about a waiting container"),
  },
  { id: "io.k8s.api.core.v1.ContainerState", desc: "ContainerState holds a possible state of container. Only one of its members may be specified. If none of them is specified, the default one is ContainerStateWaiting." },
);

export const VolumeMountStatus = obj(
  {
    mountPath: str("MountPath corresponds to the original VolumeMount."),
    name: str("Name corresponds to the name of the original VolumeMount."),
    readOnly: bool("ReadOnly corresponds to the original VolumeMount."),
    recursiveReadOnly: str("RecursiveReadOnly must be set to Disabled, Enabled, or unspecified (for non-readonly mounts). An IfPossible value in the original VolumeMount must be translated to Disabled or Enabled, depending on the mount result."),
  },
  { id: "io.k8s.api.core.v1.VolumeMountStatus", desc: "VolumeMountStatus shows status of volume mounts.", required: ["mountPath", "name"] },
);

export const LinuxContainerUser = obj(
  {
    gid: int64("GID is the primary gid initially attached to the first process in the container"),
    supplementalGroups: list(z.number().int().meta({ format: "int64" }), { listType: "atomic", desc: "SupplementalGroups are the supplemental groups initially attached to the first process in the container" }),
    uid: int64("UID is the primary uid initially attached to the first process in the container"),
  },
  { id: "io.k8s.api.core.v1.LinuxContainerUser", desc: "LinuxContainerUser represents user identity information in Linux containers", required: ["gid", "uid"] },
);

export const ContainerUser = obj(
  {
    linux: LinuxContainerUser.describe("Linux holds user identity information initially attached to the first process of the containers in Linux. Note that the actual running identity can be changed if the process has enough privilege to do so."),
  },
  { id: "io.k8s.api.core.v1.ContainerUser", desc: "ContainerUser represents user identity information" },
);

export const ResourceHealth = obj(
  {
    health: str("Health of the resource. can be one of:\n - Healthy: operates as normal\n - Unhealthy: reported unhealthy. We consider this a temporary health issue\n              since we do not have a mechanism today to distinguish\n              temporary and permanent issues.\n - Unknown: The status cannot be determined.\n            For example, Device Plugin got unregistered and hasn't been re-registered since.\n\nIn future we may want to introduce the PermanentlyUnhealthy Status."),
    resourceID: str("ResourceID is the unique identifier of the resource. See the ResourceID type for more information."),
  },
  { id: "io.k8s.api.core.v1.ResourceHealth", desc: "ResourceHealth represents the health of a resource. It has the latest device health information. This is a part of KEP https://kep.k8s.io/4680.", required: ["resourceID"] },
);

export const ResourceStatus = obj(
  {
    name: str("Name of the resource. Must be unique within the pod and in case of non-DRA resource, match one of the resources from the pod spec. For DRA resources, the value must be \"claim:<claim_name>/<request>\". When this status is reported about a container, the \"claim_name\" and \"request\" must match one of the claims of this container."),
    resources: list(ResourceHealth, { listType: "map", listMapKeys: ["resourceID"], desc: "List of unique resources health. Each element in the list contains an unique resource ID and its health. At a minimum, for the lifetime of a Pod, resource ID must uniquely identify the resource allocated to the Pod on the Node. If other Pod on the same Node reports the status with the same resource ID, it must be the same resource they share. See ResourceID type definition for a specific format it has in various use cases." }),
  },
  { id: "io.k8s.api.core.v1.ResourceStatus", desc: "ResourceStatus represents the status of a single resource allocated to a Pod.", required: ["name"] },
);

export const ContainerStatus = obj(
  {
    allocatedResources: quantityMap("AllocatedResources represents the compute resources allocated for this container by the node. Kubelet sets this value to Container.Resources.Requests upon successful pod admission and after successfully admitting desired pod resize."),
    allocatedResourcesStatus: list(ResourceStatus, { mergeKey: "name", strategy: "merge", listType: "map", listMapKeys: ["name"], desc: "AllocatedResourcesStatus represents the status of various resources allocated for this Pod." }),
    containerID: str("ContainerID is the ID of the container in the format '<type>://<container_id>'. Where type is a container runtime identifier, returned from Version call of CRI API (for example \"containerd\")."),
    image: str("Image is the name of container image that the container is running. The container image may not match the image used in the PodSpec, as it may have been resolved by the runtime. More info: https://kubernetes.io/docs/concepts/containers/images."),
    imageID: str("ImageID is the image ID of the container's image. The image ID may not match the image ID of the image used in the PodSpec, as it may have been resolved by the runtime."),
    lastState: ContainerState.describe("LastTerminationState holds the last termination state of the container to help debug container crashes and restarts. This field is not populated if the container is still running and RestartCount is 0."),
    name: str("Name is a DNS_LABEL representing the unique name of the container. Each container in a pod must have a unique name across all container types. Cannot be updated."),
    ready: bool("Ready specifies whether the container is currently passing its readiness check. The value will change as readiness probes keep executing. If no readiness probes are specified, this field defaults to true once the container is fully started (see Started field).\n\nThe value is typically used to determine whether a container is ready to accept traffic."),
    resources: ResourceRequirements.describe("Resources represents the compute resource requests and limits that have been successfully enacted on the running container after it has been started or has been successfully resized."),
    restartCount: int("RestartCount holds the number of times the container has been restarted. Kubelet makes an effort to always increment the value, but there are cases when the state may be lost due to node restarts and then the value may be reset to 0. The value is never negative."),
    started: bool("Started indicates whether the container has finished its postStart lifecycle hook and passed its startup probe. Initialized as false, becomes true after startupProbe is considered successful. Resets to false when the container is restarted, or if kubelet loses state temporarily. In both cases, startup probes will run again. Is always true when no startupProbe is defined and container is running and has passed the postStart lifecycle hook. The null value must be treated the same as false."),
    state: ContainerState.describe("State holds details about the container's current condition."),
    user: ContainerUser.describe("User represents user identity information initially attached to the first process of the container"),
    volumeMounts: list(VolumeMountStatus, { mergeKey: "mountPath", strategy: "merge", listType: "map", listMapKeys: ["mountPath"], desc: "Status of volume mounts." }),
  },
  { id: "io.k8s.api.core.v1.ContainerStatus", desc: "ContainerStatus contains details for the current status of this container.", required: ["image", "imageID", "name", "ready", "restartCount"] },
);

export const PodResourceClaimStatus = obj(
  {
    name: str("Name uniquely identifies this resource claim inside the pod. This must match the name of an entry in pod.spec.resourceClaims, which implies that the string must be a DNS_LABEL."),
    resourceClaimName: str("ResourceClaimName is the name of the ResourceClaim that was generated for the Pod in the namespace of the Pod. If this is unset, then generating a ResourceClaim was not necessary. The pod.spec.resourceClaims entry can be ignored in this case."),
  },
  { id: "io.k8s.api.core.v1.PodResourceClaimStatus", desc: "PodResourceClaimStatus is stored in the PodStatus for each PodResourceClaim which references a ResourceClaimTemplate. It stores the generated name for the corresponding ResourceClaim.", required: ["name"] },
);

export const PodStatus = obj(
  {
    conditions: list(PodCondition, { mergeKey: "type", strategy: "merge", listType: "map", listMapKeys: ["type"], desc: "Current service state of pod. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-conditions" }),
    containerStatuses: list(ContainerStatus, { listType: "atomic", desc: "Statuses of containers in this pod. Each container in the pod should have at most one status in this list, and all statuses should be for containers in the pod. However this is not enforced. If a status for a non-existent container is present in the list, or the list has duplicate names, the behavior of various Kubernetes components is not defined and those statuses might be ignored. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-and-container-status" }),
    ephemeralContainerStatuses: list(ContainerStatus, { listType: "atomic", desc: "Statuses for any ephemeral containers that have run in this pod. Each ephemeral container in the pod should have at most one status in this list, and all statuses should be for containers in the pod. However this is not enforced. If a status for a non-existent container is present in the list, or the list has duplicate names, the behavior of various Kubernetes components is not defined and those statuses might be ignored. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-and-container-status" }),
    hostIP: str("hostIP holds the IP address of the host to which the pod is assigned. Empty if the pod has not started yet. A pod can be assigned to a node that has a problem in kubelet which in turns mean that HostIP will not be updated even if there is a node is assigned to pod"),
    hostIPs: list(HostIP, { mergeKey: "ip", strategy: "merge", listType: "atomic", desc: "hostIPs holds the IP addresses allocated to the host. If this field is specified, the first entry must match the hostIP field. This list is empty if the pod has not started yet. A pod can be assigned to a node that has a problem in kubelet which in turns means that HostIPs will not be updated even if there is a node is assigned to this pod." }),
    initContainerStatuses: list(ContainerStatus, { listType: "atomic", desc: "Statuses of init containers in this pod. The most recent successful non-restartable init container will have ready = true, the most recently started container will have startTime set. Each init container in the pod should have at most one status in this list, and all statuses should be for containers in the pod. However this is not enforced. If a status for a non-existent container is present in the list, or the list has duplicate names, the behavior of various Kubernetes components is not defined and those statuses might be ignored. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-and-container-status" }),
    message: str("A human readable message indicating details about why the pod is in this condition."),
    nominatedNodeName: str("nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled."),
    phase: strEnum(["Failed", "Pending", "Running", "Succeeded", "Unknown"], "The phase of a Pod is a simple, high-level summary of where the Pod is in its lifecycle. The conditions array, the reason and message fields, and the individual container status arrays contain more detail about the pod's status. There are five possible phase values:\n\nPending: The pod has been accepted by the Kubernetes system, but one or more of the container images has not been created. This includes time before being scheduled as well as time spent downloading images over the network, which could take a while. Running: The pod has been bound to a node, and all of the containers have been created. At least one container is still running, or is in the process of starting or restarting. Succeeded: All containers in the pod have terminated in success, and will not be restarted. Failed: All containers in the pod have terminated, and at least one container has terminated in failure. The container either exited with non-zero status or was terminated by the system. Unknown: For some reason the state of the pod could not be obtained, typically due to an error in communicating with the host of the pod.\n\nMore info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-phase\n\nPossible enum values:\n - `\"Failed\"` means that all containers in the pod have terminated, and at least one container has terminated in a failure (exited with a non-zero exit code or was stopped by the system).\n - `\"Pending\"` means the pod has been accepted by the system, but one or more of the containers has not been started. This includes time before being bound to a node, as well as time spent pulling images onto the host.\n - `\"Running\"` means the pod has been bound to a node and all of the containers have been started. At least one container is still running or is in the process of being restarted.\n - `\"Succeeded\"` means that all containers in the pod have voluntarily terminated with a container exit code of 0, and the system is not going to restart any of these containers.\n - `\"Unknown\"` means that for some reason the state of the pod could not be obtained, typically due to an error in communicating with the host of the pod. Deprecated: It isn't being set since 2015 (74da3b14b0c0f658b3bb8d2def5094686d0e9095)"),
    podIP: str("podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated."),
    podIPs: list(PodIP, { mergeKey: "ip", strategy: "merge", listType: "map", listMapKeys: ["ip"], desc: "podIPs holds the IP addresses allocated to the pod. If this field is specified, the 0th entry must match the podIP field. Pods may be allocated at most 1 value for each of IPv4 and IPv6. This list is empty if no IPs have been allocated yet." }),
    qosClass: strEnum(["BestEffort", "Burstable", "Guaranteed"], "The Quality of Service (QOS) classification assigned to the pod based on resource requirements See PodQOSClass type for available QOS classes More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/#quality-of-service-classes\n\nPossible enum values:\n - `\"BestEffort\"` is the BestEffort qos class.\n - `\"Burstable\"` is the Burstable qos class.\n - `\"Guaranteed\"` is the Guaranteed qos class."),
    reason: str("A brief CamelCase message indicating details about why the pod is in this state. e.g. 'Evicted'"),
    resize: str("Status of resources resize desired for pod's containers. It is empty if no resources resize is pending. Any changes to container resources will automatically set this to \"Proposed\""),
    resourceClaimStatuses: list(PodResourceClaimStatus, { mergeKey: "name", strategy: "merge,retainKeys", listType: "map", listMapKeys: ["name"], desc: "Status of resource claims." }),
    startTime: time("RFC 3339 date and time at which the object was acknowledged by the Kubelet. This is before the Kubelet pulled the container image(s) for the pod."),
  },
  { id: "io.k8s.api.core.v1.PodStatus", desc: "PodStatus represents information about the status of a pod. Status may trail the actual state of a system, especially if the node that hosts the pod cannot contact the control plane." },
);

export const PodTemplateSpec = obj(
  {
    metadata: ObjectMeta.describe("Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata"),
    spec: PodSpec.describe("Specification of the desired behavior of the pod. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status"),
  },
  { id: "io.k8s.api.core.v1.PodTemplateSpec", desc: "PodTemplateSpec describes the data a pod should have when created from a template" },
);

export const ObjectReference = obj(
  {
    apiVersion: str("API version of the referent."),
    fieldPath: str("If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. For example, if the object reference is to a container within a pod, this would take on a value like: \"spec.containers{name}\" (where \"name\" refers to the name of the container that triggered the event) or if no container name is specified \"spec.containers[2]\" (container with index 2 in this pod). This syntax is chosen only to have some well-defined way of referencing a part of an object."),
    kind: str("Kind of the referent. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds"),
    name: str("Name of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names"),
    namespace: str("Namespace of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/"),
    resourceVersion: str("Specific resourceVersion to which this reference is made, if any. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#concurrency-control-and-consistency"),
    uid: str("UID of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#uids"),
  },
  { id: "io.k8s.api.core.v1.ObjectReference", desc: "ObjectReference contains enough information to let you inspect or modify the referred object." },
);


// ---------------------------------------------------------------------------------------------
// TypeScript shapes (loose: only the fields the logic below reads are spelled out).
// ---------------------------------------------------------------------------------------------

type Json = any;
type ResourceList = Record<string, string | number>;

export interface ResourceRequirements {
  limits?: ResourceList;
  requests?: ResourceList;
  claims?: Array<{ name?: string; request?: string }>;
  [k: string]: Json;
}
export interface ContainerPort {
  name?: string;
  containerPort?: number;
  hostPort?: number;
  hostIP?: string;
  protocol?: string;
  [k: string]: Json;
}
export interface EnvVar {
  name?: string;
  value?: string;
  valueFrom?: Json;
  [k: string]: Json;
}
export interface VolumeMount {
  name?: string;
  mountPath?: string;
  subPath?: string;
  subPathExpr?: string;
  readOnly?: boolean;
  mountPropagation?: string;
  recursiveReadOnly?: string;
  [k: string]: Json;
}
export interface Probe {
  exec?: { command?: string[] };
  httpGet?: Json;
  tcpSocket?: Json;
  grpc?: Json;
  initialDelaySeconds?: number;
  timeoutSeconds?: number;
  periodSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
  terminationGracePeriodSeconds?: number;
  [k: string]: Json;
}
export interface Container {
  name?: string;
  image?: string;
  command?: string[];
  args?: string[];
  ports?: ContainerPort[];
  env?: EnvVar[];
  envFrom?: Json[];
  resources?: ResourceRequirements;
  volumeMounts?: VolumeMount[];
  volumeDevices?: Array<{ name?: string; devicePath?: string }>;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  lifecycle?: Json;
  terminationMessagePath?: string;
  terminationMessagePolicy?: string;
  imagePullPolicy?: string;
  securityContext?: Json;
  restartPolicy?: string;
  resizePolicy?: Json[];
  [k: string]: Json;
}
export interface Volume {
  name?: string;
  [k: string]: Json;
}
export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
  [k: string]: Json;
}
export interface PodSpec {
  volumes?: Volume[];
  initContainers?: Container[];
  containers?: Container[];
  ephemeralContainers?: Container[];
  restartPolicy?: string;
  terminationGracePeriodSeconds?: number;
  activeDeadlineSeconds?: number;
  dnsPolicy?: string;
  nodeSelector?: Record<string, string>;
  serviceAccountName?: string;
  serviceAccount?: string;
  automountServiceAccountToken?: boolean;
  nodeName?: string;
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
  securityContext?: Json;
  imagePullSecrets?: Array<{ name?: string }>;
  hostname?: string;
  subdomain?: string;
  affinity?: Json;
  schedulerName?: string;
  tolerations?: Toleration[];
  priorityClassName?: string;
  priority?: number;
  preemptionPolicy?: string;
  enableServiceLinks?: boolean;
  schedulingGates?: Array<{ name?: string }>;
  readinessGates?: Array<{ conditionType?: string }>;
  topologySpreadConstraints?: Json[];
  overhead?: ResourceList;
  resources?: ResourceRequirements;
  [k: string]: Json;
}
export interface PodTemplateSpec {
  metadata?: {
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    creationTimestamp?: string | null;
    [k: string]: Json;
  };
  spec?: PodSpec;
}
export interface ContainerState {
  waiting?: { reason?: string; message?: string };
  running?: { startedAt?: string };
  terminated?: { exitCode?: number; signal?: number; reason?: string; message?: string; startedAt?: string; finishedAt?: string; containerID?: string };
}
export interface ContainerStatus {
  name: string;
  state?: ContainerState;
  lastState?: ContainerState;
  ready?: boolean;
  restartCount?: number;
  started?: boolean;
  image?: string;
  imageID?: string;
  containerID?: string;
  [k: string]: Json;
}
export interface PodCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastProbeTime?: string | null;
  lastTransitionTime?: string | null;
  [k: string]: Json;
}
export interface PodStatus {
  phase?: string;
  conditions?: PodCondition[];
  message?: string;
  reason?: string;
  nominatedNodeName?: string;
  hostIP?: string;
  hostIPs?: Array<{ ip: string }>;
  podIP?: string;
  podIPs?: Array<{ ip: string }>;
  startTime?: string;
  initContainerStatuses?: ContainerStatus[];
  containerStatuses?: ContainerStatus[];
  ephemeralContainerStatuses?: ContainerStatus[];
  qosClass?: string;
  [k: string]: Json;
}

// ---------------------------------------------------------------------------------------------
// Defaulting: pkg/apis/core/v1/defaults.go + zz_generated.defaults.go (+default markers), and the
// v1 <-> internal conversion quirks that show up on every write (serviceAccount alias).
// ---------------------------------------------------------------------------------------------

export interface PodDefaultOptions {
  /** The spec belongs to a Pod (SetDefaults_Pod), not to a template inside another object. */
  pod?: boolean;
}

const isObj = (v: unknown): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);
function arr<T>(v: T[] | undefined | null): T[];
function arr(v: unknown): any[];
function arr(v: unknown): any[] {
  return Array.isArray(v) ? v : [];
}

/** SetDefaults_ResourceList: values rounded up to milli precision, written in canonical form. */
function defaultResourceList(list: unknown): void {
  if (!isObj(list)) return;
  for (const k of Object.keys(list)) {
    const q = tryParseQuantity(quantityText(list[k]));
    if (!q) continue;
    list[k] = q.roundUp(-3).quantity.toString();
  }
}

/** A quantity's JSON value as ParseQuantity sees it (numbers are written as their text). */
function quantityText(v: unknown): string {
  if (typeof v === "number") return String(v);
  if (typeof v === "string") return v.trim();
  return "";
}

function canonicalizeQuantity(holder: Record<string, Json>, field: string): void {
  if (holder[field] === undefined || holder[field] === null) return;
  const q = tryParseQuantity(quantityText(holder[field]));
  if (q) holder[field] = q.toString();
}

/** The tag of an image reference as parsers.ParseImageName reports it ("latest" when none, "" on errors/digests). */
export function imageTag(image: string): string {
  // reference grammar (github.com/distribution/reference), enough to tell tag / digest / invalid
  const m = /^(.+?)(?::([\w][\w.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?$/.exec(image);
  if (!m) return "";
  let name = m[1];
  const tag = m[2];
  const digest = m[3];
  const parts = name.split("/");
  let domain = "";
  if (parts.length > 1 && (parts[0].includes(".") || parts[0].includes(":") || parts[0] === "localhost" || parts[0] !== parts[0].toLowerCase())) {
    domain = parts.shift()!;
  }
  if (domain && !/^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]+)?$|^\[[a-fA-F0-9:]+\](?::[0-9]+)?$/.test(domain)) return "";
  name = parts.join("/");
  const component = /^[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*$/;
  if (!parts.length || !parts.every((p) => component.test(p))) return "";
  if (name.length > 255) return "";
  if (tag) return tag;
  if (digest) return "";
  return "latest";
}

function defaultObjectFieldSelector(fs: unknown): void {
  if (isObj(fs) && !fs.apiVersion) fs.apiVersion = "v1";
}

function defaultResourceFieldSelector(rs: unknown): void {
  if (!isObj(rs)) return;
  // Divisor is a non-pointer resource.Quantity: the zero value is written as "0".
  if (rs.divisor === undefined || rs.divisor === null || rs.divisor === "") rs.divisor = "0";
  else canonicalizeQuantity(rs, "divisor");
}

function defaultHTTPGet(h: unknown): void {
  if (!isObj(h)) return;
  if (!h.path) h.path = "/";
  if (!h.scheme) h.scheme = "HTTP";
}

function defaultHandler(h: unknown): void {
  if (!isObj(h)) return;
  defaultHTTPGet(h.httpGet);
  if (isObj(h.grpc) && (h.grpc.service === undefined || h.grpc.service === null)) h.grpc.service = "";
}

function defaultProbe(p: unknown): void {
  if (!isObj(p)) return;
  if (!p.timeoutSeconds) p.timeoutSeconds = 1;
  if (!p.periodSeconds) p.periodSeconds = 10;
  if (!p.successThreshold) p.successThreshold = 1;
  if (!p.failureThreshold) p.failureThreshold = 3;
  defaultHandler(p);
}

/** SetDefaults_Container and the defaults of everything a container holds. */
export function applyContainerDefaults(c: Container): void {
  if (!isObj(c)) return;
  if (!c.imagePullPolicy) c.imagePullPolicy = imageTag(c.image ?? "") === "latest" ? "Always" : "IfNotPresent";
  if (!c.terminationMessagePath) c.terminationMessagePath = "/dev/termination-log";
  if (!c.terminationMessagePolicy) c.terminationMessagePolicy = "File";
  for (const p of arr(c.ports)) if (isObj(p) && !p.protocol) p.protocol = "TCP";
  for (const e of arr(c.env)) {
    if (!isObj(e) || !isObj(e.valueFrom)) continue;
    defaultObjectFieldSelector(e.valueFrom.fieldRef);
    defaultResourceFieldSelector(e.valueFrom.resourceFieldRef);
  }
  // ResourceRequirements is a non-pointer struct: always serialized, `resources: {}` when empty.
  if (!isObj(c.resources)) c.resources = {};
  defaultResourceList(c.resources.limits);
  defaultResourceList(c.resources.requests);
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  if (isObj(c.lifecycle)) {
    defaultHandler(c.lifecycle.postStart);
    defaultHandler(c.lifecycle.preStop);
  }
}

function defaultDownwardAPIItems(items: unknown): void {
  for (const f of arr(items as Json[])) {
    if (!isObj(f)) continue;
    defaultObjectFieldSelector(f.fieldRef);
    defaultResourceFieldSelector(f.resourceFieldRef);
  }
}

const VOLUME_SOURCES = [
  "hostPath", "emptyDir", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "secret", "nfs", "iscsi", "glusterfs",
  "persistentVolumeClaim", "rbd", "flexVolume", "cinder", "cephfs", "flocker", "downwardAPI", "fc", "azureFile", "configMap",
  "vsphereVolume", "quobyte", "azureDisk", "photonPersistentDisk", "projected", "portworxVolume", "scaleIO", "storageos", "csi",
  "ephemeral", "image",
] as const;

/** SetDefaults_Volume and the volume sources' defaults (default modes are 0644 = 420). */
export function applyVolumeDefaults(v: Volume): void {
  if (!isObj(v)) return;
  if (!VOLUME_SOURCES.some((s) => v[s] !== undefined && v[s] !== null)) v.emptyDir = {};
  if (isObj(v.hostPath) && (v.hostPath.type === undefined || v.hostPath.type === null)) v.hostPath.type = "";
  if (isObj(v.emptyDir)) canonicalizeQuantity(v.emptyDir, "sizeLimit");
  if (isObj(v.secret) && (v.secret.defaultMode === undefined || v.secret.defaultMode === null)) v.secret.defaultMode = 420;
  if (isObj(v.configMap) && (v.configMap.defaultMode === undefined || v.configMap.defaultMode === null)) v.configMap.defaultMode = 420;
  if (isObj(v.downwardAPI)) {
    if (v.downwardAPI.defaultMode === undefined || v.downwardAPI.defaultMode === null) v.downwardAPI.defaultMode = 420;
    defaultDownwardAPIItems(v.downwardAPI.items);
  }
  if (isObj(v.projected)) {
    if (v.projected.defaultMode === undefined || v.projected.defaultMode === null) v.projected.defaultMode = 420;
    for (const s of arr(v.projected.sources)) {
      if (!isObj(s)) continue;
      if (isObj(s.serviceAccountToken) && (s.serviceAccountToken.expirationSeconds === undefined || s.serviceAccountToken.expirationSeconds === null)) {
        s.serviceAccountToken.expirationSeconds = 3600;
      }
      if (isObj(s.downwardAPI)) defaultDownwardAPIItems(s.downwardAPI.items);
    }
  }
  if (isObj(v.iscsi) && !v.iscsi.iscsiInterface) v.iscsi.iscsiInterface = "default";
  if (isObj(v.rbd)) {
    if (!v.rbd.pool) v.rbd.pool = "rbd";
    if (!v.rbd.user) v.rbd.user = "admin";
    if (!v.rbd.keyring) v.rbd.keyring = "/etc/ceph/keyring";
  }
  if (isObj(v.azureDisk)) {
    if (v.azureDisk.cachingMode === undefined || v.azureDisk.cachingMode === null) v.azureDisk.cachingMode = "ReadWrite";
    if (v.azureDisk.fsType === undefined || v.azureDisk.fsType === null) v.azureDisk.fsType = "ext4";
    if (v.azureDisk.readOnly === undefined || v.azureDisk.readOnly === null) v.azureDisk.readOnly = false;
    if (v.azureDisk.kind === undefined || v.azureDisk.kind === null) v.azureDisk.kind = "Shared";
  }
  if (isObj(v.scaleIO)) {
    if (!v.scaleIO.storageMode) v.scaleIO.storageMode = "ThinProvisioned";
    if (!v.scaleIO.fsType) v.scaleIO.fsType = "xfs";
  }
  if (isObj(v.ephemeral) && isObj(v.ephemeral.volumeClaimTemplate)) {
    const t = v.ephemeral.volumeClaimTemplate;
    // ObjectMeta is a non-pointer struct: an empty one is written with `creationTimestamp: null`.
    if (!isObj(t.metadata)) t.metadata = {};
    if (t.metadata.creationTimestamp === undefined) t.metadata.creationTimestamp = null;
    if (isObj(t.spec)) {
      if (!t.spec.volumeMode) t.spec.volumeMode = "Filesystem";
      if (!isObj(t.spec.resources)) t.spec.resources = {};
      defaultResourceList(t.spec.resources.limits);
      defaultResourceList(t.spec.resources.requests);
    }
  }
}

/** Deletes the listed fields whose value is Go's zero value (false, 0 or ""). */
function dropZero(o: unknown, fields: readonly string[]): void {
  if (!isObj(o)) return;
  for (const f of fields) if (o[f] === false || o[f] === 0 || o[f] === "") delete o[f];
}

const CONTAINER_ZERO_FIELDS = ["image", "workingDir", "terminationMessagePath", "stdin", "stdinOnce", "tty"] as const;
const PROBE_ZERO_FIELDS = ["initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold"] as const;

/**
 * What decoding into the Go types loses: the non-pointer `omitempty` scalars of a pod spec given as
 * false, 0 or "" (hostNetwork: false, readOnly: false, hostPort: 0, value: "") are not written back,
 * and the defaulting that follows treats them as unset.
 */
function dropGoZeroValues(spec: PodSpec): void {
  dropZero(spec, ["serviceAccountName", "serviceAccount", "nodeName", "hostNetwork", "hostPID", "hostIPC", "hostname", "subdomain", "schedulerName", "priorityClassName"]);
  for (const c of [...arr(spec.initContainers), ...arr(spec.containers), ...arr(spec.ephemeralContainers)]) {
    if (!isObj(c)) continue;
    dropZero(c, CONTAINER_ZERO_FIELDS);
    for (const p of arr(c.ports)) dropZero(p, ["name", "hostPort", "hostIP"]);
    for (const m of arr(c.volumeMounts)) dropZero(m, ["readOnly", "subPath", "subPathExpr"]);
    for (const e of arr(c.env)) dropZero(e, ["value"]);
    for (const e of arr(c.envFrom)) dropZero(e, ["prefix"]);
    for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) {
      dropZero(probe, PROBE_ZERO_FIELDS);
      if (isObj(probe)) dropZero(probe.httpGet, ["path", "host"]);
    }
  }
  for (const t of arr(spec.tolerations)) dropZero(t, ["key", "value"]);
  for (const v of arr(spec.volumes)) {
    if (!isObj(v)) continue;
    dropZero(v.persistentVolumeClaim, ["readOnly"]);
    dropZero(v.nfs, ["readOnly"]);
    dropZero(v.secret, ["secretName"]);
  }
}

/**
 * The defaults a v1 PodSpec gets on every write (SetDefaults_PodSpec, SetDefaults_Container, volume and
 * probe defaults, ...). With `opts.pod` also SetDefaults_Pod: requests copied from limits, enableServiceLinks,
 * hostPorts under hostNetwork. Admission defaults (service account, tolerations, priority) are the Pod
 * kind's prepareForCreate.
 */
export function applyPodSpecDefaults(spec: PodSpec, _ctx?: DefaultContext, opts: PodDefaultOptions = {}): void {
  if (!isObj(spec)) return;
  dropGoZeroValues(spec);
  // v1 conversion: serviceAccount is the deprecated alias of serviceAccountName and is written back from it.
  if (!spec.serviceAccountName && spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount;
  if (spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
  else delete spec.serviceAccount;

  if (opts.pod) {
    for (const c of [...arr(spec.containers), ...arr(spec.initContainers)]) {
      if (!isObj(c) || !isObj(c.resources) || !isObj(c.resources.limits)) continue;
      if (!isObj(c.resources.requests)) c.resources.requests = {};
      for (const [k, v] of Object.entries(c.resources.limits)) if (!(k in c.resources.requests)) c.resources.requests[k] = v;
    }
    if (spec.enableServiceLinks === undefined || spec.enableServiceLinks === null) spec.enableServiceLinks = true;
    if (spec.hostNetwork) {
      for (const c of [...arr(spec.containers), ...arr(spec.initContainers)]) {
        for (const p of arr(c?.ports)) if (isObj(p) && !p.hostPort) p.hostPort = p.containerPort;
      }
    }
  }

  if (!spec.dnsPolicy) spec.dnsPolicy = "ClusterFirst";
  if (!spec.restartPolicy) spec.restartPolicy = "Always";
  if (!isObj(spec.securityContext)) spec.securityContext = {};
  if (spec.terminationGracePeriodSeconds === undefined || spec.terminationGracePeriodSeconds === null) spec.terminationGracePeriodSeconds = 30;
  if (!spec.schedulerName) spec.schedulerName = "default-scheduler";

  for (const v of arr(spec.volumes)) applyVolumeDefaults(v);
  for (const c of arr(spec.initContainers)) applyContainerDefaults(c);
  for (const c of arr(spec.containers)) applyContainerDefaults(c);
  for (const c of arr(spec.ephemeralContainers)) applyContainerDefaults(c);
  defaultResourceList(spec.overhead);
  if (isObj(spec.resources)) {
    defaultResourceList(spec.resources.limits);
    defaultResourceList(spec.resources.requests);
  }
}

/**
 * Defaults of a PodTemplateSpec embedded in another object (Deployment, Job, PodTemplate, ...): the spec's
 * defaults, and `metadata.creationTimestamp: null`, which 1.32 writes for the (non-pointer) empty time.
 */
export function applyPodTemplateSpecDefaults(tmpl: PodTemplateSpec, ctx?: DefaultContext): void {
  if (!isObj(tmpl)) return;
  if (!isObj(tmpl.metadata)) tmpl.metadata = {};
  if (tmpl.metadata.creationTimestamp === undefined) tmpl.metadata.creationTimestamp = null;
  if (!isObj(tmpl.spec)) tmpl.spec = {};
  applyPodSpecDefaults(tmpl.spec, ctx);
}

// ---------------------------------------------------------------------------------------------
// Validation: pkg/apis/core/validation/validation.go (ValidatePodSpec and what it calls).
// ---------------------------------------------------------------------------------------------

export interface PodValidationOptions {
  /** The spec belongs to a Pod (not a template): hostPort must equal containerPort under hostNetwork, etc. */
  resourceIsPod?: boolean;
  /** The pod's metadata, for generic ephemeral volume PVC names. */
  podMeta?: { name?: string; [k: string]: Json };
}

type Errs = FieldError[];

const FILE_MODE_ERR = "must be a number between 0 and 0777 (octal), both inclusive";
const IS_NEGATIVE = "must be greater than or equal to 0";
const MAX_INT32 = 2147483647;

function dns1123Label(value: string, path: string): Errs {
  return isDNS1123Label(value).map((m) => invalid(path, value, m));
}
function dns1123Subdomain(value: string, path: string): Errs {
  return isDNS1123Subdomain(value).map((m) => invalid(path, value, m));
}
function qualifiedName(value: string, path: string): Errs {
  return isQualifiedName(value).map((m) => invalid(path, value, m));
}

/** unversionedvalidation.ValidateLabels: keys and values; errors name the map itself. */
export function validateLabels(labels: Record<string, string> | undefined | null, path: string): Errs {
  const errs: Errs = [];
  if (!isObj(labels)) return errs;
  for (const k of Object.keys(labels).sort()) {
    errs.push(...qualifiedName(k, path));
    for (const m of isValidLabelValue(String(labels[k]))) errs.push(invalid(path, labels[k], m));
  }
  return errs;
}

const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/** apimachineryvalidation.ValidateAnnotations. */
export function validateAnnotations(annotations: Record<string, string> | undefined | null, path: string): Errs {
  const errs: Errs = [];
  if (!isObj(annotations)) return errs;
  let total = 0;
  for (const k of Object.keys(annotations).sort()) {
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(invalid(path, k, m));
    total += k.length + String(annotations[k]).length;
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

/**
 * metav1validation.ValidateLabelSelector, the one implementation every kind uses. Label values
 * are checked unless allowInvalidLabelValue (LabelSelectorValidationOptions) is set.
 */
export function validateLabelSelector(sel: Json, path: string, allowInvalidLabelValue = false): Errs {
  const errs: Errs = [];
  if (!isObj(sel)) return errs;
  errs.push(...validateLabels(sel.matchLabels, child(path, "matchLabels")));
  arr(sel.matchExpressions).forEach((r: Json, i: number) => {
    const p = index(child(path, "matchExpressions"), i);
    const values = arr(r?.values);
    switch (r?.operator) {
      case "In":
      case "NotIn":
        if (values.length === 0) errs.push(required(child(p, "values"), "must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case "Exists":
      case "DoesNotExist":
        if (values.length > 0) errs.push(forbidden(child(p, "values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        break;
      default:
        errs.push(invalid(child(p, "operator"), r?.operator ?? "", "not a valid selector operator"));
    }
    errs.push(...qualifiedName(r?.key ?? "", child(p, "key")));
    if (allowInvalidLabelValue) return;
    values.forEach((v: string, j: number) => {
      for (const m of isValidLabelValue(String(v))) errs.push(invalid(index(child(p, "values"), j), v, m));
    });
  });
  return errs;
}

function nonNegative(value: number | undefined, path: string): Errs {
  return typeof value === "number" && value < 0 ? [invalid(path, value, IS_NEGATIVE)] : [];
}

function validatePathNoBacksteps(target: string, path: string): Errs {
  return target.split("/").includes("..") ? [invalid(path, target, "must not contain '..'")] : [];
}

function validateLocalDescendingPath(target: string, path: string): Errs {
  const errs: Errs = [];
  if (target.startsWith("/")) errs.push(invalid(path, target, "must be a relative path"));
  errs.push(...validatePathNoBacksteps(target, path));
  return errs;
}

function validateLocalNonReservedPath(target: string, path: string): Errs {
  const errs = validateLocalDescendingPath(target, path);
  if (target.startsWith("..") && !target.startsWith("../")) errs.push(invalid(path, target, "must not start with '..'"));
  return errs;
}

function validateMode(mode: unknown, path: string): Errs {
  return typeof mode === "number" && (mode > 0o777 || mode < 0) ? [invalid(path, mode, FILE_MODE_ERR)] : [];
}

function validateKeyToPath(kp: Json, path: string): Errs {
  const errs: Errs = [];
  if (!kp?.key) errs.push(required(child(path, "key"), ""));
  if (!kp?.path) errs.push(required(child(path, "path"), ""));
  errs.push(...validateLocalNonReservedPath(kp?.path ?? "", child(path, "path")));
  errs.push(...validateMode(kp?.mode, child(path, "mode")));
  return errs;
}

const ENV_FIELD_PATHS = ["metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"];
const VOLUME_FIELD_PATHS = ["metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid"];
const DOWNWARD_LABELS = new Set([
  "metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.restartPolicy",
  "spec.serviceAccountName", "spec.schedulerName", "status.phase", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs",
]);
const RESOURCE_FIELD_PATHS = ["limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory"];

/** fieldpath.SplitMaybeSubscriptedPath: `metadata.labels['app']` -> ["metadata.labels", "app"]. */
function splitSubscript(fp: string): [string, string] | undefined {
  const m = /^(.*)\['(.*)'\]$/.exec(fp);
  return m ? [m[1], m[2]] : undefined;
}

function validateObjectFieldSelector(fs: Json, expressions: string[], path: string): Errs {
  if (!fs?.apiVersion) return [required(child(path, "apiVersion"), "")];
  if (!fs.fieldPath) return [required(child(path, "fieldPath"), "")];
  // podshelper.ConvertDownwardAPIFieldLabel
  let internal: string = fs.fieldPath;
  let convErr: string | undefined;
  if (fs.apiVersion !== "v1") convErr = `unsupported pod version: ${fs.apiVersion}`;
  else {
    const sub = splitSubscript(internal);
    if (sub) {
      if (sub[0] !== "metadata.annotations" && sub[0] !== "metadata.labels") convErr = `field label does not support subscript: ${internal}`;
    } else if (internal === "spec.host") internal = "spec.nodeName";
    else if (!DOWNWARD_LABELS.has(internal)) convErr = `field label not supported: ${internal}`;
  }
  if (convErr) return [invalid(child(path, "fieldPath"), fs.fieldPath, `error converting fieldPath: ${convErr}`)];
  const sub = splitSubscript(internal);
  if (sub) {
    if (sub[0] === "metadata.annotations") return qualifiedName(sub[1].toLowerCase(), path);
    if (sub[0] === "metadata.labels") return qualifiedName(sub[1], path);
    return [invalid(path, sub[0], "does not support subscript")];
  }
  if (!expressions.includes(internal)) return [notSupported(child(path, "fieldPath"), internal, expressions)];
  return [];
}

function validateResourceFieldSelector(fs: Json, path: string, volume: boolean): Errs {
  const errs: Errs = [];
  if (volume && !fs?.containerName) errs.push(required(child(path, "containerName"), ""));
  else if (!fs?.resource) errs.push(required(child(path, "resource"), ""));
  else if (!RESOURCE_FIELD_PATHS.includes(fs.resource) && !/^(requests|limits)\.hugepages-/.test(fs.resource)) {
    errs.push(notSupported(child(path, "resource"), fs.resource, RESOURCE_FIELD_PATHS));
  }
  const divisor = tryParseQuantity(quantityText(fs?.divisor ?? "0"));
  if (divisor && !divisor.isZero()) {
    const d = divisor.toString();
    const r = fs.resource ?? "";
    const memoryDivisors = ["1", "1k", "1M", "1G", "1T", "1P", "1E", "1Ki", "1Mi", "1Gi", "1Ti", "1Pi", "1Ei"];
    if ((r === "limits.cpu" || r === "requests.cpu") && !["1m", "1"].includes(d)) {
      errs.push(invalid(child(path, "divisor"), r, "only divisor's values 1m and 1 are supported with the cpu resource"));
    } else if ((r === "limits.memory" || r === "requests.memory") && !memoryDivisors.includes(d)) {
      errs.push(invalid(child(path, "divisor"), r, "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the memory resource"));
    } else if ((r === "limits.ephemeral-storage" || r === "requests.ephemeral-storage") && !memoryDivisors.includes(d)) {
      errs.push(invalid(child(path, "divisor"), r, "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the local ephemeral storage resource"));
    }
  }
  return errs;
}

function validateDownwardAPIFile(file: Json, path: string): Errs {
  const errs: Errs = [];
  if (!file?.path) errs.push(required(child(path, "path"), ""));
  errs.push(...validateLocalNonReservedPath(file?.path ?? "", child(path, "path")));
  if (file?.fieldRef) {
    errs.push(...validateObjectFieldSelector(file.fieldRef, VOLUME_FIELD_PATHS, child(path, "fieldRef")));
    if (file.resourceFieldRef) errs.push(invalid(path, "resource", "fieldRef and resourceFieldRef can not be specified simultaneously"));
  } else if (file?.resourceFieldRef) {
    errs.push(...validateResourceFieldSelector(file.resourceFieldRef, child(path, "resourceFieldRef"), true));
  } else {
    errs.push(required(path, "one of fieldRef and resourceFieldRef is required"));
  }
  errs.push(...validateMode(file?.mode, child(path, "mode")));
  return errs;
}

const HOST_PATH_TYPES = ["", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"];

function validateProjected(p: Json, path: string): Errs {
  const errs: Errs = [...validateMode(p?.defaultMode, child(path, "defaultMode"))];
  const allPaths = new Set<string>();
  arr(p?.sources).forEach((s: Json, i: number) => {
    let n = 0;
    const srcPath = index(child(path, "sources"), i);
    for (const kind of ["secret", "configMap"] as const) {
      if (!s?.[kind]) continue;
      n++;
      const pp = child(srcPath, kind);
      if (!s[kind].name) errs.push(required(child(pp, "name"), ""));
      arr(s[kind].items).forEach((kp: Json, j: number) => {
        errs.push(...validateKeyToPath(kp, index(child(pp, "items"), j)));
        if (kp?.path) {
          if (allPaths.has(kp.path)) errs.push(invalid(path, s[kind].name ?? "", "conflicting duplicate paths"));
          else allPaths.add(kp.path);
        }
      });
    }
    if (s?.downwardAPI) {
      n++;
      for (const f of arr(s.downwardAPI.items)) {
        errs.push(...validateDownwardAPIFile(f, child(srcPath, "downwardAPI")));
        if (f?.path) {
          if (allPaths.has(f.path)) errs.push(invalid(path, f.path, "conflicting duplicate paths"));
          else allPaths.add(f.path);
        }
      }
    }
    if (s?.serviceAccountToken) {
      n++;
      const t = s.serviceAccountToken;
      const pp = child(srcPath, "serviceAccountToken");
      const exp = t.expirationSeconds ?? 0;
      if (exp < 600) errs.push(invalid(child(pp, "expirationSeconds"), exp, "may not specify a duration less than 10 minutes"));
      if (exp > 2 ** 32) errs.push(invalid(child(pp, "expirationSeconds"), exp, "may not specify a duration larger than 2^32 seconds"));
      if (!t.path) errs.push(required(child(path, "path"), ""));
      else errs.push(...validateLocalNonReservedPath(t.path, child(path, "path")));
    }
    if (s?.clusterTrustBundle) {
      n++;
      if (!s.clusterTrustBundle.path) errs.push(required(child(child(srcPath, "clusterTrustBundle"), "path"), ""));
    }
    if (n > 1) errs.push(forbidden(srcPath, "may not specify more than 1 volume type per source"));
  });
  return errs;
}

function validateVolumeSource(v: Volume, path: string, podMeta: PodValidationOptions["podMeta"]): Errs {
  const errs: Errs = [];
  let n = 0;
  const one = (name: string, check: () => Errs, childName = name) => {
    if (v[name] === undefined || v[name] === null) return;
    if (n > 0) {
      errs.push(forbidden(child(path, childName), "may not specify more than 1 volume type"));
      return;
    }
    n++;
    errs.push(...check());
  };
  if (v.emptyDir !== undefined && v.emptyDir !== null) {
    n++;
    const q = v.emptyDir?.sizeLimit !== undefined ? tryParseQuantity(quantityText(v.emptyDir.sizeLimit)) : undefined;
    if (q && q.sign() < 0) errs.push(forbidden(child(child(path, "emptyDir"), "sizeLimit"), "SizeLimit field must be a valid resource quantity"));
  }
  one("hostPath", () => {
    const hp = v.hostPath;
    const p = child(path, "hostPath");
    if (!hp?.path) return [required(child(p, "path"), "")];
    const e = validatePathNoBacksteps(hp.path, child(p, "path"));
    if (hp.type !== undefined && hp.type !== null && !HOST_PATH_TYPES.includes(hp.type)) e.push(notSupported(child(p, "type"), hp.type, HOST_PATH_TYPES));
    return e;
  });
  one("gitRepo", () => {
    const e: Errs = [];
    if (!v.gitRepo?.repository) e.push(required(child(child(path, "gitRepo"), "repository"), ""));
    e.push(...validateLocalDescendingPath(v.gitRepo?.directory ?? "", child(child(path, "gitRepo"), "directory")));
    return e;
  });
  one("gcePersistentDisk", () => (v.gcePersistentDisk?.pdName ? [] : [required(child(child(path, "persistentDisk"), "pdName"), "")]));
  one("awsElasticBlockStore", () => (v.awsElasticBlockStore?.volumeID ? [] : [required(child(child(path, "awsElasticBlockStore"), "volumeID"), "")]));
  one("secret", () => {
    const p = child(path, "secret");
    const e: Errs = [];
    if (!v.secret?.secretName) e.push(required(child(p, "secretName"), ""));
    e.push(...validateMode(v.secret?.defaultMode, child(p, "defaultMode")));
    arr(v.secret?.items).forEach((kp: Json, i: number) => e.push(...validateKeyToPath(kp, index(child(p, "items"), i))));
    return e;
  });
  one("nfs", () => {
    const p = child(path, "nfs");
    const e: Errs = [];
    if (!v.nfs?.server) e.push(required(child(p, "server"), ""));
    if (!v.nfs?.path) e.push(required(child(p, "path"), ""));
    if (!String(v.nfs?.path ?? "").startsWith("/")) e.push(invalid(child(p, "path"), v.nfs?.path ?? "", "must be an absolute path"));
    return e;
  });
  one("iscsi", () => {
    const p = child(path, "iscsi");
    const e: Errs = [];
    if (!v.iscsi?.targetPortal) e.push(required(child(p, "targetPortal"), ""));
    if (!v.iscsi?.iqn) e.push(required(child(p, "iqn"), ""));
    return e;
  });
  one("glusterfs", () => {
    const p = child(path, "glusterfs");
    const e: Errs = [];
    if (!v.glusterfs?.endpoints) e.push(required(child(p, "endpoints"), ""));
    if (!v.glusterfs?.path) e.push(required(child(p, "path"), ""));
    return e;
  });
  one("flocker", () => (v.flocker?.datasetName || v.flocker?.datasetUUID ? [] : [required(child(path, "flocker"), "one of datasetName and datasetUUID is required")]));
  one("persistentVolumeClaim", () => (v.persistentVolumeClaim?.claimName ? [] : [required(child(child(path, "persistentVolumeClaim"), "claimName"), "")]));
  one("rbd", () => {
    const p = child(path, "rbd");
    const e: Errs = [];
    if (!arr(v.rbd?.monitors).length) e.push(required(child(p, "monitors"), ""));
    if (!v.rbd?.image) e.push(required(child(p, "image"), ""));
    return e;
  });
  one("cinder", () => (v.cinder?.volumeID ? [] : [required(child(child(path, "cinder"), "volumeID"), "")]));
  one("cephfs", () => (arr(v.cephfs?.monitors).length ? [] : [required(child(child(path, "cephfs"), "monitors"), "")]), "cephFS");
  one("quobyte", () => (v.quobyte?.volume ? [] : [required(child(child(path, "quobyte"), "volume"), "")]));
  one("downwardAPI", () => {
    const p = child(path, "downwardAPI");
    const e: Errs = [...validateMode(v.downwardAPI?.defaultMode, child(p, "defaultMode"))];
    for (const f of arr(v.downwardAPI?.items)) e.push(...validateDownwardAPIFile(f, p));
    return e;
  }, "downwarAPI");
  one("fc", () => (arr(v.fc?.targetWWNs).length || arr(v.fc?.wwids).length ? [] : [required(child(child(path, "fc"), "targetWWNs"), "must specify either targetWWNs or wwids, but not both")]));
  one("flexVolume", () => (v.flexVolume?.driver ? [] : [required(child(child(path, "flexVolume"), "driver"), "")]));
  one("configMap", () => {
    const p = child(path, "configMap");
    const e: Errs = [];
    if (!v.configMap?.name) e.push(required(child(p, "name"), ""));
    e.push(...validateMode(v.configMap?.defaultMode, child(p, "defaultMode")));
    arr(v.configMap?.items).forEach((kp: Json, i: number) => e.push(...validateKeyToPath(kp, index(child(p, "items"), i))));
    return e;
  });
  one("azureFile", () => {
    const p = child(path, "azureFile");
    const e: Errs = [];
    if (!v.azureFile?.secretName) e.push(required(child(p, "secretName"), ""));
    if (!v.azureFile?.shareName) e.push(required(child(p, "shareName"), ""));
    return e;
  });
  one("vsphereVolume", () => (v.vsphereVolume?.volumePath ? [] : [required(child(child(path, "vsphereVolume"), "volumePath"), "")]));
  one("photonPersistentDisk", () => (v.photonPersistentDisk?.pdID ? [] : [required(child(child(path, "photonPersistentDisk"), "pdID"), "")]));
  one("portworxVolume", () => (v.portworxVolume?.volumeID ? [] : [required(child(child(path, "portworxVolume"), "volumeID"), "")]));
  one("azureDisk", () => {
    const p = child(path, "azureDisk");
    const e: Errs = [];
    if (!v.azureDisk?.diskName) e.push(required(child(p, "diskName"), ""));
    if (!v.azureDisk?.diskURI) e.push(required(child(p, "diskURI"), ""));
    return e;
  });
  one("storageos", () => (v.storageos?.volumeName ? [] : [required(child(child(path, "storageos"), "volumeName"), "")]));
  one("projected", () => validateProjected(v.projected, child(path, "projected")));
  one("scaleIO", () => {
    const p = child(path, "scaleIO");
    const e: Errs = [];
    if (!v.scaleIO?.gateway) e.push(required(child(p, "gateway"), ""));
    if (!v.scaleIO?.system) e.push(required(child(p, "system"), ""));
    if (!v.scaleIO?.volumeName) e.push(required(child(p, "volumeName"), ""));
    return e;
  });
  one("csi", () => {
    const p = child(path, "csi");
    if (!v.csi?.driver) return [required(child(p, "driver"), "")];
    const e: Errs = [];
    const d: string = v.csi.driver;
    if (d.length > 63) e.push(tooLong(child(p, "driver"), 63));
    for (const m of isDNS1123Subdomain(d.toLowerCase())) e.push(invalid(child(p, "driver"), d, m));
    return e;
  });
  one("ephemeral", () => {
    const p = child(path, "ephemeral");
    const e: Errs = [];
    if (!v.ephemeral?.volumeClaimTemplate) e.push(required(child(p, "volumeClaimTemplate"), ""));
    else if (!v.ephemeral.volumeClaimTemplate.spec || !arr(v.ephemeral.volumeClaimTemplate.spec.accessModes).length) {
      e.push(required(child(child(child(p, "volumeClaimTemplate"), "spec"), "accessModes"), "at least 1 access mode is required"));
    }
    if (podMeta?.name && v.name) {
      const pvcName = `${podMeta.name}-${v.name}`;
      for (const m of isDNS1123Subdomain(pvcName)) e.push(invalid(child(path, "name"), v.name, `PVC name ${goQuote(pvcName)}: ${m}`));
    }
    return e;
  });
  one("image", () => (v.image?.reference ? [] : [required(child(child(path, "image"), "reference"), "")]));
  if (n === 0) errs.push(required(path, "must specify a volume type"));
  return errs;
}

/** ValidateVolumes: returns the names of the valid volumes (mounts may only name those). */
export function validateVolumes(volumes: Volume[] | undefined, path: string, podMeta?: PodValidationOptions["podMeta"]): { names: Map<string, Volume>; errs: Errs } {
  const errs: Errs = [];
  const names = new Map<string, Volume>();
  const created = new Set<string>();
  if (podMeta?.name) for (const v of arr(volumes)) if (v?.ephemeral) created.add(`${podMeta.name}-${v.name}`);
  arr(volumes).forEach((v, i) => {
    const p = index(path, i);
    const namePath = child(p, "name");
    const el = validateVolumeSource(isObj(v) ? v : {}, p, podMeta);
    if (!v?.name) el.push(required(namePath, ""));
    else el.push(...dns1123Label(v.name, namePath));
    if (names.has(v?.name ?? "")) el.push(duplicate(namePath, v?.name ?? ""));
    if (el.length === 0) names.set(v.name!, v);
    else errs.push(...el);
    if (v?.persistentVolumeClaim && created.has(v.persistentVolumeClaim.claimName)) {
      errs.push(invalid(child(child(p, "persistentVolumeClaim"), "claimName"), v.persistentVolumeClaim.claimName, "must not reference a PVC that gets created for an ephemeral volume"));
    }
  });
  return { names, errs };
}

const PORT_PROTOCOLS = ["SCTP", "TCP", "UDP"];

function validateContainerPorts(ports: ContainerPort[] | undefined, path: string): Errs {
  const errs: Errs = [];
  const names = new Set<string>();
  arr(ports).forEach((port, i) => {
    const p = index(path, i);
    if (port?.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length) for (const m of msgs) errs.push(invalid(child(p, "name"), port.name, m));
      else if (names.has(port.name)) errs.push(duplicate(child(p, "name"), port.name));
      else names.add(port.name);
    }
    if (!port?.containerPort) errs.push(required(child(p, "containerPort"), ""));
    else for (const m of isValidPortNum(port.containerPort)) errs.push(invalid(child(p, "containerPort"), port.containerPort, m));
    if (port?.hostPort) for (const m of isValidPortNum(port.hostPort)) errs.push(invalid(child(p, "hostPort"), port.hostPort, m));
    if (!port?.protocol) errs.push(required(child(p, "protocol"), ""));
    else if (!PORT_PROTOCOLS.includes(port.protocol)) errs.push(notSupported(child(p, "protocol"), port.protocol, PORT_PROTOCOLS));
  });
  return errs;
}

function validateEnv(env: EnvVar[] | undefined, path: string): Errs {
  const errs: Errs = [];
  arr(env).forEach((ev, i) => {
    const p = index(path, i);
    if (!ev?.name) errs.push(required(child(p, "name"), ""));
    else for (const m of isRelaxedEnvVarName(ev.name)) errs.push(invalid(child(p, "name"), ev.name, m));
    const vf = ev?.valueFrom;
    if (vf === undefined || vf === null) return;
    const vp = child(p, "valueFrom");
    let n = 0;
    if (vf.fieldRef) {
      n++;
      errs.push(...validateObjectFieldSelector(vf.fieldRef, ENV_FIELD_PATHS, child(vp, "fieldRef")));
    }
    if (vf.resourceFieldRef) {
      n++;
      errs.push(...validateResourceFieldSelector(vf.resourceFieldRef, child(vp, "resourceFieldRef"), false));
    }
    for (const kind of ["configMapKeyRef", "secretKeyRef"] as const) {
      if (!vf[kind]) continue;
      n++;
      const kp = child(vp, kind);
      for (const m of isDNS1123Subdomain(vf[kind].name ?? "")) errs.push(invalid(child(kp, "name"), vf[kind].name ?? "", m));
      if (!vf[kind].key) errs.push(required(child(kp, "key"), ""));
      else for (const m of isConfigMapKey(vf[kind].key)) errs.push(invalid(child(kp, "key"), vf[kind].key, m));
    }
    if (n === 0) errs.push(invalid(vp, "", "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`"));
    else if (ev.value) errs.push(invalid(vp, "", "may not be specified when `value` is not empty"));
    else if (n > 1) errs.push(invalid(vp, "", "may not have more than one field specified at a time"));
  });
  return errs;
}

function validateEnvFrom(envFrom: Json[] | undefined, path: string): Errs {
  const errs: Errs = [];
  arr(envFrom).forEach((ev, i) => {
    const p = index(path, i);
    if (ev?.prefix) for (const m of isRelaxedEnvVarName(ev.prefix)) errs.push(invalid(child(p, "prefix"), ev.prefix, m));
    let n = 0;
    for (const kind of ["configMapRef", "secretRef"] as const) {
      if (!ev?.[kind]) continue;
      n++;
      const kp = child(p, kind);
      if (!ev[kind].name) errs.push(required(child(kp, "name"), ""));
      else for (const m of nameIsDNSSubdomain(ev[kind].name, true)) errs.push(invalid(child(kp, "name"), ev[kind].name, m));
    }
    if (n === 0) errs.push(invalid(path, "", "must specify one of: `configMapRef` or `secretRef`"));
    else if (n > 1) errs.push(invalid(path, "", "may not have more than one field specified at a time"));
  });
  return errs;
}

function validateVolumeMounts(c: Container, volumes: Map<string, Volume>, path: string): Errs {
  const errs: Errs = [];
  const mountpoints = new Set<string>();
  const devices = new Map<string, string>();
  for (const d of arr(c.volumeDevices)) devices.set(d?.name ?? "", d?.devicePath ?? "");
  arr(c.volumeMounts).forEach((m, i) => {
    const p = index(path, i);
    if (!m?.name) errs.push(required(child(p, "name"), ""));
    if (!volumes.has(m?.name ?? "")) errs.push(notFound(child(p, "name"), m?.name ?? ""));
    if (!m?.mountPath) errs.push(required(child(p, "mountPath"), ""));
    if (mountpoints.has(m?.mountPath ?? "")) errs.push(invalid(child(p, "mountPath"), m?.mountPath ?? "", "must be unique"));
    mountpoints.add(m?.mountPath ?? "");
    if (devices.has(m?.name ?? "")) errs.push(invalid(child(p, "name"), m?.name ?? "", "must not already exist in volumeDevices"));
    if ([...devices.values()].includes(m?.mountPath ?? "")) errs.push(invalid(child(p, "mountPath"), m?.mountPath ?? "", "must not already exist as a path in volumeDevices"));
    if (m?.subPath) errs.push(...validateLocalDescendingPath(m.subPath, child(path, "subPath")));
    if (m?.subPathExpr) {
      if (m.subPath) errs.push(invalid(child(p, "subPathExpr"), m.subPathExpr, "subPathExpr and subPath are mutually exclusive"));
      errs.push(...validateLocalDescendingPath(m.subPathExpr, child(path, "subPathExpr")));
    }
    if (m?.mountPropagation !== undefined && m?.mountPropagation !== null) {
      const mp = child(path, "mountPropagation");
      const supported = ["Bidirectional", "HostToContainer", "None"];
      if (!supported.includes(m.mountPropagation)) errs.push(notSupported(mp, m.mountPropagation, supported));
      if (m.mountPropagation === "Bidirectional" && c.securityContext?.privileged !== true) {
        errs.push(forbidden(mp, "Bidirectional mount propagation is available only to privileged containers"));
      }
    }
    if (m?.recursiveReadOnly !== undefined && m?.recursiveReadOnly !== null) {
      const rp = child(path, "recursiveReadOnly");
      if (m.recursiveReadOnly === "Enabled" || m.recursiveReadOnly === "IfPossible") {
        if (!m.readOnly) errs.push(forbidden(rp, "may only be specified when readOnly is true"));
        if (m.mountPropagation && m.mountPropagation !== "None") errs.push(forbidden(rp, "may only be specified when mountPropagation is None or not specified"));
      } else if (m.recursiveReadOnly !== "Disabled") {
        errs.push(notSupported(rp, m.recursiveReadOnly, ["Disabled", "Enabled", "IfPossible"]));
      }
    }
  });
  return errs;
}

function validateVolumeDevices(c: Container, volumes: Map<string, Volume>, path: string): Errs {
  const errs: Errs = [];
  const paths = new Set<string>();
  const names = new Set<string>();
  const mounts = new Map<string, string>();
  for (const m of arr(c.volumeMounts)) mounts.set(m?.name ?? "", m?.mountPath ?? "");
  arr(c.volumeDevices).forEach((d, i) => {
    const p = index(path, i);
    const name = d?.name ?? "";
    const devPath = d?.devicePath ?? "";
    const vol = volumes.get(name);
    if (!name) errs.push(required(child(p, "name"), ""));
    if (names.has(name)) errs.push(invalid(child(p, "name"), name, "must be unique"));
    if (vol && !vol.persistentVolumeClaim && !vol.ephemeral) errs.push(invalid(child(p, "name"), name, "can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode"));
    if (!vol) errs.push(notFound(child(p, "name"), name));
    if (!devPath) errs.push(required(child(p, "devicePath"), ""));
    if (paths.has(devPath)) errs.push(invalid(child(p, "devicePath"), devPath, "must be unique"));
    if (devPath && devPath.split("/").includes("..")) errs.push(invalid(child(p, "devicePath"), devPath, "can not contain backsteps ('..')"));
    else paths.add(devPath);
    if (mounts.has(name)) errs.push(invalid(child(p, "name"), name, "must not already exist in volumeMounts"));
    if ([...mounts.values()].includes(devPath)) errs.push(invalid(child(p, "devicePath"), devPath, "must not already exist as a path in volumeMounts"));
    if (name) names.add(name);
  });
  return errs;
}

const PULL_POLICIES = ["Always", "IfNotPresent", "Never"];

const STANDARD_RESOURCES = new Set([
  "cpu", "memory", "ephemeral-storage", "requests.cpu", "requests.memory", "requests.ephemeral-storage", "limits.cpu", "limits.memory",
  "limits.ephemeral-storage", "pods", "services", "replicationcontrollers", "resourcequotas", "secrets", "persistentvolumeclaims", "storage",
  "requests.storage", "services.nodeports", "services.loadbalancers",
]);
const isHugePages = (name: string) => name.startsWith("hugepages-");
const isNativeResource = (name: string) => !name.includes("/") || name.includes("kubernetes.io/");
const isOvercommitAllowed = (name: string) => isNativeResource(name) && !isHugePages(name);

function validateContainerResourceName(name: string, path: string): Errs {
  const errs = qualifiedName(name, path);
  if (errs.length) return errs;
  if (!name.includes("/")) {
    if (!STANDARD_RESOURCES.has(name) && !isHugePages(name) && !name.startsWith("requests.hugepages-")) {
      return [invalid(path, name, "must be a standard resource type or fully qualified")];
    }
    if (!["cpu", "memory", "ephemeral-storage"].includes(name) && !isHugePages(name)) {
      return [invalid(path, name, "must be a standard resource for containers")];
    }
  } else if (!isNativeResource(name)) {
    const extended = !name.startsWith("requests.") && isQualifiedName("requests." + name).length === 0;
    if (!extended) return [invalid(path, name, "doesn't follow extended resource name standard")];
  }
  return [];
}

function validateResourceQuantity(name: string, raw: unknown, path: string): { q?: Quantity; errs: Errs } {
  const q = tryParseQuantity(quantityText(raw));
  if (!q) return { errs: [] }; // undecodable quantities are rejected when the object is decoded
  const errs: Errs = [];
  if (q.sign() < 0) errs.push(invalid(path, q.toString(), IS_NEGATIVE));
  // helper.IsIntegerResourceName: extended resources and hugepages are not; native ones besides those... only extended
  if (!isNativeResource(name) && q.milliValue() % 1000 !== 0) errs.push(invalid(path, new GoValue(q.toString()), "must be an integer"));
  return { q, errs };
}

/** ValidateContainerResourceRequirements (requests <= limits, names, quantities). */
export function validateResourceRequirements(r: ResourceRequirements | undefined, path: string): Errs {
  const errs: Errs = [];
  if (!isObj(r)) return errs;
  const limPath = child(path, "limits");
  const reqPath = child(path, "requests");
  const limits = new Map<string, Quantity>();
  let limCpuMem = false;
  let reqCpuMem = false;
  let hugePages = false;
  for (const name of Object.keys(r.limits ?? {}).sort()) {
    const p = key(limPath, name);
    errs.push(...validateContainerResourceName(name, p));
    const { q, errs: qe } = validateResourceQuantity(name, r.limits![name], p);
    errs.push(...qe);
    if (q) limits.set(name, q);
    if (isHugePages(name)) hugePages = true;
    if (name === "cpu" || name === "memory") limCpuMem = true;
  }
  for (const name of Object.keys(r.requests ?? {}).sort()) {
    const p = key(reqPath, name);
    errs.push(...validateContainerResourceName(name, p));
    const { q, errs: qe } = validateResourceQuantity(name, r.requests![name], p);
    errs.push(...qe);
    const lim = limits.get(name);
    if (q && lim) {
      if (q.cmp(lim) !== 0 && !isOvercommitAllowed(name)) {
        errs.push(invalid(reqPath, q.toString(), `must be equal to ${name} limit of ${lim.toString()}`));
      } else if (q.cmp(lim) > 0) {
        errs.push(invalid(reqPath, q.toString(), `must be less than or equal to ${name} limit of ${lim.toString()}`));
      }
    } else if (!(name in (r.limits ?? {})) && !isOvercommitAllowed(name)) {
      errs.push(required(limPath, "Limit must be set for non overcommitable resources"));
    }
    if (isHugePages(name)) hugePages = true;
    if (name === "cpu" || name === "memory") reqCpuMem = true;
  }
  if (!limCpuMem && !reqCpuMem && hugePages) errs.push(forbidden(path, "HugePages require cpu or memory"));
  return errs;
}

function validatePortNumOrName(port: unknown, path: string): Errs {
  if (typeof port === "number") return isValidPortNum(port).map((m) => invalid(path, port, m));
  if (typeof port === "string") return isValidPortName(port).map((m) => invalid(path, port, m));
  return [invalid(path, 0, "must be between 1 and 65535, inclusive")];
}

function validateHandler(h: Json, gracePeriod: number | undefined, path: string, kinds: readonly string[]): Errs {
  const errs: Errs = [];
  let n = 0;
  for (const kind of kinds) {
    const a = h?.[kind];
    if (a === undefined || a === null) continue;
    if (n > 0) {
      errs.push(forbidden(child(path, kind), "may not specify more than 1 handler type"));
      continue;
    }
    n++;
    const p = child(path, kind);
    switch (kind) {
      case "exec":
        if (!arr(a.command).length) errs.push(required(child(p, "command"), ""));
        break;
      case "httpGet":
        if (!a.path) errs.push(required(child(p, "path"), ""));
        errs.push(...validatePortNumOrName(a.port, child(p, "port")));
        if (!["HTTP", "HTTPS"].includes(a.scheme)) errs.push(notSupported(child(p, "scheme"), a.scheme ?? "", ["HTTP", "HTTPS"]));
        for (const hd of arr(a.httpHeaders)) for (const m of isHTTPHeaderName(hd?.name ?? "")) errs.push(invalid(child(p, "httpHeaders"), hd?.name ?? "", m));
        break;
      case "tcpSocket":
        errs.push(...validatePortNumOrName(a.port, child(p, "port")));
        break;
      case "grpc":
        errs.push(...validatePortNumOrName(a.port ?? 0, child(p, "port")));
        break;
      case "sleep":
        if (gracePeriod !== undefined && ((a.seconds ?? 0) <= 0 || (a.seconds ?? 0) > gracePeriod)) {
          errs.push(invalid(p, a.seconds ?? 0, `must be greater than 0 and less than terminationGracePeriodSeconds (${gracePeriod})`));
        }
        break;
    }
  }
  if (n === 0) errs.push(required(path, "must specify a handler type"));
  return errs;
}

const PROBE_HANDLERS = ["exec", "httpGet", "tcpSocket", "grpc"] as const;
const LIFECYCLE_HANDLERS = ["exec", "httpGet", "tcpSocket", "sleep"] as const;

function validateProbe(p: Probe | undefined, gracePeriod: number | undefined, path: string, kind: "liveness" | "readiness" | "startup"): Errs {
  if (p === undefined || p === null) return [];
  const errs = validateHandler(p, gracePeriod, path, PROBE_HANDLERS);
  errs.push(...nonNegative(p.initialDelaySeconds, child(path, "initialDelaySeconds")));
  errs.push(...nonNegative(p.timeoutSeconds, child(path, "timeoutSeconds")));
  errs.push(...nonNegative(p.periodSeconds, child(path, "periodSeconds")));
  errs.push(...nonNegative(p.successThreshold, child(path, "successThreshold")));
  errs.push(...nonNegative(p.failureThreshold, child(path, "failureThreshold")));
  if (typeof p.terminationGracePeriodSeconds === "number" && p.terminationGracePeriodSeconds <= 0) {
    errs.push(invalid(child(path, "terminationGracePeriodSeconds"), p.terminationGracePeriodSeconds, "must be greater than 0"));
  }
  if (kind !== "readiness" && (p.successThreshold ?? 0) !== 1) errs.push(invalid(child(path, "successThreshold"), p.successThreshold ?? 0, "must be 1"));
  if (kind === "readiness" && p.terminationGracePeriodSeconds !== undefined && p.terminationGracePeriodSeconds !== null) {
    errs.push(invalid(child(path, "terminationGracePeriodSeconds"), p.terminationGracePeriodSeconds, "must not be set for readinessProbes"));
  }
  return errs;
}

function validateLifecycle(l: Json, gracePeriod: number | undefined, path: string): Errs {
  const errs: Errs = [];
  if (l?.postStart) errs.push(...validateHandler(l.postStart, gracePeriod, child(path, "postStart"), LIFECYCLE_HANDLERS));
  if (l?.preStop) errs.push(...validateHandler(l.preStop, gracePeriod, child(path, "preStop"), LIFECYCLE_HANDLERS));
  return errs;
}

function validateSecurityContext(sc: Json, path: string): Errs {
  const errs: Errs = [];
  if (!isObj(sc)) return errs;
  if (typeof sc.runAsUser === "number") for (const m of isValidUserID(sc.runAsUser)) errs.push(invalid(child(path, "runAsUser"), sc.runAsUser, m));
  if (typeof sc.runAsGroup === "number") for (const m of isValidGroupID(sc.runAsGroup)) errs.push(invalid(child(path, "runAsGroup"), sc.runAsGroup, m));
  if (sc.procMount !== undefined && sc.procMount !== null && !["Default", "Unmasked"].includes(sc.procMount)) {
    errs.push(notSupported(child(path, "procMount"), sc.procMount, ["Default", "Unmasked"]));
  }
  if (sc.allowPrivilegeEscalation === false && sc.privileged === true) {
    errs.push(invalid(path, new GoValue("core.SecurityContext{...}"), "cannot set `allowPrivilegeEscalation` to false and `privileged` to true"));
  }
  if (sc.allowPrivilegeEscalation === false && arr(sc.capabilities?.add).includes("CAP_SYS_ADMIN")) {
    errs.push(invalid(path, new GoValue("core.SecurityContext{...}"), "cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN"));
  }
  errs.push(...validateSeccompProfile(sc.seccompProfile, child(path, "seccompProfile")));
  return errs;
}

function validateSeccompProfile(sp: Json, path: string): Errs {
  if (!isObj(sp)) return [];
  const types = ["Localhost", "RuntimeDefault", "Unconfined"];
  if (!sp.type) return [required(child(path, "type"), "type is required when seccompProfile is set")];
  if (!types.includes(sp.type)) return [notSupported(child(path, "type"), sp.type, types)];
  if (sp.type === "Localhost" && !sp.localhostProfile) return [required(child(path, "localhostProfile"), "must be set when seccomp type is Localhost")];
  return [];
}

/** validateContainerCommon. */
function validateContainerCommon(c: Container, volumes: Map<string, Volume>, path: string): Errs {
  const errs: Errs = [];
  const namePath = child(path, "name");
  if (!c.name) errs.push(required(namePath, ""));
  else errs.push(...dns1123Label(c.name, namePath));
  if (!c.image) errs.push(required(child(path, "image"), ""));
  const tmp = c.terminationMessagePolicy;
  if (!tmp) errs.push(required(child(path, "terminationMessagePolicy"), ""));
  else if (tmp !== "File" && tmp !== "FallbackToLogsOnError") errs.push(notSupported(child(path, "terminationMessagePolicy"), tmp, ["File", "FallbackToLogsOnError"]));
  errs.push(...validateContainerPorts(c.ports, child(path, "ports")));
  errs.push(...validateEnv(c.env, child(path, "env")));
  errs.push(...validateEnvFrom(c.envFrom, child(path, "envFrom")));
  errs.push(...validateVolumeMounts(c, volumes, child(path, "volumeMounts")));
  errs.push(...validateVolumeDevices(c, volumes, child(path, "volumeDevices")));
  const pp = child(path, "imagePullPolicy");
  if (!c.imagePullPolicy) errs.push(required(pp, ""));
  else if (!PULL_POLICIES.includes(c.imagePullPolicy)) errs.push(notSupported(pp, c.imagePullPolicy, PULL_POLICIES));
  errs.push(...validateResourceRequirements(c.resources, child(path, "resources")));
  errs.push(...validateSecurityContext(c.securityContext, child(path, "securityContext")));
  return errs;
}

/** AccumulateUniqueHostPorts: `TCP//8080`-style keys (protocol/hostIP/port). */
function checkHostPortConflicts(containers: Container[], path: string, offset = 0): Errs {
  const errs: Errs = [];
  const seen = new Set<string>();
  containers.forEach((c, ci) => {
    arr(c?.ports).forEach((p, pi) => {
      if (!p?.hostPort) return;
      const s = `${p.protocol ?? ""}/${p.hostIP ?? ""}/${p.hostPort}`;
      const fp = child(index(child(index(path, ci + offset), "ports"), pi), "hostPort");
      if (seen.has(s)) errs.push(duplicate(fp, s));
      else seen.add(s);
    });
  });
  return errs;
}

function validateContainers(containers: Container[] | undefined, volumes: Map<string, Volume>, gracePeriod: number | undefined, path: string): Errs {
  const list = arr(containers);
  if (list.length === 0) return [required(path, "")];
  const errs: Errs = [];
  const names = new Set<string>();
  list.forEach((c0, i) => {
    const c: Container = isObj(c0) ? c0 : {};
    const p = index(path, i);
    errs.push(...validateContainerCommon(c, volumes, p));
    if (names.has(c.name ?? "")) errs.push(duplicate(child(p, "name"), c.name ?? ""));
    else names.add(c.name ?? "");
    if (c.lifecycle !== undefined && c.lifecycle !== null) errs.push(...validateLifecycle(c.lifecycle, gracePeriod, child(p, "lifecycle")));
    errs.push(...validateProbe(c.livenessProbe, gracePeriod, child(p, "livenessProbe"), "liveness"));
    errs.push(...validateProbe(c.readinessProbe, gracePeriod, child(p, "readinessProbe"), "readiness"));
    errs.push(...validateProbe(c.startupProbe, gracePeriod, child(p, "startupProbe"), "startup"));
    if (c.restartPolicy !== undefined && c.restartPolicy !== null) errs.push(forbidden(child(p, "restartPolicy"), "may not be set for non-init containers"));
  });
  errs.push(...checkHostPortConflicts(list, path));
  return errs;
}

function validateInitContainers(containers: Container[] | undefined, regular: Container[] | undefined, volumes: Map<string, Volume>, gracePeriod: number | undefined, path: string): Errs {
  const errs: Errs = [];
  const names = new Set<string>(arr(regular).map((c) => c?.name ?? ""));
  arr(containers).forEach((c0, i) => {
    const c: Container = isObj(c0) ? c0 : {};
    const p = index(path, i);
    errs.push(...validateContainerCommon(c, volumes, p));
    let restartAlways = false;
    if (c.restartPolicy !== undefined && c.restartPolicy !== null) {
      if (c.restartPolicy !== "Always") errs.push(notSupported(child(p, "restartPolicy"), c.restartPolicy, ["Always"]));
      restartAlways = c.restartPolicy === "Always";
    }
    if (names.has(c.name ?? "")) errs.push(duplicate(child(p, "name"), c.name ?? ""));
    else if (c.name) names.add(c.name);
    errs.push(...checkHostPortConflicts([c], path, i));
    if (restartAlways) {
      if (c.lifecycle !== undefined && c.lifecycle !== null) errs.push(...validateLifecycle(c.lifecycle, gracePeriod, child(p, "lifecycle")));
      errs.push(...validateProbe(c.livenessProbe, gracePeriod, child(p, "livenessProbe"), "liveness"));
      errs.push(...validateProbe(c.readinessProbe, gracePeriod, child(p, "readinessProbe"), "readiness"));
      errs.push(...validateProbe(c.startupProbe, gracePeriod, child(p, "startupProbe"), "startup"));
    } else {
      const msg = "may not be set for init containers without restartPolicy=Always";
      if (c.lifecycle !== undefined && c.lifecycle !== null) errs.push(forbidden(child(p, "lifecycle"), msg));
      if (c.livenessProbe !== undefined && c.livenessProbe !== null) errs.push(forbidden(child(p, "livenessProbe"), msg));
      if (c.readinessProbe !== undefined && c.readinessProbe !== null) errs.push(forbidden(child(p, "readinessProbe"), msg));
      if (c.startupProbe !== undefined && c.startupProbe !== null) errs.push(forbidden(child(p, "startupProbe"), msg));
    }
    if (arr(c.resizePolicy).length > 0) errs.push(invalid(child(p, "resizePolicy"), new GoValue("[]core.ContainerResizePolicy{...}"), "must not be set for init containers"));
  });
  return errs;
}

const EPHEMERAL_FORBIDDEN = ["ports", "resources", "lifecycle", "livenessProbe", "readinessProbe", "startupProbe", "resizePolicy", "restartPolicy"];

function validateEphemeralContainers(list: Container[] | undefined, spec: PodSpec, volumes: Map<string, Volume>, path: string): Errs {
  const errs: Errs = [];
  if (!arr(list).length) return errs;
  const other = new Set<string>([...arr(spec.containers), ...arr(spec.initContainers)].map((c) => c?.name ?? ""));
  const all = new Set(other);
  arr(list).forEach((c0, i) => {
    const c: Container = isObj(c0) ? c0 : {};
    const p = index(path, i);
    errs.push(...validateContainerCommon(c, volumes, p));
    if (c.image && c.image.trim() !== c.image) errs.push(invalid(child(p, "image"), c.image, "must not have leading or trailing whitespace"));
    if (all.has(c.name ?? "")) errs.push(duplicate(child(p, "name"), c.name ?? ""));
    else all.add(c.name ?? "");
    if (c.targetContainerName && !other.has(c.targetContainerName)) errs.push(notFound(child(p, "targetContainerName"), c.targetContainerName));
    for (const f of EPHEMERAL_FORBIDDEN) {
      const v = c[f];
      const empty = v === undefined || v === null || (Array.isArray(v) && v.length === 0) || (isObj(v) && Object.keys(v).length === 0);
      if (!empty) errs.push(forbidden(child(p, f), "cannot be set for an Ephemeral Container"));
    }
    arr(c.volumeMounts).forEach((vm, j) => {
      if (vm?.subPath) errs.push(forbidden(child(index(child(p, "volumeMounts"), j), "subPath"), "cannot be set for an Ephemeral Container"));
      if (vm?.subPathExpr) errs.push(forbidden(child(index(child(p, "volumeMounts"), j), "subPathExpr"), "cannot be set for an Ephemeral Container"));
    });
  });
  return errs;
}

const TAINT_EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

/** ValidateTolerations. */
export function validateTolerations(tolerations: Toleration[] | undefined, path: string): Errs {
  const errs: Errs = [];
  arr(tolerations).forEach((t0, i) => {
    const t: Toleration = isObj(t0) ? t0 : {};
    const p = index(path, i);
    if (t.key) errs.push(...qualifiedName(t.key, child(p, "key")));
    if (!t.key && t.operator !== "Exists") {
      errs.push(invalid(child(p, "operator"), t.operator ?? "", 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null && t.effect !== "NoExecute") {
      errs.push(invalid(child(p, "effect"), t.effect ?? "", "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    switch (t.operator ?? "") {
      case "Equal":
      case "": {
        const msgs = isValidLabelValue(t.value ?? "");
        if (msgs.length) errs.push(invalid(child(p, "operator"), t.value ?? "", msgs.join(";")));
        break;
      }
      case "Exists":
        if (t.value) errs.push(invalid(child(p, "operator"), new GoValue(goToleration(t)), "value must be empty when `operator` is 'Exists'"));
        break;
      default:
        errs.push(notSupported(child(p, "operator"), t.operator, ["Equal", "Exists"]));
    }
    if (t.effect && !TAINT_EFFECTS.includes(t.effect)) errs.push(notSupported(child(p, "effect"), t.effect, TAINT_EFFECTS));
  });
  return errs;
}

/** %#v of a core.Toleration, as 1.32 prints it in the Exists-with-value error. */
function goToleration(t: Toleration): string {
  const secs = t.tolerationSeconds === undefined || t.tolerationSeconds === null ? "(*int64)(nil)" : `(*int64)(0x${"c000000000"})`;
  return `core.Toleration{Key:${goQuote(t.key ?? "")}, Operator:${goQuote(t.operator ?? "")}, Value:${goQuote(t.value ?? "")}, Effect:${goQuote(t.effect ?? "")}, TolerationSeconds:${secs}}`;
}

function validateNodeSelectorRequirement(r: Json, path: string): Errs {
  const errs: Errs = [];
  const values = arr(r?.values);
  switch (r?.operator) {
    case "In":
    case "NotIn":
      if (!values.length) errs.push(required(child(path, "values"), "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case "Exists":
    case "DoesNotExist":
      if (values.length) errs.push(forbidden(child(path, "values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    case "Gt":
    case "Lt":
      if (values.length !== 1) errs.push(required(child(path, "values"), "must be specified single value when `operator` is 'Lt' or 'Gt'"));
      break;
    default:
      errs.push(invalid(child(path, "operator"), r?.operator ?? "", "not a valid selector operator"));
  }
  errs.push(...qualifiedName(r?.key ?? "", child(path, "key")));
  return errs;
}

function validateNodeSelectorTerm(term: Json, path: string): Errs {
  const errs: Errs = [];
  arr(term?.matchExpressions).forEach((r: Json, j: number) => errs.push(...validateNodeSelectorRequirement(r, index(child(path, "matchExpressions"), j))));
  arr(term?.matchFields).forEach((r: Json, j: number) => {
    const p = index(child(path, "matchFields"), j);
    if (r?.operator === "In" || r?.operator === "NotIn") {
      if (arr(r.values).length !== 1) errs.push(required(child(p, "values"), "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
    } else errs.push(invalid(child(p, "operator"), r?.operator ?? "", "not a valid selector operator"));
    if (r?.key !== "metadata.name") errs.push(invalid(child(p, "key"), r?.key ?? "", "not a valid field selector key"));
    else arr(r.values).forEach((v: string, k: number) => errs.push(...dns1123Subdomain(v, index(child(p, "values"), k))));
  });
  return errs;
}

function validatePodAffinityTerm(term: Json, path: string): Errs {
  const errs: Errs = [...validateLabelSelector(term?.labelSelector, child(path, "labelSelector"))];
  errs.push(...validateLabelSelector(term?.namespaceSelector, child(path, "namespaceSelector")));
  for (const ns of arr(term?.namespaces)) for (const m of isDNS1123Label(ns)) errs.push(invalid(child(path, "namespace"), ns, m));
  if (!term?.topologyKey) errs.push(required(child(path, "topologyKey"), "can not be empty"));
  errs.push(...qualifiedName(term?.topologyKey ?? "", child(path, "topologyKey")));
  return errs;
}

function validatePodAffinityLike(a: Json, path: string): Errs {
  const errs: Errs = [];
  arr(a?.requiredDuringSchedulingIgnoredDuringExecution).forEach((t: Json, i: number) =>
    errs.push(...validatePodAffinityTerm(t, index(child(path, "requiredDuringSchedulingIgnoredDuringExecution"), i))),
  );
  arr(a?.preferredDuringSchedulingIgnoredDuringExecution).forEach((t: Json, i: number) => {
    const p = index(child(path, "preferredDuringSchedulingIgnoredDuringExecution"), i);
    if (!(t?.weight > 0 && t?.weight <= 100)) errs.push(invalid(child(p, "weight"), t?.weight ?? 0, "must be in the range 1-100"));
    errs.push(...validatePodAffinityTerm(t?.podAffinityTerm, child(p, "podAffinityTerm")));
  });
  return errs;
}

/** validateAffinity (node, pod and pod anti-affinity). */
export function validateAffinity(affinity: Json, path: string): Errs {
  const errs: Errs = [];
  if (!isObj(affinity)) return errs;
  const na = affinity.nodeAffinity;
  if (isObj(na)) {
    const np = child(path, "nodeAffinity");
    const req = na.requiredDuringSchedulingIgnoredDuringExecution;
    if (req !== undefined && req !== null) {
      const tp = child(child(np, "requiredDuringSchedulingIgnoredDuringExecution"), "nodeSelectorTerms");
      if (!arr(req.nodeSelectorTerms).length) errs.push(required(tp, "must have at least one node selector term"));
      else arr(req.nodeSelectorTerms).forEach((t: Json, i: number) => errs.push(...validateNodeSelectorTerm(t, index(tp, i))));
    }
    arr(na.preferredDuringSchedulingIgnoredDuringExecution).forEach((t: Json, i: number) => {
      const p = index(child(np, "preferredDuringSchedulingIgnoredDuringExecution"), i);
      if (!(t?.weight > 0 && t?.weight <= 100)) errs.push(invalid(child(p, "weight"), t?.weight ?? 0, "must be in the range 1-100"));
      errs.push(...validateNodeSelectorTerm(t?.preference, child(p, "preference")));
    });
  }
  if (isObj(affinity.podAffinity)) errs.push(...validatePodAffinityLike(affinity.podAffinity, child(path, "podAffinity")));
  if (isObj(affinity.podAntiAffinity)) errs.push(...validatePodAffinityLike(affinity.podAntiAffinity, child(path, "podAntiAffinity")));
  return errs;
}

function validateTopologySpreadConstraints(list: Json[] | undefined, path: string): Errs {
  const errs: Errs = [];
  const seen = new Set<string>();
  arr(list).forEach((c: Json, i: number) => {
    const p = index(path, i);
    if (!(c?.maxSkew > 0)) errs.push(invalid(child(p, "maxSkew"), c?.maxSkew ?? 0, "must be greater than zero"));
    if (c?.minDomains !== undefined && c?.minDomains !== null) {
      if (c.minDomains <= 0) errs.push(invalid(child(p, "minDomains"), c.minDomains, "must be greater than zero"));
      else if (c.whenUnsatisfiable !== "DoNotSchedule") {
        errs.push(invalid(child(p, "minDomains"), c.minDomains, `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${c.whenUnsatisfiable ?? ""}`));
      }
    }
    if (!c?.topologyKey) errs.push(required(child(p, "topologyKey"), "can not be empty"));
    else errs.push(...qualifiedName(c.topologyKey, child(p, "topologyKey")));
    const actions = ["DoNotSchedule", "ScheduleAnyway"];
    if (!actions.includes(c?.whenUnsatisfiable)) errs.push(notSupported(child(p, "whenUnsatisfiable"), c?.whenUnsatisfiable ?? "", actions));
    const pair = `{${c?.topologyKey ?? ""}, ${c?.whenUnsatisfiable ?? ""}}`;
    if (seen.has(pair)) errs.push(duplicate(p, pair));
    else seen.add(pair);
    for (const [f, allowed] of [
      ["nodeAffinityPolicy", ["Honor", "Ignore"]],
      ["nodeTaintsPolicy", ["Honor", "Ignore"]],
    ] as const) {
      if (c?.[f] !== undefined && c?.[f] !== null && !(allowed as readonly string[]).includes(c[f])) errs.push(notSupported(child(p, f), c[f], allowed));
    }
    errs.push(...validateLabelSelector(c?.labelSelector, child(p, "labelSelector")));
  });
  return errs;
}

function validatePodDNSConfig(cfg: Json, dnsPolicy: string | undefined, path: string): Errs {
  const errs: Errs = [];
  if (dnsPolicy === "None") {
    if (!isObj(cfg)) return [required(path, "must provide `dnsConfig` when `dnsPolicy` is None")];
    if (!arr(cfg.nameservers).length) return [required(child(path, "nameservers"), "must provide at least one DNS nameserver when `dnsPolicy` is None")];
  }
  if (!isObj(cfg)) return errs;
  if (arr(cfg.nameservers).length > 3) errs.push(invalid(child(path, "nameservers"), cfg.nameservers, "must not have more than 3 nameservers"));
  if (arr(cfg.searches).length > 32) errs.push(invalid(child(path, "searches"), cfg.searches, "must not have more than 32 search paths"));
  arr(cfg.searches).forEach((s: string, i: number) => {
    if (s === ".") return;
    errs.push(...isDNS1123SubdomainWithUnderscore(s.replace(/\.$/, "")).map((m) => invalid(index(child(path, "searches"), i), s.replace(/\.$/, ""), m)));
  });
  arr(cfg.options).forEach((o: Json, i: number) => {
    if (!o?.name) errs.push(required(index(child(path, "options"), i), "must not be empty"));
  });
  return errs;
}

function validatePodSecurityContext(spec: PodSpec, path: string): Errs {
  const errs: Errs = [];
  const sc = spec.securityContext;
  if (!isObj(sc)) return errs;
  if (typeof sc.fsGroup === "number") for (const m of isValidGroupID(sc.fsGroup)) errs.push(invalid(child(path, "fsGroup"), sc.fsGroup, m));
  if (typeof sc.runAsUser === "number") for (const m of isValidUserID(sc.runAsUser)) errs.push(invalid(child(path, "runAsUser"), sc.runAsUser, m));
  if (typeof sc.runAsGroup === "number") for (const m of isValidGroupID(sc.runAsGroup)) errs.push(invalid(child(path, "runAsGroup"), sc.runAsGroup, m));
  arr(sc.supplementalGroups).forEach((g: number, i: number) => {
    for (const m of isValidGroupID(g)) errs.push(invalid(index(child(path, "supplementalGroups"), i), g, m));
  });
  if (spec.shareProcessNamespace && spec.hostPID) {
    errs.push(invalid(child(path, "shareProcessNamespace"), true, "ShareProcessNamespace and HostPID cannot both be enabled"));
  }
  if (sc.fsGroupChangePolicy !== undefined && sc.fsGroupChangePolicy !== null && !["Always", "OnRootMismatch"].includes(sc.fsGroupChangePolicy)) {
    errs.push(notSupported(child(path, "fsGroupChangePolicy"), sc.fsGroupChangePolicy, ["Always", "OnRootMismatch"]));
  }
  errs.push(...validateSeccompProfile(sc.seccompProfile, child(path, "seccompProfile")));
  return errs;
}

const RESTART_POLICIES = ["Always", "OnFailure", "Never"];
const DNS_POLICIES = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"];

/**
 * ValidatePodSpec: `path` is where the spec lives ("spec", "spec.template.spec", "template.spec").
 * Errors come in the order the Go function appends them.
 */
export function validatePodSpec(spec: PodSpec | undefined, path: string, opts: PodValidationOptions = {}): FieldError[] {
  const errs: Errs = [];
  const s: PodSpec = isObj(spec) ? spec : {};
  if (s.terminationGracePeriodSeconds === undefined || s.terminationGracePeriodSeconds === null) {
    errs.push(required(child(path, "terminationGracePeriodSeconds"), ""));
  }
  const gracePeriod = typeof s.terminationGracePeriodSeconds === "number" ? s.terminationGracePeriodSeconds : undefined;
  const vols = validateVolumes(s.volumes, child(path, "volumes"), opts.podMeta);
  errs.push(...vols.errs);
  errs.push(...validateContainers(s.containers, vols.names, gracePeriod, child(path, "containers")));
  errs.push(...validateInitContainers(s.initContainers, s.containers, vols.names, gracePeriod, child(path, "initContainers")));
  errs.push(...validateEphemeralContainers(s.ephemeralContainers, s, vols.names, child(path, "ephemeralContainers")));
  // validatePodHostNetworkDeps
  if (s.hostNetwork) {
    arr(s.containers).forEach((c, i) => {
      arr(c?.ports).forEach((port, j) => {
        const hp = port?.hostPort ?? 0;
        if ((opts.resourceIsPod || hp !== 0) && hp !== (port?.containerPort ?? 0)) {
          errs.push(invalid(child(index(child(index(child(path, "containers"), i), "ports"), j), "hostPort"), hp, "must match `containerPort` when `hostNetwork` is true"));
        }
      });
    });
  }
  const rp = child(path, "restartPolicy");
  if (!s.restartPolicy) errs.push(required(rp, ""));
  else if (!RESTART_POLICIES.includes(s.restartPolicy)) errs.push(notSupported(rp, s.restartPolicy, RESTART_POLICIES));
  const dp = child(path, "dnsPolicy");
  if (!s.dnsPolicy) errs.push(required(dp, ""));
  else if (!DNS_POLICIES.includes(s.dnsPolicy)) errs.push(notSupported(dp, s.dnsPolicy, DNS_POLICIES));
  errs.push(...validateLabels(s.nodeSelector, child(path, "nodeSelector")));
  errs.push(...validatePodSecurityContext(s, child(path, "securityContext")));
  arr(s.imagePullSecrets).forEach((ref, i) => {
    if (isObj(ref) && Object.keys(ref).some((k) => k !== "name")) {
      errs.push(invalid(index(child(path, "imagePullSecrets"), i), new GoValue(`core.LocalObjectReference{Name:${goQuote(ref.name ?? "")}}`), "only name may be set"));
    }
  });
  errs.push(...validateAffinity(s.affinity, child(path, "affinity")));
  errs.push(...validatePodDNSConfig(s.dnsConfig, s.dnsPolicy, child(path, "dnsConfig")));
  arr(s.readinessGates).forEach((g, i) => errs.push(...qualifiedName(g?.conditionType ?? "", child(index(child(path, "readinessGates"), i), "conditionType"))));
  const gates = new Set<string>();
  arr(s.schedulingGates).forEach((g, i) => {
    const gp = index(child(path, "schedulingGates"), i);
    errs.push(...qualifiedName(g?.name ?? "", gp));
    if (gates.has(g?.name ?? "")) errs.push(duplicate(gp, g?.name ?? ""));
    gates.add(g?.name ?? "");
  });
  errs.push(...validateTopologySpreadConstraints(s.topologySpreadConstraints, child(path, "topologySpreadConstraints")));
  if (s.hostUsers === false) {
    if (s.hostNetwork) errs.push(forbidden(child(path, "hostNetwork"), "when `pod.Spec.HostUsers` is false"));
    if (s.hostPID) errs.push(forbidden(child(path, "HostPID"), "when `pod.Spec.HostUsers` is false"));
    if (s.hostIPC) errs.push(forbidden(child(path, "HostIPC"), "when `pod.Spec.HostUsers` is false"));
  }
  if (s.serviceAccountName) for (const m of nameIsDNSSubdomain(s.serviceAccountName)) errs.push(invalid(child(path, "serviceAccountName"), s.serviceAccountName, m));
  if (s.nodeName) for (const m of nameIsDNSSubdomain(s.nodeName)) errs.push(invalid(child(path, "nodeName"), s.nodeName, m));
  if (s.activeDeadlineSeconds !== undefined && s.activeDeadlineSeconds !== null) {
    const v = s.activeDeadlineSeconds;
    if (v < 1 || v > MAX_INT32) errs.push(invalid(child(path, "activeDeadlineSeconds"), v, inclusiveRangeError(1, MAX_INT32)));
  }
  if (s.hostname) errs.push(...dns1123Label(s.hostname, child(path, "hostname")));
  if (s.subdomain) errs.push(...dns1123Label(s.subdomain, child(path, "subdomain")));
  if (arr(s.tolerations).length) errs.push(...validateTolerations(s.tolerations, child(path, "tolerations")));
  arr(s.hostAliases).forEach((h: Json, i: number) => {
    const hp = index(child(path, "hostAliases"), i);
    if (!isIP(h?.ip ?? "")) errs.push(invalid(child(hp, "ip"), h?.ip ?? "", "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"));
    arr(h?.hostnames).forEach((n: string, j: number) => errs.push(...dns1123Subdomain(n, index(child(hp, "hostnames"), j))));
  });
  if (s.priorityClassName) for (const m of nameIsDNSSubdomain(s.priorityClassName)) errs.push(invalid(child(path, "priorityClassName"), s.priorityClassName, m));
  if (s.runtimeClassName !== undefined && s.runtimeClassName !== null) {
    for (const m of nameIsDNSSubdomain(s.runtimeClassName)) errs.push(invalid(child(path, "runtimeClassName"), s.runtimeClassName, m));
  }
  if (s.preemptionPolicy !== undefined && s.preemptionPolicy !== null) {
    const pp = child(path, "preemptionPolicy");
    if (!s.preemptionPolicy) errs.push(required(pp, ""));
    else if (!["PreemptLowerPriority", "Never"].includes(s.preemptionPolicy)) errs.push(notSupported(pp, s.preemptionPolicy, ["PreemptLowerPriority", "Never"]));
  }
  if (isObj(s.overhead)) errs.push(...validateResourceRequirements({ limits: s.overhead }, child(path, "overhead")));
  if (isObj(s.os)) {
    if (!s.os.name) errs.push(required(child(child(path, "os"), "name"), ""));
    else if (!["linux", "windows"].includes(s.os.name)) errs.push(notSupported(child(child(path, "os"), "name"), s.os.name, ["linux", "windows"]));
  }
  return errs;
}

function isIP(s: string): boolean {
  if (/^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(s)) return true;
  return s.includes(":") && /^[0-9a-fA-F:.]+$/.test(s) && s.split("::").length <= 2;
}

/**
 * ValidatePodTemplateSpec: `path` is where the template lives ("template", "spec.template"). Labels are
 * reported at `<path>.labels` and annotations at `<path>.annotations`, as Go names them.
 */
export function validatePodTemplateSpec(tmpl: PodTemplateSpec | undefined, path: string, opts: PodValidationOptions = {}): FieldError[] {
  const errs: Errs = [];
  const t: PodTemplateSpec = isObj(tmpl) ? tmpl : {};
  errs.push(...validateLabels(t.metadata?.labels, child(path, "labels")));
  errs.push(...validateAnnotations(t.metadata?.annotations, child(path, "annotations")));
  errs.push(...validatePodSpec(t.spec, child(path, "spec"), { ...opts, resourceIsPod: false, podMeta: undefined }));
  if (arr(t.spec?.ephemeralContainers).length) {
    errs.push(forbidden(child(child(path, "spec"), "ephemeralContainers"), "ephemeral containers not allowed in pod template"));
  }
  return errs;
}

// ---------------------------------------------------------------------------------------------
// QoS class (pkg/apis/core/helper/qos: ComputePodQOS).
// ---------------------------------------------------------------------------------------------

/** Guaranteed / Burstable / BestEffort from the containers' cpu and memory requests and limits. */
export function computePodQOS(spec: PodSpec | undefined): "Guaranteed" | "Burstable" | "BestEffort" {
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  const add = (m: Map<string, Quantity>, name: string, q: Quantity) => m.set(name, m.has(name) ? m.get(name)!.add(q) : q);
  for (const c of [...arr(spec?.containers), ...arr(spec?.initContainers)]) {
    const res = isObj(c?.resources) ? c.resources : {};
    for (const [name, raw] of Object.entries(res.requests ?? {})) {
      if (name !== "cpu" && name !== "memory") continue;
      const q = tryParseQuantity(quantityText(raw));
      if (q && q.sign() > 0) add(requests, name, q);
    }
    const found = new Set<string>();
    for (const [name, raw] of Object.entries(res.limits ?? {})) {
      if (name !== "cpu" && name !== "memory") continue;
      const q = tryParseQuantity(quantityText(raw));
      if (q && q.sign() > 0) {
        found.add(name);
        add(limits, name, q);
      }
    }
    if (!found.has("cpu") || !found.has("memory")) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return "BestEffort";
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || lim.cmp(req) !== 0) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? "Guaranteed" : "Burstable";
}

/** podutil.IsRestartableInitContainer. */
export function isRestartableInitContainer(c: Container | undefined): boolean {
  return c?.restartPolicy === "Always";
}

// ---------------------------------------------------------------------------------------------
// Fields of features a default 1.32 control plane has switched off (pkg/api/pod/util.go
// dropDisabledFields). The fields exist in the 1.32 API, so strict decoding accepts them, but the
// strategy drops them before validation unless the old object already used them.
// ---------------------------------------------------------------------------------------------

const hasEntries = (v: unknown) => isObj(v) && Object.keys(v).length > 0;
const allContainersOf = (spec: PodSpec | undefined): Container[] => [...arr(spec?.containers), ...arr(spec?.initContainers), ...arr(spec?.ephemeralContainers)];

/**
 * Drops from a pod spec what the alpha or off-by-default beta features of 1.32 own: pod-level
 * resources (PodLevelResources), containers' resizePolicy (InPlacePodVerticalScaling), hostUsers
 * (UserNamespacesSupport), supplementalGroupsPolicy (SupplementalGroupsPolicy), seLinuxChangePolicy
 * (SELinuxChangePolicy), image volumes and their mounts (ImageVolume), clusterTrustBundle projections
 * (ClusterTrustBundleProjection) and resource claims (DynamicResourceAllocation).
 */
export function dropDisabledPodSpecFields(spec: PodSpec | undefined, old?: PodSpec): void {
  if (!isObj(spec)) return;
  const s = spec as Json;
  const o = (old ?? {}) as Json;
  if (!(isObj(o.resources) && (hasEntries(o.resources.requests) || hasEntries(o.resources.limits)))) delete s.resources;
  if (!arr(o.containers).some((c: Json) => arr(c?.resizePolicy).length > 0)) {
    for (const c of arr(s.containers)) if (isObj(c)) delete (c as Json).resizePolicy;
  }
  if (o.hostUsers === undefined) delete s.hostUsers;
  if (isObj(s.securityContext)) {
    if (o.securityContext?.supplementalGroupsPolicy === undefined) delete s.securityContext.supplementalGroupsPolicy;
    if (o.securityContext?.seLinuxChangePolicy === undefined) delete s.securityContext.seLinuxChangePolicy;
  }
  if (!arr(o.volumes).some((v: Json) => isObj(v?.image))) {
    const imageVolumes = new Set(arr(s.volumes).filter((v: Json) => isObj(v?.image)).map((v: Json) => v.name));
    if (imageVolumes.size) {
      s.volumes = arr(s.volumes).filter((v: Json) => !isObj(v?.image));
      for (const c of allContainersOf(s)) {
        if (isObj(c) && Array.isArray((c as Json).volumeMounts)) (c as Json).volumeMounts = (c as Json).volumeMounts.filter((m: Json) => !imageVolumes.has(m?.name));
      }
    }
  }
  const ctbInUse = arr(o.volumes).some((v: Json) => arr(v?.projected?.sources).some((src: Json) => isObj(src?.clusterTrustBundle)));
  if (!ctbInUse) {
    for (const v of arr(s.volumes)) for (const src of arr((v as Json)?.projected?.sources)) if (isObj(src)) delete (src as Json).clusterTrustBundle;
  }
  const draInUse = arr(o.resourceClaims).length > 0 || allContainersOf(o).some((c: Json) => arr(c?.resources?.claims).length > 0);
  if (!draInUse) {
    delete s.resourceClaims;
    for (const c of allContainersOf(s)) if (isObj((c as Json)?.resources)) delete (c as Json).resources.claims;
  }
}

/** pod.DropDisabledTemplateFields: the same for the pod template of a workload. */
export function dropDisabledTemplateFields(tmpl: PodTemplateSpec | undefined, old?: PodTemplateSpec): void {
  if (isObj(tmpl)) dropDisabledPodSpecFields((tmpl as Json).spec, (old as Json)?.spec);
}

// ---------------------------------------------------------------------------------------------
// AppArmor version skew on pod create (pkg/registry/core/pod/strategy.go applyAppArmorVersionSkew):
// the deprecated per-container annotation and the appArmorProfile fields are kept in step.
// ---------------------------------------------------------------------------------------------

export const APPARMOR_ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";

function appArmorAnnotationForField(p: Json): string {
  switch (p?.type) {
    case "Unconfined":
      return "unconfined";
    case "RuntimeDefault":
      return "runtime/default";
    case "Localhost":
      return typeof p.localhostProfile === "string" ? "localhost/" + p.localhostProfile : "";
  }
  return "";
}

function appArmorFieldForAnnotation(a: string): Json | undefined {
  if (a === "unconfined") return { type: "Unconfined" };
  if (a === "runtime/default") return { type: "RuntimeDefault" };
  if (a.startsWith("localhost/") && a.length > "localhost/".length) return { type: "Localhost", localhostProfile: a.slice("localhost/".length) };
  return undefined;
}

/** Returns the deprecation warnings the sync emits. */
export function applyAppArmorVersionSkew(pod: { metadata: { annotations?: Record<string, string> }; spec?: PodSpec }): string[] {
  const spec = pod.spec as Json;
  if (!isObj(spec) || spec.os?.name === "windows") return [];
  const podProfile = spec.securityContext?.appArmorProfile;
  const warnings: string[] = [];
  for (const c of [...arr(spec.initContainers), ...arr(spec.containers), ...arr(spec.ephemeralContainers)] as Json[]) {
    if (!isObj(c) || typeof c.name !== "string") continue;
    const key = APPARMOR_ANNOTATION_PREFIX + c.name;
    const annotations = pod.metadata.annotations;
    const containerProfile = c.securityContext?.appArmorProfile;
    if (!annotations || !(key in annotations)) {
      const value = isObj(containerProfile) ? appArmorAnnotationForField(containerProfile) : isObj(podProfile) ? appArmorAnnotationForField(podProfile) : "";
      if (value) pod.metadata.annotations = { ...(pod.metadata.annotations ?? {}), [key]: value };
    } else if (!isObj(containerProfile)) {
      const field = appArmorFieldForAnnotation(annotations[key]);
      let warn = field === undefined;
      if (field && !deepEqualJson(field, podProfile)) {
        c.securityContext = { ...(isObj(c.securityContext) ? c.securityContext : {}), appArmorProfile: field };
        warn = true;
      }
      if (warn) warnings.push(`metadata.annotations[${key}]: deprecated since v1.30; use the "appArmorProfile" field instead`);
    }
  }
  return warnings;
}

function deepEqualJson(a: unknown, b: unknown): boolean {
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqualJson(a[k], b[k]));
  }
  return a === b;
}
