// The generic describer kubectl uses for kinds without their own (custom resources, leases, ...):
// name, namespace, labels, annotations, then every other field of the object, keys sorted and
// turned into words ("creationTimestamp" -> "Creation Timestamp"), then the events.
import { resourcePath, type ApiResource } from "../client";
import { getJson, type Describer } from "./context";
import { describeEvents, eventsFor, refOf } from "./events";
import { printAnnotationsMultiline, printLabelsMultiline, sortStrings, type Obj } from "./format";
import { LEVEL_0, tabbedString, type PrefixWriter } from "./writer";

const SKIP = [".metadata.managedFields", ".metadata.name", ".metadata.namespace", ".metadata.labels", ".metadata.annotations"];

export function genericDescriber(mapping: ApiResource): Describer {
  return async (ctx, ns, name) => {
    const obj = await getJson(ctx, resourcePath(mapping, ns || undefined, name));
    const events = await eventsFor(ctx, refOf(obj));
    return renderGeneric(obj, events, ctx.nowMs);
  };
}

export function renderGeneric(obj: Obj, events: Obj[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata?.namespace ?? ""}\n`);
    printLabelsMultiline(w, "Labels", obj.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", obj.metadata?.annotations);
    printUnstructuredContent(w, LEVEL_0, obj, "");
    if (events) describeEvents(events, w, nowMs);
  });
}

function printUnstructuredContent(w: PrefixWriter, level: number, content: Obj, skipPrefix: string): void {
  for (const field of sortStrings(Object.keys(content))) {
    const value = content[field];
    const path = `${skipPrefix}.${field}`;
    if (SKIP.includes(path)) continue;
    if (value && typeof value === "object" && !Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printUnstructuredContent(w, level + 1, value, path);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child && typeof child === "object" && !Array.isArray(child)) printUnstructuredContent(w, level + 1, child, path);
        else w.write(level + 1, `${scalar(child)}\n`);
      }
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${scalar(value)}\n`);
    }
  }
}

/** %v of a value decoded from JSON the way Go's unstructured decoder holds it (integers as int64). */
function scalar(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (Array.isArray(v)) return `[${v.map(scalar).join(" ")}]`;
  if (typeof v === "object") {
    const o = v as Obj;
    return `map[${sortStrings(Object.keys(o))
      .map((k) => `${k}:${scalar(o[k])}`)
      .join(" ")}]`;
  }
  if (typeof v === "number") return goFloatOrInt(v);
  return String(v);
}

/** Integers print as integers; other numbers as Go's %v of a float64 (shortest form, exponent at 1e21 and below 1e-4). */
function goFloatOrInt(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 2 ** 63) return BigInt(n).toString();
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e21)) {
    const [m, e] = n.toExponential().split("e");
    const exp = Number(e);
    return `${m}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  return String(n);
}

const ACRONYMS = ["API", "URL", "UID", "OSB", "GUID"];

/** smartLabelFor: camelCase field names as title-cased words, known acronyms upper-cased. */
export function smartLabelFor(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  const parts = camelcaseSplit(field);
  return parts
    .filter((p) => p !== "_")
    .map((p) => (ACRONYMS.includes(p.toUpperCase()) ? p.toUpperCase() : titleWord(p)))
    .join(" ");
}

/** strings.Title for one word (letters and '-' only here): the first letter of each run upper-cased. */
function titleWord(p: string): string {
  let out = "";
  let prev = " ";
  for (const ch of p) {
    out += /[\p{L}\p{N}_']/u.test(prev) ? ch : ch.toUpperCase();
    prev = ch;
  }
  return out;
}

/** fatih/camelcase.Split: runs of lower, upper, digit and other characters; "PDFLoader" -> PDF, Loader. */
function camelcaseSplit(src: string): string[] {
  const cls = (r: string) => (/\p{Ll}/u.test(r) ? 1 : /\p{Lu}/u.test(r) ? 2 : /\p{Nd}/u.test(r) ? 3 : 4);
  const runs: string[][] = [];
  let last = 0;
  for (const r of src) {
    const c = cls(r);
    if (c === last) runs[runs.length - 1].push(r);
    else runs.push([r]);
    last = c;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (/\p{Lu}/u.test(runs[i][0]) && /\p{Ll}/u.test(runs[i + 1][0])) {
      runs[i + 1].unshift(runs[i].pop()!);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(""));
}
