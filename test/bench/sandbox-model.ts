// One sandbox as its Durable Object holds it, for the benchmarks: the cluster in memory, a mirror
// of its SQLite rows, and the rows and engine CPU time each phase costs.
import { Cluster, type ClusterWrites } from "../../src/engine/cluster/cluster";
import { bootstrapCluster } from "../../src/engine/cluster/bootstrap/index";
import { KUBERNETES_ADMIN } from "../../src/engine/cluster/users";
import { META_KEYS } from "../../src/worker/db/schema";

/** 2026-01-01T00:00:00Z, so runs never depend on the wall clock. */
export const T0 = Date.UTC(2026, 0, 1);
/** Worker nodes of a default session (POST /api/sessions). */
export const WORKER_NODES = 2;
const IDLE_TTL_MS = 4 * 3600_000;

/** Process CPU time in milliseconds (user + system). */
export function cpuMs(): number {
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

export const noRows = (): PhaseRows => ({ objects: 0, meta: 0, alarm: 0 });

/**
 * One sandbox as its Durable Object holds it: the cluster in memory and a mirror of its SQLite
 * tables (objects, meta), so that each phase's rows are counted as Sandbox.persist writes them.
 */
export class SandboxModel {
  cpu = 0;
  /**
   * Whether persisted bodies are kept (to restore from). SQLite keeps them outside the Durable
   * Object's heap: measured sandboxes turn this off, so their heap and the garbage collector's
   * work are the cluster's alone, as in the Durable Object.
   */
  mirrorRows = true;
  request = noRows();
  reconcile = noRows();

  private constructor(
    public cluster: Cluster,
    public nowMs: number,
    private readonly objects: Map<string, { resource: string; body: string }>,
    private readonly meta: Map<string, string>,
  ) {}

  /** Sandbox.init: bootstrap, persist with the session's meta rows, set the alarm. */
  static create(seed: string, nodes = WORKER_NODES): SandboxModel {
    const m = new SandboxModel(undefined as unknown as Cluster, T0, new Map(), new Map());
    const writes = m.engine(() => {
      m.cluster = Cluster.empty(seed);
      bootstrapCluster(m.cluster, { nowMs: T0, nodes });
      return m.cluster.takeWrites();
    });
    m.persist(m.request, writes, {
      [META_KEYS.createdAtMs]: String(T0),
      [META_KEYS.lastUsedMs]: String(T0),
      [META_KEYS.clockOffsetMs]: "0",
      [META_KEYS.idleTtlMs]: String(IDLE_TTL_MS),
      [META_KEYS.nodes]: String(nodes),
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
  settle(done: () => boolean = () => true, maxAlarms = 20): this {
    for (let i = 0; i < maxAlarms; i++) {
      const next = this.alarm();
      if (done()) return this;
      if (next === undefined) break;
      this.nowMs = Math.max(this.nowMs, next);
    }
    throw new Error(`the cluster did not reach its goal within ${maxAlarms} alarms`);
  }

  /** Sandbox.persist: every put and delete, and each meta value that changed. */
  private persist(into: PhaseRows, writes: ClusterWrites | undefined, extraMeta: Record<string, string> = {}) {
    const meta: Record<string, string> = { ...extraMeta };
    if (writes) {
      meta[META_KEYS.resourceVersion] = String(writes.resourceVersion);
    }
    if (this.mirrorRows) {
      for (const row of writes?.puts ?? []) this.objects.set(row.key, { resource: row.resource, body: row.body });
      for (const key of writes?.deletes ?? []) this.objects.delete(key);
    }
    into.objects += (writes?.puts.length ?? 0) + (writes?.deletes.length ?? 0);
    for (const [k, v] of Object.entries(meta)) {
      if (this.meta.get(k) === v) continue;
      this.meta.set(k, v);
      into.meta++;
    }
  }
}

export const DEPLOYMENTS = "/apis/apps/v1/namespaces/default/deployments";

export function deployment(name: string, namespace: string, replicas = 3) {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace, labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27", ports: [{ containerPort: 80 }] }] } },
    },
  };
}

/** `kubectl apply -f web.yaml` of a new Deployment (client-side): GET, then POST with the last-applied annotation. */
export function kubectlApply(m: SandboxModel, name = "web", replicas = 3) {
  const manifest = deployment(name, "default", replicas);
  m.must(404, "GET", `${DEPLOYMENTS}/${name}`);
  const body = { ...manifest, metadata: { ...manifest.metadata, annotations: { "kubectl.kubernetes.io/last-applied-configuration": JSON.stringify(manifest) + "\n" } } };
  m.must(201, "POST", `${DEPLOYMENTS}?fieldManager=kubectl-client-side-apply&fieldValidation=Strict`, { body });
}

