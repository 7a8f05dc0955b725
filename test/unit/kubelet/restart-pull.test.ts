// An image with imagePullPolicy IfNotPresent is pulled once per node: a container that exits at once and
// is restarted in the same kubelet sync as its first start finds the image it just pulled, so the
// restart shows "already present on machine" and the Pulling event is never counted twice.
import { expect, test } from "vitest";
import { testCluster } from "../../support/cluster";
import { advance } from "./support";

test.each(["a", "b", "c", "d", "e", "f"])("a crash-looping busybox:1.36 pod pulls its image once (seed %s)", (seed) => {
  const c = testCluster({ seed });
  c.request("POST", "/api/v1/namespaces/default/pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "crash" }, spec: { containers: [{ name: "crash", image: "busybox:1.36", command: ["sh", "-c", "exit 1"] }] } });
  advance(c, 60_000);
  const events = (c.get("/api/v1/namespaces/default/events").items as any[]).filter((e) => e.involvedObject.name === "crash");
  const count = (reason: string, message: string) => events.filter((e) => e.reason === reason && e.message === message).reduce((n, e) => n + (e.count ?? 1), 0);
  const restarts = c.get("/api/v1/namespaces/default/pods/crash").status.containerStatuses[0].restartCount;
  expect(restarts).toBeGreaterThanOrEqual(3);
  expect(count("Pulling", 'Pulling image "busybox:1.36"')).toBe(1);
  expect(count("Pulled", 'Container image "busybox:1.36" already present on machine')).toBe(restarts);
});
