// Container logs (GET /api/v1/namespaces/<ns>/pods/<name>/log): the API server's container choice
// (pkg/registry/core/pod LogLocation), the kubelet's choice of which container instance to read
// (validateContainerLogStatus), then the lines the workload model says that run printed, filtered by
// PodLogOptions (sinceSeconds, sinceTime, tailLines, limitBytes, timestamps, previous).
import type { KubeObject } from "../kinds/types";
import type { Container, ContainerStatus, PodSpec } from "../kinds/common/pod";
import type { ClusterState } from "../apiserver/context";
import type { ApiResponse } from "../apiserver/request";
import { ApiError, badRequest, invalid, notFound } from "../machinery/status";
import { forbidden as fieldForbidden, invalid as fieldInvalid, type FieldError } from "../machinery/field-errors";
import { boolParam, int64Param } from "../apiserver/query-options";
import { parseRfc3339 } from "../machinery/time";
import { workloadOf, type ClusterView, type LogLine } from "./workloads";
import { probeOf, probeSchedule, tickTime, type ProbeKind } from "./probes";
import { formatDate } from "./shell";
import { hashFraction } from "./timing";

export interface PodLogOptions {
  container?: string;
  previous?: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  /** RFC 3339 time. */
  sinceTime?: string;
  timestamps?: boolean;
  limitBytes?: number;
}

/** Lines generated at most for one request (a loop printing every second for hours stays cheap). */
const MAX_LINES = 20_000;

const containerNames = (spec: PodSpec) => [...(spec.initContainers ?? []), ...(spec.containers ?? []), ...((spec.ephemeralContainers ?? []) as Container[])].map((c) => String(c.name));

/** The API server's part: which container (LogLocation / validateContainer). */
function chooseContainer(pod: KubeObject, requested: string | undefined): string {
  const spec = (pod.spec ?? {}) as PodSpec;
  const name = pod.metadata.name;
  if (!requested) {
    const containers = spec.containers ?? [];
    if (containers.length === 1) return String(containers[0].name);
    if (containers.length === 0) throw badRequest(`a container name must be specified for pod ${name}`);
    throw badRequest(`a container name must be specified for pod ${name}, choose one of: [${containerNames(spec).join(" ")}]`);
  }
  if (!containerNames(spec).includes(requested)) throw badRequest(`container ${requested} is not valid for pod ${name}`);
  return requested;
}

interface Run {
  container: Container;
  startedAtMs: number;
  /** Undefined while it runs. */
  finishedAtMs?: number;
  startError: boolean;
  restartCount: number;
}

/** The kubelet's part: which instance of the container (validateContainerLogStatus). */
function chooseRun(pod: KubeObject, containerName: string, previous: boolean): Run {
  const spec = (pod.spec ?? {}) as PodSpec;
  const status = pod.status ?? {};
  const podName = pod.metadata.name;
  const all = [...((status.containerStatuses ?? []) as ContainerStatus[]), ...((status.initContainerStatuses ?? []) as ContainerStatus[]), ...((status.ephemeralContainerStatuses ?? []) as ContainerStatus[])];
  const cs = all.find((s) => s.name === containerName);
  const container = [...(spec.containers ?? []), ...(spec.initContainers ?? []), ...((spec.ephemeralContainers ?? []) as Container[])].find((c) => c.name === containerName)!;
  if (!cs) throw badRequest(`container ${JSON.stringify(containerName)} in pod ${JSON.stringify(podName)} is not available`);
  const last = cs.lastState?.terminated;
  const term = cs.state?.terminated;
  const fromTerminated = (x: NonNullable<typeof term>, restartCount: number): Run => ({
    container,
    startedAtMs: parseRfc3339(x.startedAt ?? "") ?? 0,
    finishedAtMs: parseRfc3339(x.finishedAt ?? "") ?? 0,
    startError: x.reason === "StartError",
    restartCount,
  });
  const r = cs.restartCount ?? 0;
  if (previous) {
    if (!last || !last.containerID) throw badRequest(`previous terminated container ${JSON.stringify(containerName)} in pod ${JSON.stringify(podName)} not found`);
    return fromTerminated(last, Math.max(0, r - 1));
  }
  if (cs.state?.running) return { container, startedAtMs: parseRfc3339(cs.state.running.startedAt ?? "") ?? 0, startError: false, restartCount: r };
  if (term) {
    if (!term.containerID) {
      if (last?.containerID) return fromTerminated(last, Math.max(0, r - 1));
      throw badRequest(`container ${JSON.stringify(containerName)} in pod ${JSON.stringify(podName)} is terminated`);
    }
    return fromTerminated(term, r);
  }
  if (last) {
    if (!last.containerID) throw badRequest(`container ${JSON.stringify(containerName)} in pod ${JSON.stringify(podName)} is terminated`);
    return fromTerminated(last, Math.max(0, r - 1));
  }
  const reason = cs.state?.waiting?.reason;
  if (cs.state?.waiting) {
    if (reason === "ErrImagePull") throw badRequest(`container ${JSON.stringify(containerName)} in pod ${JSON.stringify(podName)} is waiting to start: image can't be pulled`);
    if (reason === "ImagePullBackOff") throw badRequest(`container ${JSON.stringify(containerName)} in pod ${JSON.stringify(podName)} is waiting to start: trying and failing to pull image`);
    throw badRequest(`container ${JSON.stringify(containerName)} in pod ${JSON.stringify(podName)} is waiting to start: ${reason ?? ""}`);
  }
  throw badRequest(`container ${JSON.stringify(containerName)} in pod ${JSON.stringify(podName)} is waiting to start - no logs yet`);
}

/** Requests the kubelet's HTTP probes made to an nginx container, as nginx logs them. */
function probeAccessLines(pod: KubeObject, run: Run, podIP: string, nodeCIDR: string | undefined, untilMs: number): LogLine[] {
  const out: LogLine[] = [];
  const gateway = nodeCIDR ? nodeCIDR.replace(/\.\d+\/\d+$/, ".1") : "10.244.0.1";
  for (const kind of ["startup", "liveness", "readiness"] as ProbeKind[]) {
    const p = probeOf(run.container, kind);
    const http = p?.httpGet as { path?: string; port?: unknown } | undefined;
    if (!p || !http) continue;
    const port = typeof http.port === "number" ? http.port : Number((run.container.ports ?? []).find((x) => x.name === http.port)?.containerPort ?? http.port);
    if (port !== 80) continue;
    const path = http.path ?? "/";
    const ok = path === "/" || path === "/index.html" || path === "/50x.html";
    const s = probeSchedule(String(pod.metadata.uid), run.container, kind, p, run.startedAtMs, run.restartCount);
    for (let n = 0; n < MAX_LINES; n++) {
      const at = tickTime(s, n);
      if (at > untilMs) break;
      const clf = `${formatDate(at, "%d/%b/%Y:%H:%M:%S")} +0000`;
      if (!ok) out.push({ t: at, text: `${formatDate(at, "%Y/%m/%d %H:%M:%S")} [error] 29#29: *${n + 1} open() "/usr/share/nginx/html${path}" failed (2: No such file or directory), client: ${gateway}, server: localhost, request: "GET ${path} HTTP/1.1", host: "${podIP}:${port}"` });
      out.push({ t: at + 1, text: `${gateway} - - [${clf}] "GET ${path} HTTP/1.1" ${ok ? 200 : 404} ${ok ? 615 : 153} "-" "kube-probe/1.32" "-"` });
    }
  }
  return out;
}

/** RFC3339Nano as the kubelet prints log timestamps (trailing zeros of the fraction trimmed). */
function rfc3339Nano(ms: number, salt: string): string {
  const whole = Math.floor(ms);
  const nanos = (whole % 1000) * 1_000_000 + Math.floor(hashFraction(salt) * 1_000_000);
  const frac = String(nanos).padStart(9, "0").replace(/0+$/, "");
  return `${formatDate(whole, "%Y-%m-%dT%H:%M:%S")}${frac ? `.${frac}` : ""}Z`;
}

/** The log text of a container of a pod, as the kubelet serves it; throws the API's errors. */
export function podLogs(pod: KubeObject, containerName: string | undefined, opts: PodLogOptions, nowMs: number, view: ClusterView, nodeCIDR?: string): string {
  const name = chooseContainer(pod, containerName);
  if (!pod.spec?.nodeName) return "";
  const run = chooseRun(pod, name, opts.previous === true);
  if (run.startError) return "";
  // Status times are whole seconds: the run really started somewhere within its startedAt second and
  // finished within its finishedAt second.
  const startedAt = run.startedAtMs + Math.floor(hashFraction(`${pod.metadata.uid}|${name}|${run.restartCount}|start`) * 600);
  const until = run.finishedAtMs !== undefined ? run.finishedAtMs + 999 : nowMs;
  const podIP = String(pod.status?.podIP ?? "");
  const w = workloadOf({ pod, container: run.container, startedAtMs: startedAt, podIP, view });
  let lines = w.logs(until, MAX_LINES);
  if (w.accessLog === "nginx") lines = [...lines, ...probeAccessLines(pod, run, podIP, nodeCIDR, until)].sort((a, b) => a.t - b.t);
  const since = opts.sinceSeconds !== undefined ? nowMs - opts.sinceSeconds * 1000 : opts.sinceTime ? parseRfc3339(opts.sinceTime) : undefined;
  // A line's timestamp salt is its position in the whole log, so --tail and --since show the same
  // timestamps as the full log (and `logs -f` can line them up).
  const position = new Map(lines.map((l, i) => [l, i]));
  if (since !== undefined) lines = lines.filter((l) => l.t >= since);
  if (opts.tailLines !== undefined) lines = opts.tailLines === 0 ? [] : lines.slice(-opts.tailLines);
  let text = lines.map((l) => (opts.timestamps ? `${rfc3339Nano(l.t, `${pod.metadata.uid}|${name}|${l.t}|${position.get(l)}`)} ${l.text}` : l.text) + "\n").join("");
  if (opts.limitBytes !== undefined) {
    const bytes = new TextEncoder().encode(text);
    if (bytes.length > opts.limitBytes) text = new TextDecoder().decode(bytes.slice(0, opts.limitBytes));
  }
  return text;
}

/** PodLogOptions from the query, validated like ValidatePodLogOptions (422) after the codec's parsing (400). */
function logOptions(q: URLSearchParams, podName: string): PodLogOptions {
  const opts: PodLogOptions = {
    container: q.get("container") ?? undefined,
    previous: boolParam(q, "previous"),
    timestamps: boolParam(q, "timestamps"),
    tailLines: int64Param(q, "tailLines"),
    sinceSeconds: int64Param(q, "sinceSeconds"),
    limitBytes: int64Param(q, "limitBytes"),
  };
  boolParam(q, "follow");
  const sinceTime = q.get("sinceTime");
  if (sinceTime !== null) {
    if (parseRfc3339(sinceTime) === undefined) throw badRequest(`parsing time ${JSON.stringify(sinceTime)} as "2006-01-02T15:04:05Z07:00": cannot parse ${JSON.stringify(sinceTime)} as "2006"`);
    opts.sinceTime = sinceTime;
  }
  const errs: FieldError[] = [];
  if (opts.tailLines !== undefined && opts.tailLines < 0) errs.push(fieldInvalid("tailLines", opts.tailLines, "must be greater than or equal to 0"));
  if (opts.limitBytes !== undefined && opts.limitBytes < 1) errs.push(fieldInvalid("limitBytes", opts.limitBytes, "must be greater than 0"));
  if (opts.sinceSeconds !== undefined && opts.sinceTime !== undefined) errs.push(fieldForbidden("", "at most one of `sinceTime` or `sinceSeconds` may be specified"));
  else if (opts.sinceSeconds !== undefined && opts.sinceSeconds < 1) errs.push(fieldInvalid("sinceSeconds", opts.sinceSeconds, "must be greater than 0"));
  if (errs.length) throw invalid("", "PodLogOptions", podName, errs);
  return opts;
}

/** GET pods/<name>/log. */
export function podLogResponse(state: ClusterState, namespace: string, name: string, query: URLSearchParams, nowMs: number): ApiResponse {
  const pod = state.store.get("pods", namespace, name);
  if (!pod) throw notFound({ group: "", resource: "pods" }, name);
  const opts = logOptions(query, name);
  const view: ClusterView = {
    nowMs,
    configMap: (ns, n) => state.store.get("configmaps", ns, n),
    secret: (ns, n) => state.store.get("secrets", ns, n),
    service: (ns, n) => state.store.get("services", ns, n),
  };
  const node = pod.spec?.nodeName ? state.store.get("nodes", "", pod.spec.nodeName) : undefined;
  try {
    const text = podLogs(pod, opts.container, opts, nowMs, view, node?.spec?.podCIDR);
    return { status: 200, body: text, contentType: "text/plain" };
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw e;
  }
}
