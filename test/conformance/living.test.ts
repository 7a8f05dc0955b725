// The living cluster (issue 3) through real kubectl 1.32 and `npm run start:tls`: pods going
// Pending → ContainerCreating → Running under `get -w`, `kubectl wait`, an unschedulable pod, image pull
// and crash back-offs, the OOM killer, a CronJob after fast-forwarding the clock, scaling and rollouts
// (one stuck on a bad image), `kubectl top`, `kubectl drain` against a PodDisruptionBudget, and the events
// all of that leaves. Expected output is what kubectl 1.32 prints against a real cluster, with ages,
// generated names, IPs and dates masked (output.ts).
//
// Controllers run on the sandbox's alarm at a realistic pace (image pulls take seconds), so checks poll
// with a bounded `eventually` instead of sleeping.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { hasKubectl, origin, type Session } from "./sandbox";
import { describe, eventually as retry, lines, maskContainerIDs, maskDates, maskNames, maskPodIPs, parseTable, primaryOnly, records, sandboxFor, splitEvents, streamKubectl, type Env, type Streaming } from "./output";
import { httpsJson } from "../support/dev-server";
import type { Kubectl, KubectlResult } from "../support/kubectl";

/** Living-cluster states take longer to reach (pulls, backoffs): a minute by default. */
const eventually = <T>(check: () => Promise<T>, ms = 60_000, everyMs = 500): Promise<T> => retry(check, ms, everyMs);

/** The cells of a row kubectl printed (columns are at least three spaces apart; a cell never holds two spaces). */
const cells = (line: string) => line.trim().split(/ {2,}/);

/**
 * The rows a `kubectl get pods -w` printed, as [name, READY, STATUS, RESTARTS, AGE]: every watch event is
 * printed (and aligned) on its own, so rows are cut at the gaps between cells rather than at the header's columns.
 */
function watchRows(out: string): string[][] {
  const [header, ...rows] = out.replace(/\n$/, "").split("\n");
  expect(cells(header)).toEqual(["NAME", "READY", "STATUS", "RESTARTS", "AGE"]);
  return rows.map(cells);
}

/** The STATUS column of each row printed for `pod`, with consecutive repeats collapsed. */
function statusesOf(rows: string[][], pod: string): string[] {
  return rows.filter((r) => r[0] === pod).map((r) => r[2]).filter((s, i, all) => i === 0 || s !== all[i - 1]);
}

/** Polls a running `kubectl get -w` until its output satisfies `done` (bounded by `ms`). */
async function watchUntil(watch: Streaming, done: (out: string) => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done(watch.stdout())) {
    if (Date.now() > deadline) throw new Error(`the watch never got there:\n${watch.stdout()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Whether a kubectl request was cut off by the dev server reloading (wrangler dev restarts the worker when
 * source files change while the suite runs): such a run says nothing about the sandbox and is repeated.
 */
const cutOff = (r: KubectlResult) => /": (EOF|read: connection reset by peer|dial tcp [^:]+:\d+: connect: connection refused)\b|http2: server sent GOAWAY/.test(r.stderr);

/**
 * Polls `kubectl get pod <name>` until `done(row)` and returns every row seen (cells as `cells` cuts them).
 * Polling, unlike a long watch, survives the dev server reloading.
 */
async function pollPod(k: Kubectl, name: string, done: (row: string[], rows: string[][]) => boolean, ms: number): Promise<string[][]> {
  const rows: string[][] = [];
  const deadline = Date.now() + ms;
  for (;;) {
    const r = await k.run(["get", "pod", name, "--no-headers"]);
    if (r.code === 0) {
      const row = cells(r.stdout.split("\n")[0]);
      rows.push(row);
      if (done(row, rows)) return rows;
    } else if (!cutOff(r)) throw new Error(`kubectl get pod ${name}: ${r.stderr}`);
    if (Date.now() > deadline) throw new Error(`pod ${name} never got there:\n${rows.map((x) => x.join(" | ")).join("\n")}`);
    await new Promise((res) => setTimeout(res, 250));
  }
}

/**
 * Runs a kubectl that waits through a watch (rollout status, wait). wrangler dev orphans watch streams when
 * it reloads the worker (others edit sources while the suite runs): a run that failed although `settled()`
 * now holds is repeated once, and then returns at once from its initial list.
 */
async function untilSettled(k: Kubectl, args: string[], settled: () => Promise<boolean>, timeoutMs: number): Promise<KubectlResult> {
  const r = await k.run(args, { timeoutMs });
  if (r.code === 0 || !(await settled())) return r;
  return k.run(args, { timeoutMs });
}

/** `POST /api/sessions/:id/clock`: fast-forwards the sandbox's simulated time. */
async function advanceClock(session: Session, seconds: number): Promise<{ now: string; clockOffsetSeconds: number }> {
  const r = await httpsJson(`${origin()}/api/sessions/${session.id}/clock`, { method: "POST", token: session.token, body: { advanceSeconds: seconds } });
  if (r.status !== 200) throw new Error(`POST clock: ${r.status} ${r.text}`);
  return r.body;
}

const mask = (s: string) => maskNames(maskPodIPs(maskContainerIDs(maskDates(s))));

const MEMORY_DEMO_2 = `apiVersion: v1
kind: Pod
metadata:
  name: memory-demo-2
spec:
  containers:
  - name: memory-demo-2-ctr
    image: polinux/stress
    resources:
      requests:
        memory: "50Mi"
      limits:
        memory: "100Mi"
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"]
`;

const HOG = `apiVersion: v1
kind: Pod
metadata:
  name: hog
spec:
  containers:
  - name: app
    image: nginx
    resources:
      requests:
        memory: 100Gi
`;

/** A pod whose shell (PID 1) ignores SIGTERM: deleting it takes its whole grace period. */
const SLEEPER = `apiVersion: v1
kind: Pod
metadata:
  name: sleeper
spec:
  terminationGracePeriodSeconds: 4
  containers:
  - name: sleeper
    image: busybox
    command: ["/bin/sh", "-c", "sleep 3600"]
`;

// The walkthrough's php-apache.yaml, as the autoscaling lesson ships it.
const PHP_APACHE = readFileSync(join(__dirname, "../../lessons/autoscaling/manifests/php-apache.yaml"), "utf8");

const versions = primaryOnly();

describe.skipIf(!hasKubectl() || !versions.length)("a living cluster through kubectl 1.32", () => {
  describe("pods coming to life", () => {
    let env: Env;
    beforeAll(async () => {
      env = await sandboxFor(versions[0]);
    }, 60_000);

    it("get pods -w right after create deployment: each new pod is seen before it runs, then Running", async () => {
      // A watch the dev server's reload orphaned (it falls silent while the pods do run) is tried once
      // more, with a fresh Deployment and an image the nodes have not pulled yet.
      const attempt = async (name: string, image: string) => {
        expect(await env.k.ok(["create", "deployment", name, `--image=${image}`, "--replicas=2"])).toBe(lines(`deployment.apps/${name} created`));
        const watch = streamKubectl(env.k, ["get", "pods", "-w", "-l", `app=${name}`]);
        const running = (out: string) => new Set([...out.matchAll(new RegExp(`^(${name}-\\S+) +1/1 +Running `, "gm"))].map((m) => m[1])).size === 2;
        try {
          await watchUntil(watch, running, 40_000);
          return watch.stdout();
        } catch (e) {
          await watch.stop();
          const now = parseTable(await env.k.ok(["get", "pods", "-l", `app=${name}`])).rows;
          if (now.length === 2 && now.every((r) => r[2] === "Running")) return undefined;
          throw e;
        } finally {
          await watch.stop();
        }
      };
      let name = "hello";
      let out = await attempt(name, "nginx");
      if (out === undefined) out = await attempt((name = "hello-again"), "tomcat:10");
      expect(out, "the watch fell silent twice").toBeDefined();
      const rows = watchRows(out!);
      const pods = [...new Set(rows.map((r) => r[0]))];
      expect(pods.map(maskNames)).toEqual([`${name}-<hash>-<rand>`, `${name}-<hash>-<rand>`]);
      for (const pod of pods) {
        const seen = statusesOf(rows, pod);
        // The states a new pod goes through, in order; the watch may open after the first of them.
        const order = ["Pending", "ContainerCreating", "Running"];
        expect(seen.at(-1)).toBe("Running");
        expect(seen.length, `${pod}: ${seen}`).toBeGreaterThan(1);
        expect(seen.every((s) => order.includes(s))).toBe(true);
        expect(seen.map((s) => order.indexOf(s))).toEqual([...seen.map((s) => order.indexOf(s))].sort());
        // The Running row is printed when the pod started, seconds after it was created (the image pull).
        const running = rows.find((r) => r[0] === pod && r[2] === "Running")!;
        expect(running.slice(1, 4)).toEqual(["1/1", "Running", "0"]);
        expect(running[4]).toMatch(/^[1-9]\d*s$/);
      }
    }, 120_000);

    it("get pods -w open before kubectl run: Pending, Pending (bound), ContainerCreating, Running", async () => {
      // A pod already running in the namespace: its row shows the watch is open before the new pod exists.
      await env.k.ok(["create", "namespace", "watching"]);
      await env.k.ok(["run", "first", "-n", "watching", "--image=busybox", "--", "sleep", "3600"]);
      expect((await untilSettled(env.k, ["wait", "--for=condition=Ready", "pod/first", "-n", "watching", "--timeout=40s"], async () => true, 60_000)).code).toBe(0);
      const attempt = async (name: string, image: string) => {
        const watch = streamKubectl(env.k, ["get", "pods", "-n", "watching", "-w"]);
        try {
          await watch.waitFor(/^NAME .*\nfirst +1\/1 +Running .*\n$/, 30_000);
          expect(await env.k.ok(["run", name, "-n", "watching", `--image=${image}`])).toBe(lines(`pod/${name} created`));
          await watchUntil(watch, (out) => new RegExp(`\\n${name} +1/1 +Running .*\\n$`).test(out), 40_000);
          return watch.stdout();
        } catch (e) {
          // Orphaned by a reload of the dev server (see untilSettled) while the pod did start: once more.
          await watch.stop();
          if ((await env.k.ok(["get", "pod", name, "-n", "watching", "-o", "jsonpath={.status.phase}"])) === "Running") return undefined;
          throw e;
        } finally {
          await watch.stop();
        }
      };
      let name = "second";
      let out = await attempt(name, "httpd:2.4");
      if (out === undefined) out = await attempt((name = "third"), "httpd:2.4-alpine");
      expect(out, "the watch fell silent twice").toBeDefined();
      const rows = watchRows(out!).filter((r) => r[0] === name);
      expect(rows.map((r) => r.slice(0, 4))).toEqual([
        [name, "0/1", "Pending", "0"],
        [name, "0/1", "Pending", "0"],
        [name, "0/1", "ContainerCreating", "0"],
        [name, "1/1", "Running", "0"],
      ]);
      expect(rows.slice(0, 3).map((r) => r[4])).toEqual(["0s", "0s", "0s"]);
      // The image is pulled first (tens of MB at registry speed): the pod runs seconds after it was created.
      expect(rows[3][4]).toMatch(/^[1-9]\d*s$/);
    }, 150_000);

    it("wait --for=condition=Ready pod -l app=x: one 'condition met' line per pod", async () => {
      await env.k.ok(["create", "deployment", "ready", "--image=nginx:1.27", "--replicas=3"]);
      // The ReplicaSet creates the pods on the next alarm; kubectl wait needs them to exist.
      await eventually(async () => expect(parseTable(await env.k.ok(["get", "pods", "-l", "app=ready"])).rows).toHaveLength(3), 30_000);
      const allReady = async () => (await env.k.ok(["get", "pods", "-l", "app=ready", "-o", "jsonpath={.items[*].status.containerStatuses[0].ready}"])) === "true true true";
      const r = await untilSettled(env.k, ["wait", "--for=condition=Ready", "pod", "-l", "app=ready", "--timeout=40s"], allReady, 60_000);
      expect(r.code, r.stderr).toBe(0);
      expect(maskNames(r.stdout).split("\n").filter(Boolean)).toEqual(Array(3).fill("pod/ready-<hash>-<rand> condition met"));
      const t = parseTable(await env.k.ok(["get", "pods", "-l", "app=ready"]));
      expect(t.rows.map((r) => r.slice(1, 4))).toEqual(Array(3).fill(["1/1", "Running", "0"]));
    }, 90_000);

    it("wait --for=delete returns once the terminating pod is gone", async () => {
      await env.k.ok(["apply", "-f", "-"], { stdin: SLEEPER });
      expect((await untilSettled(env.k, ["wait", "--for=condition=Ready", "pod/sleeper", "--timeout=40s"], async () => true, 60_000)).code).toBe(0);
      expect(await env.k.ok(["delete", "pod", "sleeper", "--wait=false"])).toBe(lines('pod "sleeper" deleted'));
      // The shell ignores SIGTERM: the pod stays Terminating for its 4 s grace period.
      const terminating = parseTable(await env.k.ok(["get", "pod", "sleeper"])).rows;
      expect(terminating.map((r) => r.slice(0, 3))).toEqual([["sleeper", "1/1", "Terminating"]]);
      const started = Date.now();
      const gone = async () => (await env.k.run(["get", "pod", "sleeper"])).code === 1;
      const r = await env.k.run(["wait", "--for=delete", "pod/sleeper", "--timeout=40s"], { timeoutMs: 60_000 });
      if (r.code !== 0 && (await gone())) {
        // Orphaned by a dev server reload (see untilSettled); the pod is gone, which is what is checked below.
      } else {
        expect(r).toEqual({ code: 0, stdout: lines("pod/sleeper condition met"), stderr: "" });
        expect(Date.now() - started).toBeGreaterThan(1_000);
      }
      const after = await env.k.run(["get", "pod", "sleeper"]);
      expect(after.code).toBe(1);
      expect(after.stderr).toBe(lines('Error from server (NotFound): pods "sleeper" not found'));
    }, 90_000);

    it("a pod requesting more memory than any node has stays Pending with FailedScheduling", async () => {
      expect(await env.k.ok(["apply", "-f", "-"], { stdin: HOG })).toBe(lines("pod/hog created"));
      expect((await untilSettled(env.k, ["wait", "--for=condition=PodScheduled=false", "pod/hog", "--timeout=40s"], async () => true, 60_000)).code).toBe(0);
      const { head, events } = await eventually(async () => {
        const d = splitEvents(mask(await env.k.ok(["describe", "pod", "hog"])));
        expect(d.events).not.toBe("<none>");
        return d;
      }, 30_000);
      expect(head).toContain("\nNode:             <none>\n");
      expect(head).toContain("\nStatus:           Pending\n");
      expect(head).toContain("\nConditions:\n  Type           Status\n  PodScheduled   False \n");
      expect(head).toContain("\n    Requests:\n      memory:     100Gi\n");
      // FitError.Error(): the filters' histogram, then the preemption PostFilter's own FitError, each
      // closed by SeparatorFormat's "." (the preemption message ends in one already: "..").
      expect(events).toEqual([
        [
          "Warning",
          "FailedScheduling",
          "<age>",
          "default-scheduler",
          "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient memory. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod..",
        ],
      ]);
      const t = parseTable(await env.k.ok(["get", "pod", "hog", "-o", "wide"]));
      expect(t.rows).toEqual([["hog", "0/1", "Pending", "0", "<age>", "<none>", "<none>", "<none>", "<none>"]]);
    }, 90_000);

    it("a tag that does not exist: ErrImagePull, then ImagePullBackOff; describe shows the kubelet's Failed and BackOff events", async () => {
      expect(await env.k.ok(["run", "bad", "--image=nginx:doesnotexist"])).toBe(lines("pod/bad created"));
      // The first ErrImagePull lasts a second or two; the next ones until the pod worker's next sync.
      const seenRows = await pollPod(env.k, "bad", (row, rows) => row[2] === "ImagePullBackOff" && statusesOf(rows, "bad").includes("ErrImagePull"), 60_000);
      const seen = statusesOf(seenRows, "bad");
      expect(seen.slice(seen.indexOf("ErrImagePull")).slice(0, 2)).toEqual(["ErrImagePull", "ImagePullBackOff"]);
      expect(seen.every((st) => ["Pending", "ContainerCreating", "ErrImagePull", "ImagePullBackOff"].includes(st))).toBe(true);
      expect(seenRows.every((r) => r[1] === "0/1" && r[3] === "0")).toBe(true);
      const { head, events } = splitEvents(mask(await env.k.ok(["describe", "pod", "bad"])));
      expect(head).toMatch(/\n    State:          Waiting\n      Reason:       (ErrImagePull|ImagePullBackOff)\n    Ready:          False\n    Restart Count:  0\n/);
      expect(head).toContain("\nStatus:           Pending\n");
      const node = head.match(/^Node: +(node0[12])\//m)![1];
      const byReason = (events as string[][]).map(([type, reason, , from, message]) => [type, reason, from, message]);
      const image = "docker.io/library/nginx:doesnotexist";
      expect(byReason).toEqual(
        expect.arrayContaining([
          ["Normal", "Scheduled", "default-scheduler", `Successfully assigned default/bad to ${node}`],
          ["Normal", "Pulling", "kubelet", 'Pulling image "nginx:doesnotexist"'],
          [
            "Warning",
            "Failed",
            "kubelet",
            `Failed to pull image "nginx:doesnotexist": rpc error: code = NotFound desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": ${image}: not found`,
          ],
          ["Warning", "Failed", "kubelet", "Error: ErrImagePull"],
          ["Normal", "BackOff", "kubelet", 'Back-off pulling image "nginx:doesnotexist"'],
          ["Warning", "Failed", "kubelet", "Error: ImagePullBackOff"],
        ]),
      );
      expect(byReason).toHaveLength(6);
    }, 90_000);

    it("a container that exits 1: Error and CrashLoopBackOff with RESTARTS growing; logs --previous reads the last run", async () => {
      expect(await env.k.ok(["run", "crash", "--image=busybox", "--", "/bin/sh", "-c", "exit 1"])).toBe(lines("pod/crash created"));
      expect(await env.k.ok(["run", "crash-echo", "--image=busybox", "--", "/bin/sh", "-c", "echo about to fail; exit 1"])).toBe(lines("pod/crash-echo created"));
      // The second restart comes after a 10 s back-off; then the container backs off again (20 s).
      const rows = await pollPod(env.k, "crash", (row) => row[2] === "CrashLoopBackOff" && /^[2-9] \(\d+s ago\)$/.test(row[3]), 90_000);
      const restarts = rows.map((r) => Number(r[3].split(" ")[0]));
      expect(restarts).toEqual([...restarts].sort((a, b) => a - b));
      for (const r of rows.filter((x) => x[3] !== "0")) expect(r[3]).toMatch(/^\d+ \(\d+s ago\)$/);
      const statuses = statusesOf(rows, "crash");
      expect(statuses.filter((s) => !["Pending", "ContainerCreating", "Running"].includes(s)).filter((s, i, a) => a.indexOf(s) === i).sort()).toEqual(["CrashLoopBackOff", "Error"]);
      expect(statuses.indexOf("Error")).toBeLessThan(statuses.indexOf("CrashLoopBackOff"));

      // Read while backing off (the container is only briefly anything else).
      const { head, events } = await eventually(async () => {
        const d = splitEvents(mask(await env.k.ok(["describe", "pod", "crash"])));
        expect(d.head).toMatch(
          /\n    State:          Waiting\n      Reason:       CrashLoopBackOff\n    Last State:     Terminated\n      Reason:       Error\n      Exit Code:    1\n      Started:      <date>\n      Finished:     <date>\n    Ready:          False\n    Restart Count:  [2-9]\n/,
        );
        return d;
      }, 30_000);
      const backOff = (events as string[][]).filter((e) => e[1] === "BackOff");
      expect(backOff.map((e) => [e[0], e[3]])).toEqual([["Warning", "kubelet"]]);
      expect(backOff[0][4]).toMatch(/^Back-off restarting failed container crash in pod crash_default\([0-9a-f-]{36}\)$/);

      expect(await env.k.run(["logs", "crash", "--previous"])).toEqual({ code: 0, stdout: "", stderr: "" });
      await eventually(async () => {
        expect(Number(await env.k.ok(["get", "pod", "crash-echo", "-o", "jsonpath={.status.containerStatuses[0].restartCount}"]))).toBeGreaterThanOrEqual(1);
      }, 30_000);
      expect(await env.k.ok(["logs", "crash-echo", "--previous"])).toBe(lines("about to fail"));
    }, 150_000);

    it("memory-demo-2 (stress --vm-bytes 250M, 100Mi limit): OOMKilled, then CrashLoopBackOff; describe shows the last state", async () => {
      expect(await env.k.ok(["apply", "-f", "-"], { stdin: MEMORY_DEMO_2 })).toBe(lines("pod/memory-demo-2 created"));
      const seen = statusesOf(await pollPod(env.k, "memory-demo-2", (row) => row[2] === "CrashLoopBackOff", 90_000), "memory-demo-2");
      expect(seen.slice(seen.indexOf("OOMKilled"))).toEqual(expect.arrayContaining(["OOMKilled", "CrashLoopBackOff"]));
      expect(seen.indexOf("OOMKilled")).toBeLessThan(seen.indexOf("CrashLoopBackOff"));
      expect(seen.filter((s) => !["Pending", "ContainerCreating", "Running", "OOMKilled", "CrashLoopBackOff"].includes(s))).toEqual([]);
      const out = mask(await env.k.ok(["describe", "pod", "memory-demo-2"]));
      const container = out.slice(out.indexOf("\nContainers:\n"), out.indexOf("\nConditions:\n") + 1);
      expect(container.replace(/Restart Count:  [1-9]\d*/, "Restart Count:  <n>")).toBe(
        lines(
          "",
          "Containers:",
          "  memory-demo-2-ctr:",
          "    Container ID:  containerd://<id>",
          "    Image:         polinux/stress",
          "    Image ID:      docker.io/polinux/stress@sha256:<digest>",
          "    Port:          <none>",
          "    Host Port:     <none>",
          "    Command:",
          "      stress",
          "    Args:",
          "      --vm",
          "      1",
          "      --vm-bytes",
          "      250M",
          "      --vm-hang",
          "      1",
          "    State:          Waiting",
          "      Reason:       CrashLoopBackOff",
          "    Last State:     Terminated",
          "      Reason:       OOMKilled",
          "      Exit Code:    137",
          "      Started:      <date>",
          "      Finished:     <date>",
          "    Ready:          False",
          "    Restart Count:  <n>",
          "    Limits:",
          "      memory:  100Mi",
          "    Requests:",
          "      memory:     50Mi",
          "    Environment:  <none>",
          "    Mounts:",
          "      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-<rand> (ro)",
        ),
      );
    }, 120_000);

    it("top nodes and top pods: metrics-server's usage of every node and of the running pods", async () => {
      const nodes = parseTable(await env.k.ok(["top", "nodes"]));
      expect(nodes.header).toEqual(["NAME", "CPU(cores)", "CPU(%)", "MEMORY(bytes)", "MEMORY(%)"]);
      expect(nodes.rows.map((r) => r[0])).toEqual(["controlplane", "node01", "node02"]);
      for (const r of nodes.rows) {
        expect(r[1]).toMatch(/^[1-9]\d*m$/);
        expect(r[2]).toMatch(/^\d{1,2}%$/);
        expect(r[3]).toMatch(/^[1-9]\d*Mi$/);
        expect(r[4]).toMatch(/^\d{1,2}%$/);
      }
      const pods = parseTable(await env.k.ok(["top", "pods"]));
      expect(pods.header).toEqual(["NAME", "CPU(cores)", "MEMORY(bytes)"]);
      for (const r of pods.rows) {
        expect(r[1]).toMatch(/^\d+m$/);
        expect(r[2]).toMatch(/^\d+Mi$/);
      }
      // Running pods are measured; a crash-looping or OOM-killed container has nothing to measure.
      const names = pods.rows.map((r) => maskNames(r[0]));
      expect(names).toEqual(expect.arrayContaining(["hello-<hash>-<rand>", "ready-<hash>-<rand>"]));
      expect(names).not.toContain("memory-demo-2");
      expect(names).not.toContain("hog");
      const missing = await env.k.run(["top", "pod", "hog"]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toBe(lines('Error from server (NotFound): podmetrics.metrics.k8s.io "default/hog" not found'));
      // A new pod is measured once metrics-server scraped it running twice, 15 s apart.
      await env.k.ok(["run", "fresh", "--image=busybox", "--", "sleep", "3600"]);
      expect((await untilSettled(env.k, ["wait", "--for=condition=Ready", "pod/fresh", "--timeout=40s"], async () => true, 60_000)).code).toBe(0);
      expect(await env.k.run(["top", "pod", "fresh"])).toEqual({ code: 1, stdout: "", stderr: lines('Error from server (NotFound): podmetrics.metrics.k8s.io "default/fresh" not found') });
      expect(await env.k.run(["top", "pods", "-l", "run=fresh"])).toEqual({ code: 1, stdout: "", stderr: lines("error: metrics not available yet") });
      await eventually(async () => {
        const t = parseTable(await env.k.ok(["top", "pod", "fresh"]));
        expect(t.rows.map((r) => [r[0], /^\d+m$/.test(r[1]), /^\d+Mi$/.test(r[2])])).toEqual([["fresh", true, true]]);
      }, 45_000, 2_000);
      const all = parseTable(await env.k.ok(["top", "pods", "-A"]));
      expect(all.header).toEqual(["NAMESPACE", "NAME", "CPU(cores)", "MEMORY(bytes)"]);
      expect(all.rows.filter((r) => r[0] === "kube-system").map((r) => maskNames(r[1]))).toEqual(
        expect.arrayContaining(["etcd-controlplane", "kube-apiserver-controlplane", "kube-proxy-<rand>"]),
      );
    }, 120_000);
  });

  describe("scaling and rolling out", () => {
    let env: Env;
    beforeAll(async () => {
      env = await sandboxFor(versions[0]);
      await env.k.ok(["create", "deployment", "web", "--image=nginx:1.27", "--replicas=2"]);
      const ready = async () => parseTable(await env.k.ok(["get", "deployment", "web"])).rows[0]?.[1] === "2/2";
      const r = await untilSettled(env.k, ["rollout", "status", "deployment/web", "--timeout=45s"], ready, 60_000);
      expect(r.code, r.stderr).toBe(0);
    }, 150_000);

    it("kubectl scale, then rollout status follows the new replicas to the end", async () => {
      expect(await env.k.ok(["scale", "deployment", "web", "--replicas=4"])).toBe(lines("deployment.apps/web scaled"));
      const rolledOut = async () => parseTable(await env.k.ok(["get", "deployment", "web"])).rows[0]?.[1] === "4/4";
      const r = await untilSettled(env.k, ["rollout", "status", "deployment/web", "--timeout=45s"], rolledOut, 60_000);
      expect(r.code, r.stderr).toBe(0);
      const out = r.stdout.split("\n").filter(Boolean);
      expect(out.at(-1)).toBe('deployment "web" successfully rolled out');
      for (const line of out.slice(0, -1)) expect(line).toMatch(/^Waiting for deployment "web" rollout to finish: [23] of 4 updated replicas are available\.\.\.$/);
      expect(parseTable(await env.k.ok(["get", "deployment", "web"])).rows).toEqual([["web", "4/4", "4", "4", "<age>"]]);
    }, 120_000);

    it("set image to a tag that does not exist: rollout status keeps waiting; with --timeout it gives up with an error", async () => {
      expect(await env.k.ok(["set", "image", "deployment/web", "nginx=nginx:doesnotexist"])).toBe(lines("deployment.apps/web image updated"));
      // Without --timeout it waits for good (killed here after 8 s, never having reported success).
      const forever = await env.k.run(["rollout", "status", "deployment/web"], { timeoutMs: 8_000 });
      expect(forever.code).not.toBe(0);
      expect(forever.stdout).not.toContain("successfully rolled out");
      const r = await env.k.run(["rollout", "status", "deployment/web", "--timeout=6s"], { timeoutMs: 30_000 });
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(lines("error: timed out waiting for the condition"));
      // maxSurge and maxUnavailable are 25% of 4 (one pod each): two new pods, three old ones kept.
      const waiting = r.stdout.split("\n").filter(Boolean);
      expect(waiting.length).toBeGreaterThan(0);
      for (const line of waiting) expect(line).toBe('Waiting for deployment "web" rollout to finish: 2 out of 4 new replicas have been updated...');
      const rs = parseTable(await env.k.ok(["get", "rs", "-l", "app=web", "-o", "wide"])).rows.map((row) => [row[1], row[2], row[3], row[6]]);
      expect(rs.sort((a, b) => a[3].localeCompare(b[3]))).toEqual([
        ["3", "3", "3", "nginx:1.27"],
        ["2", "2", "0", "nginx:doesnotexist"],
      ]);
      const pods = records(await env.k.ok(["get", "pods", "-l", "app=web"]));
      expect(pods.filter((p) => p.READY === "0/1").map((p) => p.STATUS).every((s) => s === "ErrImagePull" || s === "ImagePullBackOff")).toBe(true);
      expect(pods.filter((p) => p.READY === "1/1")).toHaveLength(3);
    }, 90_000);

    it("describe deployment: replicas, conditions and the ScalingReplicaSet events of the scale and the stuck rollout", async () => {
      const out = maskNames(await env.k.ok(["describe", "deployment", "web"])).replace(/\b(web)-[4-9bcdf]{6,10}\b/g, "$1-<hash>");
      const { head, events } = splitEvents(out);
      expect(head).toContain("\nReplicas:               4 desired | 2 updated | 5 total | 3 available | 2 unavailable\n");
      expect(head).toContain("\n    Image:         nginx:doesnotexist\n");
      expect(head).toContain(
        lines(
          "Conditions:",
          "  Type           Status  Reason",
          "  ----           ------  ------",
          "  Available      True    MinimumReplicasAvailable",
          "  Progressing    True    ReplicaSetUpdated",
          "OldReplicaSets:  web-<hash> (3/3 replicas created)",
          "NewReplicaSet:   web-<hash> (2/2 replicas created)",
        ),
      );
      const rsNames = parseTable(await env.k.ok(["get", "rs", "-l", "app=web", "-o", "wide"])).rows;
      const [oldRs] = rsNames.filter((r) => r[6] === "nginx:1.27").map((r) => r[0]);
      const [newRs] = rsNames.filter((r) => r[6] === "nginx:doesnotexist").map((r) => r[0]);
      const raw = splitEvents(await env.k.ok(["describe", "deployment", "web"])).events as string[][];
      // kubectl orders events by time; those of one second keep the server's order.
      expect(raw.map((e) => [e[0], e[1], e[3], e[4]]).sort()).toEqual(
        [
          ["Normal", "ScalingReplicaSet", "deployment-controller", `Scaled up replica set ${oldRs} from 0 to 2`],
          ["Normal", "ScalingReplicaSet", "deployment-controller", `Scaled up replica set ${oldRs} from 2 to 4`],
          ["Normal", "ScalingReplicaSet", "deployment-controller", `Scaled up replica set ${newRs} from 0 to 1`],
          ["Normal", "ScalingReplicaSet", "deployment-controller", `Scaled down replica set ${oldRs} from 4 to 3`],
          ["Normal", "ScalingReplicaSet", "deployment-controller", `Scaled up replica set ${newRs} from 1 to 2`],
        ].sort(),
      );
      expect(events).not.toBe("<none>");
    }, 60_000);

    it("get events: the controllers', scheduler's and kubelet's events with their objects", async () => {
      const t = parseTable(await env.k.ok(["get", "events"]), ["LAST SEEN"]);
      expect(t.header).toEqual(["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"]);
      const hashes = (s: string) => maskNames(s).replace(/\b(web)-[4-9bcdf]{6,10}\b/g, "$1-<hash>");
      const rows = t.rows.map((r) => [r[0], r[1], r[2], hashes(r[3]), hashes(r[4])]);
      const has = (row: string[]) => expect(rows).toContainEqual(row);
      has(["<age>", "Normal", "ScalingReplicaSet", "deployment/web", "Scaled up replica set web-<hash> from 0 to 2"]);
      has(["<age>", "Normal", "SuccessfulCreate", "replicaset/web-<hash>", "Created pod: web-<hash>-<rand>"]);
      has(["<age>", "Normal", "Pulling", "pod/web-<hash>-<rand>", 'Pulling image "nginx:1.27"']);
      has(["<age>", "Normal", "Created", "pod/web-<hash>-<rand>", "Created container nginx"]);
      has(["<age>", "Normal", "Started", "pod/web-<hash>-<rand>", "Started container nginx"]);
      has(["<age>", "Normal", "BackOff", "pod/web-<hash>-<rand>", 'Back-off pulling image "nginx:doesnotexist"']);
      has(["<age>", "Warning", "Failed", "pod/web-<hash>-<rand>", "Error: ImagePullBackOff"]);
      expect(rows.filter((r) => r[2] === "Scheduled").every((r) => /^Successfully assigned default\/web-<hash>-<rand> to node0[12]$/.test(r[4]))).toBe(true);
      expect(rows.filter((r) => r[2] === "Scheduled")).toHaveLength(6);
      // nginx:1.27 is pulled once per node (IfNotPresent); later pods find it there.
      const pulled = rows.filter((x) => x[2] === "Pulled").map((r) => r[4]);
      expect(pulled.length).toBeGreaterThan(0);
      for (const m of pulled) {
        expect(m).toMatch(/^(Successfully pulled image "nginx:1\.27" in [\d.]+m?s \([\d.]+m?s including waiting\)\. Image size: \d+ bytes\.|Container image "nginx:1\.27" already present on machine)$/);
      }
    }, 60_000);
  });

  describe("a CronJob after fast-forwarding the clock", () => {
    let env: Env;
    beforeAll(async () => {
      env = await sandboxFor(versions[0]);
    }, 60_000);

    it("fires at the next minute: get jobs shows the finished Job and get pods its Completed pod", async () => {
      expect(await env.k.ok(["create", "cronjob", "hello", "--image=busybox", "--schedule=*/1 * * * *", "--", "echo", "hello"])).toBe(lines("cronjob.batch/hello created"));
      expect(parseTable(await env.k.ok(["get", "cronjob", "hello"]))).toEqual({
        header: ["NAME", "SCHEDULE", "TIMEZONE", "SUSPEND", "ACTIVE", "LAST SCHEDULE", "AGE"],
        rows: [["hello", "*/1 * * * *", "<none>", "False", "0", "<none>", "<age>"]],
      });
      expect((await env.k.run(["get", "jobs"])).stderr).toBe(lines("No resources found in default namespace."));
      // Forward to 20 s past the next minute: exactly one schedule falls due on the way.
      const created = Date.parse(await env.k.ok(["get", "cronjob", "hello", "-o", "jsonpath={.metadata.creationTimestamp}"]));
      const { now } = await advanceClock(env.session, 60 - new Date(created).getUTCSeconds() + 20);
      const scheduled = Math.floor(Date.parse(now) / 60_000) * 60_000;
      const job = `hello-${scheduled / 60_000}`;
      await eventually(async () => {
        expect(parseTable(await env.k.ok(["get", "jobs"])).rows).toEqual([[job, "Complete", "1/1", "<age>", "<age>"]]);
      }, 30_000);
      const pods = parseTable(await env.k.ok(["get", "pods"])).rows;
      expect(pods.map((r) => [r[0].replace(/-[bcdfghjklmnpqrstvwxz24-9]{5}$/, "-<rand>"), r[1], r[2], r[3]])).toEqual([[`${job}-<rand>`, "0/1", "Completed", "0"]]);
      expect(await env.k.ok(["logs", pods[0][0]])).toBe(lines("hello"));
      const cj = parseTable(await env.k.ok(["get", "cronjob", "hello"])).rows[0];
      expect([cj[4], cj[5]]).toEqual(["0", "<age>"]);
      const events = parseTable(await env.k.ok(["get", "events", "--field-selector", "involvedObject.kind=CronJob"]), ["LAST SEEN"]).rows.map((r) => r.slice(1));
      expect(events).toEqual(
        expect.arrayContaining([
          ["Normal", "SuccessfulCreate", "cronjob/hello", `Created job ${job}`],
          ["Normal", "SawCompletedJob", "cronjob/hello", `Saw completed job: ${job}, condition: Complete`],
        ]),
      );
    }, 90_000);
  });

  describe("the HorizontalPodAutoscaler walkthrough, load generator and all", () => {
    let env: Env;
    beforeAll(async () => {
      env = await sandboxFor(versions[0]);
    }, 60_000);

    it("autoscale php-apache; a wget loop scales it to 7 replicas; deleting the loop brings it back to 1 after the window", async () => {
      expect(await env.k.ok(["apply", "-f", "-"], { stdin: PHP_APACHE })).toBe(lines("deployment.apps/php-apache created", "service/php-apache created"));
      expect(await env.k.ok(["autoscale", "deployment", "php-apache", "--cpu-percent=50", "--min=1", "--max=10"])).toBe(lines("horizontalpodautoscaler.autoscaling/php-apache autoscaled"));
      await advanceClock(env.session, 60);
      const hpa = async () => parseTable(await env.k.ok(["get", "hpa", "php-apache"]));
      expect(await hpa()).toEqual({
        header: ["NAME", "REFERENCE", "TARGETS", "MINPODS", "MAXPODS", "REPLICAS", "AGE"],
        rows: [["php-apache", "Deployment/php-apache", "cpu: 0%/50%", "1", "10", "1", "<age>"]],
      });
      // The walkthrough runs it attached (-i --tty --rm); detached it loads the Service all the same.
      expect(await env.k.ok(["run", "load-generator", "--image=busybox:1.28", "--restart=Never", "--", "/bin/sh", "-c", "while sleep 0.01; do wget -q -O- http://php-apache; done"])).toBe(lines("pod/load-generator created"));
      await advanceClock(env.session, 30);
      const loaded = (await hpa()).rows[0];
      expect(loaded[2]).toMatch(/^cpu: 2[0-9]{2}%\/50%$/);
      await advanceClock(env.session, 300);
      const settled = (await hpa()).rows[0];
      expect(settled[5]).toBe("7");
      expect(settled[2]).toMatch(/^cpu: [34][0-9]%\/50%$/);
      expect(parseTable(await env.k.ok(["get", "deployment", "php-apache"])).rows[0].slice(0, 2)).toEqual(["php-apache", "7/7"]);
      expect(await env.k.ok(["delete", "pod", "load-generator", "--wait=false"])).toBe(lines('pod "load-generator" deleted'));
      await advanceClock(env.session, 120);
      // The load is gone, but the scale-down stabilisation window keeps the replicas for five minutes.
      expect((await hpa()).rows[0].slice(2, 6)).toEqual(["cpu: 0%/50%", "1", "10", "7"]);
      await advanceClock(env.session, 300);
      expect((await hpa()).rows[0].slice(2, 6)).toEqual(["cpu: 0%/50%", "1", "10", "1"]);
      const describe = await env.k.ok(["describe", "hpa", "php-apache"]);
      expect(describe).toMatch(/SuccessfulRescale +\S+ +horizontal-pod-autoscaler +New size: 4; reason: cpu resource utilization \(percentage of request\) above target\n/);
      expect(describe).toMatch(/SuccessfulRescale +\S+ +horizontal-pod-autoscaler +New size: 1; reason: All metrics below target\n/);
    }, 120_000);
  });

  describe("draining a node guarded by a PodDisruptionBudget", () => {
    let env: Env;
    let onNode01: string;
    beforeAll(async () => {
      env = await sandboxFor(versions[0]);
      await env.k.ok(["create", "deployment", "guarded", "--image=nginx", "--replicas=2"]);
      await env.k.ok(["create", "pdb", "guarded", "--selector=app=guarded", "--min-available=2"]);
      const ready = async () => parseTable(await env.k.ok(["get", "deployment", "guarded"])).rows[0]?.[1] === "2/2";
      expect((await untilSettled(env.k, ["rollout", "status", "deployment/guarded", "--timeout=45s"], ready, 60_000)).code).toBe(0);
      const pods = parseTable(await env.k.ok(["get", "pods", "-l", "app=guarded", "-o", "wide"])).rows;
      // The scheduler spreads the two replicas over the two workers.
      expect(pods.map((r) => r[6]).sort()).toEqual(["node01", "node02"]);
      onNode01 = pods.find((r) => r[6] === "node01")![0];
      await eventually(async () => {
        expect(parseTable(await env.k.ok(["get", "pdb", "guarded"])).rows).toEqual([["guarded", "2", "N/A", "0", "<age>"]]);
      }, 30_000);
    }, 120_000);

    it("drain cordons node01, then keeps retrying the eviction the budget refuses until --timeout", async () => {
      const drain = () => env.k.run(["drain", "node01", "--ignore-daemonsets", "--timeout=12s"], { timeoutMs: 60_000 });
      let r = await drain();
      if (cutOff(r)) {
        await env.k.ok(["uncordon", "node01"]);
        r = await drain();
      }
      expect(r.code).toBe(1);
      // One eviction attempt every 5 s until the timeout.
      const out = r.stdout.split("\n").filter(Boolean);
      expect(out[0]).toBe("node/node01 cordoned");
      expect(out.slice(1).every((l) => l === `evicting pod default/${onNode01}`)).toBe(true);
      expect(out.slice(1).length).toBeGreaterThanOrEqual(2);
      const err = maskNames(r.stderr).split("\n").filter(Boolean);
      const pod = maskNames(onNode01);
      const refused = `error when evicting pods/"${pod}" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.`;
      const timedOut = `error when evicting pods/"${pod}" -n "default": global timeout reached: 12s`;
      expect(err[0]).toBe("Warning: ignoring DaemonSet-managed Pods: kube-system/kube-proxy-<rand>");
      expect(err.slice(1, -6).every((l) => l === refused)).toBe(true);
      expect(err.slice(1, -6).length).toBeGreaterThanOrEqual(2);
      expect(err.slice(-6)).toEqual([
        `There are pending pods in node "node01" when an error occurred: ${timedOut}`,
        `pod/${pod}`,
        `error: unable to drain node "node01" due to error: ${timedOut}, continuing command...`,
        "There are pending nodes to be drained:",
        " node01",
        timedOut,
      ]);
      expect(parseTable(await env.k.ok(["get", "node", "node01"])).rows[0].slice(0, 2)).toEqual(["node01", "Ready,SchedulingDisabled"]);
      expect(parseTable(await env.k.ok(["get", "pods", "-l", "app=guarded"])).rows.map((row) => row[2])).toEqual(["Running", "Running"]);
    }, 90_000);

    it("once the budget allows one disruption, drain evicts the pod and its replacement runs on node02", async () => {
      await env.k.ok(["patch", "pdb", "guarded", "--type=merge", "-p", '{"spec":{"minAvailable":1}}']);
      await eventually(async () => {
        expect(parseTable(await env.k.ok(["get", "pdb", "guarded"])).rows).toEqual([["guarded", "1", "N/A", "1", "<age>"]]);
      }, 30_000);
      let r = await env.k.run(["drain", "node01", "--ignore-daemonsets", "--timeout=60s"], { timeoutMs: 90_000 });
      if (cutOff(r)) r = await env.k.run(["drain", "node01", "--ignore-daemonsets", "--timeout=60s"], { timeoutMs: 90_000 });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(lines("node/node01 already cordoned", `evicting pod default/${onNode01}`, `pod/${onNode01} evicted`, "node/node01 drained"));
      expect(maskNames(r.stderr)).toBe(lines("Warning: ignoring DaemonSet-managed Pods: kube-system/kube-proxy-<rand>"));
      const ready = async () => parseTable(await env.k.ok(["get", "deployment", "guarded"])).rows[0]?.[1] === "2/2";
      expect((await untilSettled(env.k, ["rollout", "status", "deployment/guarded", "--timeout=45s"], ready, 60_000)).code).toBe(0);
      const pods = parseTable(await env.k.ok(["get", "pods", "-l", "app=guarded", "-o", "wide"])).rows;
      expect(pods.map((row) => [row[2], row[6]])).toEqual([
        ["Running", "node02"],
        ["Running", "node02"],
      ]);
      expect(pods.map((row) => row[0])).not.toContain(onNode01);
      const killing = parseTable(await env.k.ok(["get", "events", "--field-selector", `involvedObject.name=${onNode01},reason=Killing`]), ["LAST SEEN"]).rows;
      expect(killing.map((row) => row.slice(1))).toEqual([["Normal", "Killing", `pod/${onNode01}`, "Stopping container nginx"]]);
      expect(await env.k.ok(["uncordon", "node01"])).toBe(lines("node/node01 uncordoned"));
    }, 120_000);
  });
});
