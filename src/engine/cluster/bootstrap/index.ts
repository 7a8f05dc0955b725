// A new sandbox looks like a kubeadm 1.32 cluster installed a few minutes before the learner arrives.
import type { Cluster } from "../cluster";
import { planNodes } from "./topology";
import { seedNode, seedNodeLease } from "./nodes";
import { seedStaticPods } from "./control-plane";
import { seedCoreDns, seedKubeProxy, seedServices } from "./addons";
import { seedClusterObjects, seedNamespaces } from "./cluster-objects";
import { seedRbac } from "./rbac";
import type { SeedContext } from "./seed";

/** How long before the learner arrives the cluster was installed (shows as AGE). */
export const INSTALLED_AGO_MS = 7 * 60 * 1000 + 23 * 1000;

export interface BootstrapOptions {
  nowMs: number;
  /** Worker nodes (besides the control-plane node). */
  nodes: number;
}

export function bootstrapCluster(cluster: Cluster, opts: BootstrapOptions): void {
  const ctx: SeedContext = { cluster, installedAtMs: opts.nowMs - INSTALLED_AGO_MS, nowMs: opts.nowMs };
  const plans = planNodes(opts.nodes);
  const [cp] = plans;
  seedNamespaces(ctx, 0);
  const nodes = plans.map((p, i) => seedNode(ctx, p, p.controlPlane ? 1 : 40 + 15 * i));
  nodes.forEach((n, i) => seedNodeLease(ctx, n, plans[i].controlPlane ? 1 : 40 + 15 * i));
  seedRbac(ctx, 2);
  seedClusterObjects(ctx, cp, 4);
  seedStaticPods(ctx, cp, nodes[0], 6);
  const [, , ...corednsPods] = seedCoreDns(ctx, cp, 12);
  seedKubeProxy(ctx, plans, 12);
  seedServices(ctx, cp, corednsPods, 10);
}
