// `kubectl get` in its output formats and with its selectors, with every kubectl version.
// Controllers run: the Deployments are waited on (rollout status) before any table is read, so they
// show the converged READY N/N a real cluster shows once its pods run.
import { beforeAll, expect, it } from "vitest";
import { hasKubectl, PRIMARY } from "./sandbox";
import { allVersions, describe, lines, maskTimestamps, parseTable, records, sandboxFor, streamKubectl, type Env } from "./output";

const versions = allVersions();

const FIXTURE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  labels: {app: api, tier: backend}
spec:
  replicas: 2
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
      - name: httpd
        image: httpd:2.4
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
  labels: {tier: frontend}
data:
  a: "1"
  b: "2"
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: db-config
  labels: {tier: backend}
data:
  x: "y"
`;

/** uid, resourceVersion and timestamps vary per run. */
const maskMeta = (s: string) =>
  maskTimestamps(s)
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, "<uid>")
    .replace(/(resourceVersion"?: )"\d+"/g, '$1"<rv>"')
    .replace(/ReplicaSet "([a-z0-9-]+?)-[4-9bcdf]{6,10}"/g, 'ReplicaSet "$1-<hash>"');

describe.skipIf(!hasKubectl())("get", () => {
  describe.each(versions.length ? versions : [PRIMARY])("kubectl %s", (version) => {
    let env: Env;
    beforeAll(async () => {
      env = await sandboxFor(version);
      const k = env.k;
      await k.ok(["create", "deployment", "web", "--image=nginx", "--replicas=3"]);
      await k.ok(["create", "-f", "-"], { stdin: FIXTURE });
      await k.ok(["create", "namespace", "team-a"]);
      await k.ok(["create", "configmap", "settings", "-n", "team-a", "--from-literal=mode=dev"]);
      await k.ok(["label", "configmap", "settings", "-n", "team-a", "tier=frontend"]);
      await k.ok(["rollout", "status", "deployment/web", "--timeout=60s"]);
      await k.ok(["rollout", "status", "deployment/api", "--timeout=60s"]);
    }, 90_000);

    it("a table: rolled-out Deployments report READY N/N, all up to date and available", async () => {
      const t = parseTable(await env.k.ok(["get", "deployments"]));
      expect(t.header).toEqual(["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"]);
      expect(t.rows).toEqual([
        ["api", "2/2", "2", "2", "<age>"],
        ["web", "3/3", "3", "3", "<age>"],
      ]);
    });

    it("-o wide adds containers, images and the selector", async () => {
      const t = parseTable(await env.k.ok(["get", "deploy", "-o", "wide"]));
      expect(t.header).toEqual(["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE", "CONTAINERS", "IMAGES", "SELECTOR"]);
      expect(t.rows).toEqual([
        ["api", "2/2", "2", "2", "<age>", "httpd", "httpd:2.4", "app=api"],
        ["web", "3/3", "3", "3", "<age>", "nginx", "nginx", "app=web"],
      ]);
    });

    it("a table of several kinds prefixes names with the kind and separates the tables", async () => {
      const out = await env.k.ok(["get", "deploy,cm", "-l", "tier"]);
      const [deploys, cms] = out.split("\n\n");
      expect(parseTable(deploys).rows).toEqual([["deployment.apps/api", "2/2", "2", "2", "<age>"]]);
      expect(parseTable(cms).rows).toEqual([
        ["configmap/app-config", "2", "<age>"],
        ["configmap/db-config", "1", "<age>"],
      ]);
    });

    it("-o yaml: the stored object with the server's defaults", async () => {
      expect(maskMeta(await env.k.ok(["get", "deployment", "web", "-o", "yaml"]))).toBe(
        lines(
          "apiVersion: apps/v1",
          "kind: Deployment",
          "metadata:",
          "  annotations:",
          '    deployment.kubernetes.io/revision: "1"',
          '  creationTimestamp: "<time>"',
          "  generation: 1",
          "  labels:",
          "    app: web",
          "  name: web",
          "  namespace: default",
          '  resourceVersion: "<rv>"',
          "  uid: <uid>",
          "spec:",
          "  progressDeadlineSeconds: 600",
          "  replicas: 3",
          "  revisionHistoryLimit: 10",
          "  selector:",
          "    matchLabels:",
          "      app: web",
          "  strategy:",
          "    rollingUpdate:",
          "      maxSurge: 25%",
          "      maxUnavailable: 25%",
          "    type: RollingUpdate",
          "  template:",
          "    metadata:",
          "      creationTimestamp: null",
          "      labels:",
          "        app: web",
          "    spec:",
          "      containers:",
          "      - image: nginx",
          "        imagePullPolicy: Always",
          "        name: nginx",
          "        resources: {}",
          "        terminationMessagePath: /dev/termination-log",
          "        terminationMessagePolicy: File",
          "      dnsPolicy: ClusterFirst",
          "      restartPolicy: Always",
          "      schedulerName: default-scheduler",
          "      securityContext: {}",
          "      terminationGracePeriodSeconds: 30",
          // The deployment controller's status once the rollout completed: SetDeploymentCondition
          // removes and re-appends Progressing, so Available comes first.
          "status:",
          "  availableReplicas: 3",
          "  conditions:",
          '  - lastTransitionTime: "<time>"',
          '    lastUpdateTime: "<time>"',
          "    message: Deployment has minimum availability.",
          "    reason: MinimumReplicasAvailable",
          '    status: "True"',
          "    type: Available",
          '  - lastTransitionTime: "<time>"',
          '    lastUpdateTime: "<time>"',
          '    message: ReplicaSet "web-<hash>" has successfully progressed.',
          "    reason: NewReplicaSetAvailable",
          '    status: "True"',
          "    type: Progressing",
          "  observedGeneration: 1",
          "  readyReplicas: 3",
          "  replicas: 3",
          "  updatedReplicas: 3",
        ),
      );
    });

    it("-o yaml of a list is a v1 List with an empty resourceVersion", async () => {
      expect(maskMeta(await env.k.ok(["get", "cm", "-l", "tier=backend", "-o", "yaml"]))).toBe(
        lines(
          "apiVersion: v1",
          "items:",
          "- apiVersion: v1",
          "  data:",
          '    x: "y"',
          "  kind: ConfigMap",
          "  metadata:",
          '    creationTimestamp: "<time>"',
          "    labels:",
          "      tier: backend",
          "    name: db-config",
          "    namespace: default",
          '    resourceVersion: "<rv>"',
          "    uid: <uid>",
          "kind: List",
          "metadata:",
          '  resourceVersion: ""',
        ),
      );
    });

    it("-o json", async () => {
      expect(maskMeta(await env.k.ok(["get", "configmap", "app-config", "-o", "json"]))).toBe(
        lines(
          "{",
          '    "apiVersion": "v1",',
          '    "data": {',
          '        "a": "1",',
          '        "b": "2"',
          "    },",
          '    "kind": "ConfigMap",',
          '    "metadata": {',
          '        "creationTimestamp": "<time>",',
          '        "labels": {',
          '            "tier": "frontend"',
          "        },",
          '        "name": "app-config",',
          '        "namespace": "default",',
          '        "resourceVersion": "<rv>",',
          '        "uid": "<uid>"',
          "    }",
          "}",
        ),
      );
    });

    it("-o name", async () => {
      expect(await env.k.ok(["get", "deploy,cm", "-o", "name"])).toBe(
        lines("deployment.apps/api", "deployment.apps/web", "configmap/app-config", "configmap/db-config", "configmap/kube-root-ca.crt"),
      );
    });

    it("-o jsonpath, with ranges", async () => {
      const [names, ranged, replicas] = await Promise.all([
        env.k.ok(["get", "deploy", "-o", "jsonpath={.items[*].metadata.name}"]),
        env.k.ok(["get", "cm", "-l", "tier", "-o", 'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.metadata.labels.tier}{"\\n"}{end}']),
        env.k.ok(["get", "deploy", "web", "-o", "jsonpath={.spec.replicas}"]),
      ]);
      expect(names).toBe("api web");
      expect(ranged).toBe("app-config\tfrontend\ndb-config\tbackend\n");
      expect(replicas).toBe("3");
    });

    it("-o custom-columns", async () => {
      const out = await env.k.ok(["get", "deploy", "-o", "custom-columns=NAME:.metadata.name,REPLICAS:.spec.replicas,IMAGE:.spec.template.spec.containers[0].image,READY:.status.readyReplicas"]);
      expect(parseTable(out)).toEqual({
        header: ["NAME", "REPLICAS", "IMAGE", "READY"],
        rows: [
          ["api", "2", "httpd:2.4", "2"],
          ["web", "3", "nginx", "3"],
        ],
      });
    });

    it("-A adds the NAMESPACE column and lists every namespace", async () => {
      const t = parseTable(await env.k.ok(["get", "cm", "-A", "-l", "tier=frontend"]));
      expect(t).toEqual({
        header: ["NAMESPACE", "NAME", "DATA", "AGE"],
        rows: [
          ["default", "app-config", "2", "<age>"],
          ["team-a", "settings", "1", "<age>"],
        ],
      });
      const roots = records(await env.k.ok(["get", "cm", "-A", "--field-selector", "metadata.name=kube-root-ca.crt"]));
      expect(roots.map((r) => r.NAMESPACE)).toEqual(["default", "kube-node-lease", "kube-public", "kube-system", "team-a"]);
    });

    it("-l with equality, set and existence requirements", async () => {
      const names = async (sel: string) => (await env.k.ok(["get", "cm", "-l", sel, "-o", "name"])).trimEnd().split("\n");
      expect(await names("tier=frontend")).toEqual(["configmap/app-config"]);
      expect(await names("tier in (frontend,backend)")).toEqual(["configmap/app-config", "configmap/db-config"]);
      expect(await names("!tier")).toEqual(["configmap/kube-root-ca.crt"]);
      expect(await names("tier!=frontend")).toEqual(["configmap/db-config", "configmap/kube-root-ca.crt"]);
      const none = await env.k.run(["get", "cm", "-l", "tier=nope"]);
      expect(none).toEqual({ code: 0, stdout: "", stderr: "No resources found in default namespace.\n" });
    });

    it("--field-selector on metadata and on a Pod's fields", async () => {
      const [byName, onNode, notRunning] = await Promise.all([
        env.k.ok(["get", "cm", "--field-selector", "metadata.name=db-config", "-o", "name"]),
        env.k.ok(["get", "pods", "-n", "kube-system", "--field-selector", "spec.nodeName=node01", "-o", "name"]),
        env.k.run(["get", "pods", "-A", "--field-selector", "status.phase!=Running"]),
      ]);
      expect(byName).toBe("configmap/db-config\n");
      expect(onNode).toMatch(/^pod\/kube-proxy-[bcdfghjklmnpqrstvwxz24-9]{5}\n$/);
      // Every pod, the Deployments' included, runs once the rollouts completed.
      expect(notRunning).toEqual({ code: 0, stdout: "", stderr: "No resources found\n" });
    });

    it("--show-labels adds a LABELS column", async () => {
      const t = parseTable(await env.k.ok(["get", "cm", "--show-labels"]));
      expect(t).toEqual({
        header: ["NAME", "DATA", "AGE", "LABELS"],
        rows: [
          ["app-config", "2", "<age>", "tier=frontend"],
          ["db-config", "1", "<age>", "tier=backend"],
          ["kube-root-ca.crt", "1", "<age>", "<none>"],
        ],
      });
      const d = parseTable(await env.k.ok(["get", "deploy", "api", "--show-labels"]));
      expect(d.rows).toEqual([["api", "2/2", "2", "2", "<age>", "app=api,tier=backend"]]);
    });

    it("--sort-by a field, ascending", async () => {
      const byReplicas = parseTable(await env.k.ok(["get", "deploy", "--sort-by=.spec.replicas"]));
      expect(byReplicas.rows.map((r) => r[0])).toEqual(["api", "web"]);
      const byData = parseTable(await env.k.ok(["get", "cm", "--sort-by=.metadata.labels.tier"]));
      // Objects without the field sort first.
      expect(byData.rows.map((r) => r[0])).toEqual(["kube-root-ca.crt", "db-config", "app-config"]);
    });

    it("-w prints the list, then a row per change", async () => {
      await env.k.ok(["create", "configmap", "w1", "--from-literal=k=v"]);
      await env.k.ok(["label", "configmap", "w1", "watched=yes"]);
      const watch = streamKubectl(env.k, ["get", "cm", "-w", "-l", "watched"]);
      try {
        await watch.waitFor(/^NAME +DATA +AGE\nw1 +1 +\S+\n$/);
        await env.k.ok(["label", "configmap", "w1", "other=1"]);
        await watch.waitFor(/(\nw1 .*){2}\n$/);
        await env.k.ok(["delete", "configmap", "w1"]);
        await watch.waitFor(/(\nw1 .*){3}\n$/);
      } finally {
        await watch.stop();
      }
      // The list (with its header), then one row for the MODIFIED and one for the DELETED event.
      expect(parseTable(watch.stdout())).toEqual({
        header: ["NAME", "DATA", "AGE"],
        rows: [
          ["w1", "1", "<age>"],
          ["w1", "1", "<age>"],
          ["w1", "1", "<age>"],
        ],
      });
      const events = streamKubectl(env.k, ["get", "cm", "-w", "-l", "tier=backend", "--output-watch-events"]);
      try {
        await events.waitFor(/\nADDED +db-config .*\n$/);
      } finally {
        await events.stop();
      }
      expect(parseTable(events.stdout())).toEqual({ header: ["EVENT", "NAME", "DATA", "AGE"], rows: [["ADDED", "db-config", "1", "<age>"]] });
    }, 30_000);
  });
});
