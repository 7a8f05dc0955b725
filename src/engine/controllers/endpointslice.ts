// The EndpointSlice controller (k8s.io/endpointslice reconciler) and the EndpointSlice mirroring
// controller (pkg/controller/endpointslicemirroring).
//
// EndpointSlice controller: for every Service with a selector, slices named `<service>-<random>`,
// owned by the Service, labelled kubernetes.io/service-name and managed-by
// endpointslice-controller.k8s.io, one group of slices per distinct set of ports, at most 100
// endpoints each, with ready/serving/terminating conditions. Endpoints stay in the slice they are
// in; new ones fill the slices being updated first; a Service without endpoints keeps one empty
// placeholder slice.
//
// Mirroring controller: for a Service without a selector, the Endpoints the user wrote are copied
// into slices managed by endpointslicemirroring-controller.k8s.io, owned by the Endpoints.
import type { KubeObject } from "../kinds/types";
import type { Controller, ReconcileResult } from "./types";
import { ControllerClient } from "./client";
import { ApiError } from "../machinery/status";
import { clone, deepEqual } from "../machinery/json";
import { portMapKey, sortDiscoveryPorts, type DiscoveryPort } from "./endpoint-hash";
import {
  ENDPOINTSLICE_CONTROLLER,
  findPort,
  HEADLESS_LABEL,
  hostnameFor,
  isPodReady,
  isServiceIPSet,
  KCM,
  LAST_CHANGE_TRIGGER_TIME,
  LEADER_ANNOTATION,
  MANAGED_BY_LABEL,
  MIRRORING_CONTROLLER,
  podIPsOf,
  podsByNamespace,
  selectorMatches,
  SERVICE_NAME_LABEL,
  serviceFamily,
  servicePorts,
  serviceSelector,
  shouldPodBeInEndpoints,
  SKIP_MIRROR_LABEL,
  triggerTime,
  UnchangedInputs,
  withoutEmpty,
} from "./endpoint-util";

const API = "discovery.k8s.io/v1";
const MAX_ENDPOINTS_PER_SLICE = 100;
const MAX_ENDPOINTS_PER_SUBSET = 1000;
const ZONE_LABEL = "topology.kubernetes.io/zone";
const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

interface Endpoint {
  addresses: string[];
  conditions: { ready?: boolean; serving?: boolean; terminating?: boolean };
  hostname?: string;
  nodeName?: string;
  zone?: string;
  targetRef?: { kind?: string; namespace?: string; name?: string; uid?: string; resourceVersion?: string; apiVersion?: string; fieldPath?: string };
}

interface Slice extends KubeObject {
  addressType?: string;
  endpoints?: Endpoint[] | null;
  ports?: DiscoveryPort[] | null;
}

/** hashEndpoint: an endpoint is the same endpoint while its addresses, hostname and target stay. */
function endpointKey(e: Endpoint): string {
  return JSON.stringify([[...e.addresses].sort(), e.hostname ?? "", e.targetRef?.namespace ?? "", e.targetRef?.name ?? ""]);
}

/** EndpointsEqualBeyondHash. */
function sameEndpoint(a: Endpoint, b: Endpoint): boolean {
  const ref = (e: Endpoint) => (e.targetRef ? { ...e.targetRef, resourceVersion: undefined } : undefined);
  return (
    (a.nodeName ?? null) === (b.nodeName ?? null) &&
    (a.zone ?? null) === (b.zone ?? null) &&
    (a.conditions?.ready ?? null) === (b.conditions?.ready ?? null) &&
    (a.conditions?.serving ?? null) === (b.conditions?.serving ?? null) &&
    (a.conditions?.terminating ?? null) === (b.conditions?.terminating ?? null) &&
    deepEqual(ref(a), ref(b))
  );
}

function isOwnedBy(obj: KubeObject, owner: KubeObject): boolean {
  return (obj.metadata.ownerReferences ?? []).some((r) => r.uid === owner.metadata.uid && r.kind === owner.kind && r.apiVersion === "v1");
}

function controllerRef(owner: KubeObject) {
  return { apiVersion: "v1", kind: owner.kind, name: owner.metadata.name!, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

/** getEndpointSlicePrefix: `<name>-` unless that is no longer a valid name. */
function slicePrefix(name: string): string {
  return name.length + 1 <= 253 ? `${name}-` : name;
}

// ---------------------------------------------------------------------------------------------
// EndpointSlice controller
// ---------------------------------------------------------------------------------------------

function sliceLabels(svc: KubeObject): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(svc.metadata.labels ?? {})) {
    if (k !== SERVICE_NAME_LABEL && k !== MANAGED_BY_LABEL && k !== HEADLESS_LABEL) labels[k] = v;
  }
  if (!isServiceIPSet(svc)) labels[HEADLESS_LABEL] = "";
  labels[SERVICE_NAME_LABEL] = svc.metadata.name!;
  labels[MANAGED_BY_LABEL] = ENDPOINTSLICE_CONTROLLER;
  return labels;
}

/** getEndpointPorts, in the controller's (hash) order. */
function endpointPorts(svc: KubeObject, pod: KubeObject): DiscoveryPort[] {
  const ports: DiscoveryPort[] = [];
  if (!servicePorts(svc).length && svc.spec?.clusterIP === "None") return ports;
  for (const sp of servicePorts(svc)) {
    const num = findPort(pod, sp);
    if (num === undefined) continue;
    const p: DiscoveryPort = { name: sp.name ?? "", port: num, protocol: sp.protocol ?? "TCP" };
    if (sp.appProtocol !== undefined) p.appProtocol = sp.appProtocol;
    ports.push(p);
  }
  return sortDiscoveryPorts(ports);
}

/** podToEndpoint. */
function podToEndpoint(pod: KubeObject, node: KubeObject | undefined, svc: KubeObject, family: "IPv4" | "IPv6"): Endpoint {
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata.deletionTimestamp;
  const ready = svc.spec?.publishNotReadyAddresses === true || (serving && !terminating);
  const ep: Endpoint = {
    addresses: podIPsOf(pod, family),
    conditions: { ready, serving, terminating },
    targetRef: { kind: "Pod", namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
  };
  if (pod.spec?.nodeName) ep.nodeName = pod.spec.nodeName;
  const zone = node?.metadata.labels?.[ZONE_LABEL];
  if (zone) ep.zone = zone;
  const hostname = hostnameFor(pod, svc);
  if (hostname) ep.hostname = hostname;
  return ep;
}

interface Plan {
  create: Slice[];
  update: Slice[];
  remove: Slice[];
}

/** reconcileByPortMapping for one group of ports. */
function reconcileGroup(svc: KubeObject, existing: Slice[], desired: Map<string, Endpoint>, ports: DiscoveryPort[], addressType: string, plan: Plan): void {
  const labels = sliceLabels(svc);
  const toUpdate = new Map<string, Slice>();
  const unchanged = new Map<string, Slice>();
  for (const slice of existing) {
    const kept: Endpoint[] = [];
    let updated = false;
    for (const e of slice.endpoints ?? []) {
      const want = desired.get(endpointKey(e));
      if (!want) continue;
      kept.push(want);
      if (!sameEndpoint(want, e)) updated = true;
      desired.delete(endpointKey(e));
    }
    const labelsChanged = !deepEqual(slice.metadata.labels ?? {}, labels);
    if (updated || kept.length !== (slice.endpoints ?? []).length) {
      if (!kept.length) plan.remove.push(slice);
      else toUpdate.set(slice.metadata.name!, { ...clone(slice), ports: clone(ports), endpoints: kept, metadata: { ...clone(slice.metadata), labels } });
    } else if (labelsChanged) {
      toUpdate.set(slice.metadata.name!, { ...clone(slice), ports: clone(ports), metadata: { ...clone(slice.metadata), labels } });
    } else unchanged.set(slice.metadata.name!, slice);
  }
  const remaining = [...desired.values()];
  // Fill the slices being updated anyway, fullest first.
  for (const slice of [...toUpdate.values()].sort((a, b) => (b.endpoints?.length ?? 0) - (a.endpoints?.length ?? 0))) {
    while (remaining.length && slice.endpoints!.length < MAX_ENDPOINTS_PER_SLICE) slice.endpoints!.push(remaining.shift()!);
  }
  while (remaining.length) {
    let fill: Slice | undefined;
    if (remaining.length < MAX_ENDPOINTS_PER_SLICE && unchanged.size) {
      // getSliceToFill: the unchanged slice that ends closest to full.
      let best = MAX_ENDPOINTS_PER_SLICE;
      for (const s of unchanged.values()) {
        const diff = MAX_ENDPOINTS_PER_SLICE - (remaining.length + (s.endpoints?.length ?? 0));
        if (diff >= 0 && diff < best) {
          best = diff;
          fill = s;
        }
      }
    }
    if (fill) {
      unchanged.delete(fill.metadata.name!);
      fill = { ...clone(fill), ports: clone(ports), endpoints: [...(fill.endpoints ?? [])] };
      toUpdate.set(fill.metadata.name!, fill);
    } else {
      fill = newSlice(svc, ports, addressType);
      plan.create.push(fill);
    }
    while (remaining.length && fill.endpoints!.length < MAX_ENDPOINTS_PER_SLICE) fill.endpoints!.push(remaining.shift()!);
  }
  plan.update.push(...toUpdate.values());
}

function newSlice(svc: KubeObject, ports: DiscoveryPort[], addressType: string): Slice {
  return {
    apiVersion: API,
    kind: "EndpointSlice",
    metadata: { generateName: slicePrefix(svc.metadata.name!), namespace: svc.metadata.namespace, labels: sliceLabels(svc), ownerReferences: [controllerRef(svc)] },
    addressType,
    endpoints: [],
    ports: clone(ports),
  };
}

/** What a slice looks like stored: empty lists are dropped (protobuf round trip). */
function storable(slice: Slice): Slice {
  const s = clone(slice);
  if (!s.endpoints?.length) delete s.endpoints;
  if (!s.ports?.length) delete s.ports;
  return s;
}

/** placeholderSliceCompare: only the namespace, labels, address type, endpoints and ports count. */
function isPlaceholder(slice: Slice, svc: KubeObject, addressType: string): boolean {
  return slice.addressType === addressType && !(slice.endpoints ?? []).length && !(slice.ports ?? []).length && deepEqual(slice.metadata.labels ?? {}, sliceLabels(svc));
}

function syncServiceSlices(client: ControllerClient, svc: KubeObject, pods: KubeObject[], existingAll: Slice[], nodes: Map<string, KubeObject>): boolean {
  const addressType = serviceFamily(svc);
  const plan: Plan = { create: [], update: [], remove: [] };
  // Slices of an address type the Service no longer has are deleted on their own.
  const otherType = existingAll.filter((s) => s.addressType !== addressType);
  const typed = existingAll.filter((s) => s.addressType === addressType);
  const existing: Slice[] = [];
  for (const s of typed) {
    if (!isOwnedBy(s, svc)) plan.remove.push(s);
    else existing.push(s);
  }
  const desiredByKey = new Map<string, { ports: DiscoveryPort[]; endpoints: Map<string, Endpoint> }>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports = endpointPorts(svc, pod);
    const key = portMapKey(ports);
    let group = desiredByKey.get(key);
    if (!group) desiredByKey.set(key, (group = { ports, endpoints: new Map() }));
    const node = nodes.get(pod.spec?.nodeName ?? "");
    // A pod on a node that does not exist is left out (unless not-ready addresses are published).
    if (!node && svc.spec?.publishNotReadyAddresses !== true) continue;
    const ep = podToEndpoint(pod, node, svc, addressType);
    if (ep.addresses.length) group.endpoints.set(endpointKey(ep), ep);
  }
  const existingByKey = new Map<string, Slice[]>();
  for (const s of existing) {
    const key = portMapKey(s.ports);
    existingByKey.set(key, [...(existingByKey.get(key) ?? []), s]);
  }
  for (const [key, group] of desiredByKey) reconcileGroup(svc, existingByKey.get(key) ?? [], group.endpoints, group.ports, addressType, plan);
  for (const [key, slices] of existingByKey) if (!desiredByKey.has(key)) plan.remove.push(...slices);
  // No endpoints at all: one placeholder slice.
  if (typed.length === plan.remove.length && plan.create.length === 0) {
    const placeholder = plan.remove.length === 1 && isPlaceholder(plan.remove[0], svc, addressType);
    if (placeholder) plan.remove = [];
    else plan.create.push(newSlice(svc, [], addressType));
  }
  // finalize: creates become updates of slices that would otherwise be deleted.
  for (let i = 0; i < plan.remove.length && plan.create.length; ) {
    const gone = plan.remove[i];
    if (gone.addressType === addressType && isOwnedBy(gone, svc)) {
      const slice = plan.create.pop()!;
      slice.metadata = { ...clone(gone.metadata), labels: slice.metadata.labels, ownerReferences: slice.metadata.ownerReferences };
      delete slice.metadata.generateName;
      plan.update.push(slice);
      plan.remove.splice(i, 1);
    } else i++;
  }
  plan.remove.push(...otherType);
  if (!plan.create.length && !plan.update.length && !plan.remove.length) return false;
  const trigger = triggerTime(svc, pods, existingAll.length ? latestTrigger(existingAll) : undefined);
  const annotate = (s: Slice) => {
    const ann = { ...(s.metadata.annotations ?? {}) };
    if (trigger) ann[LAST_CHANGE_TRIGGER_TIME] = trigger;
    else delete ann[LAST_CHANGE_TRIGGER_TIME];
    s.metadata.annotations = withoutEmpty(ann);
    if (!s.metadata.annotations) delete s.metadata.annotations;
    return storable(s);
  };
  let changed = false;
  if (!svc.metadata.deletionTimestamp) {
    for (const s of plan.create) {
      client.create(annotate(s));
      changed = true;
    }
  }
  for (const s of plan.update) {
    const before = existingAll.find((e) => e.metadata.name === s.metadata.name);
    changed = client.update(annotate(s)).metadata.resourceVersion !== before?.metadata.resourceVersion || changed;
  }
  for (const s of plan.remove) changed = client.delete(s) || changed;
  return changed;
}

/** The existing slices seen as one object for the trigger-time tracker: the latest annotation wins. */
function latestTrigger(slices: Slice[]): KubeObject {
  const sorted = [...slices].sort((a, b) => (a.metadata.annotations?.[LAST_CHANGE_TRIGGER_TIME] ?? "").localeCompare(b.metadata.annotations?.[LAST_CHANGE_TRIGGER_TIME] ?? ""));
  return sorted[sorted.length - 1];
}

const synced = new UnchangedInputs();

export const endpointSliceController: Controller = {
  name: "endpointslice-controller",
  reconcile(ctx): ReconcileResult {
    const client = new ControllerClient(ctx, KCM);
    const pods = podsByNamespace(client.list("v1", "Pod"));
    const nodeList = client.list("v1", "Node");
    const nodes = new Map(nodeList.map((n) => [n.metadata.name!, n]));
    const slicesByService = new Map<string, Slice[]>();
    for (const s of client.list(API, "EndpointSlice") as Slice[]) {
      if (s.metadata.labels?.[MANAGED_BY_LABEL] !== ENDPOINTSLICE_CONTROLLER) continue;
      const svcName = s.metadata.labels?.[SERVICE_NAME_LABEL];
      if (!svcName) continue;
      const key = `${s.metadata.namespace}/${svcName}`;
      slicesByService.set(key, [...(slicesByService.get(key) ?? []), s]);
    }
    let changed = false;
    for (const svc of client.list("v1", "Service")) {
      const ns = svc.metadata.namespace ?? "";
      const selector = serviceSelector(svc);
      if (!selector || svc.spec?.type === "ExternalName") continue;
      const matching = (pods.get(ns) ?? []).filter((p) => selectorMatches(selector, p.metadata.labels));
      const existing = slicesByService.get(`${ns}/${svc.metadata.name}`) ?? [];
      const inputs = [...nodeList, existing.length, ...existing, ...matching];
      if (synced.isUnchanged(svc, inputs)) continue;
      try {
        if (syncServiceSlices(client, svc, matching, existing, nodes)) changed = true;
        else synced.remember(svc, inputs);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
      }
    }
    // Slices of Services that are gone are collected through their owner references.
    return { changed };
  },
};

// ---------------------------------------------------------------------------------------------
// EndpointSlice mirroring controller
// ---------------------------------------------------------------------------------------------

interface Subset {
  addresses?: Array<{ ip?: string; hostname?: string; nodeName?: string; targetRef?: Endpoint["targetRef"] }>;
  notReadyAddresses?: Subset["addresses"];
  ports?: Array<{ name?: string; port?: number; protocol?: string; appProtocol?: string }>;
}

function mirroredSlices(ep: KubeObject): Array<{ key: string; ports: DiscoveryPort[]; addressType: string; endpoints: Endpoint[] }> {
  const groups = new Map<string, { key: string; ports: DiscoveryPort[]; addressType: string; endpoints: Map<string, Endpoint> }>();
  for (const ss of (ep.subsets ?? []) as Subset[]) {
    const ports = sortDiscoveryPorts(
      (ss.ports ?? []).map((p) => {
        const d: DiscoveryPort = { name: p.name ?? "", port: p.port, protocol: p.protocol ?? "TCP" };
        if (p.appProtocol !== undefined) d.appProtocol = p.appProtocol;
        return d;
      }),
    );
    let added = 0;
    const add = (a: NonNullable<Subset["addresses"]>[number], ready: boolean) => {
      if (added >= MAX_ENDPOINTS_PER_SUBSET || !a.ip) return;
      const addressType = a.ip.includes(":") ? "IPv6" : "IPv4";
      const key = `${addressType}/${portMapKey(ports)}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { key, ports, addressType, endpoints: new Map() }));
      const e: Endpoint = { addresses: [a.ip], conditions: { ready } };
      if (a.hostname) e.hostname = a.hostname;
      if (a.nodeName) e.nodeName = a.nodeName;
      if (a.targetRef) e.targetRef = clone(a.targetRef);
      g.endpoints.set(endpointKey(e), e);
      added++;
    };
    for (const a of ss.addresses ?? []) add(a, true);
    for (const a of ss.notReadyAddresses ?? []) add(a, false);
  }
  return [...groups.values()].map((g) => ({ ...g, endpoints: [...g.endpoints.values()] }));
}

function mirrorMeta(ep: KubeObject, name?: string): Slice["metadata"] {
  const labels: Record<string, string> = { ...(ep.metadata.labels ?? {}), [SERVICE_NAME_LABEL]: ep.metadata.name!, [MANAGED_BY_LABEL]: MIRRORING_CONTROLLER };
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(ep.metadata.annotations ?? {})) if (k !== LAST_CHANGE_TRIGGER_TIME && k !== LAST_APPLIED) annotations[k] = v;
  const meta: Slice["metadata"] = { namespace: ep.metadata.namespace, labels, ownerReferences: [controllerRef(ep)] };
  if (Object.keys(annotations).length) meta.annotations = annotations;
  if (name) meta.name = name;
  else meta.generateName = slicePrefix(ep.metadata.name!);
  return meta;
}

function syncMirror(client: ControllerClient, ep: KubeObject, existing: Slice[]): boolean {
  const desired = mirroredSlices(ep);
  const byKey = new Map<string, Slice[]>();
  for (const s of existing) {
    const key = `${s.addressType}/${portMapKey(s.ports)}`;
    byKey.set(key, [...(byKey.get(key) ?? []), s]);
  }
  const create: Slice[] = [];
  const update: Slice[] = [];
  const remove: Slice[] = [];
  for (const d of desired) {
    const slices = (byKey.get(d.key) ?? []).sort((a, b) => a.metadata.name!.localeCompare(b.metadata.name!));
    remove.push(...slices.slice(1));
    const first = slices[0];
    const want: Slice = storable({ apiVersion: API, kind: "EndpointSlice", metadata: mirrorMeta(ep, first?.metadata.name), addressType: d.addressType, endpoints: d.endpoints, ports: d.ports });
    if (!first) create.push(want);
    else if (!sameMirror(first, want)) update.push({ ...want, metadata: { ...clone(first.metadata), labels: want.metadata.labels, annotations: want.metadata.annotations, ownerReferences: want.metadata.ownerReferences } });
  }
  const wanted = new Set(desired.map((d) => d.key));
  for (const [key, slices] of byKey) if (!wanted.has(key)) remove.push(...slices);
  // recycleSlices: reuse slices that would be deleted for ones to be created.
  while (create.length && remove.length) {
    const gone = remove.shift()!;
    const s = create.pop()!;
    if (gone.addressType !== s.addressType) {
      create.push(s);
      remove.push(gone);
      break;
    }
    update.push({ ...s, metadata: { ...clone(gone.metadata), labels: s.metadata.labels, annotations: s.metadata.annotations, ownerReferences: s.metadata.ownerReferences } });
  }
  let changed = false;
  if (!ep.metadata.deletionTimestamp) for (const s of create) {
    client.create(s);
    changed = true;
  }
  for (const s of update) {
    if (!s.metadata.annotations) delete s.metadata.annotations;
    const before = existing.find((e) => e.metadata.name === s.metadata.name);
    changed = client.update(s).metadata.resourceVersion !== before?.metadata.resourceVersion || changed;
  }
  for (const s of remove) changed = client.delete(s) || changed;
  return changed;
}

function sameMirror(a: Slice, b: Slice): boolean {
  const norm = (s: Slice) => ({
    addressType: s.addressType,
    endpoints: s.endpoints ?? [],
    ports: sortDiscoveryPorts(s.ports ?? []),
    labels: s.metadata.labels ?? {},
    annotations: s.metadata.annotations ?? {},
  });
  return deepEqual(norm(a), norm(b));
}

export const endpointSliceMirroringController: Controller = {
  name: "endpointslicemirroring-controller",
  reconcile(ctx): ReconcileResult {
    const client = new ControllerClient(ctx, KCM);
    const services = new Map(client.list("v1", "Service").map((s) => [`${s.metadata.namespace}/${s.metadata.name}`, s]));
    const mirrored = new Map<string, Slice[]>();
    for (const s of client.list(API, "EndpointSlice") as Slice[]) {
      if (s.metadata.labels?.[MANAGED_BY_LABEL] !== MIRRORING_CONTROLLER) continue;
      const key = `${s.metadata.namespace}/${s.metadata.labels?.[SERVICE_NAME_LABEL] ?? ""}`;
      mirrored.set(key, [...(mirrored.get(key) ?? []), s]);
    }
    let changed = false;
    const seen = new Set<string>();
    for (const ep of client.list("v1", "Endpoints")) {
      const key = `${ep.metadata.namespace}/${ep.metadata.name}`;
      const svc = services.get(key);
      const mirror =
        svc &&
        !serviceSelector(svc) &&
        ep.metadata.labels?.[SKIP_MIRROR_LABEL] !== "true" &&
        ep.metadata.annotations?.[LEADER_ANNOTATION] === undefined;
      if (!mirror) continue;
      seen.add(key);
      try {
        changed = syncMirror(client, ep, mirrored.get(key) ?? []) || changed;
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
      }
    }
    // Mirrored slices whose Endpoints should no longer be mirrored.
    for (const [key, slices] of mirrored) {
      if (seen.has(key)) continue;
      for (const s of slices) changed = client.delete(s) || changed;
    }
    return { changed };
  },
};
