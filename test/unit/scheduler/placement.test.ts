// Where pods land when several nodes fit: replicas spread across workers (the system default
// topology spreading and least-allocated scoring), preferences (node affinity, pod anti-affinity,
// PreferNoSchedule taints), cordons and tolerations, determinism per seed, and a thousand pods.
import { describe, expect, test } from "vitest";
import { create, createPod, labelNode, nodeOf, patch, pod, sandbox, schedulerPass } from "./helpers";
import { testCluster, type TestClient } from "../../support/cluster";

function replicaSet(name: string, replicas: number, spec: Record<string, unknown> = {}) {
  return {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: { name },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "app", image: "nginx:1.27" }], ...spec } } },
  };
}

/** Pods per node for the pods of the default namespace whose name starts with `prefix`. */
function perNode(c: TestClient, prefix: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of c.get("/api/v1/namespaces/default/pods").items) {
    if (!p.metadata.name.startsWith(prefix)) continue;
    const n = p.spec.nodeName ?? "<none>";
    out[n] = (out[n] ?? 0) + 1;
  }
  return out;
}

describe("spreading", () => {
  test.each([2, 4, 6, 7])("a ReplicaSet of %i spreads evenly over the two workers", (replicas) => {
    const c = sandbox();
    create(c, "/apis/apps/v1/namespaces/default/replicasets", replicaSet("web", replicas));
    c.tick();
    const counts = perNode(c, "web-");
    expect(Object.keys(counts).sort()).toEqual(["node01", "node02"]);
    expect(Math.abs(counts.node01 - counts.node02)).toBeLessThanOrEqual(1);
  });

  test("replicas with requests also spread, by least allocated", () => {
    const c = sandbox(3);
    for (let i = 1; i <= 6; i++) createPod(c, `job-${i}`, { requests: { cpu: "300m", memory: "256Mi" } });
    c.tick();
    expect(perNode(c, "job-")).toEqual({ node01: 2, node02: 2, node03: 2 });
  });

  test("the same seed places the same pods on the same nodes", () => {
    const place = (seed: string) => {
      const c = testCluster({ seed, nodes: 3 });
      for (let i = 1; i <= 5; i++) createPod(c, `p-${i}`);
      c.tick();
      return [1, 2, 3, 4, 5].map((i) => nodeOf(c, `p-${i}`));
    };
    expect(place("seed-a")).toEqual(place("seed-a"));
  });
});

describe("constraints and preferences", () => {
  test("a cordoned worker receives no new replicas", () => {
    const c = sandbox();
    patch(c, "/api/v1/nodes/node01", { spec: { unschedulable: true } });
    create(c, "/apis/apps/v1/namespaces/default/replicasets", replicaSet("web", 4));
    c.tick();
    expect(perNode(c, "web-")).toEqual({ node02: 4 });
  });

  test("a nodeSelector keeps every replica on the labelled worker", () => {
    const c = sandbox();
    labelNode(c, "node02", { disktype: "ssd" });
    create(c, "/apis/apps/v1/namespaces/default/replicasets", replicaSet("db", 3, { nodeSelector: { disktype: "ssd" } }));
    c.tick();
    expect(perNode(c, "db-")).toEqual({ node02: 3 });
  });

  test("tolerating the control-plane taint and selecting it runs a pod there", () => {
    const c = sandbox();
    createPod(c, "admin", {
      spec: {
        nodeSelector: { "node-role.kubernetes.io/control-plane": "" },
        tolerations: [{ key: "node-role.kubernetes.io/control-plane", operator: "Exists", effect: "NoSchedule" }],
      },
    });
    c.tick();
    expect(nodeOf(c, "admin")).toBe("controlplane");
  });

  test("preferred node affinity draws pods to the preferred worker", () => {
    const c = sandbox();
    labelNode(c, "node02", { fast: "yes" });
    const spec = { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, preference: { matchExpressions: [{ key: "fast", operator: "In", values: ["yes"] }] } }] } } };
    for (let i = 1; i <= 3; i++) createPod(c, `p-${i}`, { spec });
    c.tick();
    expect(perNode(c, "p-")).toEqual({ node02: 3 });
  });

  test("a PreferNoSchedule taint steers pods away while another node fits", () => {
    const c = sandbox();
    patch(c, "/api/v1/nodes/node01", { spec: { taints: [{ key: "spot", value: "true", effect: "PreferNoSchedule" }] } });
    for (let i = 1; i <= 3; i++) createPod(c, `p-${i}`);
    c.tick();
    expect(perNode(c, "p-")).toEqual({ node02: 3 });
  });

  test("preferred pod anti-affinity puts replicas on different workers", () => {
    const c = sandbox();
    const spec = {
      affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { labelSelector: { matchLabels: { app: "cache" } }, topologyKey: "kubernetes.io/hostname" } }] } },
    };
    createPod(c, "cache-1", { labels: { app: "cache" }, spec: { ...spec, nodeSelector: { "kubernetes.io/hostname": "node01" } } });
    c.tick();
    createPod(c, "cache-2", { labels: { app: "cache" }, spec });
    c.tick();
    expect(nodeOf(c, "cache-2")).toBe("node02");
  });

  test("preferred pod affinity puts a pod next to its partner", () => {
    const c = sandbox();
    createPod(c, "db", { labels: { app: "db" }, spec: { nodeSelector: { "kubernetes.io/hostname": "node02" } } });
    c.tick();
    const spec = { affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { labelSelector: { matchLabels: { app: "db" } }, topologyKey: "kubernetes.io/hostname" } }] } } };
    for (let i = 1; i <= 2; i++) createPod(c, `app-${i}`, { spec });
    c.tick();
    expect(perNode(c, "app-")).toEqual({ node02: 2 });
  });
});

describe("scale", () => {
  test("1,000 pending pods over 50 nodes are all bound in one pass, evenly", () => {
    const c = sandbox(2);
    const template = c.get("/api/v1/nodes/node01");
    for (let i = 3; i <= 50; i++) {
      const name = `node${String(i).padStart(2, "0")}`;
      create(c, "/api/v1/nodes", { ...template, metadata: { name, labels: { ...template.metadata.labels, "kubernetes.io/hostname": name } }, spec: {} });
    }
    create(c, "/api/v1/namespaces/default/services", { apiVersion: "v1", kind: "Service", metadata: { name: "web" }, spec: { selector: { app: "web" }, ports: [{ port: 80 }] } });
    for (let i = 0; i < 1000; i++) create(c, "/api/v1/namespaces/default/pods", pod(`web-${i}`, { labels: { app: "web" }, requests: { cpu: "10m", memory: "16Mi" } }));
    const r = schedulerPass(c);
    expect(r.changed).toBe(true);
    const counts = perNode(c, "web-");
    expect(counts["<none>"]).toBeUndefined();
    expect(Object.keys(counts)).toHaveLength(50);
    for (const n of Object.values(counts)) expect(n).toBeGreaterThanOrEqual(19);
    for (const n of Object.values(counts)) expect(n).toBeLessThanOrEqual(21);
  }, 60_000);
});
