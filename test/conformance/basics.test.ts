// Discovery-level commands and a fresh sandbox's kubeadm-like state, with every kubectl version.
// Expected outputs are what kubectl prints against a kubeadm 1.32.2 cluster (control plane
// "controlplane", workers node01/node02) for the same objects.
import { beforeAll, expect, it } from "vitest";
import { hasKubectl, PRIMARY } from "./sandbox";
import { allVersions, describe, lines, masked, parseTable, records, sandboxFor, stripAnsi, type Env } from "./output";

const versions = allVersions();

describe.skipIf(!hasKubectl())("basics", () => {
  describe.each(versions.length ? versions : [PRIMARY])("kubectl %s", (version) => {
    let env: Env;
    beforeAll(async () => {
      env = await sandboxFor(version);
    });

    it("version: client, kustomize and a v1.32.2 server", async () => {
      const r = await env.k.run(["version"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Client Version: v${version.replace(".", "\\.")}\\.\\d+\\nKustomize Version: v\\S+\\nServer Version: v1\\.32\\.2\\n$`));
      // kubectl warns (on stderr) when the client is more than one minor version away from the server.
      expect(r.stderr).toBe(version === "1.29" ? "WARNING: version difference between client (1.29) and server (1.32) exceeds the supported minor version skew of +/-1\n" : "");
      const json = JSON.parse((await env.k.run(["version", "-o", "json"])).stdout);
      expect(json.serverVersion).toMatchObject({ major: "1", minor: "32", gitVersion: "v1.32.2", gitTreeState: "clean", compiler: "gc", platform: "linux/amd64" });
      expect(json.serverVersion.goVersion).toMatch(/^go1\.23\.\d+$/);
    });

    it("cluster-info names the control plane and CoreDNS (kube-dns carries kubernetes.io/cluster-service=true)", async () => {
      const server = env.session.server;
      expect(stripAnsi(await env.k.ok(["cluster-info"]))).toBe(
        lines(
          `Kubernetes control plane is running at ${server}`,
          `CoreDNS is running at ${server}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy`,
          "",
          "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.",
        ),
      );
    });

    it("api-resources: the real columns and rows for the served resources", async () => {
      const t = parseTable(await env.k.ok(["api-resources"]));
      expect(t.header).toEqual(["NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND"]);
      const rows = new Map(t.rows.map((r) => [`${r[0]} ${r[2]}`, r]));
      // Rows as a real 1.32 apiserver lists them (name, short names, group/version, namespaced, kind).
      const expected = [
        ["bindings", "", "v1", "true", "Binding"],
        ["configmaps", "cm", "v1", "true", "ConfigMap"],
        ["endpoints", "ep", "v1", "true", "Endpoints"],
        ["events", "ev", "v1", "true", "Event"],
        ["limitranges", "limits", "v1", "true", "LimitRange"],
        ["namespaces", "ns", "v1", "false", "Namespace"],
        ["nodes", "no", "v1", "false", "Node"],
        ["persistentvolumeclaims", "pvc", "v1", "true", "PersistentVolumeClaim"],
        ["persistentvolumes", "pv", "v1", "false", "PersistentVolume"],
        ["pods", "po", "v1", "true", "Pod"],
        ["podtemplates", "", "v1", "true", "PodTemplate"],
        ["replicationcontrollers", "rc", "v1", "true", "ReplicationController"],
        ["resourcequotas", "quota", "v1", "true", "ResourceQuota"],
        ["secrets", "", "v1", "true", "Secret"],
        ["serviceaccounts", "sa", "v1", "true", "ServiceAccount"],
        ["services", "svc", "v1", "true", "Service"],
        ["customresourcedefinitions", "crd,crds", "apiextensions.k8s.io/v1", "false", "CustomResourceDefinition"],
        ["controllerrevisions", "", "apps/v1", "true", "ControllerRevision"],
        ["daemonsets", "ds", "apps/v1", "true", "DaemonSet"],
        ["deployments", "deploy", "apps/v1", "true", "Deployment"],
        ["replicasets", "rs", "apps/v1", "true", "ReplicaSet"],
        ["statefulsets", "sts", "apps/v1", "true", "StatefulSet"],
        ["selfsubjectreviews", "", "authentication.k8s.io/v1", "false", "SelfSubjectReview"],
        ["localsubjectaccessreviews", "", "authorization.k8s.io/v1", "true", "LocalSubjectAccessReview"],
        ["selfsubjectaccessreviews", "", "authorization.k8s.io/v1", "false", "SelfSubjectAccessReview"],
        ["selfsubjectrulesreviews", "", "authorization.k8s.io/v1", "false", "SelfSubjectRulesReview"],
        ["subjectaccessreviews", "", "authorization.k8s.io/v1", "false", "SubjectAccessReview"],
        ["horizontalpodautoscalers", "hpa", "autoscaling/v2", "true", "HorizontalPodAutoscaler"],
        ["cronjobs", "cj", "batch/v1", "true", "CronJob"],
        ["jobs", "", "batch/v1", "true", "Job"],
        ["leases", "", "coordination.k8s.io/v1", "true", "Lease"],
        ["endpointslices", "", "discovery.k8s.io/v1", "true", "EndpointSlice"],
        ["events", "ev", "events.k8s.io/v1", "true", "Event"],
        ["ingressclasses", "", "networking.k8s.io/v1", "false", "IngressClass"],
        ["ingresses", "ing", "networking.k8s.io/v1", "true", "Ingress"],
        ["networkpolicies", "netpol", "networking.k8s.io/v1", "true", "NetworkPolicy"],
        ["poddisruptionbudgets", "pdb", "policy/v1", "true", "PodDisruptionBudget"],
        ["clusterrolebindings", "", "rbac.authorization.k8s.io/v1", "false", "ClusterRoleBinding"],
        ["clusterroles", "", "rbac.authorization.k8s.io/v1", "false", "ClusterRole"],
        ["rolebindings", "", "rbac.authorization.k8s.io/v1", "true", "RoleBinding"],
        ["roles", "", "rbac.authorization.k8s.io/v1", "true", "Role"],
        ["priorityclasses", "pc", "scheduling.k8s.io/v1", "false", "PriorityClass"],
        ["storageclasses", "sc", "storage.k8s.io/v1", "false", "StorageClass"],
      ];
      for (const row of expected) expect(rows.get(`${row[0]} ${row[2]}`), row[0]).toEqual(row);
      // kubectl sorts by group (core first), then name.
      const groups = t.rows.map((r) => (r[2].includes("/") ? r[2].split("/")[0] : ""));
      expect(groups).toEqual([...groups].sort());
    });

    it("api-resources -o wide shows verbs and categories; --api-group filters; -o name qualifies", async () => {
      const wide = records(await env.k.ok(["api-resources", "-o", "wide"]));
      const pods = wide.find((r) => r.NAME === "pods")!;
      expect(pods).toEqual({ NAME: "pods", SHORTNAMES: "po", APIVERSION: "v1", NAMESPACED: "true", KIND: "Pod", VERBS: "create,delete,deletecollection,get,list,patch,update,watch", CATEGORIES: "all" });
      const bindings = wide.find((r) => r.NAME === "bindings")!;
      expect(bindings.VERBS).toBe("create");
      const ssar = wide.find((r) => r.NAME === "selfsubjectaccessreviews")!;
      expect(ssar.VERBS).toBe("create");
      expect(await env.k.ok(["api-resources", "--api-group=apps", "-o", "name"])).toBe(
        lines("controllerrevisions.apps", "daemonsets.apps", "deployments.apps", "replicasets.apps", "statefulsets.apps"),
      );
    });

    it("api-versions lists group/versions sorted, including the core and workload groups", async () => {
      const out = (await env.k.ok(["api-versions"])).trimEnd().split("\n");
      expect(out).toEqual([...out].sort());
      expect(out).toEqual(
        expect.arrayContaining(["apps/v1", "authentication.k8s.io/v1", "authorization.k8s.io/v1", "autoscaling/v1", "autoscaling/v2", "batch/v1", "networking.k8s.io/v1", "policy/v1", "rbac.authorization.k8s.io/v1", "storage.k8s.io/v1", "v1"]),
      );
    });

    it("explain pods prints the kind, its description and the top-level fields", async () => {
      const url = "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md";
      expect(await env.k.ok(["explain", "pods"])).toBe(
        lines(
          "KIND:       Pod",
          "VERSION:    v1",
          "",
          "DESCRIPTION:",
          "    Pod is a collection of containers that can run on a host. This resource is",
          "    created by clients and scheduled onto hosts.",
          "    ",
          "FIELDS:",
          "  apiVersion\t<string>",
          "    APIVersion defines the versioned schema of this representation of an object.",
          "    Servers should convert recognized schemas to the latest internal value, and",
          "    may reject unrecognized values. More info:",
          `    ${url}#resources`,
          "",
          "  kind\t<string>",
          "    Kind is a string value representing the REST resource this object",
          "    represents. Servers may infer this from the endpoint the client submits",
          "    requests to. Cannot be updated. In CamelCase. More info:",
          `    ${url}#types-kinds`,
          "",
          "  metadata\t<ObjectMeta>",
          "    Standard object's metadata. More info:",
          `    ${url}#metadata`,
          "",
          "  spec\t<PodSpec>",
          "    Specification of the desired behavior of the pod. More info:",
          `    ${url}#spec-and-status`,
          "",
          "  status\t<PodStatus>",
          "    Most recently observed status of the pod. This data may not be up to date.",
          "    Populated by the system. Read-only. More info:",
          `    ${url}#spec-and-status`,
          "",
          "",
        ),
      );
    });

    it("explain a field path shows the group, the field type and its description", async () => {
      expect(await env.k.ok(["explain", "deployment.spec.replicas"])).toBe(
        lines(
          "GROUP:      apps",
          "KIND:       Deployment",
          "VERSION:    v1",
          "",
          "FIELD: replicas <integer>",
          // kubectl 1.30 added a (here empty) line for enum values to the field template.
          ...(version === "1.29" ? [""] : ["", ""]),
          "DESCRIPTION:",
          "    Number of desired pods. This is a pointer to distinguish between explicit",
          "    zero and not specified. Defaults to 1.",
          "    ",
          "",
        ),
      );
      const r = await env.k.run(["explain", "pods.spec.nope"]);
      // The explain template writes the header before it finds that the field is missing.
      expect(r).toEqual({ code: 1, stdout: lines("KIND:       Pod", "VERSION:    v1", ""), stderr: 'error: field "nope" does not exist\n' });
    });

    it("auth can-i answers yes for the sandbox's admin and --list prints the rules review", async () => {
      const [create, star] = await Promise.all([env.k.run(["auth", "can-i", "create", "pods"]), env.k.run(["auth", "can-i", "*", "*"])]);
      expect(create).toEqual({ code: 0, stdout: "yes\n", stderr: "" });
      expect(star).toEqual({ code: 0, stdout: "yes\n", stderr: "" });
      const t = parseTable(await env.k.ok(["auth", "can-i", "--list"]));
      expect(t.header).toEqual(["Resources", "Non-Resource URLs", "Resource Names", "Verbs"]);
      expect(t.rows.slice(0, 2)).toEqual([
        ["*.*", "[]", "[]", "[*]"],
        ["", "[*]", "[]", "[*]"],
      ]);
      expect(t.rows).toContainEqual(["selfsubjectaccessreviews.authorization.k8s.io", "[]", "[]", "[create]"]);
      expect(t.rows).toContainEqual(["", "[/version]", "[]", "[get]"]);
    });

    it("auth whoami shows kubeadm's admin identity, or the impersonated one", async () => {
      expect(await env.k.run(["auth", "whoami"])).toEqual({
        code: 0,
        stdout: lines("ATTRIBUTE   VALUE", "Username    kubernetes-admin", "Groups      [kubeadm:cluster-admins system:authenticated]"),
        stderr: "",
      });
      expect(await env.k.ok(["auth", "whoami", "--as=jane", "--as-group=ops"])).toBe(lines("ATTRIBUTE   VALUE", "Username    jane", "Groups      [ops system:authenticated]"));
    });

    it("a fresh sandbox: get nodes -o wide", async () => {
      const t = parseTable(await env.k.ok(["get", "nodes", "-o", "wide"]));
      expect(t.header).toEqual(["NAME", "STATUS", "ROLES", "AGE", "VERSION", "INTERNAL-IP", "EXTERNAL-IP", "OS-IMAGE", "KERNEL-VERSION", "CONTAINER-RUNTIME"]);
      const os = ["Ubuntu 22.04.5 LTS", "5.15.0-131-generic", "containerd://1.7.24"];
      expect(t.rows).toEqual([
        ["controlplane", "Ready", "control-plane", "<age>", "v1.32.2", "172.30.1.2", "<none>", ...os],
        ["node01", "Ready", "<none>", "<age>", "v1.32.2", "172.30.2.2", "<none>", ...os],
        ["node02", "Ready", "<none>", "<age>", "v1.32.2", "172.30.3.2", "<none>", ...os],
      ]);
    });

    it("a fresh sandbox: get pods -A (and -o wide) shows the kubeadm control plane and addons running", async () => {
      const [plain, wide] = await Promise.all([env.k.ok(["get", "pods", "-A"]), env.k.ok(["get", "pods", "-A", "-o", "wide"])]);
      const t = masked(parseTable(plain));
      expect(t.header).toEqual(["NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE"]);
      const run = (name: string) => ["kube-system", name, "1/1", "Running", "0", "<age>"];
      expect(t.rows).toEqual([
        run("coredns-<hash>-<rand>"),
        run("coredns-<hash>-<rand>"),
        run("etcd-controlplane"),
        run("kube-apiserver-controlplane"),
        run("kube-controller-manager-controlplane"),
        run("kube-proxy-<rand>"),
        run("kube-proxy-<rand>"),
        run("kube-proxy-<rand>"),
        run("kube-scheduler-controlplane"),
      ]);
      const w = records(wide);
      expect(Object.keys(w[0])).toEqual(["NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE", "READINESS GATES"]);
      // Static pods and kube-proxy use the host network: their IP is the node's.
      const byName = (n: string) => w.find((r) => r.NAME === n)!;
      expect(byName("etcd-controlplane")).toMatchObject({ IP: "172.30.1.2", NODE: "controlplane", "NOMINATED NODE": "<none>", "READINESS GATES": "<none>" });
      expect(w.filter((r) => r.NAME === "kube-proxy-<rand>").map((r) => `${r.NODE} ${r.IP}`).sort()).toEqual(["controlplane 172.30.1.2", "node01 172.30.2.2", "node02 172.30.3.2"]);
      for (const dns of w.filter((r) => r.NAME.startsWith("coredns-"))) expect(dns.IP).toMatch(/^10\.244\.\d+\.\d+$/);
    });

    it("unknown resource types are a client-side error naming the type", async () => {
      const r = await env.k.run(["get", "foo"]);
      expect(r).toEqual({ code: 1, stdout: "", stderr: 'error: the server doesn\'t have a resource type "foo"\n' });
    });
  });
});
