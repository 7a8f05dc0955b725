// `kubectl label` and `kubectl annotate` (k8s.io/kubectl/pkg/cmd/label, pkg/cmd/annotate): the two
// verbs share their shape — resources, then KEY=VALUE / KEY- pairs; --overwrite, --list,
// --resource-version, --all, -l, --field-selector — and differ in parsing, checks and messages.
import type { CommandRun, KubectlCommand } from "../command";
import { KubectlError } from "../command";
import { formatError, type KubeObject } from "../client";
import { ANNOTATE_HELP, LABEL_HELP } from "./mutation-help";
import { collectInfos, dryRunStrategy, infoPath, kindName, reportErrors, send, successLine, type DryRun, type Info } from "../infos";
import { createMergePatch } from "../../machinery/patch/create-patch";
import { isValidLabelValue } from "../../machinery/names";
import { printObjects, validateOutput } from "../output";
import { compareGoStrings } from "../../machinery/labels";

type Which = "label" | "annotation";

/** cmdutil.GetResourcesAndPairs. */
export function resourcesAndPairs(args: readonly string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  let foundPair = false;
  for (const s of args) {
    const nonResource = (s.includes("=") && s[0] !== "=") || (s.endsWith("-") && s !== "-");
    if (nonResource) {
      foundPair = true;
      pairs.push(s);
    } else if (!foundPair) resources.push(s);
    else throw new KubectlError(`all resources must be specified before ${pairType} changes: ${s}`);
  }
  return { resources, pairs };
}

/** label.go parseLabels. */
function parseLabels(spec: readonly string[]): { set: Map<string, string>; remove: string[] } {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const s of spec) {
    if (s.includes("=")) {
      const parts = s.split("=");
      if (parts.length !== 2) throw new KubectlError(`invalid label spec: ${s}`);
      const errs = isValidLabelValue(parts[1]);
      if (errs.length) throw new KubectlError(`invalid label value: ${JSON.stringify(s)}: ${errs.join(";")}`);
      set.set(parts[0], parts[1]);
    } else if (s.endsWith("-")) remove.push(s.slice(0, -1));
    else throw new KubectlError(`unknown label spec: ${s}`);
  }
  if (remove.some((k) => set.has(k))) throw new KubectlError("can not both modify and remove a label in the same command");
  return { set, remove };
}

/** cmdutil.ParsePairs(args, "annotation", true) and validateAnnotations. */
function parseAnnotations(spec: readonly string[]): { set: Map<string, string>; remove: string[] } {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const s of spec) {
    if (s.includes("=") && s[0] !== "=") {
      const i = s.indexOf("=");
      set.set(s.slice(0, i), s.slice(i + 1));
    } else if (s.endsWith("-") && s !== "-") remove.push(s.slice(0, -1));
    else invalid.push(s);
  }
  if (invalid.length) throw new KubectlError(`invalid annotation format: ${invalid.join(", ")}`);
  const both = remove.filter((k) => set.has(k));
  if (both.length) throw new KubectlError(`can not both modify and remove the following annotation(s) in the same command: ${both.join(", ")}`);
  return { set, remove };
}

/** labelFunc / updateAnnotations: applies the changes to the object's map, checking --overwrite. */
function update(which: Which, obj: KubeObject, overwrite: boolean, resourceVersion: string, set: Map<string, string>, remove: string[]): void {
  obj.metadata ??= {};
  const field = which === "label" ? "labels" : "annotations";
  const current: Record<string, string> = obj.metadata[field] ?? {};
  if (!overwrite) {
    const conflicts = [...set].filter(([k, v]) => k in current && current[k] !== v && !(which === "annotation" && k === "kubernetes.io/change-cause"));
    if (conflicts.length) {
      if (which === "annotation") {
        throw new KubectlError(`--overwrite is false but found the following declared annotation(s): ${conflicts.map(([k]) => `'${k}' already has a value (${current[k]})`).join("; ")}`);
      }
      const msgs = conflicts.map(([k]) => `'${k}' already has a value (${current[k]}), and --overwrite is false`);
      throw new KubectlError(msgs.length === 1 ? msgs[0] : `[${msgs.join(", ")}]`);
    }
  }
  const next = { ...current };
  for (const [k, v] of set) next[k] = v;
  for (const k of remove) delete next[k];
  obj.metadata[field] = next;
  if (resourceVersion) obj.metadata.resourceVersion = resourceVersion;
}

async function runUpdate(r: CommandRun, which: Which): Promise<number> {
  const { flags, env } = r;
  const output = flags.string("output");
  validateOutput(output);
  const dryRun: DryRun = dryRunStrategy(r);
  const pairType = which === "label" ? "label" : "annotation";
  const { resources, pairs } = resourcesAndPairs(r.args, pairType);
  const { set, remove } = which === "label" ? parseLabels(pairs) : parseAnnotations(pairs);
  const list = flags.bool("list");
  if (list && output) throw new KubectlError("--list and --output may not be specified together");
  const all = flags.bool("all");
  if (all && flags.string("selector")) throw new KubectlError("cannot set --all and --selector at the same time");
  if (all && flags.string("field-selector")) throw new KubectlError("cannot set --all and --field-selector at the same time");
  // --local updates the objects of -f files on the client and prints them: nothing reaches the server.
  const local = flags.bool("local");
  if (local && dryRun === "server") throw new KubectlError("cannot specify --local and --dry-run=server - did you mean --dry-run=client?");
  if (local && resources.length) throw new KubectlError(`can only use local files by -f ${which === "label" ? "pod.yaml or --filename=pod.json" : "rsrc.yaml or --filename=rsrc.json"} when --local=true is set`);
  const filenames = flags.strings("filename");
  if (!resources.length && !filenames.length) throw new KubectlError("one or more resources must be specified as <resource> <name> or <resource>/<name>");
  if (!set.size && !remove.length && !list) throw new KubectlError(`at least one ${pairType} update is required`);

  const { infos, errors } = await collectInfos(r, resources, {
    filenames,
    recursive: flags.bool("recursive"),
    selector: flags.string("selector"),
    fieldSelector: flags.string("field-selector"),
    all,
    allNamespaces: flags.bool("all-namespaces"),
    fetch: !local,
    local,
  });
  // IntoSingleItemImplied: one name (or TYPE/NAME), or one file.
  const single = resourcesSingle(resources, filenames, flags.string("selector") || flags.string("field-selector") || all ? true : false);
  const resourceVersion = flags.string("resource-version");
  if (!single && resourceVersion) throw new KubectlError("--resource-version may only be used with a single resource");
  const failures: unknown[] = [...errors];
  const overwrite = flags.bool("overwrite");
  const fieldManager = flags.string("field-manager");
  for (const info of infos) {
    try {
      await updateOne(r, which, info, { set, remove, overwrite, resourceVersion, dryRun, local, list, single, output, fieldManager });
    } catch (e) {
      failures.push(e);
    }
  }
  void env;
  return reportErrors(r, failures, formatError);
}

function resourcesSingle(resources: string[], filenames: string[], selecting: boolean): boolean {
  if (selecting) return false;
  if (filenames.length) return filenames.length === 1 && filenames[0] !== "-";
  if (resources.length === 1) return resources[0].includes("/");
  return resources.length === 2 && !resources[0].includes(",");
}

interface UpdateOptions {
  set: Map<string, string>;
  remove: string[];
  overwrite: boolean;
  resourceVersion: string;
  dryRun: DryRun;
  local: boolean;
  list: boolean;
  single: boolean;
  output: string;
  fieldManager: string;
}

async function updateOne(r: CommandRun, which: Which, info: Info, o: UpdateOptions): Promise<void> {
  const { env } = r;
  const obj: KubeObject = structuredClone(info.object!);
  if (o.resourceVersion) obj.metadata.resourceVersion = "";
  const oldData = structuredClone(obj);
  const field = which === "label" ? "labels" : "annotations";
  let outputObj: KubeObject = obj;
  if (o.dryRun === "client" || o.local || o.list) {
    update(which, obj, o.overwrite, o.resourceVersion, o.set, o.remove);
  } else {
    if (which === "label") for (const k of o.remove) if (!(k in (obj.metadata?.labels ?? {}))) env.stdout.write(`label ${JSON.stringify(k)} not found.\n`);
    update(which, obj, o.overwrite, o.resourceVersion, o.set, o.remove);
    const patch = createMergePatch(oldData, obj);
    outputObj = await send(r, "PATCH", infoPath(info), {
      query: { dryRun: o.dryRun === "server" ? "All" : undefined, fieldManager: o.fieldManager || undefined },
      body: patch,
      contentType: "application/merge-patch+json",
    });
  }
  if (o.list) {
    const indent = o.single ? "" : " ";
    if (!o.single) env.stdout.write(`Listing ${which === "label" ? "labels" : "annotations"} for ${info.mapping.kind}.${info.mapping.group}/${info.name}:\n`);
    const m: Record<string, string> = outputObj.metadata?.[field] ?? {};
    for (const k of Object.keys(m).sort(compareGoStrings)) env.stdout.write(`${indent}${k}=${m[k]}\n`);
    return;
  }
  let operation = "annotated";
  if (which === "label") {
    // updateDataChangeMsg compares the JSON before and after (the label map as written).
    const before = JSON.stringify(oldData);
    const after = JSON.stringify(obj);
    operation = before === after ? "not labeled" : !o.overwrite && after.length < before.length ? "unlabeled" : "labeled";
  }
  if (o.output === "name") env.stdout.write(`${kindName(info)}\n`);
  else if (o.output) printObjects(r, [which === "label" ? obj : outputObj], o.output);
  else env.stdout.write(successLine(info, operation, o.dryRun));
}

export const labelCommand: KubectlCommand = {
  name: "label",
  short: "Update the labels on a resource",
  ...LABEL_HELP,
  run: (r) => runUpdate(r, "label"),
};

export const annotateCommand: KubectlCommand = {
  name: "annotate",
  short: "Update the annotations on a resource",
  ...ANNOTATE_HELP,
  run: (r) => runUpdate(r, "annotation"),
};
