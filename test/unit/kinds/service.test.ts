import { describe, expect, test } from "vitest";
import { service, type Service } from "../../../src/engine/kinds/core/service";
import type { AdmissionContext, KubeObject } from "../../../src/engine/kinds/types";
import { Rng } from "../../../src/engine/machinery/rng";
import { ApiError } from "../../../src/engine/machinery/status";
import { fieldErrorString } from "../../../src/engine/machinery/field-errors";

const NOW = Date.parse("2024-05-01T12:00:00Z");

function ctxWith(objs: KubeObject[] = [], seed = "svc"): AdmissionContext {
  return {
    nowMs: NOW,
    rng: new Rng(seed),
    list: (resource, ns) => (resource === "services" ? objs.filter((o) => !ns || o.metadata.namespace === ns) : []),
    get: (resource, ns, name) => objs.find((o) => o.metadata.namespace === ns && o.metadata.name === name),
  };
}

function svc(spec: Record<string, unknown>, name = "web"): Service {
  return { apiVersion: "v1", kind: "Service", metadata: { name, namespace: "default" }, spec } as Service;
}

/** Defaulting + prepareForCreate, as the API server runs them on create. */
function create(s: Service, ctx = ctxWith()): Service {
  service.applyDefaults!(s, { nowMs: NOW });
  service.prepareForCreate!(s, ctx);
  return s;
}

const errors = (s: Service, old?: Service, subresource?: "status") => service.validate!(s, { nowMs: NOW, old, subresource }).map(fieldErrorString);

function allocationError(f: () => void): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof ApiError) return (e.details?.causes ?? []).map((c) => `${c.field}: ${c.message}`);
    throw e;
  }
  return [];
}

describe("Service defaulting", () => {
  test("defaults type, sessionAffinity, protocol, targetPort and traffic policies of a ClusterIP service", () => {
    const s = svc({ selector: { app: "web" }, ports: [{ port: 80 }] });
    service.applyDefaults!(s, { nowMs: NOW });
    expect(s.spec).toEqual({
      selector: { app: "web" },
      ports: [{ port: 80, protocol: "TCP", targetPort: 80 }],
      sessionAffinity: "None",
      type: "ClusterIP",
      internalTrafficPolicy: "Cluster",
    });
  });

  test.each([
    ["NodePort", { externalTrafficPolicy: "Cluster", internalTrafficPolicy: "Cluster" }],
    ["LoadBalancer", { externalTrafficPolicy: "Cluster", internalTrafficPolicy: "Cluster", allocateLoadBalancerNodePorts: true }],
    ["ExternalName", {}],
  ])("defaults the %s type's fields", (type, expected) => {
    const s = svc({ type, ports: [{ port: 80, targetPort: "http" }] });
    service.applyDefaults!(s, { nowMs: NOW });
    expect(s.spec).toMatchObject(expected);
    if (type === "ExternalName") expect(s.spec!.internalTrafficPolicy).toBeUndefined();
    expect(s.spec!.ports![0].targetPort).toBe("http");
  });

  test("defaults externalTrafficPolicy for a ClusterIP service with externalIPs", () => {
    const s = svc({ externalIPs: ["1.2.3.4"], ports: [{ port: 80 }] });
    service.applyDefaults!(s, { nowMs: NOW });
    expect(s.spec!.externalTrafficPolicy).toBe("Cluster");
  });

  test("defaults the ClientIP affinity timeout to 10800 seconds", () => {
    const s = svc({ sessionAffinity: "ClientIP", ports: [{ port: 80 }] });
    service.applyDefaults!(s, { nowMs: NOW });
    expect(s.spec!.sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 10800 } });
  });
});

describe("Service allocation on create", () => {
  test("allocates a clusterIP from 10.96.0.0/12 above the static band, single-stack IPv4", () => {
    const s = create(svc({ selector: { app: "web" }, ports: [{ port: 80 }] }));
    const ip = s.spec!.clusterIP!;
    expect(s.spec!.clusterIPs).toEqual([ip]);
    const [a, b, c, d] = ip.split(".").map(Number);
    expect(a).toBe(10);
    expect(b).toBeGreaterThanOrEqual(96);
    expect(b).toBeLessThanOrEqual(111);
    expect(((b - 96) * 65536 + c * 256 + d) - 1).toBeGreaterThanOrEqual(256);
    expect(s.spec!.ipFamilies).toEqual(["IPv4"]);
    expect(s.spec!.ipFamilyPolicy).toBe("SingleStack");
    expect(s.status).toEqual({ loadBalancer: {} });
    expect(errors(s)).toEqual([]);
  });

  test("is deterministic for a given seed and avoids IPs in use", () => {
    const first = create(svc({ ports: [{ port: 80 }] }), ctxWith([], "seed-1"));
    const again = create(svc({ ports: [{ port: 80 }] }), ctxWith([], "seed-1"));
    expect(again.spec!.clusterIP).toBe(first.spec!.clusterIP);
    const other = create(svc({ ports: [{ port: 80 }] }, "other"), ctxWith([first], "seed-1"));
    expect(other.spec!.clusterIP).not.toBe(first.spec!.clusterIP);
  });

  test("keeps a requested clusterIP that is free", () => {
    const s = create(svc({ clusterIP: "10.96.0.10", ports: [{ port: 53, protocol: "UDP" }] }));
    expect(s.spec!.clusterIPs).toEqual(["10.96.0.10"]);
  });

  test.each([
    ["an IP in use", "10.96.0.1", ["spec.clusterIPs: Invalid value: []string{\"10.96.0.1\"}: failed to allocate IP 10.96.0.1: provided IP is already allocated"]],
    ["an IP outside the range", "192.168.1.1", ["spec.clusterIPs: Invalid value: []string{\"192.168.1.1\"}: failed to allocate IP 192.168.1.1: the provided IP (192.168.1.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12"]],
    ["a malformed IP", "10.96.0", ["spec.clusterIPs[0]: Invalid value: \"10.96.0\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"]],
    ["an IPv6 address", "fd00::10", ["spec.clusterIPs[0]: Invalid value: []string{\"fd00::10\"}: IPv6 is not configured on this cluster"]],
  ])("rejects %s as clusterIP", (_, ip, expected) => {
    const kube = create(svc({ clusterIP: "10.96.0.1", ports: [{ port: 443 }] }, "kubernetes"));
    expect(allocationError(() => create(svc({ clusterIP: ip, ports: [{ port: 80 }] }), ctxWith([kube])))).toEqual(expected);
  });

  test("rejects RequireDualStack on the single-stack cluster", () => {
    expect(allocationError(() => create(svc({ ipFamilyPolicy: "RequireDualStack", ports: [{ port: 80 }] })))).toEqual([
      'spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services',
    ]);
  });

  test("headless with a selector stays None and single-stack", () => {
    const s = create(svc({ clusterIP: "None", selector: { app: "db" }, ports: [{ port: 5432 }] }));
    expect(s.spec).toMatchObject({ clusterIP: "None", clusterIPs: ["None"], ipFamilies: ["IPv4"], ipFamilyPolicy: "SingleStack" });
    expect(errors(s)).toEqual([]);
  });

  test("headless without a selector defaults to RequireDualStack with both families", () => {
    const s = create(svc({ clusterIP: "None" }));
    expect(s.spec).toMatchObject({ clusterIPs: ["None"], ipFamilies: ["IPv4", "IPv6"], ipFamilyPolicy: "RequireDualStack" });
    expect(errors(s)).toEqual([]);
  });

  test("ExternalName gets no clusterIP and no IP families", () => {
    const s = create(svc({ type: "ExternalName", externalName: "db.example.com" }));
    expect(s.spec!.clusterIP).toBeUndefined();
    expect(s.spec!.clusterIPs).toBeUndefined();
    expect(s.spec!.ipFamilies).toBeUndefined();
    expect(s.spec!.ipFamilyPolicy).toBeUndefined();
    expect(errors(s)).toEqual([]);
  });

  test("allocates nodePorts in 30000-32767 and shares one between TCP and UDP of the same port", () => {
    const s = create(svc({ type: "NodePort", ports: [{ name: "dns", port: 53, protocol: "UDP" }, { name: "dns-tcp", port: 53, protocol: "TCP" }, { name: "http", port: 80 }] }));
    const [a, b, c] = s.spec!.ports!.map((p) => p.nodePort!);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    for (const p of [a, c]) {
      expect(p).toBeGreaterThanOrEqual(30086);
      expect(p).toBeLessThanOrEqual(32767);
    }
    expect(errors(s)).toEqual([]);
  });

  test.each([
    [80, "spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767"],
    [30080, "spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated"],
  ])("rejects nodePort %i", (np, expected) => {
    const taken = create(svc({ type: "NodePort", ports: [{ port: 80, nodePort: 30080 }] }, "taken"));
    expect(allocationError(() => create(svc({ type: "NodePort", ports: [{ port: 80, nodePort: np }] }), ctxWith([taken])))).toEqual([expected]);
  });

  test("LoadBalancer with externalTrafficPolicy Local also gets a healthCheckNodePort", () => {
    const s = create(svc({ type: "LoadBalancer", externalTrafficPolicy: "Local", ports: [{ port: 80 }] }));
    expect(s.spec!.healthCheckNodePort).toBeGreaterThanOrEqual(30000);
    expect(s.spec!.ports![0].nodePort).toBeGreaterThanOrEqual(30000);
    expect(errors(s)).toEqual([]);
  });

  test("LoadBalancer with allocateLoadBalancerNodePorts false gets no nodePorts", () => {
    const s = create(svc({ type: "LoadBalancer", allocateLoadBalancerNodePorts: false, ports: [{ port: 80 }] }));
    expect(s.spec!.ports![0].nodePort).toBeUndefined();
  });
});

describe("Service updates", () => {
  const ctx = ctxWith();

  test("re-applying a manifest without clusterIP and nodePorts keeps the allocated ones", () => {
    const old = create(svc({ type: "NodePort", selector: { app: "web" }, ports: [{ name: "http", port: 80 }] }));
    const next = svc({ type: "NodePort", selector: { app: "web" }, ports: [{ name: "http", port: 80 }] });
    service.applyDefaults!(next, { nowMs: NOW });
    service.prepareForUpdate!(next, structuredClone(old), ctxWith([old]));
    expect(next.spec!.clusterIP).toBe(old.spec!.clusterIP);
    expect(next.spec!.clusterIPs).toEqual(old.spec!.clusterIPs);
    expect(next.spec!.ports![0].nodePort).toBe(old.spec!.ports![0].nodePort);
    expect(errors(next, old)).toEqual([]);
  });

  test("changing the clusterIP is rejected", () => {
    const old = create(svc({ clusterIP: "10.96.0.20", ports: [{ port: 80 }] }));
    const next = structuredClone(old);
    next.spec!.clusterIP = "10.96.0.21";
    service.prepareForUpdate!(next, structuredClone(old), ctxWith([old]));
    expect(errors(next, old)).toEqual(['spec.clusterIPs[0]: Invalid value: []string{"10.96.0.21"}: may not change once set']);
  });

  test("switching NodePort to ClusterIP wipes the nodePorts and externalTrafficPolicy", () => {
    const old = create(svc({ type: "NodePort", ports: [{ port: 80 }] }));
    const next = structuredClone(old);
    next.spec!.type = "ClusterIP";
    service.applyDefaults!(next, { nowMs: NOW });
    service.prepareForUpdate!(next, structuredClone(old), ctxWith([old]));
    expect(next.spec!.ports![0].nodePort).toBeUndefined();
    expect(next.spec!.externalTrafficPolicy).toBeUndefined();
    expect(errors(next, old)).toEqual([]);
  });

  test("switching ClusterIP to NodePort allocates nodePorts", () => {
    const old = create(svc({ ports: [{ port: 80 }] }));
    const next = structuredClone(old);
    next.spec!.type = "NodePort";
    service.applyDefaults!(next, { nowMs: NOW });
    service.prepareForUpdate!(next, structuredClone(old), ctxWith([old]));
    expect(next.spec!.ports![0].nodePort).toBeGreaterThanOrEqual(30000);
    expect(errors(next, old)).toEqual([]);
  });

  test("switching ClusterIP to ExternalName drops the IP fields", () => {
    const old = create(svc({ ports: [{ port: 80 }] }));
    const next = structuredClone(old);
    next.spec!.type = "ExternalName";
    next.spec!.externalName = "example.com";
    service.prepareForUpdate!(next, structuredClone(old), ctx);
    expect(next.spec!.clusterIP).toBeUndefined();
    expect(next.spec!.ipFamilies).toBeUndefined();
    expect(next.spec!.internalTrafficPolicy).toBeUndefined();
    expect(errors(next, old)).toEqual([]);
  });
});

describe("Service validation", () => {
  const valid = () => create(svc({ selector: { app: "web" }, ports: [{ port: 80 }] }));

  test.each<[string, (s: Service) => void, string[]]>([
    ["ports are required", (s) => delete s.spec!.ports, ["spec.ports: Required value"]],
    [
      "port names are required when there is more than one port",
      (s) => (s.spec!.ports = [{ port: 80, protocol: "TCP", targetPort: 80 }, { port: 443, protocol: "TCP", targetPort: 443 }]),
      ["spec.ports[0].name: Required value", "spec.ports[1].name: Required value"],
    ],
    [
      "port numbers must be in range",
      (s) => (s.spec!.ports = [{ port: 70000, protocol: "TCP", targetPort: 0 }]),
      ["spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive", "spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive"],
    ],
    [
      "duplicate ports are rejected",
      (s) => (s.spec!.ports = [{ name: "a", port: 80, protocol: "TCP", targetPort: 80 }, { name: "b", port: 80, protocol: "TCP", targetPort: 8080 }]),
      ['spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}'],
    ],
    ["duplicate port names are rejected", (s) => (s.spec!.ports = [{ name: "a", port: 80, protocol: "TCP", targetPort: 80 }, { name: "a", port: 81, protocol: "TCP", targetPort: 81 }]), ['spec.ports[1].name: Duplicate value: "a"']],
    ["protocols are checked", (s) => (s.spec!.ports![0].protocol = "HTTP"), ['spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"']],
    ["types are checked", (s) => (s.spec!.type = "Internal"), ['spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"']],
    ["nodePort is forbidden for ClusterIP", (s) => (s.spec!.ports![0].nodePort = 30001), ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"]],
    [
      "selector labels are checked",
      (s) => (s.spec!.selector = { app: "web app" }),
      ['spec.selector: Invalid value: "web app": a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyValue\',  or \'my_value\',  or \'12345\', regex used for validation is \'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\')'],
    ],
    [
      "target port names are IANA service names",
      (s) => (s.spec!.ports![0].targetPort = "HTTP_PORT"),
      [
        'spec.ports[0].targetPort: Invalid value: "HTTP_PORT": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        'spec.ports[0].targetPort: Invalid value: "HTTP_PORT": must contain at least one letter (a-z)',
      ],
    ],
    ["externalTrafficPolicy needs an externally accessible service", (s) => (s.spec!.externalTrafficPolicy = "Local"), ['spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services']],
    ["externalIPs may not be loopback", (s) => ((s.spec!.externalIPs = ["127.0.0.1"]), (s.spec!.externalTrafficPolicy = "Cluster")), ['spec.externalIPs[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)']],
    ["clusterIPs must match clusterIP", (s) => (s.spec!.clusterIPs = ["10.96.0.99"]), [`spec.clusterIPs: Invalid value: []string{"10.96.0.99"}: first value must match \`clusterIP\``]],
  ])("%s", (_, mutate, expected) => {
    const s = valid();
    mutate(s);
    expect(errors(s)).toEqual(expected);
  });

  test("ExternalName needs a DNS name", () => {
    const s = create(svc({ type: "ExternalName", externalName: "Not_A_Host" }));
    expect(errors(s)).toEqual([
      "spec.externalName: Invalid value: \"Not_A_Host\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
    const empty = create(svc({ type: "ExternalName" }));
    expect(errors(empty)).toEqual(["spec.externalName: Required value"]);
  });

  test("NodePort may not be headless", () => {
    const s = create(svc({ type: "NodePort", clusterIP: "None", selector: { a: "b" }, ports: [{ port: 80 }] }));
    expect(errors(s)).toEqual(['spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for NodePort services']);
  });

  test("status updates check the load balancer ingress", () => {
    const s = create(svc({ type: "LoadBalancer", ports: [{ port: 80 }] }));
    s.status = { loadBalancer: { ingress: [{ ip: "not-an-ip", ipMode: "VIP" }] } };
    expect(errors(s, structuredClone(s), "status")).toEqual(['status.loadBalancer.ingress[0].ip: Invalid value: "not-an-ip": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']);
  });
});

describe("Service printer", () => {
  const row = (s: Service) => service.printRow(s, { nowMs: NOW });
  const base = { metadata: { name: "web", namespace: "default", creationTimestamp: "2024-05-01T11:57:00Z" } };

  test("prints a ClusterIP service", () => {
    const s = { ...base, apiVersion: "v1", kind: "Service", spec: { type: "ClusterIP", clusterIPs: ["10.96.12.34"], selector: { app: "web" }, ports: [{ port: 80, protocol: "TCP" }] } } as Service;
    expect(row(s)).toEqual(["web", "ClusterIP", "10.96.12.34", "<none>", "80/TCP", "3m", "app=web"]);
  });

  test("prints nodePorts and a pending load balancer", () => {
    const s = { ...base, apiVersion: "v1", kind: "Service", spec: { type: "LoadBalancer", clusterIPs: ["10.96.1.2"], ports: [{ port: 80, protocol: "TCP", nodePort: 31234 }, { port: 443, protocol: "TCP" }] } } as Service;
    expect(row(s)).toEqual(["web", "LoadBalancer", "10.96.1.2", "<pending>", "80:31234/TCP,443/TCP", "3m", "<none>"]);
    s.status = { loadBalancer: { ingress: [{ ip: "172.18.0.5" }, { hostname: "lb.example.com" }] } };
    expect(row(s)[3]).toBe("172.18.0.5,lb.example.com");
  });

  test("prints an ExternalName service", () => {
    const s = { ...base, apiVersion: "v1", kind: "Service", spec: { type: "ExternalName", externalName: "db.example.com" } } as Service;
    expect(row(s)).toEqual(["web", "ExternalName", "<none>", "db.example.com", "<none>", "3m", "<none>"]);
  });

  test("has the printService columns, Selector only in wide output", () => {
    expect(service.columns.map((c) => [c.name, c.priority])).toEqual([
      ["Name", 0], ["Type", 0], ["Cluster-IP", 0], ["External-IP", 0], ["Port(s)", 0], ["Age", 0], ["Selector", 1],
    ]);
  });

  test("supports the spec.clusterIP and spec.type field selectors", () => {
    const s = { ...base, apiVersion: "v1", kind: "Service", spec: { type: "NodePort", clusterIP: "None" } } as Service;
    expect(service.fieldSelectors!["spec.clusterIP"](s)).toBe("None");
    expect(service.fieldSelectors!["spec.type"](s)).toBe("NodePort");
  });
});
