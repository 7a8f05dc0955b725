// The small formatting helpers describe.go shares between describers: multi-line label,
// annotation, taint and toleration blocks, timestamps (RFC 1123 with zone, ages), quantities, and
// how Go's %v prints slices and booleans.
import type { KubeObject } from "../client";
import { compareGoStrings, formatLabelSelector, selectorFromLabelSelector, selectorToString } from "../../machinery/labels";
import { parseQuantity } from "../../machinery/quantity";
import { GO_ZERO_TIME_MS, parseRfc3339 } from "../../machinery/time";
import { humanDuration } from "../../machinery/duration";
import { goSort } from "../../machinery/gosort";
import { LEVEL_0, type PrefixWriter } from "./writer";

export type Obj = KubeObject;

/** Go's sort.Strings (byte order). */
export function sortStrings(xs: Iterable<string>): string[] {
  return [...xs].sort(compareGoStrings);
}

/** A metav1.Time as epoch ms; Go's zero time when absent or unparsable. */
export function timeMs(ts: unknown): number {
  if (typeof ts !== "string" || ts === "") return GO_ZERO_TIME_MS;
  return parseRfc3339(ts) ?? GO_ZERO_TIME_MS;
}

export function isZeroTime(ts: unknown): boolean {
  return timeMs(ts) === GO_ZERO_TIME_MS;
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * t.Format(time.RFC1123Z) in kubectl's local zone, which for the sandbox's terminal is UTC:
 * "Mon, 02 Jan 2006 15:04:05 +0000". An absent time is Go's zero time.
 */
export function rfc1123z(ts: unknown): string {
  const d = new Date(timeMs(ts));
  const p = (n: number) => String(n).padStart(2, "0");
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCFullYear()).padStart(4, "0")} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** time.Time.String() in UTC, what %s of a metav1.Time prints: "2006-01-02 15:04:05 +0000 UTC". */
export function goTimeString(ts: unknown): string {
  const ms = timeMs(ts);
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, "0");
  const frac = ms % 1000 ? `.${String(((ms % 1000) + 1000) % 1000).padStart(3, "0").replace(/0+$/, "")}` : "";
  return `${String(d.getUTCFullYear()).padStart(4, "0")}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}${frac} +0000 UTC`;
}

/** translateTimestampSince / translateMicroTimestampSince: `<unknown>` for a zero time. */
export function since(ts: unknown, nowMs: number): string {
  if (isZeroTime(ts)) return "<unknown>";
  return humanDuration(nowMs - timeMs(ts));
}

/** Quantity.String() of a serialized quantity; the zero Quantity ("0") when absent. */
export function quantity(v: unknown): string {
  if (v === undefined || v === null || v === "") return "0";
  try {
    return parseQuantity(String(v)).toString();
  } catch {
    return String(v);
  }
}

/** (*Quantity).String() of an optional quantity: "<nil>" when absent. */
export function quantityPtr(v: unknown): string {
  return v === undefined || v === null ? "<nil>" : quantity(v);
}

/** fmt's %v of a []string: `[a b]`. */
export function goList(xs: readonly unknown[] | undefined | null): string {
  return `[${(xs ?? []).map((x) => goValue(x)).join(" ")}]`;
}

/** fmt's %v of a JSON value as Go would hold it after decoding (maps as map[k:v], sorted). */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (Array.isArray(v)) return goList(v);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `map[${sortStrings(Object.keys(o))
      .map((k) => `${k}:${goValue(o[k])}`)
      .join(" ")}]`;
  }
  return String(v);
}

export function printBool(v: unknown): string {
  return v ? "True" : "False";
}

export function printBoolPtr(v: unknown): string {
  return v === undefined || v === null ? "<unset>" : printBool(v);
}

/** stringOrNone. */
export function orNone(s: string | undefined | null): string {
  return s ? s : "<none>";
}

/** metav1.LabelSelectorAsSelector(ls).String(); throws on an invalid selector like Go returns an error. */
export function selectorString(ls: unknown): string {
  return selectorToString(selectorFromLabelSelector(ls as never));
}

export { formatLabelSelector };

/** printController: `Kind/name` of the controller owner reference, or "". */
export function controllerOf(obj: Obj): string {
  const ref = (obj.metadata?.ownerReferences ?? []).find((r: Obj) => r.controller === true);
  return ref ? `${ref.kind ?? ""}/${ref.name ?? ""}` : "";
}

export function controllerRef(obj: Obj): Obj | undefined {
  return (obj.metadata?.ownerReferences ?? []).find((r: Obj) => r.controller === true);
}

/** printLabelsMultiline. */
export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | undefined | null): void {
  printLabelsMultilineWithIndent(w, "", title, "\t", labels);
}

/** printLabelsMultilineWithIndent (no key is skipped by any caller we have). */
export function printLabelsMultilineWithIndent(w: PrefixWriter, initialIndent: string, title: string, innerIndent: string, labels: Record<string, string> | undefined | null): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = sortStrings(Object.keys(labels ?? {}));
  if (keys.length === 0) {
    w.writeLine("<none>");
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    w.write(LEVEL_0, `${key}=${labels![key]}\n`);
  });
}

const MAX_ANNOTATION_LEN = 140;
const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

function byteLength(s: string): number {
  return utf8.encode(s).length;
}

/** shorten: Go slices bytes, so a long value is cut at byte `max`. */
function shorten(s: string, max: number): string {
  const bytes = utf8.encode(s);
  return bytes.length > max ? utf8Decoder.decode(bytes.slice(0, max)) + "..." : s;
}

/** printAnnotationsMultiline: sorted, last-applied-configuration skipped, long or multi-line values on their own lines. */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined | null): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = sortStrings(Object.keys(annotations ?? {}).filter((k) => k !== LAST_APPLIED));
  if (keys.length === 0) {
    w.writeLine("<none>");
    return;
  }
  const indent = "\t";
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = String(annotations![key]).replace(/\n$/, "");
    if (byteLength(value) + byteLength(key) + 2 > MAX_ANNOTATION_LEN || value.includes("\n")) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split("\n")) w.write(LEVEL_0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

/** Taint.ToString(). */
export function taintString(t: Obj): string {
  return t.value ? `${t.key ?? ""}=${t.value}:${t.effect ?? ""}` : `${t.key ?? ""}:${t.effect ?? ""}`;
}

/** printNodeTaintsMultiline: sorted by effect then key. */
export function printNodeTaintsMultiline(w: PrefixWriter, title: string, taints: Obj[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (!taints?.length) {
    w.writeLine("<none>");
    return;
  }
  const key = (t: Obj) => `${t.effect ?? ""},${t.key ?? ""}`;
  const sorted = goSort([...taints], (a, b) => compareGoStrings(key(a), key(b)) < 0);
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, "\t");
    w.write(LEVEL_0, `${taintString(t)}\n`);
  });
}

/** printPodTolerationsMultiline (every caller's initial indent is ""; a template's title carries its own). */
export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: Obj[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (!tolerations?.length) {
    w.writeLine("<none>");
    return;
  }
  const sorted = goSort([...tolerations], (a, b) => compareGoStrings(a.key ?? "", b.key ?? "") < 0);
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, "\t");
    let line = t.key ?? "";
    if (t.value) line += `=${t.value}`;
    if (t.effect) line += `:${t.effect}`;
    if (t.operator === "Exists" && !t.value) line += t.key || t.effect ? " op=Exists" : "op=Exists";
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) line += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, `${line}\n`);
  });
}

/** printPodsMultiline: pod names, sorted. */
export function printPodsMultiline(w: PrefixWriter, title: string, pods: Obj[]): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (!pods.length) {
    w.writeLine("<none>");
    return;
  }
  const sorted = goSort([...pods], (a, b) => compareGoStrings(a.metadata?.name ?? "", b.metadata?.name ?? "") < 0);
  sorted.forEach((p, i) => {
    if (i !== 0) w.write(LEVEL_0, "\t");
    w.write(LEVEL_0, `${p.metadata?.name ?? ""}\n`);
  });
}

/** An IntOrString as Go's String() prints it. */
export function intOrString(v: unknown): string {
  return v === undefined || v === null ? "" : String(v);
}

/** storageutil.GetAccessModesAsString. */
export function accessModesString(modes: readonly string[] | undefined): string {
  const set = new Set(modes ?? []);
  const out: string[] = [];
  if (set.has("ReadWriteOnce")) out.push("RWO");
  if (set.has("ReadOnlyMany")) out.push("ROX");
  if (set.has("ReadWriteMany")) out.push("RWX");
  if (set.has("ReadWriteOncePod")) out.push("RWOP");
  return out.join(",");
}
