// How controllers read and write: through the same API semantics as any client (defaults,
// validation, resourceVersions, no-op detection), as a named field manager, plus events.
import type { KindDef, KubeObject } from "../kinds/types";
import type { ControllerContext } from "./types";
import { createObject, updateObject, type WriteOptions } from "../apiserver/writes";
import { deleteObject, type PropagationPolicy } from "../apiserver/deletes";
import { storageOf } from "../apiserver/context";
import { ApiError } from "../machinery/status";
import { recordEvent, type EventSource } from "./events";

/** How every in-process component writes: as `manager`, its bodies trusted (see WriteOptions.trusted). */
export function controllerWriteOptions(ctx: ControllerContext, manager: string): WriteOptions {
  return { dryRun: false, fieldValidation: "Ignore", nowMs: ctx.nowMs, fieldManager: manager, trusted: true };
}

export class ControllerClient {
  constructor(
    readonly ctx: ControllerContext,
    /** Field manager and event source, e.g. "deployment-controller". */
    readonly manager: string,
  ) {}

  get nowMs(): number {
    return this.ctx.nowMs;
  }

  def(apiVersion: string, kind: string): KindDef {
    const d = this.ctx.state.kinds.byApiVersionKind(apiVersion, kind);
    if (!d) throw new Error(`no kind ${apiVersion} ${kind}`);
    return d;
  }

  /** Stored objects of a kind (read-only: clone before changing). */
  list(apiVersion: string, kind: string, namespace?: string): readonly KubeObject[] {
    return this.ctx.state.store.list(storageOf(this.def(apiVersion, kind)), namespace);
  }

  get(apiVersion: string, kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const d = this.def(apiVersion, kind);
    return this.ctx.state.store.get(storageOf(d), d.namespaced ? namespace ?? "" : "", name);
  }

  private opts() {
    return controllerWriteOptions(this.ctx, this.manager);
  }

  /**
   * `handover`: the body was built for this write and the caller neither keeps nor reads it again
   * (see WriteOptions.handover): it is not copied.
   */
  create(obj: KubeObject, { handover = false }: { handover?: boolean } = {}): KubeObject {
    const d = this.def(obj.apiVersion, obj.kind);
    const opts = handover ? { ...this.opts(), handover } : this.opts();
    return createObject(this.ctx.state, d, obj.metadata.namespace, obj, opts).object;
  }

  /** Writes the main resource; a stale resourceVersion throws a 409 like any client gets. */
  update(obj: KubeObject): KubeObject {
    const d = this.def(obj.apiVersion, obj.kind);
    return updateObject(this.ctx.state, { def: d, namespace: obj.metadata.namespace, name: obj.metadata.name!, input: obj, opts: this.opts() }).object;
  }

  /**
   * Writes the status subresource. `handover`: the body was built for this write and the caller
   * neither keeps nor reads it again (see WriteOptions.handover): it is not copied.
   */
  updateStatus(obj: KubeObject, { handover = false }: { handover?: boolean } = {}): KubeObject {
    const d = this.def(obj.apiVersion, obj.kind);
    const opts = handover ? { ...this.opts(), handover } : this.opts();
    return updateObject(this.ctx.state, { def: d, namespace: obj.metadata.namespace, name: obj.metadata.name!, input: obj, subresource: "status", opts }).object;
  }

  /** Deletes; a missing object is not an error (another actor got there first). */
  delete(obj: KubeObject, opts: { propagationPolicy?: PropagationPolicy; gracePeriodSeconds?: number } = {}): boolean {
    const d = this.def(obj.apiVersion, obj.kind);
    try {
      deleteObject(this.ctx.state, d, obj.metadata.namespace, obj.metadata.name!, { ...opts, dryRun: false, nowMs: this.ctx.nowMs });
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.code === 404) return false;
      throw e;
    }
  }

  /** Records an event; the Event written, or undefined when the correlator dropped it (spam filter) or the server refused it. */
  event(involved: KubeObject, type: "Normal" | "Warning", reason: string, message: string, source: EventSource = { component: this.manager }, fieldPath?: string): KubeObject | undefined {
    return recordEvent(this.ctx, involved, { type, reason, message, source, fieldPath });
  }
}
