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
import { Cluster, type ClusterWrites } from "../../src/engine/cluster/cluster";
import { bootstrapCluster } from "../../src/engine/cluster/bootstrap/index";
import { KUBERNETES_ADMIN } from "../../src/engine/cluster/users";
import { META_KEYS } from "../../src/worker/db/schema";

/** 2026-01-01T00:00:00Z, so runs never depend on the wall clock. */
const T0 = Date.UTC(2026, 0, 1);
/** Worker nodes of a default session (POST /api/sessions). */
const WORKER_NODES = 2;
const IDLE_TTL_MS = 4 * 3600_000;
const ITERATIONS = Number(process.env.KUBEPLAY_BENCH_ITERATIONS ?? 50);
/** Enough runs for V8 to optimise the hot paths before measuring. */
const WARMUP = 20;

/** Process CPU time in milliseconds (user + system). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** SQLite rows one phase wrote. */
export interface PhaseRows {
  /** Object rows: puts and deletes. */
  objects: number;
  /** Meta rows whose value changed (resourceVersion, session values). */
  meta: number;
  /** setAlarm calls. */
  alarm: number;
}

export interface BenchResult {
  action: string;
  /** Set when the action failed (vitest bench itself still exits 0). */
  error?: string;
  /** Written while answering the request(s). */
  request: PhaseRows;
  /** Written by the alarm(s) the request(s) scheduled. */
  reconcile: PhaseRows;
  /** Engine CPU milliseconds of each measured iteration. */
  cpuMs: number[];
}

const noRows = (): PhaseRows => ({ objects: 0, meta: 0, alarm: 0 });

/**
 * One sandbox as its Durable Object holds it: the cluster in memory and a mirror of its SQLite
 * tables (objects, meta), so that each phase's rows are counted as Sandbox.persist writes them.
 */
class SandboxModel {
  cpu = 0;
  request = noRows();
  reconcile = noRows();

  private constructor(
    public cluster: Cluster,
    public nowMs: number,
    private readonly objects: Map<string, { resource: string; body: string }>,
    private readonly meta: Map<string, string>,
  ) {}

  /** Sandbox.init: bootstrap, persist with the session's meta rows, set the alarm. */
  static create(seed: string): SandboxModel {
    const m = new SandboxModel(undefined as unknown as Cluster, T0, new Map(), new Map());
    const writes = m.engine(() => {
      m.cluster = Cluster.empty(seed);
      bootstrapCluster(m.cluster, { nowMs: T0, nodes: WORKER_NODES });
      return m.cluster.takeWrites();
    });
    m.persist(m.request, writes, {
      [META_KEYS.createdAtMs]: String(T0),
      [META_KEYS.lastUsedMs]: String(T0),
      [META_KEYS.clockOffsetMs]: "0",
      [META_KEYS.idleTtlMs]: String(IDLE_TTL_MS),
      [META_KEYS.nodes]: String(WORKER_NODES),
      [META_KEYS.seed]: seed,
      id: seed,
    });
    m.request.alarm++;
    return m;
  }

  /** The same sandbox after its Durable Object restarted: loaded from the rows, costs reset. */
  restore(): SandboxModel {
    const cluster = new Cluster({ resourceVersion: Number(this.meta.get(META_KEYS.resourceVersion)), seed: this.meta.get(META_KEYS.seed)! }, this.objects.values());
    return new SandboxModel(cluster, this.nowMs, new Map(this.objects), new Map(this.meta));
  }

  private engine<T>(f: () => T): T {
    const t = cpuMs();
    try {
      return f();
    } finally {
      this.cpu += cpuMs() - t;
    }
  }

  /** Sandbox.fetch: one API request, its persist, and the alarm it sets when objects changed. */
  call(method: string, path: string, opts: { body?: unknown; headers?: Record<string, string> } = {}): { status: number; body: any } {
    const [p, q] = path.split("?");
    const bytes = opts.body === undefined ? undefined : new TextEncoder().encode(JSON.stringify(opts.body));
    const headers: Record<string, string> = {
      "user-agent": "kubectl/v1.32.2 (linux/amd64) kubernetes/67a30c0",
      accept: "application/json",
      ...(bytes ? { "content-type": "application/json" } : {}),
      ...opts.headers,
    };
    const { r, writes } = this.engine(() => {
      const r = this.cluster.handle({ method, path: p, query: new URLSearchParams(q ?? ""), headers, body: bytes, user: KUBERNETES_ADMIN, nowMs: this.nowMs });
      return { r, writes: this.cluster.takeWrites() };
    });
    if ("watch" in r) throw new Error(`${method} ${path}: unexpected watch`);
    this.persist(this.request, writes);
    if (writes?.puts.length || writes?.deletes.length) this.request.alarm++;
    return { status: r.status, body: r.body };
  }

  /** Like call(), failing unless the answer has the given status. */
  must(status: number, method: string, path: string, opts: { body?: unknown; headers?: Record<string, string> } = {}) {
    const r = this.call(method, path, opts);
    if (r.status !== status) throw new Error(`${method} ${path}: expected ${status}, got ${r.status} ${JSON.stringify(r.body)}`);
    return r;
  }

  /** Sandbox.alarm: reconcile, persist, re-arm (one setAlarm). Returns the next timed wake-up. */
  alarm(): number | undefined {
    const { result, writes } = this.engine(() => {
      const result = this.cluster.reconcile(this.nowMs);
      return { result, writes: this.cluster.takeWrites() };
    });
    this.persist(this.reconcile, writes);
    this.reconcile.alarm++;
    return result.nextWakeMs;
  }

  /** Runs the alarm and the timed wake-ups it asks for (time jumps ahead) until `done`. */
  settle(done: () => boolean = () => true): this {
    for (let i = 0; i < 20; i++) {
      const next = this.alarm();
      if (done()) return this;
      if (next === undefined) break;
      this.nowMs = Math.max(this.nowMs, next);
    }
    throw new Error("the cluster did not settle");
  }

  /** Sandbox.persist: every put and delete, and each meta value that changed. */
  private persist(into: PhaseRows, writes: ClusterWrites | undefined, extraMeta: Record<string, string> = {}) {
    const meta: Record<string, string> = { ...extraMeta };
    if (writes) {
      meta[META_KEYS.resourceVersion] = String(writes.resourceVersion);
    }
    for (const row of writes?.puts ?? []) this.objects.set(row.key, { resource: row.resource, body: row.body });
    for (const key of writes?.deletes ?? []) this.objects.delete(key);
    into.objects += (writes?.puts.length ?? 0) + (writes?.deletes.length ?? 0);
    for (const [k, v] of Object.entries(meta)) {
      if (this.meta.get(k) === v) continue;
      this.meta.set(k, v);
      into.meta++;
    }
  }
}

const TABLE_ACCEPT = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";
const DEPLOYMENTS = "/apis/apps/v1/namespaces/default/deployments";

function deployment(name: string, namespace: string) {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace, labels: { app: name } },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27", ports: [{ containerPort: 80 }] }] } },
    },
  };
}

/** `kubectl apply -f web.yaml` of a new Deployment (client-side): GET, then POST with the last-applied annotation. */
function kubectlApply(m: SandboxModel) {
  const manifest = deployment("web", "default");
  m.must(404, "GET", `${DEPLOYMENTS}/web`);
  const body = { ...manifest, metadata: { ...manifest.metadata, annotations: { "kubectl.kubernetes.io/last-applied-configuration": JSON.stringify(manifest) + "\n" } } };
  m.must(201, "POST", `${DEPLOYMENTS}?fieldManager=kubectl-client-side-apply&fieldValidation=Strict`, { body });
}

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
