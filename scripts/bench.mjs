#!/usr/bin/env node
// Cost and speed budgets: Durable Object SQLite rows written and engine CPU time per learner action,
// and the living cluster's figures (issue 3).
//
//   npm run bench                      # JSON on stdout (a table on stderr); exit 1 when over budget
//   npm run bench -- --verbose         # also show vitest's own benchmark output
//   KUBEPLAY_BENCH_ITERATIONS=200 npm run bench   # more measured runs per learner action (default 50)
//
// It runs test/bench/*.bench.ts with `vitest bench --run --config vitest.bench.config.ts` (the
// engine is TypeScript; vitest runs it in plain Node), then the living cluster's figures:
// test/bench/simulation.ts bundled with esbuild, as wrangler bundles the Worker, and run with
// `node --expose-gc --single-threaded` (the heap figure collects garbage; see below for the other). Under vitest's module runner every call
// between modules goes through its import objects, which costs the engine ~15% that workerd,
// running one bundle, does not pay.
// `npm run -s bench` leaves npm's own header lines out of stdout (pure JSON).
// engine.bench.ts performs each learner action on a fresh in-process sandbox the way the Durable
// Object does (request, persist, alarm, persist) and reports the rows each phase writes and the CPU
// time of the engine calls. simulation.ts drives sandboxes until Deployments converge.
//
// Rows written = object rows (puts + deletes of cluster.takeWrites()) + changed meta rows
// (resourceVersion, ...) + one per setAlarm; "request" is what answering the request writes,
// "alarm" what the reconcile it schedules writes. Sandbox.markUsed writes one lastUsedMs row at
// most once a minute; it is not counted here.
import { spawnSync } from "node:child_process";
import { buildSync } from "esbuild";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The living cluster's budgets (issue 3): the 1,000 pods converge within 1 s of engine CPU on this
 * machine; 5,000 pods fit in 64 MB of heap; a Deployment writes the same rows however many other
 * objects the sandbox holds. The 3-replica and rolling-update CPU budgets are ours.
 */
const SIMULATION_BUDGETS = {
  "converge 3-replica Deployment (apply to all pods Running)": { meanMs: 50 },
  // At most as many rows as alone (fewer is fine: there the image is already on the nodes, so no
  // Pulling events and no node image-list writes).
  "converge 3-replica Deployment beside 1,000 running pods": { rowsAtMost: "converge 3-replica Deployment (apply to all pods Running)" },
  "converge 1,000-replica Deployment over 50 nodes": { meanMs: 1000 },
  "rolling update of the 1,000-replica Deployment": { meanMs: 3500 },
  "heap of a sandbox holding 5,000 pods": { heapMb: 64 },
};

/**
 * The command endpoint's budget (issue 4): `kubectl get pods` with 10 pods answers within twice the
 * round trip of a no-op request to the same Durable Object, at p50 (wall clock, HTTPS, wrangler dev).
 */
const COMMAND_BASELINE = "no-op request to the sandbox (GET /api/sessions/:id)";
const COMMAND_BUDGETS = {
  [COMMAND_BASELINE]: {},
  // Shown for comparison: the endpoint, the shell and the command log without kubectl.
  "a command line that does nothing (true)": {},
  "kubectl get pods (10 pods)": { p50AtMostTimesBaseline: 2 },
  "kubectl get pods (500 pods)": {},
  "kubectl describe deployment (10 replicas)": {},
};

/**
 * The budgets, set generously (CPU on a slow or busy machine). rows: written by the request(s);
 * alarmRows: by the first reconcile they trigger (now that controllers run: the ReplicaSet, its
 * pods, their scheduling and events); meanMs / p95Ms: engine CPU time of the whole action.
 */
const BUDGETS = {
  // A fresh cluster is ~230 objects, 141 of them the RBAC objects a kubeadm 1.32 cluster has: one row each, once.
  "create sandbox (bootstrap + first alarm)": { rows: 240, alarmRows: 50, meanMs: 50, p95Ms: 100 },
  "kubectl apply 3-replica Deployment": { rows: 3, alarmRows: 20, meanMs: 60, p95Ms: 120 },
  "kubectl patch (strategic merge)": { rows: 3, alarmRows: 20, meanMs: 60, p95Ms: 120 },
  "kubectl scale --replicas=5": { rows: 3, alarmRows: 20, meanMs: 60, p95Ms: 120 },
  "kubectl get pods -A (Table)": { rows: 0, alarmRows: 0, meanMs: 5, p95Ms: 10 },
  "kubectl delete namespace (20 objects) + reconcile": { rows: 3, alarmRows: 120, meanMs: 80, p95Ms: 160 },
};

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const verbose = process.argv.includes("--verbose");
const dir = mkdtempSync(join(tmpdir(), "kubeplay-bench-"));
const out = join(dir, "results.json");
const simulationOut = join(dir, "simulation.json");
const commandsOut = join(dir, "commands.json");

const run = spawnSync("npx", ["--no-install", "vitest", "bench", "--run", "--config", "vitest.bench.config.ts"], {
  cwd: root,
  env: { ...process.env, KUBEPLAY_BENCH_OUT: out, KUBEPLAY_BENCH_COMMANDS_OUT: commandsOut, FORCE_COLOR: verbose ? process.env.FORCE_COLOR : "0" },
  encoding: "utf8",
  stdio: ["ignore", verbose ? "inherit" : "pipe", verbose ? "inherit" : "pipe"],
});
// The living cluster's figures: the engine as one bundle (see above).
const simulationBundle = join(dir, "simulation.mjs");
const simulationRun = (() => {
  try {
    buildSync({
      entryPoints: [join(root, "test/bench/simulation.ts")],
      outfile: simulationBundle,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "es2022",
      logLevel: "error",
      // Bundled CommonJS dependencies (yaml) call require.
      banner: { js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);' },
    });
  } catch (e) {
    return { status: 1, stdout: "", stderr: `esbuild: ${e.message}\n` };
  }
  // --single-threaded: V8 collects garbage and compiles on the thread that runs the engine, so the
  // figure counts all of that work, once, instead of however much helper threads spun while
  // competing for this machine's two cores (the figure swung by ±30% with them).
  return spawnSync(process.execPath, ["--expose-gc", "--single-threaded", simulationBundle], {
    cwd: root,
    env: { ...process.env, KUBEPLAY_BENCH_SIMULATION_OUT: simulationOut },
    encoding: "utf8",
    stdio: ["ignore", verbose ? "inherit" : "pipe", verbose ? "inherit" : "pipe"],
  });
})();
let results;
let simulation;
let commands;
try {
  // vitest bench exits 0 even when a benchmark throws; those arrive as results with an error.
  if (run.status !== 0) throw new Error(`vitest bench failed (exit ${run.status ?? run.signal})`);
  if (simulationRun.status !== 0) throw new Error(`test/bench/simulation.ts failed (exit ${simulationRun.status ?? simulationRun.signal})`);
  results = JSON.parse(readFileSync(out, "utf8"));
  simulation = JSON.parse(readFileSync(simulationOut, "utf8"));
  commands = JSON.parse(readFileSync(commandsOut, "utf8"));
} catch (e) {
  if (!verbose) for (const r of [run, simulationRun]) if (r.status !== 0) process.stderr.write(`${r.stdout ?? ""}${r.stderr ?? ""}`);
  console.error(`bench: ${e.message}`);
  process.exit(1);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const sum = (p) => p.objects + p.meta + p.alarm;
const detail = (p) => `${p.objects}+${p.meta}+${p.alarm}`;
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** Nearest-rank percentile. */
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil((p / 100) * xs.length) - 1)];

const rows = [];
const failures = [];
for (const r of results) {
  if (r.error) {
    failures.push(`${r.action}: failed\n${r.error.replace(/^/gm, "      ")}`);
    continue;
  }
  const row = {
    action: r.action,
    rows: sum(r.request),
    alarmRows: sum(r.reconcile),
    request: detail(r.request),
    alarm: detail(r.reconcile),
    meanMs: mean(r.cpuMs),
    p95Ms: percentile(r.cpuMs, 95),
    runs: r.cpuMs.length,
  };
  rows.push(row);
  const budget = BUDGETS[r.action];
  if (!budget) {
    failures.push(`${r.action}: no budget; add one to BUDGETS in scripts/bench.mjs`);
    continue;
  }
  for (const [key, limit] of Object.entries(budget)) {
    if (row[key] > limit) failures.push(`${r.action}: ${key} ${key.endsWith("Ms") ? row[key].toFixed(2) : row[key]} is over its budget of ${limit}`);
  }
}
for (const action of Object.keys(BUDGETS)) {
  if (!results.some((r) => r.action === action)) failures.push(`${action}: has a budget but was not measured`);
}

const simulationFigures = [];
for (const r of simulation) {
  if (r.error) {
    failures.push(`${r.action}: failed\n${r.error.replace(/^/gm, "      ")}`);
    continue;
  }
  const figure = { action: r.action, rows: r.rows, cpuMeanMs: Number(mean(r.cpuMs).toFixed(1)), cpuMaxMs: Number(Math.max(...r.cpuMs).toFixed(1)), runs: r.cpuMs.length };
  if (r.heapMb !== undefined) figure.heapMb = Number(r.heapMb.toFixed(1));
  simulationFigures.push(figure);
  const budget = SIMULATION_BUDGETS[r.action];
  if (!budget) {
    failures.push(`${r.action}: no budget; add one to SIMULATION_BUDGETS in scripts/bench.mjs`);
    continue;
  }
  if (budget.meanMs !== undefined && figure.cpuMeanMs > budget.meanMs) failures.push(`${r.action}: CPU mean ${figure.cpuMeanMs} ms is over its budget of ${budget.meanMs} ms`);
  if (budget.heapMb !== undefined && figure.heapMb > budget.heapMb) failures.push(`${r.action}: heap ${figure.heapMb} MB is over its budget of ${budget.heapMb} MB`);
  if (budget.rowsAtMost !== undefined) {
    const other = simulation.find((o) => o.action === budget.rowsAtMost);
    if (!other || r.rows > other.rows) failures.push(`${r.action}: wrote ${r.rows} rows, ${other?.rows} alone: rows grew with objects that did not change`);
  }
}
for (const action of Object.keys(SIMULATION_BUDGETS)) {
  if (!simulation.some((r) => r.action === action)) failures.push(`${action}: has a budget but was not measured`);
}

const commandFigures = [];
for (const r of commands) {
  if (r.error) {
    failures.push(`${r.action}: failed\n${r.error.replace(/^/gm, "      ")}`);
    continue;
  }
  commandFigures.push({ action: r.action, p50Ms: Number(percentile(r.ms, 50).toFixed(2)), p99Ms: Number(percentile(r.ms, 99).toFixed(2)), runs: r.ms.length });
}
const baseline = commandFigures.find((f) => f.action === COMMAND_BASELINE);
for (const [action, budget] of Object.entries(COMMAND_BUDGETS)) {
  const f = commandFigures.find((c) => c.action === action);
  if (!f) {
    failures.push(`${action}: has a budget but was not measured`);
    continue;
  }
  if (budget.p50AtMostTimesBaseline !== undefined && baseline) {
    f.timesBaselineP50 = Number((f.p50Ms / baseline.p50Ms).toFixed(2));
    if (f.timesBaselineP50 > budget.p50AtMostTimesBaseline) failures.push(`${action}: p50 ${f.p50Ms} ms is ${f.timesBaselineP50}x the no-op round trip (${baseline.p50Ms} ms); budget ${budget.p50AtMostTimesBaseline}x`);
  }
}

const header = ["action", "rows", "request obj+meta+alarm", "alarm rows", "alarm obj+meta+alarm", "CPU mean ms", "CPU p95 ms", "runs"];
const cells = rows.map((r) => [r.action, String(r.rows), r.request, String(r.alarmRows), r.alarm, r.meanMs.toFixed(2), r.p95Ms.toFixed(2), String(r.runs)]);
const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
const line = (c) => c.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join("  ");
console.error(line(header));
for (const c of cells) console.error(line(c));
console.error("");
for (const f of simulationFigures) {
  console.error(`${f.action}: CPU mean ${f.cpuMeanMs} ms (max ${f.cpuMaxMs}, ${f.runs} runs), ${f.rows} rows${f.heapMb !== undefined ? `, heap ${f.heapMb} MB` : ""}`);
}

for (const f of commandFigures) {
  console.error(`${f.action}: p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms (${f.runs} round trips)${f.timesBaselineP50 !== undefined ? `, ${f.timesBaselineP50}x the no-op p50` : ""}`);
}

console.log(
  JSON.stringify(
    {
      commandEndpoint: commandFigures,
      actions: rows.map((r) => ({ ...r, meanMs: Number(r.meanMs.toFixed(2)), p95Ms: Number(r.p95Ms.toFixed(2)) })),
      livingCluster: simulationFigures,
      budgets: { actions: BUDGETS, livingCluster: SIMULATION_BUDGETS, commandEndpoint: COMMAND_BUDGETS },
      overBudget: failures,
    },
    null,
    2,
  ),
);

if (failures.length) {
  console.error(`\nover budget:\n${failures.map((f) => `  - ${f}`).join("\n")}`);
  process.exit(1);
}
console.error("\nall within budget");
