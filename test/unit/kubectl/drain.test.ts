// kubectl cordon / uncordon / drain. Expected messages were taken from kubectl 1.32 on the dev server
// (node02 with an unmanaged pod, ReplicaSet pods and kube-proxy); the concurrent evictions' order is
// random there, here it is the pods' list order.
import { describe, expect, it } from "vitest";
import { kubectlTester } from "../../support/kubectl-env";

function setup() {
  const t = kubectlTester({ nodes: 1 });
  const c = (path: string, body: object) => {
    const r = t.client.request("POST", path, body);
    if (r.status >= 300) throw new Error(JSON.stringify(r.body));
  };
  // Everything lands on the one worker (node01): the control plane is tainted.
  c("/api/v1/namespaces/default/pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "solo" }, spec: { containers: [{ name: "c", image: "busybox", command: ["sleep", "3600"] }] } });
  c("/apis/apps/v1/namespaces/default/deployments", {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web" },
    spec: { replicas: 2, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { terminationGracePeriodSeconds: 0, containers: [{ name: "c", image: "busybox", command: ["sleep", "3600"] }] } } },
  });
  for (let i = 0; i < 20; i++) t.client.tick(1000);
  return { t, c };
}

describe("kubectl cordon and uncordon", () => {
  it("marks nodes and says when nothing changes", async () => {
    const { t } = setup();
    expect(await t.kubectl("cordon node01")).toEqual({ stdout: "node/node01 cordoned\n", stderr: "", exitCode: 0 });
    expect((await t.kubectl("cordon node01")).stdout).toBe("node/node01 already cordoned\n");
    expect(t.client.get("/api/v1/nodes/node01").spec.unschedulable).toBe(true);
    expect((await t.kubectl("uncordon node01")).stdout).toBe("node/node01 uncordoned\n");
    expect((await t.kubectl("uncordon node01")).stdout).toBe("node/node01 already uncordoned\n");
    expect(t.client.get("/api/v1/nodes/node01").spec.unschedulable).toBeUndefined();
    expect((await t.kubectl("cordon -l kubernetes.io/os=linux --dry-run=client")).stdout).toBe("node/controlplane cordoned (dry run)\nnode/node01 cordoned (dry run)\n");
    expect(t.client.get("/api/v1/nodes/node01").spec.unschedulable).toBeUndefined();
  });

  it("reports usage and missing nodes like kubectl", async () => {
    const { t } = setup();
    expect(await t.kubectl("cordon")).toEqual({ stdout: "", stderr: "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n", exitCode: 1 });
    expect((await t.kubectl("cordon nope")).stderr).toBe('Error from server (NotFound): nodes "nope" not found\n');
  });
});

describe("kubectl drain", () => {
  it("cordons, then refuses unmanaged and DaemonSet pods without the flags that allow them", async () => {
    const { t } = setup();
    const r = await t.kubectl("drain node01");
    expect(r.stdout).toBe("node/node01 cordoned\n");
    const proxy = t.client.get("/api/v1/namespaces/kube-system/pods").items.find((p: any) => p.spec.nodeName === "node01" && p.metadata.name.startsWith("kube-proxy")).metadata.name;
    const errs = `cannot delete Pods that declare no controller (use --force to override): default/solo, cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/${proxy}`;
    expect(r.stderr).toBe(
      `error: unable to drain node "node01" due to error: [cannot delete ${errs}], continuing command...\nThere are pending nodes to be drained:\n node01\ncannot delete cannot delete Pods that declare no controller (use --force to override): default/solo\ncannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/${proxy}\n`,
    );
    expect(r.exitCode).toBe(1);
  });

  it("evicts what it may, waits for the pods to go and says the node is drained", async () => {
    const { t } = setup();
    const r = await t.kubectl("drain node01 --ignore-daemonsets --force --grace-period=0");
    const lines = r.stdout.split("\n").filter(Boolean);
    expect(lines[0]).toBe("node/node01 cordoned");
    expect(lines.filter((l) => l.startsWith("evicting pod "))).toHaveLength(3);
    expect(lines).toContain("evicting pod default/solo");
    expect(lines).toContain("pod/solo evicted");
    expect(lines.filter((l) => /^pod\/web-[a-z0-9]+-[a-z0-9]{5} evicted$/.test(l))).toHaveLength(2);
    expect(lines[lines.length - 1]).toBe("node/node01 drained");
    expect(r.stderr).toMatch(/^Warning: deleting Pods that declare no controller: default\/solo; ignoring DaemonSet-managed Pods: kube-system\/kube-proxy-[a-z0-9]{5}\n$/);
    expect(r.exitCode).toBe(0);
  });

  it("retries evictions a PodDisruptionBudget refuses until --timeout", async () => {
    const { t, c } = setup();
    c("/apis/policy/v1/namespaces/default/poddisruptionbudgets", { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name: "web" }, spec: { minAvailable: 2, selector: { matchLabels: { app: "web" } } } });
    t.client.tick(1000);
    const r = await t.kubectl("drain node01 --ignore-daemonsets --force --pod-selector=app=web --timeout=12s");
    expect(r.stderr).toMatch(/error when evicting pods\/"web-[a-z0-9-]+" -n "default" \(will retry after 5s\): Cannot evict pod as it would violate the pod's disruption budget\.\n/);
    expect(r.stderr).toContain('global timeout reached: 12s');
    expect(r.stderr).toContain("There are pending nodes to be drained:\n node01\n");
    expect(r.exitCode).toBe(1);
  });

  it("lists what it would evict with --dry-run=client and changes nothing", async () => {
    const { t } = setup();
    const r = await t.kubectl("drain node01 --ignore-daemonsets --force --dry-run=client");
    expect(r.stdout.split("\n")[0]).toBe("node/node01 cordoned (dry run)");
    expect(r.stdout).toContain("evicting pod default/solo (dry run)\n");
    expect(r.stdout.endsWith("node/node01 drained (dry run)\n")).toBe(true);
    expect(t.client.get("/api/v1/nodes/node01").spec.unschedulable).toBeUndefined();
  });
});
