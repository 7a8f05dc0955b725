// Deployments through real kubectl: the ReplicaSet and pods the controllers create, `rollout
// history`, `rollout undo` (kubectl sends the old template back as a JSON patch), pause, resume
// and restart; `rollout status` and `wait --for=condition=Available` following a rollout to the end.
import { beforeAll, expect, it } from "vitest";
import { hasKubectl } from "./sandbox";
import { describe, eventually, lines, maskNames, parseTable, primaryOnly, sandboxFor, type Env } from "./output";

describe.skipIf(!hasKubectl() || !primaryOnly().length)("rollouts with kubectl 1.32", () => {
  let env: Env;
  beforeAll(async () => {
    env = await sandboxFor(primaryOnly()[0]);
  });

  it("create deployment: one ReplicaSet <name>-<hash> and its pods <name>-<hash>-<rand>", async () => {
    expect(await env.k.ok(["create", "deployment", "web", "--image=nginx:1.27", "--replicas=2"])).toBe(lines("deployment.apps/web created"));
    const rs = await eventually(async () => {
      const t = parseTable(await env.k.ok(["get", "rs", "-l", "app=web"]));
      expect(t.rows.map((r) => [maskNames(`${r[0]}-bcdfg`), r[1], r[2]])).toEqual([["web-<hash>-<rand>", "2", "2"]]);
      return t.rows[0][0];
    });
    const pods = parseTable(await env.k.ok(["get", "pods", "-l", "app=web"])).rows.map((r) => r[0]);
    expect(pods).toHaveLength(2);
    for (const p of pods) expect(p.startsWith(`${rs}-`)).toBe(true);
    const events = await env.k.ok(["get", "events", "--field-selector", "involvedObject.kind=Deployment", "-o", "custom-columns=REASON:.reason,MESSAGE:.message,FROM:.source.component"]);
    expect(events).toContain(`ScalingReplicaSet   Scaled up replica set ${rs} from 0 to 2   deployment-controller`);
  });

  it("rollout status follows a rollout to the end; wait --for=condition=Available returns", async () => {
    await env.k.ok(["create", "deployment", "api", "--image=nginx:1.27", "--replicas=2"]);
    const first = await env.k.run(["rollout", "status", "deployment/api", "--timeout=90s"]);
    expect(first.code).toBe(0);
    expect(first.stdout.split("\n").filter(Boolean).at(-1)).toBe('deployment "api" successfully rolled out');
    expect(await env.k.ok(["wait", "--for=condition=Available", "deployment/api", "--timeout=30s"])).toBe(lines("deployment.apps/api condition met"));
    await env.k.ok(["set", "image", "deployment/api", "nginx=nginx:1.28"]);
    const second = await env.k.run(["rollout", "status", "deployment/api", "--timeout=120s"]);
    expect(second.code).toBe(0);
    const out = second.stdout.split("\n").filter(Boolean);
    expect(out.at(-1)).toBe('deployment "api" successfully rolled out');
    for (const line of out.slice(0, -1)) {
      expect(line).toMatch(/^Waiting for deployment "api" rollout to finish: (\d+ out of 2 new replicas have been updated|\d+ old replicas are pending termination|\d+ of 2 updated replicas are available)\.\.\.$/);
    }
    const rs = parseTable(await env.k.ok(["get", "rs", "-l", "app=api", "-o", "wide"])).rows.map((r) => [r[1], r[3], r[6]]);
    expect(rs.sort((a, b) => a[2].localeCompare(b[2]))).toEqual([
      ["0", "0", "nginx:1.27"],
      ["2", "2", "nginx:1.28"],
    ]);
  }, 240_000);

  it("rollout history lists revisions with their change-cause; undo goes back and renumbers", async () => {
    await env.k.ok(["annotate", "deployment/web", "kubernetes.io/change-cause=first"]);
    await env.k.ok(["set", "image", "deployment/web", "nginx=nginx:1.28"]);
    await env.k.ok(["annotate", "deployment/web", "kubernetes.io/change-cause=second", "--overwrite"]);
    await eventually(async () => {
      expect(await env.k.ok(["rollout", "history", "deployment/web"])).toBe(lines("deployment.apps/web ", "REVISION  CHANGE-CAUSE", "1         first", "2         second", ""));
    });
    expect(await env.k.ok(["rollout", "undo", "deployment/web"])).toBe(lines("deployment.apps/web rolled back"));
    await eventually(async () => {
      expect(await env.k.ok(["rollout", "history", "deployment/web"])).toBe(lines("deployment.apps/web ", "REVISION  CHANGE-CAUSE", "2         second", "3         first", ""));
    });
    expect(await env.k.ok(["get", "deployment", "web", "-o", "jsonpath={.spec.template.spec.containers[0].image} {.metadata.annotations.deployment\\.kubernetes\\.io/revision}"])).toBe("nginx:1.27 3");
    expect(await env.k.ok(["rollout", "undo", "deployment/web", "--to-revision=3"])).toBe(lines("deployment.apps/web skipped rollback (current template already matches revision 3)"));
    // Two ReplicaSets only: the undo reused the first one.
    expect(parseTable(await env.k.ok(["get", "rs", "-l", "app=web"])).rows).toHaveLength(2);
  });

  it("pause stops rollouts (restart refuses), resume lets the pending template roll out", async () => {
    expect(await env.k.ok(["rollout", "pause", "deployment/web"])).toBe(lines("deployment.apps/web paused"));
    const restart = await env.k.run(["rollout", "restart", "deployment/web"]);
    expect(restart.code).toBe(1);
    expect(restart.stderr).toBe(lines('error: deployments.apps "web" can\'t restart paused deployment (run rollout resume first)'));
    await env.k.ok(["set", "image", "deployment/web", "nginx=nginx:1.29"]);
    await eventually(async () => {
      const cond = await env.k.ok(["get", "deployment", "web", "-o", 'jsonpath={.status.conditions[?(@.type=="Progressing")].reason}']);
      expect(cond).toBe("DeploymentPaused");
    });
    expect(parseTable(await env.k.ok(["get", "rs", "-l", "app=web"])).rows).toHaveLength(2);
    expect(await env.k.ok(["rollout", "resume", "deployment/web"])).toBe(lines("deployment.apps/web resumed"));
    await eventually(async () => {
      const images = parseTable(await env.k.ok(["get", "rs", "-l", "app=web", "-o", "wide"])).rows.map((r) => r[6]);
      expect(images.sort()).toEqual(["nginx:1.27", "nginx:1.28", "nginx:1.29"]);
    });
    expect(await env.k.ok(["rollout", "restart", "deployment/web"])).toBe(lines("deployment.apps/web restarted"));
    await eventually(async () => {
      expect(parseTable(await env.k.ok(["get", "rs", "-l", "app=web"])).rows).toHaveLength(4);
    });
  });
});
