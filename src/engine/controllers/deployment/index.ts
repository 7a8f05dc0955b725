// The Deployment controller (pkg/controller/deployment/deployment_controller.go syncDeployment):
// claim the ReplicaSets the selector matches, then — being deleted: report only; paused or resized:
// scale (proportionally during a rollout); otherwise roll out by the strategy (RollingUpdate or
// Recreate) and report progress. Writes go through the API like kube-controller-manager's.
import type { KubeObject } from "../../kinds/types";
import type { Controller, ControllerContext, ReconcileResult } from "../types";
import { earliest } from "../types";
import { ControllerClient } from "../client";
import { claimObjects } from "../controller-ref";
import { controllerRefOf } from "../controller-utils";
import { DeploymentSync } from "./context";
import { checkPausedConditions, isScalingEvent, syncScaling, syncStatusOnly } from "./sync";
import { rolloutRolling } from "./rolling";
import { rolloutRecreate } from "./recreate";
import { isEmptySelector, matches, selectorFromLabelSelector, type LabelSelectorRequirementSet } from "../../machinery/labels";
import { ApiError } from "../../machinery/status";

const MANAGER = "kube-controller-manager";

function selectorOf(d: KubeObject): LabelSelectorRequirementSet | undefined {
  try {
    return selectorFromLabelSelector(d.spec?.selector);
  } catch {
    return undefined;
  }
}

function group<T>(items: Iterable<T>, key: (t: T) => string | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    if (k === undefined) continue;
    let list = out.get(k);
    if (!list) out.set(k, (list = []));
    list.push(it);
  }
  return out;
}

export const deploymentController: Controller = {
  name: "deployment-controller",
  reconcile(ctx: ControllerContext): ReconcileResult {
    const deployments = ctx.state.store.list("deployments.apps");
    if (!deployments.length) return { changed: false };
    const client = new ControllerClient(ctx, MANAGER);
    const rsByNs = group(ctx.state.store.list("replicasets.apps"), (rs) => rs.metadata.namespace ?? "");
    let podsByOwner: Map<string, KubeObject[]> | undefined;
    const podsOf = (uid: string) => {
      podsByOwner ??= group(ctx.state.store.list("pods"), (p) => controllerRefOf(p)?.uid);
      return podsByOwner.get(uid) ?? [];
    };
    let changed = false;
    let wakeAtMs: number | undefined;
    for (const d of deployments) {
      const s = syncDeployment(client, d, rsByNs, podsOf);
      if (!s) continue;
      changed = changed || s.changed;
      wakeAtMs = earliest(wakeAtMs, s.wakeAtMs);
    }
    return { changed, wakeAtMs };
  },
};

function syncDeployment(
  client: ControllerClient,
  d: KubeObject,
  rsByNs: Map<string, KubeObject[]>,
  podsOf: (uid: string) => readonly KubeObject[],
): DeploymentSync | undefined {
  const selector = selectorOf(d);
  if (!selector) return undefined;
  const ns = d.metadata.namespace ?? "";
  const owned = new Set<string | undefined>();
  const s = new DeploymentSync(client, d, [], (uid) => (owned.has(uid) ? podsOf(uid).filter((p) => matches(selector, p.metadata.labels ?? {})) : []));
  if (isEmptySelector(selector)) {
    // apps/v1 validation forbids it; kept for objects that got here some other way.
    s.event("Warning", "SelectingAll", "This deployment is selecting all pods. A non-empty selector is required.");
    return s;
  }
  try {
    const candidates = (rsByNs.get(ns) ?? []).filter((rs) => {
      const ref = controllerRefOf(rs);
      return !ref || ref.uid === d.metadata.uid;
    });
    const { claimed, changed } = claimObjects(client, s.d, candidates, (rs) => matches(selector, rs.metadata.labels ?? {}), (before, after) => {
      const list = rsByNs.get(ns)!;
      const i = list.indexOf(before);
      if (i >= 0) list[i] = after;
    });
    if (changed) s.changed = true;
    for (const rs of claimed) owned.add(rs.metadata.uid);
    s.rsList = [...claimed];
    run(s);
  } catch (e) {
    // Refused by the API (a user's object changed under us, or a write did not validate): what was
    // written stays written, and the next change or pass tries again.
    if (!(e instanceof ApiError)) throw e;
  }
  // Keep the namespace's ReplicaSets current for Deployments synced later in this pass.
  const rest = (rsByNs.get(ns) ?? []).filter((rs) => !owned.has(rs.metadata.uid));
  for (const rs of s.rsList) owned.add(rs.metadata.uid);
  rsByNs.set(ns, [...rest.filter((rs) => !owned.has(rs.metadata.uid)), ...s.rsList]);
  return s;
}

function run(s: DeploymentSync): void {
  if (s.d.metadata.deletionTimestamp) {
    syncStatusOnly(s);
    return;
  }
  checkPausedConditions(s);
  if (s.d.spec?.paused) {
    syncScaling(s);
    return;
  }
  if (isScalingEvent(s)) {
    syncScaling(s);
    return;
  }
  if (s.d.spec?.strategy?.type === "Recreate") rolloutRecreate(s);
  else rolloutRolling(s);
}
