// Engine fixes found by driving the living cluster with real kubectl (test/conformance/living.test.ts).
import { describe, expect, test } from "vitest";
import { testCluster } from "../../support/cluster";
import { KUBERNETES_ADMIN } from "../../../src/engine/cluster/users";
import type { WatchEvent } from "../../../src/engine/apiserver/request";
import { advance } from "../kubelet/support";

const TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

describe("kubectl get -w: a Table row's AGE is computed when the change happens, not when the watch began", () => {
  test("a pod that starts running seconds after the watch began prints its age at that moment on its Running row", () => {
    const c = testCluster();
    const r = c.cluster.handle({ method: "GET", path: "/api/v1/namespaces/default/pods", query: new URLSearchParams("watch=true"), headers: { accept: TABLE }, body: undefined, user: KUBERNETES_ADMIN, nowMs: c.nowMs });
    if (!("watch" in r)) throw new Error("expected a watch");
    const rows: Array<[string, string]> = [];
    r.watch.subscribe(
      (e: WatchEvent) => {
        const cells = (e.object as { rows: Array<{ cells: string[] }> }).rows[0].cells;
        rows.push([cells[2], cells[4]]);
      },
      () => {},
    );
    expect(c.request("POST", "/api/v1/namespaces/default/pods", { metadata: { name: "p" }, spec: { containers: [{ name: "c", image: "nginx" }] } }).status).toBe(201);
    for (let i = 0; i < 40 && !rows.some(([status]) => status === "Running"); i++) c.tick(250);
    const running = rows.find(([status]) => status === "Running");
    expect(running, JSON.stringify(rows)).toBeDefined();
    expect(rows[0]).toEqual(["Pending", "0s"]);
    const startedAt = Date.parse(c.get("/api/v1/namespaces/default/pods/p").status.containerStatuses[0].state.running.startedAt);
    const created = Date.parse(c.get("/api/v1/namespaces/default/pods/p").metadata.creationTimestamp);
    expect(startedAt - created).toBeGreaterThanOrEqual(1000);
    expect(running![1]).toBe(`${Math.floor((c.nowMs - created) / 1000)}s`);
    expect(running![1]).not.toBe("0s");
  });
});

describe("kubectl top: metrics-server has metrics only for running containers", () => {
  const memoryDemo2 = {
    containers: [
      {
        name: "memory-demo-2-ctr",
        image: "polinux/stress",
        resources: { requests: { memory: "50Mi" }, limits: { memory: "100Mi" } },
        command: ["stress"],
        args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"],
      },
    ],
  };
  const crash = { containers: [{ name: "crash", image: "busybox", args: ["/bin/sh", "-c", "exit 1"] }] };
  const running = { containers: [{ name: "web", image: "nginx:1.27", resources: { limits: { memory: "16Mi" } } }] };

  function setUp() {
    const c = testCluster();
    for (const [name, spec] of [["memory-demo-2", memoryDemo2], ["crash", crash], ["web", running]] as const) {
      expect(c.request("POST", "/api/v1/namespaces/default/pods", { metadata: { name }, spec: { nodeName: "node01", ...spec } }).status).toBe(201);
    }
    // metrics-server has a running container's metrics after two scrapes, 15 s apart.
    advance(c, 30_000);
    // Then until both failing pods are in CrashLoopBackOff (their containers are not running then).
    for (let i = 0; i < 240; i++) {
      advance(c, 500);
      const waiting = ["memory-demo-2", "crash"].every((n) => c.get(`/api/v1/namespaces/default/pods/${n}`).status.containerStatuses?.[0]?.state?.waiting?.reason === "CrashLoopBackOff");
      if (waiting) break;
    }
    return c;
  }

  test("an OOM-killed or crash-looping pod is left out of the list; a running one is listed", () => {
    const c = setUp();
    expect(c.get("/api/v1/namespaces/default/pods/crash").status.containerStatuses[0].state.waiting.reason).toBe("CrashLoopBackOff");
    expect(c.get("/api/v1/namespaces/default/pods/memory-demo-2").status.containerStatuses[0].state.waiting.reason).toBe("CrashLoopBackOff");
    const list = c.get("/apis/metrics.k8s.io/v1beta1/namespaces/default/pods");
    expect(list.items.map((m: { metadata: { name: string } }) => m.metadata.name)).toEqual(["web"]);
  });

  test("a running container's memory working set never exceeds its limit", () => {
    const c = testCluster();
    c.request("POST", "/api/v1/namespaces/default/pods", { metadata: { name: "p" }, spec: { nodeName: "node01", ...running } });
    for (let i = 0; i < 40 && !c.get("/api/v1/namespaces/default/pods/p").status.containerStatuses?.[0]?.state?.running; i++) advance(c, 250);
    advance(c, 30_000);
    // Usage above the 16Mi limit, read before the kubelet's next sync OOM-kills the container.
    c.request("PATCH", "/api/v1/namespaces/default/pods/p", { metadata: { annotations: { "kubeplay.dev/memory-usage": "300Mi" } } }, { "content-type": "application/merge-patch+json" });
    expect(c.get("/api/v1/namespaces/default/pods/p").status.containerStatuses[0].state.running).toBeDefined();
    expect(c.get("/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/p").containers[0].usage.memory).toBe("16Mi");
  });

  test("a pod has metrics once two scrapes 15 s apart saw it running: not 5 s after it started, but 30 s after", () => {
    const c = testCluster();
    c.request("POST", "/api/v1/namespaces/default/pods", { metadata: { name: "p" }, spec: { nodeName: "node01", ...running } });
    for (let i = 0; i < 40 && !c.get("/api/v1/namespaces/default/pods/p").status.containerStatuses?.[0]?.state?.running; i++) advance(c, 250);
    advance(c, 5_000);
    expect(c.request("GET", "/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/p").body.message).toBe('podmetrics.metrics.k8s.io "default/p" not found');
    expect(c.get("/apis/metrics.k8s.io/v1beta1/namespaces/default/pods").items).toEqual([]);
    advance(c, 25_000);
    expect(c.get("/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/p").containers.map((m: { name: string }) => m.name)).toEqual(["web"]);
  });

  test.each([
    ["pods/crash (the pod exists, without metrics)", "/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/crash", 'podmetrics.metrics.k8s.io "default/crash" not found'],
    ["pods/missing (no such pod)", "/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/missing", 'pods "missing" not found'],
    ["nodes/missing (no such node)", "/apis/metrics.k8s.io/v1beta1/nodes/missing", 'node "missing" not found'],
  ])("get %s: 404 with metrics-server's message", (_what, path, message) => {
    const c = setUp();
    const r = c.request("GET", path);
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ kind: "Status", reason: "NotFound", code: 404, message });
  });
});
