// kubectl diff: every expected output below was taken from kubectl 1.32 against a sandbox with the
// same state (the shared dev server), then pinned here against the emulation. Only what differs
// between two runs is masked: the temporary directories' random suffixes, the files' times, uids
// and creation times.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { kubectlTester, type KubectlResult } from "../../support/kubectl-env";

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`;

const SECRET = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\nstringData:\n  user: admin\n  pass: s3cret\n";
const CONFIG = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n  labels:\n    tier: front\ndata:\n  color: blue\n";

function masked(r: KubectlResult): KubectlResult {
  const mask = (s: string) =>
    s
      .replace(/\/tmp\/(LIVE|MERGED)-\d+/g, "/tmp/$1-<n>")
      .replace(/\t\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{9} \+0000$/gm, "\t<mtime>")
      .replace(/uid: [0-9a-f-]{36}/g, "uid: <uid>")
      .replace(/"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z"/g, '"<time>"');
  return { stdout: mask(r.stdout), stderr: mask(r.stderr), exitCode: r.exitCode };
}

const WEB_CHANGED = `diff -u -N /tmp/LIVE-<n>/apps.v1.Deployment.default.web /tmp/MERGED-<n>/apps.v1.Deployment.default.web
--- /tmp/LIVE-<n>/apps.v1.Deployment.default.web\t<mtime>
+++ /tmp/MERGED-<n>/apps.v1.Deployment.default.web\t<mtime>
@@ -6,7 +6,7 @@
     kubectl.kubernetes.io/last-applied-configuration: |
       {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"labels":{"app":"web"},"name":"web","namespace":"default"},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"nginx:1.27","name":"nginx"}]}}}}
   creationTimestamp: "<time>"
-  generation: 1
+  generation: 2
   labels:
     app: web
   name: web
@@ -15,7 +15,7 @@
   uid: <uid>
 spec:
   progressDeadlineSeconds: 600
-  replicas: 2
+  replicas: 4
   revisionHistoryLimit: 10
   selector:
     matchLabels:
@@ -32,7 +32,7 @@
         app: web
     spec:
       containers:
-      - image: nginx:1.27
+      - image: nginx:1.28
         imagePullPolicy: IfNotPresent
         name: nginx
         resources: {}
`;

async function appliedWeb() {
  const t = kubectlTester();
  t.files.set("/root/web.yaml", WEB);
  expect((await t.kubectl("apply -f web.yaml")).exitCode).toBe(0);
  t.client.tick(30_000);
  return t;
}

describe("kubectl diff (client-side apply)", () => {
  it("exits 0 and prints nothing when apply would change nothing", async () => {
    const t = await appliedWeb();
    expect(await t.kubectl("diff -f web.yaml")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
  });

  it("shows the live object against the server's dry run of apply's patch, and exits 1", async () => {
    const t = await appliedWeb();
    t.files.set("/root/web.yaml", WEB.replace("nginx:1.27", "nginx:1.28").replace("replicas: 2", "replicas: 4"));
    expect(masked(await t.kubectl("diff -f web.yaml"))).toEqual({ stdout: WEB_CHANGED, stderr: "", exitCode: 1 });
    // A dry run: the live object is as it was.
    const live = await t.client.get("/apis/apps/v1/namespaces/default/deployments/web");
    expect([live.metadata.generation, live.spec.replicas, live.spec.template.spec.containers[0].image]).toEqual([1, 2, "nginx:1.27"]);
  });

  it("removes what the manifest no longer has (the three-way merge with the last applied configuration)", async () => {
    const t = await appliedWeb();
    t.files.set("/root/web.yaml", WEB.replace("  labels:\n    app: web\nspec:", "spec:"));
    const r = masked(await t.kubectl("diff -f web.yaml"));
    expect(r.exitCode).toBe(1);
    expect(r.stdout.replace(/resourceVersion: "\d+"/, 'resourceVersion: "<rv>"')).toBe(`diff -u -N /tmp/LIVE-<n>/apps.v1.Deployment.default.web /tmp/MERGED-<n>/apps.v1.Deployment.default.web
--- /tmp/LIVE-<n>/apps.v1.Deployment.default.web\t<mtime>
+++ /tmp/MERGED-<n>/apps.v1.Deployment.default.web\t<mtime>
@@ -7,8 +7,6 @@
       {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"labels":{"app":"web"},"name":"web","namespace":"default"},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"nginx:1.27","name":"nginx"}]}}}}
   creationTimestamp: "<time>"
   generation: 1
-  labels:
-    app: web
   name: web
   namespace: default
   resourceVersion: "<rv>"
`);
  });

  it("diffs new objects against an empty live file, in file name order, masking a Secret's data", async () => {
    const t = kubectlTester();
    t.files.set("/root/sec.yaml", SECRET);
    t.files.set("/root/cm.yaml", CONFIG);
    expect(masked(await t.kubectl("diff -f sec.yaml -f cm.yaml"))).toEqual({
      stdout: `diff -u -N /tmp/LIVE-<n>/v1.ConfigMap.default.app /tmp/MERGED-<n>/v1.ConfigMap.default.app
--- /tmp/LIVE-<n>/v1.ConfigMap.default.app\t<mtime>
+++ /tmp/MERGED-<n>/v1.ConfigMap.default.app\t<mtime>
@@ -0,0 +1,11 @@
+apiVersion: v1
+data:
+  color: blue
+kind: ConfigMap
+metadata:
+  creationTimestamp: "<time>"
+  labels:
+    tier: front
+  name: app
+  namespace: default
+  uid: <uid>
diff -u -N /tmp/LIVE-<n>/v1.Secret.default.creds /tmp/MERGED-<n>/v1.Secret.default.creds
--- /tmp/LIVE-<n>/v1.Secret.default.creds\t<mtime>
+++ /tmp/MERGED-<n>/v1.Secret.default.creds\t<mtime>
@@ -1 +1,11 @@
-null
+apiVersion: v1
+data:
+  pass: '***'
+  user: '***'
+kind: Secret
+metadata:
+  creationTimestamp: "<time>"
+  name: creds
+  namespace: default
+  uid: <uid>
+type: Opaque
`,
      stderr: "",
      exitCode: 1,
    });
    expect((await t.kubectl("get cm,secret -o name")).stdout).toBe("configmap/kube-root-ca.crt\n");
  });

  it("marks a Secret value that changes as before and after, others as ***", async () => {
    const t = kubectlTester();
    t.files.set("/root/sec.yaml", SECRET);
    await t.kubectl("apply -f sec.yaml");
    t.files.set("/root/sec.yaml", SECRET.replace("s3cret", "other").replace("user: admin\n", "user: admin\n  extra: x\n"));
    expect(masked(await t.kubectl("diff -f sec.yaml"))).toEqual({
      stdout: `diff -u -N /tmp/LIVE-<n>/v1.Secret.default.creds /tmp/MERGED-<n>/v1.Secret.default.creds
--- /tmp/LIVE-<n>/v1.Secret.default.creds\t<mtime>
+++ /tmp/MERGED-<n>/v1.Secret.default.creds\t<mtime>
@@ -1,6 +1,7 @@
 apiVersion: v1
 data:
-  pass: '*** (before)'
+  extra: '***'
+  pass: '*** (after)'
   user: '***'
 kind: Secret
 metadata:
`,
      stderr: "",
      exitCode: 1,
    });
  });

  it("filters the manifests by -l and keeps managed fields with --show-managed-fields", async () => {
    const t = kubectlTester();
    t.files.set("/root/app/sec.yaml", SECRET);
    t.files.set("/root/app/cm.yaml", CONFIG);
    expect(await t.kubectl("diff -f app -l tier=back")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
    const r = masked(await t.kubectl("diff -f app -l tier=front --show-managed-fields"));
    expect(r.exitCode).toBe(1);
    expect(r.stdout).not.toContain("Secret");
    expect(r.stdout).toContain(`+  managedFields:
+  - apiVersion: v1
+    fieldsType: FieldsV1
+    fieldsV1:
+      f:data:
+        .: {}
+        f:color: {}
+      f:metadata:
+        f:labels:
+          .: {}
+          f:tier: {}
+    manager: kubectl-client-side-apply
+    operation: Update
+    time: "<time>"
`);
  });

  it("warns about an object that is being deleted", async () => {
    const t = kubectlTester();
    const held = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: held\n  finalizers:\n  - example.com/hold\ndata:\n  a: "1"\n';
    t.files.set("/root/held.yaml", held);
    await t.kubectl("apply -f held.yaml");
    await t.kubectl("delete -f held.yaml --wait=false");
    t.files.set("/root/held.yaml", held.replace('a: "1"', 'a: "2"'));
    const r = masked(await t.kubectl("diff -f held.yaml"));
    expect(r.stderr).toBe("Warning: Detected changes to resource held which is currently being deleted.\n");
    expect(r.stdout).toContain('@@ -1,6 +1,6 @@\n apiVersion: v1\n data:\n-  a: "1"\n+  a: "2"\n kind: ConfigMap\n');
    expect(r.exitCode).toBe(1);
  });
});

describe("kubectl diff --server-side", () => {
  it("retries a conflicting apply, warns that it keeps changing, then reports the conflict with exit 2", async () => {
    const t = await appliedWeb();
    t.files.set("/root/web.yaml", WEB.replace("nginx:1.27", "nginx:1.28").replace("replicas: 2", "replicas: 4"));
    const r = await t.kubectl("diff -f web.yaml --server-side");
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^W\d{4} \d{2}:\d{2}:\d{2}\.\d{6} +\d+ diff\.go:723\] Object \(apps\/v1, Kind=Deployment: web\) keeps changing, diffing without lock\n/);
    expect(r.stderr.replace(/^W.*\n/, "")).toBe(
      'Error from server (Conflict): Apply failed with 2 conflicts: conflicts with "kubectl-client-side-apply" using apps/v1:\n- .spec.replicas\n- .spec.template.spec.containers[name="nginx"].image\n',
    );
    expect(r.exitCode).toBe(2);
  });

  it("forces the conflicts with --force-conflicts", async () => {
    const t = await appliedWeb();
    t.files.set("/root/web.yaml", WEB.replace("nginx:1.27", "nginx:1.28").replace("replicas: 2", "replicas: 4"));
    expect(masked(await t.kubectl("diff -f web.yaml --server-side --force-conflicts"))).toEqual({ stdout: WEB_CHANGED, stderr: "", exitCode: 1 });
  });
});

describe("kubectl diff errors exit 2 (1 means differences)", () => {
  const t = kubectlTester();
  t.files.set("/root/cm.yaml", CONFIG);
  const cases: [string, string][] = [
    ["diff", "error: must specify one of -f and -k\n"],
    ["diff deployment web", "error: Unexpected args: [deployment web]\nSee 'kubectl diff -h' for help and examples\n"],
    ["diff --bogus", "error: unknown flag: --bogus\nSee 'kubectl diff -h' for help and examples\n"],
    ["diff -f cm.yaml --concurrency=x", 'error: invalid argument "x" for "--concurrency" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'kubectl diff -h\' for help and examples\n'],
    ["diff -f cm.yaml --force-conflicts", "error: --force-conflicts only works with --server-side\n"],
    ["diff -f nothere.yaml", 'error: the path "nothere.yaml" does not exist\n'],
    ["diff -f cm.yaml -n nope", 'Error from server (NotFound): namespaces "nope" not found\n'],
  ];
  for (const [line, stderr] of cases) {
    it(`kubectl ${line}`, async () => {
      expect(await t.kubectl(line)).toEqual({ stdout: "", stderr, exitCode: 2 });
    });
  }

  it("reports an invalid selector", async () => {
    expect(await t.kubectl(["diff", "-f", "cm.yaml", "-l", "tier in (x"])).toEqual({
      stdout: "",
      stderr: "error: the provided selector \"tier in (x\" is not valid: unable to parse requirement: found '', expected: ',' or ')'\n",
      exitCode: 2,
    });
  });

  it("has no other diff program than diff -u -N", async () => {
    expect(await t.kubectl("diff -f cm.yaml", { vars: { KUBECTL_EXTERNAL_DIFF: "colordiff -N -u" } })).toEqual({
      stdout: "",
      stderr: 'error: failed to run "colordiff": executable file not found in $PATH\n',
      exitCode: 2,
    });
  });
});

it("kubectl diff --help matches kubectl 1.32", async () => {
  const expected = readFileSync(join(__dirname, "fixtures/help/diff.txt"), "utf8");
  expect(await kubectlTester().kubectl("diff --help")).toEqual({ stdout: expected, stderr: "", exitCode: 0 });
});
