// pods/eviction (policy/v1 Eviction, honouring PodDisruptionBudgets) and pods/binding (the scheduler's write).
import type { KindDef } from "../kinds/types";
import type { ClusterState } from "./context";
import { ApiError, badRequest, invalid, notFound } from "../machinery/status";
import { bindPod as bindKindPod, validateBinding, type Binding } from "../kinds/core/binding";
import { deleteObject } from "./deletes";
import { clone } from "../machinery/json";
import { matches, selectorFromLabelSelector } from "../machinery/labels";

export function evictPod(state: ClusterState, podDef: KindDef, namespace: string, name: string, body: unknown, nowMs: number, dryRun = false): unknown {
  const pod = state.store.get("pods", namespace, name);
  if (!pod) throw notFound({ group: "", resource: "pods" }, name);
  const eviction = (body ?? {}) as { metadata?: { name?: string }; deleteOptions?: { gracePeriodSeconds?: number; dryRun?: string[] } };
  // kubectl drain --dry-run=server: every check runs, nothing is written (CreateOptions or the Eviction's DeleteOptions).
  if (eviction.deleteOptions?.dryRun?.includes("All")) dryRun = true;
  if (eviction.metadata?.name && eviction.metadata.name !== name) throw badRequest(`name in URL does not match name in Eviction object`);
  // A pod that is already terminal or being deleted can always be evicted.
  const terminal = pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
  if (!terminal && !pod.metadata.deletionTimestamp) {
    const pdbs = state.store.list("poddisruptionbudgets.policy", namespace).filter((pdb) => matches(selectorFromLabelSelector(pdb.spec?.selector), pod.metadata.labels ?? {}));
    // Checked before any budget is spent, so a refused eviction changes nothing.
    if (pdbs.length > 1) {
      throw new ApiError(500, "InternalError", "Internal error occurred: This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.");
    }
    for (const pdb of pdbs) {
      const allowed = pdb.status?.disruptionsAllowed ?? 0;
      if (allowed <= 0) {
        throw new ApiError(429, "TooManyRequests", "Cannot evict pod as it would violate the pod's disruption budget.", {
          causes: [{ reason: "DisruptionBudget", message: `The disruption budget ${pdb.metadata.name} needs ${pdb.status?.desiredHealthy ?? 0} healthy pods and has ${pdb.status?.currentHealthy ?? 0} currently` }],
        });
      }
      const updated = clone(pdb);
      updated.status = { ...(updated.status ?? {}), disruptionsAllowed: allowed - 1 };
      if (!dryRun) state.store.update("poddisruptionbudgets.policy", updated);
    }
  }
  deleteObject(state, podDef, namespace, name, { gracePeriodSeconds: eviction.deleteOptions?.gracePeriodSeconds, dryRun, nowMs });
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", code: 201 };
}

export function bindPod(state: ClusterState, _podDef: KindDef, namespace: string, name: string, body: unknown, nowMs: number): unknown {
  const b = (body ?? {}) as Binding;
  if (!b.metadata) b.metadata = {};
  const errs = validateBinding(b);
  if (errs.length) throw invalid("", "Binding", b.metadata.name ?? "", errs);
  const pod = state.store.get("pods", namespace, name);
  if (!pod) throw notFound({ group: "", resource: "pods" }, name);
  state.store.update("pods", bindKindPod(pod as never, b, nowMs, name) as never);
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", code: 201 };
}
