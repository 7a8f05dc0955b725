import { describe, expect, test } from "vitest";
import { namespace, type Namespace } from "../../../src/engine/kinds/core/namespace";
import type { AdmissionContext } from "../../../src/engine/kinds/types";
import { Rng } from "../../../src/engine/machinery/rng";
import { fieldErrorString } from "../../../src/engine/machinery/field-errors";

const NOW = Date.parse("2024-05-01T12:00:00Z");
const ctx: AdmissionContext = { nowMs: NOW, rng: new Rng("ns"), list: () => [], get: () => undefined };
const ns = (name: string, extra: Partial<Namespace> = {}): Namespace => ({ apiVersion: "v1", kind: "Namespace", metadata: { name }, ...extra });

describe("Namespace", () => {
  test("create sets the name label, the kubernetes finalizer and phase Active", () => {
    const n = ns("team-a", { metadata: { name: "team-a", labels: { env: "dev" } } });
    namespace.applyDefaults!(n, { nowMs: NOW });
    namespace.prepareForCreate!(n, ctx);
    expect(n.metadata.labels).toEqual({ env: "dev", "kubernetes.io/metadata.name": "team-a" });
    expect(n.spec).toEqual({ finalizers: ["kubernetes"] });
    expect(n.status).toEqual({ phase: "Active" });
  });

  test("a generated name gets its label in prepareForCreate", () => {
    const n: Namespace = { apiVersion: "v1", kind: "Namespace", metadata: { generateName: "tmp-" } };
    namespace.applyDefaults!(n, { nowMs: NOW });
    expect(n.metadata.labels).toBeUndefined();
    n.metadata.name = "tmp-x7k2p";
    namespace.prepareForCreate!(n, ctx);
    expect(n.metadata.labels).toEqual({ "kubernetes.io/metadata.name": "tmp-x7k2p" });
  });

  test("updates keep spec, status and the name label", () => {
    const old = ns("a", { metadata: { name: "a", labels: { "kubernetes.io/metadata.name": "a" } }, spec: { finalizers: ["kubernetes"] }, status: { phase: "Active" } });
    const next = ns("a", { metadata: { name: "a", labels: { "kubernetes.io/metadata.name": "b", team: "x" } }, spec: { finalizers: [] } });
    namespace.prepareForUpdate!(next, old, ctx);
    expect(next.spec).toEqual({ finalizers: ["kubernetes"] });
    expect(next.status).toEqual({ phase: "Active" });
    expect(next.metadata.labels).toEqual({ "kubernetes.io/metadata.name": "a", team: "x" });
  });

  test.each([
    ["a standard finalizer", ["kubernetes"], []],
    ["a qualified finalizer", ["example.com/cleanup"], []],
    ["an unqualified custom finalizer", ["cleanup"], ['spec.finalizers: Invalid value: "cleanup": name is neither a standard finalizer name nor is it fully qualified']],
  ])("validates %s", (_, finalizers, expected) => {
    expect(namespace.validate!(ns("a", { spec: { finalizers } }), { nowMs: NOW }).map(fieldErrorString)).toEqual(expected);
  });

  test("status writes keep the phase consistent with deletion", () => {
    const n = ns("a", { status: { phase: "Terminating" } });
    expect(namespace.validate!(n, { nowMs: NOW, old: n, subresource: "status" }).map(fieldErrorString)).toEqual([
      "status.Phase: Invalid value: \"Terminating\": may only be 'Active' if `deletionTimestamp` is empty",
    ]);
  });

  test("prints NAME STATUS AGE and selects on status.phase", () => {
    const n = ns("a", { metadata: { name: "a", creationTimestamp: "2024-04-30T12:00:00Z" }, status: { phase: "Active" } });
    expect(namespace.printRow(n, { nowMs: NOW })).toEqual(["a", "Active", "24h"]);
    expect(namespace.fieldSelectors!["status.phase"](n)).toBe("Active");
    expect(namespace.namespaced).toBe(false);
    expect(namespace.nameValidation).toBe("label");
  });
});
