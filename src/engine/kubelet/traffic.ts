// Load that clients inside the cluster put on the pods they call. A container whose shell loops over
// wget or curl — the HPA walkthrough's load generator,
//   kubectl run load-generator --image=busybox:1.28 --restart=Never -- /bin/sh -c "while sleep 0.01; do wget -q -O- http://php-apache; done"
// — keeps one request in flight at a time: a round of the loop takes its sleeps plus each request's
// time, and every request costs the pod that serves it some CPU. Through a Service the requests
// spread evenly over its ready endpoints (kube-proxy), so more replicas each get a smaller share:
// the HPA's feedback loop settles as it does on a real cluster (one generator against php-apache
// with a 50% target of its 200m request ends at 7 replicas, as the walkthrough shows).
//
// Pure: computed from the pods, Services and EndpointSlices at a moment; nothing is stored.
import type { KubeObject } from "../kinds/types";
import type { Container } from "../kinds/common/pod";
import { parseRfc3339 } from "../machinery/time";
import { imageExecProfile, shellScriptOf } from "./workloads";
import { parseSleep } from "./shell";
import { requestTargets } from "./exec/network";
import { requestUrl } from "./exec/http-args";
import type { ExecCluster, ExecContext } from "./exec/types";
import { LIMITS } from "../limits";

/** CPU one request costs the server: hpa-example's index.php adds a million square roots; static pages cost little. */
const REQUEST_CPU_MS: Partial<Record<string, number>> = { "hpa-example": 20 };
const DEFAULT_REQUEST_CPU_MS = 0.3;
/** Connection set-up and the client's own work per request (wget or curl starting up). */
const CLIENT_OVERHEAD_MS = 1;

/** A shell loop that calls URLs: what each round requests (the URL words as written: a bare host is http), and how long it sleeps besides. */
export interface ClientLoop {
  urls: string[];
  pauseMs: number;
}

const LOOPS = new Map<string, ClientLoop | undefined>();

/** The request loop a container runs (undefined: it runs none). */
export function clientLoopOf(c: Container): ClientLoop | undefined {
  const key = JSON.stringify([c.image, c.command, c.args]);
  if (LOOPS.has(key)) return LOOPS.get(key);
  const script = shellScriptOf(c);
  const loop = script === undefined ? undefined : parseClientLoop(script);
  if (LOOPS.size >= LIMITS.traffic.parsedScripts) LOOPS.clear();
  LOOPS.set(key, loop);
  return loop;
}

/** `while …; do … done` / `until …; do … done` calling wget or curl: its URLs and sleeps. */
export function parseClientLoop(script: string): ClientLoop | undefined {
  const m = /\b(?:while|until)\b([\s\S]*?)\bdo\b([\s\S]*)\bdone\b/.exec(script);
  if (!m) return undefined;
  const text = `${m[1]};${m[2]}`;
  const urls: string[] = [];
  for (const call of text.matchAll(/(?:^|[\s;&|(])(wget|curl)\s+([^;&|\n)]*)/g)) {
    const url = requestUrl(call[1], call[2].trim().split(/\s+/).map(unquote));
    if (url) urls.push(url);
  }
  if (urls.length === 0) return undefined;
  let pauseMs = 0;
  for (const s of text.matchAll(/(?:^|[\s;&|(])sleep\s+([^\s;&|)]+)/g)) {
    const ms = parseSleep(unquote(s[1]));
    if (ms !== undefined && Number.isFinite(ms)) pauseMs += ms;
  }
  return { urls, pauseMs };
}

const unquote = (s: string) => s.replace(/^(["'])(.*)\1$/, "$2");

const startedAt = (pod: KubeObject, name: string): number | undefined => {
  const st = ((pod.status?.containerStatuses ?? []) as KubeObject[]).find((s) => s.name === name);
  return parseRfc3339(st?.state?.running?.startedAt ?? "");
};

/** The container that serves `port` (the first one when none says so) and the CPU one request costs it. */
function server(pod: KubeObject, port: number): { container: string; cpuMs: number } {
  const containers = (pod.spec?.containers ?? []) as Container[];
  for (const c of containers) {
    const profile = imageExecProfile(String(c.image ?? ""));
    const listens = profile?.ports ? profile.ports.includes(port) : (c.ports ?? []).some((p) => Number(p.containerPort) === port);
    if (listens) return { container: String(c.name ?? ""), cpuMs: REQUEST_CPU_MS[profile?.program ?? ""] ?? DEFAULT_REQUEST_CPU_MS };
  }
  return { container: String(containers[0]?.name ?? ""), cpuMs: DEFAULT_REQUEST_CPU_MS };
}

/**
 * The CPU (nanocores) the running client loops of the cluster cause in each container they call,
 * keyed "<namespace>/<pod>/<container>". Clients count from when their container had started by `atMs` (a metrics sample).
 */
export function clientLoad(cluster: ExecCluster, atMs: number): Map<string, number> {
  const load = new Map<string, number>();
  let clients = 0;
  for (const pod of cluster.allPods()) {
    if (pod.status?.phase !== "Running") continue;
    for (const c of (pod.spec?.containers ?? []) as Container[]) {
      const loop = clientLoopOf(c);
      if (!loop) continue;
      const started = startedAt(pod, String(c.name ?? ""));
      if (started === undefined || started > atMs) continue;
      if (++clients > LIMITS.traffic.clients) return load;
      const ctx = clientContext(pod, c, cluster);
      const calls = loop.urls.map((url) =>
        requestTargets(ctx, url).map((t) => {
          const { container, cpuMs } = server(t.pod, t.port);
          return { key: `${t.pod.metadata.namespace}/${t.pod.metadata.name}/${container}`, cpuMs };
        }),
      );
      // One round: the sleeps, then each request in turn (a refused or unanswered one costs its overhead).
      let roundMs = loop.pauseMs;
      for (const targets of calls) {
        const mean = targets.length ? targets.reduce((s, t) => s + t.cpuMs, 0) / targets.length : 0;
        roundMs += mean + CLIENT_OVERHEAD_MS;
      }
      const roundsPerSecond = 1000 / Math.max(roundMs, CLIENT_OVERHEAD_MS);
      for (const targets of calls) {
        for (const t of targets) {
          // Each target gets its share of the rounds; cpuMs per request × requests per second = ms of CPU per second.
          const nanos = ((roundsPerSecond / targets.length) * t.cpuMs) * 1e6;
          load.set(t.key, (load.get(t.key) ?? 0) + nanos);
        }
      }
    }
  }
  return load;
}

function clientContext(pod: KubeObject, container: Container, cluster: ExecCluster): ExecContext {
  const profile = imageExecProfile(String(container.image ?? ""));
  return {
    pod,
    container,
    cluster,
    env: {},
    shell: profile?.shell ?? "busybox",
    has: () => true,
    hostname: String(pod.spec?.hostname ?? pod.metadata.name ?? ""),
    namespace: String(pod.metadata.namespace ?? "default"),
  };
}
