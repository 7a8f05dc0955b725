// ControllerRefManager.ClaimObject (pkg/controller/controller_ref_manager.go): a controller keeps the
// objects it owns that still match its selector, releases those it owns that stopped matching, and
// adopts orphans that match (unless it or they are being deleted).
import type { KubeObject } from "../kinds/types";
import type { ControllerClient } from "./client";
import { cloneForWrite, controllerRefOf, newControllerRef } from "./controller-utils";
import { ApiError } from "../machinery/status";

export interface ClaimResult {
  /** The objects the controller owns after claiming (adopted ones as written). */
  claimed: KubeObject[];
  /** Whether anything was adopted or released. */
  changed: boolean;
}

/**
 * Claims `candidates` (objects owned by `owner` plus orphans in its namespace) for `owner`.
 * `onWrite` sees every adopted or released object as stored, so callers can keep indexes current.
 */
export function claimObjects(
  client: ControllerClient,
  owner: KubeObject,
  candidates: readonly KubeObject[],
  match: (o: KubeObject) => boolean,
  onWrite?: (before: KubeObject, after: KubeObject) => void,
): ClaimResult {
  const claimed: KubeObject[] = [];
  let changed = false;
  const ownerDeleting = !!owner.metadata.deletionTimestamp;
  for (const obj of candidates) {
    const ref = controllerRefOf(obj);
    if (ref) {
      if (ref.uid !== owner.metadata.uid) continue;
      if (match(obj)) {
        claimed.push(obj);
        continue;
      }
      if (ownerDeleting) continue;
      const released = cloneForWrite(obj);
      released.metadata.ownerReferences = released.metadata.ownerReferences!.filter((r) => r.uid !== owner.metadata.uid);
      if (!released.metadata.ownerReferences.length) delete released.metadata.ownerReferences;
      const after = tryUpdate(client, released);
      if (after) {
        onWrite?.(obj, after);
        changed = true;
      }
      continue;
    }
    if (ownerDeleting || !match(obj) || obj.metadata.deletionTimestamp) continue;
    if (owner.metadata.namespace && owner.metadata.namespace !== obj.metadata.namespace) continue;
    const adopted = cloneForWrite(obj);
    adopted.metadata.ownerReferences = [...(adopted.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid), newControllerRef(owner)];
    const after = tryUpdate(client, adopted);
    if (after) {
      onWrite?.(obj, after);
      claimed.push(after);
      changed = true;
    }
  }
  return { claimed, changed };
}

function tryUpdate(client: ControllerClient, obj: KubeObject): KubeObject | undefined {
  try {
    return client.update(obj);
  } catch (e) {
    if (e instanceof ApiError) return undefined;
    throw e;
  }
}
