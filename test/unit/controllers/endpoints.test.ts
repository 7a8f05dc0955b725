// The Endpoints, EndpointSlice and EndpointSlice mirroring controllers: which pods back a Service,
// how ports resolve and are ordered, readiness and termination, headless and selector-less
// Services, clean-up with the Service, and a fresh sandbox left as the bootstrap made it.
import { describe, expect, it } from "vitest";
import {
  create,
  epPath,
  pod,
  podPath,
  put,
  run,
  sandbox,
  service,
  slicePath,
  slicesOf,
  svcPath,
  type Sandbox,
} from "./services-storage-support";
import { K8S_RAND_ALPHABET } from "../../../src/engine/machinery/rng";
import { rfc3339 } from "../../../src/engine/machinery/time";
import { EPOCH_MS } from "../../support/cluster";
import { md5Hex, sortCorePorts, sortDiscoveryPorts } from "../../../src/engine/controllers/endpoint-hash";

const SUFFIX = `[${K8S_RAND_ALPHABET}]{5}`;
const WEB_PORT = [{ name: "web", containerPort: 8080 }];

/** A Service "web" selecting app=web, port 80 → the pods' named port "web", and two pods on it. */
function webWithPods(c: Sandbox, opts: { secondReady?: boolean; spec?: Record<string, unknown>; labels?: Record<string, string> } = {}) {
  const svc = create(c, svcPath(), service("web", { selector: { app: "web" }, ports: [{ name: "http", port: 80, targetPort: "web" }], ...(opts.spec ?? {}) }, opts.labels));
  const a = create(c, podPath(), pod("web-a", { node: "node01", ports: WEB_PORT }));
  const b = create(c, podPath(), pod("web-b", { node: "node02", ports: WEB_PORT }));
  run(c, "web-a", "10.244.1.7");
  run(c, "web-b", "10.244.2.3", { ready: opts.secondReady ?? true });
  c.step();
  return { svc, a, b };
}

describe("a fresh sandbox", () => {
  it("is left as the bootstrap made it: kube-dns and kubernetes endpoints need no write", () => {
    const c = sandbox();
    const before = c.cluster.store.resourceVersion;
    const dnsSlices = slicesOf(c, "kube-dns", "kube-system");
    c.step();
    expect(c.cluster.store.resourceVersion).toBe(before);
    expect(slicesOf(c, "kube-dns", "kube-system")).toEqual(dnsSlices);
    expect(c.get(epPath("kubernetes")).metadata.labels).toEqual({ "endpointslice.kubernetes.io/skip-mirror": "true" });
  });

  it("has kube-dns's ports in the order a real 1.32 cluster shows them", () => {
    const c = sandbox();
    expect(c.get(epPath("kube-dns", "kube-system")).subsets[0].ports.map((p: any) => p.name)).toEqual(["dns-tcp", "dns", "metrics"]);
    // `kubectl get endpointslices -n kube-system` on kubeadm and kind clusters: PORTS 9153,53,53.
    expect(slicesOf(c, "kube-dns", "kube-system")[0].ports.map((p: any) => p.name)).toEqual(["metrics", "dns", "dns-tcp"]);
  });
});

describe("port ordering (sorted by the MD5 of the Go value, as the controllers do)", () => {
  it("hashes like crypto/md5", () => {
    expect(md5Hex("")).toBe("d41d8cd98f00b204e9800998ecf8427e");
    expect(md5Hex("The quick brown fox jumps over the lazy dog")).toBe("9e107d9d372bb6826bd81d3542a419d6");
    // RFC 1321's test suite: a message longer than one 64-byte block.
    expect(md5Hex("1234567890".repeat(8))).toBe("57edf4a22be3c955ac49da2e2107b67a");
    expect(md5Hex("héllo")).toBe("be50e8478cf24ff3595bc7307fb91b50");
  });

  it.each([
    ["Endpoints (core/v1 EndpointPort)", sortCorePorts, ["dns-tcp", "dns", "metrics"]],
    ["EndpointSlice (discovery/v1 EndpointPort)", sortDiscoveryPorts, ["metrics", "dns", "dns-tcp"]],
  ])("orders kube-dns's ports for %s", (_what, sort, want) => {
    const ports = [
      { name: "dns", port: 53, protocol: "UDP" },
      { name: "dns-tcp", port: 53, protocol: "TCP" },
      { name: "metrics", port: 9153, protocol: "TCP" },
    ];
    expect(sort(ports).map((p) => p.name)).toEqual(want);
  });

  it("gives a Service's Endpoints and slices the same orders", () => {
    const c = sandbox();
    create(
      c,
      svcPath(),
      service("dns", {
        selector: { app: "dns" },
        ports: [
          { name: "dns", port: 53, protocol: "UDP", targetPort: 53 },
          { name: "dns-tcp", port: 53, protocol: "TCP", targetPort: 53 },
          { name: "metrics", port: 9153, protocol: "TCP", targetPort: 9153 },
        ],
      }),
    );
    create(c, podPath(), pod("dns-1", { labels: { app: "dns" }, node: "node01" }));
    run(c, "dns-1", "10.244.1.2");
    c.step();
    expect(c.get(epPath("dns")).subsets[0].ports.map((p: any) => `${p.name}:${p.port}`)).toEqual(["dns-tcp:53", "dns:53", "metrics:9153"]);
    expect(slicesOf(c, "dns")[0].ports.map((p: any) => `${p.name}:${p.port}`)).toEqual(["metrics:9153", "dns:53", "dns-tcp:53"]);
  });
});

describe("Endpoints controller", () => {
  it("lists ready pods under addresses and the others under notReadyAddresses, with the resolved named port", () => {
    const c = sandbox();
    const { a, b } = webWithPods(c, { secondReady: false });
    const ep = c.get(epPath("web"));
    expect(ep.subsets).toEqual([
      {
        addresses: [{ ip: "10.244.1.7", nodeName: "node01", targetRef: { kind: "Pod", namespace: "default", name: "web-a", uid: a.metadata.uid } }],
        notReadyAddresses: [{ ip: "10.244.2.3", nodeName: "node02", targetRef: { kind: "Pod", namespace: "default", name: "web-b", uid: b.metadata.uid } }],
        ports: [{ name: "http", port: 8080, protocol: "TCP" }],
      },
    ]);
  });

  it("stamps the Service's labels and the last-change-trigger-time: the Service's creation, then the pod change", () => {
    const c = sandbox();
    webWithPods(c, { secondReady: false, labels: { app: "web", tier: "front" } });
    const ep = c.get(epPath("web"));
    expect(ep.metadata.labels).toEqual({ app: "web", tier: "front" });
    expect(ep.metadata.annotations).toEqual({ "endpoints.kubernetes.io/last-change-trigger-time": rfc3339(EPOCH_MS) });
    c.nowMs += 5000;
    run(c, "web-b", "10.244.2.3", { ready: true });
    c.step();
    const after = c.get(epPath("web"));
    expect(after.subsets[0].addresses.map((x: any) => x.ip)).toEqual(["10.244.1.7", "10.244.2.3"]);
    expect(after.subsets[0].notReadyAddresses).toBeUndefined();
    expect(after.metadata.annotations["endpoints.kubernetes.io/last-change-trigger-time"]).toBe(rfc3339(EPOCH_MS + 5000));
  });

  it("sorts addresses by IP", () => {
    const c = sandbox();
    create(c, svcPath(), service("web", { selector: { app: "web" }, ports: [{ port: 80 }] }));
    for (const [name, ip] of [["p1", "10.244.2.9"], ["p2", "10.244.1.10"], ["p3", "10.244.1.2"]]) {
      create(c, podPath(), pod(name, { node: "node01" }));
      run(c, name, ip);
    }
    c.step();
    expect(c.get(epPath("web")).subsets[0].addresses.map((x: any) => x.ip)).toEqual(["10.244.1.10", "10.244.1.2", "10.244.2.9"]);
  });

  it("leaves out pods without an IP, finished pods, terminating pods and pods lacking the named port", () => {
    const c = sandbox();
    create(c, svcPath(), service("web", { selector: { app: "web" }, ports: [{ port: 80, targetPort: "web" }] }));
    create(c, podPath(), pod("pending", { ports: WEB_PORT }));
    create(c, podPath(), pod("done", { node: "node01", ports: WEB_PORT }));
    run(c, "done", "10.244.1.3");
    const done = c.get(podPath("done"));
    put(c, `${podPath("done")}/status`, { ...done, status: { ...done.status, phase: "Succeeded" } });
    create(c, podPath(), pod("unnamed", { node: "node01", ports: [{ name: "other", containerPort: 9000 }] }));
    run(c, "unnamed", "10.244.1.4");
    create(c, podPath(), pod("going", { node: "node01", ports: WEB_PORT, spec: { terminationGracePeriodSeconds: 30 } }));
    run(c, "going", "10.244.1.5");
    create(c, podPath(), pod("serving", { node: "node01", ports: WEB_PORT }));
    run(c, "serving", "10.244.1.6");
    expect(c.request("DELETE", podPath("going")).status).toBe(200);
    c.step();
    expect(c.get(epPath("web")).subsets).toEqual([{ addresses: [expect.objectContaining({ ip: "10.244.1.6" })], ports: [{ port: 8080, protocol: "TCP" }] }]);
  });

  it("publishes not-ready pods as ready with publishNotReadyAddresses", () => {
    const c = sandbox();
    webWithPods(c, { secondReady: false, spec: { publishNotReadyAddresses: true } });
    const ss = c.get(epPath("web")).subsets;
    expect(ss[0].addresses.map((x: any) => x.ip)).toEqual(["10.244.1.7", "10.244.2.3"]);
    expect(ss[0].notReadyAddresses).toBeUndefined();
  });

  it("gives a headless Service the headless label, and a port-less headless Service address-only subsets", () => {
    const c = sandbox();
    create(c, svcPath(), service("db", { clusterIP: "None", selector: { app: "db" } }));
    create(c, podPath(), pod("db-0", { labels: { app: "db" }, node: "node01", spec: { hostname: "db-0", subdomain: "db" } }));
    run(c, "db-0", "10.244.1.9");
    c.step();
    const ep = c.get(epPath("db"));
    expect(ep.metadata.labels).toEqual({ "service.kubernetes.io/headless": "" });
    expect(ep.subsets).toEqual([{ addresses: [expect.objectContaining({ ip: "10.244.1.9", hostname: "db-0" })] }]);
    const [slice] = slicesOf(c, "db");
    expect(slice.metadata.labels["service.kubernetes.io/headless"]).toBe("");
    expect(slice.endpoints[0]).toMatchObject({ addresses: ["10.244.1.9"], hostname: "db-0" });
    expect(slice.ports).toBeUndefined();
  });

  it("creates empty Endpoints for a Service nothing matches", () => {
    const c = sandbox();
    create(c, svcPath(), service("lonely", { selector: { app: "nothing" }, ports: [{ port: 80 }] }));
    c.step();
    const ep = c.get(epPath("lonely"));
    expect(ep.subsets).toBeUndefined();
    expect(ep.metadata.annotations["endpoints.kubernetes.io/last-change-trigger-time"]).toBe(rfc3339(EPOCH_MS));
  });

  it("follows a Service's selector and port changes", () => {
    const c = sandbox();
    const { svc } = webWithPods(c);
    put(c, svcPath("web"), { ...svc, spec: { ...svc.spec, selector: { app: "other" } } });
    c.step();
    expect(c.get(epPath("web")).subsets).toBeUndefined();
  });

  it("keeps a selector-less Service's user-written Endpoints", () => {
    const c = sandbox();
    create(c, svcPath(), service("external", { ports: [{ port: 5432 }] }));
    create(c, epPath(), { apiVersion: "v1", kind: "Endpoints", metadata: { name: "external" }, subsets: [{ addresses: [{ ip: "192.0.2.10" }], ports: [{ port: 5432 }] }] });
    c.step();
    expect(c.get(epPath("external")).subsets).toEqual([{ addresses: [{ ip: "192.0.2.10" }], ports: [{ port: 5432, protocol: "TCP" }] }]);
  });

  it("gives ExternalName Services no Endpoints", () => {
    const c = sandbox();
    create(c, svcPath(), service("ext", { type: "ExternalName", externalName: "example.com", selector: { app: "web" } }));
    c.step();
    expect(c.request("GET", epPath("ext")).status).toBe(404);
  });

  it("deletes the Endpoints and slices with the Service", () => {
    const c = sandbox();
    webWithPods(c);
    expect(slicesOf(c, "web")).toHaveLength(1);
    expect(c.request("DELETE", svcPath("web")).status).toBe(200);
    c.step();
    expect(c.request("GET", epPath("web")).status).toBe(404);
    expect(slicesOf(c, "web")).toEqual([]);
  });

  it("does not rewrite Endpoints when nothing about them changed", () => {
    const c = sandbox();
    webWithPods(c);
    const rv = c.get(epPath("web")).metadata.resourceVersion;
    const p = c.get(podPath("web-a"));
    put(c, podPath("web-a"), { ...p, metadata: { ...p.metadata, annotations: { touched: "yes" } } });
    c.step(1000);
    expect(c.get(epPath("web")).metadata.resourceVersion).toBe(rv);
  });
});

describe("EndpointSlice controller", () => {
  it("creates <service>-<5 random> owned by the Service with ready/serving/terminating conditions", () => {
    const c = sandbox();
    const { svc, a, b } = webWithPods(c, { secondReady: false });
    const slices = slicesOf(c, "web");
    expect(slices).toHaveLength(1);
    const [s] = slices;
    expect(s.metadata.name).toMatch(new RegExp(`^web-${SUFFIX}$`));
    expect(s.metadata.generateName).toBe("web-");
    expect(s.metadata.labels).toEqual({ "kubernetes.io/service-name": "web", "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io" });
    expect(s.metadata.ownerReferences).toEqual([{ apiVersion: "v1", kind: "Service", name: "web", uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(s.metadata.annotations).toEqual({ "endpoints.kubernetes.io/last-change-trigger-time": rfc3339(EPOCH_MS) });
    expect(s.addressType).toBe("IPv4");
    expect(s.ports).toEqual([{ name: "http", port: 8080, protocol: "TCP" }]);
    expect(s.endpoints).toEqual([
      { addresses: ["10.244.1.7"], conditions: { ready: true, serving: true, terminating: false }, nodeName: "node01", targetRef: { kind: "Pod", namespace: "default", name: "web-a", uid: a.metadata.uid } },
      { addresses: ["10.244.2.3"], conditions: { ready: false, serving: false, terminating: false }, nodeName: "node02", targetRef: { kind: "Pod", namespace: "default", name: "web-b", uid: b.metadata.uid } },
    ]);
  });

  it("updates the same slice as pods become ready and keeps terminating pods as serving, not ready", () => {
    const c = sandbox();
    webWithPods(c, { secondReady: false });
    const [before] = slicesOf(c, "web");
    run(c, "web-b", "10.244.2.3");
    expect(c.request("DELETE", podPath("web-a")).status).toBe(200);
    c.step();
    const [after] = slicesOf(c, "web");
    expect(after.metadata.name).toBe(before.metadata.name);
    expect(after.endpoints.map((e: any) => [e.targetRef.name, e.conditions])).toEqual([
      ["web-a", { ready: false, serving: true, terminating: true }],
      ["web-b", { ready: true, serving: true, terminating: false }],
    ]);
  });

  it("keeps one empty placeholder slice while nothing matches, and reuses it when pods come", () => {
    const c = sandbox();
    create(c, svcPath(), service("web", { selector: { app: "web" }, ports: [{ port: 80 }] }));
    c.step();
    const [placeholder] = slicesOf(c, "web");
    expect(placeholder.endpoints).toBeUndefined();
    expect(placeholder.ports).toBeUndefined();
    create(c, podPath(), pod("web-a", { node: "node01" }));
    run(c, "web-a", "10.244.1.7");
    c.step();
    const slices = slicesOf(c, "web");
    expect(slices.map((s: any) => s.metadata.name)).toEqual([placeholder.metadata.name]);
    expect(slices[0].ports).toEqual([{ name: "", port: 80, protocol: "TCP" }]);
    expect(slices[0].endpoints.map((e: any) => e.addresses[0])).toEqual(["10.244.1.7"]);
  });

  it("splits endpoints over slices of at most 100", () => {
    const c = sandbox();
    create(c, svcPath(), service("big", { selector: { app: "big" }, ports: [{ port: 80 }] }));
    for (let i = 0; i < 130; i++) {
      create(c, podPath(), pod(`big-${i}`, { labels: { app: "big" }, node: "node01" }));
      run(c, `big-${i}`, `10.244.${1 + (i >> 8)}.${i % 256}`);
    }
    c.step();
    const sizes = slicesOf(c, "big").map((s: any) => s.endpoints.length).sort((x: number, y: number) => y - x);
    expect(sizes).toEqual([100, 30]);
  });

  it("groups pods whose named port resolves differently into separate slices", () => {
    const c = sandbox();
    create(c, svcPath(), service("web", { selector: { app: "web" }, ports: [{ name: "http", port: 80, targetPort: "web" }] }));
    create(c, podPath(), pod("v1", { node: "node01", ports: [{ name: "web", containerPort: 8080 }] }));
    create(c, podPath(), pod("v2", { node: "node01", ports: [{ name: "web", containerPort: 9090 }] }));
    run(c, "v1", "10.244.1.2");
    run(c, "v2", "10.244.1.3");
    c.step();
    const byPort = slicesOf(c, "web").map((s: any) => [s.ports[0].port, s.endpoints.map((e: any) => e.targetRef.name)]);
    expect(byPort.sort()).toEqual([
      [8080, ["v1"]],
      [9090, ["v2"]],
    ]);
    const ep = c.get(epPath("web"));
    expect(ep.subsets.map((s: any) => s.ports[0].port).sort()).toEqual([8080, 9090]);
  });

  it("replaces slices it does not own", () => {
    const c = sandbox();
    webWithPods(c);
    const [own] = slicesOf(c, "web");
    create(c, slicePath(), { ...own, metadata: { name: "web-stray", labels: own.metadata.labels, ownerReferences: [] } });
    c.step();
    expect(slicesOf(c, "web").map((s: any) => s.metadata.name)).toEqual([own.metadata.name]);
  });
});

describe("EndpointSlice mirroring controller", () => {
  function external(c: Sandbox) {
    create(c, svcPath(), service("external", { ports: [{ name: "pg", port: 5432 }] }));
    return create(c, epPath(), {
      apiVersion: "v1",
      kind: "Endpoints",
      metadata: { name: "external", labels: { team: "data" } },
      subsets: [{ addresses: [{ ip: "192.0.2.10" }], notReadyAddresses: [{ ip: "192.0.2.11" }], ports: [{ name: "pg", port: 5432 }] }],
    });
  }

  it("mirrors a selector-less Service's Endpoints into a slice owned by the Endpoints", () => {
    const c = sandbox();
    const ep = external(c);
    c.step();
    const [s] = slicesOf(c, "external");
    expect(s.metadata.name).toMatch(new RegExp(`^external-${SUFFIX}$`));
    expect(s.metadata.labels).toEqual({ team: "data", "kubernetes.io/service-name": "external", "endpointslice.kubernetes.io/managed-by": "endpointslicemirroring-controller.k8s.io" });
    expect(s.metadata.ownerReferences).toEqual([{ apiVersion: "v1", kind: "Endpoints", name: "external", uid: ep.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(s.addressType).toBe("IPv4");
    expect(s.ports).toEqual([{ name: "pg", port: 5432, protocol: "TCP" }]);
    expect(s.endpoints).toEqual([
      { addresses: ["192.0.2.10"], conditions: { ready: true } },
      { addresses: ["192.0.2.11"], conditions: { ready: false } },
    ]);
  });

  it("follows changes to the Endpoints and removes the mirror with them", () => {
    const c = sandbox();
    const ep = external(c);
    c.step();
    const [first] = slicesOf(c, "external");
    put(c, epPath("external"), { ...ep, subsets: [{ addresses: [{ ip: "192.0.2.20" }], ports: [{ name: "pg", port: 5432 }] }] });
    c.step();
    const [second] = slicesOf(c, "external");
    expect(second.metadata.name).toBe(first.metadata.name);
    expect(second.endpoints).toEqual([{ addresses: ["192.0.2.20"], conditions: { ready: true } }]);
    expect(c.request("DELETE", epPath("external")).status).toBe(200);
    c.step();
    expect(slicesOf(c, "external")).toEqual([]);
  });

  it("does not mirror Endpoints without a Service, of a Service with a selector, or labelled skip-mirror", () => {
    const c = sandbox();
    create(c, epPath(), { apiVersion: "v1", kind: "Endpoints", metadata: { name: "orphan" }, subsets: [{ addresses: [{ ip: "192.0.2.1" }] }] });
    create(c, svcPath(), service("skipped", { ports: [{ port: 80 }] }));
    create(c, epPath(), { apiVersion: "v1", kind: "Endpoints", metadata: { name: "skipped", labels: { "endpointslice.kubernetes.io/skip-mirror": "true" } }, subsets: [{ addresses: [{ ip: "192.0.2.2" }] }] });
    c.step();
    expect(slicesOf(c, "orphan")).toEqual([]);
    expect(slicesOf(c, "skipped")).toEqual([]);
    expect(c.get(epPath("orphan")).subsets).toHaveLength(1);
  });
});
