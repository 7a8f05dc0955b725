// Describers of the pod controllers: Deployment (with its old and new ReplicaSets), ReplicaSet and
// ReplicationController ("Pods Status" counted over the pods they control), StatefulSet and
// DaemonSet (describe.go).
import { corePath, getJson, groupPath, listAll, type DescribeContext, type Describer } from "./context";
import { describeEvents, eventsFor, refOf } from "./events";
import { controllerOf, controllerRef, formatLabelSelector, intOrString, printAnnotationsMultiline, printLabelsMultiline, printLabelsMultilineWithIndent, quantity, rfc1123z, selectorString, timeMs, type Obj } from "./format";
import { formatLabels, selectorFromSet, selectorToString } from "../../machinery/labels";
import { describePodTemplate } from "./pod";
import { pvcClass } from "./storage";
import { goSort } from "../../machinery/gosort";
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from "./writer";

export interface PodCounts {
  running: number;
  waiting: number;
  succeeded: number;
  failed: number;
}

/** getPodStatusForController: phases of the selected pods whose controller is `uid`. */
export async function podStatusForController(ctx: DescribeContext, ns: string, selector: string, uid: string): Promise<PodCounts> {
  const pods = await listAll(ctx, corePath("pods", ns), { labelSelector: selector });
  return countPods(pods, uid);
}

export function countPods(pods: Obj[], uid: string): PodCounts {
  const counts: PodCounts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  for (const pod of pods) {
    if (controllerRef(pod)?.uid !== uid) continue;
    switch (pod.status?.phase) {
      case "Running":
        counts.running++;
        break;
      case "Pending":
        counts.waiting++;
        break;
      case "Succeeded":
        counts.succeeded++;
        break;
      case "Failed":
        counts.failed++;
        break;
    }
  }
  return counts;
}

function podsStatus(c: PodCounts): string {
  return `${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed`;
}

function writeConditions(w: PrefixWriter, conditions: Obj[] | undefined): void {
  if (!conditions?.length) return;
  w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tReason\n");
  w.write(LEVEL_1, "----\t------\t------\n");
  for (const c of conditions) w.write(LEVEL_1, `${c.type ?? ""} \t${c.status ?? ""}\t${c.reason ?? ""}\n`);
}

// ---------------------------------------------------------------- Deployment

export const describeDeployment: Describer = async (ctx, ns, name) => {
  const d = await getJson(ctx, groupPath("apps/v1", "deployments", ns, name));
  const events = await eventsFor(ctx, refOf(d, "Deployment"));
  let oldRSs: Obj[] = [];
  let newRSs: Obj[] = [];
  try {
    const selector = selectorString(d.spec?.selector);
    const all = await listAll(ctx, groupPath("apps/v1", "replicasets", ns), { labelSelector: selector });
    ({ oldRSs, newRSs } = replicaSetsOf(d, all));
  } catch {
    // kubectl describes the Deployment without its ReplicaSets when they cannot be listed.
  }
  return renderDeployment(d, oldRSs, newRSs, events, ctx.nowMs);
};

/** deploymentutil.GetAllReplicaSets: the new ReplicaSet (template equal but for the hash label) and every other owned one. */
export function replicaSetsOf(d: Obj, all: Obj[]): { oldRSs: Obj[]; newRSs: Obj[] } {
  const owned = all.filter((rs) => controllerRef(rs)?.uid === d.metadata?.uid);
  const byAge = goSort([...owned], (a, b) => {
    const ta = timeMs(a.metadata?.creationTimestamp);
    const tb = timeMs(b.metadata?.creationTimestamp);
    return ta === tb ? (a.metadata?.name ?? "") < (b.metadata?.name ?? "") : ta < tb;
  });
  const newRS = byAge.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
  const oldRSs = byAge.filter((rs) => rs !== newRS);
  return { oldRSs, newRSs: newRS ? [newRS] : [] };
}

/** equalIgnoreHash: pod templates equal (semantically: empty and absent alike) once pod-template-hash is dropped. */
function equalIgnoreHash(a: Obj | undefined, b: Obj | undefined): boolean {
  const strip = (t: Obj | undefined) => {
    const copy = JSON.parse(JSON.stringify(t ?? {}));
    if (copy.metadata?.labels) delete copy.metadata.labels["pod-template-hash"];
    return normalize(copy);
  };
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}

/** Semantic.DeepEqual over JSON (the server keeps quantities canonical): empty maps and lists equal absent ones. */
function normalize(v: unknown, key = ""): unknown {
  if (Array.isArray(v)) return v.length ? v.map((x) => normalize(x)) : undefined;
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const n = normalize((v as Record<string, unknown>)[k], k);
      if (n !== undefined) out[k] = n;
    }
    return Object.keys(out).length || key === "" ? out : undefined;
  }
  return v;
}

function replicaSetsByLabels(rss: Obj[]): string {
  const list = rss.map((rs) => `${rs.metadata?.name ?? ""} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(", ");
  return list === "" ? "<none>" : list;
}

export function renderDeployment(d: Obj, oldRSs: Obj[], newRSs: Obj[], events: Obj[] | undefined, nowMs: number): string {
  const selector = selectorString(d.spec?.selector);
  return tabbedString((w) => {
    const spec = d.spec ?? {};
    const status = d.status ?? {};
    w.write(LEVEL_0, `Name:\t${d.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${d.metadata?.namespace ?? ""}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata?.creationTimestamp)}\n`);
    printLabelsMultiline(w, "Labels", d.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", d.metadata?.annotations);
    w.write(LEVEL_0, `Selector:\t${selector}\n`);
    w.write(
      LEVEL_0,
      `Replicas:\t${spec.replicas ?? 0} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`,
    );
    w.write(LEVEL_0, `StrategyType:\t${spec.strategy?.type ?? ""}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
    const ru = spec.strategy?.rollingUpdate;
    if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${intOrStringPtr(ru.maxUnavailable)} max unavailable, ${intOrStringPtr(ru.maxSurge)} max surge\n`);
    describePodTemplate(spec.template, w);
    writeConditions(w, status.conditions);
    if (oldRSs.length > 0 || newRSs.length > 0) {
      w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetsByLabels(oldRSs)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetsByLabels(newRSs)}\n`);
    }
    if (events) describeEvents(events, w, nowMs);
  });
}

/** (*IntOrString).String(): "<nil>" for a nil pointer. */
function intOrStringPtr(v: unknown): string {
  return v === undefined || v === null ? "<nil>" : intOrString(v);
}

// ---------------------------------------------------------------- ReplicaSet and ReplicationController

export const describeReplicaSet: Describer = async (ctx, ns, name) => {
  const rs = await getJson(ctx, groupPath("apps/v1", "replicasets", ns, name));
  const selector = selectorString(rs.spec?.selector);
  let counts: PodCounts | undefined;
  let podErr: string | undefined;
  try {
    counts = await podStatusForController(ctx, ns, selector, rs.metadata?.uid ?? "");
  } catch (e) {
    podErr = e instanceof Error ? e.message : String(e);
  }
  const events = await eventsFor(ctx, refOf(rs, "ReplicaSet"));
  return renderReplicaSet(rs, events, counts, podErr, ctx.nowMs);
};

export function renderReplicaSet(rs: Obj, events: Obj[] | undefined, counts: PodCounts | undefined, podErr: string | undefined, nowMs: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rs.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${rs.metadata?.namespace ?? ""}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
    printLabelsMultiline(w, "Labels", rs.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", rs.metadata?.annotations);
    const controlledBy = controllerOf(rs);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`);
    w.write(LEVEL_0, "Pods Status:\t");
    if (podErr !== undefined || !counts) w.write(LEVEL_0, `error in fetching pods: ${podErr ?? ""}\n`);
    else w.write(LEVEL_0, `${podsStatus(counts)}\n`);
    describePodTemplate(rs.spec?.template, w);
    writeConditions(w, rs.status?.conditions);
    if (events) describeEvents(events, w, nowMs);
  });
}

export const describeReplicationController: Describer = async (ctx, ns, name) => {
  const rc = await getJson(ctx, corePath("replicationcontrollers", ns, name));
  const counts = await podStatusForController(ctx, ns, selectorToString(selectorFromSet(rc.spec?.selector)), rc.metadata?.uid ?? "");
  const events = await eventsFor(ctx, refOf(rc, "ReplicationController"));
  return renderReplicationController(rc, events, counts, ctx.nowMs);
};

export function renderReplicationController(rc: Obj, events: Obj[] | undefined, counts: PodCounts, nowMs: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rc.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${rc.metadata?.namespace ?? ""}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabels(rc.spec?.selector)}\n`);
    printLabelsMultiline(w, "Labels", rc.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", rc.metadata?.annotations);
    w.write(LEVEL_0, `Replicas:\t${rc.status?.replicas ?? 0} current / ${rc.spec?.replicas ?? 0} desired\n`);
    w.write(LEVEL_0, `Pods Status:\t${podsStatus(counts)}\n`);
    describePodTemplate(rc.spec?.template, w);
    writeConditions(w, rc.status?.conditions);
    if (events) describeEvents(events, w, nowMs);
  });
}

// ---------------------------------------------------------------- StatefulSet

export const describeStatefulSet: Describer = async (ctx, ns, name) => {
  const ss = await getJson(ctx, groupPath("apps/v1", "statefulsets", ns, name));
  const selector = selectorString(ss.spec?.selector);
  const counts = await podStatusForController(ctx, ns, selector, ss.metadata?.uid ?? "");
  const events = await eventsFor(ctx, refOf(ss, "StatefulSet"));
  return renderStatefulSet(ss, events, counts, ctx.nowMs);
};

export function renderStatefulSet(ss: Obj, events: Obj[] | undefined, counts: PodCounts, nowMs: number): string {
  return tabbedString((w) => {
    const spec = ss.spec ?? {};
    w.write(LEVEL_0, `Name:\t${ss.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${ss.metadata?.namespace ?? ""}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(ss.metadata?.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector)}\n`);
    printLabelsMultiline(w, "Labels", ss.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", ss.metadata?.annotations);
    w.write(LEVEL_0, `Replicas:\t${spec.replicas ?? 0} desired | ${ss.status?.replicas ?? 0} total\n`);
    w.write(LEVEL_0, `Update Strategy:\t${spec.updateStrategy?.type ?? ""}\n`);
    const ru = spec.updateStrategy?.rollingUpdate;
    if (ru && ru.partition !== undefined && ru.partition !== null) {
      w.write(LEVEL_1, `Partition:\t${ru.partition}\n`);
      if (ru.maxUnavailable !== undefined && ru.maxUnavailable !== null) w.write(LEVEL_1, `MaxUnavailable:\t${intOrString(ru.maxUnavailable)}\n`);
    }
    w.write(LEVEL_0, `Pods Status:\t${podsStatus(counts)}\n`);
    describePodTemplate(spec.template, w);
    describeVolumeClaimTemplates(spec.volumeClaimTemplates, w);
    if (events) describeEvents(events, w, nowMs);
  });
}

function describeVolumeClaimTemplates(templates: Obj[] | undefined, w: PrefixWriter): void {
  if (!templates?.length) {
    w.write(LEVEL_0, "Volume Claims:\t<none>\n");
    return;
  }
  w.write(LEVEL_0, "Volume Claims:\n");
  for (const pvc of templates) {
    w.write(LEVEL_1, `Name:\t${pvc.metadata?.name ?? ""}\n`);
    w.write(LEVEL_1, `StorageClass:\t${pvcClass(pvc)}\n`);
    printLabelsMultilineWithIndent(w, "  ", "Labels", "\t", pvc.metadata?.labels);
    printLabelsMultilineWithIndent(w, "  ", "Annotations", "\t", pvc.metadata?.annotations);
    const storage = pvc.spec?.resources?.requests?.storage;
    w.write(LEVEL_1, `Capacity:\t${storage !== undefined ? quantity(storage) : "<default>"}\n`);
    w.write(LEVEL_1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(" ")}]\n`);
  }
}

// ---------------------------------------------------------------- DaemonSet

export const describeDaemonSet: Describer = async (ctx, ns, name) => {
  const ds = await getJson(ctx, groupPath("apps/v1", "daemonsets", ns, name));
  const selector = selectorString(ds.spec?.selector);
  const counts = await podStatusForController(ctx, ns, selector, ds.metadata?.uid ?? "");
  const events = await eventsFor(ctx, refOf(ds, "DaemonSet"));
  return renderDaemonSet(ds, events, counts, ctx.nowMs);
};

export function renderDaemonSet(ds: Obj, events: Obj[] | undefined, counts: PodCounts, nowMs: number): string {
  return tabbedString((w) => {
    const status = ds.status ?? {};
    w.write(LEVEL_0, `Name:\t${ds.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorString(ds.spec?.selector)}\n`);
    w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`);
    printLabelsMultiline(w, "Labels", ds.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", ds.metadata?.annotations);
    w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${status.desiredNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${status.currentNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${status.updatedNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${status.numberAvailable ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Misscheduled: ${status.numberMisscheduled ?? 0}\n`);
    w.write(LEVEL_0, `Pods Status:\t${podsStatus(counts)}\n`);
    describePodTemplate(ds.spec?.template, w);
    if (events) describeEvents(events, w, nowMs);
  });
}
