// The RBAC objects of a fresh sandbox: those of a kubeadm-built Kubernetes 1.32 cluster (the API server's
// bootstrap policy and kubeadm init's own), with admin/edit/view stored as the aggregation controller leaves them.
// Expected outputs of kubectl were taken from kubectl 1.32 against the dev server.
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { testCluster } from "../../support/cluster";
import { kubectlTester } from "../../support/kubectl-env";

const RBAC = "/apis/rbac.authorization.k8s.io/v1";
const names = (list: { items: Array<{ metadata: { name: string } }> }) => list.items.map((o) => o.metadata.name);

/**
 * `kubectl get clusterroles` on a kubeadm 1.32 cluster (default feature gates), plus metrics-server's
 * system:aggregated-metrics-reader: the sandbox serves metrics.k8s.io, and that role is what gives view, edit and
 * admin their metrics rules. Left out: metrics-server's other objects (system:metrics-server and its binding,
 * metrics-server:system:auth-delegator, kube-system/metrics-server-auth-reader), which only serve a metrics-server
 * Deployment and ServiceAccount the sandbox does not run; and the roles feature gates off by default in 1.32 would add
 * (e.g. system:cluster-trust-bundle-discovery), as a real cluster has none of them either.
 */
const CLUSTER_ROLES = [
  "admin",
  "cluster-admin",
  "edit",
  "kubeadm:get-nodes",
  "system:aggregate-to-admin",
  "system:aggregate-to-edit",
  "system:aggregate-to-view",
  "system:aggregated-metrics-reader",
  "system:auth-delegator",
  "system:basic-user",
  "system:certificates.k8s.io:certificatesigningrequests:nodeclient",
  "system:certificates.k8s.io:certificatesigningrequests:selfnodeclient",
  "system:certificates.k8s.io:kube-apiserver-client-approver",
  "system:certificates.k8s.io:kube-apiserver-client-kubelet-approver",
  "system:certificates.k8s.io:kubelet-serving-approver",
  "system:certificates.k8s.io:legacy-unknown-approver",
  "system:controller:attachdetach-controller",
  "system:controller:certificate-controller",
  "system:controller:clusterrole-aggregation-controller",
  "system:controller:cronjob-controller",
  "system:controller:daemon-set-controller",
  "system:controller:deployment-controller",
  "system:controller:disruption-controller",
  "system:controller:endpoint-controller",
  "system:controller:endpointslice-controller",
  "system:controller:endpointslicemirroring-controller",
  "system:controller:ephemeral-volume-controller",
  "system:controller:expand-controller",
  "system:controller:generic-garbage-collector",
  "system:controller:horizontal-pod-autoscaler",
  "system:controller:job-controller",
  "system:controller:legacy-service-account-token-cleaner",
  "system:controller:namespace-controller",
  "system:controller:node-controller",
  "system:controller:persistent-volume-binder",
  "system:controller:pod-garbage-collector",
  "system:controller:pv-protection-controller",
  "system:controller:pvc-protection-controller",
  "system:controller:replicaset-controller",
  "system:controller:replication-controller",
  "system:controller:resourcequota-controller",
  "system:controller:root-ca-cert-publisher",
  "system:controller:route-controller",
  "system:controller:service-account-controller",
  "system:controller:service-controller",
  "system:controller:statefulset-controller",
  "system:controller:ttl-after-finished-controller",
  "system:controller:ttl-controller",
  "system:controller:validatingadmissionpolicy-status-controller",
  "system:coredns",
  "system:discovery",
  "system:heapster",
  "system:kube-aggregator",
  "system:kube-controller-manager",
  "system:kube-dns",
  "system:kube-scheduler",
  "system:kubelet-api-admin",
  "system:monitoring",
  "system:node",
  "system:node-bootstrapper",
  "system:node-problem-detector",
  "system:node-proxier",
  "system:persistent-volume-provisioner",
  "system:public-info-viewer",
  "system:service-account-issuer-discovery",
  "system:volume-scheduler",
  "view",
];

/** Each system:controller:<name> ClusterRole has a binding of the same name to kube-system/<name>. */
const CONTROLLERS = CLUSTER_ROLES.filter((n) => n.startsWith("system:controller:"));

const CLUSTER_ROLE_BINDINGS = [
  "cluster-admin",
  "kubeadm:cluster-admins",
  "kubeadm:get-nodes",
  "kubeadm:kubelet-bootstrap",
  "kubeadm:node-autoapprove-bootstrap",
  "kubeadm:node-autoapprove-certificate-rotation",
  "kubeadm:node-proxier",
  "system:basic-user",
  ...CONTROLLERS,
  "system:coredns",
  "system:discovery",
  "system:kube-controller-manager",
  "system:kube-dns",
  "system:kube-scheduler",
  "system:monitoring",
  "system:node",
  "system:node-proxier",
  "system:public-info-viewer",
  "system:service-account-issuer-discovery",
  "system:volume-scheduler",
];

/** What the clusterrole-aggregation controller writes into `name`: matching roles by name, their rules once each. */
function aggregate(name: string, roles: any[]): unknown[] {
  const target = roles.find((r) => r.metadata.name === name);
  const out: unknown[] = [];
  for (const sel of target.aggregationRule.clusterRoleSelectors) {
    const matching = roles
      .filter((r) => r.metadata.name !== name && Object.entries(sel.matchLabels).every(([k, v]) => r.metadata.labels?.[k] === v))
      .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
    for (const role of matching) for (const rule of role.rules ?? []) if (!out.some((r) => isDeepStrictEqual(r, rule))) out.push(rule);
  }
  return out;
}

describe("the RBAC objects of a fresh cluster", () => {
  const c = testCluster();

  it("has the ClusterRoles and ClusterRoleBindings of a kubeadm 1.32 cluster", () => {
    expect(names(c.get(`${RBAC}/clusterroles`))).toEqual(CLUSTER_ROLES);
    expect(names(c.get(`${RBAC}/clusterrolebindings`))).toEqual(CLUSTER_ROLE_BINDINGS);
    for (const name of CONTROLLERS) {
      const b = c.get(`${RBAC}/clusterrolebindings/${name}`);
      expect([b.roleRef.name, b.subjects]).toEqual([name, [{ kind: "ServiceAccount", name: name.slice("system:controller:".length), namespace: "kube-system" }]]);
    }
  });

  it("has the Roles and RoleBindings of kube-system and kube-public", () => {
    const kubeSystem = [
      "extension-apiserver-authentication-reader",
      "kube-proxy",
      "kubeadm:kubelet-config",
      "kubeadm:nodes-kubeadm-config",
      "system::leader-locking-kube-controller-manager",
      "system::leader-locking-kube-scheduler",
      "system:controller:bootstrap-signer",
      "system:controller:cloud-provider",
      "system:controller:token-cleaner",
    ];
    expect(names(c.get(`${RBAC}/namespaces/kube-system/roles`))).toEqual(kubeSystem);
    expect(names(c.get(`${RBAC}/namespaces/kube-system/rolebindings`))).toEqual(
      kubeSystem.map((n) => (n === "extension-apiserver-authentication-reader" ? "system::extension-apiserver-authentication-reader" : n)).sort(),
    );
    expect(names(c.get(`${RBAC}/namespaces/kube-public/roles`))).toEqual(["kubeadm:bootstrap-signer-clusterinfo", "system:controller:bootstrap-signer"]);
    expect(names(c.get(`${RBAC}/namespaces/kube-public/rolebindings`))).toEqual(["kubeadm:bootstrap-signer-clusterinfo", "system:controller:bootstrap-signer"]);
    expect(names(c.get(`${RBAC}/namespaces/default/roles`))).toEqual([]);
  });

  it("labels and annotates what the API server bootstraps, not what kubeadm creates", () => {
    const view = c.get(`${RBAC}/clusterroles/system:aggregate-to-view`).metadata;
    expect([view.labels, view.annotations]).toEqual([
      { "kubernetes.io/bootstrapping": "rbac-defaults", "rbac.authorization.k8s.io/aggregate-to-view": "true" },
      { "rbac.authorization.kubernetes.io/autoupdate": "true" },
    ]);
    expect(c.get(`${RBAC}/clusterrolebindings/system:controller:job-controller`).metadata.labels).toEqual({ "kubernetes.io/bootstrapping": "rbac-defaults" });
    expect(c.get(`${RBAC}/namespaces/kube-system/roles/system::leader-locking-kube-scheduler`).metadata.annotations).toEqual({ "rbac.authorization.kubernetes.io/autoupdate": "true" });
    for (const path of [`${RBAC}/clusterroles/system:coredns`, `${RBAC}/clusterrolebindings/kubeadm:node-proxier`, `${RBAC}/namespaces/kube-public/rolebindings/kubeadm:bootstrap-signer-clusterinfo`]) {
      const m = c.get(path).metadata;
      expect([m.labels, m.annotations]).toEqual([undefined, undefined]);
    }
    // The Node authorizer replaced it: the binding is kept, with no subjects.
    expect(c.get(`${RBAC}/clusterrolebindings/system:node`).subjects).toBeUndefined();
    expect(c.get(`${RBAC}/namespaces/kube-public/rolebindings/kubeadm:bootstrap-signer-clusterinfo`).subjects).toEqual([
      { kind: "User", apiGroup: "rbac.authorization.k8s.io", name: "system:anonymous" },
    ]);
  });

  it("stores admin, edit and view as the aggregation of the roles labelled aggregate-to-admin/edit/view", () => {
    const roles = c.get(`${RBAC}/clusterroles`).items;
    const rules = (name: string) => roles.find((r: any) => r.metadata.name === name).rules;
    for (const name of ["admin", "edit", "view"]) expect(rules(name)).toEqual(aggregate(name, roles));
    // By name: view gets system:aggregate-to-view's rules, then the metrics reader's; edit gets system:aggregate-to-edit's,
    // the metrics reader's, then view's not yet there; admin gets edit's, then system:aggregate-to-admin's.
    const metrics = rules("system:aggregated-metrics-reader");
    expect(rules("view")).toEqual([...rules("system:aggregate-to-view"), ...metrics]);
    expect(rules("edit")).toEqual([...rules("system:aggregate-to-edit"), ...metrics, ...rules("system:aggregate-to-view")]);
    expect(rules("admin")).toEqual([...rules("edit"), ...rules("system:aggregate-to-admin")]);
    expect(roles.find((r: any) => r.metadata.name === "cluster-admin").aggregationRule).toBeUndefined();
  });
});

describe("kubectl against the bootstrap roles", () => {
  const t = kubectlTester();

  it("describes system:aggregate-to-view", async () => {
    expect(await t.kubectl("describe clusterrole system:aggregate-to-view")).toEqual({
      stdout: [
        "Name:         system:aggregate-to-view",
        "Labels:       kubernetes.io/bootstrapping=rbac-defaults",
        "              rbac.authorization.k8s.io/aggregate-to-view=true",
        "Annotations:  rbac.authorization.kubernetes.io/autoupdate: true",
        "PolicyRule:",
        "  Resources                                    Non-Resource URLs  Resource Names  Verbs",
        "  ---------                                    -----------------  --------------  -----",
        "  bindings                                     []                 []              [get list watch]",
        "  configmaps                                   []                 []              [get list watch]",
        "  endpoints                                    []                 []              [get list watch]",
        "  events                                       []                 []              [get list watch]",
        "  limitranges                                  []                 []              [get list watch]",
        "  namespaces/status                            []                 []              [get list watch]",
        "  namespaces                                   []                 []              [get list watch]",
        "  persistentvolumeclaims/status                []                 []              [get list watch]",
        "  persistentvolumeclaims                       []                 []              [get list watch]",
        "  pods/log                                     []                 []              [get list watch]",
        "  pods/status                                  []                 []              [get list watch]",
        "  pods                                         []                 []              [get list watch]",
        "  replicationcontrollers/scale                 []                 []              [get list watch]",
        "  replicationcontrollers/status                []                 []              [get list watch]",
        "  replicationcontrollers                       []                 []              [get list watch]",
        "  resourcequotas/status                        []                 []              [get list watch]",
        "  resourcequotas                               []                 []              [get list watch]",
        "  serviceaccounts                              []                 []              [get list watch]",
        "  services/status                              []                 []              [get list watch]",
        "  services                                     []                 []              [get list watch]",
        "  controllerrevisions.apps                     []                 []              [get list watch]",
        "  daemonsets.apps/status                       []                 []              [get list watch]",
        "  daemonsets.apps                              []                 []              [get list watch]",
        "  deployments.apps/scale                       []                 []              [get list watch]",
        "  deployments.apps/status                      []                 []              [get list watch]",
        "  deployments.apps                             []                 []              [get list watch]",
        "  replicasets.apps/scale                       []                 []              [get list watch]",
        "  replicasets.apps/status                      []                 []              [get list watch]",
        "  replicasets.apps                             []                 []              [get list watch]",
        "  statefulsets.apps/scale                      []                 []              [get list watch]",
        "  statefulsets.apps/status                     []                 []              [get list watch]",
        "  statefulsets.apps                            []                 []              [get list watch]",
        "  horizontalpodautoscalers.autoscaling/status  []                 []              [get list watch]",
        "  horizontalpodautoscalers.autoscaling         []                 []              [get list watch]",
        "  cronjobs.batch/status                        []                 []              [get list watch]",
        "  cronjobs.batch                               []                 []              [get list watch]",
        "  jobs.batch/status                            []                 []              [get list watch]",
        "  jobs.batch                                   []                 []              [get list watch]",
        "  endpointslices.discovery.k8s.io              []                 []              [get list watch]",
        "  daemonsets.extensions/status                 []                 []              [get list watch]",
        "  daemonsets.extensions                        []                 []              [get list watch]",
        "  deployments.extensions/scale                 []                 []              [get list watch]",
        "  deployments.extensions/status                []                 []              [get list watch]",
        "  deployments.extensions                       []                 []              [get list watch]",
        "  ingresses.extensions/status                  []                 []              [get list watch]",
        "  ingresses.extensions                         []                 []              [get list watch]",
        "  networkpolicies.extensions                   []                 []              [get list watch]",
        "  replicasets.extensions/scale                 []                 []              [get list watch]",
        "  replicasets.extensions/status                []                 []              [get list watch]",
        "  replicasets.extensions                       []                 []              [get list watch]",
        "  replicationcontrollers.extensions/scale      []                 []              [get list watch]",
        "  ingresses.networking.k8s.io/status           []                 []              [get list watch]",
        "  ingresses.networking.k8s.io                  []                 []              [get list watch]",
        "  networkpolicies.networking.k8s.io            []                 []              [get list watch]",
        "  poddisruptionbudgets.policy/status           []                 []              [get list watch]",
        "  poddisruptionbudgets.policy                  []                 []              [get list watch]",
      ].join("\n") + "\n",
      stderr: "",
      exitCode: 0,
    });
  });

  it("answers can-i for ServiceAccounts bound to view and edit as before, and as 1.32's roles do", async () => {
    await t.kubectl("create namespace dev");
    for (const [sa, role] of [["viewer", "view"], ["editor", "edit"]]) {
      await t.kubectl(`create serviceaccount ${sa} -n dev`);
      await t.kubectl(`create rolebinding ${sa} --clusterrole=${role} --serviceaccount=dev:${sa} -n dev`);
    }
    const canI = async (sa: string, what: string) => (await t.kubectl(`auth can-i ${what} -n dev --as=system:serviceaccount:dev:${sa}`)).stdout.trim();
    const both = ["get pods", "list pods", "watch pods", "get pods/log", "get configmaps", "get deployments.apps", "get replicasets.apps", "get services", "get endpoints"];
    const editOnly = [
      "create pods",
      "delete pods",
      "create pods/exec",
      "get secrets",
      "create secrets",
      "update configmaps",
      "create deployments.apps",
      "patch deployments.apps/scale",
      "create services",
      "create jobs.batch",
      "create horizontalpodautoscalers.autoscaling",
      "create ingresses.networking.k8s.io",
      "create networkpolicies.networking.k8s.io",
      "create poddisruptionbudgets.policy",
      "create pods/eviction",
      "impersonate serviceaccounts",
      "create serviceaccounts/token",
      "create persistentvolumeclaims",
      "create events",
    ];
    const neither = ["create resourcequotas", "create roles.rbac.authorization.k8s.io", "create rolebindings.rbac.authorization.k8s.io", "create localsubjectaccessreviews.authorization.k8s.io", "list nodes", "get persistentvolumes"];
    const readBoth = ["get endpointslices.discovery.k8s.io", "get events", "get resourcequotas", "get limitranges", "get namespaces", "get cronjobs.batch", "get persistentvolumeclaims", "get pods.metrics.k8s.io", "list nodes.metrics.k8s.io"];
    for (const what of [...both, ...readBoth]) expect([what, await canI("viewer", what), await canI("editor", what)]).toEqual([what, "yes", "yes"]);
    for (const what of editOnly) expect([what, await canI("viewer", what), await canI("editor", what)]).toEqual([what, "no", "yes"]);
    for (const what of neither) expect([what, await canI("viewer", what), await canI("editor", what)]).toEqual([what, "no", "no"]);
    // Where 1.32's edit differs from the shorter hand-made list this cluster had: no writes to Endpoints (dropped from
    // edit in 1.22, CVE-2021-25740) nor EndpointSlices (never in edit), and Leases (coordination.k8s.io) read and written.
    for (const what of ["create endpoints", "create endpointslices.discovery.k8s.io"]) expect([what, await canI("editor", what)]).toEqual([what, "no"]);
    for (const what of ["get leases.coordination.k8s.io", "create leases.coordination.k8s.io"]) {
      expect([what, await canI("viewer", what), await canI("editor", what)]).toEqual([what, "no", "yes"]);
    }
    // The docs' aggregated ClusterRoles: a role labelled aggregate-to-view adds its rules to view, which keeps the rest.
    await t.kubectl("create clusterrole quota-maker --verb=create --resource=resourcequotas");
    await t.kubectl("label clusterrole quota-maker rbac.authorization.k8s.io/aggregate-to-view=true");
    for (const what of ["create resourcequotas", "get pods", "get configmaps"]) expect([what, await canI("viewer", what)]).toEqual([what, "yes"]);
    expect(await canI("viewer", "create pods")).toBe("no");
  });
});
