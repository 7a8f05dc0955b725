// What the API server works on: one sandbox's store, kinds and seeded randomness.
import type { KindRegistry } from "../kinds/registry";
import type { AdmissionContext, KindDef, KubeObject, RandomSource } from "../kinds/types";
import type { ObjectStore } from "../store/store";
import { storageResource } from "../kinds/registry";

export interface ClusterState {
  store: ObjectStore;
  kinds: KindRegistry;
  rng: RandomSource;
  /**
   * Simulated time of the request or reconcile in progress. Watch events are rendered while the change
   * that caused them is written, so a Table row's AGE is computed at this time, not at the watch's start.
   */
  nowMs?: number;
}

export function admissionContext(state: ClusterState, nowMs: number): AdmissionContext {
  return {
    nowMs,
    rng: state.rng,
    list: (resource, namespace) => state.store.list(resource, namespace),
    get: (resource, namespace, name) => state.store.get(resource, namespace, name),
  };
}

/** Storage key for a kind: versions of one resource share it. */
export function storageOf(def: KindDef): string {
  return def.conversion?.storageResource ?? storageResource(def);
}

/** Converts a stored object to the version a request asked for. */
export function toRequestedVersion(def: KindDef, stored: KubeObject): KubeObject {
  return def.conversion ? def.conversion.fromStorage(stored) : stored;
}

export function toStorageVersion(def: KindDef, obj: KubeObject): KubeObject {
  return def.conversion ? def.conversion.toStorage(obj) : obj;
}
