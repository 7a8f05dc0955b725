import { describe, expect, test } from "vitest";
import { ingressClass, type IngressClass } from "../../../src/engine/kinds/networking/ingressclass";
import { fieldErrorString } from "../../../src/engine/machinery/field-errors";

const NOW = Date.parse("2024-05-01T12:00:00Z");

function ic(spec: IngressClass["spec"], name = "nginx"): IngressClass {
  return { apiVersion: "networking.k8s.io/v1", kind: "IngressClass", metadata: { name, creationTimestamp: "2024-04-30T12:00:00Z" }, spec } as IngressClass;
}
const errors = (o: IngressClass, old?: IngressClass) => {
  ingressClass.applyDefaults!(o, { nowMs: NOW });
  return ingressClass.validate!(o, { nowMs: NOW, old }).map(fieldErrorString);
};

describe("IngressClass", () => {
  test("is a cluster-scoped kind with generations", () => {
    expect([ingressClass.plural, ingressClass.namespaced, ingressClass.tracksGeneration, ingressClass.shortNames]).toEqual(["ingressclasses", false, true, undefined]);
  });

  test("defaults the parameters scope to Cluster", () => {
    const o = ic({ controller: "k8s.io/ingress-nginx", parameters: { kind: "Params", name: "p" } });
    ingressClass.applyDefaults!(o, { nowMs: NOW });
    expect(o.spec!.parameters!.scope).toBe("Cluster");
  });

  test.each<[string, IngressClass["spec"], string[]]>([
    ["accepts a domain-prefixed controller", { controller: "k8s.io/ingress-nginx" }, []],
    ["requires a controller", {}, ["spec.controller: Required value"]],
    ["requires a domain-prefixed path", { controller: "nginx" }, ['spec.controller: Invalid value: "nginx": must be a domain-prefixed path (such as "acme.io/foo")']],
    [
      "requires a namespace for Namespace-scoped parameters",
      { controller: "k8s.io/x", parameters: { kind: "P", name: "p", scope: "Namespace" } },
      ["spec.parameters.namespace: Required value: `parameters.scope` is set to 'Namespace'"],
    ],
    [
      "forbids a namespace for Cluster-scoped parameters",
      { controller: "k8s.io/x", parameters: { kind: "P", name: "p", namespace: "default" } },
      ["spec.parameters.namespace: Forbidden: `parameters.scope` is set to 'Cluster'"],
    ],
    ["rejects unknown scopes", { controller: "k8s.io/x", parameters: { kind: "P", name: "p", scope: "Global" } }, ['spec.parameters.scope: Unsupported value: "Global": supported values: "Cluster", "Namespace"']],
  ])("%s", (_n, spec, expected) => {
    expect(errors(ic(spec))).toEqual(expected);
  });

  test("makes the controller immutable", () => {
    expect(errors(ic({ controller: "k8s.io/b" }), ic({ controller: "k8s.io/a" }))).toEqual(['spec.controller: Invalid value: "k8s.io/b": field is immutable']);
  });

  test.each<[string, IngressClass["spec"], string]>([
    ["prints <none> without parameters", { controller: "k8s.io/ingress-nginx" }, "<none>"],
    ["prints Kind.group/name parameters", { controller: "k8s.io/ingress-nginx", parameters: { apiGroup: "k8s.example.com", kind: "IngressParameters", name: "external-lb" } }, "IngressParameters.k8s.example.com/external-lb"],
  ])("%s", (_n, spec, params) => {
    expect(ingressClass.columns.map((c) => c.name)).toEqual(["Name", "Controller", "Parameters", "Age"]);
    expect(ingressClass.printRow(ic(spec), { nowMs: NOW })).toEqual(["nginx", "k8s.io/ingress-nginx", params, "24h"]);
  });
});
