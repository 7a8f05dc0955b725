// `kubectl wait --for=create|delete|condition=NAME[=VALUE]|jsonpath='{expr}'[=VALUE]`: the builder's
// objects (names, -l, --all, -f), each checked until the condition holds or the shared --timeout
// (default 30s) runs out — polling the object once a simulated second through env.host.sleep, where
// real kubectl watches. Output and errors as kubectl 1.32's wait.go prints them.
import type { CommandRun, KubectlCommand } from "../command";
import { KubectlError } from "../command";
import { ServerError, formatError, type KubeObject } from "../client";
import { collectInfos, infoPath, reportErrors, type Info } from "../infos";
import { genericPrinter, printObject } from "../printers/print-flags";
import { JsonPath, relaxedJsonPathExpression } from "../printers/jsonpath";
import { ALLOW_MISSING_TEMPLATE_KEYS_FLAG, FIELD_SELECTOR_FLAG, OUTPUT_FLAG, SHOW_MANAGED_FIELDS_FLAG, TEMPLATE_FLAG, filenameFlag } from "../common-flags";

const POLL_MS = 1000;
const CREATE_POLL_MS = 500;
/** kubectl turns a negative --timeout into a week. */
const WEEK_MS = 168 * 3600 * 1000;

type Check = (obj: KubeObject) => boolean;

interface Condition {
  kind: "create" | "delete" | "check";
  check?: Check;
}

export const waitCommand: KubectlCommand = {
  name: "wait",
  short: "Experimental: Wait for a specific condition on one or many resources",
  long: `Experimental: Wait for a specific condition on one or many resources.

 The command takes multiple resources and waits until the specified condition is seen in the Status field of every given resource.

 Alternatively, the command can wait for the given set of resources to be created or deleted by providing the "create" or "delete" keyword as the value to the --for flag.

 A successful message will be printed to stdout indicating when the specified condition has been met. You can use -o option to change to output destination.`,
  example: `  # Wait for the pod "busybox1" to contain the status condition of type "Ready"
  kubectl wait --for=condition=Ready pod/busybox1
  
  # The default value of status condition is true; you can wait for other targets after an equal delimiter (compared after Unicode simple case folding, which is a more general form of case-insensitivity)
  kubectl wait --for=condition=Ready=false pod/busybox1
  
  # Wait for the pod "busybox1" to contain the status phase to be "Running"
  kubectl wait --for=jsonpath='{.status.phase}'=Running pod/busybox1
  
  # Wait for pod "busybox1" to be Ready
  kubectl wait --for='jsonpath={.status.conditions[?(@.type=="Ready")].status}=True' pod/busybox1
  
  # Wait for the service "loadbalancer" to have ingress
  kubectl wait --for=jsonpath='{.status.loadBalancer.ingress}' service/loadbalancer
  
  # Wait for the secret "busybox1" to be created, with a timeout of 30s
  kubectl create secret generic busybox1
  kubectl wait --for=create secret/busybox1 --timeout=30s
  
  # Wait for the pod "busybox1" to be deleted, with a timeout of 60s, after having issued the "delete" command
  kubectl delete pod/busybox1
  kubectl wait --for=delete pod/busybox1 --timeout=60s`,
  usage: "wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]] [options]",
  flags: [
    { name: "all", type: "bool", usage: "Select all resources in the namespace of the specified resource types" },
    { name: "all-namespaces", shorthand: "A", type: "bool", usage: "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace." },
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    FIELD_SELECTOR_FLAG,
    filenameFlag("identifying the resource.", "stringArray"),
    { name: "for", type: "string", usage: "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]]. The default condition-value is true. Condition values are compared after Unicode simple case folding, which is a more general form of case-insensitivity." },
    { name: "local", type: "bool", usage: "If true, annotation will NOT contact api-server but run locally." },
    OUTPUT_FLAG,
    { name: "recursive", shorthand: "R", type: "bool", default: true, usage: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory." },
    { name: "selector", shorthand: "l", type: "string", usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)" },
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
    { name: "timeout", type: "duration", default: 30000, usage: "The length of time to wait before giving up. Zero means check once and don't wait, negative means wait for a week." },
  ],
  async run(run) {
    return runWait(run);
  },
};

/** splitJSONPathInput: `=` splits, `==` stays. */
function splitJsonPathInput(input: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < input.length; i++) {
    if (input[i] === "=") {
      if (input[i + 1] === "=") {
        cur += "==";
        i++;
        continue;
      }
      out.push(cur);
      cur = "";
      continue;
    }
    cur += input[i];
  }
  out.push(cur);
  return out;
}

/** conditionFuncFor. */
function conditionFor(spec: string): Condition {
  const lower = spec.toLowerCase();
  if (lower === "delete") return { kind: "delete" };
  if (lower === "create") return { kind: "create" };
  if (spec.startsWith("condition=")) {
    let name = spec.slice("condition=".length);
    let value = "true";
    const eq = name.indexOf("=");
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    return {
      kind: "check",
      check(obj) {
        for (const c of (obj.status?.conditions ?? []) as KubeObject[]) {
          if (typeof c?.type !== "string" || c.type.toLowerCase() !== name.toLowerCase() || typeof c.status !== "string") continue;
          const generation = obj.metadata?.generation;
          const observed = c.observedGeneration ?? obj.status?.observedGeneration;
          if (typeof generation === "number" && typeof observed === "number" && observed < generation) return false;
          return c.status.toLowerCase() === value.toLowerCase();
        }
        return false;
      },
    };
  }
  if (spec.startsWith("jsonpath=")) {
    const parts = splitJsonPathInput(spec.slice("jsonpath=".length));
    if (parts.length < 1 || parts.length > 2) throw new KubectlError("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'");
    const expr = relaxedJsonPathExpression(parts[0]);
    let value = "";
    if (parts.length === 2) {
      value = parts[1].replace(/^['"]+|['"]+$/g, "");
      if (!value) throw new KubectlError("jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3");
    }
    if (!expr) throw new KubectlError("jsonpath expression cannot be empty");
    const jp = new JsonPath("wait").setAllowMissingKeys(true);
    try {
      jp.parse(expr);
    } catch (e) {
      throw new KubectlError((e as Error).message);
    }
    return {
      kind: "check",
      check(obj) {
        const results = jp.findResults(obj);
        if (!results.length || !results[0].length) return false;
        if (results.length > 1) throw new KubectlError("given jsonpath expression matches more than one list");
        if (results[0].length > 1) throw new KubectlError("given jsonpath expression matches more than one value");
        if (!value) return true;
        const r = results[0][0];
        if (r !== null && typeof r === "object") throw new KubectlError("jsonpath leads to a nested object or list which is not supported");
        return goSprint(r).trim() === value.trim();
      },
    };
  }
  throw new KubectlError(`unrecognized condition: ${JSON.stringify(spec)}`);
}

/** fmt's %v of a JSON scalar. */
function goSprint(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  return String(v);
}

const isNotFound = (e: unknown) => e instanceof ServerError && e.code === 404;

async function runWait(run: CommandRun): Promise<number> {
  const { flags, env } = run;
  const output = flags.string("output");
  const chosen = output || flags.string("template") ? genericPrinter({ output, outputChanged: flags.changed("output"), template: flags.string("template"), allowMissingKeys: flags.bool("allow-missing-template-keys"), showManagedFields: flags.bool("show-managed-fields"), files: env.files, operation: "condition met" }) : undefined;
  const cond = conditionFor(flags.string("for"));
  let timeout = flags.duration("timeout");
  if (timeout < 0) timeout = WEEK_MS;
  const start = env.host.now();
  const deadline = start + timeout;
  const gather = () =>
    collectInfos(run, run.args, {
      filenames: flags.strings("filename"),
      recursive: flags.bool("recursive"),
      selector: flags.string("selector"),
      fieldSelector: flags.string("field-selector"),
      all: flags.bool("all"),
      allNamespaces: flags.bool("all-namespaces"),
      fetch: true,
    });
  if (cond.kind === "create") {
    for (;;) {
      const r = await gather();
      const notFound = r.errors.some(isNotFound);
      const other = r.errors.find((e) => !isNotFound(e));
      if (other) throw other;
      if (!notFound) break;
      if (env.host.now() >= deadline || env.host.signal.aborted) throw new KubectlError("timed out waiting for the condition");
      await env.host.sleep(Math.min(CREATE_POLL_MS, deadline - env.host.now()));
    }
  }
  const found = await gather();
  const errors: unknown[] = cond.kind === "delete" ? found.errors.filter((e) => !isNotFound(e)) : [...found.errors];
  let visited = 0;
  const print = (info: Info, obj: KubeObject | undefined) => {
    const shown = obj ?? info.object ?? { apiVersion: info.mapping.group ? `${info.mapping.group}/${info.mapping.version}` : info.mapping.version, kind: info.mapping.kind, metadata: { name: info.name, namespace: info.namespace } };
    if (chosen) printObject(chosen, shown, env.stdout);
    else env.stdout.write(`${info.mapping.kind.toLowerCase()}${info.mapping.group ? `.${info.mapping.group}` : ""}/${info.name} condition met\n`);
  };
  for (const info of found.infos) {
    visited++;
    try {
      if (!info.name) throw new KubectlError("resource name must be provided");
      const done = cond.kind === "delete" ? await waitDeleted(run, info, deadline, timeout) : cond.kind === "create" ? info.object : await waitFor(run, info, cond.check!, deadline, timeout);
      print(info, done === true ? undefined : (done as KubeObject | undefined));
    } catch (e) {
      errors.push(e);
    }
  }
  if (visited === 0 && cond.kind !== "delete" && !errors.length) throw new KubectlError("no matching resources found");
  return reportErrors(run, errors, formatError);
}

const timedOut = (info: Info) => new KubectlError(`timed out waiting for the condition on ${info.mapping.resource}/${info.name}`);

async function waitFor(run: CommandRun, info: Info, check: Check, deadline: number, timeout: number): Promise<KubeObject> {
  const { env } = run;
  if (timeout === 0) {
    const obj = await run.client.request("GET", infoPath(info));
    if (!check(obj)) throw new KubectlError(`condition not met for ${info.mapping.resource}/${info.name}`);
    return obj;
  }
  if (env.host.now() >= deadline) throw timedOut(info);
  let first = true;
  for (;;) {
    let obj: KubeObject | undefined;
    try {
      obj = await run.client.request("GET", infoPath(info));
    } catch (e) {
      // Gone when the wait starts: the watch's precondition fails with NotFound; gone later: keep waiting.
      if (!isNotFound(e) || first) throw e;
    }
    first = false;
    if (obj && check(obj)) return obj;
    if (env.host.now() >= deadline || env.host.signal.aborted) throw timedOut(info);
    await env.host.sleep(Math.min(POLL_MS, deadline - env.host.now()));
  }
}

/** IsDeleted: gone (or replaced by a new uid) before the deadline. */
async function waitDeleted(run: CommandRun, info: Info, deadline: number, timeout: number): Promise<KubeObject | true> {
  const { env } = run;
  const uid = info.object?.metadata?.uid;
  for (let first = true; ; first = false) {
    let obj: KubeObject;
    try {
      obj = await run.client.request("GET", infoPath(info));
    } catch (e) {
      if (isNotFound(e)) return info.object ?? true;
      throw e;
    }
    if (uid && obj.metadata?.uid !== uid) return obj;
    if (first && timeout === 0) throw new KubectlError(`condition not met for ${info.mapping.resource}/${info.name}`);
    if (env.host.now() >= deadline || env.host.signal.aborted) throw timedOut(info);
    await env.host.sleep(Math.min(POLL_MS, deadline - env.host.now()));
  }
}
