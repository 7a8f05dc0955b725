// Building blocks for the objects kubectl's generators build on the client. kubectl builds them as Go
// structs and prints them through encoding/json, so `-o json` shows the fields in Go struct order and
// every struct-valued field without `omitempty` appears even when empty (`creationTimestamp: null`,
// `resources: {}`, `status: {}`). These helpers build plain objects with exactly those keys, in
// exactly that order; YAML printing sorts keys, JSON printing keeps this order.
import type { KubeObject } from "../client";
import { KubectlError } from "../command";
import { isConfigMapKey } from "../../machinery/names";
import { K8S_RAND_ALPHABET, Rng } from "../../machinery/rng";
import { toGoJson } from "../printers/json";

/** A generator's failure: kubectl prints `error: <message>` (a plain Go error from the generator). */
export class GeneratorError extends KubectlError {}

/** metav1.ObjectMeta in Go field order; empty fields are omitted, creationTimestamp is always null. */
export function objectMeta(m: { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string>; ownerReferences?: KubeObject[] }): KubeObject {
  const out: KubeObject = {};
  if (m.name) out.name = m.name;
  if (m.namespace) out.namespace = m.namespace;
  out.creationTimestamp = null;
  if (m.labels && Object.keys(m.labels).length) out.labels = m.labels;
  if (m.annotations && Object.keys(m.annotations).length) out.annotations = m.annotations;
  if (m.ownerReferences?.length) out.ownerReferences = m.ownerReferences;
  return out;
}

/** A typed object's head: TypeMeta (kind, apiVersion) then ObjectMeta, as encoding/json writes them. */
export function typed(kind: string, apiVersion: string, metadata: KubeObject): KubeObject {
  return { kind, apiVersion, metadata };
}

export interface ContainerFields {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  ports?: KubeObject[];
  env?: KubeObject[];
  resources?: KubeObject;
  imagePullPolicy?: string;
  securityContext?: KubeObject;
  stdin?: boolean;
  stdinOnce?: boolean;
  tty?: boolean;
}

/** corev1.Container in Go field order (resources is a struct: always present). */
export function container(c: ContainerFields): KubeObject {
  const out: KubeObject = { name: c.name, image: c.image };
  if (c.command?.length) out.command = c.command;
  if (c.args?.length) out.args = c.args;
  if (c.ports?.length) out.ports = c.ports;
  if (c.env?.length) out.env = c.env;
  out.resources = c.resources ?? {};
  if (c.imagePullPolicy) out.imagePullPolicy = c.imagePullPolicy;
  if (c.securityContext) out.securityContext = c.securityContext;
  if (c.stdin) out.stdin = true;
  if (c.stdinOnce) out.stdinOnce = true;
  if (c.tty) out.tty = true;
  return out;
}

/** corev1.PodSpec in Go field order (the fields generators set). */
export function podSpec(s: { containers: KubeObject[]; restartPolicy?: string; dnsPolicy?: string; serviceAccountName?: string }): KubeObject {
  const out: KubeObject = { containers: s.containers };
  if (s.restartPolicy) out.restartPolicy = s.restartPolicy;
  if (s.dnsPolicy) out.dnsPolicy = s.dnsPolicy;
  if (s.serviceAccountName) out.serviceAccountName = s.serviceAccountName;
  return out;
}

/** corev1.PodTemplateSpec: metadata (always, with creationTimestamp) then spec. */
export function podTemplate(labels: Record<string, string> | undefined, spec: KubeObject): KubeObject {
  return { metadata: objectMeta({ labels }), spec };
}

/** util.ParseLiteralSource: `key=value` (the value may contain `=`). */
export function parseLiteralSource(source: string): [string, string] {
  const eq = source.indexOf("=");
  if (eq <= 0) throw new GeneratorError(`invalid literal source ${source}, expected key=value`);
  return [source.slice(0, eq), source.slice(eq + 1)];
}

/** util.ParseFileSource: `path` (key = base name) or `key=path`. */
export function parseFileSource(source: string): [string, string] {
  const n = source.split("=").length - 1;
  if (n === 0) return [pathBase(source), source];
  if (n === 1 && source.startsWith("=")) throw new GeneratorError(`key name for file path ${source.slice(1)} missing`);
  if (n === 1 && source.endsWith("=")) throw new GeneratorError(`file path for key name ${source.slice(0, -1)} missing`);
  if (n > 1) throw new GeneratorError("key names or file paths cannot contain '='");
  const [k, p] = source.split("=");
  return [k, p];
}

/** Go's path.Base. */
export function pathBase(p: string): string {
  if (p === "") return ".";
  const trimmed = p.replace(/\/+$/, "");
  if (trimmed === "") return "/";
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}

/** Go's path.Join for two parts (what filepath.Join gives on Linux for these inputs). */
export function joinPath(dir: string, name: string): string {
  return `${dir.replace(/\/+$/, "")}/${name}`;
}

/** What the generators need from the filesystem. */
export interface SourceFiles {
  read(path: string): string | undefined;
  isDirectory(path: string): boolean;
  list(path: string): string[] | undefined;
}

/**
 * The key/value pairs a `--from-file` source yields: one file, or every regular file of a directory
 * (a key may not be given for a directory). Messages are kubectl's.
 */
export function fileSourceEntries(files: SourceFiles, source: string): [string, string][] {
  const [key, path] = parseFileSource(source);
  if (files.isDirectory(path)) {
    if (source.includes("=")) throw new GeneratorError("cannot give a key name for a directory path");
    const out: [string, string][] = [];
    for (const name of files.list(path) ?? []) {
      const item = joinPath(path, name);
      if (files.isDirectory(item)) continue;
      const text = files.read(item);
      if (text !== undefined) out.push([name, text]);
    }
    return out;
  }
  const text = files.read(path);
  if (text === undefined) throw new GeneratorError(`error reading ${path}: no such file or directory`);
  return [[key, text]];
}

/** cmdutil.AddFromEnvFile: `KEY=value` lines; blank lines and `#` comments skipped; `KEY` alone reads the environment. */
export function envFileEntries(files: SourceFiles, path: string, what: "config" | "secret", vars: Record<string, string>): [string, string][] {
  if (files.isDirectory(path)) throw new GeneratorError(`env ${what} file cannot be a directory`);
  const text = files.read(path);
  if (text === undefined) throw new GeneratorError(`error reading ${path}: no such file or directory`);
  const out: [string, string][] = [];
  const lines = text.split("\n");
  if (lines.length && lines[lines.length - 1] === "") lines.pop();
  lines.forEach((raw, i) => {
    let line = raw.replace(/\r$/, "");
    if (i === 0) line = line.replace(/^\uFEFF/, "");
    line = line.replace(/^\s+/, "");
    if (line === "" || line.startsWith("#")) return;
    const eq = line.indexOf("=");
    const key = eq >= 0 ? line.slice(0, eq) : line;
    const errs = isEnvVarNameLoose(key);
    if (errs.length) throw new GeneratorError(`${JSON.stringify(key)} is not a valid key name: ${errs.join(";")}`);
    out.push([key, eq >= 0 ? line.slice(eq + 1) : (vars[key] ?? "")]);
  });
  return out;
}

/** validation.IsEnvVarName as env files use it (letters, digits, `_`, `-`, `.`; not starting with a digit). */
function isEnvVarNameLoose(key: string): string[] {
  const errs: string[] = [];
  if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(key)) {
    errs.push("a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')");
  }
  return errs;
}

/** validation.IsConfigMapKey's messages for a key. */
export function configMapKeyErrors(key: string): string[] {
  return isConfigMapKey(key);
}

/**
 * sanitizeAndUniquify: a container name from an image name with `_` or `.` gets those replaced by
 * `-` and a random 5-character suffix (kubectl uses utilrand; here the suffix is derived from the
 * inputs and the simulated time, so it is reproducible).
 */
export function sanitizeAndUniquify(name: string, seed: string): string {
  if (!/[_.]/.test(name)) return name;
  const rng = new Rng(`kubectl-create|${seed}|${name}`);
  let suffix = "";
  for (let i = 0; i < 5; i++) suffix += K8S_RAND_ALPHABET[rng.nextUint32() % K8S_RAND_ALPHABET.length];
  return `${name.replace(/[_.]/g, "-")}-${suffix}`;
}

/** The container name kubectl derives from an image reference (last path part, without tag or digest). */
export function containerNameFromImage(image: string, seed: string): string {
  let name = image.split("/").pop() ?? image;
  if (name.includes(":")) name = name.split(":")[0];
  if (name.includes("@")) name = name.split("@")[0];
  return sanitizeAndUniquify(name, seed);
}

/** Go's json.Marshal of a struct (keys in the object's order), compact. */
export function goJson(v: unknown): string {
  return toGoJson(v, { sortKeys: false });
}

/** Go's json.Marshal of a map: keys sorted. */
export function goJsonSorted(v: unknown): string {
  return toGoJson(v, { sortKeys: true });
}

/** A map with its keys sorted (Go marshals maps sorted, so -o json shows them so). */
export function sortedMap<T>(m: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(m).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) out[k] = m[k];
  return out;
}

const enc = new TextEncoder();

/** Standard base64 of a string's UTF-8 bytes ([]byte fields marshal so). */
export function base64(text: string): string {
  const bytes = enc.encode(text);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** SHA-256 of a string as lowercase hex. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", enc.encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** hash.encodeHash: the first 10 hex digits with 0,1,3,a,e swapped out (no bad words). */
export function encodeHash(hex: string): string {
  const swap: Record<string, string> = { "0": "g", "1": "h", "3": "k", a: "m", e: "t" };
  return [...hex.slice(0, 10)].map((c) => swap[c] ?? c).join("");
}

/** metav1.ParseToLabelSelector's output as Go orders it (matchLabels, matchExpressions). */
export function labelSelector(matchLabels: Record<string, string> | undefined, matchExpressions?: KubeObject[]): KubeObject {
  const out: KubeObject = {};
  if (matchLabels && Object.keys(matchLabels).length) out.matchLabels = sortedMap(matchLabels);
  if (matchExpressions?.length) out.matchExpressions = matchExpressions;
  return out;
}

/** intstr.Parse: digits become an int, anything else a string. */
export function intOrString(s: string): number | string {
  return /^-?\d+$/.test(s) && Number.isSafeInteger(Number(s)) && Math.abs(Number(s)) < 2 ** 31 ? Number(s) : s;
}
