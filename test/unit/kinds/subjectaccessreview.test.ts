import { describe, expect, test } from "vitest";
import { localSubjectAccessReview, subjectAccessReview } from "../../../src/engine/kinds/authorization/subjectaccessreview";
import type { KubeObject } from "../../../src/engine/kinds/types";
import { ApiError } from "../../../src/engine/machinery/status";
import { Rng } from "../../../src/engine/machinery/rng";

const RBAC = "rbac.authorization.k8s.io";
const objs: KubeObject[] = [
  { apiVersion: `${RBAC}/v1`, kind: "ClusterRole", metadata: { name: "view" }, rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["get", "list", "watch"] }] },
  { apiVersion: `${RBAC}/v1`, kind: "RoleBinding", metadata: { name: "devs-view", namespace: "dev" }, roleRef: { apiGroup: RBAC, kind: "ClusterRole", name: "view" }, subjects: [{ apiGroup: RBAC, kind: "Group", name: "devs" }] },
];
const RESOURCES: Record<string, string> = { "clusterroles.rbac.authorization.k8s.io": "ClusterRole", "rolebindings.rbac.authorization.k8s.io": "RoleBinding" };
const ctx = {
  nowMs: 0,
  rng: new Rng("sar"),
  list: (resource: string, ns?: string) => objs.filter((o) => o.kind === RESOURCES[resource] && (!ns || o.metadata.namespace === ns)),
  get: () => undefined,
  user: { username: "kubernetes-admin", groups: ["kubeadm:cluster-admins"] },
};
const message = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof ApiError) return e.message;
    throw e;
  }
  return "";
};

describe("SubjectAccessReview", () => {
  test("checks the spec's user and groups, not the caller", () => {
    const out = subjectAccessReview.virtual!.create!(
      { apiVersion: "authorization.k8s.io/v1", kind: "SubjectAccessReview", metadata: {}, spec: { user: "jane", groups: ["devs"], resourceAttributes: { namespace: "dev", verb: "list", resource: "pods" } } },
      ctx,
    );
    expect(out.status).toEqual({ allowed: true, reason: 'RBAC: allowed by RoleBinding "devs-view/dev" of ClusterRole "view" to Group "devs"' });
    expect(out.spec).toEqual({ resourceAttributes: { namespace: "dev", verb: "list", resource: "pods" }, user: "jane", groups: ["devs"] });
  });

  test("requires a user or group", () => {
    expect(message(() => subjectAccessReview.virtual!.create!({ apiVersion: "authorization.k8s.io/v1", kind: "SubjectAccessReview", metadata: {}, spec: { resourceAttributes: { verb: "get" } } }, ctx))).toBe(
      'SubjectAccessReview.authorization.k8s.io "" is invalid: spec.user: Invalid value: "": at least one of user or group must be specified',
    );
  });
});

describe("LocalSubjectAccessReview", () => {
  test("is namespaced and answers within its namespace", () => {
    expect(localSubjectAccessReview.namespaced).toBe(true);
    const out = localSubjectAccessReview.virtual!.create!(
      { apiVersion: "authorization.k8s.io/v1", kind: "LocalSubjectAccessReview", metadata: { namespace: "dev" }, spec: { groups: ["devs"], resourceAttributes: { namespace: "dev", verb: "delete", resource: "pods" } } },
      ctx,
    );
    expect(out.metadata).toEqual({ namespace: "dev", creationTimestamp: null });
    expect(out.status).toEqual({ allowed: false });
  });

  test("requires the attributes' namespace to match", () => {
    expect(
      message(() =>
        localSubjectAccessReview.virtual!.create!(
          { apiVersion: "authorization.k8s.io/v1", kind: "LocalSubjectAccessReview", metadata: { namespace: "dev" }, spec: { user: "u", resourceAttributes: { namespace: "prod", verb: "get" } } },
          ctx,
        ),
      ),
    ).toBe('LocalSubjectAccessReview.authorization.k8s.io "" is invalid: spec.resourceAttributes.namespace: Invalid value: "prod": must match metadata.namespace');
  });
});
