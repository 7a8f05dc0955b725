// pods/eviction (policy/v1 Eviction, honouring PodDisruptionBudgets), pods/binding (the scheduler's write)
// and pods/exec (answered as JSON for the sandbox's own kubectl: see execPod).
import type { KindDef } from "../kinds/types";
import type { ClusterState } from "./context";
import { ApiError, badRequest, invalid, notFound } from "../machinery/status";
import { bindPod as bindKindPod, validateBinding, type Binding } from "../kinds/core/binding";
import { deleteObject } from "./deletes";
import { clone } from "../machinery/json";
import { matches, selectorFromLabelSelector } from "../machinery/labels";
import { execInContainer } from "../kubelet/exec/index";
import { execCluster } from "../kubelet/exec/cluster";

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
  // The binding changes no managedFields: the pod's copy shares the stored ones, like everything
  // else it does not change (a stored object is never changed in place), still known to the
  // managed-fields caches.
  const bound = bindKindPod(pod as never, b, nowMs, name) as typeof pod;
  state.store.update("pods", bound);
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", code: 201 };
}

/**
 * pods/exec. The real API server upgrades this request to a SPDY or WebSocket stream, which this
 * sandbox's HTTP layer cannot carry: a request asking for an upgrade (real kubectl) is refused with a
 * 400 that says so. The sandbox's own kubectl asks without an upgrade and gets the whole run at once
 * as JSON: `{kind: "PodExecResult", apiVersion: "kubeplay.dev/v1", stdout, stderr, exitCode}` (with
 * stdin=true, the request body is the process's stdin), or
 * `{..., failure}` when the runtime could not start the process (containerd's message). The API
 * server's own checks (container name, host assigned, completed pod, container running) answer as
 * Status errors, like the real ones.
 */
export function execPod(state: ClusterState, namespace: string, name: string, query: URLSearchParams, headers: Record<string, string | undefined>, nowMs: number, body?: Uint8Array): unknown {
  const pod = state.store.get("pods", namespace, name);
  if (!pod) throw notFound({ group: "", resource: "pods" }, name);
  if (headers.upgrade || /upgrade/i.test(headers.connection ?? "")) {
    throw badRequest("this sandbox's API cannot stream exec sessions (SPDY/WebSocket upgrades); run `kubectl exec` in the sandbox's terminal, which gets the command's output in one answer");
  }
  const command = query.getAll("command");
  if (!command.length) throw badRequest("you must specify at least 1 command");
  const spec = pod.spec ?? {};
  const names = [...(spec.containers ?? []), ...(spec.initContainers ?? []), ...(spec.ephemeralContainers ?? [])].map((c: { name: string }) => c.name);
  let containerName = query.get("container") ?? "";
  if (!containerName) {
    if ((spec.containers ?? []).length === 1) containerName = spec.containers[0].name;
    else throw badRequest(`a container name must be specified for pod ${name}, choose one of: [${names.join(" ")}]`);
  }
  if (!names.includes(containerName)) throw badRequest(`container ${containerName} is not valid for pod ${name}`);
  if (!spec.nodeName) throw badRequest(`pod ${name} does not have a host assigned`);
  const phase = pod.status?.phase;
  if (phase === "Succeeded" || phase === "Failed") throw badRequest(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  const statuses = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.ephemeralContainerStatuses ?? [])] as { name: string; state?: { running?: unknown } }[];
  const result = { kind: "PodExecResult", apiVersion: "kubeplay.dev/v1" };
  if (!statuses.find((s) => s.name === containerName)?.state?.running) return { ...result, failure: `unable to upgrade connection: container not found (${JSON.stringify(containerName)})` };
  const container = [...(spec.containers ?? []), ...(spec.initContainers ?? []), ...(spec.ephemeralContainers ?? [])].find((c: { name: string }) => c.name === containerName);
  const cluster = execCluster(state.store, nowMs);

  // With stdin=true the request body is what the process reads on stdin.
  const stdin = query.get("stdin") === "true" && body ? new TextDecoder().decode(body) : undefined;
  return { ...result, ...execInContainer({ pod, container, command, cluster, stdin }) };
}
