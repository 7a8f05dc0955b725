// The objects a changing verb acts on (kubectl's resource.Builder result visited into Infos): from
// `-f` manifests, `TYPE NAME...` / `TYPE/NAME`, or a type with `-l` / `--field-selector` / `--all`,
// with the builder's validation messages. Built on the lead's builder.ts (parsing, discovery, reads).
import type { ApiResource, KubeObject } from "./client";
import { resourcePath, ServerError } from "./client";
import type { Status } from "../machinery/status";
import type { CommandRun } from "./command";
import { KubectlError } from "./command";
import { parseGoBool } from "./flags";
import { getObject, listObjects, parseResourceArgs, readManifests, resolveTargets, resolveTypes, type Target } from "./builder";

export interface Info {
  mapping: ApiResource;
  /** Undefined for cluster-scoped objects. */
  namespace?: string;
  name: string;
  /** The object: the live one when fetched, else the manifest's (or none for bare names). */
  object?: KubeObject;
  /** Where a manifest came from (for "error when ... "x.yaml"" messages). */
  source?: string;
}

export interface InfoOptions {
  filenames?: string[];
  recursive?: boolean;
  selector?: string;
  fieldSelector?: string;
  all?: boolean;
  allNamespaces?: boolean;
  /** GET every object (kubectl's builder does unless RequireObject(false)); manifests included (Latest()). */
  fetch?: boolean;
  /** Manifests keep their own content instead of being replaced by the live object (apply, replace). */
  keepManifest?: boolean;
  /** Client-side validation of manifests (`--validate` other than ignore): apiVersion and kind must be set. */
  validate?: boolean;
  /** `--local`: the manifests' objects exactly as written (no namespace filled in), never fetched. */
  local?: boolean;
}

export interface InfoResult {
  infos: Info[];
  /** Per-object errors in visit order (NotFound, unreadable documents): verbs report them at the end. */
  errors: unknown[];
}

export const MISSING_RESOURCE_ERROR =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

/** Visits what the user named, the way resource.Builder.Do() + Visit() does with ContinueOnError. */
export async function collectInfos(run: CommandRun, args: readonly string[], o: InfoOptions): Promise<InfoResult> {
  const out: InfoResult = { infos: [], errors: [] };
  // SelectAllParam after LabelSelectorParam/FieldSelectorParam.
  if (o.all && (o.selector || o.fieldSelector)) throw new KubectlError("setting 'all' parameter but found a non empty selector. ");
  const selector = o.all ? "" : o.selector;
  const selecting = o.all || !!o.selector || !!o.fieldSelector;
  if (o.filenames?.length) {
    const parsed = parseResourceArgs(args);
    if (parsed.kind === "types" && parsed.types.length) throw new KubectlError("when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well");
    if (parsed.kind === "pairs") throw new KubectlError("when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well");
    const read = await readManifests(run, o.filenames, o.recursive, { validate: o.validate });
    for (const e of read.errors) out.errors.push(new KubectlError(e));
    for (const doc of read.docs) {
      let t: Target;
      try {
        [t] = await resolveTargets(run, [], { manifests: [doc] });
      } catch (e) {
        out.errors.push(e);
        continue;
      }
      const info: Info = { mapping: t.mapping, namespace: t.namespace, name: t.name ?? "", object: t.object, source: t.source };
      if (t.object && t.namespace && t.mapping.namespaced && !o.local) t.object.metadata = { ...t.object.metadata, namespace: t.namespace };
      if (o.fetch && !o.keepManifest && !o.local) {
        try {
          info.object = await getObject(run, t);
        } catch (e) {
          out.errors.push(e);
          continue;
        }
      }
      out.infos.push(info);
    }
    return out;
  }
  const parsed = parseResourceArgs(args);
  if (selecting) {
    if (parsed.kind === "pairs") throw new KubectlError("selectors and the all flag cannot be used when passing resource/name arguments");
    if (parsed.kind === "none" || !parsed.types.length) throw new KubectlError("at least one resource must be specified to use a selector");
    if (parsed.names.length) throw new KubectlError("name cannot be provided when a selector is specified");
    const mappings = await resolveTypes(run, parsed.types);
    for (const mapping of mappings) {
      const namespace = mapping.namespaced && !o.allNamespaces ? run.namespace : undefined;
      const list = await listObjects(run, { mapping, namespace }, { labelSelector: selector, fieldSelector: o.fieldSelector });
      for (const item of list.items ?? []) {
        item.apiVersion ??= mapping.group ? `${mapping.group}/${mapping.version}` : mapping.version;
        item.kind ??= mapping.kind;
        out.infos.push({ mapping, namespace: item.metadata?.namespace, name: item.metadata?.name ?? "", object: item });
      }
    }
    return out;
  }
  if (parsed.kind === "none") throw new KubectlError(MISSING_RESOURCE_ERROR);
  if (parsed.kind === "types" && !parsed.names.length) {
    await resolveTypes(run, parsed.types);
    throw new KubectlError("resource(s) were provided, but no name was specified");
  }
  const targets = await resolveTargets(run, args);
  for (const t of targets) {
    const info: Info = { mapping: t.mapping, namespace: t.namespace, name: t.name ?? "" };
    if (o.fetch) {
      try {
        info.object = await getObject(run, t);
      } catch (e) {
        out.errors.push(e);
        continue;
      }
    }
    out.infos.push(info);
  }
  return out;
}

/** The path of an info's object (or one of its subresources). */
export function infoPath(info: Info, subresource?: string): string {
  return resourcePath(info.mapping, info.namespace, info.name, subresource);
}

/** How kubectl's success printer names an object: `deployment.apps/web`. */
export function kindName(info: Pick<Info, "mapping" | "name">): string {
  return `${info.mapping.kind.toLowerCase()}${info.mapping.group ? `.${info.mapping.group}` : ""}/${info.name}`;
}

/** `-o name` or the default success line: `deployment.apps/web scaled`. */
export function successLine(info: Pick<Info, "mapping" | "name">, operation: string, dryRun: DryRun = "none"): string {
  return `${kindName(info)}${operation ? ` ${operation}` : ""}${dryRunSuffix(dryRun)}\n`;
}

export type DryRun = "none" | "client" | "server";

export function dryRunSuffix(d: DryRun): string {
  return d === "client" ? " (dry run)" : d === "server" ? " (server dry run)" : "";
}

/** cmdutil.GetDryRunStrategy (a bare --dry-run and boolean values are deprecated spellings). */
export function dryRunStrategy(run: CommandRun): DryRun {
  const v = run.flags.string("dry-run");
  switch (v) {
    case "unchanged":
      klogWarning(run, "helpers.go:702", "--dry-run is deprecated and can be replaced with --dry-run=client.");
      return "client";
    case "client":
    case "server":
    case "none":
      return v;
  }
  const b = parseGoBool(v);
  if (b === undefined) throw new KubectlError(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
  klogWarning(run, "helpers.go:716", `--dry-run=${v} is deprecated (boolean value) and can be replaced with --dry-run=${b ? "client" : "none"}.`);
  return b ? "client" : "none";
}

/** A klog warning line as kubectl writes it to stderr: `W1122 12:39:39.645927    4226 file.go:702] msg`. */
export function klogWarning(run: CommandRun, where: string, message: string): void {
  const d = new Date(run.env.host.now());
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  const stamp = `${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds() * 1000, 6)}`;
  run.env.stderr.write(`W${stamp} ${String(1).padStart(7)} ${where}] ${message}\n`);
}

/** Prints aggregated errors the way cmdutil.CheckErr does (one per line); returns the exit code. */
export function reportErrors(run: CommandRun, errors: unknown[], format: (e: unknown) => string): number {
  if (!errors.length) return 0;
  if (errors.length === 1) {
    run.env.stderr.write(format(errors[0]));
    return 1;
  }
  // MultipleErrors: each error's message on its own line; API errors keep their standard form.
  for (const e of errors) {
    const text = format(e);
    run.env.stderr.write(text.startsWith("error: ") ? text.slice(7) : text);
  }
  return 1;
}

export interface SendOptions {
  query?: Record<string, string | undefined>;
  body?: unknown;
  contentType?: string;
}

/** One request whose answer must be an object (the client prints the server's warnings; a Status >= 400 is thrown). */
export async function send(run: CommandRun, method: string, path: string, o: SendOptions = {}): Promise<KubeObject> {
  return run.client.request(method, path, { query: o.query, body: o.body, contentType: o.contentType });
}

/** cmdutil.AddSourceToErr: `error when <verb> "<source>": <message>`, kept as a server error when it was one. */
export function withSource(verb: string, source: string | undefined, err: unknown): unknown {
  if (!source) return err;
  if (err instanceof ServerError) return new ServerError(err.code, { ...err.status, message: `error when ${verb} "${source}": ${err.status.message ?? ""}` });
  const msg = err instanceof Error ? err.message : String(err);
  return new KubectlError(`error when ${verb} "${source}": ${msg}`);
}
