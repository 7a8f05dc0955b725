// kubectl's polymorphic helpers for commands that act on a pod but accept any workload
// (`logs deploy/x`, `exec job/y`): the builder's ResourceNames("pods", arg), SelectorsForObject,
// GetFirstPod with its sort orders (ByLogging for logs, reverse ActivePods for exec/attach), and the
// container defaulting of podcmd (the default-container annotation, "Defaulted container ...").
import type { CommandRun } from "../command";
import { KubectlError } from "../command";
import { resourcePath, type ApiResource, type KubeObject } from "../client";
import { selectorFromLabelSelector, selectorFromSet, selectorToString } from "../../machinery/labels";
import { parseRfc3339 } from "../../machinery/time";

export const DEFAULT_CONTAINER_ANNOTATION = "kubectl.kubernetes.io/default-container";

/** `NAME` (a pod) or `TYPE/NAME`: the object and its mapping, as builder.ResourceNames("pods", arg). */
export async function objectForArg(run: CommandRun, arg: string): Promise<{ mapping: ApiResource; object: KubeObject }> {
  let type = "pods";
  let name = arg;
  if (arg.includes("/")) {
    const parts = arg.split("/");
    if (parts.length > 2) throw new KubectlError("arguments in resource/name form may not have more than one slash");
    [type, name] = parts;
    if (!type || !name) throw new KubectlError("arguments in resource/name form must have a single resource and name");
  }
  const mapping = await run.client.resolve(type);
  const object = await run.client.request("GET", resourcePath(mapping, mapping.namespaced ? run.namespace : undefined, name));
  return { mapping, object };
}

/** Go's %T of a typed object as kubectl's scheme decodes it (`*v1.Deployment`). */
export function goTypeName(obj: KubeObject): string {
  const apiVersion = String(obj.apiVersion ?? "");
  const version = apiVersion.includes("/") ? apiVersion.split("/")[1] : apiVersion;
  const builtinGroups = new Set(["", "apps", "batch", "autoscaling", "policy", "networking.k8s.io", "rbac.authorization.k8s.io", "storage.k8s.io", "scheduling.k8s.io", "coordination.k8s.io", "discovery.k8s.io", "certificates.k8s.io", "node.k8s.io", "admissionregistration.k8s.io", "apiextensions.k8s.io", "apiregistration.k8s.io", "events.k8s.io", "flowcontrol.apiserver.k8s.io", "authentication.k8s.io", "authorization.k8s.io", "resource.k8s.io", "storagemigration.k8s.io"]);
  const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
  if (!builtinGroups.has(group)) return "*unstructured.Unstructured";
  return `*${version}.${obj.kind}`;
}

/** SelectorsForObject: the pod selector of a workload; throws kubectl's message for other kinds. */
export function selectorForObject(obj: KubeObject): string {
  const kind = obj.kind;
  switch (kind) {
    case "ReplicaSet":
    case "StatefulSet":
    case "DaemonSet":
    case "Deployment":
    case "Job":
      try {
        return selectorToString(selectorFromLabelSelector(obj.spec?.selector));
      } catch (e) {
        throw new Error(`invalid label selector: ${(e as Error).message}`);
      }
    case "ReplicationController":
      return selectorToString(selectorFromSet(obj.spec?.selector));
    case "Service": {
      const sel = obj.spec?.selector as Record<string, string> | undefined;
      if (!sel || Object.keys(sel).length === 0) throw new Error(`invalid service '${obj.metadata?.name}': Service is defined without a selector`);
      return selectorToString(selectorFromSet(sel));
    }
    default:
      throw new Error(`selector for ${goTypeName(obj)} not implemented`);
  }
}

const isReady = (p: KubeObject) => (p.status?.conditions ?? []).some((c: KubeObject) => c.type === "Ready" && c.status === "True");
const readyTime = (p: KubeObject): number | undefined => {
  const c = (p.status?.conditions ?? []).find((x: KubeObject) => x.type === "Ready" && x.status === "True");
  return c?.lastTransitionTime ? parseRfc3339(c.lastTransitionTime) : undefined;
};
const maxRestarts = (p: KubeObject) => Math.max(0, ...((p.status?.containerStatuses ?? []) as KubeObject[]).map((s) => s.restartCount ?? 0));
const created = (p: KubeObject) => (p.metadata?.creationTimestamp ? parseRfc3339(p.metadata.creationTimestamp) : undefined);
/** podutils.afterOrZero(a, b): a is after b, or a is zero (and b is not). */
const afterOrZero = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? a === undefined && b !== undefined : a > b);

/** podutils.ByLogging: the best pod to read logs from first. */
export function byLogging(a: KubeObject, b: KubeObject): number {
  const less = (x: KubeObject, y: KubeObject): boolean => {
    const nx = x.spec?.nodeName ?? "";
    const ny = y.spec?.nodeName ?? "";
    if (nx !== ny && (!nx || !ny)) return nx !== "";
    const rank: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };
    const px = rank[x.status?.phase ?? ""] ?? 0;
    const py = rank[y.status?.phase ?? ""] ?? 0;
    if (px !== py) return px < py;
    if (isReady(x) !== isReady(y)) return isReady(x);
    if (isReady(x) && isReady(y) && readyTime(x) !== readyTime(y)) return afterOrZero(readyTime(y), readyTime(x));
    if (maxRestarts(x) !== maxRestarts(y)) return maxRestarts(x) > maxRestarts(y);
    if (created(x) !== created(y)) return afterOrZero(created(y), created(x));
    return false;
  };
  return less(a, b) ? -1 : less(b, a) ? 1 : 0;
}

/** sort.Reverse(podutils.ActivePods): the most active pod first (exec, attach, port-forward). */
export function reverseActivePods(a: KubeObject, b: KubeObject): number {
  // ActivePods.Less(i, j) says i is "less active"; reversed, the more active sorts first.
  const less = (x: KubeObject, y: KubeObject): boolean => {
    const nx = x.spec?.nodeName ?? "";
    const ny = y.spec?.nodeName ?? "";
    if (nx !== ny && (!nx || !ny)) return nx === "";
    const rank: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
    const px = rank[x.status?.phase ?? ""] ?? 0;
    const py = rank[y.status?.phase ?? ""] ?? 0;
    if (px !== py) return px < py;
    if (isReady(x) !== isReady(y)) return !isReady(x);
    if (maxRestarts(x) !== maxRestarts(y)) return maxRestarts(x) > maxRestarts(y);
    if (created(x) !== created(y)) return afterOrZero(created(x), created(y));
    return false;
  };
  return less(b, a) ? -1 : less(a, b) ? 1 : 0;
}

/**
 * GetPodList: the pods matching a selector, sorted; when there are none, waits (polling, as a watch
 * would wake) up to `timeoutMs` for one to appear, then fails like watchtools.UntilWithoutRetry.
 */
export async function podsForSelector(run: CommandRun, namespace: string, selector: string, timeoutMs: number, sort: (a: KubeObject, b: KubeObject) => number): Promise<KubeObject[]> {
  const { env } = run;
  const deadline = env.host.now() + timeoutMs;
  for (;;) {
    const list = await run.client.request("GET", `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods`, { query: { labelSelector: selector || undefined } });
    const pods = [...((list.items ?? []) as KubeObject[])];
    if (pods.length) return stableSort(pods, sort);
    if (env.host.signal.aborted || env.host.now() >= deadline) throw new KubectlError("timed out waiting for the condition");
    await env.host.sleep(Math.min(1000, deadline - env.host.now()));
  }
}

function stableSort<T>(xs: T[], cmp: (a: T, b: T) => number): T[] {
  return xs.map((x, i) => [x, i] as const).sort((a, b) => cmp(a[0], b[0]) || a[1] - b[1]).map(([x]) => x);
}

/** podcmd.AllContainerNames: `a, b, dbg (ephem), init (init)`. */
export function allContainerNames(pod: KubeObject): string {
  const spec = pod.spec ?? {};
  return [
    ...((spec.containers ?? []) as KubeObject[]).map((c) => c.name),
    ...((spec.ephemeralContainers ?? []) as KubeObject[]).map((c) => `${c.name} (ephem)`),
    ...((spec.initContainers ?? []) as KubeObject[]).map((c) => `${c.name} (init)`),
  ].join(", ");
}

/** podcmd.FindContainerByName: the container and its field path (`spec.containers{x}`). */
export function findContainer(pod: KubeObject, name: string): { container: KubeObject; fieldPath: string } | undefined {
  const spec = pod.spec ?? {};
  for (const [list, field] of [
    [spec.containers, "containers"],
    [spec.initContainers, "initContainers"],
    [spec.ephemeralContainers, "ephemeralContainers"],
  ] as const) {
    const c = ((list ?? []) as KubeObject[]).find((x) => x.name === name);
    if (c) return { container: c, fieldPath: `spec.${field}{${name}}` };
  }
  return undefined;
}

/** podcmd.FindOrDefaultContainerByName (exec, attach): the annotation's container, else the first (with a note). */
export function findOrDefaultContainer(run: CommandRun, pod: KubeObject, name: string, quiet: boolean): KubeObject {
  if (name) {
    const found = findContainer(pod, name);
    if (!found) throw new KubectlError(`container ${name} not found in pod ${pod.metadata.name}`);
    return found.container;
  }
  const containers = (pod.spec?.containers ?? []) as KubeObject[];
  if (!containers.length) throw new KubectlError(`pod ${pod.metadata.namespace}/${pod.metadata.name} does not have any containers`);
  const annotated = pod.metadata?.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (annotated) {
    const found = findContainer(pod, annotated);
    if (found) return found.container;
  }
  if (!quiet && (containers.length > 1 || (pod.spec?.initContainers ?? []).length > 0 || (pod.spec?.ephemeralContainers ?? []).length > 0)) {
    run.env.stderr.write(`Defaulted container ${JSON.stringify(containers[0].name)} out of: ${allContainerNames(pod)}\n`);
  }
  return containers[0];
}
