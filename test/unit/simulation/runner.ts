// Runs one seeded simulation the way a sandbox lives: each op is an API request; a request that
// wrote something arms the alarm for "now"; alarms fire at the simulated time the previous reconcile
// asked for (Durable Object semantics: one alarm, re-armed at nextWakeMs). After every alarm the
// invariants are checked; at the end every node is healed, time runs with no further ops, and the
// cluster must have converged to its specs.
import { EPOCH_MS, testCluster, type TestClient } from "../../support/cluster";
import { LIMITS } from "../../../src/engine/limits";
import { describeOp, generateOps, isGoodImage, workerNames, type Op, type Propagation, type WorkloadKind } from "./ops";
import { barePod, FIELD_MANAGER, manifest, nodePath, podPath, workloadPath } from "./manifests";
import { alarmInvariants, canonical, checkConverged, isDeleting, pendingTimedWork, ResourceVersions, Snapshot } from "./invariants";
import { Prng } from "./prng";

/**
 * Simulated time the cluster gets after the ops (long enough for the 300 s NotReady evictions) and
 * again after every node is healed (long enough for replacements, pulls and ordered starts).
 */
export const SETTLE_MS = 6 * 60_000;
export const HEALED_SETTLE_MS = 6 * 60_000;
/** Alarms one settle may take before we call it a hot loop. */
const MAX_ALARMS_PER_SETTLE = 400;

export class SimulationFailure extends Error {}

export interface SimulationResult {
  seed: string;
  ops: Op[];
  /** Canonical JSON of every object (events included) and the resourceVersion counter. */
  dump: string;
  alarms: number;
}

/** The cluster's whole state in a canonical form: the same seed must give the same string. */
export function dumpCluster(c: TestClient): string {
  const store = c.cluster.store;
  const out: Record<string, unknown> = { resourceVersion: store.resourceVersion, nowMs: c.nowMs };
  for (const r of [...store.resources()].sort()) out[r] = store.list(r).map((o) => canonical(o)).sort();
  return JSON.stringify(out);
}

export function workersFor(seed: string): number {
  return new Prng(`workers:${seed}`).int(2, 3);
}

export class Simulation {
  readonly c: TestClient;
  readonly ops: Op[];
  private readonly rvs = new ResourceVersions();
  /** The one alarm: simulated time it fires, or undefined when none is armed. */
  private alarmAtMs: number | undefined;
  private step = "bootstrap";
  alarms = 0;
  readonly setsEverBroken = new Set<string>();

  readonly workers: string[];

  constructor(readonly seed: string) {
    const workers = workersFor(seed);
    this.c = testCluster({ nodes: workers, seed });
    this.ops = generateOps(seed, workers);
    this.workers = workerNames(workers);
  }

  run(): SimulationResult {
    for (const _ of this.steps());
    return { seed: this.seed, ops: this.ops, dump: dumpCluster(this.c), alarms: this.alarms };
  }

  /** The run one step (op, settle, check) at a time, so two simulations can be interleaved. */
  *steps(): Generator<string> {
    // A fresh sandbox: the first reconcile writes nothing.
    this.alarmAt(this.c.nowMs, { freshCluster: true });
    yield this.step;
    for (const [i, op] of this.ops.entries()) {
      this.step = `op ${i + 1} (${describeOp(op)})`;
      this.apply(op);
      yield this.step;
    }
    this.step = "settling after the last op";
    this.settle();
    yield this.step;
    this.step = "healing every node";
    for (const node of this.workers) {
      this.apply({ op: "nodeUp", node });
      this.apply({ op: "uncordon", node });
    }
    this.step = "settling after healing";
    this.settle(HEALED_SETTLE_MS);
    yield this.step;
    this.step = "final convergence check";
    const problems = checkConverged(new Snapshot(this.c.cluster), { setsEverBroken: this.setsEverBroken });
    if (problems.length) this.fail(`did not converge:\n  ${problems.join("\n  ")}`);
  }

  fail(message: string): never {
    throw new SimulationFailure(`${this.step} at t=+${((this.c.nowMs - EPOCH_MS) / 1000).toFixed(3)}s: ${message}`);
  }

  // -------------------------------------------------------------------------------------------
  // Ops
  // -------------------------------------------------------------------------------------------

  apply(op: Op): void {
    if (op.op === "tick") {
      this.advanceTo(this.c.nowMs + op.ms);
      return;
    }
    const orphaned = op.op === "delete" ? this.orphanExpectation(op.kind, op.name, op.propagation) : undefined;
    const res = this.request(op);
    if (!res) return;
    if (res.status >= 500) this.fail(`the API answered ${res.status}: ${JSON.stringify(res.body)}`);
    const writes = this.c.cluster.takeWrites();
    if (res.status >= 400) {
      if (writes) this.fail(`a rejected request (${res.status} ${res.body?.message}) wrote ${writes.puts.length} objects and deleted ${writes.deletes.length}`);
      return;
    }
    this.noteAccepted(op);
    // The Durable Object arms its alarm for now after a request that changed something.
    if (writes) this.alarmAt(this.c.nowMs);
    if (orphaned) this.checkOrphaned(orphaned);
  }

  private send(method: string, path: string, body?: unknown, headers?: Record<string, string>) {
    try {
      return this.c.request(method, path, body, headers);
    } catch (e) {
      this.fail(`${method} ${path} threw ${(e as Error).stack ?? e}`);
    }
  }

  private request(op: Exclude<Op, { op: "tick" }>): { status: number; body: any } | undefined {
    const mergePatch = { "content-type": "application/merge-patch+json" };
    switch (op.op) {
      case "apply":
        return this.send("PATCH", `${workloadPath(op.kind, op.name)}?fieldManager=${FIELD_MANAGER}&force=true`, JSON.stringify(manifest(op)), { "content-type": "application/apply-patch+yaml" });
      case "scale":
        return this.send("PATCH", workloadPath(op.kind, op.name, "scale"), { spec: { replicas: op.replicas } }, mergePatch);
      case "image":
        return this.send("PATCH", workloadPath(op.kind, op.name), { spec: { template: { spec: { containers: [{ name: "app", image: op.image }] } } } }, { "content-type": "application/strategic-merge-patch+json" });
      case "delete":
        return this.send("DELETE", workloadPath(op.kind, op.name), op.propagation === "default" ? undefined : { apiVersion: "v1", kind: "DeleteOptions", propagationPolicy: op.propagation });
      case "deletePod": {
        const pods = this.c.cluster.store
          .list("pods", "default")
          .filter((p) => p.metadata.labels?.app === op.app)
          .map((p) => p.metadata.name!)
          .sort();
        if (pods.length === 0) return undefined;
        const name = pods[op.pick % pods.length];
        return this.send("DELETE", podPath(name), op.force ? { apiVersion: "v1", kind: "DeleteOptions", gracePeriodSeconds: 0 } : undefined);
      }
      case "createPod":
        return this.send("POST", podPath(), barePod(op.name, op.app, op.image, op.size));
      case "deleteBarePod":
        return this.send("DELETE", podPath(op.name));
      case "cordon":
      case "uncordon":
        return this.send("PATCH", nodePath(op.node), { spec: { unschedulable: op.op === "cordon" ? true : null } }, { "content-type": "application/strategic-merge-patch+json" });
      case "nodeDown":
      case "nodeUp":
        return this.send("PATCH", nodePath(op.node), { metadata: { annotations: { "kubeplay.dev/simulate": op.op === "nodeDown" ? "NotReady" : null } } }, mergePatch);
    }
  }

  /** A StatefulSet that once ran a bad image may hold a broken pod that blocks its updates for good. */
  private noteAccepted(op: Op) {
    if ((op.op === "apply" || op.op === "image") && op.kind === "StatefulSet" && !isGoodImage(op.image)) this.setsEverBroken.add(op.name);
  }

  /**
   * With Orphan propagation (explicit, or batch/v1 Job's default) the dependents must survive the
   * owner's deletion with their reference to it removed.
   */
  private orphanExpectation(kind: WorkloadKind, name: string, propagation: Propagation) {
    const orphan = propagation === "Orphan" || (propagation === "default" && kind === "Job");
    if (!orphan) return undefined;
    const owner = new Snapshot(this.c.cluster).named(kind, name, "default");
    if (!owner || isDeleting(owner)) return undefined;
    const uid = owner.metadata.uid!;
    const dependents = this.c.cluster.store
      .resources()
      .flatMap((r) => this.c.cluster.store.list(r))
      .filter((o) => o.metadata.ownerReferences?.some((ref) => ref.uid === uid))
      .map((o) => o.metadata.uid!);
    return { ownerUid: uid, dependents };
  }

  private checkOrphaned(o: { ownerUid: string; dependents: string[] }) {
    const snap = new Snapshot(this.c.cluster);
    if (snap.byUid.has(o.ownerUid)) this.fail(`the owner deleted with orphan propagation is still there`);
    for (const uid of o.dependents) {
      const d = snap.byUid.get(uid);
      if (!d) this.fail(`a dependent (uid ${uid}) of an owner deleted with orphan propagation was deleted`);
      if (d.metadata.ownerReferences?.some((r) => r.uid === o.ownerUid)) this.fail(`${d.kind}/${d.metadata.name} still references the owner deleted with orphan propagation`);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Time and alarms
  // -------------------------------------------------------------------------------------------

  /** Lets simulated time pass to `toMs`, firing every alarm that falls due on the way. */
  advanceTo(toMs: number) {
    while (this.alarmAtMs !== undefined && this.alarmAtMs <= toMs) this.alarmAt(this.alarmAtMs);
    this.c.nowMs = Math.max(this.c.nowMs, toMs);
  }

  /** Runs alarms for SETTLE_MS of simulated time with no ops. */
  private settle(ms = SETTLE_MS) {
    const until = this.c.nowMs + ms;
    const before = this.alarms;
    while (this.alarmAtMs !== undefined && this.alarmAtMs <= until) {
      if (this.alarms - before > MAX_ALARMS_PER_SETTLE) this.fail(`more than ${MAX_ALARMS_PER_SETTLE} alarms in ${ms / 1000}s of simulated time (next at +${this.alarmAtMs - this.c.nowMs}ms)`);
      this.alarmAt(this.alarmAtMs);
    }
    this.c.nowMs = until;
  }

  /** One alarm at `atMs`: reconcile, persist, re-arm; then every invariant. */
  private alarmAt(atMs: number, opts: { freshCluster?: boolean } = {}) {
    this.c.nowMs = Math.max(this.c.nowMs, atMs);
    const now = this.c.nowMs;
    this.alarms++;
    let result;
    try {
      result = this.c.cluster.reconcile(now);
    } catch (e) {
      this.fail(`reconcile threw ${(e as Error).stack ?? e}`);
    }
    const writes = this.c.cluster.takeWrites();
    if (opts.freshCluster && writes) this.fail(`the first reconcile of a fresh cluster wrote ${writes.puts.map((p) => p.key).join(", ")} ${writes.deletes.join(", ")}`);
    if (result.passes >= LIMITS.maxControllerPasses) this.fail(`reconcile did not settle in ${result.passes} passes`);
    if (result.nextWakeMs !== undefined && result.nextWakeMs <= now) this.fail(`reconcile asked to wake at ${result.nextWakeMs - now}ms from now (a hot alarm loop)`);

    // Alarms are at-least-once: the same reconcile again right away must find nothing to do.
    let again;
    try {
      again = this.c.cluster.reconcile(now);
    } catch (e) {
      this.fail(`the repeated reconcile threw ${(e as Error).stack ?? e}`);
    }
    const rewrites = this.c.cluster.takeWrites();
    if (rewrites) this.fail(`reconcile is not idempotent: running it again at the same time wrote ${rewrites.puts.map((p) => p.key).join(", ")}${rewrites.deletes.length ? ` and deleted ${rewrites.deletes.join(", ")}` : ""}`);
    if (again.passes !== 1) this.fail(`a reconcile that wrote nothing reported changes (${again.passes} passes)`);
    if (again.nextWakeMs !== result.nextWakeMs) this.fail(`the repeated reconcile wants to wake at ${again.nextWakeMs} instead of ${result.nextWakeMs}`);

    this.alarmAtMs = result.nextWakeMs;
    const snap = new Snapshot(this.c.cluster);
    const problems = alarmInvariants(snap, this.rvs);
    if (problems.length) this.fail(problems.join("\n  "));
    // Every alarm leaves the next one armed, in time, while timed work remains.
    const work = pendingTimedWork(snap, now);
    if (work && (this.alarmAtMs === undefined || this.alarmAtMs > work.dueByMs)) {
      const armed = this.alarmAtMs === undefined ? "no alarm is armed" : `the next alarm is only at +${(this.alarmAtMs - now) / 1000}s`;
      this.fail(`${armed} although timed work is due by +${(work.dueByMs - now) / 1000}s: ${work.reason}`);
    }
  }
}

/** The failure report: seed, op list and the command that replays it. */
export function failureReport(seed: string, ops: Op[], error: unknown): string {
  const lines = ops.map((op, i) => `  ${String(i + 1).padStart(2)}. ${describeOp(op)}`);
  const message = error instanceof SimulationFailure ? error.message : `${(error as Error).stack ?? error}`;
  return [
    `simulation seed ${JSON.stringify(seed)} failed: ${message}`,
    `ops (${ops.length}, on ${workersFor(seed)} workers):`,
    ...lines,
    `replay: SIM_SEED=${seed} npx vitest run --project unit test/unit/simulation`,
  ].join("\n");
}

export function runSeed(seed: string): SimulationResult {
  const sim = new Simulation(seed);
  try {
    return sim.run();
  } catch (e) {
    throw new SimulationFailure(failureReport(seed, sim.ops, e));
  }
}
