// `kubectl expose` (Services for deployments, pods and services) and `kubectl autoscale` (HPAs),
// against outputs recorded from real kubectl 1.32.5 on a Kubeplay sandbox set up with the same
// commands as here (expose's cases ran first, then autoscale's, on the same sandbox).
import { describe, expect, it } from "vitest";
import { kubectlTester } from "../../support/kubectl-env";
import { EXPOSE_RECORDED } from "./fixtures/expose-recorded";
import { AUTOSCALE_RECORDED } from "./fixtures/autoscale-recorded";

const SETUP = [
  "create deployment web --image=nginx --port=80",
  "create deployment multi --image=nginx",
  "run pod1 --image=nginx --port=8080 --labels=app=p1,tier=fe",
  "run nolabels --image=nginx --labels=",
  "create service clusterip cs1 --tcp=5678:8080",
  "create cm cm1",
];

describe("kubectl expose and autoscale, as recorded from kubectl 1.32", async () => {
  const t = kubectlTester();
  for (const line of SETUP) {
    const r = await t.kubectl(line);
    if (r.exitCode !== 0) throw new Error(`${line}: ${r.stderr}`);
  }
  for (const c of EXPOSE_RECORDED) {
    it(c.argv.join(" "), async () => {
      const r = await t.kubectl(c.argv);
      expect({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }).toEqual({ stdout: c.stdout, stderr: c.stderr, exitCode: c.exitCode });
    });
  }

  for (const c of AUTOSCALE_RECORDED) {
    it(c.argv.join(" "), async () => {
      const r = await t.kubectl(c.argv);
      expect({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }).toEqual({ stdout: c.stdout, stderr: c.stderr, exitCode: c.exitCode });
    });
  }

  it("the HPA targets the deployment", () => {
    const hpa = t.client.get("/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/web");
    expect(hpa.spec.scaleTargetRef).toEqual({ kind: "Deployment", name: "web", apiVersion: "apps/v1" });
    expect(hpa.spec.maxReplicas).toBe(3);
  });

  it("the exposed Service selects the deployment's pods", () => {
    const svc = t.client.get("/api/v1/namespaces/default/services/web");
    expect(svc.spec.selector).toEqual({ app: "web" });
    expect(svc.spec.ports).toEqual([{ protocol: "TCP", port: 80, targetPort: 80 }]);
  });
});
