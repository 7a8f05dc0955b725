// `kubectl set image|env|resources|selector|serviceaccount|subject --local`: the -f files' objects,
// decoded into their Go structs, changed on the client and printed — against what real kubectl 1.32
// printed for the same files and arguments (fixtures/set-local-recorded.ts).
import { describe, expect, it } from "vitest";
import { kubectlTester } from "../../support/kubectl-env";
import { SET_LOCAL_FILES, SET_LOCAL_RECORDED } from "./fixtures/set-local-recorded";
import { encodeTyped } from "../../../src/engine/kubectl/typed/round-trip";

function tester() {
  const t = kubectlTester();
  for (const [name, text] of Object.entries(SET_LOCAL_FILES)) t.files.set(`/root/${name}`, text);
  return t;
}

describe("kubectl set --local, as recorded from kubectl 1.32", () => {
  const t = tester();
  for (const c of SET_LOCAL_RECORDED) {
    it(`${c.argv.join(" ")}${c.stdin ? ` < ${c.stdin}` : ""}`, async () => {
      const r = await t.kubectl(c.argv, { stdin: c.stdin ? SET_LOCAL_FILES[c.stdin] : undefined });
      expect({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }).toEqual({ stdout: c.stdout, stderr: c.stderr, exitCode: c.exitCode });
    });
  }
});

describe("kubectl set --local never asks the server", () => {
  it.each([
    "set image --local -f deploy.yaml nginx=nginx:1.27 -o yaml",
    "set env --local -f pod.yaml --list",
    "set subject --local -f rb.yaml --user=bob",
    "set selector --local -f svc.yaml app=x --dry-run=server",
  ])("%s", async (line) => {
    const t = tester();
    const handle = t.client.cluster.handle.bind(t.client.cluster);
    const requests: string[] = [];
    t.client.cluster.handle = ((req: Parameters<typeof handle>[0]) => {
      requests.push(`${req.method} ${req.path}`);
      return handle(req);
    }) as typeof handle;
    const r = await t.kubectl(line);
    expect(r.exitCode).toBe(0);
    expect(requests).toEqual([]);
  });
});

describe("the typed round trip", () => {
  it("fills the zero values of non-omitempty fields and drops omitempty zero values", () => {
    const rc = encodeTyped({ apiVersion: "v1", kind: "ReplicationController", metadata: { name: "x", labels: {} }, spec: { paused: false, template: { spec: { hostNetwork: false } } } });
    expect(rc).toEqual({
      kind: "ReplicationController",
      apiVersion: "v1",
      metadata: { name: "x", creationTimestamp: null },
      spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: null } } },
      status: { replicas: 0 },
    });
  });

  it("orders fields as the Go structs declare them and sorts map keys", () => {
    const svc = encodeTyped({ kind: "Service", apiVersion: "v1", metadata: { name: "s" }, spec: { selector: { b: "2", a: "1" }, ports: [{ targetPort: 8080, port: 80, name: "http" }] } });
    expect(JSON.stringify(svc)).toBe(
      '{"kind":"Service","apiVersion":"v1","metadata":{"name":"s","creationTimestamp":null},"spec":{"ports":[{"name":"http","port":80,"targetPort":8080}],"selector":{"a":"1","b":"2"}},"status":{"loadBalancer":{}}}',
    );
  });

  it("writes quantities canonically and leaves kinds it does not table alone", () => {
    const pod = encodeTyped({ apiVersion: "v1", kind: "Pod", metadata: {}, spec: { containers: [{ name: "c", resources: { limits: { cpu: "0.5", memory: 1000, "ephemeral-storage": "1e3" } } }] } });
    expect(pod.spec.containers[0].resources).toEqual({ limits: { cpu: "500m", "ephemeral-storage": "1e3", memory: "1k" } });
    const ingress = { apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata: { name: "i" }, spec: {} };
    expect(encodeTyped(ingress)).toBe(ingress);
  });
});
