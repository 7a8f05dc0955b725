// `kubectl set image|env|resources|selector|serviceaccount|subject` (k8s.io/kubectl/pkg/cmd/set):
// each changes a copy of every selected object, then sends the two-way strategic merge patch
// between the two (set/helper.go CalculatePatches); an object the change leaves as it was is skipped.
import type { CommandRun, KubectlCommand } from "../command";
import { KubectlError } from "../command";
import { formatError, type KubeObject } from "../client";
import { SET_ENV_HELP, SET_HELP, SET_IMAGE_HELP, SET_RESOURCES_HELP, SET_SA_HELP, SET_SELECTOR_HELP, SET_SUBJECT_HELP } from "./mutation-help";
import { collectInfos, dryRunStrategy, infoPath, kindName, reportErrors, send, successLine, type DryRun, type Info } from "../infos";
import { defaultSubCommandRun, printObjects, validateOutput } from "../output";
import { twoWayPatch } from "../patching";
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
    case "Deployment":
    case "ReplicaSet":
    case "ReplicationController":
    case "DaemonSet":
    case "StatefulSet":
    case "Job":
      return obj.spec?.template?.spec;
  }
  return undefined;
}

function requirePodSpec(obj: KubeObject): KubeObject {
  const spec = podSpecOf(obj);
  if (!spec) throw new Error(`the object is not a pod or does not have a pod template: *v1.${obj.kind}`);
  return spec;
}

/** What every set subcommand shares: select, mutate copies, patch what changed, print. */
interface SetOptions {
  /** Send (and report) even an empty patch: set serviceaccount and set selector do. */
  sendUnchanged?: boolean;
  /** A failed mutation is reported as it is (set selector), not as `error: <resource>/<name> <err>`. */
  plainErrors?: boolean;
}

async function runSet(r: CommandRun, resources: string[], operation: string, failPrefix: string, mutate: Mutate, perObjectErrors: unknown[] = [], so: SetOptions = {}): Promise<number> {
  const { flags } = r;
  const output = flags.string("output");
  validateOutput(output);
  const dryRun: DryRun = dryRunStrategy(r);
  if (flags.bool("local")) throw new KubectlError("--local is not available in this sandbox: change the objects on the server");
  const { infos, errors } = await collectInfos(r, resources, {
    filenames: flags.strings("filename"),
    recursive: flags.bool("recursive"),
    selector: hasFlag(r, "selector") ? flags.string("selector") : "",
    all: hasFlag(r, "all") ? flags.bool("all") : false,
    fetch: true,
  });
  if (errors.length) throw errors[0];
  const failures: unknown[] = [];
  const changed: KubeObject[] = [];
  for (const info of infos) {
    const original = { ...info.object!, kind: info.mapping.kind };
    const modified: KubeObject = structuredClone(original);
    try {
      mutate(modified, info);
    } catch (e) {
      if (so.plainErrors) throw new KubectlError((e as Error).message);
      failures.push(new KubectlError(`error: ${info.mapping.resource}/${info.name} ${(e as Error).message}\n`));
      continue;
    }
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
    if (output === "name") r.env.stdout.write(`${kindName(info)}\n`);
    else if (output) changed.push(result);
    else r.env.stdout.write(successLine(info, operation, dryRun));
  }
  if (changed.length) printObjects(r, changed, output);
  return reportErrors(r, [...perObjectErrors, ...failures], formatError);
}

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
        for (const list of [spec.initContainers, spec.containers, spec.ephemeralContainers]) {
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
    if (flags.string("from")) {
      const { infos, errors } = await collectInfos(r, [flags.string("from")], { fetch: true });
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
      const { infos, errors } = await collectInfos(r, resources, { filenames: flags.strings("filename"), selector: flags.string("selector"), all: flags.bool("all"), fetch: true });
      if (errors.length) throw errors[0];
      for (const info of infos) {
        const spec = podSpecOf({ ...info.object!, kind: info.mapping.kind });
        if (!spec) throw new KubectlError(`error: ${info.mapping.resource}/${info.name} the object is not a pod or does not have a pod template: *v1.${info.mapping.kind}\n`);
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
    });
    void sawChange;
    return code;
  },
};

// ---------------------------------------------------------------- resources

function parseResourceList(text: string, flag: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!text) return out;
  for (const pair of text.split(",")) {
    const i = pair.indexOf("=");
    if (i <= 0) throw new KubectlError(`invalid argument "${pair}" for ${flag}: must be a list of resource=quantity`);
    out[pair.slice(0, i)] = pair.slice(i + 1);
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
    const limits = parseResourceList(flags.string("limits"), "--limits");
    const requests = parseResourceList(flags.string("requests"), "--requests");
    if (!Object.keys(limits).length && !Object.keys(requests).length) throw new KubectlError("you must specify an update to requests or limits (in the form of --requests/--limits)");
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
    }, [], { sendUnchanged: true });
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
      if (parsed.matchExpressions.length) throw new Error(`match expression ${JSON.stringify(parsed.matchExpressions)} not supported on this object`);
      obj.spec ??= {};
      obj.spec.selector = parsed.matchLabels;
    }, [], { sendUnchanged: true, plainErrors: true });
  },
};

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
    const saSubjects = sas.map((sa) => {
      const parts = sa.split(":");
      if (parts.length !== 2) throw new KubectlError("serviceaccount must be <namespace>:<name>");
      if (!parts[0]) throw new KubectlError("serviceaccount must be <namespace>:<name>, namespace must be specified");
      return { kind: "ServiceAccount", name: parts[1], namespace: parts[0] };
    });
    const wanted = [
      ...users.map((u) => ({ apiGroup: "rbac.authorization.k8s.io", kind: "User", name: u })),
      ...groups.map((g) => ({ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: g })),
      ...saSubjects,
    ];
    return runSet(r, r.args, "subjects updated", "failed to patch subjects to rolebinding: ", (obj) => {
      if (obj.kind !== "RoleBinding" && obj.kind !== "ClusterRoleBinding") throw new Error("setting subjects is only supported for RoleBinding/ClusterRoleBinding");
      const subjects: KubeObject[] = obj.subjects ?? [];
      for (const s of wanted) if (!subjects.some((x) => x.kind === s.kind && x.name === s.name && (x.namespace ?? "") === ((s as KubeObject).namespace ?? ""))) subjects.push(s);
      obj.subjects = subjects;
    });
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
