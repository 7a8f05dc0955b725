// `kubectl events` (k8s.io/kubectl/pkg/cmd/events): core/v1 Events of a namespace (-A: all), oldest
// first by their last time (Go's unstable sort, so ties land where kubectl puts them), as LAST SEEN /
// TYPE / REASON / OBJECT / MESSAGE rows (`5m (x3 over 10m)` for repeated events), filtered by
// --for TYPE/NAME and --types; -o prints the EventList through kubectl's generic printers; -w streams
// new events until the host's signal aborts.
import type { KubectlCommand, CommandRun } from "../command";
import { KubectlError } from "../command";
import { resourcePath, type KubeObject } from "../client";
import { humanDuration } from "../../machinery/duration";
import { parseRfc3339 } from "../../machinery/time";
import { GENERIC_FORMATS, genericPrinter, outputFlag, SHOW_MANAGED_FIELDS_FLAG, TEMPLATE_FLAGS, type ChosenPrinter } from "../printers/print-flags";
import { escapeTerminal } from "../printers/table";
import { newTableTabWriter, type TabWriter } from "../printers/tabwriter";
import { goSort } from "../../machinery/gosort";
import { listError, watchLoop } from "../list-watch";

const LONG = `Display events.

 Prints a table of the most important information about events. You can request events for a namespace, for all namespace, or filtered to only those pertaining to a specified resource.`;

const EXAMPLE = `  # List recent events in the default namespace
  kubectl events
  
  # List recent events in all namespaces
  kubectl events --all-namespaces
  
  # List recent events for the specified pod, then wait for more events and list them as they arrive
  kubectl events --for pod/web-pod-13je7 --watch
  
  # List recent events in YAML format
  kubectl events -oyaml
  
  # List recent only events of type 'Warning' or 'Normal'
  kubectl events --types=Warning,Normal`;

export const eventsCommand: KubectlCommand = {
  name: "events",
  short: "List events",
  long: LONG,
  example: EXAMPLE,
  usage: `events [(-o|--output=)${GENERIC_FORMATS.join("|")}] [--for TYPE/NAME] [--watch] [--types=Normal,Warning] [options]`,
  flags: [
    { name: "watch", shorthand: "w", type: "bool", usage: "After listing the requested events, watch for more events." },
    { name: "all-namespaces", shorthand: "A", type: "bool", usage: "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace." },
    { name: "for", type: "string", usage: "Filter events to only those pertaining to the specified resource." },
    { name: "types", type: "stringSlice", usage: "Output only events of given types." },
    { name: "no-headers", type: "bool", usage: "When using the default output format, don't print headers." },
    { name: "chunk-size", type: "int64", default: 500, usage: "Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future." },
    outputFlag(GENERIC_FORMATS),
    ...TEMPLATE_FLAGS,
    SHOW_MANAGED_FIELDS_FLAG,
  ],
  run: runEvents,
};

async function runEvents(run: CommandRun): Promise<number> {
  const { flags, env, client } = run;
  const allNamespaces = flags.bool("all-namespaces");
  let fieldSelector: string | undefined;
  const forObject = flags.string("for");
  if (forObject) {
    if (!forObject.includes("/")) throw new KubectlError("--for must be in resource/name form");
    const parts = forObject.split("/");
    if (parts.length !== 2) throw new KubectlError("arguments in resource/name form may not have more than one slash");
    const mapping = await client.tryResolve(parts[0].toLowerCase());
    if (!mapping) {
      // kubectl's CheckErr prints a NoResourceMatchError without the "error: " prefix.
      const [resource] = parts[0].toLowerCase().split(".");
      env.stderr.write(`the server doesn't have a resource type ${JSON.stringify(resource)}\n`);
      return 1;
    }
    const gv = mapping.group ? `${mapping.group}/${mapping.version}` : mapping.version;
    fieldSelector = `involvedObject.kind=${mapping.kind},involvedObject.apiVersion=${gv},involvedObject.name=${parts[1]}`;
  }
  const types = [...new Set(flags.strings("types"))].sort();
  let printer: ChosenPrinter | undefined;
  if (flags.string("output")) {
    printer = genericPrinter({
      output: flags.string("output"),
      template: flags.string("template"),
      outputChanged: true,
      allowMissingKeys: flags.bool("allow-missing-template-keys"),
      showManagedFields: flags.bool("show-managed-fields"),
      files: env.files,
      operation: "events",
      sortJsonKeys: false,
    });
  }
  for (const t of types) if (t.toLowerCase() !== "normal" && t.toLowerCase() !== "warning") throw new KubectlError("valid --types are Normal or Warning");
  const wanted = (e: KubeObject) => types.length === 0 || types.some((t) => t.toLowerCase() === String(e.type ?? "").toLowerCase());
  const namespace = allNamespaces ? undefined : run.namespace;
  const path = resourcePath({ group: "", version: "v1", resource: "events", namespaced: true }, namespace);
  const table = new EventTable(flags.bool("no-headers"), allNamespaces, env.host.now());
  const w = newTableTabWriter(env.stdout);
  const print = (obj: KubeObject) => {
    // kubectl ignores PrintObj's errors here (so `-o name`, which refuses typed lists, prints nothing).
    try {
      if (!printer) table.print(obj, w);
      else if (printer.kind === "table" || printer.kind === "custom-columns") return;
      else if (printer.kind === "name" && obj.kind === "EventList") return;
      else printer.printer.print(obj, w);
    } catch (e) {
      if (!(e instanceof KubectlError)) throw e;
    }
  };

  if (flags.bool("watch")) return watchEvents(run, path, fieldSelector, wanted, print, w);

  const items: KubeObject[] = [];
  let next: string | undefined;
  do {
    let page: KubeObject;
    try {
      page = await client.request("GET", path, { query: { limit: "500", fieldSelector, continue: next } });
    } catch (e) {
      throw listError(e, "events", "", fieldSelector ?? "");
    }
    items.push(...(page.items ?? []));
    next = page.metadata?.continue || undefined;
  } while (next);
  const filtered = items.filter(wanted).map(typedEvent);
  if (filtered.length === 0) {
    env.stderr.write(allNamespaces ? "No events found.\n" : `No events found in ${run.namespace} namespace.\n`);
    return 0;
  }
  goSort(filtered, (a, b) => eventTime(a) < eventTime(b));
  print({ kind: "EventList", apiVersion: "v1", metadata: {}, items: filtered });
  w.flush();
  return 0;
}

async function watchEvents(run: CommandRun, path: string, fieldSelector: string | undefined, wanted: (e: KubeObject) => boolean, print: (o: KubeObject) => void, w: TabWriter): Promise<number> {
  return watchLoop(run, path, { watch: "true", limit: "500", fieldSelector }, undefined, (e) => {
    if (e.type === "DELETED" || e.type === "BOOKMARK" || e.type === "ERROR") return;
    const obj = e.object as KubeObject;
    if (!wanted(obj)) return;
    print(typedEvent(obj));
    w.flush();
  });
}

/** eventTime: the series' last observation, else lastTimestamp, else eventTime (ms; 0 when none). */
function eventTime(e: KubeObject): number {
  const t = (s: unknown) => (typeof s === "string" ? (parseRfc3339(s) ?? 0) : 0);
  if (e.series) return t(e.series.lastObservedTime);
  if (e.lastTimestamp) return t(e.lastTimestamp);
  return t(e.eventTime);
}

/**
 * The event as client-go's typed corev1.Event re-encodes it: struct field order, zero values of
 * fields without omitempty (`source: {}`, `firstTimestamp: null`, `reportingComponent: ""`).
 */
function typedEvent(e: KubeObject): KubeObject {
  const m = e.metadata ?? {};
  const metaOrder = ["name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences", "finalizers", "managedFields"];
  const metadata: KubeObject = {};
  for (const k of metaOrder) if (m[k] !== undefined && m[k] !== "") metadata[k] = m[k];
  if (metadata.creationTimestamp === undefined) metadata.creationTimestamp = null;
  const ref = e.involvedObject ?? {};
  const involvedObject: KubeObject = {};
  for (const k of ["kind", "namespace", "name", "uid", "apiVersion", "resourceVersion", "fieldPath"]) if (ref[k]) involvedObject[k] = ref[k];
  const out: KubeObject = {
    kind: "Event",
    apiVersion: "v1",
    metadata,
    involvedObject,
  };
  if (e.reason) out.reason = e.reason;
  if (e.message) out.message = e.message;
  const source: KubeObject = {};
  if (e.source?.component) source.component = e.source.component;
  if (e.source?.host) source.host = e.source.host;
  out.source = source;
  out.firstTimestamp = e.firstTimestamp ?? null;
  out.lastTimestamp = e.lastTimestamp ?? null;
  if (e.count) out.count = e.count;
  if (e.type) out.type = e.type;
  out.eventTime = e.eventTime ?? null;
  if (e.series) out.series = e.series;
  if (e.action) out.action = e.action;
  if (e.related) out.related = e.related;
  out.reportingComponent = e.reportingComponent ?? "";
  out.reportingInstance = e.reportingInstance ?? "";
  return out;
}

/** kubectl's EventPrinter: headers once, then one row per event. */
class EventTable {
  private headersPrinted = false;
  constructor(
    private readonly noHeaders: boolean,
    private readonly allNamespaces: boolean,
    private readonly nowMs: number,
  ) {}

  print(obj: KubeObject, w: TabWriter): void {
    if (!this.noHeaders && !this.headersPrinted) {
      w.write(`${this.allNamespaces ? "NAMESPACE\t" : ""}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n`);
      this.headersPrinted = true;
    }
    const events: KubeObject[] = obj.kind === "EventList" ? obj.items : [obj];
    for (const e of events) {
      const ns = this.allNamespaces ? `${e.metadata?.namespace ?? ""}\t` : "";
      const ref = e.involvedObject ?? {};
      const message = escapeTerminal(String(e.message ?? "").trim());
      w.write(`${ns}${this.interval(e)}\t${escapeTerminal(e.type ?? "")}\t${escapeTerminal(e.reason ?? "")}\t${escapeTerminal(ref.kind ?? "")}/${escapeTerminal(ref.name ?? "")}\t${message}\n`);
    }
  }

  private since(ts: unknown): string {
    const t = typeof ts === "string" ? parseRfc3339(ts) : undefined;
    return t === undefined ? "<unknown>" : humanDuration(this.nowMs - t);
  }

  /** getInterval: `5m`, or `5m (x3 over 10m)` for a repeated event or a series. */
  private interval(e: KubeObject): string {
    const first = e.eventTime ? this.since(e.eventTime) : this.since(e.firstTimestamp);
    if (e.series) return `${this.since(e.series.lastObservedTime)} (x${e.series.count ?? 0} over ${first})`;
    if ((e.count ?? 0) > 1) return `${this.since(e.lastTimestamp)} (x${e.count} over ${first})`;
    return first;
  }
}
