// Writes: apply, create -f and the create generators, patch, replace, label, annotate, scale and
// delete. The verbs every learner uses run with every kubectl version; the generators (a long
// tail of client-side templates) with 1.32 only.
import { beforeAll, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { hasKubectl, PRIMARY } from "./sandbox";
import { allVersions, describe, lines, maskTimestamps, parseTable, primaryOnly, sandboxFor, type Env } from "./output";

const versions = allVersions();

const MANIFEST = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  color: blue
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  replicas: 2
  selector:
    matchLabels: {app: shop}
  template:
    metadata:
      labels: {app: shop}
    spec:
      containers:
      - name: web
        image: nginx:1.27
`;

const jsonpath = (env: Env, args: string[], path: string) => env.k.ok(["get", ...args, "-o", `jsonpath=${path}`]);

describe.skipIf(!hasKubectl())("writes", () => {
  describe.each(versions.length ? versions : [PRIMARY])("kubectl %s", (version) => {
    let env: Env;
    beforeAll(async () => {
      env = await sandboxFor(version);
    });

    it("apply: created, then unchanged, then configured; the last-applied annotation records the manifest", async () => {
      expect(await env.k.run(["apply", "-f", "-"], { stdin: MANIFEST })).toEqual({ code: 0, stdout: lines("configmap/settings created", "deployment.apps/shop created"), stderr: "" });
      expect(await env.k.ok(["apply", "-f", "-"], { stdin: MANIFEST })).toBe(lines("configmap/settings unchanged", "deployment.apps/shop unchanged"));
      const changed = MANIFEST.replace("color: blue", "color: green");
      expect(await env.k.ok(["apply", "-f", "-"], { stdin: changed })).toBe(lines("configmap/settings configured", "deployment.apps/shop unchanged"));
      expect(await jsonpath(env, ["cm", "settings"], "{.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}")).toBe(
        '{"apiVersion":"v1","data":{"color":"green"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"settings","namespace":"default"}}\n',
      );
      expect(await jsonpath(env, ["cm", "settings"], "{.data.color}")).toBe("green");
      // The Deployment was defaulted by the server; the controllers roll it out.
      await env.k.ok(["rollout", "status", "deployment/shop", "--timeout=60s"]);
      expect(parseTable(await env.k.ok(["get", "deploy", "shop"])).rows).toEqual([["shop", "2/2", "2", "2", "<age>"]]);
    }, 90_000);

    it("apply --dry-run=server and --server-side", async () => {
      const changed = MANIFEST.replace("color: blue", "color: red");
      expect(await env.k.ok(["apply", "-f", "-", "--dry-run=server"], { stdin: changed })).toBe(lines("configmap/settings configured (server dry run)", "deployment.apps/shop unchanged (server dry run)"));
      expect(await jsonpath(env, ["cm", "settings"], "{.data.color}")).not.toBe("red");
      const ssa = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa-demo\ndata:\n  k: v\n`;
      expect(await env.k.ok(["apply", "--server-side", "-f", "-"], { stdin: ssa })).toBe("configmap/ssa-demo serverside-applied\n");
      expect(await jsonpath(env, ["cm", "ssa-demo"], "{.metadata.managedFields[0].manager} {.metadata.managedFields[0].operation}")).toBe("kubectl Apply");
    });

    it("create -f creates; a second create is AlreadyExists naming the source", async () => {
      const cm = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: once\ndata:\n  k: v\n`;
      expect(await env.k.run(["create", "-f", "-"], { stdin: cm })).toEqual({ code: 0, stdout: "configmap/once created\n", stderr: "" });
      expect(await env.k.run(["create", "-f", "-"], { stdin: cm })).toEqual({
        code: 1,
        stdout: "",
        stderr: 'Error from server (AlreadyExists): error when creating "STDIN": configmaps "once" already exists\n',
      });
    });

    it("patch: strategic merge by container name, merge, json; an identical patch is (no change)", async () => {
      await env.k.ok(["create", "deployment", "web", "--image=nginx", "--replicas=1"]);
      const strategic = '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}';
      expect(await env.k.ok(["patch", "deployment", "web", "-p", strategic])).toBe("deployment.apps/web patched\n");
      expect(await env.k.ok(["patch", "deployment", "web", "-p", strategic])).toBe("deployment.apps/web patched (no change)\n");
      expect(await jsonpath(env, ["deploy", "web"], "{.spec.template.spec.containers[*].name}={.spec.template.spec.containers[*].image} generation={.metadata.generation}")).toBe("nginx=nginx:1.27 generation=2");

      expect(await env.k.ok(["patch", "deployment", "web", "--type=merge", "-p", '{"metadata":{"labels":{"tier":"front"}}}'])).toBe("deployment.apps/web patched\n");
      expect(await env.k.ok(["patch", "deployment", "web", "--type=json", "-p", '[{"op":"replace","path":"/spec/replicas","value":4}]'])).toBe("deployment.apps/web patched\n");
      expect(await jsonpath(env, ["deploy", "web"], "{.metadata.labels.tier} {.spec.replicas} {.metadata.generation}")).toBe("front 4 3");
      // A metadata-only change does not bump the generation; a json patch of the same value changes nothing.
      expect(await env.k.ok(["patch", "deployment", "web", "--type=json", "-p", '[{"op":"replace","path":"/spec/replicas","value":4}]'])).toBe("deployment.apps/web patched (no change)\n");
    });

    it("replace: with the current object, and a Conflict for a stale resourceVersion", async () => {
      await env.k.ok(["create", "configmap", "rep", "--from-literal=k=v1"]);
      const current = await env.k.ok(["get", "configmap", "rep", "-o", "yaml"]);
      expect(await env.k.ok(["replace", "-f", "-"], { stdin: current.replace("k: v1", "k: v2") })).toBe("configmap/rep replaced\n");
      expect(await jsonpath(env, ["cm", "rep"], "{.data.k}")).toBe("v2");
      expect(await env.k.run(["replace", "-f", "-"], { stdin: current })).toEqual({
        code: 1,
        stdout: "",
        stderr:
          'Error from server (Conflict): error when replacing "STDIN": Operation cannot be fulfilled on configmaps "rep": the object has been modified; please apply your changes to the latest version and try again\n',
      });
    });

    it("label: add, refuse to overwrite, --overwrite, remove with key-", async () => {
      await env.k.ok(["create", "configmap", "lab"]);
      expect(await env.k.ok(["label", "configmap", "lab", "tier=web"])).toBe("configmap/lab labeled\n");
      expect(await env.k.run(["label", "configmap", "lab", "tier=db"])).toEqual({ code: 1, stdout: "", stderr: "error: 'tier' already has a value (web), and --overwrite is false\n" });
      expect(await env.k.ok(["label", "configmap", "lab", "tier=db", "--overwrite"])).toBe("configmap/lab labeled\n");
      expect(await jsonpath(env, ["cm", "lab"], "{.metadata.labels}")).toBe('{"tier":"db"}');
      expect(await env.k.ok(["label", "configmap", "lab", "tier-"])).toBe("configmap/lab unlabeled\n");
      expect(await jsonpath(env, ["cm", "lab"], "{.metadata.labels}")).toBe("");
    });

    it("annotate: add, refuse to overwrite, --overwrite, remove with key-", async () => {
      await env.k.ok(["create", "configmap", "ann"]);
      expect(await env.k.ok(["annotate", "configmap", "ann", "owner=alice"])).toBe("configmap/ann annotated\n");
      expect(await env.k.run(["annotate", "configmap", "ann", "owner=bob"])).toEqual({
        code: 1,
        stdout: "",
        stderr: "error: --overwrite is false but found the following declared annotation(s): 'owner' already has a value (alice)\n",
      });
      expect(await env.k.ok(["annotate", "configmap", "ann", "owner=bob", "--overwrite"])).toBe("configmap/ann annotated\n");
      expect(await jsonpath(env, ["cm", "ann"], "{.metadata.annotations.owner}")).toBe("bob");
      expect(await env.k.ok(["annotate", "configmap", "ann", "owner-"])).toBe("configmap/ann annotated\n");
      expect(await jsonpath(env, ["cm", "ann"], "{.metadata.annotations}")).toBe("");
    });

    it("scale through the scale subresource", async () => {
      await env.k.ok(["create", "deployment", "sc", "--image=nginx"]);
      expect(await env.k.ok(["scale", "deployment", "sc", "--replicas=5"])).toBe("deployment.apps/sc scaled\n");
      await env.k.ok(["rollout", "status", "deployment/sc", "--timeout=60s"]);
      expect(parseTable(await env.k.ok(["get", "deploy", "sc"])).rows).toEqual([["sc", "5/5", "5", "5", "<age>"]]);
      // --current-replicas is a precondition checked by kubectl against the Scale it reads.
      expect(await env.k.run(["scale", "deployment", "sc", "--current-replicas=2", "--replicas=3"])).toEqual({
        code: 1,
        stdout: "",
        stderr: "error: Expected replicas to be 2, was 5\n",
      });
    }, 90_000);

    it("delete with each cascade policy, by label, and the error for a missing object", async () => {
      await Promise.all(["d1", "d2", "d3"].map((n) => env.k.ok(["create", "deployment", n, "--image=nginx"])));
      const [bg, fg, orphan] = await Promise.all([
        env.k.ok(["delete", "deployment", "d1", "--cascade=background"]),
        env.k.ok(["delete", "deployment", "d2", "--cascade=foreground"]),
        env.k.ok(["delete", "deployment", "d3", "--cascade=orphan"]),
      ]);
      expect([bg, fg, orphan]).toEqual(['deployment.apps "d1" deleted\n', 'deployment.apps "d2" deleted\n', 'deployment.apps "d3" deleted\n']);
      const left = await env.k.ok(["get", "deploy", "-o", "name"]);
      expect(left).not.toMatch(/\/d[123]\n/);

      await env.k.ok(["create", "configmap", "gone-a"]);
      await env.k.ok(["create", "configmap", "gone-b"]);
      await env.k.ok(["label", "configmap", "gone-a", "gone-b", "batch=old"]);
      expect(await env.k.ok(["delete", "configmap", "-l", "batch=old"])).toBe(lines('configmap "gone-a" deleted', 'configmap "gone-b" deleted'));
      expect(await env.k.run(["delete", "configmap", "-l", "batch=old"])).toEqual({ code: 0, stdout: "No resources found\n", stderr: "" });

      expect(await env.k.run(["delete", "deployment", "nope"])).toEqual({ code: 1, stdout: "", stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n' });
      expect(await env.k.run(["delete", "deployment", "nope", "--ignore-not-found"])).toEqual({ code: 0, stdout: "", stderr: "" });
    });
  });

  describe.each(primaryOnly().length ? primaryOnly() : [PRIMARY])("create generators (kubectl %s)", (version) => {
    let env: Env;
    beforeAll(async () => {
      env = await sandboxFor(version);
    });

    const created = async (args: string[], message: string) => expect(await env.k.run(["create", ...args])).toEqual({ code: 0, stdout: `${message}\n`, stderr: "" });

    it("deployment", async () => {
      await created(["deployment", "web", "--image=nginx", "--replicas=3", "--port=80"], "deployment.apps/web created");
      expect(await jsonpath(env, ["deploy", "web"], "{.spec.template.spec.containers[0].ports}")).toBe('[{"containerPort":80,"protocol":"TCP"}]');
      await env.k.ok(["rollout", "status", "deployment/web", "--timeout=60s"]);
      expect(parseTable(await env.k.ok(["get", "deploy", "web", "-o", "wide"])).rows).toEqual([["web", "3/3", "3", "3", "<age>", "nginx", "nginx", "app=web"]]);
    }, 90_000);

    it("service clusterip | nodeport | loadbalancer | externalname", async () => {
      await created(["service", "clusterip", "web", "--tcp=80:8080"], "service/web created");
      await created(["service", "nodeport", "np", "--tcp=80:8080"], "service/np created");
      await created(["service", "loadbalancer", "lb", "--tcp=443:8443"], "service/lb created");
      await created(["service", "externalname", "ext", "--external-name=example.com"], "service/ext created");
      await created(["service", "clusterip", "headless", "--clusterip=None"], "service/headless created");
      const t = parseTable(await env.k.ok(["get", "svc", "-o", "wide"]));
      expect(t.header).toEqual(["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE", "SELECTOR"]);
      const rows = t.rows.map((r) => [r[0], r[1], r[0] === "kubernetes" ? r[2] : r[2].replace(/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/, "<service-ip>"), r[3], r[4].replace(/:3\d{4}\//, ":<node-port>/"), r[5], r[6]]);
      expect(rows).toEqual([
        ["ext", "ExternalName", "<none>", "example.com", "<none>", "<age>", "app=ext"],
        ["headless", "ClusterIP", "None", "<none>", "<none>", "<age>", "app=headless"],
        ["kubernetes", "ClusterIP", "10.96.0.1", "<none>", "443/TCP", "<age>", "<none>"],
        ["lb", "LoadBalancer", "<service-ip>", "<pending>", "443:<node-port>/TCP", "<age>", "app=lb"],
        ["np", "NodePort", "<service-ip>", "<none>", "80:<node-port>/TCP", "<age>", "app=np"],
        ["web", "ClusterIP", "<service-ip>", "<none>", "80/TCP", "<age>", "app=web"],
      ]);
      const np = JSON.parse(await env.k.ok(["get", "svc", "np", "-o", "json"]));
      expect(np.spec.ports).toEqual([{ name: "80-8080", nodePort: np.spec.ports[0].nodePort, port: 80, protocol: "TCP", targetPort: 8080 }]);
      expect(np.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
      expect(np.spec.ports[0].nodePort).toBeLessThanOrEqual(32767);
      expect(np.spec).toMatchObject({ externalTrafficPolicy: "Cluster", internalTrafficPolicy: "Cluster", ipFamilies: ["IPv4"], ipFamilyPolicy: "SingleStack", sessionAffinity: "None", type: "NodePort" });
      expect(np.spec.clusterIPs).toEqual([np.spec.clusterIP]);
      const lb = JSON.parse(await env.k.ok(["get", "svc", "lb", "-o", "json"]));
      expect(lb.spec.allocateLoadBalancerNodePorts).toBe(true);
      expect(lb.status).toEqual({ loadBalancer: {} });
      const ext = JSON.parse(await env.k.ok(["get", "svc", "ext", "-o", "json"]));
      expect(ext.spec).toEqual({ externalName: "example.com", selector: { app: "ext" }, sessionAffinity: "None", type: "ExternalName" });
    });

    it("configmap and secret generic | tls | docker-registry", async () => {
      await created(["configmap", "cfg", "--from-literal=a=1", "--from-literal=b=2"], "configmap/cfg created");
      await created(["secret", "generic", "pw", "--from-literal=password=s3cret"], "secret/pw created");
      const dir = mkdtempSync(join(tmpdir(), "kubeplay-tls-"));
      execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", join(dir, "tls.key"), "-out", join(dir, "tls.crt"), "-days", "1", "-subj", "/CN=example.com"], { stdio: "ignore" });
      await created(["secret", "tls", "cert", `--cert=${join(dir, "tls.crt")}`, `--key=${join(dir, "tls.key")}`], "secret/cert created");
      await created(["secret", "docker-registry", "regcred", "--docker-server=registry.example.com", "--docker-username=u", "--docker-password=p"], "secret/regcred created");
      expect(parseTable(await env.k.ok(["get", "cm", "cfg"])).rows).toEqual([["cfg", "2", "<age>"]]);
      expect(parseTable(await env.k.ok(["get", "secrets"])).rows).toEqual([
        ["cert", "kubernetes.io/tls", "2", "<age>"],
        ["pw", "Opaque", "1", "<age>"],
        ["regcred", "kubernetes.io/dockerconfigjson", "1", "<age>"],
      ]);
      expect(await jsonpath(env, ["secret", "pw"], "{.data.password}")).toBe(Buffer.from("s3cret").toString("base64"));
      expect(await env.k.ok(["get", "secrets", "--field-selector", "type=kubernetes.io/tls", "-o", "name"])).toBe("secret/cert\n");
    });

    it("job and cronjob: the job controller runs the Job to completion", async () => {
      await created(["job", "once", "--image=busybox", "--", "echo", "hi"], "job.batch/once created");
      await created(["cronjob", "tick", "--image=busybox", "--schedule=0 0 1 1 *", "--", "date"], "cronjob.batch/tick created");
      await env.k.ok(["wait", "--for=condition=Complete", "job/once", "--timeout=60s"]);
      const job = parseTable(await env.k.ok(["get", "job", "once", "-o", "wide"]));
      expect(job.header).toEqual(["NAME", "STATUS", "COMPLETIONS", "DURATION", "AGE", "CONTAINERS", "IMAGES", "SELECTOR"]);
      const uid = await jsonpath(env, ["job", "once"], "{.metadata.uid}");
      expect(job.rows).toEqual([["once", "Complete", "1/1", "<age>", "<age>", "once", "busybox", `batch.kubernetes.io/controller-uid=${uid}`]]);
      // The server generates the selector and labels the template (and, through defaulting, the Job).
      expect(JSON.parse(await jsonpath(env, ["job", "once"], "{.spec.template.metadata.labels}"))).toEqual({
        "batch.kubernetes.io/controller-uid": uid,
        "batch.kubernetes.io/job-name": "once",
        "controller-uid": uid,
        "job-name": "once",
      });
      expect(JSON.parse(await jsonpath(env, ["job", "once"], "{.spec}"))).toMatchObject({
        backoffLimit: 6,
        completionMode: "NonIndexed",
        completions: 1,
        parallelism: 1,
        podReplacementPolicy: "TerminatingOrFailed",
        suspend: false,
      });
      expect(parseTable(await env.k.ok(["get", "cronjob", "tick"]))).toEqual({
        header: ["NAME", "SCHEDULE", "TIMEZONE", "SUSPEND", "ACTIVE", "LAST SCHEDULE", "AGE"],
        rows: [["tick", "0 0 1 1 *", "<none>", "False", "0", "<none>", "<age>"]],
      });
      expect(JSON.parse(await jsonpath(env, ["cronjob", "tick"], "{.spec}"))).toMatchObject({ concurrencyPolicy: "Allow", failedJobsHistoryLimit: 1, successfulJobsHistoryLimit: 3, suspend: false });
    }, 90_000);

    it("namespace and serviceaccount", async () => {
      await created(["namespace", "team-a"], "namespace/team-a created");
      await created(["serviceaccount", "robot"], "serviceaccount/robot created");
      expect(maskTimestamps(await env.k.ok(["get", "namespace", "team-a", "-o", "yaml"])).replace(/uid: \S+/, "uid: <uid>").replace(/resourceVersion: "\d+"/, 'resourceVersion: "<rv>"')).toBe(
        lines(
          "apiVersion: v1",
          "kind: Namespace",
          "metadata:",
          '  creationTimestamp: "<time>"',
          "  labels:",
          "    kubernetes.io/metadata.name: team-a",
          "  name: team-a",
          '  resourceVersion: "<rv>"',
          "  uid: <uid>",
          "spec:",
          "  finalizers:",
          "  - kubernetes",
          "status:",
          "  phase: Active",
        ),
      );
      expect(parseTable(await env.k.ok(["get", "namespace", "team-a"])).rows).toEqual([["team-a", "Active", "<age>"]]);
      expect(parseTable(await env.k.ok(["get", "serviceaccount", "robot"])).rows).toEqual([["robot", "0", "<age>"]]);
    });

    it("role, rolebinding, clusterrole, clusterrolebinding", async () => {
      await created(["role", "pod-reader", "--verb=get,list", "--resource=pods"], "role.rbac.authorization.k8s.io/pod-reader created");
      await created(["rolebinding", "read-pods", "--role=pod-reader", "--user=jane", "--serviceaccount=default:robot"], "rolebinding.rbac.authorization.k8s.io/read-pods created");
      await created(["clusterrole", "node-reader", "--verb=get", "--resource=nodes"], "clusterrole.rbac.authorization.k8s.io/node-reader created");
      await created(["clusterrolebinding", "read-nodes", "--clusterrole=node-reader", "--group=ops"], "clusterrolebinding.rbac.authorization.k8s.io/read-nodes created");
      expect(parseTable(maskTimestamps(await env.k.ok(["get", "role", "pod-reader"])))).toEqual({ header: ["NAME", "CREATED AT"], rows: [["pod-reader", "<time>"]] });
      expect(parseTable(await env.k.ok(["get", "rolebinding", "read-pods", "-o", "wide"]))).toEqual({
        header: ["NAME", "ROLE", "AGE", "USERS", "GROUPS", "SERVICEACCOUNTS"],
        rows: [["read-pods", "Role/pod-reader", "<age>", "jane", "", "default/robot"]],
      });
      expect(parseTable(await env.k.ok(["get", "clusterrolebinding", "read-nodes", "-o", "wide"])).rows).toEqual([["read-nodes", "ClusterRole/node-reader", "<age>", "", "ops", ""]]);
      expect(JSON.parse(await jsonpath(env, ["role", "pod-reader"], "{.rules}"))).toEqual([{ apiGroups: [""], resources: ["pods"], verbs: ["get", "list"] }]);
      expect(JSON.parse(await jsonpath(env, ["rolebinding", "read-pods"], "{.subjects}"))).toEqual([
        { apiGroup: "rbac.authorization.k8s.io", kind: "User", name: "jane" },
        { kind: "ServiceAccount", name: "robot", namespace: "default" },
      ]);
      // The new binding takes effect for authorization at once.
      expect(await env.k.run(["auth", "can-i", "list", "pods", "--as=jane"])).toEqual({ code: 0, stdout: "yes\n", stderr: "" });
      expect(await env.k.run(["auth", "can-i", "delete", "pods", "--as=jane"])).toEqual({ code: 1, stdout: "no\n", stderr: "" });
    });

    it("quota, ingress, priorityclass", async () => {
      // In a namespace of its own, so the pods other tests run do not count against it.
      await env.k.ok(["create", "namespace", "quota-only"]);
      await created(["quota", "limits", "-n", "quota-only", "--hard=pods=10,requests.cpu=2,limits.memory=4Gi"], "resourcequota/limits created");
      await created(["ingress", "site", "--rule=foo.com/bar=svc1:80", "--class=nginx"], "ingress.networking.k8s.io/site created");
      await created(["priorityclass", "high", "--value=1000", "--description=important"], "priorityclass.scheduling.k8s.io/high created");
      // The resource quota controller fills status.hard and status.used within a second.
      await env.k.ok(["wait", "--for=jsonpath={.status.used.pods}=0", "quota/limits", "-n", "quota-only", "--timeout=30s"]);
      expect(parseTable(await env.k.ok(["get", "quota", "limits", "-n", "quota-only"]))).toEqual({
        header: ["NAME", "AGE", "REQUEST", "LIMIT"],
        rows: [["limits", "<age>", "pods: 0/10, requests.cpu: 0/2", "limits.memory: 0/4Gi"]],
      });
      expect(parseTable(await env.k.ok(["get", "ingress", "site"]))).toEqual({
        header: ["NAME", "CLASS", "HOSTS", "ADDRESS", "PORTS", "AGE"],
        rows: [["site", "nginx", "foo.com", "", "80", "<age>"]],
      });
      expect(JSON.parse(await jsonpath(env, ["ingress", "site"], "{.spec}"))).toEqual({
        ingressClassName: "nginx",
        rules: [{ host: "foo.com", http: { paths: [{ backend: { service: { name: "svc1", port: { number: 80 } } }, path: "/bar", pathType: "Exact" }] } }],
      });
      expect(parseTable(await env.k.ok(["get", "priorityclass", "high"]))).toEqual({
        header: ["NAME", "VALUE", "GLOBAL-DEFAULT", "AGE", "PREEMPTIONPOLICY"],
        rows: [["high", "1000", "false", "<age>", "PreemptLowerPriority"]],
      });
    });
  });
});
