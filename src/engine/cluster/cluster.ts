// One sandbox cluster: the store, its kinds (built-in plus established CRDs), seeded randomness,
// the API server and the controllers. Pure: the host supplies time and persists pending writes.
import { ObjectStore, type PendingWrites } from "../store/store";
import { KindRegistry } from "../kinds/registry";
import { BUILTIN_KINDS } from "../kinds/all";
import { ApiServer } from "../apiserver/server";
import type { ApiRequest, ApiResponse } from "../apiserver/request";
import type { ClusterState } from "../apiserver/context";
import { Rng } from "../machinery/rng";
import { runControllers, type RunResult } from "../controllers";
import { syncCustomResourceKinds } from "./custom-resources";
import { LIMITS } from "../limits";
import { internManagedFields } from "../apiserver/managed-fields";

export interface ClusterPersistedState {
  resourceVersion: number;
  /** The sandbox's seed, fixed at creation. */
  seed: string;
}

export type ClusterWrites = PendingWrites;

export class Cluster implements ClusterState {
  readonly store: ObjectStore;
  readonly kinds: KindRegistry;
  /**
   * Re-derived from (seed, resourceVersion) before every request and alarm, so the same history
   * always draws the same numbers and the generator needs no storage of its own (no extra billed row).
   */
  rng: Rng;
  /** Simulated time of the request or reconcile in progress (watch events render their Table ages at it). */
  nowMs?: number;
  readonly api: ApiServer;
  private readonly seed: string;

  constructor(persisted: ClusterPersistedState, rows: Iterable<{ resource: string; body: string }> = []) {
    this.store = new ObjectStore(persisted.resourceVersion);
    this.store.load(rows, persisted.resourceVersion);
    for (const resource of this.store.resources()) for (const obj of this.store.list(resource)) internManagedFields(obj);
    this.kinds = new KindRegistry(BUILTIN_KINDS);
    this.seed = persisted.seed;
    this.rng = this.freshRng();
    this.api = new ApiServer(this);
    syncCustomResourceKinds(this);
    // Custom resources become servable as soon as their CRD is written.
    this.store.subscribe((c) => {
      if (c.resource === "customresourcedefinitions.apiextensions.k8s.io") syncCustomResourceKinds(this);
    });
  }

  /** A brand-new empty cluster from a seed. */
  static empty(seed: string): Cluster {
    return new Cluster({ resourceVersion: 1, seed });
  }

  private freshRng(): Rng {
    return new Rng(`${this.seed}:${this.store.resourceVersion}`);
  }

  handle(req: ApiRequest): ApiResponse {
    this.rng = this.freshRng();
    this.nowMs = req.nowMs;
    return this.api.handle(req);
  }

  /** Runs due controller work at simulated time nowMs. */
  reconcile(nowMs: number): RunResult {
    this.rng = this.freshRng();
    this.nowMs = nowMs;
    return runControllers({ state: this, nowMs });
  }

  /**
   * Fast-forwards simulated time from `fromMs` to `toMs`, running every piece of timed work that
   * falls due on the way, in order of its due time (a CronJob at 10:05 runs before a backoff that
   * ends at 10:07). Bounded: past LIMITS.maxClockSteps steps the rest runs at `toMs`.
   */
  advance(fromMs: number, toMs: number): RunResult {
    let at = fromMs;
    let result = this.reconcile(at);
    for (let step = 0; step < LIMITS.maxClockSteps && result.nextWakeMs !== undefined && result.nextWakeMs <= toMs; step++) {
      at = Math.max(at, result.nextWakeMs);
      result = this.reconcile(at);
    }
    return at === toMs ? result : this.reconcile(toMs);
  }

  /** Everything changed since the last call, for one transaction. */
  takeWrites(): ClusterWrites | undefined {
    return this.store.takePendingWrites();
  }
}
