// `kubectl describe` against outputs recorded from real kubectl 1.32 on a Kubeplay sandbox: each case
// in fixtures/describe-recorded.ts replays the API answers the emulation got from that sandbox at the
// same instant, with the clock at that instant, and must print what real kubectl printed (stdout,
// stderr and exit code, byte for byte: ages, tabwriter alignment, event order and all).
import { describe, expect, it } from "vitest";
import { runKubectl } from "../../../src/engine/kubectl/index";
import type { KubectlEnv } from "../../../src/engine/kubectl/env";
import { BODIES, DESCRIBE_RECORDED, DISCOVERY, type RecordedDescribe } from "./fixtures/describe-recorded";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const KUBECONFIG = `apiVersion: v1
kind: Config
clusters: [{name: kubeplay, cluster: {server: "https://127.0.0.1:8787/clusters/recorded"}}]
contexts: [{name: kubeplay, context: {cluster: kubeplay, user: kubeplay, namespace: default}}]
current-context: kubeplay
users: [{name: kubeplay, user: {token: recorded}}]
`;

/** The manifests the recorded `-f` cases read (the objects the recording sandbox was set up with). */
const MANIFESTS: Record<string, string> = {
  "objs.yaml": readFileSync(join(__dirname, "fixtures", "describe-objs.yaml"), "utf8"),
};

async function replay(c: RecordedDescribe): Promise<{ stdout: string; stderr: string; exitCode: number; unrecorded: string[] }> {
  const answers = new Map<string, { status: number; body: unknown }>();
  for (const [method, path, query, status, body] of c.api) answers.set(`${method} ${path}?${query}`, { status, body: BODIES[body] });
  let stdout = "";
  let stderr = "";
  const unrecorded: string[] = [];
  const env: KubectlEnv = {
    stdin: { read: async () => null },
    stdout: { write: (t) => void (stdout += t) },
    stderr: { write: (t) => void (stderr += t) },
    host: { now: () => c.nowMs, sleep: async () => {}, signal: new AbortController().signal },
    files: {
      read: (p) => (p === "/root/.kube/config" ? KUBECONFIG : MANIFESTS[p]),
      isDirectory: () => false,
      list: () => undefined,
      write: () => {},
    },
    vars: {},
    async api(call) {
      if (call.path === "/api" || call.path === "/apis") return { status: 200, body: DISCOVERY[call.path] };
      const key = `${call.method} ${call.path}?${call.query?.toString() ?? ""}`;
      const answer = answers.get(key);
      if (!answer) {
        unrecorded.push(key);
        return { status: 500, body: { kind: "Status", apiVersion: "v1", status: "Failure", message: `unrecorded request ${key}`, code: 500 } };
      }
      return answer;
    },
  };
  const exitCode = await runKubectl(c.argv, env);
  return { stdout, stderr, exitCode, unrecorded };
}

describe("kubectl describe, as recorded from kubectl 1.32", () => {
  for (const c of DESCRIBE_RECORDED) {
    it(c.argv.join(" "), async () => {
      const r = await replay(c);
      expect(r.unrecorded).toEqual([]);
      expect({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }).toEqual({ stdout: c.stdout, stderr: c.stderr, exitCode: c.exitCode });
    });
  }
});
