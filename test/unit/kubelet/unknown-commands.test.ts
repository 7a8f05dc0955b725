// A script in a well-known image that calls a command the image does not have fails like sh does:
// `sh: slep: not found`, exit 127, and the pod crash-loops.
import { describe, expect, test } from "vitest";
import { testCluster } from "../../support/cluster";

function run(image: string, script: string) {
  const c = testCluster();
  c.request("POST", "/api/v1/namespaces/default/pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "t" }, spec: { containers: [{ name: "c", image, command: ["sh", "-c", script] }] } });
  for (let i = 0; i < 60; i++) c.tick(1000);
  return { status: c.get("/api/v1/namespaces/default/pods/t").status.containerStatuses[0], logs: c.request("GET", "/api/v1/namespaces/default/pods/t/log").body };
}

describe("unknown commands in a container's script", () => {
  test("exit 127 with sh's message in a well-known image", () => {
    const { status, logs } = run("busybox:1.36", "echo start; slep 5");
    expect(status.lastState.terminated).toMatchObject({ exitCode: 127, reason: "Error" });
    expect(status.state.waiting.reason).toBe("CrashLoopBackOff");
    expect(logs).toBe("start\nsh: slep: not found\n");
  });

  test("dash and bash say it their own way", () => {
    expect(run("debian:12", "slep 5").logs).toBe("sh: 1: slep: not found\n");
    const c = testCluster();
    c.request("POST", "/api/v1/namespaces/default/pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "t" }, spec: { containers: [{ name: "c", image: "debian:12", command: ["bash", "-c", "slep 5"] }] } });
    for (let i = 0; i < 10; i++) c.tick(1000);
    expect(c.request("GET", "/api/v1/namespaces/default/pods/t/log").body).toBe("bash: line 1: slep: command not found\n");
  });
});
