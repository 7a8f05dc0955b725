// Scenario: a Deployment rolls out, is updated to a new image, and `kubectl rollout undo` brings the
// old image back, through the Durable Object's alarm and the clock endpoint.
import { expect, test } from "vitest";
import { Sandboxed, condition, isRunningAndReady, type Answer } from "./scenario-support";

type J = Record<string, any>;

const REVISION = "deployment.kubernetes.io/revision";
const DEPLOY = "/apis/apps/v1/namespaces/default/deployments";

function deployment(image: string): J {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web" },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: "web" } },
      template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image, ports: [{ containerPort: 80 }] }] } },
    },
  };
}

async function rolledOut(sb: Sandboxed, image: string): Promise<J | undefined> {
  const d = await sb.get(`${DEPLOY}/web`);
  const s = d.status ?? {};
  const done = s.observedGeneration === d.metadata.generation && s.updatedReplicas === 3 && s.replicas === 3 && s.availableReplicas === 3 && condition(d, "Progressing")?.reason === "NewReplicaSetAvailable";
  if (!done) return undefined;
  const pods = (await sb.pods("default", "app=web")).filter((p) => !p.metadata.deletionTimestamp);
  if (pods.length !== 3 || !pods.every((p) => isRunningAndReady(p) && p.spec.containers[0].image === image)) return undefined;
  return d;
}

/** What `kubectl rollout undo deployment/web` sends: a JSON patch restoring the previous ReplicaSet's template. */
async function rolloutUndo(sb: Sandboxed): Promise<Answer> {
  const d = await sb.get(`${DEPLOY}/web`);
  const rss = (await sb.items("/apis/apps/v1/namespaces/default/replicasets")).filter((rs) => rs.metadata.ownerReferences?.some((o: J) => o.uid === d.metadata.uid));
  const byRevision = rss.sort((a, b) => Number(b.metadata.annotations[REVISION]) - Number(a.metadata.annotations[REVISION]));
  const previous = byRevision[1];
  const template = structuredClone(previous.spec.template);
  delete template.metadata.labels["pod-template-hash"];
  template.metadata.creationTimestamp = null; // how Go marshals an empty metav1.Time
  const skip = ["kubectl.kubernetes.io/last-applied-configuration", REVISION, "deployment.kubernetes.io/revision-history", "deployment.kubernetes.io/desired-replicas", "deployment.kubernetes.io/max-replicas", "deprecated.deployment.rollback.to"];
  const annotations: Record<string, string> = {};
  for (const k of skip) if (d.metadata.annotations?.[k] !== undefined) annotations[k] = d.metadata.annotations[k];
  for (const [k, v] of Object.entries(previous.metadata.annotations ?? {})) if (!skip.includes(k)) annotations[k] = v as string;
  const patch = [
    { op: "replace", path: "/spec/template", value: template },
    { op: "replace", path: "/metadata/annotations", value: annotations },
  ];
  return sb.request("PATCH", `${DEPLOY}/web`, patch, "application/json-patch+json");
}

test("a Deployment rolls out, rolls to a new image, and `rollout undo` brings the old image back as revision 3", async () => {
  const sb = await Sandboxed.create();
  await sb.create(DEPLOY, deployment("nginx:1.25"));
  await sb.runAlarm();
  // Right after apply a learner sees the pods on their way, not yet Running.
  const early = await sb.pods("default", "app=web");
  expect(early).toHaveLength(3);
  expect(early.some((p) => p.status.phase === "Pending")).toBe(true);
  await sb.expectAlarmCoversTimedWork();

  const v1 = await sb.advanceUntil(() => rolledOut(sb, "nginx:1.25"), { maxSeconds: 60 });
  expect(v1.metadata.annotations[REVISION]).toBe("1");
  expect(condition(v1, "Available")).toMatchObject({ status: "True", reason: "MinimumReplicasAvailable" });

  await sb.patch(`${DEPLOY}/web`, { spec: { template: { spec: { containers: [{ name: "nginx", image: "nginx:1.26" }] } } } }, "application/strategic-merge-patch+json");
  await sb.runAlarm();
  const v2 = await sb.advanceUntil(() => rolledOut(sb, "nginx:1.26"), { maxSeconds: 120 });
  expect(v2.metadata.annotations[REVISION]).toBe("2");
  const events = await sb.eventsFor("web");
  expect(events.filter((e) => e.startsWith("Normal ScalingReplicaSet")).length).toBeGreaterThanOrEqual(3);

  const undo = await rolloutUndo(sb);
  expect(undo.status, JSON.stringify(undo.body)).toBe(200);
  await sb.runAlarm();
  const v3 = await sb.advanceUntil(() => rolledOut(sb, "nginx:1.25"), { maxSeconds: 120 });
  expect(v3.spec.template.spec.containers[0].image).toBe("nginx:1.25");
  expect(v3.metadata.annotations[REVISION]).toBe("3");

  // The first ReplicaSet was reused: it now carries revision 3 and remembers it was revision 1.
  const rss = await sb.items("/apis/apps/v1/namespaces/default/replicasets?labelSelector=app%3Dweb");
  expect(rss).toHaveLength(2);
  const current = rss.find((rs) => rs.spec.template.spec.containers[0].image === "nginx:1.25")!;
  const old = rss.find((rs) => rs.spec.template.spec.containers[0].image === "nginx:1.26")!;
  expect(current.metadata.annotations).toMatchObject({ [REVISION]: "3", "deployment.kubernetes.io/revision-history": "1" });
  expect(current.spec.replicas).toBe(3);
  expect(old.metadata.annotations[REVISION]).toBe("2");
  expect(old.spec.replicas).toBe(0);
  expect(v3.spec.template.metadata.labels).toEqual({ app: "web" });
  await sb.expectHealthy();
}, 120_000);
