import { describe, expect, test } from "vitest";
import { serviceAccount, type ServiceAccount } from "../../../src/engine/kinds/core/serviceaccount";
import type { AdmissionContext } from "../../../src/engine/kinds/types";
import { Rng } from "../../../src/engine/machinery/rng";

const NOW = Date.parse("2024-05-01T12:00:00Z");
const ctx: AdmissionContext = { nowMs: NOW, rng: new Rng("sa"), list: () => [], get: () => undefined };

describe("ServiceAccount", () => {
  test("secret references keep only their name", () => {
    const sa: ServiceAccount = { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "build" }, secrets: [{ name: "tok", namespace: "x", uid: "1" }] };
    serviceAccount.prepareForCreate!(sa, ctx);
    expect(sa.secrets).toEqual([{ name: "tok" }]);
  });

  test("prints NAME SECRETS AGE", () => {
    const sa: ServiceAccount = { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "default", creationTimestamp: "2024-05-01T10:00:00Z" } };
    expect(serviceAccount.printRow(sa, { nowMs: NOW })).toEqual(["default", 0, "120m"]);
    expect(serviceAccount.columns.map((c) => c.name)).toEqual(["Name", "Secrets", "Age"]);
  });

  test("advertises the token subresource", () => {
    expect(serviceAccount.extraSubresources).toEqual([{ name: "token", kind: "TokenRequest", group: "authentication.k8s.io", version: "v1", verbs: ["create"] }]);
  });
});
