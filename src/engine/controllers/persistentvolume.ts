// PersistentVolumes and claims: the PV controller (pkg/controller/volume/persistentvolume: static
// binding, phases, reclaim), the local-path external provisioner kind ships as the `standard` class
// (rancher.io/local-path: PVs named pvc-<claim uid>, deleted again when their claim goes), and the
// pvc-protection and pv-protection controllers that hold deletion while a claim is in use or a
// volume is bound. WaitForFirstConsumer claims wait for the scheduler (scheduler/volumes.ts), which
// pre-binds a static volume on the chosen node or asks for provisioning there through
// volume.kubernetes.io/selected-node; a pod that names its node bypasses it and the claim stays Pending.
import type { KubeObject } from "../kinds/types";
import type { Controller, ReconcileResult } from "./types";
import { earliest } from "./types";
import { ControllerClient } from "./client";
import type { EventSource } from "./events";
import { ApiError } from "../machinery/status";
import { clone, deepEqual } from "../machinery/json";
import { compareQuantities, tryParseQuantity } from "../machinery/quantity";
import { parseRfc3339 } from "../machinery/time";
import { matches, selectorFromLabelSelector } from "../machinery/labels";
import { K8S_RAND_ALPHABET } from "../machinery/rng";
import { md5Hex } from "./endpoint-hash";

export const PVC_PROTECTION = "kubernetes.io/pvc-protection";
export const PV_PROTECTION = "kubernetes.io/pv-protection";
const ANN_BIND_COMPLETED = "pv.kubernetes.io/bind-completed";
const ANN_BOUND_BY_CONTROLLER = "pv.kubernetes.io/bound-by-controller";
const ANN_PROVISIONED_BY = "pv.kubernetes.io/provisioned-by";
const ANN_STORAGE_PROVISIONER = "volume.kubernetes.io/storage-provisioner";
const ANN_BETA_STORAGE_PROVISIONER = "volume.beta.kubernetes.io/storage-provisioner";
const ANN_SELECTED_NODE = "volume.kubernetes.io/selected-node";
const ANN_BETA_CLASS = "volume.beta.kubernetes.io/storage-class";
const ANN_LOCAL_PATH_NODE = "local.path.provisioner/selected-node";
const NO_PROVISIONER = "kubernetes.io/no-provisioner";
const LOCAL_PATH = "rancher.io/local-path";
const PV_CONTROLLER: EventSource = { component: "persistentvolume-controller" };
const KCM = "kube-controller-manager";

/** How long the local-path provisioner takes to create a volume (its helper pod makes the directory). */
const PROVISION_MIN_MS = 1500;
const PROVISION_SPREAD_MS = 2000;

type Obj = KubeObject;

const claimClass = (c: Obj): string => c.metadata.annotations?.[ANN_BETA_CLASS] ?? c.spec?.storageClassName ?? "";
const volumeClass = (v: Obj): string => v.metadata.annotations?.[ANN_BETA_CLASS] ?? v.spec?.storageClassName ?? "";
const claimKey = (c: Obj) => `${c.metadata.namespace}/${c.metadata.name}`;
const isTerminal = (p: Obj) => p.status?.phase === "Succeeded" || p.status?.phase === "Failed";

function addAnnotation(o: Obj, k: string, v: string) {
  o.metadata.annotations = { ...(o.metadata.annotations ?? {}), [k]: v };
}

function removeAnnotation(o: Obj, k: string) {
  if (!o.metadata.annotations || !(k in o.metadata.annotations)) return;
  const { [k]: _gone, ...rest } = o.metadata.annotations;
  if (Object.keys(rest).length) o.metadata.annotations = rest;
  else delete o.metadata.annotations;
}

/** Records an event unless the same one is already there: controllers re-run many times per alarm. */
function eventOnce(client: ControllerClient, obj: Obj, type: "Normal" | "Warning", reason: string, message: string, source: EventSource): boolean {
  const ns = obj.metadata.namespace || "default";
  // The correlator may have combined it with similar ones ("(combined from similar events): ...").
  const combined = `(combined from similar events): ${message}`;
  const seen = client.ctx.state.store
    .list("events", ns)
    .some((e) => e.involvedObject?.uid === obj.metadata.uid && e.reason === reason && (e.message === message || e.message === combined));
  if (seen) return false;
  // A dropped event (spam filter) wrote nothing: claiming a change would only run another pass.
  return client.event(obj, type, reason, message, source) !== undefined;
}

function findEvent(client: ControllerClient, obj: Obj, reason: string): Obj | undefined {
  return client.ctx.state.store.list("events", obj.metadata.namespace || "default").find((e) => e.involvedObject?.uid === obj.metadata.uid && e.reason === reason);
}

/** IsVolumeBoundToClaim. */
function isBoundToClaim(v: Obj, c: Obj): boolean {
  const ref = v.spec?.claimRef;
  return !!ref && ref.name === c.metadata.name && ref.namespace === c.metadata.namespace && ref.uid === c.metadata.uid;
}

/** A volume reserved for this claim by name (claimRef without or with its uid). */
function isPreboundTo(v: Obj, c: Obj): boolean {
  const ref = v.spec?.claimRef;
  return !!ref && ref.name === c.metadata.name && (ref.namespace ?? "") === c.metadata.namespace && (!ref.uid || ref.uid === c.metadata.uid);
}

function requestedStorage(c: Obj): string | undefined {
  return c.spec?.resources?.requests?.storage;
}

function capacityOf(v: Obj): string | undefined {
  return v.spec?.capacity?.storage;
}

function fits(v: Obj, c: Obj): boolean {
  const cap = capacityOf(v);
  const req = requestedStorage(c) ?? "0";
  if (cap === undefined || !tryParseQuantity(String(cap)) || !tryParseQuantity(String(req))) return false;
  return compareQuantities(String(cap), String(req)) >= 0;
}

const accessModesOk = (v: Obj, c: Obj) => ((c.spec?.accessModes ?? []) as string[]).every((m) => ((v.spec?.accessModes ?? []) as string[]).includes(m));
const volumeModeOk = (v: Obj, c: Obj) => (v.spec?.volumeMode ?? "Filesystem") === (c.spec?.volumeMode ?? "Filesystem");

/** checkVolumeSatisfyClaim: why a requested volume cannot serve a claim. */
function volumeMismatch(v: Obj, c: Obj): string | undefined {
  if (!fits(v, c)) return "requested PV is too small";
  if (volumeClass(v) !== claimClass(c)) return "storageClassName does not match";
  if (!volumeModeOk(v, c)) return "incompatible volumeMode";
  if (!accessModesOk(v, c)) return "incompatible accessMode";
  return undefined;
}

/**
 * findBestMatchForClaim: a volume pre-bound to the claim wins; otherwise the smallest Available
 * volume of the claim's class, volume mode and selector that holds the request, preferring the
 * smallest set of access modes. With delayBinding only pre-bound volumes count (the scheduler
 * binds the rest).
 */
function findBestMatch(c: Obj, volumes: readonly Obj[], delayBinding: boolean): Obj | undefined {
  let best: Obj | undefined;
  const selector = c.spec?.selector ? selectorFromLabelSelector(c.spec.selector) : undefined;
  for (const v of volumes) {
    if (v.metadata.deletionTimestamp) continue;
    if (!accessModesOk(v, c) || !fits(v, c) || !volumeModeOk(v, c)) continue;
    if (isPreboundTo(v, c)) return v;
    if (delayBinding) continue;
    if (v.spec?.claimRef) continue;
    if (v.status?.phase !== "Available") continue;
    if (selector && !matches(selector, v.metadata.labels)) continue;
    if (volumeClass(v) !== claimClass(c)) continue;
    if (!best) best = v;
    else {
      const modes = (x: Obj) => (x.spec?.accessModes ?? []).length;
      const byModes = modes(v) - modes(best);
      if (byModes < 0 || (byModes === 0 && compareQuantities(String(capacityOf(v)), String(capacityOf(best))) < 0)) best = v;
    }
  }
  return best;
}

interface Pass {
  client: ControllerClient;
  classes: Map<string, Obj>;
  nodes: Map<string, Obj>;
  changed: boolean;
  wakeAtMs?: number;
}

const getPV = (p: Pass, name: string) => p.client.get("v1", "PersistentVolume", undefined, name);
const getPVC = (p: Pass, ns: string, name: string) => p.client.get("v1", "PersistentVolumeClaim", ns, name);

function writeStatus(p: Pass, before: Obj, after: Obj): Obj {
  if (deepEqual(before.status ?? {}, after.status ?? {})) return before;
  const out = p.client.updateStatus(after);
  p.changed = true;
  return out;
}

function writeSpec(p: Pass, before: Obj, after: Obj): Obj {
  if (deepEqual(before, after)) return before;
  const out = p.client.update(after);
  p.changed = true;
  return out;
}

function setVolumePhase(p: Pass, v: Obj, phase: string, message?: string): Obj {
  const next = clone(v);
  next.status = { ...(next.status ?? {}), phase };
  if (message) next.status.message = message;
  else delete next.status.message;
  if (v.status?.phase !== phase) delete next.status.lastPhaseTransitionTime;
  return writeStatus(p, v, next);
}

/** bind: the volume points at the claim, the claim at the volume, both Bound. */
function bind(p: Pass, volume: Obj, claim: Obj): void {
  let v = volume;
  if (!isBoundToClaim(v, claim)) {
    const next = clone(v);
    next.spec.claimRef = { kind: "PersistentVolumeClaim", namespace: claim.metadata.namespace, name: claim.metadata.name, uid: claim.metadata.uid, apiVersion: "v1", resourceVersion: claim.metadata.resourceVersion };
    addAnnotation(next, ANN_BOUND_BY_CONTROLLER, "yes");
    v = writeSpec(p, v, next);
  }
  v = setVolumePhase(p, v, "Bound");
  let c = claim;
  const next = clone(c);
  if (next.spec.volumeName !== v.metadata.name) {
    next.spec.volumeName = v.metadata.name;
    addAnnotation(next, ANN_BOUND_BY_CONTROLLER, "yes");
  }
  addAnnotation(next, ANN_BIND_COMPLETED, "yes");
  c = writeSpec(p, c, next);
  const st = clone(c);
  st.status = { ...(st.status ?? {}), phase: "Bound", accessModes: clone(v.spec?.accessModes), capacity: clone(v.spec?.capacity) };
  writeStatus(p, c, st);
}

function setClaimPhase(p: Pass, c: Obj, phase: string): Obj {
  const next = clone(c);
  next.status = { ...(next.status ?? {}), phase };
  if (phase !== "Bound") {
    delete next.status.accessModes;
    delete next.status.capacity;
  }
  return writeStatus(p, c, next);
}

// ---------------------------------------------------------------------------------------------
// syncVolume
// ---------------------------------------------------------------------------------------------

function syncVolume(p: Pass, v: Obj, claims: Map<string, Obj>): void {
  const ref = v.spec?.claimRef;
  if (!ref || !ref.uid) {
    if (v.status?.phase !== "Available") setVolumePhase(p, v, "Available");
    return;
  }
  let claim = claims.get(`${ref.namespace}/${ref.name}`);
  if (claim && claim.metadata.uid !== ref.uid) claim = undefined;
  if (!claim) {
    if (v.status?.phase !== "Released" && v.status?.phase !== "Failed") v = setVolumePhase(p, v, "Released");
    reclaim(p, v);
    return;
  }
  if (!claim.spec?.volumeName) return; // the claim sync binds it
  if (claim.spec.volumeName === v.metadata.name) {
    setVolumePhase(p, v, "Bound");
    return;
  }
  // Bound to a claim that is bound elsewhere.
  if (v.metadata.annotations?.[ANN_PROVISIONED_BY] && v.spec?.persistentVolumeReclaimPolicy === "Delete") {
    if (v.status?.phase !== "Released" && v.status?.phase !== "Failed") v = setVolumePhase(p, v, "Released");
    reclaim(p, v);
    return;
  }
  const next = clone(v);
  if (v.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER]) {
    delete next.spec.claimRef;
    removeAnnotation(next, ANN_BOUND_BY_CONTROLLER);
  } else {
    delete next.spec.claimRef.uid;
  }
  setVolumePhase(p, writeSpec(p, v, next), "Available");
}

/** reclaimVolume for a Released volume. */
function reclaim(p: Pass, v: Obj): void {
  if (v.status?.phase === "Failed") return;
  const policy = v.spec?.persistentVolumeReclaimPolicy ?? "Retain";
  if (policy === "Retain") return;
  if (policy === "Recycle") {
    const next = clone(v);
    delete next.spec.claimRef;
    removeAnnotation(next, ANN_BOUND_BY_CONTROLLER);
    setVolumePhase(p, writeSpec(p, v, next), "Available");
    eventOnce(p.client, v, "Normal", "VolumeRecycled", "Volume recycled", PV_CONTROLLER);
    return;
  }
  // Delete.
  const provisioner = v.metadata.annotations?.[ANN_PROVISIONED_BY];
  if (provisioner) {
    // An external provisioner deletes what it provisioned; we run only the local-path one.
    if (provisioner === LOCAL_PATH && !v.metadata.deletionTimestamp) p.changed = p.client.delete(v) || p.changed;
    return;
  }
  if (v.spec?.csi) return; // the CSI driver's external provisioner would delete it
  let error: string;
  const hostPath = v.spec?.hostPath?.path as string | undefined;
  if (hostPath !== undefined) {
    if (/^\/tmp\/.+/.test(hostPath)) {
      if (!v.metadata.deletionTimestamp) p.changed = p.client.delete(v) || p.changed;
      return;
    }
    error = `host_path deleter only supports /tmp/.+ but received provided ${hostPath}`;
  } else {
    error = `error getting deleter volume plugin for volume "${v.metadata.name}": no deletable volume plugin matched`;
  }
  setVolumePhase(p, v, "Failed", error);
  eventOnce(p.client, v, "Warning", "VolumeFailedDelete", error, PV_CONTROLLER);
}

// ---------------------------------------------------------------------------------------------
// syncClaim
// ---------------------------------------------------------------------------------------------

function isDelayBinding(p: Pass, c: Obj): boolean {
  if (c.metadata.annotations?.[ANN_SELECTED_NODE]) return false;
  const name = claimClass(c);
  if (!name) return false;
  return p.classes.get(name)?.volumeBindingMode === "WaitForFirstConsumer";
}

function syncClaim(p: Pass, c: Obj, volumes: readonly Obj[]): void {
  if (c.metadata.annotations?.[ANN_BIND_COMPLETED]) return syncBoundClaim(p, c);
  const volumeName = c.spec?.volumeName as string | undefined;
  if (!volumeName) {
    const delay = isDelayBinding(p, c);
    const volume = findBestMatch(c, volumes, delay);
    if (volume) return bind(p, volume, c);
    if (delay) {
      p.changed = eventOnce(p.client, c, "Normal", "WaitForFirstConsumer", "waiting for first consumer to be created before binding", PV_CONTROLLER) || p.changed;
      return;
    }
    const className = claimClass(c);
    if (!className) {
      p.changed = eventOnce(p.client, c, "Normal", "FailedBinding", "no persistent volumes available for this claim and no storage class is set", PV_CONTROLLER) || p.changed;
      return;
    }
    provisionClaim(p, c, className);
    return;
  }
  const volume = getPV(p, volumeName);
  if (!volume) return; // requested and not found: retried later
  if (!volume.spec?.claimRef) {
    const why = volumeMismatch(volume, c);
    if (why) {
      p.changed = eventOnce(p.client, c, "Warning", "VolumeMismatch", `Cannot bind to requested volume "${volumeName}": ${why}`, PV_CONTROLLER) || p.changed;
      return;
    }
    return bind(p, volume, c);
  }
  if (isPreboundTo(volume, c)) return bind(p, volume, c);
  // Requested a volume that another claim holds: wait.
}

function syncBoundClaim(p: Pass, c: Obj): void {
  const lost = (reason: string, message: string) => {
    if (c.status?.phase === "Lost") return;
    setClaimPhase(p, c, "Lost");
    p.client.event(c, "Warning", reason, message, PV_CONTROLLER);
  };
  if (!c.spec?.volumeName) return lost("ClaimLost", "Bound claim has lost reference to PersistentVolume. Data on the volume is lost!");
  const v = getPV(p, c.spec.volumeName);
  if (!v) return lost("ClaimLost", "Bound claim has lost its PersistentVolume. Data on the volume is lost!");
  if (!v.spec?.claimRef || v.spec.claimRef.uid === c.metadata.uid) return bind(p, v, c);
  lost("ClaimMisbound", "Two claims are bound to the same volume, this one is bound incorrectly");
}

/** provisionClaim: hand the claim to its class's provisioner (external ones read the annotation). */
function provisionClaim(p: Pass, c: Obj, className: string): void {
  const sc = p.classes.get(className);
  if (!sc) {
    p.changed = eventOnce(p.client, c, "Warning", "ProvisioningFailed", `storageclass.storage.k8s.io "${className}" not found`, PV_CONTROLLER) || p.changed;
    return;
  }
  const provisioner = sc.provisioner as string;
  if (provisioner === NO_PROVISIONER) return;
  if (c.metadata.annotations?.[ANN_STORAGE_PROVISIONER] !== provisioner || c.metadata.annotations?.[ANN_BETA_STORAGE_PROVISIONER] !== provisioner) {
    const next = clone(c);
    addAnnotation(next, ANN_BETA_STORAGE_PROVISIONER, provisioner);
    addAnnotation(next, ANN_STORAGE_PROVISIONER, provisioner);
    c = writeSpec(p, c, next);
  }
  const msg = `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`;
  p.changed = eventOnce(p.client, c, "Normal", "ExternalProvisioning", msg, PV_CONTROLLER) || p.changed;
}

function claimsOfPod(pod: Obj): string[] {
  return ((pod.spec?.volumes ?? []) as Array<{ persistentVolumeClaim?: { claimName?: string } }>).map((v) => v.persistentVolumeClaim?.claimName).filter((n): n is string => !!n);
}

// ---------------------------------------------------------------------------------------------
// The local-path external provisioner
// ---------------------------------------------------------------------------------------------

/** A stable identity for the simulated provisioner pod, as external-provisioner names itself. */
function provisionerIdentity(client: ControllerClient): string {
  const seed = client.get("v1", "Namespace", undefined, "kube-system")?.metadata.uid ?? "";
  const h = md5Hex(`local-path-provisioner/${seed}`);
  const letters = (from: number, n: number) =>
    Array.from({ length: n }, (_, i) => K8S_RAND_ALPHABET[parseInt(h.slice((from + i) * 2, (from + i) * 2 + 2), 16) % K8S_RAND_ALPHABET.length]).join("");
  const uuid = md5Hex(`${h}/id`);
  return `${LOCAL_PATH}_local-path-provisioner-${letters(0, 10)}-${letters(10, 5)}_${uuid.slice(0, 8)}-${uuid.slice(8, 12)}-${uuid.slice(12, 16)}-${uuid.slice(16, 20)}-${uuid.slice(20, 32)}`;
}

function provisionDelayMs(c: Obj): number {
  return PROVISION_MIN_MS + (parseInt(md5Hex(c.metadata.uid ?? "").slice(0, 8), 16) % PROVISION_SPREAD_MS);
}

function runProvisioner(p: Pass, claims: readonly Obj[]): void {
  let identity: string | undefined;
  for (const c of claims) {
    if (c.spec?.volumeName || c.metadata.deletionTimestamp || c.metadata.annotations?.[ANN_STORAGE_PROVISIONER] !== LOCAL_PATH) continue;
    const sc = p.classes.get(claimClass(c));
    if (!sc || sc.provisioner !== LOCAL_PATH) continue;
    const node = c.metadata.annotations?.[ANN_SELECTED_NODE] as string | undefined;
    if (sc.volumeBindingMode === "WaitForFirstConsumer" && !node) continue;
    const pvName = `pvc-${c.metadata.uid}`;
    if (getPV(p, pvName)) continue;
    identity ??= provisionerIdentity(p.client);
    const source: EventSource = { component: identity };
    if (c.spec?.selector) {
      p.changed = eventOnce(p.client, c, "Warning", "ProvisioningFailed", `failed to provision volume with StorageClass "${sc.metadata.name}": claim Selector is not supported`, source) || p.changed;
      continue;
    }
    const started = findEvent(p.client, c, "Provisioning");
    if (!started) {
      p.client.event(c, "Normal", "Provisioning", `External provisioner is provisioning volume for claim "${claimKey(c)}"`, source);
      p.changed = true;
    }
    const startedMs = (started && parseRfc3339(started.firstTimestamp ?? started.eventTime ?? "")) ?? p.client.nowMs;
    const due = startedMs + provisionDelayMs(c);
    if (p.client.nowMs < due) {
      p.wakeAtMs = earliest(p.wakeAtMs, due);
      continue;
    }
    const client = new ControllerClient(p.client.ctx, "local-path-provisioner");
    const nodeLabel = node ? (p.nodes.get(node)?.metadata.labels?.["kubernetes.io/hostname"] ?? node) : undefined;
    const pv: Obj = {
      apiVersion: "v1",
      kind: "PersistentVolume",
      metadata: { name: pvName, annotations: { ...(node ? { [ANN_LOCAL_PATH_NODE]: node } : {}), [ANN_PROVISIONED_BY]: LOCAL_PATH } },
      spec: {
        accessModes: clone(c.spec?.accessModes ?? []),
        capacity: { storage: requestedStorage(c) ?? "0" },
        claimRef: { apiVersion: "v1", kind: "PersistentVolumeClaim", name: c.metadata.name, namespace: c.metadata.namespace, resourceVersion: c.metadata.resourceVersion, uid: c.metadata.uid },
        hostPath: { path: `/var/local-path-provisioner/${pvName}_${c.metadata.namespace}_${c.metadata.name}`, type: "DirectoryOrCreate" },
        persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? "Delete",
        storageClassName: sc.metadata.name,
        volumeMode: c.spec?.volumeMode ?? "Filesystem",
      },
    };
    if (nodeLabel) pv.spec.nodeAffinity = { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: [nodeLabel] }] }] } };
    if (sc.mountOptions?.length) pv.spec.mountOptions = clone(sc.mountOptions);
    try {
      client.create(pv);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      p.changed = eventOnce(p.client, c, "Warning", "ProvisioningFailed", `failed to provision volume with StorageClass "${sc.metadata.name}": ${e.message}`, source) || p.changed;
      continue;
    }
    p.client.event(c, "Normal", "ProvisioningSucceeded", `Successfully provisioned volume ${pvName}`, source);
    p.changed = true;
  }
}

// ---------------------------------------------------------------------------------------------
// pvc-protection and pv-protection
// ---------------------------------------------------------------------------------------------

function removeFinalizer(p: Pass, o: Obj, finalizer: string): void {
  const next = clone(o);
  next.metadata.finalizers = (next.metadata.finalizers ?? []).filter((f: string) => f !== finalizer);
  if (!next.metadata.finalizers.length) delete next.metadata.finalizers;
  p.client.update(next);
  p.changed = true;
}

function protect(p: Pass, claims: readonly Obj[], volumes: readonly Obj[], pods: readonly Obj[]): void {
  const inUse = new Set<string>();
  for (const pod of pods) {
    if (!pod.spec?.nodeName || isTerminal(pod)) continue;
    for (const name of claimsOfPod(pod)) inUse.add(`${pod.metadata.namespace}/${name}`);
  }
  for (const c of claims) {
    if (c.metadata.deletionTimestamp && (c.metadata.finalizers ?? []).includes(PVC_PROTECTION) && !inUse.has(claimKey(c))) {
      const current = getPVC(p, c.metadata.namespace ?? "", c.metadata.name!);
      if (current) removeFinalizer(p, current, PVC_PROTECTION);
    }
  }
  for (const v of volumes) {
    if (!v.metadata.deletionTimestamp || !(v.metadata.finalizers ?? []).includes(PV_PROTECTION)) continue;
    const current = getPV(p, v.metadata.name!);
    if (current && current.status?.phase !== "Bound") removeFinalizer(p, current, PV_PROTECTION);
  }
}

export const persistentVolumeController: Controller = {
  name: "persistentvolume-controller",
  reconcile(ctx): ReconcileResult {
    const client = new ControllerClient(ctx, KCM);
    const claimsList = client.list("v1", "PersistentVolumeClaim");
    const volumesList = client.list("v1", "PersistentVolume");
    if (!claimsList.length && !volumesList.length) return { changed: false };
    const pods = client.list("v1", "Pod");
    const p: Pass = {
      client,
      classes: new Map(client.list("storage.k8s.io/v1", "StorageClass").map((s) => [s.metadata.name!, s])),
      nodes: new Map(client.list("v1", "Node").map((n) => [n.metadata.name!, n])),
      changed: false,
    };
    const guarded = (f: () => void) => {
      try {
        f();
      } catch (e) {
        // A write lost to a concurrent change (409) or refused (422) is retried on the next pass.
        if (!(e instanceof ApiError)) throw e;
      }
    };
    const claims = new Map(claimsList.map((c) => [claimKey(c), c]));
    for (const v of volumesList) guarded(() => syncVolume(p, getPV(p, v.metadata.name!) ?? v, claims));
    for (const c of claimsList) {
      guarded(() => {
        const current = getPVC(p, c.metadata.namespace ?? "", c.metadata.name!);
        if (current) syncClaim(p, current, client.list("v1", "PersistentVolume"));
      });
    }
    guarded(() => runProvisioner(p, client.list("v1", "PersistentVolumeClaim")));
    guarded(() => protect(p, client.list("v1", "PersistentVolumeClaim"), client.list("v1", "PersistentVolume"), pods));
    return { changed: p.changed, wakeAtMs: p.wakeAtMs };
  },
};
