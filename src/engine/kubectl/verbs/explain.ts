// `kubectl explain TYPE[.field.path]`: the server's OpenAPI v3 document for the resource's group
// version, rendered the way kubectl 1.32's plaintext explain template does (explain/v2/templates/
// plaintext.tmpl, ported step by step below: the GVK lookup through the paths, the field path walk,
// DESCRIPTION wrapped at 76 columns with go-wordwrap, FIELDS with type guesses, -required-, enums,
// and --recursive).
import type { CommandRun, KubectlCommand } from "../command";
import { KubectlError } from "../command";
import type { ApiResource, KubeObject } from "../client";

type Schema = Record<string, any>;

/** An error the template throws (explainError): its text is printed as is (after what was written). */
class TemplateError extends Error {}

export const explainCommand: KubectlCommand = {
  name: "explain",
  short: "Get documentation for a resource",
  long: `Describe fields and structure of various resources.

 This command describes the fields associated with each supported API resource. Fields are identified via a simple JSONPath identifier:

        <type>.<fieldName>[.<fieldName>]
        
 Information about each field is retrieved from the server in OpenAPI format.

Use "kubectl api-resources" for a complete list of supported resources.`,
  example: `  # Get the documentation of the resource and its fields
  kubectl explain pods
  
  # Get all the fields in the resource
  kubectl explain pods --recursive
  
  # Get the explanation for deployment in supported api versions
  kubectl explain deployments --api-version=apps/v1
  
  # Get the documentation of a specific field of a resource
  kubectl explain pods.spec.containers
  
  # Get the documentation of resources in different format
  kubectl explain deployment --output=plaintext-openapiv2`,
  usage: "explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]",
  flags: [
    { name: "api-version", type: "string", usage: "Use given api-version (group/version) of the resource." },
    { name: "output", shorthand: "o", type: "string", default: "plaintext", usage: "Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2)." },
    { name: "recursive", type: "bool", usage: "When true, print the name of all the fields recursively. Otherwise, print the available fields with their description." },
  ],
  async run(run) {
    return runExplain(run);
  },
};

async function runExplain(run: CommandRun): Promise<number> {
  const { args, flags, env, client } = run;
  if (args.length === 0) throw new KubectlError('You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n');
  if (args.length > 1) throw new KubectlError("We accept only this format: explain RESOURCE\n");
  const output = flags.string("output");
  if (output !== "plaintext" && output !== "plaintext-openapiv2") throw new KubectlError(`unrecognized format: ${output}`);
  const input = args[0];
  const parts = input.split(".");
  const all = await client.resources();
  const lower = parts[0].toLowerCase();
  const candidates = preferredFirst(all).filter((r) => r.resource === lower || r.singular === lower || r.shortNames.includes(lower) || r.kind.toLowerCase() === lower);
  if (!candidates.length) {
    // The RESTMapper's NoResourceMatch error, which CheckErr prints as it is.
    env.stderr.write(`the server doesn't have a resource type ${JSON.stringify(parts[0])}\n`);
    return 1;
  }
  let mapping = candidates[0];
  let fieldPath = parts.slice(1);
  const apiVersion = flags.string("api-version");
  if (!apiVersion) {
    // SplitAndParseResourceRequestWithMatchingPrefix: `deployments.apps.spec` names the group.
    for (const c of candidates) {
      const gr = c.group ? `${c.resource}.${c.group}` : c.resource;
      if (c.group && input.startsWith(gr)) {
        mapping = c;
        fieldPath = input.slice(gr.length).split(".").slice(1);
        break;
      }
    }
  }
  let group = mapping.group;
  let version = mapping.version;
  if (apiVersion) {
    const gv = apiVersion.split("/");
    if (gv.length > 2) throw new KubectlError(`unexpected GroupVersion string: ${apiVersion}`);
    [group, version] = gv.length === 2 ? gv : ["", gv[0]];
  }
  fieldPath = fieldPath.filter((f) => f !== "");
  const index = await client.request("GET", "/openapi/v3");
  const docPath = group ? `apis/${group}/${version}` : `api/${version}`;
  const entry = index.paths?.[docPath];
  if (!entry) throw new KubectlError(`couldn't find resource for "${group ? `${group}/` : ""}${version}, Resource=${mapping.resource}"`);
  const url = String(entry.serverRelativeURL ?? `/openapi/v3/${docPath}`);
  const [p, q] = url.split("?");
  const raw = await client.request<unknown>("GET", p, { query: new URLSearchParams(q ?? ""), headers: { accept: "application/json" } });
  // The document may come back as the bytes the server serves (it is cached by hash).
  const doc: Schema = raw instanceof Uint8Array ? JSON.parse(new TextDecoder().decode(raw)) : typeof raw === "string" ? JSON.parse(raw) : (raw as Schema);
  const out = { text: "" };
  try {
    render(out, doc, { group, version, resource: mapping.resource }, fieldPath, flags.bool("recursive"));
  } catch (e) {
    if (e instanceof TemplateError) {
      env.stdout.write(out.text);
      throw new KubectlError(e.message);
    }
    throw e;
  }
  env.stdout.write(out.text);
  return 0;
}

/** Discovery lists each group's preferred version first; the mapper prefers the legacy group. */
function preferredFirst(all: ApiResource[]): ApiResource[] {
  const seen = new Set<string>();
  const out: ApiResource[] = [];
  for (const r of all) {
    const key = `${r.group}/${r.resource}`;
    if (seen.has(key) || r.resource.includes("/")) continue;
    seen.add(key);
    out.push(r);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The template's functions.
// ---------------------------------------------------------------------------------------------

/** Go template truthiness. */
function truthy(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === "") return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === "object") return Object.keys(v as object).length > 0;
  return true;
}

/** A map range: Go templates visit map keys in sorted order. */
const sortedEntries = (m: Record<string, any> | undefined) => Object.keys(m ?? {}).sort().map((k) => [k, m![k]] as const);

function resolveRef(ref: unknown, doc: Schema): Schema | undefined {
  if (typeof ref !== "string" || !ref.startsWith("#")) return undefined;
  let cur: any = doc;
  for (const k of ref.slice(1).split("/")) {
    if (!k) continue;
    const next = cur?.[k];
    if (!next || typeof next !== "object" || Array.isArray(next)) return undefined;
    cur = next;
  }
  return cur;
}

const isMapSchema = (ap: unknown) => truthy(ap) && typeof ap !== "boolean";

/** indent: pad the start and every line. */
const indent = (n: number, s: string) => " ".repeat(n) + s.replace(/\n/g, "\n" + " ".repeat(n));

/** github.com/mitchellh/go-wordwrap WrapString. */
export function wrapString(s: string, lim: number): string {
  let buf = "";
  let current = 0;
  let word = "";
  let space = "";
  const len = (x: string) => [...x].length;
  for (const ch of s) {
    if (ch === "\n") {
      if (word === "") {
        if (current + len(space) > lim) current = 0;
        else {
          current += len(space);
          buf += space;
        }
        space = "";
      } else {
        current += len(space) + len(word);
        buf += space + word;
        space = "";
        word = "";
      }
      buf += ch;
      current = 0;
    } else if (/\s/.test(ch) && ch !== "\u00a0") {
      if (space === "" || word !== "") {
        current += len(space) + len(word);
        buf += space + word;
        space = "";
        word = "";
      }
      space += ch;
    } else {
      word += ch;
      if (current + len(space) + len(word) > lim && len(word) < lim) {
        buf += "\n";
        current = 0;
        space = "";
      }
    }
  }
  if (word === "") {
    if (current + len(space) <= lim) buf += space;
  } else buf += space + word;
  return buf;
}

function typeGuess(schema: Schema | undefined, doc: Schema): string {
  if (!truthy(schema)) return "Object";
  const s = schema!;
  if (truthy(s.items)) return `[]${typeGuess(s.items, doc)}`;
  if (isMapSchema(s.additionalProperties)) return `map[string]${typeGuess(s.additionalProperties, doc)}`;
  if (truthy(s.allOf) && !truthy(s.properties) && s.allOf.length === 1) return typeGuess(s.allOf[0], doc);
  if (truthy(s.$ref)) {
    const ref = String(s.$ref);
    const refSchema = resolveRef(ref, doc);
    if (!refSchema || !truthy(refSchema.type) || refSchema.type === "object") {
      const name = ref.split("/").pop() ?? "";
      return name.split(".").pop() || "Object";
    }
    return String(refSchema.type);
  }
  if (s.type === "object") return "Object";
  return truthy(s.type) ? String(s.type) : "Object";
}

function enumText(schema: Schema | undefined, longView: boolean, limit: number, indentAmount = 0): string {
  const values = schema?.enum;
  if (!truthy(values)) return "";
  let out = longView ? "ENUM:" : "\n" + " ".repeat(indentAmount) + "enum: ";
  (values as unknown[]).some((v, i) => {
    if (limit > -1 && i >= limit) {
      out += ", ....";
      return true;
    }
    if (i > 0 && !longView) out += ", ";
    else if (longView) out += "\n    ";
    out += v === "" ? '""' : String(v);
    return false;
  });
  return out;
}

function description(schema: Schema, doc: Schema): string {
  const s = resolveRef(schema.$ref, doc) ?? schema;
  if (!truthy(s)) return "";
  let out = "";
  if (truthy(s.description)) out += `${s.description}\n`;
  for (const sub of s.allOf ?? []) out += description(sub, doc);
  if (truthy(s.items)) out += description(s.items, doc);
  if (isMapSchema(s.additionalProperties)) out += description(s.additionalProperties, doc);
  return out;
}

function fieldDetail(name: string, schema: Schema, short: boolean, level: number, doc: Schema): string {
  const indentAmount = level * 2;
  const field = schema.properties?.[name];
  let out = `${indent(indentAmount, name)}\t<${typeGuess(field, doc)}>`;
  if (Array.isArray(schema.required) && schema.required.includes(name)) out += " -required-";
  out += enumText(field, false, 4, indentAmount);
  out += "\n";
  if (!short) out += indent(indentAmount + 2, wrapString(truthy(field?.description) ? String(field.description) : "<no description>", 78 - indentAmount)) + "\n\n";
  return out;
}

function fieldList(schema: Schema, level: number, doc: Schema, recursive: boolean, history: Record<string, number> = {}): string {
  const ref = truthy(schema?.$ref) ? String(schema.$ref) : "";
  if (ref && history[ref]) return "";
  const next = { ...history, [ref]: 1 };
  const resolved = resolveRef(ref, doc) ?? schema;
  let out = "";
  for (const [k, v] of sortedEntries(resolved?.properties)) {
    out += fieldDetail(k, resolved, recursive, level, doc);
    if (recursive) out += fieldList(v, level + 1, doc, recursive, next);
  }
  for (const sub of resolved?.allOf ?? []) out += fieldList(sub, level, doc, recursive, next);
  if (truthy(resolved?.items)) out += fieldList(resolved.items, level, doc, recursive, next);
  if (isMapSchema(resolved?.additionalProperties)) out += fieldList(resolved.additionalProperties, level, doc, recursive, next);
  return out;
}

/** The "output" template: follow the field path, then print DESCRIPTION and FIELDS. */
function output(schema: Schema, doc: Schema, fieldPath: string[], recursive: boolean, history: Record<string, number> = {}): string {
  const ref = truthy(schema?.$ref) ? String(schema.$ref) : "";
  const nextHistory = { ...history, [ref]: 1 };
  const resolved = resolveRef(ref, doc) ?? schema;
  if (!fieldPath.length) {
    let out = "DESCRIPTION:\n" + indent(4, wrapString(description(resolved, doc) || "<empty>", 76)) + "\n";
    const fields = fieldList(resolved, 1, doc, recursive);
    if (fields) out += "FIELDS:\n" + fields;
    return out;
  }
  if (ref && history[ref]) return "";
  if (truthy(resolved?.properties) && truthy(resolved.properties[fieldPath[0]])) {
    const sub = resolved.properties[fieldPath[0]];
    let out = "";
    if (fieldPath.length === 1) out += `FIELD: ${fieldPath[0]} <${typeGuess(sub, doc)}>\n` + enumText(sub, true, -1) + "\n\n";
    return out + output(sub, doc, fieldPath.slice(1), recursive, {});
  }
  if (truthy(resolved?.items)) return output(resolved.items, doc, fieldPath, recursive, nextHistory);
  if (isMapSchema(resolved?.additionalProperties)) return output(resolved.additionalProperties, doc, fieldPath, recursive, nextHistory);
  for (const sub of resolved?.allOf ?? []) {
    const o = output(sub, doc, fieldPath, recursive, nextHistory);
    if (o) return o;
  }
  return "";
}

const equalGvk = (a: KubeObject, b: KubeObject) => a && b && typeof a === "object" && Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => a[k] === b[k]);

/** The template's top level: the GVK from the resource's paths, the header, the schema's output. */
function render(out: { text: string }, doc: Schema, gvr: { group: string; version: string; resource: string }, fieldPath: string[], recursive: boolean): void {
  const prefix = gvr.group ? `/apis/${gvr.group}` : "/api";
  const searchPaths = [
    [prefix, gvr.version, gvr.resource],
    [prefix, gvr.version, gvr.resource, "{name}"],
    [prefix, gvr.version, "namespaces", "{namespace}", gvr.resource],
    [prefix, gvr.version, "namespaces", "{namespace}", gvr.resource, "{name}"],
  ].map((p) => p.join("/"));
  let gvk: KubeObject | undefined;
  for (const sp of searchPaths) {
    const element = doc.paths?.[sp];
    if (!truthy(element)) continue;
    for (const method of ["get", "post", "put", "patch", "delete"]) {
      const op = element[method];
      if (!truthy(op)) continue;
      gvk = op["x-kubernetes-group-version-kind"];
      if (truthy(gvk)) break;
    }
  }
  if (!truthy(gvk)) throw new TemplateError(`error: GVR (${gvr.group ? `${gvr.group}/` : ""}${gvr.version}, Resource=${gvr.resource}) not found in OpenAPI schema`);
  if (gvk!.group) out.text += `GROUP:      ${gvk!.group}\n`;
  out.text += `KIND:       ${gvk!.kind}\nVERSION:    ${gvk!.version}\n\n`;
  let body = "";
  for (const [, schema] of sortedEntries(doc.components?.schemas)) {
    const list = schema?.["x-kubernetes-group-version-kind"];
    if (!Array.isArray(list) || !list.some((x: KubeObject) => equalGvk(x, gvk!))) continue;
    body = output(schema, doc, fieldPath, recursive);
    if (!body) throw new TemplateError(`error: field ${JSON.stringify(fieldPath[fieldPath.length - 1])} does not exist`);
    break;
  }
  if (!body) throw new TemplateError(`error: GVK ${goMap(gvk!)} not found in OpenAPI schema`);
  out.text += body + "\n";
}

const goMap = (m: KubeObject) => `map[${Object.keys(m).sort().map((k) => `${k}:${m[k]}`).join(" ")}]`;
