// ControllerRevision history shared by the StatefulSet and DaemonSet controllers, after
// pkg/controller/history: revisions owned by a controller, sorted by revision number, the patch
// that snapshots a pod template (`{"spec":{"template":{...,"$patch":"replace"}}}`), and the
// template a revision restores.
import type { KubeObject } from "../kinds/types";
import type { ControllerClient } from "./client";
import { controllerRefOf, newControllerRef } from "./controller-utils";
import { computeHash } from "./hash";
import { clone, deepEqual } from "../machinery/json";
import { parseRfc3339 } from "../machinery/time";
import { matches, type LabelSelectorRequirementSet } from "../machinery/labels";
import { ApiError } from "../machinery/status";

export const CONTROLLER_REVISION_HASH_LABEL = "controller-revision-hash";

/** getPatch (statefulset and daemon): the template, replaced wholesale when applied. */
export function templatePatch(template: unknown): Record<string, unknown> {
  return { spec: { template: { ...(clone(template) as Record<string, unknown>), $patch: "replace" } } };
}

/** Whether revision data is the snapshot of this template (compared without copying either). */
export function isSnapshotOf(data: unknown, template: unknown): boolean {
  const t = (data as { spec?: { template?: Record<string, unknown> } } | undefined)?.spec?.template;
  if (!t || typeof t !== "object" || t.$patch !== "replace") return false;
  const keys = Object.keys(data as object);
  if (keys.length !== 1 || Object.keys((data as { spec: object }).spec).length !== 1) return false;
  const { $patch: _p, ...rest } = t;
  return deepEqual(rest, template ?? {});
}

/** The pod template a revision restores (ApplyRevision of a `$patch: replace` template). */
export function revisionTemplate(revision: KubeObject | undefined): Record<string, any> | undefined {
  const t = (revision?.data as { spec?: { template?: Record<string, unknown> } } | undefined)?.spec?.template;
  if (!t || typeof t !== "object") return undefined;
  const { $patch: _p, ...rest } = t;
  return clone(rest) as Record<string, any>;
}

/** history.SortControllerRevisions: by revision, then creation time, then name. */
export function sortRevisions(revisions: KubeObject[]): KubeObject[] {
  return [...revisions].sort((a, b) => {
    const ra = (a.revision as number | undefined) ?? 0;
    const rb = (b.revision as number | undefined) ?? 0;
    if (ra !== rb) return ra - rb;
    const ta = parseRfc3339(a.metadata.creationTimestamp ?? "") ?? 0;
    const tb = parseRfc3339(b.metadata.creationTimestamp ?? "") ?? 0;
    if (ta !== tb) return ta - tb;
    return (a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : (a.metadata.name ?? "") > (b.metadata.name ?? "") ? 1 : 0;
  });
}

/** nextRevision: one more than the largest revision number, 1 for an empty history. */
export function nextRevisionNumber(sorted: readonly KubeObject[]): number {
  return sorted.length ? ((sorted[sorted.length - 1].revision as number | undefined) ?? 0) + 1 : 1;
}

/**
 * The StatefulSet's history (ListControllerRevisions + AdoptOrphanRevisions): revisions its selector
 * matches that it controls, and matching orphans, which it adopts.
 */
export function claimRevisions(client: ControllerClient, owner: KubeObject, selector: LabelSelectorRequirementSet, inNamespace: readonly KubeObject[]): KubeObject[] {
  const uid = owner.metadata.uid;
  const out: KubeObject[] = [];
  for (const r of inNamespace) {
    if (!matches(selector, r.metadata.labels)) continue;
    const ref = controllerRefOf(r);
    if (ref) {
      if (ref.uid === uid) out.push(r);
      continue;
    }
    if (owner.metadata.deletionTimestamp || r.metadata.deletionTimestamp) continue;
    const adopted = clone(r);
    adopted.metadata.ownerReferences = [...(adopted.metadata.ownerReferences ?? []), newControllerRef(owner)];
    out.push(client.update(adopted));
  }
  return out;
}

/**
 * history.CreateControllerRevision: names the revision `<owner>-<hash>`; when that name holds
 * other data the collision count goes up and the name changes. Returns the revision (an existing
 * one with equal data is reused) and the collision count used.
 */
export function createRevision(
  client: ControllerClient,
  owner: KubeObject,
  build: (name: string, hash: string) => KubeObject,
  data: unknown,
  collisionCount: number,
): { revision: KubeObject; collisionCount: number } {
  for (let probe = collisionCount; probe < collisionCount + 100; probe++) {
    const hash = computeHash(data, probe);
    const name = `${revisionNamePrefix(owner.metadata.name!)}-${hash}`;
    const existing = client.get("apps/v1", "ControllerRevision", owner.metadata.namespace, name);
    if (existing) {
      if (deepEqual(existing.data, data)) return { revision: existing, collisionCount: probe };
      continue;
    }
    return { revision: client.create(build(name, hash)), collisionCount: probe };
  }
  throw new ApiError(409, "AlreadyExists", `could not find a free name for a ControllerRevision of ${owner.metadata.name}`);
}

/** history.ControllerRevisionName: the owner name, cut to 223 characters. */
function revisionNamePrefix(ownerName: string): string {
  return ownerName.length > 223 ? ownerName.slice(0, 223) : ownerName;
}

/** A new ControllerRevision object (history.NewControllerRevision). */
export function newRevisionObject(owner: KubeObject, name: string, labels: Record<string, string>, annotations: Record<string, string> | undefined, data: unknown, revision: number): KubeObject {
  const cr: KubeObject = {
    apiVersion: "apps/v1",
    kind: "ControllerRevision",
    metadata: { name, namespace: owner.metadata.namespace, labels, ownerReferences: [newControllerRef(owner)] },
    data: clone(data),
    revision,
  };
  if (annotations && Object.keys(annotations).length) cr.metadata.annotations = { ...annotations };
  return cr;
}
