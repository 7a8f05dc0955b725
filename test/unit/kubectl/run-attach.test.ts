// `kubectl run -i/-t/--attach`: the one-shot forms tutorials and CKA/CKAD practice use. kubectl 1.32's
// run.go waits for the pod, prints a completed pod's logs or follows a running one's output (after
// attach.go's "If you don't see a command prompt" note), exits with the container's code and, with
// --rm, deletes the pod (`pod "x" deleted`). Only a program that waits on a live terminal is refused.
import { describe, expect, it } from "vitest";
import { kubectlTester, type KubectlTester } from "../../support/kubectl-env";

const PROMPT = "If you don't see a command prompt, try pressing enter.\n";

function settle(t: KubectlTester, seconds: number): void {
  for (let i = 0; i < seconds; i++) t.client.tick(1000);
}

describe("kubectl run attached to a one-shot container", () => {
  it("curl against an nginx Service: the pod ends, is deleted with --rm, and leaves nothing behind", async () => {
    const t = kubectlTester();
    await t.kubectl("create deployment web --image=nginx:alpine");
    await t.kubectl("expose deployment web --port=80");
    settle(t, 30);
    const r = await t.kubectl(["run", "tmp", "--restart=Never", "--rm", "-i", "--image=nginx:alpine", "--", "curl", "-s", "-m", "5", "web:80"]);
    // No "pod/tmp created": an attached run does not print the pod.
    expect(r.stdout).not.toContain("created");
    expect(r.stdout.endsWith('pod "tmp" deleted\n')).toBe(true);
    expect(r.exitCode).toBe(0);
    // Deleted gracefully: the pod is terminating or gone, and soon gone.
    settle(t, 40);
    expect(t.client.request("GET", "/api/v1/namespaces/default/pods/tmp").status).toBe(404);
  });

  it("nslookup with -it --rm prints the lookup, then the deletion", async () => {
    const t = kubectlTester();
    const r = await t.kubectl(["run", "-it", "--rm", "--restart=Never", "busybox", "--image=busybox:1.28", "--", "nslookup", "kubernetes.default"]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^Server:.*10\.96\.0\.10\n[\s\S]*Name:\s+kubernetes\.default\.svc\.cluster\.local\n[\s\S]*Address:? .*10\.96\.0\.1\n[\s\S]*pod "busybox" deleted\n$/);
    expect(r.stderr === "" || r.stderr === PROMPT).toBe(true);
  });

  it("a failing command: its output, then CheckErr's CodeExitError message and the container's exit code", async () => {
    const t = kubectlTester();
    const r = await t.kubectl(["run", "test", "-i", "--image=busybox", "--restart=Never", "--", "sh", "-c", "echo hello; exit 3"]);
    expect(r).toEqual({ stdout: "hello\n", stderr: "pod default/test terminated (Error)\n", exitCode: 3 });
  });

  it("without --rm the completed pod stays", async () => {
    const t = kubectlTester();
    const r = await t.kubectl(["run", "once", "-i", "--image=busybox", "--restart=Never", "--", "echo", "hi"]);
    expect(r).toEqual({ stdout: "hi\n", stderr: expect.any(String), exitCode: 0 });
    expect(t.client.get("/api/v1/namespaces/default/pods/once").status.phase).toBe("Succeeded");
    expect((await t.kubectl("get pod once --no-headers")).stdout).toMatch(/^once\s+0\/1\s+Completed\s+0\s+/);
  });

  it("--rm deletes the pod even when the command failed, before the error", async () => {
    const t = kubectlTester();
    const r = await t.kubectl(["run", "fail", "-i", "--rm", "--image=busybox", "--restart=Never", "--", "sh", "-c", "echo oops; exit 1"]);
    expect(r).toEqual({ stdout: 'oops\npod "fail" deleted\n', stderr: expect.stringMatching(/pod default\/fail terminated \(Error\)\n$/), exitCode: 1 });
  });

  it("a container still running at attach time gets attach.go's prompt note, and its output as it comes", async () => {
    const t = kubectlTester();
    const r = await t.kubectl(["run", "slow", "-i", "--rm", "--image=busybox", "--restart=Never", "--", "sh", "-c", "for i in 1 2 3; do echo $i; sleep 2; done"]);
    expect(r).toEqual({ stdout: '1\n2\n3\npod "slow" deleted\n', stderr: PROMPT, exitCode: 0 });
  });

  it("--quiet leaves out the prompt note and the deletion line", async () => {
    const t = kubectlTester();
    const r = await t.kubectl(["run", "slow", "-i", "-q", "--rm", "--image=busybox", "--restart=Never", "--", "sh", "-c", "echo a; sleep 3; echo b"]);
    expect(r).toEqual({ stdout: "a\nb\n", stderr: "", exitCode: 0 });
  });

  it("a pod that never runs: the --pod-running-timeout error, after --rm's deletion", async () => {
    const t = kubectlTester();
    const r = await t.kubectl(["run", "nope", "-i", "--rm", "--restart=Never", "--pod-running-timeout=5s", "--image=registry.example/none:1", "--", "echo", "x"]);
    expect(r).toEqual({ stdout: 'pod "nope" deleted\n', stderr: "error: timed out waiting for the condition\n", exitCode: 1 });
  });

  it("a command that never ends is followed like `kubectl logs -f` until interrupted; the pod stays", async () => {
    const t = kubectlTester();
    const stop = new AbortController();
    const started = t.client.nowMs;
    const orig = t.client.tick.bind(t.client);
    t.client.tick = (ms?: number) => {
      orig(ms);
      if (t.client.nowMs - started > 60_000) stop.abort();
    };
    const r = await t.kubectl(["run", "pinger", "-i", "--rm", "--restart=Never", "--image=busybox", "--", "sh", "-c", "while true; do echo tick; sleep 10; done"], { signal: stop.signal });
    expect(r.stdout).toMatch(/^(tick\n){3,}$/);
    expect(r.exitCode).toBe(1);
    expect(t.client.get("/api/v1/namespaces/default/pods/pinger").status.phase).toBe("Running");
  });
});

describe("kubectl run attached to a program that needs a live terminal", () => {
  for (const argv of [
    ["run", "-it", "shell", "--image=busybox", "--rm", "--restart=Never", "--", "sh"],
    ["run", "-it", "shell", "--image=busybox", "--rm", "--restart=Never"],
    ["run", "-it", "shell", "--image=ubuntu", "--rm", "--restart=Never", "--", "bash"],
    ["run", "-i", "shell", "--image=busybox", "--rm", "--restart=Never", "--", "cat"],
  ]) {
    it(`refuses ${argv.join(" ")} before creating anything`, async () => {
      const t = kubectlTester();
      const r = await t.kubectl(argv);
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toMatch(/^error: attaching to a container .* is not available in the browser terminal/);
      expect(t.client.request("GET", "/api/v1/namespaces/default/pods/shell").status).toBe(404);
    });
  }
});
