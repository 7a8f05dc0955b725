// Discovery documents: /api, /apis (legacy and aggregated v2), /api/v1, /apis/<g>, /apis/<g>/<v>.
import type { KindRegistry } from "../kinds/registry";
import type { KindDef } from "../kinds/types";

export const DEFAULT_VERBS = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

/** Group order of a kubeadm 1.32 cluster's /apis; kubectl resolves ambiguous names in this order. */
const GROUP_ORDER = [
  "",
  "apiregistration.k8s.io",
  "apps",
  "events.k8s.io",
  "authentication.k8s.io",
  "authorization.k8s.io",
  "autoscaling",
  "batch",
  "certificates.k8s.io",
  "networking.k8s.io",
  "policy",
  "rbac.authorization.k8s.io",
  "storage.k8s.io",
  "admissionregistration.k8s.io",
  "apiextensions.k8s.io",
  "scheduling.k8s.io",
  "coordination.k8s.io",
  "node.k8s.io",
  "discovery.k8s.io",
  "flowcontrol.apiserver.k8s.io",
  "metrics.k8s.io",
];

export const AGGREGATED_V2 = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

export function wantsAggregated(accept: string | undefined): boolean {
  const first = (accept ?? "").split(",")[0];
  return /as=APIGroupDiscoveryList/.test(first) && /v=v2(;|$)/.test(first) && !/v2beta1/.test(first);
}

function groupsInOrder(kinds: KindRegistry) {
  const groups = kinds.groups();
  const rank = (g: string) => {
    const i = GROUP_ORDER.indexOf(g);
    return i < 0 ? GROUP_ORDER.length - 1 : i; // custom groups before metrics, after the built-ins
  };
  return groups.sort((a, b) => rank(a.group) - rank(b.group) || a.group.localeCompare(b.group));
}

/** Versions of a group, preferred (v2 over v1 over beta) first. */
function orderVersions(versions: string[]): string[] {
  const score = (v: string) => {
    const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
    if (!m) return 0;
    const major = Number(m[1]);
    const stability = m[2] === "alpha" ? 0 : m[2] === "beta" ? 1 : 2;
    return stability * 10000 + major * 100 + Number(m[3] ?? 0);
  };
  return [...versions].sort((a, b) => score(b) - score(a));
}

export function apiVersions() {
  return { kind: "APIVersions", versions: ["v1"], serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress: "172.18.0.2:6443" }] };
}

function apiGroup(group: string, versions: string[]) {
  const ordered = orderVersions(versions);
  const gvs = ordered.map((v) => ({ groupVersion: `${group}/${v}`, version: v }));
  return { name: group, versions: gvs, preferredVersion: gvs[0] };
}

export function apiGroupList(kinds: KindRegistry) {
  return {
    kind: "APIGroupList",
    apiVersion: "v1",
    groups: groupsInOrder(kinds)
      .filter((g) => g.group !== "")
      .map((g) => apiGroup(g.group, g.versions)),
  };
}

export function apiGroupDoc(kinds: KindRegistry, group: string) {
  const g = kinds.groups().find((x) => x.group === group);
  if (!g || !group) return undefined;
  return { kind: "APIGroup", apiVersion: "v1", ...apiGroup(group, g.versions) };
}

function kindsOf(kinds: KindRegistry, group: string, version: string): KindDef[] {
  return kinds.all().filter((d) => d.group === group && d.version === version && !d.hidden);
}

function subresourcesOf(d: KindDef) {
  const subs: Array<{ name: string; kind: string; group?: string; version?: string; verbs: string[] }> = [];
  if (d.statusSubresource) subs.push({ name: "status", kind: d.kind, verbs: ["get", "patch", "update"] });
  if (d.scaleSubresource) subs.push({ name: "scale", kind: "Scale", group: "autoscaling", version: "v1", verbs: ["get", "patch", "update"] });
  for (const s of d.extraSubresources ?? []) subs.push(s);
  return subs.sort((a, b) => a.name.localeCompare(b.name));
}

export function apiResourceList(kinds: KindRegistry, group: string, version: string) {
  const defs = kindsOf(kinds, group, version);
  if (!defs.length) return undefined;
  const resources: Record<string, unknown>[] = [];
  for (const d of [...defs].sort((a, b) => a.plural.localeCompare(b.plural))) {
    const r: Record<string, unknown> = { name: d.plural, singularName: d.singular, namespaced: d.namespaced, kind: d.kind, verbs: d.verbs ?? DEFAULT_VERBS };
    if (d.shortNames?.length) r.shortNames = d.shortNames;
    if (d.categories?.length) r.categories = d.categories;
    resources.push(r);
    for (const s of subresourcesOf(d)) {
      const sr: Record<string, unknown> = { name: `${d.plural}/${s.name}`, singularName: "", namespaced: d.namespaced, kind: s.kind, verbs: s.verbs };
      if (s.group) sr.group = s.group;
      if (s.version) sr.version = s.version;
      resources.push(sr);
    }
  }
  return { kind: "APIResourceList", apiVersion: "v1", groupVersion: group ? `${group}/${version}` : version, resources };
}

/** apidiscovery.k8s.io/v2 APIGroupDiscoveryList for /api (core only) or /apis (all other groups). */
export function aggregatedDiscovery(kinds: KindRegistry, core: boolean) {
  const items = groupsInOrder(kinds)
    .filter((g) => (core ? g.group === "" : g.group !== ""))
    .map((g) => ({
      metadata: g.group ? { name: g.group, creationTimestamp: null } : { creationTimestamp: null },
      versions: orderVersions(g.versions).map((v) => ({
        version: v,
        resources: kindsOf(kinds, g.group, v)
          .sort((a, b) => a.plural.localeCompare(b.plural))
          .map((d) => {
            const r: Record<string, unknown> = {
              resource: d.plural,
              responseKind: { group: "", version: "", kind: d.kind },
              scope: d.namespaced ? "Namespaced" : "Cluster",
              singularResource: d.singular,
              verbs: d.verbs ?? DEFAULT_VERBS,
            };
            if (d.shortNames?.length) r.shortNames = d.shortNames;
            if (d.categories?.length) r.categories = d.categories;
            const subs = subresourcesOf(d);
            if (subs.length) {
              r.subresources = subs.map((s) => ({
                subresource: s.name,
                responseKind: { group: s.group ?? "", version: s.version ?? "", kind: s.kind },
                verbs: s.verbs,
              }));
            }
            return r;
          }),
        freshness: "Current",
      })),
    }));
  return { kind: "APIGroupDiscoveryList", apiVersion: "apidiscovery.k8s.io/v2", metadata: {}, items };
}
