import { describe, expect, test } from "vitest";
import { selfSubjectRulesReview } from "../../../src/engine/kinds/authorization/selfsubjectrulesreview";
import type { KubeObject } from "../../../src/engine/kinds/types";
import { ApiError } from "../../../src/engine/machinery/status";
import { Rng } from "../../../src/engine/machinery/rng";

const RBAC = "rbac.authorization.k8s.io";
const objs: KubeObject[] = [
  { apiVersion: `${RBAC}/v1`, kind: "Role", metadata: { name: "pod-reader", namespace: "dev" }, rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["get", "list"] }] },
  { apiVersion: `${RBAC}/v1`, kind: "RoleBinding", metadata: { name: "rb", namespace: "dev" }, roleRef: { apiGroup: RBAC, kind: "Role", name: "pod-reader" }, subjects: [{ apiGroup: RBAC, kind: "User", name: "jane" }] },
];
const RESOURCES: Record<string, string> = { "roles.rbac.authorization.k8s.io": "Role", "rolebindings.rbac.authorization.k8s.io": "RoleBinding" };
const ctx = {
  nowMs: 0,
  rng: new Rng("ssrr"),
  list: (resource: string, ns?: string) => objs.filter((o) => o.kind === RESOURCES[resource] && (!ns || o.metadata.namespace === ns)),
  get: () => undefined,
  user: { username: "jane", groups: ["system:authenticated"] },
};
const review = (namespace?: string) => ({ apiVersion: "authorization.k8s.io/v1", kind: "SelfSubjectRulesReview", metadata: {}, spec: namespace ? { namespace } : {} }) as KubeObject;

describe("SelfSubjectRulesReview", () => {
  test("lists the user's rules in the namespace, as kubectl auth can-i --list reads them", () => {
    expect(selfSubjectRulesReview.virtual!.create!(review("dev"), ctx)).toEqual({
      apiVersion: "authorization.k8s.io/v1",
      kind: "SelfSubjectRulesReview",
      metadata: { creationTimestamp: null },
      spec: {},
      status: { resourceRules: [{ verbs: ["get", "list"], apiGroups: [""], resources: ["pods"] }], nonResourceRules: [], incomplete: false },
    });
  });

  test("has no rules in other namespaces", () => {
    expect(selfSubjectRulesReview.virtual!.create!(review("prod"), ctx).status.resourceRules).toEqual([]);
  });

  test("requires a namespace", () => {
    try {
      selfSubjectRulesReview.virtual!.create!(review(), ctx);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ApiError);
      expect([(e as ApiError).code, (e as ApiError).message]).toEqual([400, "no namespace on request"]);
    }
  });
});
