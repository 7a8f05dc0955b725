// The ReplicaSet and ReplicationController controllers (pkg/controller/replicaset, which serves both):
// claim the pods the selector matches (adopting orphans, releasing pods that stopped matching),
// create pods from the template or delete the least valuable ones until the active count matches
// spec.replicas (at most 500 per sync, creations in slow-start batches 1, 2, 4, ...), and report
// replicas / fullyLabeledReplicas / readyReplicas / availableReplicas / observedGeneration and the
// ReplicaFailure condition when creating pods is refused (quota, admission).
import type { KubeObject } from "../kinds/types";
import type { Controller, ControllerContext, ReconcileResult } from "./types";
import { earliest } from "./types";
import { ControllerClient } from "./client";
import { claimObjects } from "./controller-ref";
import {
  controllerRefOf,
  isPodActive,
  isPodAvailable,
  isPodReady,
  podAvailableAtMs,
  podFromTemplate,
  sortPodsForDeletion,
  cloneForWrite,
} from "./controller-utils";
import { matches, selectorFromLabelSelector, selectorFromSet, type LabelSelectorRequirementSet } from "../machinery/labels";
import { clone, deepEqual } from "../machinery/json";
import { parseRfc3339, rfc3339 } from "../machinery/time";
import { ApiError } from "../machinery/status";

/** controller.BurstReplicas: the most pods one sync creates or deletes. */
export const BURST_REPLICAS = 500;
/** After a refused creation, retries wait at least this long, doubling with time since the first refusal. */
const MIN_RETRY_MS = 1000;
/** The workqueue rate limiter's ceiling (1000 s). */
const MAX_RETRY_MS = 1000 * 1000;

interface ReplicaKind {
  name: string;
  apiVersion: string;
  kind: string;
  resource: string;
  /** Event source (the controller's name in kube-controller-manager). */
  component: string;
  selector(obj: KubeObject): LabelSelectorRequirementSet | undefined;
}

const MANAGER = "kube-controller-manager";

/** Active pods indexed once per pass: by controller uid, and orphans by namespace. */
interface PodIndex {
  byOwner: Map<string, KubeObject[]>;
  orphans: Map<string, KubeObject[]>;
}

function indexPods(pods: readonly KubeObject[]): PodIndex {
  const byOwner = new Map<string, KubeObject[]>();
  const orphans = new Map<string, KubeObject[]>();
  for (const p of pods) {
    if (!isPodActive(p)) continue;
    const ref = controllerRefOf(p);
    const key = ref ? ref.uid : p.metadata.namespace ?? "";
    const map = ref ? byOwner : orphans;
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    list.push(p);
  }
  return { byOwner, orphans };
}

function removeFrom(map: Map<string, KubeObject[]>, key: string, obj: KubeObject) {
  const list = map.get(key);
  if (!list) return;
  const i = list.findIndex((o) => o.metadata.uid === obj.metadata.uid);
  if (i >= 0) list.splice(i, 1);
}

/** ReplicaSet status as the controller computes it (calculateStatus), zero counts omitted like Go's omitempty. */
export function replicaStatus(
  obj: KubeObject,
  pods: readonly KubeObject[],
  nowMs: number,
  failure: { reason: string; message: string } | undefined | null,
): Record<string, any> {
  const spec = obj.spec ?? {};
  const templateLabels: Record<string, string> = spec.template?.metadata?.labels ?? {};
  const tKeys = Object.keys(templateLabels);
  const minReady = spec.minReadySeconds ?? 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const p of pods) {
    const labels = p.metadata.labels ?? {};
    if (tKeys.every((k) => labels[k] === templateLabels[k])) fullyLabeled++;
    if (isPodReady(p)) {
      ready++;
      if (isPodAvailable(p, minReady, nowMs)) available++;
    }
  }
  const old = obj.status ?? {};
  const status: Record<string, any> = { ...old };
  let conditions: Array<Record<string, any>> = [...(old.conditions ?? [])];
  const existing = conditions.find((c) => c.type === "ReplicaFailure");
  // failure: undefined = no error this sync (condition cleared); null = unknown (keep what is there).
  if (failure && !existing) {
    conditions.push({ lastTransitionTime: rfc3339(nowMs), message: failure.message, reason: failure.reason, status: "True", type: "ReplicaFailure" });
  } else if (failure === undefined && existing) {
    conditions = conditions.filter((c) => c.type !== "ReplicaFailure");
  }
  if (conditions.length) status.conditions = conditions;
  else delete status.conditions;
  status.replicas = pods.length;
  const setOrDrop = (k: string, v: number) => {
    if (v) status[k] = v;
    else delete status[k];
  };
  setOrDrop("fullyLabeledReplicas", fullyLabeled);
  setOrDrop("readyReplicas", ready);
  setOrDrop("availableReplicas", available);
  setOrDrop("observedGeneration", obj.metadata.generation ?? 0);
  return status;
}

function makeReplicaController(k: ReplicaKind): Controller {
  return {
    name: k.name,
    reconcile(ctx: ControllerContext): ReconcileResult {
      const owners = ctx.state.store.list(k.resource);
      if (!owners.length) return { changed: false };
      const client = new ControllerClient(ctx, MANAGER);
      const pods = indexPods(ctx.state.store.list("pods"));
      const run = new ReplicaSync(k, client, pods, owners);
      for (const owner of owners) {
        try {
          run.sync(owner);
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          // A write refused by the API (a user's object changed under us): the next pass retries.
        }
      }
      return { changed: run.changed, wakeAtMs: run.wakeAtMs };
    },
  };
}

class ReplicaSync {
  changed = false;
  wakeAtMs: number | undefined;
  private failedCreateIndex = new Map<string, Map<string, number>>();
  private byControllerUid?: Map<string, KubeObject[]>;

  constructor(
    private readonly k: ReplicaKind,
    private readonly client: ControllerClient,
    private readonly pods: PodIndex,
    private readonly owners: readonly KubeObject[],
  ) {}

  private get nowMs() {
    return this.client.nowMs;
  }

  /** Events are best effort, as client-go's recorder: one that cannot be written (a full sandbox) is dropped. */
  private event(obj: KubeObject, type: "Normal" | "Warning", reason: string, message: string) {
    try {
      this.client.event(obj, type, reason, message, { component: this.k.component });
      this.changed = true;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }

  sync(owner: KubeObject): void {
    const selector = this.k.selector(owner);
    if (!selector) return;
    const uid = owner.metadata.uid!;
    const ns = owner.metadata.namespace ?? "";
    const candidates = [...(this.pods.byOwner.get(uid) ?? []), ...(this.pods.orphans.get(ns) ?? [])];
    const { claimed, changed } = claimObjects(
      this.client,
      owner,
      candidates,
      (p) => matches(selector, p.metadata.labels ?? {}),
      (before, after) => {
        const wasOrphan = !controllerRefOf(before);
        if (wasOrphan) {
          removeFrom(this.pods.orphans, ns, before);
          this.push(this.pods.byOwner, uid, after);
        } else {
          removeFrom(this.pods.byOwner, uid, before);
          if (!controllerRefOf(after)) this.push(this.pods.orphans, ns, after);
        }
      },
    );
    if (changed) this.changed = true;
    let active = claimed;
    let failure: { reason: string; message: string } | undefined | null;
    if (!owner.metadata.deletionTimestamp) ({ active, failure } = this.manageReplicas(owner, claimed));
    else failure = null;
    this.updateStatus(owner, active, failure);
    // Pods that are ready but not yet available need another look once minReadySeconds pass.
    const minReady = owner.spec?.minReadySeconds ?? 0;
    if (minReady > 0) {
      for (const p of active) {
        if (isPodReady(p) && !isPodAvailable(p, minReady, this.nowMs)) this.wakeAtMs = earliest(this.wakeAtMs, podAvailableAtMs(p, minReady));
      }
    }
  }

  private push(map: Map<string, KubeObject[]>, key: string, obj: KubeObject) {
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    list.push(obj);
  }

  /**
   * manageReplicas. Returns the active pods afterwards and the error to report: undefined when the
   * sync had no error, null while waiting out a retry after a refused creation (status unchanged).
   */
  private manageReplicas(owner: KubeObject, pods: KubeObject[]): { active: KubeObject[]; failure: { reason: string; message: string } | undefined | null } {
    const want = owner.spec?.replicas ?? 1;
    const diff = pods.length - want;
    if (diff < 0) {
      const retryAt = this.retryAt(owner);
      if (retryAt !== undefined && retryAt > this.nowMs) {
        this.wakeAtMs = earliest(this.wakeAtMs, retryAt);
        return { active: pods, failure: null };
      }
      const active = [...pods];
      let remaining = Math.min(-diff, BURST_REPLICAS);
      let batch = 1;
      let firstError: ApiError | undefined;
      while (remaining > 0 && !firstError) {
        const size = Math.min(batch, remaining);
        for (let i = 0; i < size; i++) {
          try {
            // podFromTemplate builds a new pod (its spec a copy of the template's): handed over, not copied again.
            const pod = this.client.create(podFromTemplate(owner.spec?.template, owner), { handover: true });
            active.push(pod);
            this.push(this.pods.byOwner, owner.metadata.uid!, pod);
            this.event(owner, "Normal", "SuccessfulCreate", `Created pod: ${pod.metadata.name}`);
          } catch (e) {
            if (!(e instanceof ApiError)) throw e;
            if (isNamespaceTerminating(e)) return { active, failure: undefined };
            firstError ??= e;
            this.event(owner, "Warning", "FailedCreate", `Error creating: ${e.message}`);
          }
        }
        remaining -= size;
        batch *= 2;
      }
      if (firstError) {
        this.wakeAtMs = earliest(this.wakeAtMs, this.nowMs + this.retryInterval(owner, this.nowMs));
        return { active, failure: { reason: "FailedCreate", message: firstError.message } };
      }
      return { active, failure: undefined };
    }
    if (diff > 0) {
      const n = Math.min(diff, BURST_REPLICAS);
      const toDelete = n < pods.length ? sortPodsForDeletion(pods, this.ranks(owner, pods), this.nowMs).slice(0, n) : [...pods];
      const gone = new Set<KubeObject>();
      let firstError: ApiError | undefined;
      for (const p of toDelete) {
        try {
          this.client.delete(p);
          gone.add(p);
          this.event(owner, "Normal", "SuccessfulDelete", `Deleted pod: ${p.metadata.name}`);
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          firstError ??= e;
          this.event(owner, "Warning", "FailedDelete", `Error deleting: ${e.message}`);
        }
      }
      for (const p of gone) removeFrom(this.pods.byOwner, owner.metadata.uid!, p);
      const active = pods.filter((p) => !gone.has(p));
      return { active, failure: firstError ? { reason: "FailedDelete", message: firstError.message } : undefined };
    }
    return { active: pods, failure: undefined };
  }

  /** getPodsRankedByRelatedPodsOnSameNode: active pods of sibling ReplicaSets (same controller) per node. */
  private ranks(owner: KubeObject, pods: KubeObject[]): Map<KubeObject, number> {
    const ranks = new Map<KubeObject, number>();
    const ref = controllerRefOf(owner);
    if (!ref) return ranks;
    if (!this.byControllerUid) {
      this.byControllerUid = new Map();
      for (const o of this.owners) {
        const r = controllerRefOf(o);
        if (r) this.push(this.byControllerUid, r.uid, o);
      }
    }
    const onNode = new Map<string, number>();
    for (const sibling of this.byControllerUid.get(ref.uid) ?? []) {
      for (const p of this.pods.byOwner.get(sibling.metadata.uid!) ?? []) {
        const node = p.spec?.nodeName ?? "";
        onNode.set(node, (onNode.get(node) ?? 0) + 1);
      }
    }
    for (const p of pods) ranks.set(p, onNode.get(p.spec?.nodeName ?? "") ?? 0);
    return ranks;
  }

  /** When a creation refused earlier may be retried; undefined when nothing was refused. */
  private retryAt(owner: KubeObject): number | undefined {
    const cond = (owner.status?.conditions as Array<Record<string, any>> | undefined)?.find((c) => c.type === "ReplicaFailure" && c.reason === "FailedCreate");
    if (!cond) return undefined;
    const last = this.lastFailedCreateMs(owner);
    if (last === undefined) return undefined;
    return last + this.retryInterval(owner, last);
  }

  /** Exponential backoff without memory: the wait doubles with the time since creation was first refused. */
  private retryInterval(owner: KubeObject, lastAttemptMs: number): number {
    const cond = (owner.status?.conditions as Array<Record<string, any>> | undefined)?.find((c) => c.type === "ReplicaFailure");
    const first = cond ? parseRfc3339(cond.lastTransitionTime ?? "") ?? lastAttemptMs : lastAttemptMs;
    return Math.min(MAX_RETRY_MS, Math.max(MIN_RETRY_MS, lastAttemptMs - first));
  }

  /** The last FailedCreate event recorded for this object (the last refused attempt). */
  private lastFailedCreateMs(owner: KubeObject): number | undefined {
    const ns = owner.metadata.namespace || "default";
    let idx = this.failedCreateIndex.get(ns);
    if (!idx) {
      idx = new Map();
      for (const e of this.client.list("v1", "Event", ns)) {
        if (e.reason !== "FailedCreate" || e.source?.component !== this.k.component) continue;
        const uid = e.involvedObject?.uid as string | undefined;
        const t = parseRfc3339(e.lastTimestamp ?? e.firstTimestamp ?? "");
        if (!uid || t === undefined) continue;
        idx.set(uid, Math.max(idx.get(uid) ?? t, t));
      }
      this.failedCreateIndex.set(ns, idx);
    }
    return idx.get(owner.metadata.uid!);
  }

  private updateStatus(owner: KubeObject, pods: KubeObject[], failure: { reason: string; message: string } | undefined | null) {
    const current = this.client.get(owner.apiVersion, owner.kind, owner.metadata.namespace, owner.metadata.name!);
    if (!current || current.metadata.uid !== owner.metadata.uid) return;
    const status = replicaStatus(current, pods, this.nowMs, failure);
    if (deepEqual(status, current.status ?? {})) return;
    const next = cloneForWrite(current);
    next.status = status;
    const written = this.client.updateStatus(next);
    if (written.metadata.resourceVersion !== current.metadata.resourceVersion) this.changed = true;
  }
}

function isNamespaceTerminating(e: ApiError): boolean {
  return e.code === 403 && e.message.includes("because it is being terminated");
}

function labelSelectorOf(obj: KubeObject): LabelSelectorRequirementSet | undefined {
  try {
    return selectorFromLabelSelector(obj.spec?.selector);
  } catch {
    return undefined;
  }
}

export const replicaSetController: Controller = makeReplicaController({
  name: "replicaset-controller",
  apiVersion: "apps/v1",
  kind: "ReplicaSet",
  resource: "replicasets.apps",
  component: "replicaset-controller",
  selector: labelSelectorOf,
});

export const replicationControllerController: Controller = makeReplicaController({
  name: "replication-controller",
  apiVersion: "v1",
  kind: "ReplicationController",
  resource: "replicationcontrollers",
  component: "replication-controller",
  selector: (rc) => selectorFromSet(rc.spec?.selector ?? {}),
});
