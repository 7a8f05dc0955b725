// Cost and speed of typical learner actions in the pure engine: Durable Object SQLite rows written
// and engine CPU time per action.
//
// Run: `npm run bench` (scripts/bench.mjs runs this file with
// `vitest bench --run --config vitest.bench.config.ts`, prints the table and checks the budgets).
// Alone: `npx vitest bench --run --config vitest.bench.config.ts` prints vitest's table only.
//
// Each iteration starts from a fresh sandbox restored from its persisted rows (as the Durable
// Object loads it) and performs one action the way the Durable Object does: the request(s) through
// cluster.handle() and the persist of what they changed, then the alarm those writes schedule
// (cluster.reconcile) and its persist. Rows are counted as Sandbox.persist and scheduleAlarm in
// src/worker/sandbox.ts write them (keep the two in step). CPU is process CPU time spent inside
// the engine calls (bootstrap, handle, takeWrites, reconcile), not in this harness.
//
// With KUBEPLAY_BENCH_OUT set, writes the per-action results there as JSON (BenchResult[]).
import { bench, describe } from "vitest";
import { writeFileSync } from "node:fs";
import { cpuMs, deployment, kubectlApply, noRows, SandboxModel, type BenchResult, type PhaseRows } from "./sandbox-model";

const ITERATIONS = Number(process.env.KUBEPLAY_BENCH_ITERATIONS ?? 50);
/** Enough runs for V8 to optimise the hot paths before measuring. */
const WARMUP = 20;

const TABLE_ACCEPT = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";
const DEPLOYMENTS = "/apis/apps/v1/namespaces/default/deployments";

/** 20 objects of four kinds in a new namespace "scratch". */
function fillNamespace(m: SandboxModel) {
  m.must(201, "POST", "/api/v1/namespaces", { body: { apiVersion: "v1", kind: "Namespace", metadata: { name: "scratch" } } });
  for (let i = 0; i < 5; i++) {
    m.must(201, "POST", "/api/v1/namespaces/scratch/configmaps", { body: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: `c${i}` }, data: { k: `v${i}` } } });
    m.must(201, "POST", "/api/v1/namespaces/scratch/secrets", { body: { apiVersion: "v1", kind: "Secret", metadata: { name: `s${i}` }, stringData: { password: `p${i}` } } });
    m.must(201, "POST", "/api/v1/namespaces/scratch/services", { body: { apiVersion: "v1", kind: "Service", metadata: { name: `svc${i}` }, spec: { selector: { app: `d${i}` }, ports: [{ port: 80 }] } } });
    m.must(201, "POST", "/apis/apps/v1/namespaces/scratch/deployments", { body: deployment(`d${i}`, "scratch") });
  }
}

// Starting points, built once; every iteration restores a fresh copy.
const created = SandboxModel.create("bench-seed").settle();
const withDeployment = created.restore();
kubectlApply(withDeployment);
withDeployment.settle();
const withNamespace = created.restore();
fillNamespace(withNamespace);
withNamespace.settle();

interface Action {
  name: string;
  /** A fresh starting state (not measured); none when the action creates the sandbox. */
  prepare: () => SandboxModel | undefined;
  /** The measured action; returns the sandbox it acted on. */
  run: (m: SandboxModel | undefined) => SandboxModel;
}

const ACTIONS: Action[] = [
  {
    name: "create sandbox (bootstrap + first alarm)",
    prepare: () => undefined,
    run: () => SandboxModel.create("bench-seed").settle(),
  },
  {
    name: "kubectl apply 3-replica Deployment",
    prepare: () => created.restore(),
    run: (m) => {
      kubectlApply(m!);
      return m!.settle();
    },
  },
  {
    name: "kubectl patch (strategic merge)",
    prepare: () => withDeployment.restore(),
    run: (m) => {
      const patch = { spec: { template: { spec: { containers: [{ name: "nginx", image: "nginx:1.28" }] } } } };
      m!.must(200, "PATCH", `${DEPLOYMENTS}/web?fieldManager=kubectl-patch`, { body: patch, headers: { "content-type": "application/strategic-merge-patch+json" } });
      return m!.settle();
    },
  },
  {
    name: "kubectl scale --replicas=5",
    prepare: () => withDeployment.restore(),
    run: (m) => {
      m!.must(200, "PATCH", `${DEPLOYMENTS}/web/scale`, { body: { spec: { replicas: 5 } }, headers: { "content-type": "application/merge-patch+json" } });
      return m!.settle();
    },
  },
  {
    name: "kubectl get pods -A (Table)",
    prepare: () => withDeployment.restore(),
    run: (m) => {
      const r = m!.must(200, "GET", "/api/v1/pods?limit=500", { headers: { accept: TABLE_ACCEPT } });
      if (r.body.kind !== "Table" || !r.body.rows.length) throw new Error("get pods -A: expected a Table with rows");
      return m!;
    },
  },
  {
    name: "kubectl delete namespace (20 objects) + reconcile",
    prepare: () => withNamespace.restore(),
    run: (m) => {
      m!.must(200, "DELETE", "/api/v1/namespaces/scratch");
      return m!.settle(() => !m!.cluster.store.get("namespaces", "", "scratch"));
    },
  },
];

const results = new Map<string, BenchResult>();
const failed = new Map<string, BenchResult>();
function report() {
  const out = process.env.KUBEPLAY_BENCH_OUT;
  if (out) writeFileSync(out, JSON.stringify([...results.values(), ...failed.values()], null, 2));
}
const same = (a: PhaseRows, b: PhaseRows) => a.objects === b.objects && a.meta === b.meta && a.alarm === b.alarm;

describe("engine cost per learner action", () => {
  for (const action of ACTIONS) {
    let pool: Array<SandboxModel | undefined> = [];
    bench(
      action.name,
      () => {
        try {
          // The pool holds one spare: tinybench runs a synchronous task once more to probe it.
          const m = action.run(pool.length ? pool.pop() : action.prepare());
          const r = results.get(action.name) ?? { action: action.name, request: m.request, reconcile: m.reconcile, cpuMs: [] };
          if (!same(r.request, m.request) || !same(r.reconcile, m.reconcile)) {
            throw new Error(`rows differ between runs: ${JSON.stringify([r.request, r.reconcile])} then ${JSON.stringify([m.request, m.reconcile])}`);
          }
          r.cpuMs.push(m.cpu);
          results.set(action.name, r);
        } catch (e) {
          results.delete(action.name);
          failed.set(action.name, { action: action.name, error: (e as Error).stack ?? String(e), request: noRows(), reconcile: noRows(), cpuMs: [] });
          report();
          throw e;
        }
      },
      {
        // Exactly ITERATIONS measured runs after WARMUP ones; vitest's own table shows CPU ms too.
        time: 0,
        iterations: ITERATIONS,
        warmupTime: 0,
        warmupIterations: WARMUP,
        now: cpuMs,
        setup: (_task, mode) => {
          pool = Array.from({ length: (mode === "run" ? ITERATIONS : WARMUP) + 1 }, () => action.prepare());
          results.delete(action.name);
        },
        teardown: (_task, mode) => {
          pool = [];
          if (mode === "run") report();
        },
      },
    );
  }
});
