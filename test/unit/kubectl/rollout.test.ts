// kubectl rollout: expected outputs were taken from kubectl 1.32 against a sandbox in the same state
// (shared dev server), then pinned here against the emulation.
import { describe, expect, it } from "vitest";
import { kubectlTester } from "../../support/kubectl-env";
import { rolloutStatus } from "../../../src/engine/kubectl/verbs/rollout";

/** Lets simulated time pass a second at a time, so the controllers and kubelets run their steps. */
function settle(t: ReturnType<typeof kubectlTester>, seconds = 30) {
  for (let i = 0; i < seconds; i++) t.client.tick(1000);
}

async function rolledOut() {
  const t = kubectlTester();
  await t.kubectl("create deployment web --image=nginx --replicas=2");
  settle(t);
  return t;
}

describe("kubectl rollout status", () => {
  it("watches until the rollout is done", async () => {
    const t = kubectlTester();
    await t.kubectl("create deployment web --image=nginx --replicas=2");
    const r = await t.kubectl("rollout status deploy/web --timeout=120s");
    expect(r.exitCode).toBe(0);
    expect(r.stdout.endsWith('deployment "web" successfully rolled out\n')).toBe(true);
    expect(r.stdout).toMatch(/^(Waiting for deployment "web" rollout to finish: .*\n|Waiting for deployment spec update to be observed...\n)*deployment "web" successfully rolled out\n$/);
  });

  it("prints once with --watch=false and reports missing objects", async () => {
    const t = await rolledOut();
    expect(await t.kubectl("rollout status deploy/web --watch=false")).toEqual({ stdout: 'deployment "web" successfully rolled out\n', stderr: "", exitCode: 0 });
    expect(await t.kubectl("rollout status deploy/nope")).toEqual({ stdout: "", stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n', exitCode: 1 });
    expect((await t.kubectl("rollout status")).stderr).toBe("error: required resource not specified\n");
  });

  it("words each kind's progress like the status viewers", () => {
    const d = { kind: "Deployment", metadata: { name: "web", generation: 2 }, spec: { replicas: 3 }, status: { observedGeneration: 2, updatedReplicas: 1, replicas: 3, availableReplicas: 1 } };
    expect(rolloutStatus(d, 0)).toEqual(['Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n', false]);
    expect(rolloutStatus({ ...d, status: { ...d.status, updatedReplicas: 3, replicas: 4 } }, 0)).toEqual(['Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\n', false]);
    expect(rolloutStatus({ ...d, status: { ...d.status, updatedReplicas: 3, replicas: 3 } }, 0)).toEqual(['Waiting for deployment "web" rollout to finish: 1 of 3 updated replicas are available...\n', false]);
    expect(rolloutStatus({ ...d, metadata: { name: "web", generation: 3 } }, 0)).toEqual(["Waiting for deployment spec update to be observed...\n", false]);
    const ds = { kind: "DaemonSet", metadata: { name: "agent", generation: 1 }, spec: { updateStrategy: { type: "RollingUpdate" } }, status: { observedGeneration: 1, desiredNumberScheduled: 2, updatedNumberScheduled: 1 } };
    expect(rolloutStatus(ds, 0)).toEqual(['Waiting for daemon set "agent" rollout to finish: 1 out of 2 new pods have been updated...\n', false]);
    const sts = { kind: "StatefulSet", metadata: { name: "db", generation: 1 }, spec: { replicas: 3, updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: 0 } } }, status: { observedGeneration: 1, readyReplicas: 1 } };
    expect(rolloutStatus(sts, 0)).toEqual(["Waiting for 2 pods to be ready...\n", false]);
    expect(rolloutStatus({ ...sts, status: { observedGeneration: 1, readyReplicas: 3, updatedReplicas: 3 } }, 0)).toEqual(["partitioned roll out complete: 3 new pods have been updated...\n", true]);
  });
});

describe("kubectl rollout history, undo, pause, resume, restart", () => {
  it("keeps the revisions and rolls back", async () => {
    const t = await rolledOut();
    expect((await t.kubectl("rollout history deploy/web")).stdout).toBe("deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n\n");
    await t.kubectl("set image deploy/web nginx=nginx:1.27");
    await t.kubectl("annotate deploy/web kubernetes.io/change-cause=bump --overwrite");
    settle(t);
    expect((await t.kubectl("rollout history deploy/web")).stdout).toBe("deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         bump\n\n");
    const rev1 = (await t.kubectl("rollout history deploy/web --revision=1")).stdout;
    expect(rev1.startsWith("deployment.apps/web with revision #1\nPod Template:\n  Labels:\tapp=web\n\tpod-template-hash=")).toBe(true);
    expect(rev1).toContain("   Image:\tnginx\n");
    expect(await t.kubectl("rollout history deploy/web --revision=9")).toEqual({ stdout: "", stderr: "error: unable to find the specified revision\n", exitCode: 1 });

    expect((await t.kubectl("rollout undo deploy/web")).stdout).toBe("deployment.apps/web rolled back\n");
    settle(t);
    expect(t.client.get("/apis/apps/v1/namespaces/default/deployments/web").spec.template.spec.containers[0].image).toBe("nginx");
    expect((await t.kubectl("rollout history deploy/web")).stdout).toBe("deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         bump\n3         <none>\n\n");
    expect((await t.kubectl("rollout undo deploy/web --to-revision=3")).stdout).toBe("deployment.apps/web skipped rollback (current template already matches revision 3)\n");
    expect((await t.kubectl("rollout undo deploy/web --to-revision=7")).stderr).toBe("error: unable to find specified revision 7 in history\n");
  });

  it("pauses, resumes and restarts", async () => {
    const t = await rolledOut();
    expect((await t.kubectl("rollout pause deploy/web")).stdout).toBe("deployment.apps/web paused\n");
    expect(await t.kubectl("rollout pause deploy/web")).toEqual({ stdout: "", stderr: 'error: deployments.apps "web" is already paused\n', exitCode: 1 });
    expect((await t.kubectl("rollout undo deploy/web")).stderr).toBe("error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n");
    expect((await t.kubectl("rollout restart deploy/web")).stderr).toBe(`error: deployments.apps "web" can't restart paused deployment (run rollout resume first)\n`);
    expect((await t.kubectl("rollout resume deploy/web")).stdout).toBe("deployment.apps/web resumed\n");
    expect((await t.kubectl("rollout resume deploy/web")).stderr).toBe('error: deployments.apps "web" is not paused\n');
    expect((await t.kubectl("rollout restart deploy/web")).stdout).toBe("deployment.apps/web restarted\n");
    expect(t.client.get("/apis/apps/v1/namespaces/default/deployments/web").spec.template.metadata.annotations["kubectl.kubernetes.io/restartedAt"]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });
});
