// Writing the objects of a fresh cluster straight into the store, with the kind's server-side
// defaults and the system metadata a real API server would have set when the cluster was installed.
import type { Cluster } from "../cluster";
import type { KubeObject } from "../../kinds/types";
import { storageResource } from "../../kinds/registry";
import { rfc3339 } from "../../machinery/time";
import { uuid, randomSuffix, hex } from "../../machinery/rng";

export interface SeedContext {
  cluster: Cluster;
  /** When `kubeadm init` ran: system objects are this old when the learner arrives. */
  installedAtMs: number;
  nowMs: number;
}

/** Creates an object as the installer would have, `offsetS` seconds after installation began. */
export function seed(ctx: SeedContext, obj: KubeObject, offsetS = 0): KubeObject {
  const [group, version] = obj.apiVersion.includes("/") ? obj.apiVersion.split("/") : ["", obj.apiVersion];
  const def = ctx.cluster.kinds.byKind(group, version, obj.kind);
  if (!def) throw new Error(`bootstrap: no kind ${obj.apiVersion} ${obj.kind}`);
  def.applyDefaults?.(obj, { nowMs: ctx.nowMs });
  const m = obj.metadata;
  m.uid = uuid(ctx.cluster.rng);
  m.creationTimestamp = rfc3339(ctx.installedAtMs + offsetS * 1000);
  if (def.tracksGeneration && m.generation === undefined) m.generation = 1;
  return ctx.cluster.store.create(storageResource(def), obj);
}

export const suffix = (ctx: SeedContext, n = 5) => randomSuffix(ctx.cluster.rng, n);
export const hexId = (ctx: SeedContext, bytes: number) => hex(ctx.cluster.rng, bytes);
export const at = (ctx: SeedContext, offsetS: number) => rfc3339(ctx.installedAtMs + offsetS * 1000);

export function ownerRef(owner: KubeObject, controller = true): NonNullable<KubeObject["metadata"]["ownerReferences"]>[number] {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name!, uid: owner.metadata.uid!, controller, blockOwnerDeletion: true };
}
