// The garbage collector (pkg/controller/garbagecollector): dependents whose owners are all gone are
// deleted; an owner deleted with Orphan loses its dependents' references first; an owner deleted
// with Foreground waits until its dependents are gone.
import type { KindDef, KubeObject } from "../kinds/types";
import { controllerWriteOptions } from "./client";
import type { Controller, ControllerContext, ReconcileResult } from "./types";
import type { Change, ObjectStore } from "../store/store";
import { deleteObject, FINALIZER_FOREGROUND, FINALIZER_ORPHAN, type PropagationPolicy } from "../apiserver/deletes";
import { updateObject } from "../apiserver/writes";
import { storageOf } from "../apiserver/context";
import { clone, deepEqual } from "../machinery/json";
import { ApiError } from "../machinery/status";

interface Entry {
  def: KindDef;
  obj: KubeObject;
}

function index(ctx: ControllerContext): { all: Entry[]; byUid: Map<string, Entry> } {
  const all: Entry[] = [];
  const byUid = new Map<string, Entry>();
  const seen = new Set<string>();
  for (const def of ctx.state.kinds.all()) {
    const resource = storageOf(def);
    if (def.virtual || seen.has(resource)) continue;
    seen.add(resource);
    for (const obj of ctx.state.store.list(resource)) {
      const e = { def, obj };
      all.push(e);
      if (obj.metadata.uid) byUid.set(obj.metadata.uid, e);
    }
  }
  return { all, byUid };
}

function tryDelete(ctx: ControllerContext, e: Entry, policy: PropagationPolicy): boolean {
  try {
    deleteObject(ctx.state, e.def, e.obj.metadata.namespace, e.obj.metadata.name!, { propagationPolicy: policy, dryRun: false, nowMs: ctx.nowMs });
    return true;
  } catch (err) {
    if (err instanceof ApiError && err.code === 404) return false;
    throw err;
  }
}

function write(ctx: ControllerContext, e: Entry, obj: KubeObject) {
  updateObject(ctx.state, {
    def: e.def,
    namespace: obj.metadata.namespace,
    name: obj.metadata.name!,
    input: obj,
    opts: controllerWriteOptions(ctx, "kube-controller-manager"),
  });
}

/**
 * Per store: the resourceVersion up to which its changes need no collection, and every uid some
 * object names as an owner (a superset: uids are added as references appear, never removed). The
 * collector scans every object only when a change since then could give it work (see
 * mayNeedCollection), so a pass over thousands of settled pods costs nothing. Memory only: after a
 * restart the first pass scans.
 */
interface Settled {
  rv: number;
  ownerUids: Set<string>;
}
const settled = new WeakMap<object, Settled>();

/**
 * The store's changes since its collector last settled, per store, as store.changesSince(rv)
 * would give them but kept by an observer (ObjectStore.observe), so that a pass writing more than
 * the watch history holds does not force a scan of every object. undefined once more than
 * MAX_PENDING_CHANGES piled up (then the collector scans, as when the history is gone).
 */
const pending = new WeakMap<ObjectStore, { changes: Change[] | undefined }>();
const MAX_PENDING_CHANGES = 20_000;

/** Starts keeping the changes after this moment (the collector just settled at the store's resourceVersion). */
function keepChanges(store: ObjectStore): void {
  const kept = pending.get(store);
  if (kept) {
    kept.changes = [];
    return;
  }
  const fresh: { changes: Change[] | undefined } = { changes: [] };
  store.observe((c) => {
    if (!fresh.changes) return;
    if (fresh.changes.length >= MAX_PENDING_CHANGES) fresh.changes = undefined;
    else fresh.changes.push(c);
  });
  pending.set(store, fresh);
}

/** Whether a change could orphan a dependent or start a deletion the collector must finish. */
function mayNeedCollection(ctx: ControllerContext, s: Settled, c: Change): boolean {
  const m = c.object.metadata;
  const refs = m.ownerReferences;
  // A deleted owner may leave orphans; a deleted dependent may be what an owner in foreground
  // deletion was waiting for.
  if (c.type === "DELETED") return s.ownerUids.has(m.uid ?? "") || (refs ?? []).some((r) => ownerOf(ctx, m.namespace, r)?.metadata.deletionTimestamp !== undefined);
  if (m.deletionTimestamp) return true;
  // A dependent let go of an owner: an owner in foreground deletion may no longer wait for it.
  if (c.prev?.metadata.ownerReferences?.length && !deepEqual(c.prev.metadata.ownerReferences, refs)) return true;
  if (!refs?.length) return false;
  for (const r of refs) s.ownerUids.add(r.uid);
  // A new or re-owned dependent: its owners must exist with the uids it names.
  return refs.some((r) => ownerOf(ctx, m.namespace, r)?.metadata.uid !== r.uid);
}

/** The object an owner reference names (by kind and name; the caller compares uids). */
function ownerOf(ctx: ControllerContext, namespace: string | undefined, r: { apiVersion: string; kind: string; name: string }): KubeObject | undefined {
  const def = ctx.state.kinds.byApiVersionKind(r.apiVersion, r.kind);
  if (!def) return undefined;
  return ctx.state.store.get(storageOf(def), def.namespaced ? namespace ?? "" : "", r.name);
}

export const garbageCollector: Controller = {
  name: "garbage-collector",
  reconcile(ctx): ReconcileResult {
    const store = ctx.state.store;
    const s = settled.get(store);
    const changes = s && pending.get(store)?.changes;
    if (s && changes) {
      let work = false;
      for (const c of changes) if (mayNeedCollection(ctx, s, c)) work = true;
      if (!work) {
        s.rv = store.resourceVersion;
        keepChanges(store);
        return { changed: false };
      }
    }
    const { all, byUid } = index(ctx);
    const result = collect(ctx, all, byUid);
    if (!result.changed) {
      const ownerUids = new Set<string>();
      for (const e of all) for (const r of e.obj.metadata.ownerReferences ?? []) ownerUids.add(r.uid);
      settled.set(store, { rv: store.resourceVersion, ownerUids });
      keepChanges(store);
    }
    return result;
  },
};

function collect(ctx: ControllerContext, all: Entry[], byUid: Map<string, Entry>): ReconcileResult {
  let changed = false;
  const dependentsOf = (uid: string) => all.filter((d) => d.obj.metadata.ownerReferences?.some((r) => r.uid === uid));

  for (const e of all) {
    const m = e.obj.metadata;
    if (!m.deletionTimestamp) continue;
    const fins = m.finalizers ?? [];
    if (fins.includes(FINALIZER_ORPHAN)) {
      for (const d of dependentsOf(m.uid!)) {
        const o = clone(d.obj);
        o.metadata.ownerReferences = o.metadata.ownerReferences!.filter((r) => r.uid !== m.uid);
        if (!o.metadata.ownerReferences.length) delete o.metadata.ownerReferences;
        write(ctx, d, o);
      }
      const o = clone(ctx.state.store.get(storageOf(e.def), m.namespace ?? "", m.name!) ?? e.obj);
      o.metadata.finalizers = (o.metadata.finalizers ?? []).filter((f) => f !== FINALIZER_ORPHAN);
      write(ctx, e, o);
      changed = true;
    } else if (fins.includes(FINALIZER_FOREGROUND)) {
      const deps = dependentsOf(m.uid!);
      for (const d of deps) {
        if (!d.obj.metadata.deletionTimestamp) changed = tryDelete(ctx, d, "Foreground") || changed;
      }
      const blocking = dependentsOf(m.uid!).filter((d) => ctx.state.store.get(storageOf(d.def), d.obj.metadata.namespace ?? "", d.obj.metadata.name!));
      if (!blocking.length) {
        const o = clone(ctx.state.store.get(storageOf(e.def), m.namespace ?? "", m.name!) ?? e.obj);
        o.metadata.finalizers = (o.metadata.finalizers ?? []).filter((f) => f !== FINALIZER_FOREGROUND);
        write(ctx, e, o);
        changed = true;
      }
    }
  }

  // Dependents whose owners are all gone (or being deleted in the background) are deleted.
  for (const snapshot of all) {
    // Re-read: the loop above may have changed or removed this object.
    const current = ctx.state.store.get(storageOf(snapshot.def), snapshot.obj.metadata.namespace ?? "", snapshot.obj.metadata.name!);
    if (!current) continue;
    const e = { def: snapshot.def, obj: current };
    const refs = e.obj.metadata.ownerReferences;
    if (!refs?.length || e.obj.metadata.deletionTimestamp) continue;
    const live = refs.filter((r) => {
      const owner = byUid.get(r.uid);
      return owner && ctx.state.store.get(storageOf(owner.def), owner.obj.metadata.namespace ?? "", owner.obj.metadata.name!);
    });
    if (live.length === 0) {
      changed = tryDelete(ctx, e, "Background") || changed;
    } else if (live.length < refs.length) {
      const o = clone(e.obj);
      o.metadata.ownerReferences = live;
      write(ctx, e, o);
      changed = true;
    }
  }
  return { changed };
}
