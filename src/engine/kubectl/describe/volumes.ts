// Volumes and persistent volume sources as describe.go prints them (describeVolumes and the
// print*VolumeSource family). Go prints pointer fields with %v: nil as <nil>, a struct pointer as
// &{...}; the helpers below reproduce that for the fields these sources have.
import { formatLabelSelector, goList, quantity, sortStrings, type Obj } from "./format";
import { parseQuantity } from "../../machinery/quantity";
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, nestedPrefixWriter, type PrefixWriter } from "./writer";
import { printPersistentVolumeClaim } from "./storage";

/** %v of a *bool, *string or other pointer to a scalar: <nil> when unset (Go would print an address otherwise). */
function ptr(v: unknown): string {
  return v === undefined || v === null ? "<nil>" : String(v);
}

/** %v of a *LocalObjectReference / *SecretReference: &{name} or &{name namespace}. */
function refPtr(v: Obj | undefined, withNamespace = false): string {
  if (!v) return "<nil>";
  return withNamespace ? `&{${v.name ?? ""} ${v.namespace ?? ""}}` : `&{${v.name ?? ""}}`;
}

function quantitySign(v: unknown): number {
  try {
    return parseQuantity(String(v)).sign();
  } catch {
    return 0;
  }
}

function bool(v: unknown): string {
  return v === true ? "true" : "false";
}

export function describeVolumes(volumes: Obj[] | undefined, w: PrefixWriter, space: string): void {
  if (!volumes?.length) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const v of volumes) {
    const nameIndent = space.length > 0 ? " " : "";
    w.write(LEVEL_1, `${nameIndent}${v.name}:\n`);
    printVolumeSource(v, w, false);
  }
}

/** The source of a pod volume (pv=false) or a PersistentVolume's spec (pv=true). */
export function printVolumeSource(s: Obj, w: PrefixWriter, pv: boolean): void {
  const L = (text: string) => w.write(LEVEL_2, text);
  if (s.hostPath) {
    L(`Type:\tHostPath (bare host directory volume)\n    Path:\t${s.hostPath.path ?? ""}\n    HostPathType:\t${s.hostPath.type ?? "<none>"}\n`);
  } else if (!pv && s.emptyDir) {
    const limit = s.emptyDir.sizeLimit;
    const sizeLimit = limit !== undefined && limit !== null && quantitySign(limit) > 0 ? quantity(limit) : "<unset>";
    L(`Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${s.emptyDir.medium ?? ""}\n    SizeLimit:\t${sizeLimit}\n`);
  } else if (s.gcePersistentDisk) {
    const g = s.gcePersistentDisk;
    L(`Type:\tGCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)\n    PDName:\t${g.pdName ?? ""}\n    FSType:\t${g.fsType ?? ""}\n    Partition:\t${g.partition ?? 0}\n    ReadOnly:\t${bool(g.readOnly)}\n`);
  } else if (s.awsElasticBlockStore) {
    const a = s.awsElasticBlockStore;
    L(`Type:\tAWSElasticBlockStore (a Persistent Disk resource in AWS)\n    VolumeID:\t${a.volumeID ?? ""}\n    FSType:\t${a.fsType ?? ""}\n    Partition:\t${a.partition ?? 0}\n    ReadOnly:\t${bool(a.readOnly)}\n`);
  } else if (!pv && s.gitRepo) {
    L(`Type:\tGitRepo (a volume that is pulled from git when the pod is created)\n    Repository:\t${s.gitRepo.repository ?? ""}\n    Revision:\t${s.gitRepo.revision ?? ""}\n`);
  } else if (!pv && s.secret) {
    L(`Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${s.secret.secretName ?? ""}\n    Optional:\t${bool(s.secret.optional)}\n`);
  } else if (!pv && s.configMap) {
    L(`Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${s.configMap.name ?? ""}\n    Optional:\t${bool(s.configMap.optional)}\n`);
  } else if (s.nfs) {
    L(`Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${s.nfs.server ?? ""}\n    Path:\t${s.nfs.path ?? ""}\n    ReadOnly:\t${bool(s.nfs.readOnly)}\n`);
  } else if (s.iscsi) {
    const i = s.iscsi;
    L(
      `Type:\tISCSI (an ISCSI Disk resource that is attached to a kubelet's host machine and then exposed to the pod)\n    TargetPortal:\t${i.targetPortal ?? ""}\n    IQN:\t${i.iqn ?? ""}\n    Lun:\t${i.lun ?? 0}\n    ISCSIInterface\t${i.iscsiInterface ?? ""}\n    FSType:\t${i.fsType ?? ""}\n    ReadOnly:\t${bool(i.readOnly)}\n    Portals:\t${goList(i.portals)}\n    DiscoveryCHAPAuth:\t${bool(i.chapAuthDiscovery)}\n    SessionCHAPAuth:\t${bool(i.chapAuthSession)}\n    SecretRef:\t${refPtr(i.secretRef, pv)}\n    InitiatorName:\t${i.initiatorName ?? "<none>"}\n`,
    );
  } else if (s.glusterfs) {
    const g = s.glusterfs;
    if (pv) L(`Type:\tGlusterfs (a Glusterfs mount on the host that shares a pod's lifetime)\n    EndpointsName:\t${g.endpoints ?? ""}\n    EndpointsNamespace:\t${g.endpointsNamespace ?? "<unset>"}\n    Path:\t${g.path ?? ""}\n    ReadOnly:\t${bool(g.readOnly)}\n`);
    else L(`Type:\tGlusterfs (a Glusterfs mount on the host that shares a pod's lifetime)\n    EndpointsName:\t${g.endpoints ?? ""}\n    Path:\t${g.path ?? ""}\n    ReadOnly:\t${bool(g.readOnly)}\n`);
  } else if (!pv && s.persistentVolumeClaim) {
    L(`Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${s.persistentVolumeClaim.claimName ?? ""}\n    ReadOnly:\t${bool(s.persistentVolumeClaim.readOnly)}\n`);
  } else if (!pv && s.ephemeral) {
    L("Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n");
    const t = s.ephemeral.volumeClaimTemplate;
    if (t) printPersistentVolumeClaim(nestedPrefixWriter(w, LEVEL_2), { metadata: t.metadata ?? {}, spec: t.spec ?? {} }, false);
  } else if (s.rbd) {
    const r = s.rbd;
    L(
      `Type:\tRBD (a Rados Block Device mount on the host that shares a pod's lifetime)\n    CephMonitors:\t${goList(r.monitors)}\n    RBDImage:\t${r.image ?? ""}\n    FSType:\t${r.fsType ?? ""}\n    RBDPool:\t${r.pool ?? ""}\n    RadosUser:\t${r.user ?? ""}\n    Keyring:\t${r.keyring ?? ""}\n    SecretRef:\t${refPtr(r.secretRef, pv)}\n    ReadOnly:\t${bool(r.readOnly)}\n`,
    );
  } else if (s.quobyte) {
    L(`Type:\tQuobyte (a Quobyte mount on the host that shares a pod's lifetime)\n    Registry:\t${s.quobyte.registry ?? ""}\n    Volume:\t${s.quobyte.volume ?? ""}\n    ReadOnly:\t${bool(s.quobyte.readOnly)}\n`);
  } else if (!pv && s.downwardAPI) {
    L("Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n");
    for (const item of s.downwardAPI.items ?? []) {
      if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath ?? ""} -> ${item.path ?? ""}\n`);
      if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource ?? ""} -> ${item.path ?? ""}\n`);
    }
  } else if (s.azureDisk) {
    const d = s.azureDisk;
    L(`Type:\tAzureDisk (an Azure Data Disk mount on the host and bind mount to the pod)\n    DiskName:\t${d.diskName ?? ""}\n    DiskURI:\t${d.diskURI ?? ""}\n    Kind: \t${d.kind ?? ""}\n    FSType:\t${d.fsType ?? ""}\n    CachingMode:\t${d.cachingMode ?? ""}\n    ReadOnly:\t${bool(d.readOnly)}\n`);
  } else if (s.vsphereVolume) {
    const v = s.vsphereVolume;
    L(`Type:\tvSphereVolume (a Persistent Disk resource in vSphere)\n    VolumePath:\t${v.volumePath ?? ""}\n    FSType:\t${v.fsType ?? ""}\n    StoragePolicyName:\t${v.storagePolicyName ?? ""}\n`);
  } else if (s.cinder) {
    const c = s.cinder;
    L(`Type:\tCinder (a Persistent Disk resource in OpenStack)\n    VolumeID:\t${c.volumeID ?? ""}\n    FSType:\t${c.fsType ?? ""}\n    ReadOnly:\t${bool(c.readOnly)}\n    SecretRef:\t${refPtr(c.secretRef, pv)}\n`);
  } else if (s.photonPersistentDisk) {
    L(`Type:\tPhotonPersistentDisk (a Persistent Disk resource in photon platform)\n    PdID:\t${s.photonPersistentDisk.pdID ?? ""}\n    FSType:\t${s.photonPersistentDisk.fsType ?? ""}\n`);
  } else if (s.portworxVolume) {
    L(`Type:\tPortworxVolume (a Portworx Volume resource)\n    VolumeID:\t${s.portworxVolume.volumeID ?? ""}\n`);
  } else if (s.scaleIO) {
    const x = s.scaleIO;
    if (pv)
      L(
        `Type:\tScaleIO (a persistent volume backed by a block device in ScaleIO)\n    Gateway:\t${x.gateway ?? ""}\n    System:\t${x.system ?? ""}\n    Protection Domain:\t${x.protectionDomain ?? ""}\n    Storage Pool:\t${x.storagePool ?? ""}\n    Storage Mode:\t${x.storageMode ?? ""}\n    VolumeName:\t${x.volumeName ?? ""}\n    SecretName:\t${x.secretRef?.name ?? ""}\n    SecretNamespace:\t${x.secretRef?.namespace ?? ""}\n    FSType:\t${x.fsType ?? ""}\n    ReadOnly:\t${bool(x.readOnly)}\n`,
      );
    else
      L(
        `Type:\tScaleIO (a persistent volume backed by a block device in ScaleIO)\n    Gateway:\t${x.gateway ?? ""}\n    System:\t${x.system ?? ""}\n    Protection Domain:\t${x.protectionDomain ?? ""}\n    Storage Pool:\t${x.storagePool ?? ""}\n    Storage Mode:\t${x.storageMode ?? ""}\n    VolumeName:\t${x.volumeName ?? ""}\n    FSType:\t${x.fsType ?? ""}\n    ReadOnly:\t${bool(x.readOnly)}\n`,
      );
  } else if (pv && s.local) {
    L(`Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${s.local.path ?? ""}\n`);
  } else if (s.cephfs) {
    const c = s.cephfs;
    L(`Type:\tCephFS (a CephFS mount on the host that shares a pod's lifetime)\n    Monitors:\t${goList(c.monitors)}\n    Path:\t${c.path ?? ""}\n    User:\t${c.user ?? ""}\n    SecretFile:\t${c.secretFile ?? ""}\n    SecretRef:\t${refPtr(c.secretRef, pv)}\n    ReadOnly:\t${bool(c.readOnly)}\n`);
  } else if (s.storageos) {
    const x = s.storageos;
    L(`Type:\tStorageOS (a StorageOS Persistent Disk resource)\n    VolumeName:\t${x.volumeName ?? ""}\n    VolumeNamespace:\t${x.volumeNamespace ?? ""}\n    FSType:\t${x.fsType ?? ""}\n    ReadOnly:\t${bool(x.readOnly)}\n`);
  } else if (s.fc) {
    const f = s.fc;
    L(`Type:\tFC (a Fibre Channel disk)\n    TargetWWNs:\t${(f.targetWWNs ?? []).join(", ")}\n    LUN:\t${f.lun ?? "<none>"}\n    FSType:\t${f.fsType ?? ""}\n    ReadOnly:\t${bool(f.readOnly)}\n`);
  } else if (s.azureFile) {
    const a = s.azureFile;
    if (pv) L(`Type:\tAzureFile (an Azure File Service mount on the host and bind mount to the pod)\n    SecretName:\t${a.secretName ?? ""}\n    SecretNamespace:\t${a.secretNamespace ?? ""}\n    ShareName:\t${a.shareName ?? ""}\n    ReadOnly:\t${bool(a.readOnly)}\n`);
    else L(`Type:\tAzureFile (an Azure File Service mount on the host and bind mount to the pod)\n    SecretName:\t${a.secretName ?? ""}\n    ShareName:\t${a.shareName ?? ""}\n    ReadOnly:\t${bool(a.readOnly)}\n`);
  } else if (s.flexVolume) {
    const f = s.flexVolume;
    const options = `map[${sortStrings(Object.keys(f.options ?? {}))
      .map((k) => `${k}:${f.options[k]}`)
      .join(" ")}]`;
    L(`Type:\tFlexVolume (a generic volume resource that is provisioned/attached using an exec based plugin)\n    Driver:\t${f.driver ?? ""}\n    FSType:\t${f.fsType ?? ""}\n    SecretRef:\t${refPtr(f.secretRef, pv)}\n    ReadOnly:\t${bool(f.readOnly)}\n    Options:\t${options}\n`);
  } else if (s.flocker) {
    L(`Type:\tFlocker (a Flocker volume mounted by the Flocker agent)\n    DatasetName:\t${s.flocker.datasetName ?? ""}\n    DatasetUUID:\t${s.flocker.datasetUUID ?? ""}\n`);
  } else if (!pv && s.projected) {
    L("Type:\tProjected (a volume that contains injected data from multiple sources)\n");
    for (const src of s.projected.sources ?? []) {
      if (src.secret) L(`SecretName:\t${src.secret.name ?? ""}\n    SecretOptionalName:\t${ptr(src.secret.optional)}\n`);
      else if (src.downwardAPI) L("DownwardAPI:\ttrue\n");
      else if (src.configMap) L(`ConfigMapName:\t${src.configMap.name ?? ""}\n    ConfigMapOptional:\t${ptr(src.configMap.optional)}\n`);
      else if (src.serviceAccountToken) L(`TokenExpirationSeconds:\t${src.serviceAccountToken.expirationSeconds ?? 0}\n`);
    }
  } else if (s.csi) {
    const c = s.csi;
    if (pv) L(`Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${c.driver ?? ""}\n    FSType:\t${c.fsType ?? ""}\n    VolumeHandle:\t${c.volumeHandle ?? ""}\n    ReadOnly:\t${bool(c.readOnly)}\n`);
    else L(`Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${c.driver ?? ""}\n    FSType:\t${c.fsType ?? ""}\n    ReadOnly:\t${bool(c.readOnly)}\n`);
    printCsiAttributes(w, c.volumeAttributes);
  } else if (!pv && s.image) {
    L(`Type:\tImage (a container image or OCI artifact)\n    Reference:\t${s.image.reference ?? ""}\n    PullPolicy:\t${s.image.pullPolicy ?? ""}\n`);
  } else {
    w.write(LEVEL_1, "<unknown>\n");
  }
}

/** printCSIPersistentVolumeAttributesMultiline. */
function printCsiAttributes(w: PrefixWriter, attrs: Record<string, string> | undefined): void {
  w.write(LEVEL_2, "VolumeAttributes:\t");
  const keys = sortStrings(Object.keys(attrs ?? {}));
  if (keys.length === 0) {
    w.writeLine("<none>");
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_2, "");
      w.write(LEVEL_2, "\t");
    }
    const line = `${key}=${attrs![key]}`;
    w.write(LEVEL_2, line.length > 140 ? `${line.slice(0, 140)}...\n` : `${line}\n`);
  });
}

/** describeTopologySpreadConstraints. */
export function describeTopologySpreadConstraints(tscs: Obj[] | undefined, w: PrefixWriter, space: string): void {
  if (!tscs?.length) return;
  const sorted = [...tscs].sort((a, b) => ((a.topologyKey ?? "") < (b.topologyKey ?? "") ? -1 : (a.topologyKey ?? "") > (b.topologyKey ?? "") ? 1 : 0));
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  sorted.forEach((t, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, space);
      w.write(LEVEL_0, "\t");
    }
    let line = `${t.topologyKey ?? ""}:${t.whenUnsatisfiable ?? ""} when max skew ${t.maxSkew ?? 0} is exceeded`;
    if (t.labelSelector) line += ` for selector ${formatLabelSelector(t.labelSelector)}`;
    w.write(LEVEL_0, `${line}\n`);
  });
}
