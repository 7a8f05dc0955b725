// `kubectl set image|env|resources|selector|serviceaccount|subject` (k8s.io/kubectl/pkg/cmd/set):
// each changes a copy of every selected object, then sends the two-way strategic merge patch
// between the two (set/helper.go CalculatePatches); an object the change leaves as it was is skipped.
// With --local the objects of the -f files are decoded into their Go structs on the client, changed
// and printed, and nothing reaches the server. What is printed is always the typed object
// (typed/round-trip.ts): kubectl's builder for set is WithScheme, never unstructured.
import type { CommandRun, KubectlCommand } from "../command";
import { KubectlError } from "../command";
import { formatError, ServerError, type KubeObject } from "../client";
import { SET_ENV_HELP, SET_HELP, SET_IMAGE_HELP, SET_RESOURCES_HELP, SET_SA_HELP, SET_SELECTOR_HELP, SET_SUBJECT_HELP } from "./mutation-help";
import { collectInfos, dryRunStrategy, infoPath, kindName, reportErrors, send, type DryRun, type Info } from "../infos";
import { defaultSubCommandRun } from "../output";
import { twoWayPatch } from "../patching";
import { objectPrinter } from "./object-output";
import { encodeTyped, goPointerTypeName } from "../typed/round-trip";
import { LOCAL_RESOURCE_ERROR, localTypedInfos } from "../typed/local";
import { deepEqual } from "../../machinery/patch/json-util";
import { canonicalQuantity } from "../../machinery/quantity";
import { resourcesAndPairs } from "./label";
import { isEnvVarName } from "../../machinery/names";
import { parseToLabelSelector } from "../../machinery/labels";

type Mutate = (obj: KubeObject, info: Info) => void;

/** polymorphichelpers.UpdatePodSpecForObject: where an object keeps its pod spec. */
function podSpecOf(obj: KubeObject): KubeObject | undefined {
  switch (obj.kind) {
    case "Pod":
      return (obj.spec ??= {});
    case "CronJob":
      return obj.spec?.jobTemplate?.spec?.template?.spec;
    case "ReplicationController":
      // Its template is a pointer: kubectl gives it an empty one to change.
      obj.spec ??= {};
      obj.spec.template ??= {};
      return (obj.spec.template.spec ??= {});
    case "Deployment":
    case "ReplicaSet":
    case "DaemonSet":
    case "StatefulSet":
    case "Job":
      return obj.spec?.template?.spec;
  }
  return undefined;
}

function requirePodSpec(obj: KubeObject): KubeObject {
  const spec = podSpecOf(obj);
  if (!spec) throw new Error(`the object is not a pod or does not have a pod template: ${goPointerTypeName(obj)}`);
  return spec;
}

/** What every set subcommand shares: select, mutate copies, patch what changed, print. */
interface SetOptions {
  /** Send (and report) even an empty patch: set serviceaccount and set selector do. */
  sendUnchanged?: boolean;
  /** A failed mutation is reported as it is (set selector), not as `error: <resource>/<name> <err>`. */
  plainErrors?: boolean;
  /** --local ignores resource arguments (set env, set serviceaccount) instead of refusing them. */
  localIgnoresArgs?: boolean;
  /** --local takes --dry-run=server (set selector: it only marks the output). */
  localAllowsServerDryRun?: boolean;
  /** Checks that need the selected objects (kubectl's Validate, after Complete built the infos). */
  validateInfos?: (infos: Info[]) => void;
}

async function runSet(r: CommandRun, resources: string[], operation: string, failPrefix: string, mutate: Mutate, perObjectErrors: unknown[] = [], so: SetOptions = {}): Promise<number> {
  const { flags } = r;
  const dryRun: DryRun = dryRunStrategy(r);
  const printer = objectPrinter(r, operation, dryRun, true);
  if (flags.bool("local")) return runLocal(r, resources, mutate, perObjectErrors, so, dryRun, printer);
  const { infos, errors } = await collectInfos(r, resources, {
    filenames: flags.strings("filename"),
    recursive: flags.bool("recursive"),
    selector: hasFlag(r, "selector") ? flags.string("selector") : "",
    all: hasFlag(r, "all") ? flags.bool("all") : false,
    fetch: true,
  });
  if (errors.length) throw errors[0];
  so.validateInfos?.(infos);
  const failures: unknown[] = [];
  for (const info of infos) {
    const original = { ...info.object!, kind: info.mapping.kind };
    const modified = changedCopy(original, info, mutate, so, `${info.mapping.resource}/${info.name}`, failures);
    if (!modified) continue;
    const { patch } = twoWayPatch(info.mapping, original, modified);
    if (Object.keys(patch).length === 0 && !so.sendUnchanged) continue;
    let result = modified;
    if (dryRun !== "client") {
      try {
        result = await send(r, "PATCH", infoPath(info), {
          query: { dryRun: dryRun === "server" ? "All" : undefined, fieldManager: flags.string("field-manager") || undefined },
          body: patch,
          contentType: "application/strategic-merge-patch+json",
        });
      } catch (e) {
        failures.push(new KubectlError(`${failPrefix}${e instanceof Error ? e.message : String(e)}`));
        continue;
      }
    }
    // The typed client decodes the answer into the Go struct: that is what is printed.
    printer.print(encodeTyped(result), kindName(info), true);
  }
  return reportSetErrors(r, [...perObjectErrors, ...failures]);
}

/** A copy of `source` changed by `mutate`; undefined when the change failed (its error joins `failures`, named `objectName`). */
function changedCopy(source: KubeObject, info: Info, mutate: Mutate, so: SetOptions, objectName: string, failures: unknown[]): KubeObject | undefined {
  const modified: KubeObject = structuredClone(source);
  try {
    mutate(modified, info);
    return modified;
  } catch (e) {
    failures.push(so.plainErrors ? new KubectlError((e as Error).message) : new KubectlError(`error: ${objectName} ${(e as Error).message}\n`));
    return undefined;
  }
}

/**
 * --local: the -f files' typed objects, changed on the client and printed; the server is never asked.
 * An object the change leaves as it was prints nothing (unless so.sendUnchanged).
 */
async function runLocal(r: CommandRun, resources: string[], mutate: Mutate, perObjectErrors: unknown[], so: SetOptions, dryRun: DryRun, printer: ReturnType<typeof objectPrinter>): Promise<number> {
  if (resources.length && !so.localIgnoresArgs) throw new KubectlError(LOCAL_RESOURCE_ERROR);
  const { infos, errors } = await localTypedInfos(r, r.flags.strings("filename"), r.flags.bool("recursive"));
  if (errors.length) return reportSetErrors(r, errors);
  if (dryRun === "server" && !so.localAllowsServerDryRun) throw new KubectlError(LOCAL_SERVER_DRY_RUN);
  so.validateInfos?.(infos);
  const failures: unknown[] = [];
  for (const info of infos) {
    const before = info.object!;
    // Without a REST mapping kubectl names the object by its kind (Info.ObjectName), and for a
    // kind with a group that name ends in a newline: `error: deployment.apps/web\n <message>`.
    const modified = changedCopy(before, info, mutate, so, `${kindName(info)}${info.mapping.group ? "\n" : ""}`, failures);
    if (!modified) continue;
    const after = encodeTyped(modified);
    if (!so.sendUnchanged && deepEqual(before, after)) continue;
    printer.print(after, kindName(info), true);
  }
  return reportSetErrors(r, [...perObjectErrors, ...failures]);
}

/**
 * cmdutil.CheckErr of the aggregated errors: one is printed as CheckErr prints any error; several
 * each as its own message and a newline (MultipleErrors: an `error: ` the message carries stays, and
 * a message ending in a newline leaves an empty line).
 */
function reportSetErrors(r: CommandRun, errors: unknown[]): number {
  if (errors.length <= 1) return reportErrors(r, errors, formatError);
  for (const e of errors) r.env.stderr.write(e instanceof ServerError ? formatError(e) : `${e instanceof Error ? e.message : String(e)}\n`);
  return 1;
}

const LOCAL_SERVER_DRY_RUN = "cannot specify --local and --dry-run=server - did you mean --dry-run=client?";

function hasFlag(r: CommandRun, name: string): boolean {
  return (r.command.flags ?? []).some((f) => f.name === name);
}

function requireResources(r: CommandRun, resources: string[]): void {
  if (!resources.length && !r.flags.strings("filename").length) throw new KubectlError("one or more resources must be specified as <resource> <name> or <resource>/<name>");
}

/** Containers a -c/--containers selector names (a shell-style pattern; `*` is every one). */
function selectContainers(list: KubeObject[] | undefined, selector: string): KubeObject[] {
  const re = new RegExp(`^${selector.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
  return (list ?? []).filter((c) => re.test(c.name ?? ""));
}

// ---------------------------------------------------------------- image

const imageCommand: KubectlCommand = {
  name: "image",
  short: "Update the image of a pod template",
  ...SET_IMAGE_HELP,
  async run(r) {
    const { resources, pairs } = resourcesAndPairs(r.args, "image");
    const images = new Map<string, string>();
    const invalid: string[] = [];
    for (const p of pairs) {
      if (p.includes("=") && p[0] !== "=") images.set(p.slice(0, p.indexOf("=")), p.slice(p.indexOf("=") + 1));
      else invalid.push(p);
    }
    if (invalid.length) throw new KubectlError(`invalid image format: ${invalid.join(", ")}`);
    const errs: string[] = [];
    if (r.flags.bool("all") && r.flags.string("selector")) errs.push("cannot set --all and --selector at the same time");
    if (!images.size) errs.push("at least one image update is required");
    if (images.size > 1 && images.has("*")) errs.push("all containers are already specified by *, but saw more than one container_name=container_image pairs");
    if (errs.length) throw new KubectlError(errs.length === 1 ? errs[0] : `[${errs.join(", ")}]`);
    const notFound: unknown[] = [];
    return runSet(r, resources, "image updated", "failed to patch image update to pod template: ", (obj) => {
      const spec = requirePodSpec(obj);
      for (const [name, image] of images) {
        let found = false;
        // setImage over init containers and containers (1.32 leaves ephemeral containers alone).
        for (const list of [spec.initContainers, spec.containers]) {
          for (const c of list ?? []) {
            if (name === "*" || c.name === name) {
              c.image = image;
              found = true;
            }
          }
        }
        if (!found) notFound.push(new KubectlError(`error: unable to find container named ${JSON.stringify(name)}`));
      }
    }, notFound);
  },
};

// ---------------------------------------------------------------- env

/** envutil.ParseEnv for KEY=VALUE and KEY- arguments. */
function parseEnv(spec: readonly string[]): { env: KubeObject[]; remove: string[] } {
  const env: KubeObject[] = [];
  const remove: string[] = [];
  for (const s of spec) {
    if (s === "-") throw new KubectlError("reading environment variables from stdin is not available in this sandbox: pass KEY=VALUE arguments");
    if (s.includes("=")) {
      const i = s.indexOf("=");
      const name = s.slice(0, i);
      const errs = isEnvVarName(name);
      if (errs.length) throw new KubectlError(`${JSON.stringify(name)} is not a valid key name: ${errs.join(";")}`);
      env.push({ name, value: s.slice(i + 1) });
    } else if (s.endsWith("-")) remove.push(s.slice(0, -1));
    else throw new KubectlError(`unknown environment variable: ${s}`);
  }
  if (remove.some((k) => env.some((e) => e.name === k))) throw new KubectlError("can not both modify and remove the same environment variable in the same command");
  return { env, remove };
}

function updateEnv(existing: KubeObject[] | undefined, env: KubeObject[], remove: string[]): KubeObject[] {
  const out: KubeObject[] = [];
  const covered = new Set(remove);
  for (const e of existing ?? []) {
    if (covered.has(e.name)) continue;
    const newer = env.find((n) => n.name === e.name);
    if (newer) {
      covered.add(e.name);
      out.push(newer);
      continue;
    }
    out.push(e);
  }
  for (const e of env) {
    if (covered.has(e.name)) continue;
    covered.add(e.name);
    out.push(e);
  }
  return out;
}

function envRefString(from: KubeObject): string {
  if (from.fieldRef) return `field path ${from.fieldRef.fieldPath}`;
  if (from.resourceFieldRef) return `resource field ${from.resourceFieldRef.resource}`;
  if (from.configMapKeyRef) return `configmap ${from.configMapKeyRef.name}, key ${from.configMapKeyRef.key}`;
  if (from.secretKeyRef) return `secret ${from.secretKeyRef.name}, key ${from.secretKeyRef.key}`;
  return "invalid reference";
}

const envCommand: KubectlCommand = {
  name: "env",
  short: "Update environment variables on a pod template",
  ...SET_ENV_HELP,
  async run(r) {
    const { flags, env: kenv } = r;
    const envArgs: string[] = [];
    const resources: string[] = [];
    for (const a of r.args) (a.includes("=") || (a.endsWith("-") && a !== "-") ? envArgs : resources).push(a);
    // set env: every KEY=VALUE must come after the resources.
    const firstPair = r.args.findIndex((a) => a.includes("=") || (a.endsWith("-") && a !== "-"));
    if (firstPair >= 0 && r.args.slice(firstPair).some((a) => !(a.includes("=") || a.endsWith("-")))) {
      throw new KubectlError(`all resources must be specified before environment changes: ${r.args.slice(firstPair).join(" ")}`);
    }
    if (flags.bool("all") && flags.string("selector")) throw new KubectlError("cannot set --all and --selector at the same time");
    requireResources(r, resources);
    const list = flags.bool("list");
    if (list && flags.string("output")) throw new KubectlError("--list and --output may not be specified together");
    if (flags.strings("keys").length && !flags.string("from")) throw new KubectlError("when specifying --keys, a configmap or secret must be provided with --from");
    const { env, remove } = parseEnv([...flags.strings("env"), ...envArgs]);
    const local = flags.bool("local");
    if (local && dryRunStrategy(r) === "server") throw new KubectlError(LOCAL_SERVER_DRY_RUN);
    // --local reads everything from the -f files, --from's objects included (kubectl's builder then
    // ignores --from's own value).
    const localInfos = async () => {
      const { infos, errors } = await localTypedInfos(r, flags.strings("filename"), flags.bool("recursive"));
      if (errors.length) throw errors[0];
      return infos;
    };
    if (flags.string("from")) {
      const { infos, errors } = local ? { infos: await localInfos(), errors: [] } : await collectInfos(r, [flags.string("from")], { fetch: true });
      if (errors.length) throw errors[0];
      const keys = flags.strings("keys");
      for (const info of infos) {
        const src = info.object!;
        if (info.mapping.kind !== "Secret" && info.mapping.kind !== "ConfigMap") throw new KubectlError("unsupported resource specified in --from");
        const refKind = info.mapping.kind === "Secret" ? "secretKeyRef" : "configMapKeyRef";
        for (const key of Object.keys(src.data ?? {}).sort()) {
          if (keys.length && !keys.includes(key)) continue;
          const name = key.replace(/[^a-zA-Z0-9_]/g, "_").toUpperCase();
          if (name !== key) kenv.stderr.write(`Warning: key ${key} transferred to ${name}\n`);
          env.push({ name, valueFrom: { [refKind]: { key, name: src.metadata?.name } } });
        }
      }
    }
    const prefix = flags.string("prefix");
    if (prefix) for (const e of env) e.name = `${prefix}${e.name}`;
    const selector = flags.string("containers");
    const overwrite = flags.bool("overwrite");
    if (list) {
      const { infos, errors } = local ? { infos: await localInfos(), errors: [] } : await collectInfos(r, resources, { filenames: flags.strings("filename"), selector: flags.string("selector"), all: flags.bool("all"), fetch: true });
      if (errors.length) throw errors[0];
      for (const info of infos) {
        const spec = podSpecOf({ ...info.object!, kind: info.mapping.kind });
        // --list returns before the per-object errors are reported: an object without a pod template lists nothing.
        if (!spec) continue;
        const containers = [...selectContainers(spec.containers, selector), ...selectContainers(spec.initContainers, selector)];
        if (!containers.length) kenv.stderr.write(`Warning: ${info.mapping.kind}/${info.name} does not have any containers matching ${JSON.stringify(selector)}\n`);
        for (const c of containers) {
          kenv.stdout.write(`# ${info.mapping.kind} ${info.name}, container ${c.name}\n`);
          for (const e of updateEnv(c.env, env, remove)) {
            if (!e.valueFrom) kenv.stdout.write(`${e.name}=${e.value ?? ""}\n`);
            else kenv.stdout.write(`# ${e.name} from ${envRefString(e.valueFrom)}\n`);
          }
        }
      }
      return 0;
    }
    let sawChange = false;
    const code = await runSet(r, resources, "env updated", "failed to patch env update to pod template: ", (obj) => {
      const spec = requirePodSpec(obj);
      const containers = [...selectContainers(spec.containers, selector), ...selectContainers(spec.initContainers, selector)];
      if (!containers.length) kenv.stderr.write(`Warning: ${obj.kind}/${obj.metadata?.name} does not have any containers matching ${JSON.stringify(selector)}\n`);
      for (const c of containers) {
        if (!overwrite) {
          for (const e of env) {
            const cur = (c.env ?? []).find((x: KubeObject) => x.name === e.name);
            if (cur && cur.value !== e.value) throw new Error(`'${cur.name}' already has a value (${cur.value ?? ""}), and --overwrite is false`);
          }
        }
        const next = updateEnv(c.env, env, remove);
        if (next.length) c.env = next;
        else delete c.env;
      }
      sawChange = true;
    }, [], { localIgnoresArgs: true });
    void sawChange;
    return code;
  },
};

// ---------------------------------------------------------------- resources

/** generateversioned.populateResourceListV1: `name=quantity,...`, each quantity parsed (and kept canonical). */
function parseResourceList(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!text) return out;
  for (const statement of text.split(",")) {
    const parts = statement.split("=");
    if (parts.length !== 2) throw new KubectlError(`Invalid argument syntax ${statement}, expected <resource>=<value>`);
    try {
      out[parts[0]] = canonicalQuantity(parts[1]);
    } catch (e) {
      throw new KubectlError((e as Error).message);
    }
  }
  return out;
}

const resourcesCommand: KubectlCommand = {
  name: "resources",
  short: "Update resource requests/limits on objects with pod templates",
  ...SET_RESOURCES_HELP,
  async run(r) {
    const { flags } = r;
    if (flags.bool("all") && flags.string("selector")) throw new KubectlError("cannot set --all and --selector at the same time");
    if (!flags.string("limits") && !flags.string("requests")) throw new KubectlError("you must specify an update to requests or limits (in the form of --requests/--limits)");
    const limits = parseResourceList(flags.string("limits"));
    const requests = parseResourceList(flags.string("requests"));
    const selector = flags.string("containers");
    const notFound: unknown[] = [];
    return runSet(r, r.args, "resource requirements updated", "failed to patch resources update to pod template ", (obj) => {
      const spec = requirePodSpec(obj);
      const containers = [...selectContainers(spec.initContainers, selector), ...selectContainers(spec.containers, selector)];
      if (!containers.length) notFound.push(new KubectlError(`error: unable to find container named ${selector}`));
      for (const c of containers) {
        c.resources ??= {};
        if (Object.keys(limits).length) c.resources.limits = { ...(c.resources.limits ?? {}), ...limits };
        if (Object.keys(requests).length) c.resources.requests = { ...(c.resources.requests ?? {}), ...requests };
      }
    }, notFound);
  },
};

// ---------------------------------------------------------------- serviceaccount

const serviceAccountCommand: KubectlCommand = {
  name: "serviceaccount",
  aliases: ["sa"],
  short: "Update the service account of a resource",
  ...SET_SA_HELP,
  async run(r) {
    if (r.args.length < 2 && !(r.flags.strings("filename").length && r.args.length === 1)) throw new KubectlError("serviceaccount is required");
    const name = r.args[r.args.length - 1];
    const resources = r.args.slice(0, -1);
    return runSet(r, resources, "serviceaccount updated", "failed to patch ServiceAccountName ", (obj) => {
      requirePodSpec(obj).serviceAccountName = name;
    }, [], { sendUnchanged: true, localIgnoresArgs: true });
  },
};

// ---------------------------------------------------------------- selector

const selectorCommand: KubectlCommand = {
  name: "selector",
  short: "Set the selector on a resource",
  ...SET_SELECTOR_HELP,
  async run(r) {
    if (!r.args.length) throw new KubectlError("one selector is required");
    const text = r.args[r.args.length - 1];
    const resources = r.args.slice(0, -1);
    const parsed = parseToLabelSelector(text);
    return runSet(r, resources, "selector updated", "failed to patch selector update to resource ", (obj) => {
      if (obj.kind !== "Service") throw new Error("setting a selector is only supported for Services");
      if (parsed.matchExpressions.length) throw new Error(`match expression ${goRequirements(parsed.matchExpressions)} not supported on this object`);
      obj.spec ??= {};
      obj.spec.selector = parsed.matchLabels;
    }, [], { sendUnchanged: true, plainErrors: true, localAllowsServerDryRun: true });
  },
};

/** Go's %v of []metav1.LabelSelectorRequirement: `[{app In [a b]} {tier Exists []}]`. */
function goRequirements(reqs: readonly { key: string; operator: string; values?: string[] | null }[]): string {
  return `[${reqs.map((q) => `{${q.key} ${q.operator} [${(q.values ?? []).join(" ")}]}`).join(" ")}]`;
}

// ---------------------------------------------------------------- subject

const subjectCommand: KubectlCommand = {
  name: "subject",
  short: "Update the user, group, or service account in a role binding or cluster role binding",
  ...SET_SUBJECT_HELP,
  async run(r) {
    const { flags } = r;
    if (flags.bool("all") && flags.string("selector")) throw new KubectlError("cannot set --all and --selector at the same time");
    const users = flags.strings("user");
    const groups = flags.strings("group");
    const sas = flags.strings("serviceaccount");
    if (!users.length && !groups.length && !sas.length) throw new KubectlError("you must specify at least one value of user, group or serviceaccount");
    // Validate: each service account is <namespace>:<name>; the namespace may be left out for a
    // RoleBinding (the current one is used), not for a ClusterRoleBinding.
    const saParts = sas.map((sa) => sa.split(":"));
    if (saParts.some((t) => t.length !== 2 || t[1] === "")) throw new KubectlError("serviceaccount must be <namespace>:<name>");
    const validateInfos = (infos: Info[]) => {
      if (saParts.some((t) => t[0] === "") && infos.some((i) => i.mapping.kind === "ClusterRoleBinding")) {
        throw new KubectlError("serviceaccount must be <namespace>:<name>, namespace must be specified");
      }
    };
    // Users, groups and service accounts each sorted and without duplicates (sets.NewString(...).List()).
    const sortedUnique = (xs: string[]) => [...new Set(xs)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const wanted: KubeObject[] = [
      ...sortedUnique(users).map((u) => ({ kind: "User", apiGroup: "rbac.authorization.k8s.io", name: u })),
      ...sortedUnique(groups).map((g) => ({ kind: "Group", apiGroup: "rbac.authorization.k8s.io", name: g })),
      ...sortedUnique(sas).map((sa) => {
        const [namespace, name] = sa.split(":");
        return { kind: "ServiceAccount", name, namespace: namespace || r.namespace };
      }),
    ];
    // A subject is there already when all four fields are equal (Go's == on rbacv1.Subject).
    const same = (a: KubeObject, b: KubeObject) => ["kind", "apiGroup", "name", "namespace"].every((f) => (a[f] ?? "") === (b[f] ?? ""));
    return runSet(r, r.args, "subjects updated", "failed to patch subjects to rolebinding: ", (obj) => {
      if (obj.kind !== "RoleBinding" && obj.kind !== "ClusterRoleBinding") throw new Error("setting subjects is only supported for RoleBinding/ClusterRoleBinding");
      const existing: KubeObject[] = obj.subjects ?? [];
      const added = wanted.filter((s) => !existing.some((x) => same(x, s)));
      if (added.length) obj.subjects = [...existing, ...added];
    }, [], { validateInfos });
  },
};

export const setCommand: KubectlCommand = {
  name: "set",
  short: "Set specific features on objects",
  ...SET_HELP,
  flags: [],
  subcommands: [envCommand, imageCommand, resourcesCommand, selectorCommand, serviceAccountCommand, subjectCommand],
  run: defaultSubCommandRun("stderr"),
};
