// The RBAC objects of a fresh kubeadm-built Kubernetes 1.32 cluster, as data (rbac.ts seeds them).
// Facts from the Kubernetes sources at release 1.32:
// - what the API server's RBAC bootstrap creates with the default feature gates:
//   plugin/pkg/auth/authorizer/rbac/bootstrappolicy (policy.go, controller_policy.go, namespace_policy.go;
//   their output is testdata/cluster-roles.yaml, controller-roles.yaml, namespace-roles.yaml and the *-bindings.yaml);
// - what `kubeadm init` adds: cmd/kubeadm/app/phases/{bootstraptoken/node,bootstraptoken/clusterinfo,
//   uploadconfig,kubelet,addons/proxy,addons/dns} and kubeconfig (kubeadm:cluster-admins);
// - metrics-server's system:aggregated-metrics-reader (metrics-server manifests/base/rbac.yaml): the sandbox
//   serves metrics.k8s.io, and on a cluster that does, that role is what lets view/edit/admin read metrics.
// Rules are written as the API server stores them: fields sorted within a rule, rules in policy order.

export interface PolicyRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

export interface Subject {
  kind: "User" | "Group" | "ServiceAccount";
  name: string;
  namespace?: string;
}

export interface ClusterRoleDef {
  name: string;
  /** Absent for the aggregated roles: the clusterrole-aggregation controller fills them in. */
  rules?: PolicyRule[];
  /** Besides kubernetes.io/bootstrapping for the bootstrap roles. Sorted, as the server prints them. */
  labels?: Record<string, string>;
  /** admin/edit/view: aggregates the ClusterRoles labelled rbac.authorization.k8s.io/aggregate-to-<this>. */
  aggregate?: "admin" | "edit" | "view";
}

export interface RoleDef {
  namespace: string;
  name: string;
  rules: PolicyRule[];
}

export interface BindingDef {
  name: string;
  /** The (Cluster)Role it binds. */
  role: string;
  subjects: Subject[];
  namespace?: string;
}

const words = (s: string) => s.split(" ");

/** A resource rule: one API group or several ("" is the core group); resources, verbs and names space-separated. */
function rule(groups: string | string[], resources: string, verbs: string, names?: string): PolicyRule {
  return { verbs: words(verbs), apiGroups: typeof groups === "string" ? [groups] : groups, resources: words(resources), ...(names ? { resourceNames: words(names) } : {}) };
}

/** A non-resource rule. */
function urls(paths: string, verbs: string): PolicyRule {
  return { verbs: words(verbs), nonResourceURLs: words(paths) };
}

const user = (name: string): Subject => ({ kind: "User", name });
const group = (name: string): Subject => ({ kind: "Group", name });
const sa = (namespace: string, name: string): Subject => ({ kind: "ServiceAccount", name, namespace });

const R = "get list watch";
const W = "create delete deletecollection patch update";
const RW = "create delete deletecollection get list patch update watch";
/** bootstrappolicy's eventsRule(). */
const EVENTS = rule(["", "events.k8s.io"], "events", "create patch update");
const aggregateTo = (...roles: string[]) => Object.fromEntries(roles.map((r) => [`rbac.authorization.k8s.io/aggregate-to-${r}`, "true"]));

/** bootstrappolicy ClusterRoles() (testdata/cluster-roles.yaml). */
export const BOOTSTRAP_CLUSTER_ROLES: ClusterRoleDef[] = [
  { name: "admin", aggregate: "admin" },
  { name: "cluster-admin", rules: [rule("*", "*", "*"), urls("*", "*")] },
  { name: "edit", aggregate: "edit", labels: aggregateTo("admin") },
  {
    name: "system:aggregate-to-admin",
    labels: aggregateTo("admin"),
    rules: [rule("authorization.k8s.io", "localsubjectaccessreviews", "create"), rule("rbac.authorization.k8s.io", "rolebindings roles", RW)],
  },
  {
    name: "system:aggregate-to-edit",
    labels: aggregateTo("edit"),
    rules: [
      rule("", "pods/attach pods/exec pods/portforward pods/proxy secrets services/proxy", R),
      rule("", "serviceaccounts", "impersonate"),
      rule("", "pods pods/attach pods/exec pods/portforward pods/proxy", W),
      rule("", "pods/eviction", "create"),
      rule("", "configmaps events persistentvolumeclaims replicationcontrollers replicationcontrollers/scale secrets serviceaccounts services services/proxy", W),
      rule("", "serviceaccounts/token", "create"),
      rule("apps", "daemonsets deployments deployments/rollback deployments/scale replicasets replicasets/scale statefulsets statefulsets/scale", W),
      rule("autoscaling", "horizontalpodautoscalers", W),
      rule("batch", "cronjobs jobs", W),
      rule("extensions", "daemonsets deployments deployments/rollback deployments/scale ingresses networkpolicies replicasets replicasets/scale replicationcontrollers/scale", W),
      rule("policy", "poddisruptionbudgets", W),
      rule("networking.k8s.io", "ingresses networkpolicies", W),
      rule("coordination.k8s.io", "leases", RW),
    ],
  },
  {
    name: "system:aggregate-to-view",
    labels: aggregateTo("view"),
    rules: [
      rule("", "configmaps endpoints persistentvolumeclaims persistentvolumeclaims/status pods replicationcontrollers replicationcontrollers/scale serviceaccounts services services/status", R),
      rule("", "bindings events limitranges namespaces/status pods/log pods/status replicationcontrollers/status resourcequotas resourcequotas/status", R),
      rule("", "namespaces", R),
      rule("discovery.k8s.io", "endpointslices", R),
      rule("apps", "controllerrevisions daemonsets daemonsets/status deployments deployments/scale deployments/status replicasets replicasets/scale replicasets/status statefulsets statefulsets/scale statefulsets/status", R),
      rule("autoscaling", "horizontalpodautoscalers horizontalpodautoscalers/status", R),
      rule("batch", "cronjobs cronjobs/status jobs jobs/status", R),
      rule("extensions", "daemonsets daemonsets/status deployments deployments/scale deployments/status ingresses ingresses/status networkpolicies replicasets replicasets/scale replicasets/status replicationcontrollers/scale", R),
      rule("policy", "poddisruptionbudgets poddisruptionbudgets/status", R),
      rule("networking.k8s.io", "ingresses ingresses/status networkpolicies", R),
    ],
  },
  { name: "system:auth-delegator", rules: [rule("authentication.k8s.io", "tokenreviews", "create"), rule("authorization.k8s.io", "subjectaccessreviews", "create")] },
  {
    name: "system:basic-user",
    rules: [rule("authorization.k8s.io", "selfsubjectaccessreviews selfsubjectrulesreviews", "create"), rule("authentication.k8s.io", "selfsubjectreviews", "create")],
  },
  { name: "system:certificates.k8s.io:certificatesigningrequests:nodeclient", rules: [rule("certificates.k8s.io", "certificatesigningrequests/nodeclient", "create")] },
  { name: "system:certificates.k8s.io:certificatesigningrequests:selfnodeclient", rules: [rule("certificates.k8s.io", "certificatesigningrequests/selfnodeclient", "create")] },
  { name: "system:certificates.k8s.io:kube-apiserver-client-approver", rules: [rule("certificates.k8s.io", "signers", "approve", "kubernetes.io/kube-apiserver-client")] },
  { name: "system:certificates.k8s.io:kube-apiserver-client-kubelet-approver", rules: [rule("certificates.k8s.io", "signers", "approve", "kubernetes.io/kube-apiserver-client-kubelet")] },
  { name: "system:certificates.k8s.io:kubelet-serving-approver", rules: [rule("certificates.k8s.io", "signers", "approve", "kubernetes.io/kubelet-serving")] },
  { name: "system:certificates.k8s.io:legacy-unknown-approver", rules: [rule("certificates.k8s.io", "signers", "approve", "kubernetes.io/legacy-unknown")] },
  { name: "system:discovery", rules: [urls("/api /api/* /apis /apis/* /healthz /livez /openapi /openapi/* /readyz /version /version/", "get")] },
  { name: "system:heapster", rules: [rule("", "events namespaces nodes pods", R), rule("extensions", "deployments", R)] },
  { name: "system:kube-aggregator", rules: [rule("", "endpoints services", R)] },
  {
    name: "system:kube-controller-manager",
    rules: [
      EVENTS,
      rule("coordination.k8s.io", "leases", "create"),
      rule("coordination.k8s.io", "leases", "get update", "kube-controller-manager"),
      rule("", "secrets serviceaccounts", "create"),
      rule("", "secrets", "delete"),
      rule("", "configmaps namespaces secrets serviceaccounts", "get"),
      rule("", "secrets serviceaccounts", "update"),
      rule("authentication.k8s.io", "tokenreviews", "create"),
      rule("authorization.k8s.io", "subjectaccessreviews", "create"),
      rule("*", "*", "list watch"),
      rule("", "serviceaccounts/token", "create"),
    ],
  },
  { name: "system:kube-dns", rules: [rule("", "endpoints services", "list watch")] },
  {
    name: "system:kube-scheduler",
    rules: [
      EVENTS,
      rule("coordination.k8s.io", "leases", "create"),
      rule("coordination.k8s.io", "leases", "get list update watch", "kube-scheduler"),
      rule("coordination.k8s.io", "leasecandidates", RW),
      rule("", "nodes", R),
      rule("", "pods", "delete get list watch"),
      rule("", "bindings pods/binding", "create"),
      rule("", "pods/status", "patch update"),
      rule("", "replicationcontrollers services", R),
      rule(["apps", "extensions"], "replicasets", R),
      rule("apps", "statefulsets", R),
      rule("policy", "poddisruptionbudgets", R),
      rule("", "persistentvolumeclaims persistentvolumes", R),
      rule("authentication.k8s.io", "tokenreviews", "create"),
      rule("authorization.k8s.io", "subjectaccessreviews", "create"),
      rule("storage.k8s.io", "csinodes", R),
      rule("storage.k8s.io", "volumeattachments", R),
      rule("", "namespaces", R),
      rule("storage.k8s.io", "csidrivers", R),
      rule("storage.k8s.io", "csistoragecapacities", R),
    ],
  },
  {
    name: "system:kubelet-api-admin",
    rules: [rule("", "nodes", R), rule("", "nodes", "proxy"), rule("", "nodes/log nodes/metrics nodes/proxy nodes/stats", "*")],
  },
  { name: "system:monitoring", rules: [urls("/healthz /healthz/* /livez /livez/* /metrics /metrics/slis /readyz /readyz/*", "get")] },
  {
    name: "system:node",
    rules: [
      rule("authentication.k8s.io", "tokenreviews", "create"),
      rule("authorization.k8s.io", "localsubjectaccessreviews subjectaccessreviews", "create"),
      rule("", "services", R),
      rule("", "nodes", "create get list watch"),
      rule("", "nodes/status", "patch update"),
      rule("", "nodes", "patch update"),
      rule("", "events", "create patch update"),
      rule("", "pods", R),
      rule("", "pods", "create delete"),
      rule("", "pods/status", "patch update"),
      rule("", "pods/eviction", "create"),
      rule("", "configmaps secrets", R),
      rule("", "persistentvolumeclaims persistentvolumes", "get"),
      rule("", "endpoints", "get"),
      rule("certificates.k8s.io", "certificatesigningrequests", "create get list watch"),
      rule("coordination.k8s.io", "leases", "create delete get patch update"),
      rule("storage.k8s.io", "volumeattachments", "get"),
      rule("", "serviceaccounts/token", "create"),
      rule("", "persistentvolumeclaims/status", "get patch update"),
      rule("storage.k8s.io", "csidrivers", R),
      rule("storage.k8s.io", "csinodes", "create delete get patch update"),
      rule("node.k8s.io", "runtimeclasses", R),
    ],
  },
  { name: "system:node-bootstrapper", rules: [rule("certificates.k8s.io", "certificatesigningrequests", "create get list watch")] },
  { name: "system:node-problem-detector", rules: [rule("", "nodes", "get"), rule("", "nodes/status", "patch"), EVENTS] },
  {
    name: "system:node-proxier",
    rules: [rule("", "endpoints services", "list watch"), rule("", "nodes", R), EVENTS, rule("discovery.k8s.io", "endpointslices", "list watch")],
  },
  {
    name: "system:persistent-volume-provisioner",
    rules: [
      rule("", "persistentvolumes", "create delete get list watch"),
      rule("", "persistentvolumeclaims", "get list update watch"),
      rule("storage.k8s.io", "storageclasses", R),
      rule("", "events", "watch"),
      EVENTS,
    ],
  },
  { name: "system:public-info-viewer", rules: [urls("/healthz /livez /readyz /version /version/", "get")] },
  {
    name: "system:service-account-issuer-discovery",
    rules: [urls("/.well-known/openid-configuration /.well-known/openid-configuration/ /openid/v1/jwks /openid/v1/jwks/", "get")],
  },
  {
    name: "system:volume-scheduler",
    rules: [rule("", "persistentvolumes", "get list patch update watch"), rule("storage.k8s.io", "storageclasses", R), rule("", "persistentvolumeclaims", "get list patch update watch")],
  },
  { name: "view", aggregate: "view", labels: aggregateTo("edit") },
];

/** bootstrappolicy ClusterRoleBindings(): each binds the ClusterRole of its name (testdata/cluster-role-bindings.yaml). */
export const BOOTSTRAP_CLUSTER_ROLE_BINDINGS: Record<string, Subject[]> = {
  "cluster-admin": [group("system:masters")],
  "system:basic-user": [group("system:authenticated")],
  "system:discovery": [group("system:authenticated")],
  "system:kube-controller-manager": [user("system:kube-controller-manager")],
  "system:kube-dns": [sa("kube-system", "kube-dns")],
  "system:kube-scheduler": [user("system:kube-scheduler")],
  "system:monitoring": [group("system:monitoring")],
  // Kept with no subjects since the Node authorizer took over (1.7), so reconciliation can remove them.
  "system:node": [],
  "system:node-proxier": [user("system:kube-proxy")],
  "system:public-info-viewer": [group("system:authenticated"), group("system:unauthenticated")],
  "system:service-account-issuer-discovery": [group("system:serviceaccounts")],
  "system:volume-scheduler": [user("system:kube-scheduler")],
};

/**
 * bootstrappolicy ControllerRoles() (testdata/controller-roles.yaml): ClusterRole system:controller:<name>, bound
 * by the ClusterRoleBinding of the same name to the ServiceAccount kube-system/<name> (controller-role-bindings.yaml).
 */
export const CONTROLLER_ROLES: Record<string, PolicyRule[]> = {
  "attachdetach-controller": [
    rule("", "persistentvolumeclaims persistentvolumes", "list watch"),
    rule("", "nodes", R),
    rule("", "nodes/status", "patch update"),
    rule("", "pods", "list watch"),
    EVENTS,
    rule("storage.k8s.io", "volumeattachments", "create delete get list watch"),
    rule("storage.k8s.io", "csidrivers", R),
    rule("storage.k8s.io", "csinodes", R),
  ],
  "certificate-controller": [
    rule("certificates.k8s.io", "certificatesigningrequests", "delete get list watch"),
    rule("certificates.k8s.io", "certificatesigningrequests/approval certificatesigningrequests/status", "update"),
    rule("certificates.k8s.io", "signers", "approve", "kubernetes.io/kube-apiserver-client-kubelet"),
    rule("certificates.k8s.io", "signers", "sign", "kubernetes.io/kube-apiserver-client kubernetes.io/kube-apiserver-client-kubelet kubernetes.io/kubelet-serving kubernetes.io/legacy-unknown"),
    rule("authorization.k8s.io", "subjectaccessreviews", "create"),
    EVENTS,
  ],
  "clusterrole-aggregation-controller": [rule("rbac.authorization.k8s.io", "clusterroles", "escalate get list patch update watch")],
  "cronjob-controller": [
    rule("batch", "cronjobs", "get list update watch"),
    rule("batch", "jobs", "create delete get list patch update watch"),
    rule("batch", "cronjobs/status", "update"),
    rule("batch", "cronjobs/finalizers", "update"),
    rule("", "pods", "delete list watch"),
    EVENTS,
  ],
  "daemon-set-controller": [
    rule(["apps", "extensions"], "daemonsets", R),
    rule(["apps", "extensions"], "daemonsets/status", "update"),
    rule(["apps", "extensions"], "daemonsets/finalizers", "update"),
    rule("", "nodes", "list watch"),
    rule("", "pods", "create delete list patch watch"),
    rule("", "pods/binding", "create"),
    rule("apps", "controllerrevisions", "create delete get list patch update watch"),
    EVENTS,
  ],
  "deployment-controller": [
    rule(["apps", "extensions"], "deployments", "get list update watch"),
    rule(["apps", "extensions"], "deployments/status", "update"),
    rule(["apps", "extensions"], "deployments/finalizers", "update"),
    rule(["apps", "extensions"], "replicasets", "create delete get list patch update watch"),
    rule("", "pods", "get list update watch"),
    EVENTS,
  ],
  "disruption-controller": [
    rule(["apps", "extensions"], "deployments", R),
    rule(["apps", "extensions"], "replicasets", R),
    rule("", "replicationcontrollers", R),
    rule("policy", "poddisruptionbudgets", R),
    rule("apps", "statefulsets", R),
    rule("policy", "poddisruptionbudgets/status", "update"),
    rule("", "pods/status", "patch update"),
    rule("*", "*/scale", "get"),
    EVENTS,
  ],
  "endpoint-controller": [rule("", "pods services", R), rule("", "endpoints", "create delete get list update watch"), rule("", "endpoints/restricted", "create"), EVENTS],
  "endpointslice-controller": [
    rule("", "nodes pods services", R),
    rule("", "services/finalizers", "update"),
    rule("discovery.k8s.io", "endpointslices", "create delete get list update watch"),
    EVENTS,
  ],
  "endpointslicemirroring-controller": [
    rule("", "endpoints services", R),
    rule("", "services/finalizers", "update"),
    rule("", "endpoints/finalizers", "update"),
    rule("discovery.k8s.io", "endpointslices", "create delete get list update watch"),
    EVENTS,
  ],
  "ephemeral-volume-controller": [rule("", "pods", R), rule("", "pods/finalizers", "update"), rule("", "persistentvolumeclaims", "create get list watch"), EVENTS],
  "expand-controller": [
    rule("", "persistentvolumes", "get list patch update watch"),
    rule("", "persistentvolumeclaims/status", "patch update"),
    rule("", "persistentvolumeclaims", R),
    EVENTS,
    rule("", "services", "get"),
  ],
  "generic-garbage-collector": [rule("*", "*", "delete get list patch update watch"), EVENTS],
  "horizontal-pod-autoscaler": [
    rule("autoscaling", "horizontalpodautoscalers", R),
    rule("autoscaling", "horizontalpodautoscalers/status", "update"),
    rule("*", "*/scale", "get update"),
    rule("", "pods", "list watch"),
    rule("metrics.k8s.io", "pods", "list watch"),
    rule("custom.metrics.k8s.io", "*", R),
    rule("external.metrics.k8s.io", "*", R),
    EVENTS,
  ],
  "job-controller": [
    rule("batch", "jobs", "get list patch update watch"),
    rule("batch", "jobs/status", "update"),
    rule("batch", "jobs/finalizers", "update"),
    rule("", "pods", "create delete list patch watch"),
    EVENTS,
  ],
  "legacy-service-account-token-cleaner": [rule("", "configmaps", "get", "kube-apiserver-legacy-service-account-token-tracking"), rule("", "secrets", "delete patch")],
  "namespace-controller": [
    rule("", "namespaces", "delete get list watch"),
    rule("", "namespaces/finalize namespaces/status", "update"),
    rule("*", "*", "delete deletecollection get list watch"),
  ],
  "node-controller": [
    rule("", "nodes", "delete get list patch update watch"),
    rule("", "nodes/status", "patch update"),
    rule("", "pods/status", "patch update"),
    rule("", "pods", "delete get list watch"),
    EVENTS,
  ],
  "persistent-volume-binder": [
    rule("", "persistentvolumes", "create delete get list update watch"),
    rule("", "persistentvolumes/status", "update"),
    rule("", "persistentvolumeclaims", "get list update watch"),
    rule("", "persistentvolumeclaims/status", "update"),
    rule("", "pods", "create delete get list watch"),
    rule("storage.k8s.io", "storageclasses", R),
    rule("", "nodes", "list watch"),
    EVENTS,
    rule("", "events", "watch"),
    rule("", "services", "get"),
  ],
  "pod-garbage-collector": [rule("", "pods", "delete list watch"), rule("", "nodes", R), rule("", "pods/status", "patch")],
  "pv-protection-controller": [rule("", "persistentvolumes", "get list update watch"), EVENTS],
  "pvc-protection-controller": [rule("", "persistentvolumeclaims", "get list update watch"), rule("", "pods", R), EVENTS],
  "replicaset-controller": [
    rule(["apps", "extensions"], "replicasets", "get list update watch"),
    rule(["apps", "extensions"], "replicasets/status", "update"),
    rule(["apps", "extensions"], "replicasets/finalizers", "update"),
    rule("", "pods", "create delete list patch watch"),
    EVENTS,
  ],
  "replication-controller": [
    rule("", "replicationcontrollers", "get list update watch"),
    rule("", "replicationcontrollers/status", "update"),
    rule("", "replicationcontrollers/finalizers", "update"),
    rule("", "pods", "create delete list patch watch"),
    EVENTS,
  ],
  "resourcequota-controller": [rule("*", "*", "list watch"), rule("", "resourcequotas/status", "update"), EVENTS],
  "root-ca-cert-publisher": [rule("", "configmaps", "create update"), EVENTS],
  "route-controller": [rule("", "nodes", "list watch"), rule("", "nodes/status", "patch"), EVENTS],
  "service-account-controller": [rule("", "serviceaccounts", "create"), EVENTS],
  "service-controller": [rule("", "services", R), rule("", "services/status", "patch update"), rule("", "nodes", "list watch"), EVENTS],
  "statefulset-controller": [
    rule("", "pods", "list watch"),
    rule("apps", "statefulsets", R),
    rule("apps", "statefulsets/status", "update"),
    rule("apps", "statefulsets/finalizers", "update"),
    rule("", "pods", "create delete get patch update"),
    rule("apps", "controllerrevisions", "create delete get list patch update watch"),
    rule("", "persistentvolumeclaims", "create get list watch"),
    EVENTS,
    rule("", "persistentvolumeclaims", "delete update"),
    rule("", "pods/finalizers", "update"),
  ],
  "ttl-after-finished-controller": [rule("batch", "jobs", "delete get list watch"), EVENTS],
  "ttl-controller": [rule("", "nodes", "list patch update watch"), EVENTS],
  "validatingadmissionpolicy-status-controller": [
    rule("admissionregistration.k8s.io", "validatingadmissionpolicies", R),
    rule("admissionregistration.k8s.io", "validatingadmissionpolicies/status", "get patch update"),
    EVENTS,
  ],
};

const LEADER_LOCKING = (component: string) => [
  rule("", "configmaps", "watch"),
  rule("", "configmaps", "get update", component),
  rule("coordination.k8s.io", "leases", "create get list update watch"),
  rule("coordination.k8s.io", "leasecandidates", "create get list update watch"),
];

/** bootstrappolicy NamespaceRoles() (testdata/namespace-roles.yaml). */
export const BOOTSTRAP_ROLES: RoleDef[] = [
  { namespace: "kube-public", name: "system:controller:bootstrap-signer", rules: [rule("", "configmaps", R), rule("", "configmaps", "update", "cluster-info"), EVENTS] },
  { namespace: "kube-system", name: "extension-apiserver-authentication-reader", rules: [rule("", "configmaps", R, "extension-apiserver-authentication")] },
  { namespace: "kube-system", name: "system::leader-locking-kube-controller-manager", rules: LEADER_LOCKING("kube-controller-manager") },
  { namespace: "kube-system", name: "system::leader-locking-kube-scheduler", rules: LEADER_LOCKING("kube-scheduler") },
  { namespace: "kube-system", name: "system:controller:bootstrap-signer", rules: [rule("", "secrets", R)] },
  { namespace: "kube-system", name: "system:controller:cloud-provider", rules: [rule("", "configmaps", "create get list watch")] },
  { namespace: "kube-system", name: "system:controller:token-cleaner", rules: [rule("", "secrets", "delete get list watch"), EVENTS] },
];

/** bootstrappolicy NamespaceRoleBindings() (testdata/namespace-role-bindings.yaml). */
export const BOOTSTRAP_ROLE_BINDINGS: BindingDef[] = [
  { namespace: "kube-public", name: "system:controller:bootstrap-signer", role: "system:controller:bootstrap-signer", subjects: [sa("kube-system", "bootstrap-signer")] },
  {
    namespace: "kube-system",
    name: "system::extension-apiserver-authentication-reader",
    role: "extension-apiserver-authentication-reader",
    subjects: [user("system:kube-controller-manager"), user("system:kube-scheduler")],
  },
  {
    namespace: "kube-system",
    name: "system::leader-locking-kube-controller-manager",
    role: "system::leader-locking-kube-controller-manager",
    subjects: [user("system:kube-controller-manager"), sa("kube-system", "kube-controller-manager"), sa("kube-system", "leader-election-controller")],
  },
  {
    namespace: "kube-system",
    name: "system::leader-locking-kube-scheduler",
    role: "system::leader-locking-kube-scheduler",
    subjects: [user("system:kube-scheduler"), sa("kube-system", "kube-scheduler")],
  },
  { namespace: "kube-system", name: "system:controller:bootstrap-signer", role: "system:controller:bootstrap-signer", subjects: [sa("kube-system", "bootstrap-signer")] },
  { namespace: "kube-system", name: "system:controller:cloud-provider", role: "system:controller:cloud-provider", subjects: [sa("kube-system", "cloud-provider")] },
  { namespace: "kube-system", name: "system:controller:token-cleaner", role: "system:controller:token-cleaner", subjects: [sa("kube-system", "token-cleaner")] },
];

/** metrics-server's aggregated reader: folds metrics.k8s.io reads into view, edit and admin. */
export const METRICS_SERVER_CLUSTER_ROLES: ClusterRoleDef[] = [
  {
    name: "system:aggregated-metrics-reader",
    labels: { "k8s-app": "metrics-server", ...aggregateTo("admin", "edit", "view") },
    rules: [rule("metrics.k8s.io", "pods nodes", R)],
  },
];

const BOOTSTRAP_TOKENS = "system:bootstrappers:kubeadm:default-node-token";

/** `kubeadm init`: the first binding is made before the others, as soon as the API server answers (phases/kubeconfig). */
export const KUBEADM_ADMINS_BINDING: BindingDef = { name: "kubeadm:cluster-admins", role: "cluster-admin", subjects: [group("kubeadm:cluster-admins")] };

/** `kubeadm init`'s upload-config and bootstrap-token phases. */
export const KUBEADM_CLUSTER_ROLES: ClusterRoleDef[] = [{ name: "kubeadm:get-nodes", rules: [rule("", "nodes", "get")] }];

export const KUBEADM_CLUSTER_ROLE_BINDINGS: BindingDef[] = [
  { name: "kubeadm:get-nodes", role: "kubeadm:get-nodes", subjects: [group(BOOTSTRAP_TOKENS)] },
  { name: "kubeadm:kubelet-bootstrap", role: "system:node-bootstrapper", subjects: [group(BOOTSTRAP_TOKENS)] },
  { name: "kubeadm:node-autoapprove-bootstrap", role: "system:certificates.k8s.io:certificatesigningrequests:nodeclient", subjects: [group(BOOTSTRAP_TOKENS)] },
  { name: "kubeadm:node-autoapprove-certificate-rotation", role: "system:certificates.k8s.io:certificatesigningrequests:selfnodeclient", subjects: [group("system:nodes")] },
];

export const KUBEADM_ROLES: RoleDef[] = [
  { namespace: "kube-system", name: "kubeadm:nodes-kubeadm-config", rules: [rule("", "configmaps", "get", "kubeadm-config")] },
  { namespace: "kube-system", name: "kubeadm:kubelet-config", rules: [rule("", "configmaps", "get", "kubelet-config")] },
  { namespace: "kube-public", name: "kubeadm:bootstrap-signer-clusterinfo", rules: [rule("", "configmaps", "get", "cluster-info")] },
];

export const KUBEADM_ROLE_BINDINGS: BindingDef[] = [
  { namespace: "kube-system", name: "kubeadm:nodes-kubeadm-config", role: "kubeadm:nodes-kubeadm-config", subjects: [group(BOOTSTRAP_TOKENS), group("system:nodes")] },
  { namespace: "kube-system", name: "kubeadm:kubelet-config", role: "kubeadm:kubelet-config", subjects: [group("system:nodes"), group(BOOTSTRAP_TOKENS)] },
  { namespace: "kube-public", name: "kubeadm:bootstrap-signer-clusterinfo", role: "kubeadm:bootstrap-signer-clusterinfo", subjects: [user("system:anonymous")] },
];

/** `kubeadm init`'s addon phase: CoreDNS (phases/addons/dns/manifests.go; its resources unsorted, as written there). */
export const COREDNS_CLUSTER_ROLE: ClusterRoleDef = {
  name: "system:coredns",
  rules: [rule("", "endpoints services pods namespaces", "list watch"), rule("discovery.k8s.io", "endpointslices", "list watch")],
};
export const COREDNS_CLUSTER_ROLE_BINDING: BindingDef = { name: "system:coredns", role: "system:coredns", subjects: [sa("kube-system", "coredns")] };

/** ... and kube-proxy (phases/addons/proxy/proxy.go). */
export const KUBE_PROXY_CLUSTER_ROLE_BINDING: BindingDef = { name: "kubeadm:node-proxier", role: "system:node-proxier", subjects: [sa("kube-system", "kube-proxy")] };
export const KUBE_PROXY_ROLE: RoleDef = { namespace: "kube-system", name: "kube-proxy", rules: [rule("", "configmaps", "get", "kube-proxy")] };
export const KUBE_PROXY_ROLE_BINDING: BindingDef = { namespace: "kube-system", name: "kube-proxy", role: "kube-proxy", subjects: [group(BOOTSTRAP_TOKENS)] };
