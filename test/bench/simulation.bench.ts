// The living cluster's cost (issue 3): engine CPU to converge Deployments of 3 and 1,000 replicas
// and to roll the large one out to a new image, the heap a sandbox holding 5,000 pods needs (right
// after converging them, its watch history full; persisted rows live in SQLite, not counted), and
// the SQLite rows one 3-replica Deployment writes from `kubectl apply` to all pods Running — alone
// and beside 1,000 unrelated pods (rows must grow with what changed, not with what exists).
//
// Each run drives a sandbox the way its Durable Object does (request, persist, alarm, persist,
// re-arm at the next timed wake-up; simulated time jumps to each wake-up) until the goal holds.
// With KUBEPLAY_BENCH_SIMULATION_OUT set, writes SimulationResult[] there as JSON for
// scripts/bench.mjs, which prints them and checks their budgets.
import { bench, describe } from "vitest";
import { writeFileSync } from "node:fs";
import { DEPLOYMENTS, kubectlApply, SandboxModel } from "./sandbox-model";

export interface SimulationResult {
  action: string;
  error?: string;
  /** Engine CPU milliseconds of each measured run. */
  cpuMs: number[];
  /** SQLite rows written from the first request until the goal held (object + meta + setAlarm). */
  rows: number;
  /** Heap growth in MB, for the heap measurement. */
  heapMb?: number;
}

const results = new Map<string, SimulationResult>();
function report() {
  const out = process.env.KUBEPLAY_BENCH_SIMULATION_OUT;
  if (out) writeFileSync(out, JSON.stringify([...results.values()], null, 2));
}

const BIG_NODES = 50;
const BIG_REPLICAS = 1000;

function deploymentConverged(m: SandboxModel, name: string, replicas: number, image?: string): boolean {
  const d = m.cluster.store.get("deployments.apps", "default", name);
  const s = d?.status ?? {};
  if (!d || s.observedGeneration !== d.metadata.generation) return false;
  if (s.updatedReplicas !== replicas || s.availableReplicas !== replicas || s.replicas !== replicas) return false;
  if (image && d.spec.template.spec.containers[0].image !== image) return false;
  const running = m.cluster.store.list("pods", "default").filter((p) => p.metadata.labels?.app === name && p.status?.phase === "Running" && !p.metadata.deletionTimestamp);
  return running.length === replicas;
}

const rowsOf = (m: SandboxModel) => m.request.objects + m.request.meta + m.request.alarm + m.reconcile.objects + m.reconcile.meta + m.reconcile.alarm;

/** A 50-node sandbox, settled; and the same with the 1,000-replica Deployment converged. */
const bigEmpty = SandboxModel.create("bench-big", BIG_NODES).settle();
const bigConverged = (() => {
  const m = bigEmpty.restore();
  kubectlApply(m, "big", BIG_REPLICAS);
  return m.settle(() => deploymentConverged(m, "big", BIG_REPLICAS), 200);
})();
const small = SandboxModel.create("bench-small").settle();

interface Measured {
  name: string;
  iterations: number;
  prepare: () => SandboxModel;
  run: (m: SandboxModel) => void;
}

const MEASURED: Measured[] = [
  {
    name: "converge 3-replica Deployment (apply to all pods Running)",
    iterations: 20,
    prepare: () => small.restore(),
    run: (m) => {
      kubectlApply(m, "web", 3);
      m.settle(() => deploymentConverged(m, "web", 3), 50);
    },
  },
  {
    name: "converge 3-replica Deployment beside 1,000 running pods",
    iterations: 3,
    prepare: () => bigConverged.restore(),
    run: (m) => {
      kubectlApply(m, "web", 3);
      m.settle(() => deploymentConverged(m, "web", 3), 50);
    },
  },
  {
    name: "converge 1,000-replica Deployment over 50 nodes",
    iterations: 3,
    prepare: () => bigEmpty.restore(),
    run: (m) => {
      kubectlApply(m, "big", BIG_REPLICAS);
      m.settle(() => deploymentConverged(m, "big", BIG_REPLICAS), 200);
    },
  },
  {
    name: "rolling update of the 1,000-replica Deployment",
    iterations: 3,
    prepare: () => bigConverged.restore(),
    run: (m) => {
      const patch = { spec: { template: { spec: { containers: [{ name: "nginx", image: "nginx:1.28" }] } } } };
      m.must(200, "PATCH", `${DEPLOYMENTS}/big?fieldManager=kubectl-set`, { body: patch, headers: { "content-type": "application/strategic-merge-patch+json" } });
      m.settle(() => deploymentConverged(m, "big", BIG_REPLICAS, "nginx:1.28"), 2000);
    },
  },
];

function gcHeapMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with --expose-gc (vitest.bench.config.ts passes it)");
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

describe("living cluster", () => {
  for (const action of MEASURED) {
    let pool: SandboxModel[] = [];
    bench(
      action.name,
      () => {
        const m = pool.pop() ?? action.prepare();
        try {
          action.run(m);
        } catch (e) {
          results.set(action.name, { action: action.name, error: (e as Error).stack ?? String(e), cpuMs: [], rows: 0 });
          report();
          throw e;
        }
        const r = results.get(action.name) ?? { action: action.name, cpuMs: [], rows: rowsOf(m) };
        r.cpuMs.push(m.cpu);
        r.rows = Math.max(r.rows, rowsOf(m));
        results.set(action.name, r);
      },
      {
        time: 0,
        iterations: action.iterations,
        warmupTime: 0,
        warmupIterations: 1,
        setup: (_task, mode) => {
          pool = Array.from({ length: (mode === "run" ? action.iterations : 1) + 1 }, () => action.prepare());
          results.delete(action.name);
        },
        teardown: (_task, mode) => {
          pool = [];
          if (mode === "run") report();
        },
      },
    );
  }

  bench(
    "heap of a sandbox holding 5,000 pods",
    () => {
      const before = gcHeapMb();
      const m = bigEmpty.restore();
      m.mirrorRows = false;
      for (let i = 0; i < 5; i++) kubectlApply(m, `big${i}`, BIG_REPLICAS);
      m.settle(() => [0, 1, 2, 3, 4].every((i) => deploymentConverged(m, `big${i}`, BIG_REPLICAS)), 400);
      const pods = m.cluster.store.list("pods", "default").length;
      if (pods !== 5 * BIG_REPLICAS) throw new Error(`expected 5,000 pods, found ${pods}`);
      const heapMb = gcHeapMb() - before;
      results.set("heap of a sandbox holding 5,000 pods", { action: "heap of a sandbox holding 5,000 pods", cpuMs: [m.cpu], rows: rowsOf(m), heapMb });
      report();
    },
    { time: 0, iterations: 1, warmupTime: 0, warmupIterations: 0 },
  );
});
