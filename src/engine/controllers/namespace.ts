// The namespace controller (pkg/controller/namespace): a Terminating namespace has everything in it
// deleted, and once it is empty its "kubernetes" finalizer is removed and it is gone.
import type { Controller, ReconcileResult } from "./types";
import { deleteObject } from "../apiserver/deletes";
import { storageOf } from "../apiserver/context";
import { ApiError } from "../machinery/status";

export const namespaceController: Controller = {
  name: "namespace",
  reconcile(ctx): ReconcileResult {
    let changed = false;
    for (const ns of ctx.state.store.list("namespaces")) {
      if (!ns.metadata.deletionTimestamp) continue;
      const name = ns.metadata.name!;
      let remaining = 0;
      const seen = new Set<string>();
      for (const def of ctx.state.kinds.all()) {
        const resource = storageOf(def);
        if (!def.namespaced || def.virtual || seen.has(resource)) continue;
        seen.add(resource);
        for (const obj of ctx.state.store.list(resource, name)) {
          remaining++;
          if (obj.metadata.deletionTimestamp) continue;
          try {
            deleteObject(ctx.state, def, name, obj.metadata.name!, { propagationPolicy: "Background", dryRun: false, nowMs: ctx.nowMs });
            changed = true;
          } catch (e) {
            if (!(e instanceof ApiError && e.code === 404)) throw e;
          }
        }
      }
      if (remaining === 0) {
        ctx.state.store.delete("namespaces", "", name);
        changed = true;
      }
    }
    return { changed };
  },
};
