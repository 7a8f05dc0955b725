// `kubectl taint NODE|nodes NAME... KEY[=VALUE]:EFFECT ... | KEY[:EFFECT]- ...` (and `--all`, `-l`):
// kubectl's argument split (resources before taint changes), taint parsing and validation with its
// messages, the reorganisation of a node's taints (tainted / untainted / modified), `--overwrite`,
// `--dry-run` and `-o`.
import type { CommandRun, KubectlCommand } from "../command";
import { KubectlError, UsageError } from "../command";
import type { KubeObject } from "../client";
import { dryRunStrategy, dryRunSuffix } from "../infos";
import { isQualifiedName, isValidLabelValue } from "../../machinery/names";
import { genericPrinter, printObject } from "../printers/print-flags";
import { ALLOW_MISSING_TEMPLATE_KEYS_FLAG, DRY_RUN_FLAG, OUTPUT_FLAG, SELECTOR_FLAG, SHOW_MANAGED_FIELDS_FLAG, TEMPLATE_FLAG, fieldManagerFlag } from "../common-flags";

interface Taint {
  key: string;
  value?: string;
  effect?: string;
  timeAdded?: string;
}

const EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

export const taintCommand: KubectlCommand = {
  name: "taint",
  short: "Update the taints on one or more nodes",
  long: `Update the taints on one or more nodes.

  *  A taint consists of a key, value, and effect. As an argument here, it is expressed as key=value:effect.
  *  The key must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 253 characters.
  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.
  *  The value is optional. If given, it must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters.
  *  The effect must be NoSchedule, PreferNoSchedule or NoExecute.
  *  Currently taint can only apply to node.`,
  example: `  # Update node 'foo' with a taint with key 'dedicated' and value 'special-user' and effect 'NoSchedule'
  # If a taint with that key and effect already exists, its value is replaced as specified
  kubectl taint nodes foo dedicated=special-user:NoSchedule
  
  # Remove from node 'foo' the taint with key 'dedicated' and effect 'NoSchedule' if one exists
  kubectl taint nodes foo dedicated:NoSchedule-
  
  # Remove from node 'foo' all the taints with key 'dedicated'
  kubectl taint nodes foo dedicated-
  
  # Add a taint with key 'dedicated' on nodes having label myLabel=X
  kubectl taint node -l myLabel=X  dedicated=foo:PreferNoSchedule
  
  # Add to node 'foo' a taint with key 'bar' and no value
  kubectl taint nodes foo bar:NoSchedule`,
  usage: "taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N [options]",
  flags: [
    { name: "all", type: "bool", usage: "Select all nodes in the cluster" },
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-taint"),
    OUTPUT_FLAG,
    { name: "overwrite", type: "bool", usage: "If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints." },
    SELECTOR_FLAG,
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
    { name: "validate", type: "string", default: "strict", usage: "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields." },
  ],
  async run(run) {
    return runTaint(run);
  },
};

/** corev1.Taint.ToString(). */
function taintString(t: Taint): string {
  let s = t.key;
  if (t.value) s += `=${t.value}`;
  if (t.effect) s += `:${t.effect}`;
  return s;
}

function parseTaint(st: string): Taint {
  const parts = st.split(":");
  let key: string;
  let value = "";
  let effect = "";
  if (parts.length === 1) key = parts[0];
  else if (parts.length === 2) {
    effect = parts[1];
    if (!EFFECTS.includes(effect)) throw new Error(`invalid taint effect: ${effect}, unsupported taint effect`);
    const kv = parts[0].split("=");
    if (kv.length > 2) throw new Error(`invalid taint spec: ${st}`);
    key = kv[0];
    if (kv.length === 2) {
      value = kv[1];
      const errs = isValidLabelValue(value);
      if (errs.length) throw new Error(`invalid taint spec: ${st}, ${errs.join("; ")}`);
    }
  } else throw new Error(`invalid taint spec: ${st}`);
  const errs = isQualifiedName(key);
  if (errs.length) throw new Error(`invalid taint spec: ${st}, ${errs.join("; ")}`);
  return { key, value, effect };
}

function parseTaints(specs: string[]): { add: Taint[]; remove: Taint[] } {
  const add: Taint[] = [];
  const remove: Taint[] = [];
  const unique = new Map<string, Set<string>>();
  for (const spec of specs) {
    if (spec.endsWith("-")) {
      const t = parseTaint(spec.slice(0, -1));
      remove.push({ key: t.key, effect: t.effect });
      continue;
    }
    const t = parseTaint(spec);
    if (!t.effect) throw new Error(`invalid taint spec: ${spec}`);
    if (unique.get(t.effect)?.has(t.key)) throw new Error(`duplicated taints with the same key and effect: {${t.key} ${t.value} ${t.effect} <nil>}`);
    if (!unique.has(t.effect)) unique.set(t.effect, new Set());
    unique.get(t.effect)!.add(t.key);
    add.push(t);
  }
  return { add, remove };
}

/** Taint.MatchTaint: same key and effect. */
const matchTaint = (a: Taint, b: Taint) => a.key === b.key && (a.effect ?? "") === (b.effect ?? "");

async function runTaint(run: CommandRun): Promise<number> {
  const { flags, env } = run;
  const dryRun = dryRunStrategy(run);
  const resources: string[] = [];
  const taintArgs: string[] = [];
  for (const s of run.args) {
    const isTaint = s.includes("=") || s.includes(":") || s.endsWith("-");
    if (isTaint) taintArgs.push(s);
    else if (taintArgs.length) throw new KubectlError(`all resources must be specified before taint changes: ${s}`);
    else resources.push(s);
  }
  if (resources.length < 1) throw new KubectlError("one or more resources must be specified as <resource> <name>");
  if (taintArgs.length < 1) throw new KubectlError("at least one taint update is required");
  let add: Taint[];
  let remove: Taint[];
  try {
    ({ add, remove } = parseTaints(taintArgs));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  // Validate
  const type = resources[0].toLowerCase();
  const mapping = await run.client.tryResolve(type);
  if (!mapping) {
    env.stderr.write(`the server doesn't have a resource type ${JSON.stringify(type)}\n`);
    return 1;
  }
  if (mapping.kind !== "Node") throw new KubectlError(`invalid resource type ${type}, only node types are supported`);
  const conflicts: string[] = [];
  for (const a of add) for (const r of remove) if (a.key === r.key && (!r.effect || a.effect === r.effect)) conflicts.push(`${r.key}=${r.effect ?? ""}`);
  if (conflicts.length) throw new KubectlError(`can not both modify and remove the following taint(s) in the same command: ${conflicts.join(", ")}`);
  const all = flags.bool("all");
  const selector = flags.string("selector");
  if (all && selector) throw new KubectlError("setting 'all' parameter with a non empty selector is prohibited");
  if (!all && !selector && resources.length < 2) throw new KubectlError("at least one resource name must be specified since 'all' parameter is not set");

  // Run
  let nodes: KubeObject[];
  if (all || selector) nodes = (await run.client.request("GET", "/api/v1/nodes", { query: { labelSelector: selector || undefined } })).items ?? [];
  else {
    nodes = [];
    for (const name of resources.slice(1)) nodes.push(await run.client.request("GET", `/api/v1/nodes/${encodeURIComponent(name)}`));
  }
  const overwrite = flags.bool("overwrite");
  const errors: string[] = [];
  for (const node of nodes) {
    const old: Taint[] = node.spec?.taints ?? [];
    if (!overwrite) {
      const exists = add.filter((t) => old.some((o) => o.key === t.key && o.effect === t.effect)).map((t) => t.key);
      if (exists.length) {
        errors.push(`node ${node.metadata.name} already has ${exists.join(",")} taint(s) with same effect(s) and --overwrite is false`);
        continue;
      }
    }
    // reorganizeTaints
    const next: Taint[] = add.map((t) => ({ key: t.key, ...(t.value ? { value: t.value } : {}), effect: t.effect }));
    for (const o of old) if (!next.some((t) => matchTaint(t, o))) next.push(o);
    const added = old.length !== next.length;
    let result = next;
    let deleted = false;
    const notFound: string[] = [];
    for (const r of remove) {
      const before = result.length;
      result = result.filter((t) => !(r.effect ? matchTaint(r, t) : t.key === r.key));
      deleted = result.length !== before;
      if (!deleted) notFound.push(`taint ${JSON.stringify(taintString(r))} not found`);
    }
    if (notFound.length) {
      errors.push(notFound.length === 1 ? notFound[0] : `[${notFound.join(", ")}]`);
      continue;
    }
    const operation = (added && deleted) || overwrite ? "modified" : added ? "tainted" : "untainted";
    let out: KubeObject = { ...node, spec: { ...node.spec, taints: result.length ? result : undefined } };
    if (dryRun !== "client") {
      out = await run.client.request("PATCH", `/api/v1/nodes/${encodeURIComponent(node.metadata.name)}`, {
        body: { metadata: { resourceVersion: node.metadata.resourceVersion }, spec: { taints: result.length ? result : null } },
        contentType: "application/merge-patch+json",
        query: { fieldManager: flags.string("field-manager"), dryRun: dryRun === "server" ? "All" : undefined },
      });
    }
    const output = flags.string("output");
    if (!output) env.stdout.write(`node/${node.metadata.name} ${operation}${dryRunSuffix(dryRun)}\n`);
    else {
      const chosen = genericPrinter({ output, outputChanged: flags.changed("output"), template: flags.string("template"), allowMissingKeys: flags.bool("allow-missing-template-keys"), showManagedFields: flags.bool("show-managed-fields"), files: env.files, operation });
      printObject(chosen, out, env.stdout);
    }
  }
  if (errors.length) {
    env.stderr.write(errors.map((e) => `error: ${e}\n`).join(""));
    return 1;
  }
  return 0;
}
