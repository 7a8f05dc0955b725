// Round trips through the HTTP command endpoint (issue 4): `kubectl get pods` with 10 and with 500
// pods and `kubectl describe deployment`, beside a no-op request to the same Durable Object measured
// in the same run (GET /api/sessions/:id: the Worker, authentication and one Durable Object call).
// Runs against a real `wrangler dev` (workerd) over HTTPS on this machine. With
// KUBEPLAY_BENCH_COMMANDS_OUT set, writes CommandLatency[] there for scripts/bench.mjs.
import { afterAll, beforeAll, bench, describe } from "vitest";
import { writeFileSync } from "node:fs";
import { httpsJson, startDevServer, type DevServer } from "../support/dev-server";

export interface CommandLatency {
  action: string;
  /** Wall-clock milliseconds of each measured round trip. */
  ms: number[];
  error?: string;
}

const ITERATIONS = Number(process.env.KUBEPLAY_BENCH_ROUND_TRIPS ?? 100);
const WARMUP = 10;

let server: DevServer;
let session: { id: string; token: string };
const results: CommandLatency[] = [];

async function call(path: string, body?: unknown) {
  const r = await httpsJson(`${server.origin}${path}`, { method: body === undefined ? "GET" : "POST", body, token: session.token });
  if (r.status >= 300) throw new Error(`${path}: ${r.status} ${r.text}`);
  return r.body;
}

function deployment(name: string, namespace: string, replicas: number) {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "web", image: "nginx:1.27", resources: { requests: { cpu: "1m", memory: "1Mi" } } }] } } },
  };
}

/**
 * Measures the actions round-robin (one of each per round), so a busy moment on the machine slows
 * them all alike and the ratios stay meaningful.
 */
async function measureInterleaved(actions: [string, () => Promise<unknown>][]) {
  const samples = new Map(actions.map(([name]) => [name, [] as number[]]));
  const failed = new Map<string, string>();
  for (let round = -WARMUP; round < ITERATIONS; round++) {
    for (const [name, once] of actions) {
      if (failed.has(name)) continue;
      const t0 = performance.now();
      try {
        await once();
      } catch (e) {
        failed.set(name, (e as Error).stack ?? String(e));
        continue;
      }
      if (round >= 0) samples.get(name)!.push(performance.now() - t0);
    }
  }
  for (const [name] of actions) results.push({ action: name, ms: samples.get(name)!, error: failed.get(name) });
}

const command = (line: string) => () =>
  call(`/api/sessions/${session.id}/commands`, { command: line }).then((r: { exitCode: number; stderr: string }) => {
    if (r.exitCode !== 0) throw new Error(`${line}: exit ${r.exitCode}: ${r.stderr}`);
  });

beforeAll(async () => {
  server = await startDevServer();
  const created = await httpsJson(`${server.origin}/api/sessions`, { method: "POST", body: { nodes: 10 } });
  session = created.body;
  for (const [ns, replicas] of [
    ["ten", 10],
    ["five-hundred", 500],
  ] as const) {
    await call(`/clusters/${session.id}/api/v1/namespaces`, { apiVersion: "v1", kind: "Namespace", metadata: { name: ns } });
    await call(`/clusters/${session.id}/apis/apps/v1/namespaces/${ns}/deployments`, deployment("web", ns, replicas));
  }
  await call(`/api/sessions/${session.id}/clock`, { advanceSeconds: 300 });
  await measureInterleaved([
    ["no-op request to the sandbox (GET /api/sessions/:id)", () => call(`/api/sessions/${session.id}`)],
    ["a command line that does nothing (true)", command("true")],
    ["kubectl get pods (10 pods)", command("kubectl get pods -n ten")],
    ["kubectl get pods (500 pods)", command("kubectl get pods -n five-hundred")],
    ["kubectl describe deployment (10 replicas)", command("kubectl describe deployment web -n ten")],
  ]);
  const out = process.env.KUBEPLAY_BENCH_COMMANDS_OUT;
  if (out) writeFileSync(out, JSON.stringify(results, null, 2));
}, 600_000);

afterAll(async () => {
  await server?.stop();
});

describe("command endpoint round trips", () => {
  // The measurements run once in beforeAll (they need the dev server); this keeps vitest's bench
  // runner, which wants at least one benchmark per file, from skipping the file.
  bench("results recorded", () => {}, { iterations: 1, warmupIterations: 0 });
});
