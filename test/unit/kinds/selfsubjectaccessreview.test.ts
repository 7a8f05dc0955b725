import { describe, expect, test } from "vitest";
import { selfSubjectAccessReview } from "../../../src/engine/kinds/authorization/selfsubjectaccessreview";
import type { AdmissionContext, KubeObject, UserInfo } from "../../../src/engine/kinds/types";
import { ApiError } from "../../../src/engine/machinery/status";
import { Rng } from "../../../src/engine/machinery/rng";

const NOW = Date.parse("2024-05-01T12:00:00Z");
const RBAC = "rbac.authorization.k8s.io";
const objs: KubeObject[] = [
  { apiVersion: `${RBAC}/v1`, kind: "ClusterRole", metadata: { name: "cluster-admin" }, rules: [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }, { nonResourceURLs: ["*"], verbs: ["*"] }] },
  {
    apiVersion: `${RBAC}/v1`,
    kind: "ClusterRoleBinding",
    metadata: { name: "kubeadm:cluster-admins" },
    roleRef: { apiGroup: RBAC, kind: "ClusterRole", name: "cluster-admin" },
    subjects: [{ apiGroup: RBAC, kind: "Group", name: "kubeadm:cluster-admins" }],
  },
];
const RESOURCES: Record<string, string> = { "clusterroles.rbac.authorization.k8s.io": "ClusterRole", "clusterrolebindings.rbac.authorization.k8s.io": "ClusterRoleBinding" };

function ctx(user: UserInfo): AdmissionContext & { user: UserInfo } {
  return {
    nowMs: NOW,
    rng: new Rng("ssar"),
    list: (resource) => objs.filter((o) => o.kind === RESOURCES[resource]),
    get: () => undefined,
    user,
  };
}
const ADMIN = { username: "kubernetes-admin", groups: ["kubeadm:cluster-admins", "system:authenticated"] };
const review = (spec: unknown, metadata: Record<string, unknown> = { creationTimestamp: null }) =>
  ({ apiVersion: "authorization.k8s.io/v1", kind: "SelfSubjectAccessReview", metadata, spec }) as KubeObject;

function causes(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof ApiError) return [e.message];
    throw e;
  }
  return [];
}

describe("SelfSubjectAccessReview", () => {
  test("is create-only and cluster-scoped", () => {
    expect([selfSubjectAccessReview.verbs, selfSubjectAccessReview.namespaced, selfSubjectAccessReview.plural]).toEqual([["create"], false, "selfsubjectaccessreviews"]);
  });

  test("answers kubectl auth can-i for the admin with the RBAC reason", () => {
    const out = selfSubjectAccessReview.virtual!.create!(review({ resourceAttributes: { namespace: "default", verb: "create", resource: "deployments", group: "apps" } }), ctx(ADMIN));
    expect(out).toEqual({
      apiVersion: "authorization.k8s.io/v1",
      kind: "SelfSubjectAccessReview",
      metadata: { creationTimestamp: null },
      spec: { resourceAttributes: { namespace: "default", verb: "create", group: "apps", resource: "deployments" } },
      status: { allowed: true, reason: 'RBAC: allowed by ClusterRoleBinding "kubeadm:cluster-admins" of ClusterRole "cluster-admin" to Group "kubeadm:cluster-admins"' },
    });
  });

  test("denies without a reason when nothing matches", () => {
    const out = selfSubjectAccessReview.virtual!.create!(review({ nonResourceAttributes: { path: "/healthz", verb: "get" } }), ctx({ username: "jane", groups: ["system:authenticated"] }));
    expect(out.status).toEqual({ allowed: false });
    expect(out.spec).toEqual({ nonResourceAttributes: { path: "/healthz", verb: "get" } });
  });

  test.each<[string, unknown, Record<string, unknown> | undefined, string]>([
    [
      "requires one kind of attributes",
      {},
      undefined,
      'SelfSubjectAccessReview.authorization.k8s.io "" is invalid: spec.resourceAttributes: Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified',
    ],
    [
      "rejects both kinds of attributes",
      { resourceAttributes: { verb: "get" }, nonResourceAttributes: { path: "/x", verb: "get" } },
      undefined,
      'SelfSubjectAccessReview.authorization.k8s.io "" is invalid: spec.nonResourceAttributes: Invalid value: authorization.NonResourceAttributes{Path:"/x", Verb:"get"}: cannot be specified in combination with resourceAttributes',
    ],
  ])("%s", (_n, spec, meta, message) => {
    expect(causes(() => selfSubjectAccessReview.virtual!.create!(review(spec, meta), ctx(ADMIN)))).toEqual([message]);
  });

  test("requires empty metadata", () => {
    const [msg] = causes(() => selfSubjectAccessReview.virtual!.create!(review({ resourceAttributes: { verb: "get" } }, { name: "x" }), ctx(ADMIN)));
    expect(msg).toMatch(/^SelfSubjectAccessReview.authorization.k8s.io "" is invalid: metadata: Invalid value: v1.ObjectMeta\{Name:"x", .*\}: must be empty$/);
  });

  test("reports unparseable label selectors as an evaluation error", () => {
    const out = selfSubjectAccessReview.virtual!.create!(review({ resourceAttributes: { verb: "list", resource: "pods", labelSelector: { rawSelector: "a in (" } } }), ctx(ADMIN));
    expect(out.status.evaluationError).toBe("spec.resourceAttributes.labelSelector ignored due to parse error");
  });
});
