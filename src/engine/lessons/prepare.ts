// Puts a freshly bootstrapped cluster into a lesson's starting state: node labels and taints, the
// lesson's manifests (applied a little before the learner arrives, so their pods are running and
// show an age), and the files seeded into the learner's shell. Pure: time arrives as nowMs.
import type { Cluster } from "../cluster/cluster";
import { KUBERNETES_ADMIN } from "../cluster/users";
import type { VfsRow } from "../shell/types";
import type { LoadedLesson } from "./loader";

/** How long before the learner arrives the lesson's manifests were applied. */
export const LESSON_APPLIED_AGO_MS = 2 * 60 * 1000;

const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
const encoder = new TextEncoder();

/**
 * Applies the lesson's starting cluster to `cluster` (bootstrapped with the lesson's worker count)
 * and runs the controllers up to `nowMs`. Returns the problems (a manifest the API server refused),
 * each naming the manifest's file; empty when the cluster is ready.
 */
export function prepareLessonCluster(cluster: Cluster, loaded: LoadedLesson, nowMs: number): string[] {
  const problems: string[] = [];
  const appliedAt = nowMs - LESSON_APPLIED_AGO_MS;
  const send = (method: string, path: string, body: unknown, contentType = "application/json", query: Record<string, string> = {}) =>
    cluster.handle({ method, path, query: new URLSearchParams(query), headers: { "content-type": contentType, accept: "application/json" }, body: encoder.encode(JSON.stringify(body)), user: KUBERNETES_ADMIN, nowMs: appliedAt });

  const { labels, taints } = loaded.lesson.cluster.nodes;
  for (const node of new Set([...Object.keys(labels), ...Object.keys(taints)])) {
    const current = cluster.handle({ method: "GET", path: `/api/v1/nodes/${node}`, query: new URLSearchParams(), headers: {}, user: KUBERNETES_ADMIN, nowMs: appliedAt });
    if (current.status !== 200 || "watch" in current) {
      problems.push(`${loaded.dir}/lesson.yaml: cluster.nodes: no node ${node}`);
      continue;
    }
    const patch: { metadata?: unknown; spec?: unknown } = {};
    if (labels[node]) patch.metadata = { labels: labels[node] };
    if (taints[node]) patch.spec = { taints: [...((current.body as any).spec?.taints ?? []), ...taints[node]] };
    const r = send("PATCH", `/api/v1/nodes/${node}`, patch, "application/merge-patch+json");
    if (r.status >= 300) problems.push(`${loaded.dir}/lesson.yaml: cluster.nodes: ${node}: ${(r as any).body?.message ?? r.status}`);
  }

  for (const m of loaded.manifests) {
    const obj = structuredClone(m.object);
    const def = cluster.kinds.byApiVersionKind(obj.apiVersion, obj.kind);
    const what = `${obj.kind}/${obj.metadata.name}`;
    if (!def) {
      problems.push(`${m.source}: ${what}: no kind ${obj.kind} in ${obj.apiVersion}`);
      continue;
    }
    // As `kubectl apply` creates it, so the learner's own `kubectl apply` later merges cleanly.
    obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED]: JSON.stringify(m.object) + "\n" };
    const ns = def.namespaced ? (obj.metadata.namespace ?? "default") : undefined;
    const base = def.group ? `/apis/${def.group}/${def.version}` : `/api/${def.version}`;
    const path = ns ? `${base}/namespaces/${encodeURIComponent(ns)}/${def.plural}` : `${base}/${def.plural}`;
    const r = send("POST", path, obj, "application/json", { fieldManager: "kubectl-client-side-apply" });
    if (r.status >= 300) problems.push(`${m.source}: ${what}: ${(r as any).body?.message ?? r.status}`);
  }

  cluster.advance(appliedAt, nowMs);
  return problems;
}

/** The lesson's seeded files as shell filesystem rows (parent directories included). */
export function lessonFileRows(loaded: LoadedLesson, nowMs: number): VfsRow[] {
  const rows: VfsRow[] = [];
  const dirs = new Set<string>();
  for (const f of loaded.files) {
    const parts = f.path.split("/").filter(Boolean);
    for (let i = 1; i < parts.length; i++) dirs.add("/" + parts.slice(0, i).join("/"));
    rows.push({ path: f.path, content: f.content, mtimeMs: nowMs });
  }
  return [...[...dirs].sort().map((path) => ({ path, content: null, mtimeMs: nowMs })), ...rows];
}

/** The lesson's clock offset in milliseconds (the host adds it to the sandbox's clock). */
export const lessonClockOffsetMs = (loaded: LoadedLesson) => loaded.lesson.cluster.clockOffsetSeconds * 1000;
