// The default ClusterRoles and bindings a kubeadm cluster has that learners meet: cluster-admin,
// the user-facing admin/edit/view roles (already aggregated), and what every authenticated user may do.
import { seed, type SeedContext } from "./seed";

type Rule = { apiGroups?: string[]; resources?: string[]; verbs: string[]; nonResourceURLs?: string[]; resourceNames?: string[] };
const READ = ["get", "list", "watch"];
const WRITE = ["create", "delete", "deletecollection", "patch", "update"];
const r = (apiGroups: string[], resources: string[], verbs: string[]): Rule => ({ apiGroups, resources, verbs });

const VIEW: Rule[] = [
  r([""], ["configmaps", "endpoints", "persistentvolumeclaims", "persistentvolumeclaims/status", "pods", "replicationcontrollers", "replicationcontrollers/scale", "serviceaccounts", "services", "services/status"], READ),
  r([""], ["bindings", "events", "limitranges", "namespaces/status", "pods/log", "pods/status", "replicationcontrollers/status", "resourcequotas", "resourcequotas/status"], READ),
  r([""], ["namespaces"], READ),
  r(["discovery.k8s.io"], ["endpointslices"], READ),
  r(["apps"], ["controllerrevisions", "daemonsets", "daemonsets/status", "deployments", "deployments/scale", "deployments/status", "replicasets", "replicasets/scale", "replicasets/status", "statefulsets", "statefulsets/scale", "statefulsets/status"], READ),
  r(["autoscaling"], ["horizontalpodautoscalers", "horizontalpodautoscalers/status"], READ),
  r(["batch"], ["cronjobs", "cronjobs/status", "jobs", "jobs/status"], READ),
  r(["policy"], ["poddisruptionbudgets", "poddisruptionbudgets/status"], READ),
  r(["networking.k8s.io"], ["ingresses", "ingresses/status", "networkpolicies"], READ),
  r(["metrics.k8s.io"], ["pods", "nodes"], READ),
];

const EDIT: Rule[] = [
  r([""], ["pods/attach", "pods/exec", "pods/portforward", "pods/proxy", "secrets", "services/proxy"], READ),
  r([""], ["serviceaccounts"], ["impersonate"]),
  r([""], ["pods", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy"], WRITE),
  r([""], ["pods/eviction"], ["create"]),
  r([""], ["configmaps", "endpoints", "events", "persistentvolumeclaims", "replicationcontrollers", "replicationcontrollers/scale", "secrets", "serviceaccounts", "services", "services/proxy"], WRITE),
  r([""], ["serviceaccounts/token"], ["create"]),
  r(["apps"], ["daemonsets", "deployments", "deployments/rollback", "deployments/scale", "replicasets", "replicasets/scale", "statefulsets", "statefulsets/scale"], WRITE),
  r(["autoscaling"], ["horizontalpodautoscalers"], WRITE),
  r(["batch"], ["cronjobs", "jobs"], WRITE),
  r(["networking.k8s.io"], ["ingresses", "networkpolicies"], WRITE),
  r(["policy"], ["poddisruptionbudgets"], WRITE),
  r(["discovery.k8s.io"], ["endpointslices"], WRITE),
  ...VIEW,
];

const ADMIN: Rule[] = [
  r(["authorization.k8s.io"], ["localsubjectaccessreviews"], ["create"]),
  r(["rbac.authorization.k8s.io"], ["rolebindings", "roles"], [...WRITE.slice(0, 3), "get", "list", "patch", "update", "watch"]),
  ...EDIT,
];

const aggregated = (name: string) => ({ clusterRoleSelectors: [{ matchLabels: { [`rbac.authorization.k8s.io/aggregate-to-${name}`]: "true" } }] });
const BOOTSTRAP = { "kubernetes.io/bootstrapping": "rbac-defaults" };
const AUTOUPDATE = { "rbac.authorization.kubernetes.io/autoupdate": "true" };

export function seedRbac(ctx: SeedContext, offsetS: number): void {
  const role = (name: string, rules: Rule[], extra: Record<string, unknown> = {}, labels: Record<string, string> = {}) =>
    seed(ctx, { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name, labels: { ...BOOTSTRAP, ...labels }, annotations: { ...AUTOUPDATE } }, rules, ...extra }, offsetS);
  role("cluster-admin", [r(["*"], ["*"], ["*"]), { nonResourceURLs: ["*"], verbs: ["*"] }]);
  role("admin", ADMIN, { aggregationRule: aggregated("admin") });
  role("edit", EDIT, { aggregationRule: aggregated("edit") }, { "rbac.authorization.k8s.io/aggregate-to-admin": "true" });
  role("view", VIEW, { aggregationRule: aggregated("view") }, { "rbac.authorization.k8s.io/aggregate-to-edit": "true" });
  role("system:basic-user", [r(["authorization.k8s.io"], ["selfsubjectaccessreviews", "selfsubjectrulesreviews"], ["create"]), r(["authentication.k8s.io"], ["selfsubjectreviews"], ["create"])]);
  role("system:discovery", [{ nonResourceURLs: ["/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi", "/openapi/*", "/readyz", "/version", "/version/"], verbs: ["get"] }]);
  role("system:public-info-viewer", [{ nonResourceURLs: ["/healthz", "/livez", "/readyz", "/version", "/version/"], verbs: ["get"] }]);

  const binding = (name: string, roleName: string, subjects: Array<{ kind: string; name: string; namespace?: string }>, bootstrap = true) =>
    seed(
      ctx,
      {
        apiVersion: "rbac.authorization.k8s.io/v1",
        kind: "ClusterRoleBinding",
        metadata: { name, ...(bootstrap ? { labels: { ...BOOTSTRAP }, annotations: { ...AUTOUPDATE } } : {}) },
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: roleName },
        subjects: subjects.map((s) => ({ ...(s.kind === "ServiceAccount" ? {} : { apiGroup: "rbac.authorization.k8s.io" }), ...s })),
      },
      offsetS,
    );
  binding("cluster-admin", "cluster-admin", [{ kind: "Group", name: "system:masters" }]);
  binding("kubeadm:cluster-admins", "cluster-admin", [{ kind: "Group", name: "kubeadm:cluster-admins" }], false);
  binding("system:basic-user", "system:basic-user", [{ kind: "Group", name: "system:authenticated" }]);
  binding("system:discovery", "system:discovery", [{ kind: "Group", name: "system:authenticated" }]);
  binding("system:public-info-viewer", "system:public-info-viewer", [
    { kind: "Group", name: "system:authenticated" },
    { kind: "Group", name: "system:unauthenticated" },
  ]);
}
