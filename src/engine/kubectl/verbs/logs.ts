// `kubectl logs`: a pod's (or a workload's first pod's, or a selector's pods') container logs from
// the pods/log subresource, with kubectl 1.32's argument rules, container defaulting, prefixes and
// messages. `-f` follows: the sandbox's API answers a log request at once, so following polls the
// subresource (once a simulated second, through env.host.sleep) and prints what is new, until the
// container stops, the pod goes away, or env.host.signal aborts.
import type { CommandRun, KubectlCommand } from "../command";
import { KubectlError, UsageError } from "../command";
import { ServerError, type KubeObject } from "../client";
import { parseRfc3339, rfc3339 } from "../../machinery/time";
import { DEFAULT_CONTAINER_ANNOTATION, allContainerNames, byLogging, findContainer, goTypeName, objectForArg, podsForSelector, selectorForObject } from "./pod-for-object";
import { SELECTOR_FLAG } from "../common-flags";

const USAGE_ERR = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";
/** kubectl's default --tail when a selector is used. */
const SELECTOR_TAIL = 10;
/** How often `-f` asks for new lines (simulated ms). */
const FOLLOW_POLL_MS = 1000;

export interface LogOptions {
  container?: string;
  previous: boolean;
  timestamps: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  sinceTime?: string;
  limitBytes?: number;
}

/** One log stream: a container of a pod. */
export interface LogRequest {
  namespace: string;
  pod: string;
  container: string;
  fieldPath: string;
  opts: LogOptions;
}

export const logsCommand: KubectlCommand = {
  name: "logs",
  short: "Print the logs for a container in a pod",
  long: `Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.`,
  example: `  # Return snapshot logs from pod nginx with only one container
  kubectl logs nginx
  
  # Return snapshot logs from pod nginx, prefixing each line with the source pod and container name
  kubectl logs nginx --prefix
  
  # Return snapshot logs from pod nginx, limiting output to 500 bytes
  kubectl logs nginx --limit-bytes=500
  
  # Return snapshot logs from pod nginx, waiting up to 20 seconds for it to start running.
  kubectl logs nginx --pod-running-timeout=20s
  
  # Return snapshot logs from pod nginx with multi containers
  kubectl logs nginx --all-containers=true
  
  # Return snapshot logs from all pods in the deployment nginx
  kubectl logs deployment/nginx --all-pods=true
  
  # Return snapshot logs from all containers in pods defined by label app=nginx
  kubectl logs -l app=nginx --all-containers=true
  
  # Return snapshot logs from all pods defined by label app=nginx, limiting concurrent log requests to 10 pods
  kubectl logs -l app=nginx --max-log-requests=10
  
  # Return snapshot of previous terminated ruby container logs from pod web-1
  kubectl logs -p -c ruby web-1
  
  # Begin streaming the logs from pod nginx, continuing even if errors occur
  kubectl logs nginx -f --ignore-errors=true
  
  # Begin streaming the logs of the ruby container in pod web-1
  kubectl logs -f -c ruby web-1
  
  # Begin streaming the logs from all containers in pods defined by label app=nginx
  kubectl logs -f -l app=nginx --all-containers=true
  
  # Display only the most recent 20 lines of output in pod nginx
  kubectl logs --tail=20 nginx
  
  # Show all logs from pod nginx written in the last hour
  kubectl logs --since=1h nginx
  
  # Show all logs with timestamps from pod nginx starting from August 30, 2024, at 06:00:00 UTC
  kubectl logs nginx --since-time=2024-08-30T06:00:00Z --timestamps=true
  
  # Show logs from a kubelet with an expired serving certificate
  kubectl logs --insecure-skip-tls-verify-backend nginx
  
  # Return snapshot logs from first container of a job named hello
  kubectl logs job/hello
  
  # Return snapshot logs from container nginx-1 of a deployment named nginx
  kubectl logs deployment/nginx -c nginx-1`,
  usage: "logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]",
  flags: [
    { name: "all-containers", type: "bool", usage: "Get all containers' logs in the pod(s)." },
    { name: "all-pods", type: "bool", usage: "Get logs from all pod(s). Sets prefix to true." },
    { name: "container", shorthand: "c", type: "string", usage: "Print the logs of this container" },
    { name: "follow", shorthand: "f", type: "bool", usage: "Specify if the logs should be streamed." },
    { name: "ignore-errors", type: "bool", usage: "If watching / following pod logs, allow for any errors that occur to be non-fatal" },
    { name: "insecure-skip-tls-verify-backend", type: "bool", usage: "Skip verifying the identity of the kubelet that logs are requested from.  In theory, an attacker could provide invalid log content back. You might want to use this if your kubelet serving certificates have expired." },
    { name: "limit-bytes", type: "int", usage: "Maximum bytes of logs to return. Defaults to no limit." },
    { name: "max-log-requests", type: "int", default: 5, usage: "Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5." },
    { name: "pod-running-timeout", type: "duration", default: 20000, usage: "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running" },
    { name: "prefix", type: "bool", usage: "Prefix each log line with the log source (pod name and container name)" },
    { name: "previous", shorthand: "p", type: "bool", usage: "If true, print the logs for the previous instance of the container in a pod if it exists." },
    SELECTOR_FLAG,
    { name: "since", type: "duration", usage: "Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used." },
    { name: "since-time", type: "string", usage: "Only return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used." },
    { name: "tail", type: "int", default: -1, usage: "Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided." },
    { name: "timestamps", type: "bool", usage: "Include timestamps on each line in the log output" },
  ],
  async run(run) {
    return runLogs(run);
  },
};

async function runLogs(run: CommandRun): Promise<number> {
  const { flags, args, env } = run;
  const selector = flags.string("selector");
  let container = flags.string("container");
  // Complete
  if (args.length === 0 && !selector) throw new UsageError(USAGE_ERR);
  if (args.length === 1 && selector) throw new UsageError("only a selector (-l) or a POD name is allowed");
  if (args.length > 2) throw new UsageError(USAGE_ERR);
  if (args.length === 2) container = args[1];
  const allPods = flags.bool("all-pods");
  const prefix = flags.bool("prefix") || allPods;
  const podRunningTimeout = flags.duration("pod-running-timeout");
  if (podRunningTimeout <= 0) throw new KubectlError("--pod-running-timeout must be higher than zero");
  const opts: LogOptions = { container: container || undefined, previous: flags.bool("previous"), timestamps: flags.bool("timestamps") };
  const sinceTimeText = flags.string("since-time");
  if (sinceTimeText) {
    const t = parseRfc3339(sinceTimeText);
    if (t === undefined) throw new KubectlError(`parsing time ${JSON.stringify(sinceTimeText)} as "2006-01-02T15:04:05Z07:00": cannot parse ${JSON.stringify(sinceTimeText)} as "2006"`);
    opts.sinceTime = rfc3339(t);
  }
  if (flags.int("limit-bytes") !== 0) opts.limitBytes = flags.int("limit-bytes");
  const since = flags.duration("since");
  if (since !== 0) opts.sinceSeconds = Math.sign(since) * Math.round(Math.abs(since) / 1000);
  const tail = flags.int("tail");
  if (selector && tail === -1 && !flags.changed("tail")) opts.tailLines = SELECTOR_TAIL;
  else if (tail !== -1) opts.tailLines = tail;

  let object: KubeObject;
  if (selector) {
    object = await run.client.request("GET", `/api/v1/namespaces/${encodeURIComponent(run.namespace)}/pods`, { query: { labelSelector: selector } });
    if (!(object.items ?? []).length) env.stderr.write(`No resources found in ${run.namespace} namespace.\n`);
  } else {
    try {
      object = (await objectForArg(run, args[0])).object;
    } catch (e) {
      if (e instanceof ServerError && e.code === 404) throw new KubectlError(`error from server (NotFound): ${e.message} in namespace ${JSON.stringify(run.namespace)}`);
      throw e;
    }
  }

  // Validate
  if (sinceTimeText && since !== 0) throw new KubectlError("at most one of `sinceTime` or `sinceSeconds` may be specified");
  const allContainers = flags.bool("all-containers");
  if (allContainers && opts.container) throw new KubectlError(`--all-containers=true should not be specified with container name ${opts.container}`);
  if (flags.changed("container") && args.length === 2) throw new KubectlError("only one of -c or an inline [CONTAINER] arg is allowed");
  if (flags.int("limit-bytes") < 0) throw new KubectlError("--limit-bytes must be greater than 0");
  if (opts.sinceSeconds !== undefined && opts.sinceSeconds < 0) throw new KubectlError("--since must be greater than 0");
  if (opts.tailLines !== undefined && opts.tailLines < -1) throw new KubectlError("--tail must be greater than or equal to -1");

  // Run
  const requests = await logRequests(run, object, opts, podRunningTimeout, allContainers, allPods);
  const follow = flags.bool("follow");
  const maxFollow = flags.int("max-log-requests");
  if (follow && requests.length > 1 && requests.length > maxFollow) {
    throw new KubectlError(`you are attempting to follow ${requests.length} log streams, but maximum allowed concurrency is ${maxFollow}, use --max-log-requests to increase the limit`);
  }
  const ignoreErrors = flags.bool("ignore-errors");
  const out = (req: LogRequest, text: string) => env.stdout.write(prefix ? prefixLines(req, text) : text);
  if (!follow) {
    for (const req of requests) {
      try {
        out(req, await fetchLog(run, req, req.opts));
      } catch (e) {
        if (!ignoreErrors) throw e;
        env.stdout.write(`error: ${errorText(e)}\n`);
      }
    }
    return 0;
  }
  return followLogs(run, requests, ignoreErrors, out);
}

/** polymorphichelpers.logsForObject: which containers of which pods, with kubectl's notes on stderr. */
async function logRequests(run: CommandRun, object: KubeObject, opts: LogOptions, timeoutMs: number, allContainers: boolean, allPods: boolean): Promise<LogRequest[]> {
  if (object.kind === "PodList" || (object.kind === undefined && Array.isArray(object.items))) {
    const out: LogRequest[] = [];
    for (const pod of object.items as KubeObject[]) out.push(...(await logRequests(run, { ...pod, kind: "Pod" }, opts, timeoutMs, allContainers, allPods)));
    return out;
  }
  if (object.kind === "Pod") {
    const pod = object;
    if (!allContainers) {
      let container = opts.container ?? "";
      const annotated = pod.metadata?.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
      if (!container && annotated) {
        if (!findContainer(pod, annotated)) run.env.stderr.write(`Default container name ${JSON.stringify(annotated)} not found in pod ${pod.metadata.name}\n`);
        else container = annotated;
      }
      if (!container) {
        const spec = pod.spec ?? {};
        container = spec.containers?.[0]?.name ?? "";
        if (((spec.containers ?? []).length > 1 || (spec.initContainers ?? []).length > 0 || (spec.ephemeralContainers ?? []).length > 0) && !allPods) {
          run.env.stderr.write(`Defaulted container ${JSON.stringify(container)} out of: ${allContainerNames(pod)}\n`);
        }
      }
      const found = findContainer(pod, container);
      if (!found) throw new KubectlError(`container ${container} is not valid for pod ${pod.metadata.name}`);
      return [{ namespace: pod.metadata.namespace, pod: pod.metadata.name, container, fieldPath: found.fieldPath, opts: { ...opts, container } }];
    }
    const out: LogRequest[] = [];
    const spec = pod.spec ?? {};
    for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? []), ...(spec.ephemeralContainers ?? [])] as KubeObject[]) {
      out.push(...(await logRequests(run, pod, { ...opts, container: c.name }, timeoutMs, false, false)));
    }
    return out;
  }
  let selector: string;
  try {
    selector = selectorForObject(object);
  } catch (e) {
    throw new KubectlError(`cannot get the logs from ${goTypeName(object)}: ${(e as Error).message}`);
  }
  const pods = await podsForSelector(run, object.metadata.namespace, selector, timeoutMs, byLogging);
  if (pods.length > 1) {
    if (allPods) return logRequests(run, { kind: "PodList", items: pods }, opts, timeoutMs, allContainers, allPods);
    run.env.stderr.write(`Found ${pods.length} pods, using pod/${pods[0].metadata.name}\n`);
  }
  return logRequests(run, { ...pods[0], kind: "Pod" }, opts, timeoutMs, allContainers, allPods);
}

function logQuery(opts: LogOptions): Record<string, string | undefined> {
  return {
    container: opts.container,
    previous: opts.previous ? "true" : undefined,
    timestamps: opts.timestamps ? "true" : undefined,
    tailLines: opts.tailLines !== undefined ? String(opts.tailLines) : undefined,
    sinceSeconds: opts.sinceSeconds !== undefined ? String(opts.sinceSeconds) : undefined,
    sinceTime: opts.sinceTime,
    limitBytes: opts.limitBytes !== undefined ? String(opts.limitBytes) : undefined,
  };
}

export async function fetchLog(run: CommandRun, req: LogRequest, opts: LogOptions): Promise<string> {
  const r = await run.client.raw("GET", `/api/v1/namespaces/${encodeURIComponent(req.namespace)}/pods/${encodeURIComponent(req.pod)}/log`, { query: logQuery(opts), headers: { accept: "*/*" } });
  if ("watch" in r) throw new KubectlError("unexpected watch stream from pods/log");
  if (r.status >= 400) throw new ServerError(r.status, r.body as never);
  return typeof r.body === "string" ? r.body : r.body instanceof Uint8Array ? new TextDecoder().decode(r.body) : String(r.body ?? "");
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** `[pod/NAME/CONTAINER] ` before every line (kubectl prefixes each write, and writes line by line). */
function prefixLines(req: LogRequest, text: string): string {
  if (!text) return "";
  const p = `[pod/${req.pod}/${req.container}] `;
  return text.replace(/[^\n]*\n|[^\n]+$/g, (line) => p + line);
}

const lineCount = (text: string) => (text.match(/\n/g) ?? []).length;

/** What a follower knows about its stream. */
interface Follower {
  req: LogRequest;
  /** Lines of the container's whole log already accounted for (the log only grows). */
  seen: number;
  restartCount: number;
  done: boolean;
}

/**
 * `-f`: print what the request gives now, then poll for lines past what the whole log had, until the
 * container's run ends (its last lines are printed), the pod is gone, or the command is stopped.
 */
export async function followLogs(run: CommandRun, requests: LogRequest[], ignoreErrors: boolean, out: (req: LogRequest, text: string) => void): Promise<number> {
  const { env } = run;
  const followers: Follower[] = [];
  for (const req of requests) {
    try {
      out(req, await fetchLog(run, req, req.opts));
      const f: Follower = { req, seen: 0, restartCount: 0, done: req.opts.previous };
      if (!f.done) {
        const whole = await fetchLog(run, req, wholeLog(req.opts, false));
        f.seen = lineCount(whole);
        const status = await containerStatus(run, req);
        if (!status || !status.state?.running) f.done = true;
        else f.restartCount = status.restartCount ?? 0;
      }
      followers.push(f);
    } catch (e) {
      if (!ignoreErrors) throw e;
      env.stdout.write(`error: ${errorText(e)}\n`);
    }
  }
  while (followers.some((f) => !f.done) && !env.host.signal.aborted) {
    await env.host.sleep(FOLLOW_POLL_MS);
    if (env.host.signal.aborted) break;
    for (const f of followers) {
      if (f.done) continue;
      try {
        const status = await containerStatus(run, f.req);
        const restarted = status !== undefined && (status.restartCount ?? 0) !== f.restartCount;
        // After a restart, the run being followed is the previous one; its stream ends with it.
        const whole = await fetchLog(run, f.req, wholeLog(f.req.opts, restarted));
        const lines = whole.split(/(?<=\n)/);
        if (lines.length > f.seen) out(f.req, lines.slice(f.seen).join(""));
        f.seen = Math.max(f.seen, lineCount(whole));
        if (!status || restarted || !status.state?.running) f.done = true;
      } catch (e) {
        f.done = true;
        if (e instanceof ServerError && e.code === 404) continue;
        if (!ignoreErrors) throw e;
        env.stdout.write(`error: ${errorText(e)}\n`);
      }
    }
  }
  return 0;
}

/** The same stream without the options that cut it (tail, since, limit): what the follower counts lines of. */
function wholeLog(opts: LogOptions, previous: boolean): LogOptions {
  return { container: opts.container, previous, timestamps: opts.timestamps };
}

async function containerStatus(run: CommandRun, req: LogRequest): Promise<KubeObject | undefined> {
  let pod: KubeObject;
  try {
    pod = await run.client.request("GET", `/api/v1/namespaces/${encodeURIComponent(req.namespace)}/pods/${encodeURIComponent(req.pod)}`);
  } catch (e) {
    if (e instanceof ServerError && e.code === 404) return undefined;
    throw e;
  }
  if (pod.metadata?.deletionTimestamp && pod.status?.phase !== "Running") return undefined;
  const all = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? []), ...(pod.status?.ephemeralContainerStatuses ?? [])] as KubeObject[];
  return all.find((s) => s.name === req.container);
}
