// Scenarios through the Durable Object for containers that do not stay up: OOMKilled (the
// memory-demo-2 example of the Kubernetes documentation), ImagePullBackOff for a tag that does not
// exist, and CrashLoopBackOff whose restarts follow the kubelet's exponential backoff.
import { expect, test } from "vitest";
import { Sandboxed, containerStatus, SECOND } from "./scenario-support";

type J = Record<string, any>;

const PODS = "/api/v1/namespaces/default/pods";

function pod(name: string, container: J): J {
  return { apiVersion: "v1", kind: "Pod", metadata: { name }, spec: { containers: [{ name, ...container }] } };
}

test("memory-demo-2 (stress --vm-bytes 250M under a 100Mi limit) is OOMKilled with exit code 137 and restarted", async () => {
  const sb = await Sandboxed.create();
  // https://kubernetes.io/docs/tasks/configure-pod-container/assign-memory-resource/ (pods/resource/memory-request-limit-2.yaml)
  await sb.create(PODS, {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "memory-demo-2" },
    spec: {
      containers: [
        {
          name: "memory-demo-2-ctr",
          image: "polinux/stress",
          resources: { requests: { memory: "50Mi" }, limits: { memory: "100Mi" } },
          command: ["stress"],
          args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"],
        },
      ],
    },
  });
  const killed = await sb.advanceUntil(async () => {
    const p = await sb.get(`${PODS}/memory-demo-2`);
    const cs = containerStatus(p);
    const t = cs?.state?.terminated ?? cs?.lastState?.terminated;
    return t?.reason === "OOMKilled" && p;
  }, { maxSeconds: 60 });
  const cs = containerStatus(killed)!;
  const term = cs.state.terminated ?? cs.lastState.terminated;
  expect(term).toMatchObject({ exitCode: 137, reason: "OOMKilled" });
  // restartPolicy Always: the kubelet starts it again, and it is killed again.
  const looping = await sb.advanceUntil(async () => {
    const p = await sb.get(`${PODS}/memory-demo-2`);
    const c = containerStatus(p)!;
    return (c.restartCount ?? 0) >= 2 && c.state.waiting?.reason === "CrashLoopBackOff" && p;
  }, { stepSeconds: 2, maxSeconds: 120 });
  const c = containerStatus(looping)!;
  expect(c.lastState.terminated).toMatchObject({ exitCode: 137, reason: "OOMKilled" });
  expect(looping.status.phase).toBe("Running");
  const events = await sb.eventsFor("memory-demo-2");
  expect(events).toEqual(expect.arrayContaining(["Warning BackOff: Back-off restarting failed container memory-demo-2-ctr in pod memory-demo-2_default(" + looping.metadata.uid + ")"]));
  await sb.expectHealthy();
}, 120_000);

test("an image tag that does not exist gives ErrImagePull, then ImagePullBackOff with Failed and BackOff events", async () => {
  const sb = await Sandboxed.create();
  await sb.create(PODS, pod("broken", { image: "nginx:doesnotexist" }));
  const reasons: string[] = [];
  await sb.advanceUntil(async () => {
    const p = await sb.get(`${PODS}/broken`);
    const reason = containerStatus(p)?.state?.waiting?.reason;
    if (reason && reasons.at(-1) !== reason) reasons.push(reason);
    return reasons.includes("ImagePullBackOff") && reasons.filter((r) => r === "ErrImagePull").length >= 2;
  }, { stepSeconds: 0.25, maxSeconds: 90 });
  expect(reasons.slice(0, 3)).toEqual(["ContainerCreating", "ErrImagePull", "ImagePullBackOff"]);
  const p = await sb.get(`${PODS}/broken`);
  expect(p.status.phase).toBe("Pending");
  // What `kubectl describe pod broken` lists, in order.
  expect((await sb.eventsFor("broken")).slice(0, 6)).toEqual([
    `Normal Scheduled: Successfully assigned default/broken to ${p.spec.nodeName}`,
    'Normal Pulling: Pulling image "nginx:doesnotexist"',
    'Warning Failed: Failed to pull image "nginx:doesnotexist": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:doesnotexist": failed to resolve reference "docker.io/library/nginx:doesnotexist": docker.io/library/nginx:doesnotexist: not found',
    "Warning Failed: Error: ErrImagePull",
    'Normal BackOff: Back-off pulling image "nginx:doesnotexist"',
    "Warning Failed: Error: ImagePullBackOff",
  ]);
  const pulling = (await sb.events()).find((e) => e.involvedObject.name === "broken" && e.reason === "Pulling")!;
  expect(pulling.count).toBeGreaterThanOrEqual(2);
  expect(pulling.source).toMatchObject({ component: "kubelet", host: p.spec.nodeName });
  // Waiting in backoff is timed work: the alarm is armed for the next pull.
  expect(await sb.expectAlarmCoversTimedWork()).toBeDefined();
  await sb.expectHealthy();
}, 120_000);

/** The kubelet's container backoff after the n-th restart: none, then 10 s doubling to a 5 minute cap. */
const EXPECTED_BACKOFF_S = [0, 10, 20, 40, 80, 160, 300, 300];

test("CrashLoopBackOff: `exit 1` is restarted at once, then after 10 s, 20 s, 40 s … capped at 5 minutes", async () => {
  const sb = await Sandboxed.create();
  await sb.create(PODS, pod("crash", { image: "busybox:1.36", command: ["sh", "-c", "echo starting; exit 1"] }));
  // Every run of the container seen in the status (state or lastState), by start time.
  const runs = new Map<string, { startedAt: string; finishedAt: string; exitCode: number }>();
  const restartsAt: Array<{ simulatedS: number; restartCount: number }> = [];
  let start: number | undefined;
  let last: J | undefined;
  const observe = async () => {
    const p = await sb.get(`${PODS}/crash`);
    const cs = containerStatus(p);
    for (const t of [cs?.state?.terminated, cs?.lastState?.terminated]) if (t?.startedAt) runs.set(t.startedAt, { startedAt: t.startedAt, finishedAt: t.finishedAt, exitCode: t.exitCode });
    const { nowMs } = await sb.clock();
    start ??= nowMs;
    if (cs && cs.restartCount !== restartsAt.at(-1)?.restartCount) restartsAt.push({ simulatedS: Math.round((nowMs - start) / SECOND), restartCount: cs.restartCount });
    last = p;
    return cs;
  };
  // Fine steps while restarts come quickly, coarser ones once the backoff is long.
  await sb.advanceUntil(async () => ((await observe())?.restartCount ?? 0) >= 3, { stepSeconds: 1, maxSeconds: 60 });
  await sb.advanceUntil(async () => ((await observe())?.restartCount ?? 0) >= EXPECTED_BACKOFF_S.length, { stepSeconds: 5, maxSeconds: 1500 });

  const ordered = [...runs.values()].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
  expect(ordered.length).toBeGreaterThanOrEqual(EXPECTED_BACKOFF_S.length);
  for (const r of ordered) expect(r.exitCode).toBe(1);
  // The wait between a run's exit and the next start is the backoff for that restart (timestamps are
  // whole seconds; the kubelet's sync adds up to a second or two).
  const gaps = ordered.slice(1, EXPECTED_BACKOFF_S.length).map((r, i) => (Date.parse(r.startedAt) - Date.parse(ordered[i].finishedAt)) / SECOND);
  gaps.forEach((gap, i) => {
    const want = EXPECTED_BACKOFF_S[i];
    expect(gap, `wait before restart ${i + 1} (restart times ${JSON.stringify(restartsAt)})`).toBeGreaterThanOrEqual(want - 1);
    expect(gap, `wait before restart ${i + 1} (restart times ${JSON.stringify(restartsAt)})`).toBeLessThanOrEqual(want + 3);
  });
  // Between restarts the container shows CrashLoopBackOff with the current backoff in its message.
  await sb.advance(30);
  const waiting = containerStatus(await sb.get(`${PODS}/crash`))!;
  expect(waiting.state.waiting).toMatchObject({ reason: "CrashLoopBackOff", message: expect.stringMatching(/^back-off 5m0s restarting failed container=crash pod=crash_default\(/) });
  expect(waiting.lastState.terminated).toMatchObject({ exitCode: 1, reason: "Error" });
  // restartCount after ~19 minutes of simulated time is what the real kubelet reaches: 8 or 9, not dozens.
  expect(waiting.restartCount).toBeGreaterThanOrEqual(EXPECTED_BACKOFF_S.length);
  expect(waiting.restartCount).toBeLessThanOrEqual(EXPECTED_BACKOFF_S.length + 1);
  const backOff = (await sb.events()).find((e) => e.involvedObject.name === "crash" && e.reason === "BackOff")!;
  expect(backOff).toMatchObject({ type: "Warning", message: `Back-off restarting failed container crash in pod crash_default(${last!.metadata.uid})` });
  expect(backOff.count).toBeGreaterThanOrEqual(EXPECTED_BACKOFF_S.length - 1);
  // busybox:1.36 (IfNotPresent) is pulled once; every restart finds it on the node.
  const kubeletEvents = (await sb.events()).filter((e) => e.involvedObject.name === "crash");
  expect(kubeletEvents.filter((e) => e.reason === "Pulling").map((e) => [e.message, e.count])).toEqual([['Pulling image "busybox:1.36"', 1]]);
  expect(kubeletEvents.find((e) => e.message === 'Container image "busybox:1.36" already present on machine')?.count).toBe(waiting.restartCount);
  // The pending restart is timed work: the alarm is armed for it, not only for the sandbox's expiry.
  const next = await sb.expectAlarmCoversTimedWork();
  expect(next).toBeDefined();
  expect(next! - (await sb.clock()).nowMs).toBeLessThanOrEqual(300 * SECOND + 3 * SECOND);
  await sb.expectHealthy();
}, 120_000);

test("CrashLoopBackOff: restartCount after each jump of the clock is what the kubelet's backoff allows", async () => {
  const sb = await Sandboxed.create();
  await sb.create(PODS, pod("crash", { image: "busybox:1.36", command: ["sh", "-c", "exit 1"] }));
  await sb.runAlarm();
  // Restarts come about 2, 13, 34, 75, 156, 317, 618 and 919 s after creation (pull and start included).
  const checkpoints: Array<[number, number]> = [
    [60, 3],
    [120, 4],
    [240, 5],
    [500, 6],
    [800, 7],
    [1100, 8],
  ];
  let elapsed = 0;
  for (const [at, restarts] of checkpoints) {
    await sb.advance(at - elapsed);
    elapsed = at;
    const cs = containerStatus(await sb.get(`${PODS}/crash`))!;
    expect(cs.restartCount, `restartCount ${at} s after creation`).toBe(restarts);
    expect(cs.state.waiting?.reason, `state ${at} s after creation`).toBe("CrashLoopBackOff");
  }
  await sb.expectHealthy();
}, 120_000);
