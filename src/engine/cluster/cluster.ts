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

export interface ClusterPersistedState {
  resourceVersion: number;
  rngState: string;
}

export interface ClusterWrites extends PendingWrites {
  rngState: string;
}

export class Cluster implements ClusterState {
  readonly store: ObjectStore;
  readonly kinds: KindRegistry;
  readonly rng: Rng;
  readonly api: ApiServer;
  private rngStateAtLastTake: string;

  constructor(persisted: ClusterPersistedState, rows: Iterable<{ resource: string; body: string }> = []) {
    this.store = new ObjectStore(persisted.resourceVersion);
    this.store.load(rows, persisted.resourceVersion);
    this.kinds = new KindRegistry(BUILTIN_KINDS);
    this.rng = new Rng(persisted.rngState);
    this.rngStateAtLastTake = this.rng.state();
    this.api = new ApiServer(this);
    syncCustomResourceKinds(this);
    // Custom resources become servable as soon as their CRD is written.
    this.store.subscribe((c) => {
      if (c.resource === "customresourcedefinitions.apiextensions.k8s.io") syncCustomResourceKinds(this);
    });
  }

  /** A brand-new empty cluster from a seed. */
  static empty(seed: string): Cluster {
    return new Cluster({ resourceVersion: 1, rngState: new Rng(seed).state() });
  }

  handle(req: ApiRequest): ApiResponse {
    return this.api.handle(req);
  }

  /** Runs due controller work at simulated time nowMs. */
  reconcile(nowMs: number): RunResult {
    return runControllers({ state: this, nowMs });
  }

  /** Everything changed since the last call (objects and generator state), for one transaction. */
  takeWrites(): ClusterWrites | undefined {
    const pending = this.store.takePendingWrites();
    const rngState = this.rng.state();
    if (!pending && rngState === this.rngStateAtLastTake) return undefined;
    this.rngStateAtLastTake = rngState;
    return { puts: pending?.puts ?? [], deletes: pending?.deletes ?? [], resourceVersion: this.store.resourceVersion, rngState };
  }
}
