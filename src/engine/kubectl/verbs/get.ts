// `kubectl get` (k8s.io/kubectl/pkg/cmd/get): resources by TYPE, TYPE NAME..., TYPE/NAME, TYPE1,TYPE2,
// `all` or -f files; server-side Tables for the human-readable output (`-o wide`, --show-labels, -L,
// --show-kind, -A, --no-headers, --sort-by), every other -o format through the printers; --watch and
// --watch-only streaming rows until the host's signal aborts; --raw; chunked lists; NotFound errors
// for some names printed after the others' output, as kubectl's ContinueOnError builder does.
import type { KubectlCommand, CommandRun } from "../command";
import { KubectlError, UsageError } from "../command";
import type { FlagSpec } from "../flags";
import { formatError, resourcePath, ServerError, type ApiResource, type KubeObject } from "../client";
import { parseResourceArgs, readManifests, resolveTargets, type Target } from "../builder";
import { listError, watchLoop } from "../list-watch";
import { getPrinter, GET_FORMATS, outputFlag, SHOW_MANAGED_FIELDS_FLAG, TEMPLATE_FLAGS, type ChosenPrinter } from "../printers/print-flags";
import { TABLE_ACCEPT, isTable, type Table } from "../printers/table";
import { newTableTabWriter, type TabWriter } from "../printers/tabwriter";
import { sortObjects, sortTableRows } from "../printers/sort";
import { relaxedJsonPathExpression } from "../printers/jsonpath";
import type { OutputSink } from "../../shell/types";
import { FIELD_SELECTOR_FLAG, KUSTOMIZE_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, filenameFlag } from "../common-flags";

const LONG = `Display one or many resources.

 Prints a table of the most important information about the specified resources. You can filter the list using a label selector and the --selector flag. If the desired resource type is namespaced you will only see results in the current namespace if you don't specify any namespace.

 By specifying the output as 'template' and providing a Go template as the value of the --template flag, you can filter the attributes of the fetched resources.

Use "kubectl api-resources" for a complete list of supported resources.`;

const EXAMPLE = `  # List all pods in ps output format
  kubectl get pods
  
  # List all pods in ps output format with more information (such as node name)
  kubectl get pods -o wide
  
  # List a single replication controller with specified NAME in ps output format
  kubectl get replicationcontroller web
  
  # List deployments in JSON output format, in the "v1" version of the "apps" API group
  kubectl get deployments.v1.apps -o json
  
  # List a single pod in JSON output format
  kubectl get -o json pod web-pod-13je7
  
  # List a pod identified by type and name specified in "pod.yaml" in JSON output format
  kubectl get -f pod.yaml -o json
  
  # List resources from a directory with kustomization.yaml - e.g. dir/kustomization.yaml
  kubectl get -k dir/
  
  # Return only the phase value of the specified pod
  kubectl get -o template pod/web-pod-13je7 --template={{.status.phase}}
  
  # List resource information in custom columns
  kubectl get pod test-pod -o custom-columns=CONTAINER:.spec.containers[0].name,IMAGE:.spec.containers[0].image
  
  # List all replication controllers and services together in ps output format
  kubectl get rc,services
  
  # List one or more resources by their type and names
  kubectl get rc/web service/frontend pods/web-pod-13je7
  
  # List the 'status' subresource for a single pod
  kubectl get pod web-pod-13je7 --subresource status
  
  # List all deployments in namespace 'backend'
  kubectl get deployments.apps --namespace backend
  
  # List all pods existing in all namespaces
  kubectl get pods --all-namespaces`;

const FLAGS: FlagSpec[] = [
  { name: "all-namespaces", shorthand: "A", type: "bool", usage: "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace." },
  ...TEMPLATE_FLAGS.filter((f) => f.name === "allow-missing-template-keys"),
  { name: "chunk-size", type: "int64", default: 500, usage: "Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future." },
  FIELD_SELECTOR_FLAG,
  filenameFlag("Filename, directory, or URL to files identifying the resource to get from a server."),
  { name: "ignore-not-found", type: "bool", usage: "If the requested object does not exist the command will return exit code 0." },
  KUSTOMIZE_FLAG,
  { name: "label-columns", shorthand: "L", type: "stringSlice", usage: "Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2..." },
  { name: "no-headers", type: "bool", usage: "When using the default or custom-column output format, don't print headers (default print headers)." },
  outputFlag(GET_FORMATS, true),
  { name: "output-watch-events", type: "bool", usage: "Output watch event objects when --watch or --watch-only is used. Existing objects are output as initial ADDED events." },
  { name: "raw", type: "string", usage: "Raw URI to request from the server.  Uses the transport specified by the kubeconfig file." },
  RECURSIVE_FLAG,
  SELECTOR_FLAG,
  { name: "server-print", type: "bool", default: true, usage: "If true, have the server return the appropriate table output. Supports extension APIs and CRDs." },
  { name: "show-kind", type: "bool", usage: "If present, list the resource type for the requested object(s)." },
  { name: "show-labels", type: "bool", usage: "When printing, show all labels as the last column (default hide labels column)" },
  SHOW_MANAGED_FIELDS_FLAG,
  { name: "sort-by", type: "string", usage: "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The field in the API resource specified by this JSONPath expression must be an integer or a string." },
  { name: "subresource", type: "string", usage: "If specified, gets the subresource of the requested object. This flag is beta and may change in the future." },
  ...TEMPLATE_FLAGS.filter((f) => f.name === "template"),
  { name: "watch", shorthand: "w", type: "bool", usage: "After listing/getting the requested object, watch for changes." },
  { name: "watch-only", type: "bool", usage: "Watch for changes to the requested object(s), without listing/getting first." },
];

export const getCommand: KubectlCommand = {
  name: "get",
  short: "Display one or many resources",
  long: LONG,
  example: EXAMPLE,
  usage: `get [(-o|--output=)${GET_FORMATS.join("|")}] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]`,
  flags: FLAGS,
  run: runGet,
};

/** What one invocation decided from its flags (kubectl's GetOptions after Complete). */
interface GetOptions {
  run: CommandRun;
  output: string;
  template: string;
  serverPrint: boolean;
  humanReadable: boolean;
  sortBy: string;
  noHeaders: boolean;
  allNamespaces: boolean;
  labelSelector: string;
  fieldSelector: string;
  ignoreNotFound: boolean;
  chunkSize: number;
  subresource: string;
}

async function runGet(run: CommandRun): Promise<number> {
  const { flags, args, env } = run;
  const raw = flags.string("raw");
  if (raw) {
    if (args.length) throw new KubectlError("arguments may not be passed when --raw is specified");
    if (flags.bool("watch") || flags.bool("watch-only") || flags.string("selector")) throw new KubectlError("--raw may not be specified with other flags that filter the server request or alter the output");
    if (flags.string("output")) throw new KubectlError("--raw and --output are mutually exclusive");
    if (!raw.startsWith("/")) throw new KubectlError(`--raw must be a valid URL path: parse ${JSON.stringify(raw)}: invalid URI for request`);
    return rawGet(run, raw);
  }
  const output = flags.string("output");
  const template = flags.string("template");
  const o: GetOptions = {
    run,
    output,
    template,
    serverPrint: flags.bool("server-print") && !(output.includes("custom-columns") || output === "yaml" || output.includes("json")),
    humanReadable: (output === "" && template === "") || output === "wide",
    sortBy: flags.string("sort-by"),
    noHeaders: flags.bool("no-headers"),
    allNamespaces: flags.bool("all-namespaces"),
    labelSelector: flags.string("selector"),
    fieldSelector: flags.string("field-selector"),
    ignoreNotFound: flags.bool("ignore-not-found"),
    chunkSize: flags.int("chunk-size"),
    subresource: flags.string("subresource"),
  };
  const watch = flags.bool("watch");
  const watchOnly = flags.bool("watch-only");
  const filenames = flags.strings("filename");
  if (watch) {
    if (o.sortBy) env.stderr.write("warning: --watch requested, --sort-by will be ignored for watch events received\n");
  } else if (watchOnly) {
    if (o.sortBy) env.stderr.write("warning: --watch-only requested, --sort-by will be ignored\n");
  } else if (args.length === 0 && filenames.length === 0 && !flags.string("kustomize")) {
    env.stderr.write(`You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n`);
    throw new UsageError(`Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).`);
  }
  if (flags.bool("show-labels") && output !== "" && output !== "wide") throw new KubectlError(`--show-labels option cannot be used with ${output} printer`);
  if (flags.bool("output-watch-events") && !(watch || watchOnly)) throw new KubectlError("--output-watch-events option can only be used with --watch or --watch-only");
  if (flags.string("kustomize")) throw new KubectlError("kustomize is not available in this sandbox: use -f with the manifests instead");

  const targets = await targetsFor(run, o, filenames);
  if (watch || watchOnly) return watchTargets(o, targets, watchOnly);
  return o.humanReadable ? printHuman(o, targets) : printGeneric(o, targets);
}

async function targetsFor(run: CommandRun, o: GetOptions, filenames: string[]): Promise<{ targets: Target[]; singleItemImplied: boolean }> {
  if (filenames.length) {
    if (run.args.length) throw new KubectlError("when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well");
    const read = await readManifests(run, filenames, run.flags.bool("recursive"));
    if (read.errors.length) throw new KubectlError(read.errors.join("\n"));
    const targets = await resolveTargets(run, [], { manifests: read.docs });
    const single = filenames.length === 1 && filenames[0] !== "-" && !run.env.files.isDirectory(filenames[0]);
    return { targets, singleItemImplied: single };
  }
  const parsed = parseResourceArgs(run.args);
  if (parsed.kind === "none") {
    throw new KubectlError(
      "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
  }
  const targets = await resolveTargets(run, run.args, { allNamespaces: o.allNamespaces });
  const single = (parsed.kind === "pairs" && parsed.pairs.length === 1) || (parsed.kind === "types" && parsed.types.length === 1 && parsed.names.length === 1 && targets.length === 1);
  return { targets, singleItemImplied: single };
}

/** One fetched piece: an object, a list (one page), or a Table, with the mapping it came from. */
interface Info {
  mapping: ApiResource;
  object: KubeObject;
  /** A named object (not a list). */
  named: boolean;
}

/** GroupVersionResource.String(), as the builder quotes it in selector errors. */
function gvrString(m: ApiResource): string {
  return `${m.group ? `${m.group}/` : "/"}${m.version}, Resource=${m.resource}`;
}

/** Fetches every target like kubectl's builder (ContinueOnError): infos and the errors, in order. */
async function fetchInfos(o: GetOptions, targets: Target[], table: boolean, chunkSize: number): Promise<{ infos: Info[]; errors: unknown[] }> {
  const { run } = o;
  const headers = table ? { accept: TABLE_ACCEPT } : undefined;
  const infos: Info[] = [];
  const errors: unknown[] = [];
  for (const t of targets) {
    try {
      if (t.name !== undefined) {
        const query = table && o.sortBy ? { includeObject: "Object" } : undefined;
        const obj = await run.client.request("GET", resourcePath(t.mapping, t.namespace, t.name, o.subresource || undefined), { headers, query });
        infos.push({ mapping: t.mapping, object: obj, named: true });
        continue;
      }
      let next: string | undefined;
      do {
        const query: Record<string, string | undefined> = {
          labelSelector: o.labelSelector || undefined,
          fieldSelector: o.fieldSelector || undefined,
          limit: chunkSize > 0 ? String(chunkSize) : undefined,
          continue: next,
          includeObject: table && o.sortBy ? "Object" : undefined,
        };
        let page: KubeObject;
        try {
          page = await run.client.request("GET", resourcePath(t.mapping, t.namespace), { headers, query });
        } catch (e) {
          throw listError(e, gvrString(t.mapping), o.labelSelector, o.fieldSelector);
        }
        infos.push({ mapping: t.mapping, object: page, named: false });
        next = page.metadata?.continue || undefined;
      } while (next && chunkSize > 0);
    } catch (e) {
      if (o.ignoreNotFound && e instanceof ServerError && e.code === 404 && e.reason === "NotFound") continue;
      if (!(e instanceof ServerError)) throw e;
      errors.push(e);
    }
  }
  return { infos, errors };
}

function printerFor(o: GetOptions, opts: { mapping?: ApiResource; withNamespace?: boolean; withKind?: boolean } = {}): ChosenPrinter {
  const { flags, env } = o.run;
  return getPrinter({
    output: o.output,
    template: o.template,
    allowMissingKeys: flags.bool("allow-missing-template-keys"),
    showManagedFields: flags.bool("show-managed-fields"),
    noHeaders: o.noHeaders,
    files: env.files,
    table: {
      withNamespace: opts.withNamespace,
      withKind: opts.withKind || flags.bool("show-kind"),
      kind: opts.mapping ? groupKind(opts.mapping) : undefined,
      columnLabels: flags.strings("label-columns"),
      showLabels: flags.bool("show-labels"),
      nowMs: env.host.now(),
    },
  });
}

/** schema.GroupKind.String(): `Deployment.apps`, `Pod`. */
function groupKind(m: ApiResource): string {
  return m.group ? `${m.kind}.${m.group}` : m.kind;
}

function writeErrors(o: GetOptions, errors: unknown[]): number {
  for (const e of errors) o.run.env.stderr.write(formatError(e));
  return errors.length ? 1 : 0;
}

/** A sink that counts what went through it and can put a blank line before the next write. */
class SeparatorSink implements OutputSink {
  written = 0;
  ready = false;
  constructor(private readonly out: OutputSink) {}
  write(text: string): void {
    if (text.length && this.ready) {
      this.out.write("\n");
      this.ready = false;
    }
    this.written += text.length;
    this.out.write(text);
  }
}

/** The human-readable path of GetOptions.Run: Tables per resource type, a blank line between types. */
async function printHuman(o: GetOptions, { targets }: { targets: Target[] }): Promise<number> {
  const chunkSize = o.sortBy ? 0 : o.chunkSize;
  const { infos, errors } = await fetchInfos(o, targets, o.serverPrint, chunkSize);
  const printWithKind = infos.length > 1 && infos.some((i) => i.mapping.group !== infos[0].mapping.group || i.mapping.version !== infos[0].mapping.version || i.mapping.kind !== infos[0].mapping.kind);
  // kubectl's RuntimeSorter sees the server's Tables as plain objects: with several of them it sorts
  // the Tables themselves by the field (which they rarely have: "couldn't find any field ..."); the
  // rows of each Table are sorted by the SortingPrinter while printing.
  if (o.sortBy && infos.length > 1) {
    const order = sortObjects(infos.map((i) => i.object), relaxedOrSelf(o.sortBy));
    const sorted = order.map((ix) => infos[ix]);
    infos.splice(0, infos.length, ...sorted);
  }
  const sink = new SeparatorSink(o.run.env.stdout);
  const w = newTableTabWriter(sink);
  let allNamespaced = !o.allNamespaces;
  let printer: ChosenPrinter | undefined;
  let lastMapping: ApiResource | undefined;
  for (const info of infos) {
    allNamespaced = allNamespaced && info.mapping.namespaced;
    const withNamespace = o.allNamespaces && info.mapping.namespaced;
    if (!printer || !lastMapping || info.mapping.resource !== lastMapping.resource || info.mapping.group !== lastMapping.group) {
      w.flush();
      w.resetRememberedWidths();
      if (lastMapping && !o.noHeaders && sink.written > 0) sink.ready = true;
      printer = printerFor(o, { mapping: info.mapping, withNamespace, withKind: printWithKind });
      lastMapping = info.mapping;
    }
    if (printer.kind !== "table") continue;
    if (o.sortBy && isTable(info.object) && (info.object.rows?.length ?? 0) > 1) {
      // SortingPrinter: a sorting error makes PrintObj fail, and get ignores PrintObj's error:
      // that Table is simply not printed.
      const sortedTable: Table = { ...(info.object as Table), rows: [...((info.object as Table).rows ?? [])] };
      try {
        sortTableRows(sortedTable, relaxedOrSelf(o.sortBy));
      } catch (e) {
        if (e instanceof KubectlError) continue;
        throw e;
      }
      printer.printer.print(sortedTable as KubeObject, w);
    } else printer.printer.print(info.object, w);
  }
  w.flush();
  if (sink.written === 0 && !o.ignoreNotFound && errors.length === 0) {
    o.run.env.stderr.write(allNamespaced ? `No resources found in ${o.run.namespace} namespace.\n` : "No resources found\n");
  }
  return writeErrors(o, errors);
}

function relaxedOrSelf(expr: string): string {
  try {
    return relaxedJsonPathExpression(expr);
  } catch {
    return expr;
  }
}

/** printGeneric: everything into one List (or the one object asked for), then the printer. */
async function printGeneric(o: GetOptions, { targets, singleItemImplied }: { targets: Target[]; singleItemImplied: boolean }): Promise<number> {
  const chunkSize = o.sortBy ? 0 : o.chunkSize;
  const { infos, errors } = await fetchInfos(o, targets, false, chunkSize);
  if (errors.length && singleItemImplied) return writeErrors(o, errors.slice(0, 1));
  // Flatten: lists become their items (with kind and apiVersion, as the builder's flattening sets them).
  const objects: KubeObject[] = [];
  for (const info of infos) {
    if (!info.named && Array.isArray(info.object.items)) {
      const apiVersion = info.mapping.group ? `${info.mapping.group}/${info.mapping.version}` : info.mapping.version;
      for (const item of info.object.items) objects.push({ apiVersion, kind: info.mapping.kind, ...item });
    } else objects.push(info.object);
  }
  if (objects.length === 0 && o.ignoreNotFound) return writeErrors(o, errors);
  const printer = printerFor(o);
  let obj: KubeObject;
  if (!singleItemImplied || objects.length !== 1) {
    let items = objects;
    if (o.sortBy && items.length > 0) {
      const order = sortObjects(items, o.sortBy);
      items = order.map((ix) => objects[ix]);
    }
    obj = { apiVersion: "v1", items, kind: "List", metadata: { resourceVersion: "" } };
  } else obj = objects[0];
  const out = o.run.env.stdout;
  try {
    if (printer.kind === "custom-columns" || printer.kind === "table") {
      const w = newTableTabWriter(out);
      try {
        printer.printer.print(obj, w);
      } finally {
        w.flush();
      }
    } else printer.printer.print(obj, out);
  } catch (e) {
    errors.push(e);
  }
  return writeErrors(o, errors);
}

/** `--raw PATH`: the server's answer as it is. */
async function rawGet(run: CommandRun, raw: string): Promise<number> {
  const q = raw.indexOf("?");
  const path = q >= 0 ? raw.slice(0, q) : raw;
  const query = q >= 0 ? new URLSearchParams(raw.slice(q + 1)) : undefined;
  const r = await run.client.raw("GET", path, { query });
  if ("watch" in r) throw new KubectlError("--raw does not stream watches in this sandbox");
  if (r.status >= 400) {
    const body = r.body as { kind?: string; message?: string } | undefined;
    if (body && body.kind === "Status") throw new ServerError(r.status, body as never);
    throw new ServerError(r.status, { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: "the server could not find the requested resource", reason: "NotFound", code: r.status } as never);
  }
  run.env.stdout.write(typeof r.body === "string" ? r.body : JSON.stringify(r.body));
  return 0;
}

// ------------------------------------------------------------------------------------ watch

async function watchTargets(o: GetOptions, { targets, singleItemImplied }: { targets: Target[]; singleItemImplied: boolean }, watchOnly: boolean): Promise<number> {
  const { run } = o;
  const { env } = run;
  const mappings = new Set(targets.map((t) => `${t.mapping.group}/${t.mapping.resource}`));
  if (mappings.size > 1) throw new KubectlError("you may only specify a single resource type");
  if (targets.length > 1) throw new KubectlError("watch is only supported on individual resources and resource collections - more than 1 resource was found");
  const target = targets[0];
  const table = o.humanReadable && o.serverPrint;
  const printer = printerFor(o, { mapping: target.mapping, withNamespace: o.allNamespaces && target.mapping.namespaced });
  const outputEvents = run.flags.bool("output-watch-events");
  const { infos, errors } = await fetchInfos({ ...o, ignoreNotFound: false }, [target], table, o.chunkSize);
  if (errors.length) throw errors[0];
  const w = newTableTabWriter(env.stdout);
  let output = !watchOnly;
  const print = (obj: KubeObject, type?: string) => {
    if (!output) {
      // kubectl's skipPrinter: a Table still goes through (without rows) so the printer learns its columns.
      if (printer.kind === "table" && isTable(obj)) printer.printer.print({ ...obj, rows: [] }, w, outputEvents ? type : undefined);
      return;
    }
    switch (printer.kind) {
      case "table":
        printer.printer.print(obj, w, outputEvents ? type : undefined);
        break;
      case "custom-columns":
        printer.printer.print(obj, w, outputEvents ? type : undefined);
        break;
      case "json":
      case "yaml":
        if (outputEvents && type) printer.printer.printEvent(type, obj, w);
        else printer.printer.print(obj, w);
        break;
      default:
        printer.printer.print(outputEvents && type ? { type, object: obj } : obj, w);
    }
  };
  // The current state: a list target prints its Table (or each item); a named one its object.
  const isList = !singleItemImplied || target.name === undefined;
  let rv = "0";
  const current: KubeObject[] = [];
  for (const info of infos) {
    if (!info.named && Array.isArray(info.object.items)) {
      const apiVersion = target.mapping.group ? `${target.mapping.group}/${target.mapping.version}` : target.mapping.version;
      current.push(...info.object.items.map((i: KubeObject) => ({ apiVersion, kind: target.mapping.kind, ...i })));
    } else current.push(info.object);
  }
  if (isList) rv = infos[infos.length - 1]?.object.metadata?.resourceVersion ?? "0";
  try {
    for (const obj of current) print(obj, "ADDED");
  } finally {
    w.flush();
  }
  output = isList;

  const query: Record<string, string | undefined> = {
    labelSelector: o.labelSelector || undefined,
    fieldSelector: target.name !== undefined ? `metadata.name=${target.name}` : o.fieldSelector || undefined,
    resourceVersion: rv,
  };
  return watchLoop(run, resourcePath(target.mapping, target.namespace), { ...query, watch: "true" }, table ? { accept: TABLE_ACCEPT } : undefined, (e) => {
    if (e.type === "BOOKMARK") return false;
    if (e.type === "ERROR") return true;
    print(e.object as KubeObject, e.type);
    w.flush();
    output = true;
    return false;
  });
}
