import { describe, expect, test } from "vitest";
import { ingress, type Ingress } from "../../../src/engine/kinds/networking/ingress";
import { fieldErrorString } from "../../../src/engine/machinery/field-errors";
import { kindSchemaOf, patchMetaLookup } from "../../../src/engine/apiserver/schemas";

const NOW = Date.parse("2024-05-01T12:00:00Z");

function ing(spec: Ingress["spec"], extra: Partial<Ingress> = {}): Ingress {
  return { apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata: { name: "web", namespace: "default", creationTimestamp: "2024-05-01T11:00:00Z" }, spec, ...extra } as Ingress;
}

const rule = (path: Record<string, unknown>, host?: string) => ({ ...(host ? { host } : {}), http: { paths: [path] } });
const svcBackend = (name = "web", port: Record<string, unknown> = { number: 80 }) => ({ service: { name, port } });

const errors = (i: Ingress, old?: Ingress) => {
  ingress.applyDefaults!(i, { nowMs: NOW });
  return ingress.validate!(i, { nowMs: NOW, old }).map(fieldErrorString);
};

describe("Ingress description", () => {
  test("is networking.k8s.io/v1 ingresses with short name ing, a status subresource and generations", () => {
    expect([ingress.group, ingress.version, ingress.plural, ingress.shortNames, ingress.namespaced, ingress.statusSubresource, ingress.tracksGeneration]).toEqual([
      "networking.k8s.io",
      "v1",
      "ingresses",
      ["ing"],
      true,
      true,
      true,
    ]);
  });

  test("its schema converts to JSON schema with atomic rules", () => {
    const ks = kindSchemaOf(ingress as never);
    expect(ks.definitions["io.k8s.api.networking.v1.HTTPIngressPath"]?.required).toEqual(["backend", "pathType"]);
    expect(patchMetaLookup(ingress as never)(["spec", "rules"])).toBeUndefined();
  });
});

describe("Ingress defaulting", () => {
  test("has no pathType default but fills the always-serialized service port and status", () => {
    const i = ing({ rules: [rule({ path: "/", backend: { service: { name: "web" } } })] });
    ingress.applyDefaults!(i, { nowMs: NOW });
    expect(i.spec!.rules![0].http!.paths![0]).toEqual({ path: "/", backend: { service: { name: "web", port: {} } } });
    expect(i.status).toEqual({ loadBalancer: {} });
  });

  test("prepareForCreate resets the status to an empty load balancer", () => {
    const i = ing({ defaultBackend: svcBackend() }, { status: { loadBalancer: { ingress: [{ ip: "1.2.3.4" }] } } });
    ingress.prepareForCreate!(i, undefined as never);
    expect(i.status).toEqual({ loadBalancer: {} });
  });
});

describe("Ingress validation", () => {
  test.each<[string, Ingress["spec"], string[]]>([
    ["accepts a prefix path to a service port number", { rules: [rule({ path: "/", pathType: "Prefix", backend: svcBackend() })] }, []],
    ["accepts a named service port and a wildcard host", { rules: [rule({ path: "/api", pathType: "Exact", backend: svcBackend("api", { name: "http" }) }, "*.example.com")] }, []],
    [
      "requires pathType",
      { rules: [rule({ path: "/", backend: svcBackend() })] },
      ["spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified"],
    ],
    [
      "requires an absolute path for Prefix and Exact",
      { rules: [rule({ path: "api", pathType: "Prefix", backend: svcBackend() })] },
      ['spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path'],
    ],
    [
      "rejects invalid path sequences",
      { rules: [rule({ path: "/a//b/.", pathType: "Exact", backend: svcBackend() })] },
      [
        `spec.rules[0].http.paths[0].path: Invalid value: "/a//b/.": must not contain '//'`,
        `spec.rules[0].http.paths[0].path: Invalid value: "/a//b/.": cannot end with '/.'`,
      ],
    ],
    [
      "rejects unknown path types",
      { rules: [rule({ path: "/", pathType: "Regex", backend: svcBackend() })] },
      ['spec.rules[0].http.paths[0].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"'],
    ],
    [
      "requires a service port",
      { rules: [rule({ path: "/", pathType: "Prefix", backend: { service: { name: "web" } } })] },
      ["spec.rules[0].http.paths[0].backend: Required value: port name or number is required"],
    ],
    [
      "rejects both port name and number",
      { rules: [rule({ path: "/", pathType: "Prefix", backend: svcBackend("web", { name: "http", number: 80 }) })] },
      ['spec.rules[0].http.paths[0].backend: Invalid value: "": cannot set both port name & port number'],
    ],
    [
      "validates the service name as a DNS-1035 label",
      { rules: [rule({ path: "/", pathType: "Prefix", backend: svcBackend("1web") })] },
      [
        `spec.rules[0].http.paths[0].backend.service.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
      ],
    ],
    [
      "validates port numbers",
      { rules: [rule({ path: "/", pathType: "Prefix", backend: svcBackend("web", { number: 70000 }) })] },
      ["spec.rules[0].http.paths[0].backend.service.port.number: Invalid value: 70000: must be between 1 and 65535, inclusive"],
    ],
    ["requires a backend", { rules: [rule({ path: "/", pathType: "Prefix" })] }, ['spec.rules[0].http.paths[0].backend: Invalid value: "": resource or service backend is required']],
    ["requires rules or a default backend", {}, ["spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified"]],
    ["rejects IP hosts", { rules: [rule({ path: "/", pathType: "Prefix", backend: svcBackend() }, "10.0.0.1")] }, ['spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address']],
    [
      "rejects upper-case hosts",
      { rules: [rule({ path: "/", pathType: "Prefix", backend: svcBackend() }, "Foo.com")] },
      [
        `spec.rules[0].host: Invalid value: "Foo.com": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      ],
    ],
    ["requires paths in an http rule", { rules: [{ host: "a.com", http: { paths: [] } }] }, ["spec.rules[0].http.paths: Required value"]],
    [
      "validates TLS secret names",
      { defaultBackend: svcBackend(), tls: [{ hosts: ["a.com"], secretName: "Bad_Name" }] },
      [
        `spec.tls[0].secretName: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      ],
    ],
  ])("%s", (_name, spec, expected) => {
    expect(errors(ing(spec))).toEqual(expected);
  });

  test("requires the ingress.class annotation to match ingressClassName on create", () => {
    const i = ing({ ingressClassName: "nginx", defaultBackend: svcBackend() });
    i.metadata.annotations = { "kubernetes.io/ingress.class": "traefik" };
    expect(errors(i)).toEqual(['annotations.kubernetes.io/ingress.class: Invalid value: "traefik": must match `ingressClassName` when both are specified']);
    expect(errors(i, ing({ defaultBackend: svcBackend() }))).toEqual([]);
  });

  test("keeps accepting an invalid TLS secret name an update did not introduce", () => {
    const old = ing({ defaultBackend: svcBackend(), tls: [{ secretName: "Bad_Name" }] });
    expect(errors(ing({ defaultBackend: svcBackend(), tls: [{ secretName: "Bad_Name" }] }), old)).toEqual([]);
  });

  test("validates status load balancer hostnames on status writes", () => {
    const i = ing({ defaultBackend: svcBackend() }, { status: { loadBalancer: { ingress: [{ hostname: "1.2.3.4" }] } } });
    expect(ingress.validate!(i, { nowMs: NOW, old: i, subresource: "status" }).map(fieldErrorString)).toEqual([
      'status.loadBalancer.ingress[0].hostname: Invalid value: "1.2.3.4": must be a DNS name, not an IP address',
    ]);
  });
});

describe("Ingress printer", () => {
  test("has the columns of printers.go", () => {
    expect(ingress.columns.map((c) => [c.name, c.priority])).toEqual([
      ["Name", 0],
      ["Class", 0],
      ["Hosts", 0],
      ["Address", 0],
      ["Ports", 0],
      ["Age", 0],
    ]);
  });

  test.each<[string, Ingress, unknown[]]>([
    ["prints * for no hosts, <none> for no class and 80 without TLS", ing({ defaultBackend: svcBackend() }), ["web", "<none>", "*", "", "80", "60m"]],
    [
      "prints hosts, the class, the load balancer address and 80, 443 with TLS",
      ing(
        {
          ingressClassName: "nginx",
          tls: [{ hosts: ["a.com"] }],
          rules: [rule({ path: "/", pathType: "Prefix", backend: svcBackend() }, "a.com"), rule({ path: "/", pathType: "Prefix", backend: svcBackend() }, "b.com")],
        },
        { status: { loadBalancer: { ingress: [{ ip: "192.168.49.2" }, { hostname: "lb.example.com" }, { ip: "10.0.0.1" }] } } },
      ),
      ["web", "nginx", "a.com,b.com", "10.0.0.1,192.168.49.2,lb.example.com", "80, 443", "60m"],
    ],
    [
      "summarises more than three hosts",
      ing({ rules: ["a", "b", "c", "d", "e"].map((h) => rule({ path: "/", pathType: "Prefix", backend: svcBackend() }, `${h}.com`)) }),
      ["web", "<none>", "a.com,b.com,c.com + 2 more...", "", "80", "60m"],
    ],
  ])("%s", (_name, obj, row) => {
    expect(ingress.printRow(obj, { nowMs: NOW })).toEqual(row);
  });
});
