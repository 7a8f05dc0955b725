// What an instructor may run in a learner's sandbox: read-only kubectl, vetted twice.
import { describe, expect, test } from "vitest";
import { readOnlyDoor, readOnlyRefusal } from "../../../src/engine/terminal/read-only";

describe("readOnlyRefusal", () => {
  test.each([
    "kubectl get pods",
    "kubectl -n kube-system get pods -o wide",
    "kubectl describe deployment web",
    "kubectl logs web-1 --tail=20",
    "kubectl top pod",
    "kubectl events --for pod/web",
    "kubectl explain pod.spec",
    "kubectl get pods | grep web | wc -l",
  ])("lets %s run", (line) => {
    expect(readOnlyRefusal(line)).toBeUndefined();
  });

  test.each([
    ["kubectl delete pod web", /^kubectl delete is not read-only; only read-only kubectl commands/],
    ["kubectl apply -f web.yaml", /^kubectl apply is not read-only/],
    ["kubectl -n default scale deployment web --replicas=0", /^kubectl scale is not read-only/],
    ["kubectl", /^kubectl without a command is not read-only/],
    ["rm -rf /root", /^rm is not kubectl/],
    ["kubectl get pods; kubectl delete pod web", /lists \(;, &&\), redirections and command substitution are not allowed/],
    ["kubectl get pods && kubectl delete pod web", /not allowed/],
    ["kubectl get pods > /root/out", /not allowed/],
    ["kubectl get $(kubectl delete pod web)", /not allowed/],
    ["kubectl get pods | xargs kubectl delete pod", /^xargs is not a text filter/],
    ["kubectl get pods || true", /^an empty pipeline stage is not a text filter/],
    ["   ", /^the command is empty/],
  ])("refuses %s", (line, message) => {
    expect(readOnlyRefusal(line)).toMatch(message);
  });
});

describe("readOnlyDoor", () => {
  test("passes reads through and refuses writes with a 403 Status", async () => {
    const seen: string[] = [];
    const door = readOnlyDoor(async (call) => {
      seen.push(call.method);
      return { status: 200, body: {} };
    });
    expect((await door({ method: "GET", path: "/api/v1/pods" })).status).toBe(200);
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const r = await door({ method, path: "/api/v1/namespaces/default/pods/web" });
      expect(r.status).toBe(403);
      expect((r as { body: { reason: string; message: string } }).body).toMatchObject({ reason: "Forbidden", message: `instructors may only read a learner's sandbox: ${method} /api/v1/namespaces/default/pods/web is not allowed` });
    }
    expect(seen).toEqual(["GET"]);
  });
});
