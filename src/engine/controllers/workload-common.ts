// Small pieces the StatefulSet, DaemonSet, Job and CronJob controllers share: the field manager and
// event sources they write as, per-namespace indexes built once per pass, pod writes that record the
// events RealPodControl records, and intstr scaling.
import type { KubeObject } from "../kinds/types";
import type { ControllerClient } from "./client";
import { ApiError } from "../machinery/status";
import { parseRfc3339 } from "../machinery/time";

/** kube-controller-manager writes as one field manager; each controller has its own event source. */
export const KCM_MANAGER = "kube-controller-manager";

export function event(client: ControllerClient, component: string, involved: KubeObject, type: "Normal" | "Warning", reason: string, message: string): void {
  client.event(involved, type, reason, message, { component });
}

/** Groups objects by namespace (one pass over the list). */
export function byNamespace(objs: readonly KubeObject[]): Map<string, KubeObject[]> {
  const m = new Map<string, KubeObject[]>();
  for (const o of objs) {
    const ns = o.metadata.namespace ?? "";
    let list = m.get(ns);
    if (!list) m.set(ns, (list = []));
    list.push(o);
  }
  return m;
}

/** Groups objects by the uid of their controller reference. */
export function byControllerUid(objs: readonly KubeObject[]): Map<string, KubeObject[]> {
  const m = new Map<string, KubeObject[]>();
  for (const o of objs) {
    const ref = o.metadata.ownerReferences?.find((r) => r.controller === true);
    if (!ref) continue;
    let list = m.get(ref.uid);
    if (!list) m.set(ref.uid, (list = []));
    list.push(o);
  }
  return m;
}

/** The message an API error carries into "Error creating: ..." events (StatusError.Error()). */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * RealPodControl.CreatePods: creates the pod and records SuccessfulCreate (`Created pod: <name>`) or
 * FailedCreate (`Error creating: <error>`) on the owner. Returns the pod, or undefined on an API error.
 */
export function createPod(client: ControllerClient, component: string, owner: KubeObject, pod: KubeObject): KubeObject | undefined {
  try {
    const created = client.create(pod);
    event(client, component, owner, "Normal", "SuccessfulCreate", `Created pod: ${created.metadata.name}`);
    return created;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.code !== 409) event(client, component, owner, "Warning", "FailedCreate", `Error creating: ${errorMessage(e)}`);
    return undefined;
  }
}

/** RealPodControl.DeletePod: deletes and records SuccessfulDelete (`Deleted pod: <name>`). */
export function deletePod(client: ControllerClient, component: string, owner: KubeObject, pod: KubeObject): boolean {
  try {
    if (!client.delete(pod)) return false;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    event(client, component, owner, "Warning", "FailedDelete", `Error deleting: ${errorMessage(e)}`);
    return false;
  }
  event(client, component, owner, "Normal", "SuccessfulDelete", `Deleted pod: ${pod.metadata.name}`);
  return true;
}

/** intstr.GetScaledValueFromIntOrPercent (a malformed value counts as 0). */
export function scaledValue(v: number | string | undefined | null, total: number, roundUp: boolean): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === "number") return v;
  const m = /^(\d+)%$/.exec(v);
  if (!m) return /^\d+$/.test(v) ? Number(v) : 0;
  const x = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

export function timeMs(s: unknown): number | undefined {
  return typeof s === "string" ? parseRfc3339(s) : undefined;
}

/** A wake-up strictly in the future, or undefined (never ask to run again at or before now). */
export function futureWake(atMs: number | undefined, nowMs: number): number | undefined {
  return atMs !== undefined && atMs > nowMs ? atMs : undefined;
}
