// ResourceQuota usage and admission (pkg/quota/v1/evaluator/core, plugin/pkg/admission/resourcequota).
// What an object counts against a quota — a pod its requests and limits, a claim its storage, a
// service its node ports, anything `count/<resource>` — which quotas an object falls under (scopes),
// and the admission check that refuses a create with 403 "exceeded quota: …" or "failed quota: …".
// Pure: imported by the API server's write path and by the quota controller.
import type { KindDef, KubeObject } from "../kinds/types";
import { storageOf, type ClusterState } from "../apiserver/context";
import { forbidden } from "../machinery/status";
import { Quantity, newQuantity, tryParseQuantity } from "../machinery/quantity";
import { parseRfc3339 } from "../machinery/time";

type Usage = Map<string, Quantity>;

const zero = () => newQuantity(0);
const one = () => newQuantity(1);

function add(u: Usage, key: string, q: Quantity) {
  const prev = u.get(key);
  u.set(key, prev ? prev.add(q) : q);
}

const LEGACY_COUNTS: Record<string, string> = {
  pods: "pods",
  services: "services",
  persistentvolumeclaims: "persistentvolumeclaims",
  configmaps: "configmaps",
  secrets: "secrets",
  replicationcontrollers: "replicationcontrollers",
  resourcequotas: "resourcequotas",
};

const COMPUTE = new Set(["cpu", "memory", "ephemeral-storage"]);
const isExtended = (name: string) => name.includes("/") && !name.startsWith("kubernetes.io/") && !name.startsWith("requests.");
const isHugePages = (name: string) => name.startsWith("hugepages-");

/** count/<plural> for core resources, count/<plural>.<group> otherwise. */
export function countKey(def: Pick<KindDef, "group" | "plural">): string {
  return def.group ? `count/${def.plural}.${def.group}` : `count/${def.plural}`;
}

type ResList = Record<string, string>;
interface Container {
  name?: string;
  restartPolicy?: string;
  resources?: { requests?: ResList; limits?: ResList };
}

function q(v: unknown): Quantity | undefined {
  return typeof v === "string" || typeof v === "number" ? tryParseQuantity(String(v)) : undefined;
}

function addList(into: Map<string, Quantity>, list: ResList | undefined) {
  for (const [k, v] of Object.entries(list ?? {})) {
    const x = q(v);
    if (x) into.set(k, into.has(k) ? into.get(k)!.add(x) : x);
  }
}

function maxList(into: Map<string, Quantity>, list: Map<string, Quantity>) {
  for (const [k, v] of list) if (!into.has(k) || into.get(k)!.cmp(v) < 0) into.set(k, v);
}

/** resourcehelper.PodRequests / PodLimits: containers and sidecars summed, init containers as a floor, plus overhead. */
function podResources(pod: KubeObject, which: "requests" | "limits"): Map<string, Quantity> {
  const total = new Map<string, Quantity>();
  for (const c of (pod.spec?.containers ?? []) as Container[]) addList(total, c.resources?.[which]);
  const sidecars = new Map<string, Quantity>();
  const initMax = new Map<string, Quantity>();
  for (const c of (pod.spec?.initContainers ?? []) as Container[]) {
    if (c.restartPolicy === "Always") {
      addList(total, c.resources?.[which]);
      addList(sidecars, c.resources?.[which]);
    } else {
      const tmp = new Map(sidecars);
      addList(tmp, c.resources?.[which]);
      maxList(initMax, tmp);
    }
  }
  maxList(total, initMax);
  addList(total, pod.spec?.overhead);
  return total;
}

const isTerminalPod = (pod: KubeObject) => pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";

/** QuotaV1Pod: whether a pod still counts (not finished, not past its deletion grace). */
function podCounts(pod: KubeObject, nowMs?: number): boolean {
  if (isTerminalPod(pod)) return false;
  const del = pod.metadata.deletionTimestamp;
  if (del && nowMs !== undefined && pod.metadata.deletionGracePeriodSeconds !== undefined) {
    const at = parseRfc3339(del);
    if (at !== undefined && nowMs > at + pod.metadata.deletionGracePeriodSeconds * 1000) return false;
  }
  return true;
}

function podUsage(pod: KubeObject, nowMs?: number): Usage {
  const u: Usage = new Map();
  if (!podCounts(pod, nowMs)) return u;
  u.set("pods", one());
  u.set("count/pods", one());
  const requests = podResources(pod, "requests");
  const limits = podResources(pod, "limits");
  for (const [k, v] of requests) {
    if (COMPUTE.has(k)) {
      u.set(k, v);
      u.set(`requests.${k}`, v);
    } else if (isHugePages(k)) u.set(`requests.${k}`, v);
    else if (isExtended(k)) u.set(`requests.${k}`, v);
  }
  for (const [k, v] of limits) if (COMPUTE.has(k)) u.set(`limits.${k}`, v);
  return u;
}

function serviceUsage(svc: KubeObject): Usage {
  const u: Usage = new Map([
    ["services", one()],
    ["count/services", one()],
  ]);
  const type = svc.spec?.type ?? "ClusterIP";
  if (type === "NodePort" || type === "LoadBalancer") {
    const ports = ((svc.spec?.ports ?? []) as Array<{ nodePort?: number }>).length;
    u.set("services.nodeports", newQuantity(ports));
  }
  if (type === "LoadBalancer") u.set("services.loadbalancers", one());
  return u;
}

function claimUsage(pvc: KubeObject): Usage {
  const u: Usage = new Map([
    ["persistentvolumeclaims", one()],
    ["count/persistentvolumeclaims", one()],
  ]);
  const cls = pvc.metadata.annotations?.["volume.beta.kubernetes.io/storage-class"] ?? pvc.spec?.storageClassName;
  const req = q(pvc.spec?.resources?.requests?.storage);
  if (cls) u.set(`${cls}.storageclass.storage.k8s.io/persistentvolumeclaims`, one());
  if (req) {
    u.set("requests.storage", req);
    if (cls) u.set(`${cls}.storageclass.storage.k8s.io/requests.storage`, req);
  }
  return u;
}

/** Usage by stored object (stored objects are replaced, never changed): a namespace is summed often. */
const usageCache = new WeakMap<KubeObject, Usage>();

function cachedUsage(def: Pick<KindDef, "group" | "plural">, obj: KubeObject, nowMs?: number): Usage {
  // A pod being deleted stops counting at a moment in time: not cached.
  if (obj.metadata.deletionTimestamp) return usageOf(def, obj, nowMs);
  let u = usageCache.get(obj);
  if (!u) usageCache.set(obj, (u = usageOf(def, obj, nowMs)));
  return u;
}

/** Evaluator.Usage: what one object uses. */
export function usageOf(def: Pick<KindDef, "group" | "plural">, obj: KubeObject, nowMs?: number): Usage {
  if (!def.group) {
    if (def.plural === "pods") return podUsage(obj, nowMs);
    if (def.plural === "services") return serviceUsage(obj);
    if (def.plural === "persistentvolumeclaims") return claimUsage(obj);
    if (LEGACY_COUNTS[def.plural]) return new Map([[def.plural, one()], [countKey(def), one()]]);
  }
  return new Map([[countKey(def), one()]]);
}

/** Evaluator.MatchingResources: the quota keys the kind's evaluator is responsible for. */
function matchesResource(def: Pick<KindDef, "group" | "plural">, key: string): boolean {
  if (key === countKey(def)) return true;
  if (def.group) return false;
  switch (def.plural) {
    case "pods":
      return (
        key === "pods" ||
        COMPUTE.has(key) ||
        /^(requests|limits)\.(cpu|memory|ephemeral-storage)$/.test(key) ||
        /^requests\.hugepages-/.test(key) ||
        isHugePages(key) ||
        (key.startsWith("requests.") && isExtended(key.slice("requests.".length)))
      );
    case "services":
      return key === "services" || key === "services.nodeports" || key === "services.loadbalancers";
    case "persistentvolumeclaims":
      return key === "persistentvolumeclaims" || key === "requests.storage" || /\.storageclass\.storage\.k8s\.io\/(requests\.storage|persistentvolumeclaims)$/.test(key);
    default:
      return LEGACY_COUNTS[def.plural] === key;
  }
}

interface Quota extends KubeObject {
  spec?: { hard?: Record<string, string>; scopes?: string[]; scopeSelector?: { matchExpressions?: Array<{ scopeName?: string; operator?: string; values?: string[] }> } };
}

function isBestEffort(pod: KubeObject): boolean {
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])] as Container[]) {
    for (const list of [c.resources?.requests, c.resources?.limits]) for (const k of Object.keys(list ?? {})) if (k === "cpu" || k === "memory") return false;
  }
  return true;
}

function podMatchesScope(pod: KubeObject, scope: string, operator: string, values: string[]): boolean {
  switch (scope) {
    case "Terminating":
      return pod.spec?.activeDeadlineSeconds !== undefined && pod.spec?.activeDeadlineSeconds !== null;
    case "NotTerminating":
      return pod.spec?.activeDeadlineSeconds === undefined || pod.spec?.activeDeadlineSeconds === null;
    case "BestEffort":
      return isBestEffort(pod);
    case "NotBestEffort":
      return !isBestEffort(pod);
    case "PriorityClass": {
      const pc = pod.spec?.priorityClassName as string | undefined;
      switch (operator) {
        case "Exists":
          return !!pc;
        case "DoesNotExist":
          return !pc;
        case "In":
          return !!pc && values.includes(pc);
        case "NotIn":
          return !pc || !values.includes(pc);
        default:
          return false;
      }
    }
    case "CrossNamespacePodAffinity": {
      const terms = [
        ...(pod.spec?.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []),
        ...(pod.spec?.affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((t: { podAffinityTerm?: unknown }) => t.podAffinityTerm),
        ...(pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []),
        ...(pod.spec?.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((t: { podAffinityTerm?: unknown }) => t.podAffinityTerm),
      ] as Array<{ namespaces?: string[]; namespaceSelector?: unknown } | undefined>;
      const cross = terms.some((t) => !!t && ((t.namespaces?.length ?? 0) > 0 || t.namespaceSelector !== undefined));
      return operator === "DoesNotExist" ? !cross : cross;
    }
    default:
      return false;
  }
}

/** Evaluator.Matches's scope part: every scope of the quota must select the object (only pods have scopes). */
export function quotaSelects(rq: Quota, def: Pick<KindDef, "group" | "plural">, obj: KubeObject): boolean {
  const scopes: Array<{ scope: string; operator: string; values: string[] }> = [
    ...(rq.spec?.scopes ?? []).map((s) => ({ scope: s, operator: "Exists", values: [] })),
    ...(rq.spec?.scopeSelector?.matchExpressions ?? []).map((e) => ({ scope: e.scopeName ?? "", operator: e.operator ?? "", values: e.values ?? [] })),
  ];
  if (!scopes.length) return true;
  if (def.group || def.plural !== "pods") return false;
  return scopes.every((s) => podMatchesScope(obj, s.scope, s.operator, s.values));
}

export function canonicalHard(rq: Quota): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(rq.spec?.hard ?? {})) out[k] = q(v)?.toString() ?? String(v);
  return out;
}

/** The kinds whose objects a quota's hard limits count. */
function kindsFor(state: ClusterState, keys: string[]): KindDef[] {
  const out = new Map<string, KindDef>();
  for (const def of state.kinds.all()) {
    if (!def.namespaced || def.virtual) continue;
    const resource = storageOf(def);
    if (out.has(resource)) continue;
    if (keys.some((k) => matchesResource(def, k))) out.set(resource, def);
  }
  return [...out.values()];
}

/** CalculateUsage: what the namespace's objects use of each hard resource (0 when nothing). */
export function quotaUsed(state: ClusterState, rq: Quota, nowMs?: number): Record<string, Quantity> {
  const keys = Object.keys(rq.spec?.hard ?? {});
  const used: Usage = new Map(keys.map((k) => [k, zero()]));
  const ns = rq.metadata.namespace ?? "";
  for (const def of kindsFor(state, keys)) {
    const mine = keys.filter((k) => matchesResource(def, k));
    for (const obj of state.store.list(storageOf(def), ns)) {
      if (!quotaSelects(rq, def, obj)) continue;
      const u = cachedUsage(def, obj, nowMs);
      for (const k of mine) {
        const x = u.get(k);
        if (x) add(used, k, x);
      }
    }
  }
  return Object.fromEntries(used);
}

const CONSTRAINED = ["cpu", "memory", "requests.cpu", "requests.memory", "limits.cpu", "limits.memory"];

/** podEvaluator.Constraints: with cpu or memory under quota, every container must state them. */
function podConstraints(pod: KubeObject, restricted: string[]): string | undefined {
  const required = restricted.filter((r) => CONSTRAINED.includes(r));
  if (!required.length) return undefined;
  const missing = new Map<string, Set<string>>();
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])] as Container[]) {
    const have = new Set<string>();
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if ("cpu" in req) have.add("cpu").add("requests.cpu");
    if ("memory" in req) have.add("memory").add("requests.memory");
    if ("cpu" in lim) have.add("limits.cpu");
    if ("memory" in lim) have.add("limits.memory");
    for (const r of required) {
      if (have.has(r)) continue;
      if (!missing.has(r)) missing.set(r, new Set());
      missing.get(r)!.add(c.name ?? "");
    }
  }
  if (!missing.size) return undefined;
  const parts = [...missing.keys()].sort().map((r) => `${r} for: ${[...missing.get(r)!].sort().join(",")}`);
  return `must specify ${parts.join("; ")}`;
}

function prettyPrint(list: Map<string, Quantity>, keys: string[]): string {
  return [...keys]
    .sort()
    .filter((k) => list.has(k))
    .map((k) => `${k}=${list.get(k)!.toString()}`)
    .join(",");
}

/**
 * ResourceQuota admission for a create: refuses (403) an object that would take its namespace past
 * a quota, or a pod that leaves out requests or limits a quota tracks.
 */
export function admitQuota(state: ClusterState, def: KindDef, obj: KubeObject, nowMs?: number): void {
  if (!def.namespaced || def.virtual) return;
  const ns = obj.metadata.namespace ?? "";
  const quotas = (state.store.list("resourcequotas", ns) as Quota[]).filter((rq) => !rq.metadata.deletionTimestamp);
  if (!quotas.length) return;
  const ref = { group: def.group, resource: def.plural };
  const name = obj.metadata.name ?? "";
  const applicable: Array<{ rq: Quota; keys: string[] }> = [];
  for (const rq of [...quotas].sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1))) {
    if (!quotaSelects(rq, def, obj)) continue;
    const keys = Object.keys(rq.spec?.hard ?? {}).filter((k) => matchesResource(def, k));
    if (!keys.length) continue;
    if (!def.group && def.plural === "pods") {
      const err = podConstraints(obj, keys);
      if (err) throw forbidden(ref, name, `failed quota: ${rq.metadata.name}: ${err}`);
    }
    applicable.push({ rq, keys });
  }
  if (!applicable.length) return;
  const delta = usageOf(def, obj, nowMs);
  for (const { rq, keys } of applicable) {
    const requested = keys.filter((k) => delta.has(k));
    if (!requested.length) continue;
    const hard = new Map(Object.entries(canonicalHard(rq)).map(([k, v]) => [k, tryParseQuantity(v) ?? zero()]));
    const used = new Map(Object.entries(quotaUsed(state, rq, nowMs)));
    const exceeded = requested.filter((k) => (used.get(k) ?? zero()).add(delta.get(k)!).cmp(hard.get(k)!) > 0);
    if (!exceeded.length) continue;
    throw forbidden(
      ref,
      name,
      `exceeded quota: ${rq.metadata.name}, requested: ${prettyPrint(delta, exceeded)}, used: ${prettyPrint(used, exceeded)}, limited: ${prettyPrint(hard, exceeded)}`,
    );
  }
}
