// The events part of describe: searchEvents (events whose involvedObject is the described object,
// found with a field selector, paged by --chunk-size) and DescribeEvents (the "Events:" table,
// sorted by lastTimestamp with Go's unstable sort, ages relative to now).
import type { KubeObject } from "../client";
import { corePath, listAll, type DescribeContext } from "./context";
import { goSort } from "../../machinery/gosort";
import { since, isZeroTime, timeMs } from "./format";
import { LEVEL_0, LEVEL_1, type PrefixWriter } from "./writer";

/** An ObjectReference as reference.GetReference builds it (kind empty for pods: kubectl clears it). */
export interface EventRef {
  kind?: string;
  namespace?: string;
  name: string;
  uid?: string;
}

export function refOf(obj: KubeObject, kind?: string): EventRef {
  return { kind: kind ?? obj.kind, namespace: obj.metadata?.namespace, name: obj.metadata?.name ?? "", uid: obj.metadata?.uid };
}

/** fields.EscapeValue: `\`, `,` and `=` are escaped in field selector values. */
function escapeFieldValue(v: string): string {
  return v.replace(/\\/g, "\\\\").replace(/,/g, "\\,").replace(/=/g, "\\=");
}

/** searchEvents: events about the object (name, namespace, and kind and uid when known). */
export async function searchEvents(ctx: DescribeContext, ref: EventRef): Promise<KubeObject[]> {
  const terms: [string, string][] = [
    ["involvedObject.name", ref.name],
    ["involvedObject.namespace", ref.namespace ?? ""],
  ];
  if (ref.kind) terms.push(["involvedObject.kind", ref.kind]);
  if (ref.uid) terms.push(["involvedObject.uid", ref.uid]);
  const fieldSelector = terms.map(([k, v]) => `${k}=${escapeFieldValue(v)}`).join(",");
  return listAll(ctx, corePath("events", ref.namespace || undefined), { fieldSelector });
}

/** searchEvents when --show-events is on; like kubectl, a failed search just shows no events. */
export async function eventsFor(ctx: DescribeContext, ref: EventRef): Promise<KubeObject[] | undefined> {
  if (!ctx.settings.showEvents) return undefined;
  try {
    return await searchEvents(ctx, ref);
  } catch {
    return [];
  }
}

/** DescribeEvents. */
export function describeEvents(events: KubeObject[], w: PrefixWriter, nowMs: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, "Events:\t<none>\n");
    return;
  }
  w.flush();
  const sorted = goSort([...events], (a, b) => timeMs(a.lastTimestamp) < timeMs(b.lastTimestamp));
  w.write(LEVEL_0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
  w.write(LEVEL_1, "----\t------\t----\t----\t-------\n");
  for (const e of sorted) {
    const first = isZeroTime(e.eventTime) ? since(e.firstTimestamp, nowMs) : since(e.eventTime, nowMs);
    let interval: string;
    if (e.series) interval = `${since(e.series.lastObservedTime, nowMs)} (x${e.series.count ?? 0} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${since(e.lastTimestamp, nowMs)} (x${e.count} over ${first})`;
    else interval = first;
    // ReportingController is serialized as reportingComponent.
    const source = e.source?.component || e.reportingComponent || "";
    w.write(LEVEL_1, `${e.type ?? ""}\t${e.reason ?? ""}\t${interval}\t${source}\t${String(e.message ?? "").trim()}\n`);
  }
}
