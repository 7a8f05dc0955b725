// The HorizontalPodAutoscaler controller (pkg/controller/podautoscaler/horizontal.go), on the
// autoscaling/v2 stored form.
//
// Each HPA syncs every 15 s (--horizontal-pod-autoscaler-sync-period), the first time 15 s after it
// was created, on a grid anchored at its creationTimestamp; the controller asks to be woken for the
// next sync and writes nothing when a sync changes nothing. A sync reads the target's scale
// subresource, computes a replica count per metric (hpa-replicas.ts: the real formula
// ceil(current × usage/target) with 10 % tolerance), keeps the largest, then applies
// minReplicas/maxReplicas and either the default rules (no spec.behavior: a 300 s scale-down
// stabilisation window and at most max(2 × current, 4) replicas per sync) or spec.behavior's
// stabilisation windows and rate policies, and writes spec.replicas of the target. Status
// (currentReplicas, desiredReplicas, currentMetrics, lastScaleTime, the AbleToScale, ScalingActive
// and ScalingLimited conditions) and events (SuccessfulRescale, FailedGetScale,
// FailedGetResourceMetric, FailedComputeMetricsReplicas, ...) carry the real reasons and messages.
//
// Repeated warnings go through client-go's event spam filter (25 at once, then one per 5 minutes
// per HPA and message), so a broken HPA in an idle sandbox does not write every 15 s forever.
import type { Controller, ControllerContext, ReconcileResult } from "./types";
import { earliest } from "./types";
import type { KindDef, KubeObject } from "../kinds/types";
import { ControllerClient } from "./client";
import { KCM_MANAGER } from "./workload-common";
import { storageOf } from "../apiserver/context";
import { ApiError } from "../machinery/status";
import { clone, deepEqual, getPath, setPath } from "../machinery/json";
import { parseRfc3339, rfc3339 } from "../machinery/time";
import { newMilliQuantity, tryParseQuantity } from "../machinery/quantity";
import {
  LabelSelectorParseError,
  labelSelectorGoString,
  matches,
  parseLabelSelector,
  selectorFromLabelSelector,
  selectorFromSet,
  selectorToString,
  type LabelSelectorRequirementSet,
} from "../machinery/labels";
import { MetricError, rawResourceReplicas, resourceReplicas } from "./hpa-replicas";
import { clientLoadNow } from "../kinds/metrics/podmetrics";
import { closeOpen, collectMemory, lastSampleMs, loadMemory, recordInitial, recordRecommendation, saveMemory, type HpaMemory, type ScaleEvent } from "./hpa-memory";

/** --horizontal-pod-autoscaler-sync-period. */
export const HPA_SYNC_PERIOD_MS = 15_000;
/** --horizontal-pod-autoscaler-downscale-stabilization. */
export const DOWNSCALE_STABILISATION_WINDOW_S = 300;
const COMPONENT = "horizontal-pod-autoscaler";
/** calculateScaleUpLimit without behaviour: max(2 × current, 4). */
const SCALE_UP_LIMIT_FACTOR = 2;
const SCALE_UP_LIMIT_MINIMUM = 4;
type J = Record<string, any>;

/**
 * The sync slot each HPA last ran in, per cluster. Only an optimisation of timing: it keeps a sync
 * to once per period while the sandbox stays in memory (writes between syncs wait for the next one,
 * as the real workqueue does). Losing it (a fresh process) at worst runs the current slot's sync
 * again, which is harmless: a sync that already rescaled in this slot is skipped via lastScaleTime.
 */
const syncedSlots = new WeakMap<object, Map<string, number>>();

export const horizontalPodAutoscalerController: Controller = {
  name: "horizontal-pod-autoscaler",
  reconcile(ctx): ReconcileResult {
    const client = new ControllerClient(ctx, KCM_MANAGER);
    const hpas = client.list("autoscaling/v2", "HorizontalPodAutoscaler");
    let slots = syncedSlots.get(ctx.state);
    if (!slots) syncedSlots.set(ctx.state, (slots = new Map()));
    let changed = false;
    let wakeAtMs: number | undefined;
    const live = new Set<string>();
    for (const hpa of hpas) {
      const uid = hpa.metadata.uid!;
      live.add(uid);
      if (hpa.metadata.deletionTimestamp) continue;
      const createdMs = parseRfc3339(hpa.metadata.creationTimestamp ?? "") ?? ctx.nowMs;
      const slot = Math.floor((ctx.nowMs - createdMs) / HPA_SYNC_PERIOD_MS);
      wakeAtMs = earliest(wakeAtMs, createdMs + (slot + 1) * HPA_SYNC_PERIOD_MS);
      if (slot < 1 || slots.get(uid) === slot) continue;
      const slotMs = createdMs + slot * HPA_SYNC_PERIOD_MS;
      // At most one rescale per sync period, even if this slot's sync runs again after a restart.
      const lastScaleMs = parseRfc3339(hpa.status?.lastScaleTime ?? "");
      if (lastScaleMs === undefined || lastScaleMs < slotMs) {
        try {
          changed = syncHpa(ctx, client, hpa, slotMs) || changed;
        } catch (e) {
          // A write the API refused (a user object that no longer validates): try again next period.
          if (!(e instanceof ApiError)) throw e;
        }
      }
      slots.set(uid, slot);
    }
    for (const uid of [...slots.keys()]) if (!live.has(uid)) slots.delete(uid);
    changed = collectMemory(ctx.state, live) || changed;
    return { changed, wakeAtMs };
  },
};

// ---------------------------------------------------------------------------------------------
// One sync (reconcileAutoscaler)

interface Sync {
  ctx: ControllerContext;
  client: ControllerClient;
  hpa: KubeObject;
  /** This sync's time on the HPA's grid: the timestamp of recommendations and scale events. */
  atMs: number;
  conditions: J[];
  memory: HpaMemory;
  /** What clients' requests cost the pods (kubelet/traffic.ts), computed once per sync when a resource metric needs it. */
  clientLoad?: ReadonlyMap<string, number>;
}

function clientLoadOf(s: Sync): ReadonlyMap<string, number> {
  return (s.clientLoad ??= clientLoadNow(s.ctx.state.store, s.ctx.nowMs));
}

function syncHpa(ctx: ControllerContext, client: ControllerClient, hpa: KubeObject, atMs: number): boolean {
  const spec = (hpa.spec ?? {}) as J;
  const old = (hpa.status ?? {}) as J;
  const s: Sync = { ctx, client, hpa, atMs, conditions: clone(old.conditions ?? []), memory: loadMemory(ctx.state, hpa) };
  // The status as it stands; setStatus below replaces it wholesale like the real controller.
  let status: J = { ...clone(old), conditions: s.conditions };
  const finish = (): boolean => {
    let wrote = saveMemory(ctx.state, hpa, s.memory);
    if (!deepEqual(old, status)) {
      const next = clone(hpa);
      next.status = status;
      client.updateStatus(next);
      wrote = true;
    }
    return wrote;
  };
  const setStatus = (current: number, desired: number, metrics: J[] | null, rescaled: boolean) => {
    // currentMetrics is null when no metric was read (the API server drops the null on write).
    status = { conditions: s.conditions, desiredReplicas: desired };
    if (metrics) status.currentMetrics = metrics;
    if (current) status.currentReplicas = current;
    const lastScaleTime = rescaled ? rfc3339(ctx.nowMs) : old.lastScaleTime;
    if (lastScaleTime) status.lastScaleTime = lastScaleTime;
  };

  let target: ScaleTarget;
  try {
    target = getScale(ctx, hpa);
  } catch (e) {
    if (!(e instanceof MetricError)) throw e;
    hpaEvent(s, "Warning", "FailedGetScale", e.message);
    setCondition(s, "AbleToScale", "False", "FailedGetScale", `the HPA controller was unable to get the target's current scale: ${e.message}`);
    closeOpen(s.memory, atMs, HPA_SYNC_PERIOD_MS);
    return finish();
  }
  setCondition(s, "AbleToScale", "True", "SucceededGetScale", "the HPA controller was able to get the target's current scale");
  const current = target.specReplicas;
  recordInitial(s.memory, current, atMs);

  const minReplicas: number = spec.minReplicas ?? 1;
  const maxReplicas: number = spec.maxReplicas ?? 0;
  let desired = 0;
  let rescaleReason = "";
  let rescale = true;
  let metricStatuses: J[] | null = null;
  if (current === 0 && minReplicas !== 0) {
    // Autoscaling is disabled for this resource.
    rescale = false;
    setCondition(s, "ScalingActive", "False", "ScalingDisabled", "scaling is disabled since the replica count of the target is zero");
    closeOpen(s.memory, atMs, HPA_SYNC_PERIOD_MS);
  } else if (current > maxReplicas) {
    rescaleReason = "Current number of replicas above Spec.MaxReplicas";
    desired = maxReplicas;
    closeOpen(s.memory, atMs, HPA_SYNC_PERIOD_MS);
  } else if (current < minReplicas) {
    rescaleReason = "Current number of replicas below Spec.MinReplicas";
    desired = minReplicas;
    closeOpen(s.memory, atMs, HPA_SYNC_PERIOD_MS);
  } else {
    const r = computeReplicasForMetrics(s, target, current, (spec.metrics ?? []) as J[]);
    if (r.error !== undefined && r.replicas === -1) {
      setStatus(current, old.desiredReplicas ?? 0, r.statuses, false);
      hpaEvent(s, "Warning", "FailedComputeMetricsReplicas", r.error);
      closeOpen(s.memory, atMs, HPA_SYNC_PERIOD_MS);
      return finish();
    }
    metricStatuses = r.statuses;
    let rescaleMetric = "";
    if (r.replicas > desired) {
      desired = r.replicas;
      rescaleMetric = r.metric;
    }
    if (desired > current) rescaleReason = `${rescaleMetric} above target`;
    if (desired < current) rescaleReason = "All metrics below target";
    desired =
      spec.behavior == null
        ? normalizeDesiredReplicas(s, current, desired, minReplicas, maxReplicas)
        : normalizeDesiredReplicasWithBehaviors(s, spec.behavior, current, desired, minReplicas, maxReplicas);
    rescale = desired !== current;
  }

  if (rescale) {
    try {
      const next = clone(target.obj);
      setPath(next, target.def.scaleSubresource!.specReplicasPath, desired);
      client.update(next);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      hpaEvent(s, "Warning", "FailedRescale", `New size: ${desired}; reason: ${rescaleReason}; error: ${e.message}`);
      setCondition(s, "AbleToScale", "False", "FailedUpdateScale", `the HPA controller was unable to update the target scale: ${e.message}`);
      setStatus(current, old.desiredReplicas ?? 0, metricStatuses, false);
      return finish();
    }
    setCondition(s, "AbleToScale", "True", "SucceededRescale", `the HPA controller was able to update the target scale to ${desired}`);
    hpaEvent(s, "Normal", "SuccessfulRescale", `New size: ${desired}; reason: ${rescaleReason}`);
    storeScaleEvent(s, spec.behavior, current, desired);
  } else {
    desired = current;
  }
  setStatus(current, desired, metricStatuses, rescale);
  finish();
  return true;
}

// ---------------------------------------------------------------------------------------------
// The scale subresource of the target

interface ScaleTarget {
  def: KindDef;
  obj: KubeObject;
  specReplicas: number;
  /** Scale.status.selector, "" when the target has none. */
  selector: string;
}

/** What scaleForResourceMappings reads, failing with the error text the real scale client returns. */
function getScale(ctx: ControllerContext, hpa: KubeObject): ScaleTarget {
  const ref = (hpa.spec?.scaleTargetRef ?? {}) as J;
  const apiVersion = String(ref.apiVersion ?? "");
  const parts = apiVersion === "" ? [] : apiVersion.split("/");
  if (parts.length > 2) throw new MetricError(`unexpected GroupVersion string: ${apiVersion}`);
  const group = parts.length === 2 ? parts[0] : "";
  const kind = String(ref.kind ?? "");
  const defs = ctx.state.kinds.all().filter((d) => d.group === group && d.kind === kind && !d.virtual);
  if (defs.length === 0) throw new MetricError(`no matches for kind ${JSON.stringify(kind)} in group ${JSON.stringify(group)}`);
  const def = defs.find((d) => d.scaleSubresource);
  if (!def) throw new MetricError("the server could not find the requested resource");
  const name = String(ref.name ?? "");
  const obj = ctx.state.store.get(storageOf(def), hpa.metadata.namespace ?? "", name);
  if (!obj) throw new MetricError(`${def.plural}/scale${group ? `.${group}` : ""} ${JSON.stringify(name)} not found`);
  const sub = def.scaleSubresource!;
  const replicas = getPath(obj, sub.specReplicasPath);
  return { def, obj, specReplicas: typeof replicas === "number" ? replicas : 0, selector: scaleSelector(obj, sub.labelSelectorPath) };
}

/** Scale.status.selector as the API server serves it (a label selector string). */
function scaleSelector(obj: KubeObject, labelSelectorPath: string | undefined): string {
  const selector = labelSelectorPath ? getPath(obj, labelSelectorPath) : obj.spec?.selector;
  if (typeof selector === "string") return selector;
  if (!selector || typeof selector !== "object") return "";
  const sel = selector as Record<string, unknown>;
  try {
    const isLabelSelector = "matchLabels" in sel || "matchExpressions" in sel || Object.keys(sel).length === 0;
    return selectorToString(isLabelSelector ? selectorFromLabelSelector(sel as never) : selectorFromSet(sel as Record<string, string>));
  } catch {
    return "";
  }
}

// ---------------------------------------------------------------------------------------------
// Metrics

interface MetricsResult {
  /** -1 when no replica count could be computed. */
  replicas: number;
  metric: string;
  statuses: J[] | null;
  error?: string;
}

/** A metric that could not be read: the ScalingActive condition it proposes and the error to return. */
class MetricFailure {
  constructor(
    readonly reason: string,
    readonly conditionMessage: string,
    readonly error: string,
  ) {}
}

function computeReplicasForMetrics(s: Sync, target: ScaleTarget, current: number, specs: J[]): MetricsResult {
  if (!target.selector) {
    hpaEvent(s, "Warning", "SelectorRequired", "selector is required");
    setCondition(s, "ScalingActive", "False", "InvalidSelector", "the HPA target's scale is missing a selector");
    return { replicas: -1, metric: "", statuses: null, error: "selector is required" };
  }
  let selector: LabelSelectorRequirementSet;
  try {
    selector = parseLabelSelector(target.selector);
  } catch (e) {
    if (!(e instanceof LabelSelectorParseError)) throw e;
    const msg = `couldn't convert selector into a corresponding internal selector object: ${e.message}`;
    hpaEvent(s, "Warning", "InvalidSelector", msg);
    setCondition(s, "ScalingActive", "False", "InvalidSelector", msg);
    return { replicas: -1, metric: "", statuses: null, error: msg };
  }
  const ns = s.hpa.metadata.namespace ?? "";
  const pods = s.client.list("v1", "Pod", ns).filter((p) => matches(selector, p.metadata.labels ?? {}));
  const ambiguous = otherHpasSelecting(s, pods);
  if (ambiguous.length) {
    const keys = [s.hpa, ...ambiguous].sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1)).map((h) => `{${h.metadata.name} ${ns}}`);
    const msg = `pods by selector ${target.selector} are controlled by multiple HPAs: [${keys.join(" ")}]`;
    hpaEvent(s, "Warning", "AmbiguousSelector", msg);
    setCondition(s, "ScalingActive", "False", "AmbiguousSelector", msg);
    return { replicas: -1, metric: "", statuses: null, error: msg };
  }

  const statuses: J[] = specs.map(() => ({ type: "" }));
  let replicas = 0;
  let metric = "";
  let invalid = 0;
  let firstFailure: MetricFailure | undefined;
  specs.forEach((spec, i) => {
    try {
      const p = computeReplicasForMetric(s, spec, current, pods);
      statuses[i] = p.status;
      if (replicas === 0 || p.replicas > replicas) {
        replicas = p.replicas;
        metric = p.metric;
      }
    } catch (e) {
      if (!(e instanceof MetricFailure)) throw e;
      hpaEvent(s, "Warning", e.reason, e.conditionMessage);
      if (invalid === 0) firstFailure = e;
      invalid++;
    }
  });
  const error = firstFailure ? `invalid metrics (${invalid} invalid out of ${specs.length}), first error is: ${firstFailure.error}` : undefined;
  // All metrics invalid, or some invalid while the valid ones would scale down: do nothing.
  if (firstFailure && (invalid >= specs.length || replicas < current)) {
    setCondition(s, "ScalingActive", "False", firstFailure.reason, `the HPA was unable to compute the replica count: ${firstFailure.conditionMessage}`);
    return { replicas: -1, metric: "", statuses, error };
  }
  setCondition(s, "ScalingActive", "True", "ValidMetricFound", `the HPA was able to successfully calculate a replica count from ${metric}`);
  return { replicas, metric, statuses, error };
}

/** The other HPAs of the namespace whose targets select some of these pods (validateAndParseSelector). */
function otherHpasSelecting(s: Sync, pods: readonly KubeObject[]): KubeObject[] {
  if (pods.length === 0) return [];
  const others = s.client.list("autoscaling/v2", "HorizontalPodAutoscaler", s.hpa.metadata.namespace).filter((h) => h.metadata.uid !== s.hpa.metadata.uid && !h.metadata.deletionTimestamp);
  return others.filter((h) => {
    try {
      const t = getScale(s.ctx, h);
      if (!t.selector) return false;
      const sel = parseLabelSelector(t.selector);
      return pods.some((p) => matches(sel, p.metadata.labels ?? {}));
    } catch (e) {
      if (e instanceof MetricError || e instanceof LabelSelectorParseError) return false;
      throw e;
    }
  });
}

interface Proposal {
  replicas: number;
  metric: string;
  status: J;
}

function milliOf(q: unknown): number {
  const parsed = q === undefined || q === null ? undefined : tryParseQuantity(String(q));
  return parsed ? parsed.milliValue() : 0;
}

function computeReplicasForMetric(s: Sync, spec: J, current: number, pods: KubeObject[]): Proposal {
  const ns = s.hpa.metadata.namespace ?? "";
  switch (spec.type) {
    case "Resource":
    case "ContainerResource": {
      const isContainer = spec.type === "ContainerResource";
      const src = (isContainer ? spec.containerResource : spec.resource) ?? {};
      const reason = isContainer ? "FailedGetContainerResourceMetric" : "FailedGetResourceMetric";
      const name = String(src.name ?? "");
      const container = isContainer ? String(src.container ?? "") : "";
      const t = src.target ?? {};
      // computeReplicasForMetric wraps what computeStatusFor*Metric reported.
      const wrap = isContainer ? `failed to get ${container} container metric value` : `failed to get ${name} resource metric value`;
      const fail = (msg: string) => new MetricFailure(reason, msg, `${wrap}: ${msg}`);
      const statusOf = (current: J): J =>
        isContainer
          ? { type: "ContainerResource", containerResource: { container, current, name } }
          : { type: "Resource", resource: { current, name } };
      if (t.averageValue != null) {
        try {
          const p = rawResourceReplicas(pods, current, milliOf(t.averageValue), name, container, s.ctx.nowMs, clientLoadOf(s));
          return { replicas: p.replicas, metric: `${name} resource`, status: statusOf({ averageValue: newMilliQuantity(p.usage).toString() }) };
        } catch (e) {
          if (e instanceof MetricError) throw fail(`failed to get ${name} usage: ${e.message}`);
          throw e;
        }
      }
      if (t.averageUtilization == null) throw fail("invalid resource metric source: neither an average utilization target nor an average value (usage) target was set");
      try {
        const p = resourceReplicas(pods, current, t.averageUtilization, name, container, s.ctx.nowMs, clientLoadOf(s));
        return {
          replicas: p.replicas,
          metric: isContainer ? `${name} container resource utilization (percentage of request)` : `${name} resource utilization (percentage of request)`,
          status: statusOf({ averageUtilization: p.utilization, averageValue: newMilliQuantity(p.rawAverage).toString() }),
        };
      } catch (e) {
        if (e instanceof MetricError) throw fail(`failed to get ${name} utilization: ${e.message}`);
        throw e;
      }
    }
    case "Pods": {
      const m = spec.pods?.metric ?? {};
      const err = `unable to get metric ${m.name ?? ""}: ${NO_CUSTOM_METRICS}`;
      throw new MetricFailure("FailedGetPodsMetric", err, `failed to get pods metric value: ${err}`);
    }
    case "Object": {
      const o = spec.object ?? {};
      const t = o.target ?? {};
      const ref = o.describedObject ?? {};
      const metric = String(o.metric?.name ?? "");
      const err = `unable to get metric ${metric}: ${ref.kind ?? ""} on ${ns} ${ref.name ?? ""}/${NO_CUSTOM_METRICS}`;
      let returned: string;
      if (t.type === "Value" && t.value != null) returned = err;
      else if (t.type === "AverageValue" && t.averageValue != null) returned = `failed to get ${metric} object metric: ${err}`;
      else {
        const msg = "invalid object metric source: neither a value target nor an average value target was set";
        throw new MetricFailure("FailedGetObjectMetric", msg, `failed to get object metric value: ${msg}`);
      }
      throw new MetricFailure("FailedGetObjectMetric", err, `failed to get object metric value: ${returned}`);
    }
    case "External": {
      const x = spec.external ?? {};
      const t = x.target ?? {};
      const name = String(x.metric?.name ?? "");
      const err = `unable to get external metric ${ns}/${name}/${labelSelectorGoString(x.metric?.selector)}: unable to fetch metrics from external metrics API: the server could not find the requested resource (get ${name}.external.metrics.k8s.io)`;
      const wrap = `failed to get ${name} external metric value`;
      if (t.averageValue != null) throw new MetricFailure("FailedGetExternalMetric", err, `${wrap}: failed to get ${name} external metric: ${err}`);
      if (t.value != null) throw new MetricFailure("FailedGetExternalMetric", err, `${wrap}: failed to get external metric ${name}: ${err}`);
      const msg = "invalid external metric source: neither a value target nor an average value target was set";
      throw new MetricFailure("FailedGetExternalMetric", msg, `${wrap}: ${msg}`);
    }
    default: {
      const msg = `unknown metric source type ${JSON.stringify(String(spec.type ?? ""))}`;
      throw new MetricFailure("InvalidMetricSourceType", msg, msg);
    }
  }
}

/** A sandbox runs no custom metrics adapter (custom.metrics.k8s.io), like a cluster without one. */
const NO_CUSTOM_METRICS = "unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered";


// ---------------------------------------------------------------------------------------------
// Normalisation: stabilisation and limits

/** normalizeDesiredReplicas: no spec.behavior. */
function normalizeDesiredReplicas(s: Sync, current: number, prenormalized: number, minReplicas: number, maxReplicas: number): number {
  // stabilizeRecommendation: the highest recommendation of the last 5 minutes.
  const cutoff = s.atMs - DOWNSCALE_STABILISATION_WINDOW_S * 1000;
  let stabilized = prenormalized;
  for (const r of s.memory.recommendations) {
    if (lastSampleMs(r, s.atMs, HPA_SYNC_PERIOD_MS) >= cutoff) stabilized = Math.max(stabilized, r.replicas);
  }
  recordRecommendation(s.memory, prenormalized, s.atMs, HPA_SYNC_PERIOD_MS, DOWNSCALE_STABILISATION_WINDOW_S * 1000);
  if (stabilized !== prenormalized) {
    setCondition(s, "AbleToScale", "True", "ScaleDownStabilized", "recent recommendations were higher than current one, applying the highest recent recommendation");
  } else {
    setCondition(s, "AbleToScale", "True", "ReadyForNewScale", "recommended size matches current size");
  }
  // convertDesiredReplicasWithRules
  const scaleUpLimit = Math.max(SCALE_UP_LIMIT_FACTOR * current, SCALE_UP_LIMIT_MINIMUM);
  let maximumAllowed: number;
  let reason: string;
  let message: string;
  if (maxReplicas > scaleUpLimit) {
    maximumAllowed = scaleUpLimit;
    reason = "ScaleUpLimit";
    message = "the desired replica count is increasing faster than the maximum scale rate";
  } else {
    maximumAllowed = maxReplicas;
    reason = "TooManyReplicas";
    message = "the desired replica count is more than the maximum replica count";
  }
  let desired = stabilized;
  if (stabilized < minReplicas) {
    desired = minReplicas;
    reason = "TooFewReplicas";
    message = "the desired replica count is less than the minimum replica count";
  } else if (stabilized > maximumAllowed) {
    desired = maximumAllowed;
  } else {
    reason = "DesiredWithinRange";
    message = "the desired count is within the acceptable range";
  }
  setCondition(s, "ScalingLimited", desired === stabilized ? "False" : "True", reason, message);
  return desired;
}

interface Rules {
  stabilizationWindowSeconds?: number;
  selectPolicy?: string;
  policies?: Array<{ type: string; value: number; periodSeconds: number }>;
}

const DEFAULT_SCALE_UP: Rules = {
  stabilizationWindowSeconds: 0,
  selectPolicy: "Max",
  policies: [
    { type: "Pods", value: 4, periodSeconds: 15 },
    { type: "Percent", value: 100, periodSeconds: 15 },
  ],
};
const DEFAULT_SCALE_DOWN: Rules = { selectPolicy: "Max", policies: [{ type: "Percent", value: 100, periodSeconds: 15 }] };

/** normalizeDesiredReplicasWithBehaviors. */
function normalizeDesiredReplicasWithBehaviors(s: Sync, behavior: J, current: number, prenormalized: number, minReplicas: number, maxReplicas: number): number {
  const up: Rules = behavior.scaleUp ?? DEFAULT_SCALE_UP;
  const down: Rules = behavior.scaleDown ?? DEFAULT_SCALE_DOWN;
  const upWindowS = up.stabilizationWindowSeconds ?? 0;
  // maybeInitScaleDownStabilizationWindow
  const downWindowS = down.stabilizationWindowSeconds ?? DOWNSCALE_STABILISATION_WINDOW_S;

  // stabilizeRecommendationWithBehaviors
  let upRecommendation = prenormalized;
  let downRecommendation = prenormalized;
  const upCutoff = s.atMs - upWindowS * 1000;
  const downCutoff = s.atMs - downWindowS * 1000;
  for (const r of s.memory.recommendations) {
    const last = lastSampleMs(r, s.atMs, HPA_SYNC_PERIOD_MS);
    if (last > upCutoff) upRecommendation = Math.min(upRecommendation, r.replicas);
    if (last > downCutoff) downRecommendation = Math.max(downRecommendation, r.replicas);
  }
  let stabilized = current;
  if (stabilized < upRecommendation) stabilized = upRecommendation;
  if (stabilized > downRecommendation) stabilized = downRecommendation;
  recordRecommendation(s.memory, prenormalized, s.atMs, HPA_SYNC_PERIOD_MS, Math.max(upWindowS, downWindowS) * 1000);
  if (stabilized !== prenormalized) {
    if (prenormalized >= current) {
      setCondition(s, "AbleToScale", "True", "ScaleUpStabilized", "recent recommendations were lower than current one, applying the lowest recent recommendation");
    } else {
      setCondition(s, "AbleToScale", "True", "ScaleDownStabilized", "recent recommendations were higher than current one, applying the highest recent recommendation");
    }
  } else {
    setCondition(s, "AbleToScale", "True", "ReadyForNewScale", "recommended size matches current size");
  }

  // convertDesiredReplicasWithBehaviorRate
  let desired = stabilized;
  let reason = "DesiredWithinRange";
  let message = "the desired count is within the acceptable range";
  if (stabilized > current) {
    let scaleUpLimit = scaleLimit(current, s.memory, up, s.atMs, "up");
    if (scaleUpLimit < current) scaleUpLimit = current;
    let maximumAllowed = maxReplicas;
    let limitReason = "TooManyReplicas";
    let limitMessage = "the desired replica count is more than the maximum replica count";
    if (maximumAllowed > scaleUpLimit) {
      maximumAllowed = scaleUpLimit;
      limitReason = "ScaleUpLimit";
      limitMessage = "the desired replica count is increasing faster than the maximum scale rate";
    }
    if (stabilized > maximumAllowed) [desired, reason, message] = [maximumAllowed, limitReason, limitMessage];
  } else if (stabilized < current) {
    let scaleDownLimit = scaleLimit(current, s.memory, down, s.atMs, "down");
    if (scaleDownLimit > current) scaleDownLimit = current;
    let minimumAllowed = minReplicas;
    let limitReason = "TooFewReplicas";
    let limitMessage = "the desired replica count is less than the minimum replica count";
    if (minimumAllowed < scaleDownLimit) {
      minimumAllowed = scaleDownLimit;
      limitReason = "ScaleDownLimit";
      limitMessage = "the desired replica count is decreasing faster than the maximum scale rate";
    }
    if (stabilized < minimumAllowed) [desired, reason, message] = [minimumAllowed, limitReason, limitMessage];
  }
  setCondition(s, "ScalingLimited", desired === stabilized ? "False" : "True", reason, message);
  return desired;
}

/** getReplicasChangePerPeriod. */
function changeInPeriod(events: readonly ScaleEvent[], periodSeconds: number, atMs: number): number {
  const cutoff = atMs - periodSeconds * 1000;
  return events.filter((e) => e.atMs > cutoff).reduce((sum, e) => sum + e.change, 0);
}

/** calculateScaleUpLimitWithScalingRules / calculateScaleDownLimitWithBehaviors. */
function scaleLimit(current: number, memory: HpaMemory, rules: Rules, atMs: number, direction: "up" | "down"): number {
  const select = rules.selectPolicy ?? "Max";
  if (select === "Disabled") return current;
  // For scaling up the smallest change is the minimum; for scaling down, the maximum.
  const pickMin = (direction === "up") === (select === "Min");
  let result = pickMin ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  for (const p of rules.policies ?? []) {
    const added = changeInPeriod(memory.scaleUpEvents, p.periodSeconds, atMs);
    const deleted = changeInPeriod(memory.scaleDownEvents, p.periodSeconds, atMs);
    const periodStart = current - added + deleted;
    let proposed: number;
    if (direction === "up") proposed = p.type === "Pods" ? periodStart + p.value : Math.ceil(periodStart * (1 + p.value / 100));
    else proposed = p.type === "Pods" ? periodStart - p.value : Math.trunc(periodStart * (1 - p.value / 100));
    result = pickMin ? Math.min(result, proposed) : Math.max(result, proposed);
  }
  return Number.isFinite(result) ? result : current;
}

/** storeScaleEvent: only with spec.behavior, and only as long as the longest policy period needs. */
function storeScaleEvent(s: Sync, behavior: J | undefined, prev: number, next: number): void {
  if (behavior == null) return;
  const up = next > prev;
  const rules: Rules = (up ? behavior.scaleUp : behavior.scaleDown) ?? (up ? DEFAULT_SCALE_UP : DEFAULT_SCALE_DOWN);
  const longest = Math.max(0, ...(rules.policies ?? []).map((p) => p.periodSeconds));
  const key = up ? "scaleUpEvents" : "scaleDownEvents";
  const kept = s.memory[key].filter((e) => e.atMs > s.atMs - longest * 1000);
  kept.push({ change: Math.abs(next - prev), atMs: s.atMs });
  s.memory[key] = kept;
}

// ---------------------------------------------------------------------------------------------
// Conditions and events

/** setCondition: lastTransitionTime moves only when the status changes. */
function setCondition(s: Sync, type: string, status: string, reason: string, message: string): void {
  const i = s.conditions.findIndex((c) => c.type === type);
  const existing = i >= 0 ? s.conditions[i] : undefined;
  const lastTransitionTime = existing && existing.status === status && existing.lastTransitionTime ? existing.lastTransitionTime : rfc3339(s.ctx.nowMs);
  const c = { type, status, lastTransitionTime, reason, message };
  if (i >= 0) s.conditions[i] = c;
  else s.conditions.push(c);
}

/**
 * Records an event (the recorder's correlator counts repeats and applies client-go's spam filter),
 * once per sync period: the same period run again by a fresh process (the sandbox was reloaded, or
 * an alarm retried) must not count it twice.
 */
function hpaEvent(s: Sync, type: "Normal" | "Warning", reason: string, message: string): void {
  const hpa = s.hpa;
  const existing = s.client
    .list("v1", "Event", hpa.metadata.namespace)
    .find((e) => e.involvedObject?.uid === hpa.metadata.uid && e.reason === reason && e.message === message && e.source?.component === COMPONENT);
  if (existing && (parseRfc3339(existing.lastTimestamp ?? "") ?? -Infinity) >= s.atMs) return;
  s.client.event(hpa, type, reason, message, { component: COMPONENT });
}
