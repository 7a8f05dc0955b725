// The Endpoints controller (pkg/controller/endpoint): for every Service with a selector, an
// Endpoints object of the same name listing the matching pods' IPs — ready ones under addresses,
// others under notReadyAddresses — with the ports the Service ports resolve to on each pod, in the
// canonical subset layout (RepackSubsets). Services without a selector keep whatever Endpoints the
// user writes. When a Service goes, the Endpoints this controller wrote go with it.
import type { KubeObject } from "../kinds/types";
import type { Controller, ReconcileResult } from "./types";
import { ControllerClient } from "./client";
import { ApiError } from "../machinery/status";
import { clone, deepEqual } from "../machinery/json";
import { repackSubsets, type CoreAddress, type CorePort, type CoreSubset } from "./endpoint-hash";
import {
  findPort,
  HEADLESS_LABEL,
  hostnameFor,
  isPodReady,
  isServiceIPSet,
  KCM,
  LAST_CHANGE_TRIGGER_TIME,
  LEADER_ANNOTATION,
  podIPsOf,
  podsByNamespace,
  selectorMatches,
  serviceFamily,
  servicePorts,
  serviceSelector,
  shouldPodBeInEndpoints,
  triggerTime,
  UnchangedInputs,
  withoutEmpty,
} from "./endpoint-util";

const OVER_CAPACITY = "endpoints.kubernetes.io/over-capacity";

/** The subsets a Service's Endpoints should hold (syncService). */
export function desiredSubsets(svc: KubeObject, pods: readonly KubeObject[]): CoreSubset[] {
  const publishNotReady = svc.spec?.publishNotReadyAddresses === true;
  const family = serviceFamily(svc);
  const ports = servicePorts(svc);
  const subsets: CoreSubset[] = [];
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, publishNotReady)) continue;
    const ip = podIPsOf(pod, family)[0];
    if (!ip) continue;
    const addr: CoreAddress = {
      ip,
      nodeName: pod.spec?.nodeName ?? "",
      targetRef: { kind: "Pod", namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
    };
    const hostname = hostnameFor(pod, svc);
    if (hostname) addr.hostname = hostname;
    const ready = publishNotReady || isPodReady(pod);
    const add = (port: CorePort | undefined) => subsets.push(ready ? { addresses: [addr], ports: port ? [port] : [] } : { notReadyAddresses: [addr], ports: port ? [port] : [] });
    if (!ports.length) {
      // Headless Services may have no ports.
      if (svc.spec?.clusterIP === "None") add(undefined);
      continue;
    }
    for (const sp of ports) {
      const num = findPort(pod, sp);
      if (num === undefined) continue;
      const port: CorePort = { port: num, protocol: sp.protocol ?? "TCP" };
      if (sp.name) port.name = sp.name;
      if (sp.appProtocol !== undefined) port.appProtocol = sp.appProtocol;
      add(port);
    }
  }
  return repackSubsets(subsets);
}

/** Subsets compared without the targetRefs' resourceVersions (EndpointSubsetsEqualIgnoreResourceVersion). */
function comparable(subsets: unknown): unknown {
  const c = clone((subsets ?? []) as CoreSubset[]);
  for (const ss of c) for (const a of [...(ss.addresses ?? []), ...(ss.notReadyAddresses ?? [])]) if (a.targetRef) delete a.targetRef.resourceVersion;
  return c;
}

function desiredLabels(svc: KubeObject): Record<string, string> | undefined {
  const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
  if (!isServiceIPSet(svc)) labels[HEADLESS_LABEL] = "";
  else delete labels[HEADLESS_LABEL];
  return withoutEmpty(labels);
}

function labelsWithoutHeadless(l: Record<string, string> | undefined): Record<string, string> {
  const { [HEADLESS_LABEL]: _h, ...rest } = l ?? {};
  return rest;
}

/** Endpoints nobody but this controller ever wrote: the ones to remove with their Service. */
function writtenByController(ep: KubeObject): boolean {
  const mf = ep.metadata.managedFields ?? [];
  return mf.length > 0 && mf.every((e) => e.manager === KCM);
}

const synced = new UnchangedInputs();

export const endpointsController: Controller = {
  name: "endpoint-controller",
  reconcile(ctx): ReconcileResult {
    const client = new ControllerClient(ctx, KCM);
    const services = client.list("v1", "Service");
    const pods = podsByNamespace(client.list("v1", "Pod"));
    let changed = false;
    const serviceKeys = new Set<string>();
    for (const svc of services) {
      const ns = svc.metadata.namespace ?? "";
      serviceKeys.add(`${ns}/${svc.metadata.name}`);
      if (svc.spec?.type === "ExternalName") continue;
      const selector = serviceSelector(svc);
      if (!selector) continue;
      const matching = (pods.get(ns) ?? []).filter((p) => selectorMatches(selector, p.metadata.labels));
      const inputs = [client.get("v1", "Endpoints", ns, svc.metadata.name!), ...matching];
      if (synced.isUnchanged(svc, inputs)) continue;
      try {
        if (syncService(client, svc, matching)) changed = true;
        else synced.remember(svc, inputs);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        // A terminating namespace refuses new objects; anything else is retried on the next pass.
      }
    }
    for (const ep of client.list("v1", "Endpoints")) {
      if (serviceKeys.has(`${ep.metadata.namespace}/${ep.metadata.name}`)) continue;
      if (ep.metadata.annotations?.[LEADER_ANNOTATION] !== undefined || !writtenByController(ep)) continue;
      changed = client.delete(ep) || changed;
    }
    return { changed };
  },
};

function syncService(client: ControllerClient, svc: KubeObject, pods: KubeObject[]): boolean {
  const subsets = desiredSubsets(svc, pods);
  const existing = client.get("v1", "Endpoints", svc.metadata.namespace, svc.metadata.name!);
  const svcLabels = withoutEmpty(svc.metadata.labels);
  if (
    existing &&
    deepEqual(comparable(existing.subsets), comparable(subsets)) &&
    deepEqual(labelsWithoutHeadless(existing.metadata.labels), svcLabels ?? {}) &&
    existing.metadata.annotations?.[OVER_CAPACITY] === undefined
  ) {
    return false;
  }
  const trigger = triggerTime(svc, pods, existing);
  const ep: KubeObject = existing
    ? clone(existing)
    : { apiVersion: "v1", kind: "Endpoints", metadata: { name: svc.metadata.name, namespace: svc.metadata.namespace } };
  if (subsets.length) ep.subsets = subsets;
  else delete ep.subsets;
  const labels = desiredLabels(svc);
  if (labels) ep.metadata.labels = labels;
  else delete ep.metadata.labels;
  const annotations: Record<string, string> = { ...(ep.metadata.annotations ?? {}) };
  if (trigger) annotations[LAST_CHANGE_TRIGGER_TIME] = trigger;
  else delete annotations[LAST_CHANGE_TRIGGER_TIME];
  delete annotations[OVER_CAPACITY];
  if (Object.keys(annotations).length) ep.metadata.annotations = annotations;
  else delete ep.metadata.annotations;
  try {
    if (existing) return client.update(ep).metadata.resourceVersion !== existing.metadata.resourceVersion;
    client.create(ep);
    return true;
  } catch (e) {
    // Invalid content (say, a pod IP the API refuses) is left as it is, like a failed sync.
    if (e instanceof ApiError && e.code === 422) return false;
    throw e;
  }
}
