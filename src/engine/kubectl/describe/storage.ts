// PersistentVolume, PersistentVolumeClaim and StorageClass describers (describe.go), with the pods
// that use a claim ("Used By") and the events of each.
import { corePath, getJson, groupPath, listAll, type Describer } from "./context";
import { describeEvents, eventsFor, refOf } from "./events";
import { accessModesString, goList, printAnnotationsMultiline, printBoolPtr, printLabelsMultiline, printPodsMultiline, quantity, rfc1123z, since, type Obj } from "./format";
import { formatLabels } from "../../machinery/labels";
import { printVolumeSource } from "./volumes";
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString, type PrefixWriter } from "./writer";

const BETA_STORAGE_CLASS = "volume.beta.kubernetes.io/storage-class";

/** storageutil.GetPersistentVolumeClass. */
function pvClass(pv: Obj): string {
  const ann = pv.metadata?.annotations ?? {};
  if (BETA_STORAGE_CLASS in ann) return ann[BETA_STORAGE_CLASS];
  return pv.spec?.storageClassName ?? "";
}

/** storageutil.GetPersistentVolumeClaimClass. */
export function pvcClass(pvc: Obj): string {
  const ann = pvc.metadata?.annotations ?? {};
  if (BETA_STORAGE_CLASS in ann) return ann[BETA_STORAGE_CLASS];
  return pvc.spec?.storageClassName ?? "";
}

export const describePersistentVolume: Describer = async (ctx, _ns, name) => {
  const pv = await getJson(ctx, corePath("persistentvolumes", undefined, name));
  const events = await eventsFor(ctx, refOf(pv, "PersistentVolume"));
  return renderPersistentVolume(pv, events, ctx.nowMs);
};

export function renderPersistentVolume(pv: Obj, events: Obj[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    const spec = pv.spec ?? {};
    w.write(LEVEL_0, `Name:\t${pv.metadata?.name ?? ""}\n`);
    printLabelsMultiline(w, "Labels", pv.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", pv.metadata?.annotations);
    w.write(LEVEL_0, `Finalizers:\t${goList(pv.metadata?.finalizers)}\n`);
    w.write(LEVEL_0, `StorageClass:\t${pvClass(pv)}\n`);
    if (pv.metadata?.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(pv.metadata.deletionTimestamp, nowMs)})\n`);
    else w.write(LEVEL_0, `Status:\t${pv.status?.phase ?? ""}\n`);
    w.write(LEVEL_0, `Claim:\t${spec.claimRef ? `${spec.claimRef.namespace ?? ""}/${spec.claimRef.name ?? ""}` : ""}\n`);
    w.write(LEVEL_0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ""}\n`);
    w.write(LEVEL_0, `Access Modes:\t${accessModesString(spec.accessModes)}\n`);
    if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
    w.write(LEVEL_0, `Capacity:\t${quantity(spec.capacity?.storage)}\n`);
    printVolumeNodeAffinity(w, spec.nodeAffinity);
    w.write(LEVEL_0, `Message:\t${pv.status?.message ?? ""}\n`);
    w.write(LEVEL_0, "Source:\n");
    printVolumeSource(spec, w, true);
    if (events) describeEvents(events, w, nowMs);
  });
}

function printVolumeNodeAffinity(w: PrefixWriter, affinity: Obj | undefined): void {
  w.write(LEVEL_0, "Node Affinity:\t");
  if (!affinity?.required) {
    w.writeLine("<none>");
    return;
  }
  w.writeLine("");
  w.write(LEVEL_1, "Required Terms:\t");
  const terms: Obj[] = affinity.required.nodeSelectorTerms ?? [];
  if (terms.length === 0) {
    w.writeLine("<none>");
    return;
  }
  w.writeLine("");
  terms.forEach((term, i) => {
    w.write(LEVEL_2, `Term ${i}:\t`);
    const reqs: Obj[] = term.matchExpressions ?? [];
    if (reqs.length === 0) {
      w.writeLine("<none>");
      return;
    }
    reqs.forEach((req, j) => {
      if (j !== 0) w.write(LEVEL_2, "\t");
      let expr = `${req.key ?? ""} ${String(req.operator ?? "").toLowerCase()}`;
      if ((req.values ?? []).length > 0) expr += ` [${req.values.join(", ")}]`;
      w.write(LEVEL_0, `${expr}\n`);
    });
  });
}

export const describePersistentVolumeClaim: Describer = async (ctx, ns, name) => {
  const pvc = await getJson(ctx, corePath("persistentvolumeclaims", ns, name));
  const pods = podsForPVC(await listAll(ctx, corePath("pods", ns)), pvc);
  const events = await eventsFor(ctx, refOf(pvc, "PersistentVolumeClaim"));
  return renderPersistentVolumeClaim(pvc, events, pods, ctx.nowMs);
};

/** getPodsForPVC: pods mounting the claim, then pods owning it (ephemeral volumes) not already listed. */
export function podsForPVC(nsPods: Obj[], pvc: Obj): Obj[] {
  const pods: Obj[] = [];
  for (const pod of nsPods) for (const v of pod.spec?.volumes ?? []) if (v.persistentVolumeClaim?.claimName === pvc.metadata?.name) pods.push(pod);
  for (const ref of pvc.metadata?.ownerReferences ?? []) {
    if (ref.kind !== "Pod") continue;
    const owner = nsPods.find((p) => p.metadata?.uid === ref.uid);
    if (!owner || pods.some((p) => p.metadata?.uid === owner.metadata?.uid)) continue;
    pods.push(owner);
  }
  return pods;
}

export function renderPersistentVolumeClaim(pvc: Obj, events: Obj[] | undefined, pods: Obj[], nowMs: number): string {
  return tabbedString((w) => {
    printPersistentVolumeClaim(w, pvc, true, nowMs);
    printPodsMultiline(w, "Used By", pods);
    const conditions: Obj[] = pvc.status?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, "Conditions:\n");
      w.write(LEVEL_1, "Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n");
      w.write(LEVEL_1, "----\t------\t-----------------\t------------------\t------\t-------\n");
      for (const c of conditions) {
        w.write(LEVEL_1, `${c.type ?? ""} \t${c.status ?? ""} \t${rfc1123z(c.lastProbeTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ""} \t${c.message ?? ""}\n`);
      }
    }
    if (events) describeEvents(events, w, nowMs);
  });
}

/** printPersistentVolumeClaim: a full claim, or (isFull=false) an ephemeral volume's claim template. */
export function printPersistentVolumeClaim(w: PrefixWriter, pvc: Obj, isFull: boolean, nowMs = 0): void {
  const spec = pvc.spec ?? {};
  if (isFull) {
    w.write(LEVEL_0, `Name:\t${pvc.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${pvc.metadata?.namespace ?? ""}\n`);
  }
  w.write(LEVEL_0, `StorageClass:\t${pvcClass(pvc)}\n`);
  if (isFull) {
    if (pvc.metadata?.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(pvc.metadata.deletionTimestamp, nowMs)})\n`);
    else w.write(LEVEL_0, `Status:\t${pvc.status?.phase ?? ""}\n`);
  }
  w.write(LEVEL_0, `Volume:\t${spec.volumeName ?? ""}\n`);
  printLabelsMultiline(w, "Labels", pvc.metadata?.labels);
  printAnnotationsMultiline(w, "Annotations", pvc.metadata?.annotations);
  if (isFull) w.write(LEVEL_0, `Finalizers:\t${goList(pvc.metadata?.finalizers)}\n`);
  let capacity = "";
  let accessModes = "";
  if (spec.volumeName) {
    accessModes = accessModesString(pvc.status?.accessModes);
    capacity = quantity(pvc.status?.capacity?.storage);
  }
  w.write(LEVEL_0, `Capacity:\t${capacity}\n`);
  w.write(LEVEL_0, `Access Modes:\t${accessModes}\n`);
  if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
  if (spec.dataSource) {
    w.write(LEVEL_0, "DataSource:\n");
    if (spec.dataSource.apiGroup !== undefined && spec.dataSource.apiGroup !== null) w.write(LEVEL_1, `APIGroup:\t${spec.dataSource.apiGroup}\n`);
    w.write(LEVEL_1, `Kind:\t${spec.dataSource.kind ?? ""}\n`);
    w.write(LEVEL_1, `Name:\t${spec.dataSource.name ?? ""}\n`);
  }
}

export const describeStorageClass: Describer = async (ctx, _ns, name) => {
  const sc = await getJson(ctx, groupPath("storage.k8s.io/v1", "storageclasses", undefined, name));
  const events = await eventsFor(ctx, refOf(sc, "StorageClass"));
  return renderStorageClass(sc, events, ctx.nowMs);
};

export function renderStorageClass(sc: Obj, events: Obj[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    const ann = sc.metadata?.annotations ?? {};
    const isDefault = ann["storageclass.kubernetes.io/is-default-class"] === "true" || ann["storageclass.beta.kubernetes.io/is-default-class"] === "true";
    w.write(LEVEL_0, `Name:\t${sc.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `IsDefaultClass:\t${isDefault ? "Yes" : "No"}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(sc.metadata?.annotations)}\n`);
    w.write(LEVEL_0, `Provisioner:\t${sc.provisioner ?? ""}\n`);
    w.write(LEVEL_0, `Parameters:\t${formatLabels(sc.parameters)}\n`);
    w.write(LEVEL_0, `AllowVolumeExpansion:\t${printBoolPtr(sc.allowVolumeExpansion)}\n`);
    const mountOptions: string[] = sc.mountOptions ?? [];
    if (mountOptions.length === 0) w.write(LEVEL_0, "MountOptions:\t<none>\n");
    else {
      w.write(LEVEL_0, "MountOptions:\n");
      for (const o of mountOptions) w.write(LEVEL_1, `${o}\n`);
    }
    if (sc.reclaimPolicy) w.write(LEVEL_0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`);
    if (sc.volumeBindingMode) w.write(LEVEL_0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`);
    if (sc.allowedTopologies) {
      w.write(LEVEL_0, "AllowedTopologies:\t");
      const terms: Obj[] = sc.allowedTopologies;
      if (terms.length === 0) w.writeLine("<none>");
      else {
        w.writeLine("");
        terms.forEach((term, i) => {
          w.write(LEVEL_1, `Term ${i}:\t`);
          const reqs: Obj[] = term.matchLabelExpressions ?? [];
          if (reqs.length === 0) {
            w.writeLine("<none>");
            return;
          }
          reqs.forEach((req, j) => {
            if (j !== 0) w.write(LEVEL_1, "\t");
            let expr = `${req.key ?? ""} in`;
            if ((req.values ?? []).length > 0) expr += ` [${req.values.join(", ")}]`;
            w.write(LEVEL_0, `${expr}\n`);
          });
        });
      }
    }
    if (events) describeEvents(events, w, nowMs);
  });
}
