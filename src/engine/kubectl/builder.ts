// kubectl's resource.Builder: turns what the user typed (`TYPE NAME...`, `TYPE/NAME...`,
// `TYPE1,TYPE2`, `all`, `-f` files, directories and stdin) into targets — one object, or every object
// of a type in a namespace — resolved against discovery. Verbs fetch, print or change the targets.
import { parseAllDocuments } from "yaml";
import type { ApiResource, KubeObject } from "./client";
import { resourcePath, ServerError } from "./client";
import type { CommandRun } from "./command";
import { KubectlError } from "./command";
import { LIMITS } from "../limits";
import { toGoJson } from "./printers/json";

/** One object (name set) or a whole type (name undefined) in a namespace (undefined: all namespaces / cluster-scoped). */
export interface Target {
  mapping: ApiResource;
  namespace?: string;
  name?: string;
  /** The object as read from a manifest (`-f`), when the target came from one. */
  object?: KubeObject;
  /** The file it came from ("-" for stdin), for messages like `error when creating "x.yaml"`. */
  source?: string;
}

/** A manifest document read from `-f`. */
export interface ManifestDoc {
  source: string;
  object: KubeObject;
}

export interface ManifestRead {
  docs: ManifestDoc[];
  /** Per-document problems, as kubectl prints them (`error parsing x.yaml: ...`, `unable to decode ...`). */
  errors: string[];
}

const MANIFEST_EXTENSIONS = [".json", ".yaml", ".yml"];

/** Paths that name the process's stdin (`kubectl apply -f /dev/stdin <<EOF`). */
const STDIN_PATHS = new Set(["/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"]);

/**
 * Reads `-f` arguments: files, directories (their .json/.yaml/.yml files; `-R` descends), `-` (stdin).
 * Multi-document YAML is split and `kind: List` flattened, like kubectl's visitors. A path that does
 * not exist is a KubectlError (kubectl stops before doing anything).
 */
export async function readManifests(run: CommandRun, filenames: readonly string[], recursive = false, opts: { validate?: boolean } = {}): Promise<ManifestRead> {
  const { env } = run;
  const out: ManifestRead = { docs: [], errors: [] };
  const files: string[] = [];
  for (const f of filenames) {
    if (f === "-" || STDIN_PATHS.has(f)) {
      files.push(f);
      continue;
    }
    if (/^https?:\/\//.test(f)) {
      const host = f.replace(/^https?:\/\//, "").split(/[/:]/)[0];
      throw new KubectlError(`Unable to connect to the server: dial tcp: lookup ${host}: no such host (this sandbox cannot reach the internet: paste the manifest into a file and use -f <file>)`);
    }
    if (env.files.isDirectory(f)) {
      const found = walk(run, f, recursive);
      // kubectl's builder: a directory without manifests is an error unless earlier paths gave some.
      if (!found.length && !files.length) throw new KubectlError(`error reading [${f}]: recognized file extensions are [${MANIFEST_EXTENSIONS.join(" ")}]`);
      files.push(...found);
    }
    else if (env.files.read(f) !== undefined) files.push(f);
    else throw new KubectlError(`the path "${f}" does not exist`);
  }
  let stdinText: string | undefined;
  for (const file of files) {
    let text: string;
    if (file === "-" || STDIN_PATHS.has(file)) {
      stdinText ??= await readAll(run);
      text = stdinText;
    } else text = env.files.read(file) ?? "";
    const source = file === "-" ? "STDIN" : file;
    parseManifestText(text, source, out, opts.validate);
  }
  return out;
}

function walk(run: CommandRun, dir: string, recursive: boolean): string[] {
  const out: string[] = [];
  for (const name of run.env.files.list(dir) ?? []) {
    const path = `${dir.replace(/\/+$/, "")}/${name}`;
    if (run.env.files.isDirectory(path)) {
      if (recursive) out.push(...walk(run, path, recursive));
    } else if (MANIFEST_EXTENSIONS.some((e) => name.endsWith(e))) out.push(path);
  }
  return out;
}

/** All of stdin (bounded by the request body limit: it all goes to the API server anyway). */
export async function readAll(run: CommandRun): Promise<string> {
  let text = "";
  for (;;) {
    const chunk = await run.env.stdin.read();
    if (chunk === null) break;
    text += chunk;
    if (text.length > LIMITS.maxRequestBodyBytes) throw new KubectlError(`stdin is larger than ${LIMITS.maxRequestBodyBytes} bytes`);
  }
  return text;
}

/** Splits YAML/JSON text into objects; problems are recorded the way kubectl words them. */
export function parseManifestText(text: string, source: string, out: ManifestRead, validate = false): void {
  let docs;
  try {
    docs = parseAllDocuments(text, { uniqueKeys: false });
  } catch (e) {
    out.errors.push(`error parsing ${source}: error converting YAML to JSON: yaml: ${(e as Error).message}`);
    return;
  }
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    if (doc.errors.length) {
      const err = doc.errors[0];
      const line = (err.linePos?.[0]?.line ?? 1) as number;
      out.errors.push(`error parsing ${source}: error converting YAML to JSON: yaml: line ${line}: ${goYamlMessage(err.code, err.message)}`);
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: LIMITS.maxYamlAliases });
    } catch (e) {
      out.errors.push(`error parsing ${source}: error converting YAML to JSON: yaml: ${(e as Error).message}`);
      return;
    }
    if (value === null || value === undefined) continue;
    addObject(value, source, out, validate);
  }
}

/**
 * One decoded document. Commands that validate (`--validate`, on by default for create, apply and
 * replace) reject a document without apiVersion or kind the way kubectl's schema validation words
 * it; the others fail to decode it.
 */
function addObject(value: unknown, source: string, out: ManifestRead, validate: boolean): void {
  if (typeof value !== "object" || Array.isArray(value)) {
    out.errors.push(`error validating "${source}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`);
    return;
  }
  const obj = value as KubeObject;
  if (validate && (!obj.kind || !obj.apiVersion)) {
    const missing = [!obj.apiVersion && "apiVersion not set", !obj.kind && "kind not set"].filter(Boolean) as string[];
    out.errors.push(`error validating "${source}": error validating data: ${missing.length === 1 ? missing[0] : `[${missing.join(", ")}]`}; if you choose to ignore these errors, turn validation off with --validate=false`);
    return;
  }
  if (!obj.kind) {
    // The decoder quotes the document as Go marshals a map: keys sorted.
    out.errors.push(`unable to decode "${source}": Object 'Kind' is missing in '${toGoJson(obj)}'`);
    return;
  }
  if (typeof obj.kind === "string" && obj.kind.endsWith("List") && Array.isArray(obj.items)) {
    for (const item of obj.items) addObject(item, source, out, validate);
    return;
  }
  out.docs.push({ source, object: obj });
}

/** go-yaml's wording for the commonest syntax errors (the `yaml` package words them differently). */
function goYamlMessage(code: string, message: string): string {
  switch (code) {
    case "BAD_INDENT":
    case "MISSING_CHAR":
      return "did not find expected key";
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY":
      return "could not find expected ':'";
    case "UNEXPECTED_TOKEN":
      return "did not find expected node content";
    case "DUPLICATE_KEY":
      return message;
    default:
      return message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
  }
}

/** What resource arguments mean, before resolving types: kubectl's ResourceTypeOrNameArgs. */
export type ParsedArgs = { kind: "none" } | { kind: "types"; types: string[]; names: string[] } | { kind: "pairs"; pairs: { type: string; name: string }[] };

/** Parses resource arguments with kubectl's rules and messages. `binary` is how kubectl names itself in them. */
export function parseResourceArgs(args: readonly string[], binary = "kubectl"): ParsedArgs {
  if (!args.length) return { kind: "none" };
  const slashed = args.filter((a) => a.includes("/"));
  if (slashed.length) {
    if (slashed.length !== args.length) {
      throw new KubectlError(
        `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. '${binary} get resource/<resource_name>' instead of '${binary} get resource resource/<resource_name>'`,
      );
    }
    const pairs = args.map((a) => {
      const parts = a.split("/");
      if (parts.length > 2) throw new KubectlError("arguments in resource/name form may not have more than one slash");
      const [type, name] = parts;
      if (!type || !name) throw new KubectlError("arguments in resource/name form must have a single resource and name");
      return { type, name };
    });
    return { kind: "pairs", pairs };
  }
  const types = args[0].split(",").filter((t) => t !== "");
  return { kind: "types", types, names: args.slice(1) };
}

/**
 * Resolves resource types, expanding categories (`all`) the way kubectl's category expander does:
 * every resource in the category, in discovery order. Unknown types throw kubectl's error.
 */
export async function resolveTypes(run: CommandRun, types: readonly string[]): Promise<ApiResource[]> {
  const out: ApiResource[] = [];
  const seen = new Set<string>();
  const add = (r: ApiResource) => {
    const key = `${r.group}/${r.resource}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(r);
  };
  for (const t of types) {
    const direct = await run.client.tryResolve(t);
    if (direct) {
      add(direct);
      continue;
    }
    const members = await categoryMembers(run, t.toLowerCase());
    if (!members.length) await run.client.resolve(t); // throws the "doesn't have a resource type" error
    members.forEach(add);
  }
  return out;
}

/** Resources in a category (first, preferred version of each), in discovery order. */
export async function categoryMembers(run: CommandRun, category: string): Promise<ApiResource[]> {
  const seen = new Set<string>();
  const out: ApiResource[] = [];
  for (const r of await run.client.resources()) {
    const key = `${r.group}/${r.resource}`;
    if (seen.has(key) || r.resource.includes("/")) continue;
    seen.add(key);
    if (r.categories.includes(category)) out.push(r);
  }
  return out;
}

export interface TargetOptions {
  /** `-A`: list targets span every namespace. */
  allNamespaces?: boolean;
  /** Objects read from `-f` (verbs that accept files read them first and pass them here). */
  manifests?: ManifestDoc[];
}

/**
 * Turns resource arguments (or manifests) into targets. Types without names become list targets;
 * names become object targets. Namespaced targets use --namespace, else the kubeconfig's namespace;
 * a manifest's own namespace wins unless --namespace says otherwise (then kubectl refuses).
 */
export async function resolveTargets(run: CommandRun, args: readonly string[], opts: TargetOptions = {}): Promise<Target[]> {
  if (opts.manifests?.length) {
    if (args.length) throw new KubectlError("when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well");
    const out: Target[] = [];
    for (const doc of opts.manifests) out.push(await manifestTarget(run, doc));
    return out;
  }
  const parsed = parseResourceArgs(args);
  const nsFor = (m: ApiResource) => (!m.namespaced ? undefined : opts.allNamespaces ? undefined : run.namespace);
  if (parsed.kind === "none") return [];
  if (parsed.kind === "pairs") {
    const out: Target[] = [];
    for (const p of parsed.pairs) {
      const mapping = await run.client.resolve(p.type);
      out.push({ mapping, namespace: mapping.namespaced ? run.namespace : undefined, name: p.name });
    }
    return out;
  }
  const mappings = await resolveTypes(run, parsed.types);
  if (!parsed.names.length) return mappings.map((mapping) => ({ mapping, namespace: nsFor(mapping) }));
  const out: Target[] = [];
  for (const mapping of mappings) for (const name of parsed.names) out.push({ mapping, namespace: mapping.namespaced ? run.namespace : undefined, name });
  return out;
}

/** The target a manifest document names (its kind resolved through discovery). */
export async function manifestTarget(run: CommandRun, doc: ManifestDoc): Promise<Target> {
  const obj = doc.object;
  const [group, version] = typeof obj.apiVersion === "string" && obj.apiVersion.includes("/") ? obj.apiVersion.split("/") : ["", obj.apiVersion ?? ""];
  const mapping = await run.client.findResource((r) => r.group === group && r.version === version && r.kind === obj.kind && !r.resource.includes("/"));
  if (!mapping) {
    throw new KubectlError(
      `resource mapping not found for name: "${obj.metadata?.name ?? ""}" namespace: "${obj.metadata?.namespace ?? ""}" from "${doc.source}": no matches for kind "${obj.kind}" in version "${obj.apiVersion ?? ""}"\nensure CRDs are installed first`,
    );
  }
  let namespace: string | undefined;
  if (mapping.namespaced) {
    const own = obj.metadata?.namespace as string | undefined;
    if (own && run.namespaceExplicit && own !== run.namespace) {
      throw new KubectlError(`the namespace from the provided object "${own}" does not match the namespace "${run.namespace}". You must pass '--namespace=${own}' to perform this operation.`);
    }
    namespace = own || run.namespace;
  }
  return { mapping, namespace, name: obj.metadata?.name, object: obj, source: doc.source };
}

/** GETs one object target. */
export async function getObject(run: CommandRun, t: Target): Promise<KubeObject> {
  return run.client.request("GET", resourcePath(t.mapping, t.namespace, t.name));
}

/** Lists a type target with selectors, following `continue` tokens (kubectl's default chunk size is 500). */
export async function listObjects(run: CommandRun, t: Target, q: { labelSelector?: string; fieldSelector?: string; limit?: number } = {}): Promise<KubeObject> {
  const limit = q.limit ?? 500;
  let list: KubeObject | undefined;
  let next: string | undefined;
  do {
    const page = await run.client.request("GET", resourcePath(t.mapping, t.namespace), {
      query: { labelSelector: q.labelSelector || undefined, fieldSelector: q.fieldSelector || undefined, limit: limit > 0 ? String(limit) : undefined, continue: next },
    });
    if (!list) list = page;
    else list.items.push(...(page.items ?? []));
    next = page.metadata?.continue || undefined;
  } while (next && limit > 0);
  return list!;
}

export { ServerError };
