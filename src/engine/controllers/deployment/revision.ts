// Revisions (deployment_util.go SetNewReplicaSetAnnotations and friends). Every template a Deployment
// ever had is a ReplicaSet; the one matching the current template is the "new" one and carries the
// highest revision. `kubectl rollout undo` sends the old ReplicaSet's template back into the
// Deployment, so the controller finds that ReplicaSet again, gives it the next revision, and records
// the revisions it held before in deployment.kubernetes.io/revision-history.
import type { KubeObject } from "../../kinds/types";
import {
  ANNOTATIONS_TO_SKIP,
  MAX_REV_HISTORY_LENGTH_IN_CHARS,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  maxSurge,
  replicasOf,
  setReplicasAnnotations,
} from "./util";

/** copyDeploymentAnnotationsToReplicaSet: adds or overwrites, never removes; skips the controller's own. */
export function copyDeploymentAnnotationsToReplicaSet(d: KubeObject, rs: KubeObject): boolean {
  const target = (rs.metadata.annotations ??= {});
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (ANNOTATIONS_TO_SKIP.has(k) || target[k] === v) continue;
    target[k] = v;
    changed = true;
  }
  return changed;
}

function parseRevision(s: string | undefined): number | undefined {
  if (s === undefined || s === "") return 0;
  return /^[+-]?\d+$/.test(s) ? Number(s) : undefined;
}

/** SetNewReplicaSetAnnotations: true when the ReplicaSet's annotations changed. */
export function setNewReplicaSetAnnotations(d: KubeObject, rs: KubeObject, newRevision: string, exists: boolean): boolean {
  let changed = copyDeploymentAnnotationsToReplicaSet(d, rs);
  const a = (rs.metadata.annotations ??= {});
  const hadRevision = REVISION_ANNOTATION in a;
  const oldRevision = a[REVISION_ANNOTATION];
  const oldInt = parseRevision(oldRevision);
  const newInt = parseRevision(newRevision);
  if (oldInt === undefined || newInt === undefined) return false;
  if (oldInt < newInt) {
    a[REVISION_ANNOTATION] = newRevision;
    changed = true;
  }
  // A ReplicaSet that had a revision and gets a newer one is being rolled back to: remember its old revisions.
  if (hadRevision && oldInt < newInt) {
    const history = a[REVISION_HISTORY_ANNOTATION] ?? "";
    let old = history.split(",");
    if (old[0].length === 0) a[REVISION_HISTORY_ANNOTATION] = oldRevision;
    else {
      let total = history.length + oldRevision.length + 1;
      let start = 0;
      while (total > MAX_REV_HISTORY_LENGTH_IN_CHARS && start < old.length) {
        total -= old[start].length + 1;
        start++;
      }
      if (total <= MAX_REV_HISTORY_LENGTH_IN_CHARS) {
        old = [...old.slice(start), oldRevision];
        a[REVISION_HISTORY_ANNOTATION] = old.join(",");
      }
    }
  }
  if (!exists && setReplicasAnnotations(rs, replicasOf(d), replicasOf(d) + maxSurge(d))) changed = true;
  return changed;
}

/** SetDeploymentRevision: true when the Deployment's revision annotation changed. */
export function setDeploymentRevision(d: KubeObject, revision: string): boolean {
  const a = (d.metadata.annotations ??= {});
  if (a[REVISION_ANNOTATION] === revision) return false;
  a[REVISION_ANNOTATION] = revision;
  return true;
}
