// `kubectl run`: the pod (and --expose's Service) built on the client, kubectl's argument checks, and
// the message that attaching to an interactive shell is not available in the browser. Expected outputs recorded from real
// kubectl 1.32.5 (fixtures/create-recorded.ts) or, where noted, checked against it by hand.
import { describe, expect, it } from "vitest";
import { kubectlTester } from "../../support/kubectl-env";
import { CREATE_RECORDED } from "./fixtures/create-recorded";

describe("kubectl run, as recorded from kubectl 1.32", () => {
  const t = kubectlTester();
  for (const c of CREATE_RECORDED.filter((c) => c.argv[0] === "run")) {
    it(c.argv.join(" "), async () => {
      const r = await t.kubectl(c.argv);
      expect({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }).toEqual({ stdout: c.stdout, stderr: c.stderr, exitCode: c.exitCode });
    });
  }
});

describe("kubectl run against the cluster", () => {
  it("creates the pod, which the cluster then runs", async () => {
    const t = kubectlTester();
    expect(await t.kubectl("run web --image=nginx")).toEqual({ stdout: "pod/web created\n", stderr: "", exitCode: 0 });
    const pod = t.client.get("/api/v1/namespaces/default/pods/web");
    expect(pod.metadata.labels).toEqual({ run: "web" });
    expect(pod.spec.containers[0]).toMatchObject({ name: "web", image: "nginx" });
    // kubectl 1.32: a second run of the same name is the server's AlreadyExists, unwrapped.
    expect(await t.kubectl("run web --image=nginx")).toEqual({ stdout: "", stderr: 'Error from server (AlreadyExists): pods "web" already exists\n', exitCode: 1 });
  });

  it("--expose creates a Service selecting the pod, printed before the pod", async () => {
    const t = kubectlTester();
    expect(await t.kubectl("run web --image=nginx --port=80 --expose")).toEqual({ stdout: "service/web created\npod/web created\n", stderr: "", exitCode: 0 });
    const svc = t.client.get("/api/v1/namespaces/default/services/web");
    expect(svc.spec.selector).toEqual({ run: "web" });
    expect(svc.spec.ports).toEqual([{ protocol: "TCP", port: 80, targetPort: 80 }]);
  });

  it("--overrides merges JSON into the generated pod", async () => {
    const t = kubectlTester();
    const r = await t.kubectl(["run", "web", "--image=nginx", "--dry-run=client", "-o", "yaml", "--overrides", '{"spec":{"nodeName":"node-1"}}']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("\n  nodeName: node-1\n");
  });

  it("refuses to attach to an interactive shell, before creating anything (one-shot commands: run-attach.test.ts)", async () => {
    const t = kubectlTester();
    const r = await t.kubectl("run -it shell --image=busybox --rm --restart=Never -- sh");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^error: attaching to a container .* is not available in the browser terminal/);
    expect(t.client.request("GET", "/api/v1/namespaces/default/pods/shell").status).toBe(404);
  });
});
