// kubectl set: expected outputs were taken from kubectl 1.32 against a sandbox in the same state
// (shared dev server), then pinned here against the emulation.
import { describe, expect, it } from "vitest";
import { kubectlTester } from "../../support/kubectl-env";

async function setup() {
  const t = kubectlTester();
  await t.kubectl("create deployment web --image=nginx");
  await t.kubectl("create configmap cfg --from-literal=log-level=debug --from-literal=MODE=fast");
  await t.kubectl("create rolebinding rb --clusterrole=view --user=alice");
  return t;
}
const container = (t: ReturnType<typeof kubectlTester>) => t.client.get("/apis/apps/v1/namespaces/default/deployments/web").spec.template.spec.containers[0];

describe("kubectl set image", () => {
  it("updates images, skips no-ops and reports unknown containers", async () => {
    const t = await setup();
    expect((await t.kubectl("set image deploy/web nginx=nginx:1.27")).stdout).toBe("deployment.apps/web image updated\n");
    expect(await t.kubectl("set image deploy/web nginx=nginx:1.27")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
    expect(await t.kubectl("set image deploy/web nope=nginx:1.27")).toEqual({ stdout: "", stderr: 'error: unable to find container named "nope"\n', exitCode: 1 });
    expect((await t.kubectl(["set", "image", "deploy/web", "*=nginx:1.28"])).stdout).toBe("deployment.apps/web image updated\n");
    expect(container(t).image).toBe("nginx:1.28");
    expect((await t.kubectl("set image deploy/web")).stderr).toBe("error: at least one image update is required\n");
    expect((await t.kubectl("set image deploy/web nginx=x other")).stderr).toBe("error: all resources must be specified before image changes: other\n");
  });
});

describe("kubectl set env", () => {
  it("sets, lists, removes and imports from a ConfigMap", async () => {
    const t = await setup();
    expect((await t.kubectl("set env deploy/web A=1 B=2")).stdout).toBe("deployment.apps/web env updated\n");
    expect((await t.kubectl("set env deploy/web --list")).stdout).toBe("# Deployment web, container nginx\nA=1\nB=2\n");
    expect((await t.kubectl("set env deploy/web A-")).stdout).toBe("deployment.apps/web env updated\n");
    expect(await t.kubectl("set env deploy/web B=3 --overwrite=false")).toEqual({
      stdout: "",
      stderr: "error: deployments/web 'B' already has a value (2), and --overwrite is false\n",
      exitCode: 1,
    });
    expect(await t.kubectl("set env deploy/web --from=configmap/cfg")).toEqual({
      stdout: "deployment.apps/web env updated\n",
      stderr: "Warning: key log-level transferred to LOG_LEVEL\n",
      exitCode: 0,
    });
    expect((await t.kubectl("set env deploy/web --list")).stdout).toBe("# Deployment web, container nginx\nB=2\n# MODE from configmap cfg, key MODE\n# LOG_LEVEL from configmap cfg, key log-level\n");
    expect((await t.kubectl("set env deploy/web --keys=a")).stderr).toBe("error: when specifying --keys, a configmap or secret must be provided with --from\n");
    expect((await t.kubectl("set env deploy/web -c nope Z=1")).stderr).toBe('Warning: Deployment/web does not have any containers matching "nope"\n');
  });
});

describe("kubectl set resources, serviceaccount, selector, subject", () => {
  it("updates each", async () => {
    const t = await setup();
    expect((await t.kubectl("set resources deploy/web --limits=cpu=200m,memory=512Mi --requests=cpu=100m")).stdout).toBe("deployment.apps/web resource requirements updated\n");
    expect(container(t).resources).toEqual({ limits: { cpu: "200m", memory: "512Mi" }, requests: { cpu: "100m" } });
    expect((await t.kubectl("set resources deploy/web -c nope --limits=cpu=1")).stderr).toBe("error: unable to find container named nope\n");
    expect((await t.kubectl("set resources deploy/web")).stderr).toBe("error: you must specify an update to requests or limits (in the form of --requests/--limits)\n");
    expect((await t.kubectl("set sa deploy/web robot")).stdout).toBe("deployment.apps/web serviceaccount updated\n");
    // Reported again even though nothing changed, as kubectl does.
    expect((await t.kubectl("set serviceaccount deploy/web robot")).stdout).toBe("deployment.apps/web serviceaccount updated\n");
    await t.kubectl("create service clusterip svc --tcp=80:80");
    expect((await t.kubectl("set selector svc/svc app=web")).stdout).toBe("service/svc selector updated\n");
    expect((await t.kubectl("set selector deploy/web app=web")).stderr).toBe("error: setting a selector is only supported for Services\n");
    expect((await t.kubectl("set subject rolebinding/rb --user=bob --group=devs --serviceaccount=default:robot")).stdout).toBe("rolebinding.rbac.authorization.k8s.io/rb subjects updated\n");
    expect(t.client.get("/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings/rb").subjects.map((s: any) => `${s.kind}:${s.name}`)).toEqual([
      "User:alice",
      "User:bob",
      "Group:devs",
      "ServiceAccount:robot",
    ]);
    expect((await t.kubectl("set subject rolebinding/rb --serviceaccount=robot")).stderr).toBe("error: serviceaccount must be <namespace>:<name>\n");
  });
});
