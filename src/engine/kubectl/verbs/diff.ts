// `kubectl diff`: for every object in the manifests, the live object and what `kubectl apply` would
// make of it (the API server's dry run of apply's own three-way patch, or of a server-side apply),
// both printed as YAML into kubectl's LIVE-/MERGED- temporary directories and compared with
// `diff -u -N`, as k8s.io/kubectl/pkg/cmd/diff does it. Exit status: 0 no differences, 1
// differences, 2 on any error (kubectl's CheckDiffErr adds one to the usual exit code).
import type { CommandRun, KubectlCommand } from "../command";
import { KubectlError, UsageError } from "../command";
import { formatError, resourcePath, ServerError, type KubeObject } from "../client";
import { collectInfos, infoPath, klogWarning, send, withSource, type Info } from "../infos";
import { modifiedConfiguration, originalConfiguration, threeWayPatch } from "../patching";
import { APPLY_PATCH_CONTENT_TYPE } from "../../machinery/patch";
import { matches, parseLabelSelector, type LabelSelectorRequirementSet } from "../../machinery/labels";
import { omitManagedFields, toYaml } from "../printers/yaml";
import { diffTimestamp, unifiedDiff } from "../unified-diff";
import { KUSTOMIZE_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, filenameFlag } from "../common-flags";

/** diff.go's maxRetries: a diff is retried while the object keeps changing under it (409 Conflict). */
const MAX_RETRIES = 4;
const FIELD_MANAGER_CLIENT_SIDE_APPLY = "kubectl-client-side-apply";
const FIELD_MANAGER_SERVER_SIDE_APPLY = "kubectl";

/** kubectl diff --help (kubectl 1.32), verbatim. */
const DIFF_LONG =
  'Diff configurations specified by file name or stdin between the current online configuration, and the configuration as it would be if applied.\n\n The output is always YAML.\n\n KUBECTL_EXTERNAL_DIFF environment variable can be used to select your own diff command. Users can use external commands with params too, example: KUBECTL_EXTERNAL_DIFF="colordiff -N -u"\n\n By default, the "diff" command available in your path will be run with the "-u" (unified diff) and "-N" (treat absent files as empty) options.\n\n Exit status: 0 No differences were found. 1 Differences were found. >1 Kubectl or diff failed with an error.\n\n Note: KUBECTL_EXTERNAL_DIFF, if used, is expected to follow that convention.';
const DIFF_EXAMPLE = "  # Diff resources included in pod.json\n  kubectl diff -f pod.json\n  \n  # Diff file read from stdin\n  cat service.yaml | kubectl diff -f -";

/** What `diff` compares for one object: the file name and the two texts. */
interface DiffedObject {
  name: string;
  live: string;
  merged: string;
}

interface DiffOptions {
  serverSide: boolean;
  fieldManager: string;
  forceConflicts: boolean;
  showManagedFields: boolean;
}

/** Every failure is reported as CheckDiffErr does: kubectl's usual message, exit code 2. */
async function run(r: CommandRun): Promise<number> {
  try {
    return await diff(r);
  } catch (e) {
    if (e instanceof UsageError) r.env.stderr.write(`error: ${e.message}\nSee '${r.path} -h' for help and examples\n`);
    else r.env.stderr.write(formatError(e));
    return 2;
  }
}

async function diff(r: CommandRun): Promise<number> {
  const { flags, env } = r;
  if (r.args.length) throw new UsageError(`Unexpected args: [${r.args.join(" ")}]`);
  const filenames = flags.strings("filename");
  if (!filenames.length && !flags.string("kustomize")) throw new KubectlError("must specify one of -f and -k");
  const serverSide = flags.bool("server-side");
  const o: DiffOptions = {
    serverSide,
    // apply.GetApplyFieldManagerFlag: "kubectl" for server-side apply unless --field-manager was given.
    fieldManager: flags.changed("field-manager") ? flags.string("field-manager") : serverSide ? FIELD_MANAGER_SERVER_SIDE_APPLY : FIELD_MANAGER_CLIENT_SIDE_APPLY,
    forceConflicts: flags.bool("force-conflicts"),
    showManagedFields: flags.bool("show-managed-fields"),
  };
  if (o.forceConflicts && !serverSide) throw new KubectlError("--force-conflicts only works with --server-side");
  if (flags.string("kustomize")) throw new KubectlError("kustomize is not available in this sandbox: diff the manifests with -f");
  if (flags.bool("prune")) throw new KubectlError("--prune is not available in this sandbox: kubectl diff shows changes to the objects in your manifests");
  const external = env.vars.KUBECTL_EXTERNAL_DIFF;
  if (external) {
    const program = external.split(" ")[0];
    if (program !== "diff") throw new KubectlError(`failed to run "${program}": executable file not found in $PATH`);
    throw new KubectlError("KUBECTL_EXTERNAL_DIFF is not available in this sandbox: unset it to see diff -u -N output");
  }

  const { infos, errors } = await collectInfos(r, [], { filenames, recursive: flags.bool("recursive"), keepManifest: true });
  // The builder's label filter over the manifests (LabelSelectorParam with FilenameParam).
  const selectorText = flags.string("selector");
  let selector: LabelSelectorRequirementSet | undefined;
  if (selectorText) {
    try {
      selector = parseLabelSelector(selectorText);
    } catch (e) {
      throw new KubectlError(`the provided selector "${selectorText}" is not valid: ${(e as Error).message}`);
    }
  }
  // The builder visits without ContinueOnError: the first problem ends the command before diff runs.
  if (errors.length) throw errors[0];

  const objects = new Map<string, DiffedObject>();
  for (const info of infos) {
    if (selector && !matches(selector, info.object?.metadata?.labels)) continue;
    const d = await diffObject(r, info, o);
    // One file per object: a later manifest of the same object overwrites the earlier one's files.
    objects.set(d.name, d);
  }
  return printDiff(r, [...objects.values()]);
}

/** One object's LIVE and MERGED texts, retrying while it keeps changing (diff.go's Run visitor). */
async function diffObject(r: CommandRun, info: Info, o: DiffOptions): Promise<DiffedObject> {
  const local = structuredClone(info.object!);
  if (!info.name) throw new KubectlError("resource name may not be empty");
  let live: KubeObject | undefined;
  let result: DiffedObject | undefined;
  let failure: unknown;
  for (let i = 1; i <= MAX_RETRIES; i++) {
    try {
      live = await send(r, "GET", infoPath(info));
    } catch (e) {
      if (!(e instanceof ServerError && e.code === 404)) throw e;
      live = undefined;
    }
    const force = i === MAX_RETRIES;
    if (force) klogWarning(r, "diff.go:723", `Object (${groupVersionKind(live)}: ${info.name}) keeps changing, diffing without lock`);
    try {
      const merged = await mergedObject(r, info, local, live, o, force);
      result = versions(info, live, merged, o.showManagedFields);
      failure = undefined;
      break;
    } catch (e) {
      failure = e;
      if (!isConflict(e)) break;
    }
  }
  if (live?.metadata?.deletionTimestamp) r.env.stderr.write(`Warning: Detected changes to resource ${live.metadata.name} which is currently being deleted.\n`);
  if (failure !== undefined) throw failure;
  return result!;
}

/** GroupVersionKind.String() of an object: `apps/v1, Kind=Deployment`, `/v1, Kind=Pod`. */
function groupVersionKind(obj: KubeObject | undefined): string {
  const apiVersion = String(obj?.apiVersion ?? "");
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  return `${group}/${version}, Kind=${obj?.kind ?? ""}`;
}

function isConflict(e: unknown): boolean {
  return e instanceof ServerError && e.status.reason === "Conflict";
}

/**
 * InfoObject.Merged(): the object as the API server would store it if applied, from a dry run —
 * a server-side apply patch, a create for an object that does not exist, else apply's three-way
 * patch (without a new last-applied annotation, and locked to the live resourceVersion).
 */
async function mergedObject(r: CommandRun, info: Info, local: KubeObject, live: KubeObject | undefined, o: DiffOptions, force: boolean): Promise<KubeObject> {
  const query = { dryRun: "All", fieldManager: o.fieldManager || undefined };
  if (o.serverSide) {
    return send(r, "PATCH", infoPath(info), { query: { ...query, force: String(o.forceConflicts) }, body: JSON.stringify(local), contentType: APPLY_PATCH_CONTENT_TYPE });
  }
  if (!live) {
    const body = structuredClone(local);
    if (body.metadata?.resourceVersion) delete body.metadata.resourceVersion;
    return send(r, "POST", resourcePath(info.mapping, info.namespace), { query, body });
  }
  const original = originalConfiguration(live) ?? {};
  const modified = modifiedConfiguration(local, false);
  let computed;
  try {
    computed = threeWayPatch(info.mapping, original, modified, live);
  } catch (e) {
    throw withSource("patching", info.source, e);
  }
  if (Object.keys(computed.patch).length === 0) return live;
  const patch: Record<string, any> = computed.patch;
  if (!force) patch.metadata = { ...(patch.metadata ?? {}), resourceVersion: live.metadata?.resourceVersion ?? "" };
  try {
    return await send(r, "PATCH", infoPath(info), { query, body: patch, contentType: computed.contentType });
  } catch (e) {
    throw withSource("patching", info.source, e);
  }
}

/** Differ.Diff: both versions without managedFields (unless asked), a Secret's data masked, as YAML. */
function versions(info: Info, live: KubeObject | undefined, merged: KubeObject, showManagedFields: boolean): DiffedObject {
  let from: KubeObject | null | undefined = live && (showManagedFields ? live : omitManagedFields(live));
  let to: KubeObject = showManagedFields ? merged : omitManagedFields(merged);
  const apiVersion = String(to.apiVersion ?? "");
  if (apiVersion.slice(apiVersion.indexOf("/") + 1) === "v1" && to.kind === "Secret") [from, to] = maskSecrets(from, to);
  const { group, version, kind } = info.mapping;
  return {
    name: `${group ? `${group}.` : ""}${version}.${kind}.${info.namespace ?? ""}.${info.name}`,
    // No live object: an empty file (a masked Secret's missing live object prints as YAML null).
    live: from === undefined ? "" : toYaml(from),
    merged: toYaml(to),
  };
}

const MASK = "***";
const MASK_BEFORE = "*** (before)";
const MASK_AFTER = "*** (after)";

/**
 * diff.go's Masker: every value of `data` becomes `***`; a key whose value changes shows as
 * `*** (before)` / `*** (after)`, so the diff still says that it changed. A missing live object
 * comes back as null (kubectl's masker hands on a nil object, which prints as `null`).
 */
function maskSecrets(from: KubeObject | undefined, to: KubeObject): [KubeObject | null, KubeObject] {
  const fromData = dataMap(from);
  const toData = dataMap(to);
  const maskedFrom: Record<string, unknown> | undefined = fromData && { ...fromData };
  const maskedTo: Record<string, unknown> | undefined = toData && { ...toData };
  for (const k of Object.keys(fromData ?? {})) {
    if (toData && k in toData) {
      if (!sameValue(fromData![k], toData[k])) {
        maskedFrom![k] = MASK_BEFORE;
        maskedTo![k] = MASK_AFTER;
        continue;
      }
      maskedTo![k] = MASK;
    }
    maskedFrom![k] = MASK;
  }
  for (const k of Object.keys(toData ?? {})) if (!fromData || !(k in fromData)) maskedTo![k] = MASK;
  const outFrom = from === undefined ? null : maskedFrom ? { ...from, data: maskedFrom } : from;
  const outTo = maskedTo ? { ...to, data: maskedTo } : to;
  return [outFrom, outTo];
}

function dataMap(obj: KubeObject | undefined): Record<string, unknown> | undefined {
  const data = obj?.data;
  return data && typeof data === "object" && !Array.isArray(data) ? data : undefined;
}

/** Go's interface comparison of two JSON values (strings, in a Secret's data). */
function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === "object" && typeof b === "object" && JSON.stringify(a) === JSON.stringify(b));
}

/**
 * The two temporary directories compared by `diff -u -N`: one file per object, in name order (GNU
 * diff sorts a directory's entries), printing nothing for identical files. Exit 1 when any differ.
 */
function printDiff(r: CommandRun, objects: DiffedObject[]): number {
  const now = r.env.host.now();
  const liveDir = `/tmp/LIVE-${tempSuffix(now, 1)}`;
  const mergedDir = `/tmp/MERGED-${tempSuffix(now, 2)}`;
  const stamp = diffTimestamp(now);
  let out = "";
  for (const d of [...objects].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const from = `${liveDir}/${d.name}`;
    const to = `${mergedDir}/${d.name}`;
    const hunks = unifiedDiff(d.live, d.merged, { fromLabel: `${from}\t${stamp}`, toLabel: `${to}\t${stamp}` });
    if (hunks) out += `diff -u -N ${from} ${to}\n${hunks}`;
  }
  r.env.stdout.write(out);
  return out ? 1 : 0;
}

/** os.MkdirTemp's random suffix (a uint32 in decimal), derived from the time: engine code draws no randomness. */
function tempSuffix(nowMs: number, salt: number): string {
  let h = (Math.floor(nowMs) ^ Math.imul(salt, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return String((h ^ (h >>> 16)) >>> 0);
}

export const diffCommand: KubectlCommand = {
  name: "diff",
  short: "Diff the live version against a would-be applied version",
  long: DIFF_LONG,
  example: DIFF_EXAMPLE,
  usage: "diff -f FILENAME [options]",
  // Flag errors exit 2 as well: exit code 1 means "differences found".
  flagErrorExitCode: 2,
  flags: [
    { name: "concurrency", type: "int", default: 1, usage: "Number of objects to process in parallel when diffing against the live version. Larger number = faster, but more memory, I/O and CPU over that shorter period of time." },
    { name: "field-manager", type: "string", default: FIELD_MANAGER_CLIENT_SIDE_APPLY, usage: "Name of the manager used to track field ownership." },
    filenameFlag("Filename, directory, or URL to files contains the configuration to diff"),
    { name: "force-conflicts", type: "bool", usage: "If true, server-side apply will force the changes against conflicts." },
    KUSTOMIZE_FLAG,
    { name: "prune", type: "bool", usage: "Include resources that would be deleted by pruning. Can be used with -l and default shows all resources would be pruned" },
    { name: "prune-allowlist", type: "stringArray", usage: "Overwrite the default allowlist with <group/version/kind> for --prune" },
    RECURSIVE_FLAG,
    SELECTOR_FLAG,
    { name: "server-side", type: "bool", usage: "If true, apply runs in the server instead of the client." },
    { name: "show-managed-fields", type: "bool", usage: "If true, include managed fields in the diff." },
  ],
  run,
};
