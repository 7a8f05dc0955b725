// The command endpoint, the command log, tab completion and the terminal WebSocket, inside workerd.
import { describe, expect, test } from "vitest";
import { env } from "cloudflare:workers";
import { evictDurableObject } from "cloudflare:test";
import { call, newSession, type Session } from "./helpers";

const stubOf = (id: string) => env.SANDBOX.get(env.SANDBOX.idFromName(id));

async function run(s: Session, command: string, stdin?: string) {
  const r = await call(`/api/sessions/${s.id}/commands`, { method: "POST", token: s.token, body: JSON.stringify({ command, stdin }), headers: { "content-type": "application/json" } });
  expect(r.status).toBe(200);
  return (await r.json()) as { stdout: string; stderr: string; exitCode: number };
}

describe("POST /api/sessions/:id/commands", () => {
  test("runs a command line in the sandbox's shell and answers stdout, stderr and the exit code", async () => {
    const s = await newSession();
    expect(await run(s, "echo hello | tr a-z A-Z")).toEqual({ stdout: "HELLO\n", stderr: "", exitCode: 0 });
    expect(await run(s, "nosuchcommand")).toEqual({ stdout: "", stderr: "bash: nosuchcommand: command not found\n", exitCode: 127 });
  });

  test("runs kubectl against the sandbox's own cluster", async () => {
    const s = await newSession();
    const r = await run(s, "kubectl gett");
    expect(r).toEqual({ stdout: "", stderr: 'error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n', exitCode: 1 });
    // The shell's alias k=kubectl is predefined.
    expect((await run(s, "k gett")).stderr).toBe(r.stderr);
  });

  test("with fastForward, sleeps and waits move the sandbox's clock instead of taking real time", async () => {
    const s = await newSession();
    const body = JSON.stringify({ command: "date +%s; sleep 600; date +%s", fastForward: true });
    const started = Date.now();
    const r = await call(`/api/sessions/${s.id}/commands`, { method: "POST", token: s.token, body, headers: { "content-type": "application/json" } });
    const { stdout } = (await r.json()) as { stdout: string };
    const [before, after] = stdout.trim().split("\n").map(Number);
    expect(after - before).toBeGreaterThanOrEqual(600);
    expect(Date.now() - started).toBeLessThan(10_000);
    const bad = await call(`/api/sessions/${s.id}/commands`, { method: "POST", token: s.token, body: JSON.stringify({ command: "true", fastForward: "yes" }), headers: { "content-type": "application/json" } });
    expect(bad.status).toBe(400);
  });

  test("passes stdin to the command line", async () => {
    const s = await newSession();
    expect(await run(s, "wc -l", "a\nb\nc\n")).toEqual({ stdout: "3\n", stderr: "", exitCode: 0 });
  });

  test("keeps files and shell state across requests and Durable Object eviction", async () => {
    const s = await newSession();
    await run(s, "mkdir -p app && cd app && echo 'kind: Pod' > pod.yaml && export GREETING=hi");
    await evictDurableObject(stubOf(s.id));
    expect(await run(s, 'pwd; cat pod.yaml; echo "$GREETING"')).toEqual({ stdout: "/root/app\nkind: Pod\nhi\n", stderr: "", exitCode: 0 });
  });

  test("keeps bash's history in the command log, across eviction", async () => {
    const s = await newSession();
    await run(s, "echo one");
    await run(s, "echo two");
    await evictDurableObject(stubOf(s.id));
    expect((await run(s, "history")).stdout).toBe("    1  echo one\n    2  echo two\n    3  history\n");
  });

  test("starts with the session's kubeconfig in ~/.kube/config", async () => {
    const s = await newSession();
    const r = await run(s, "cat ~/.kube/config");
    expect(r.stdout).toBe(s.kubeconfig);
  });

  test("refuses bodies it cannot read with a 400 Status, leaving the sandbox as it was", async () => {
    const s = await newSession();
    for (const body of ["not json", "[]", '{"cmd":"ls"}', '{"command":"ls","stdin":5}']) {
      const r = await call(`/api/sessions/${s.id}/commands`, { method: "POST", token: s.token, body, headers: { "content-type": "application/json" } });
      expect(r.status, body).toBe(400);
      expect(((await r.json()) as { kind: string }).kind).toBe("Status");
    }
    const log = (await (await call(`/api/sessions/${s.id}/commands`, { token: s.token })).json()) as { commands: unknown[] };
    expect(log.commands).toEqual([]);
  });

  test("answers a script over the size limit with bash's error, not a failure of the endpoint", async () => {
    const s = await newSession();
    const r = await run(s, `echo ${"x".repeat(100_000)}`);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/command line too long/);
  });

  test("ends bad scripts with a clear error and keeps the sandbox intact", async () => {
    const s = await newSession();
    await run(s, "echo kept > kept.txt");
    const cases: [string, RegExp][] = [
      ['echo "unbalanced', /unexpected EOF while looking for matching `"'/],
      [Array.from({ length: 5000 }, () => "cat").join(" | "), /pipeline|stages|limit/i],
      ["while true; do true; done", /limit|stopped/i],
      ["f() { f; }; f", /limit|nesting|depth|recursion/i],
    ];
    for (const [script, message] of cases) {
      const r = await run(s, script);
      expect(r.exitCode, script.slice(0, 40)).not.toBe(0);
      expect(r.stderr, script.slice(0, 40)).toMatch(message);
    }
    const heredoc = await run(s, "cat <<EOF\nno end");
    expect(heredoc.stderr).toMatch(/here-document at line 1 delimited by end-of-file \(wanted `EOF'\)/);
    expect(await run(s, "cat kept.txt")).toEqual({ stdout: "kept\n", stderr: "", exitCode: 0 });
  });

  test("needs the session's token", async () => {
    const s = await newSession();
    const r = await call(`/api/sessions/${s.id}/commands`, { method: "POST", body: '{"command":"ls"}' });
    expect(r.status).toBe(401);
  });
});

describe("GET /api/sessions/:id/commands", () => {
  test("lists every command line with its times and exit code, oldest first", async () => {
    const s = await newSession();
    await run(s, "true");
    await run(s, "kubectl gett");
    const r = await call(`/api/sessions/${s.id}/commands`, { token: s.token });
    const { commands } = (await r.json()) as { commands: { seq: number; command: string; exitCode: number; startedAt: string; finishedAt: string }[] };
    expect(commands.map((c) => [c.seq, c.command, c.exitCode])).toEqual([
      [1, "true", 0],
      [2, "kubectl gett", 1],
    ]);
    expect(Date.parse(commands[0].startedAt)).toBeLessThanOrEqual(Date.parse(commands[0].finishedAt));
  });
});

describe("GET /api/sessions/:id/completions", () => {
  const complete = async (s: Session, line: string, cursor = line.length) => {
    const r = await call(`/api/sessions/${s.id}/completions?line=${encodeURIComponent(line)}&cursor=${cursor}`, { token: s.token });
    expect(r.status).toBe(200);
    return (await r.json()) as { start: number; candidates: string[] };
  };

  test("completes commands, kubectl verbs, flags, resource types and object names", async () => {
    const s = await newSession();
    expect((await complete(s, "kubec")).candidates).toEqual(["kubectl"]);
    expect(await complete(s, "kubectl ge")).toEqual({ start: 8, candidates: ["get"] });
    expect((await complete(s, "kubectl get --all-n")).candidates).toEqual(["--all-namespaces"]);
    expect((await complete(s, "kubectl get po")).candidates).toEqual(expect.arrayContaining(["po", "pods", "podtemplates"]));
    expect((await complete(s, "kubectl get nodes ")).candidates).toEqual(expect.arrayContaining(["controlplane"]));
    expect((await complete(s, "kubectl -n kube-system get pod/kube-sch")).candidates).toEqual(["pod/kube-scheduler-controlplane"]);
    expect((await complete(s, "kubectl get ns k")).candidates).toEqual(["kube-node-lease", "kube-public", "kube-system"]);
  });

  test("refuses a cursor outside the line", async () => {
    const s = await newSession();
    const r = await call(`/api/sessions/${s.id}/completions?line=ls&cursor=9`, { token: s.token });
    expect(r.status).toBe(400);
  });
});

describe("the terminal WebSocket", () => {
  async function connect(s: Session) {
    const r = await call(`/api/sessions/${s.id}/terminal?token=${s.token}`, { headers: { upgrade: "websocket" } });
    expect(r.status).toBe(101);
    const ws = r.webSocket!;
    ws.accept();
    const messages: { type: string; data?: string; code?: number; message?: string }[] = [];
    const waiters: (() => void)[] = [];
    ws.addEventListener("message", (e) => {
      messages.push(JSON.parse(e.data as string));
      waiters.splice(0).forEach((w) => w());
    });
    const until = async (pred: () => boolean) => {
      while (!pred()) await new Promise<void>((r) => waiters.push(r));
    };
    return { ws, messages, until };
  }

  test("streams a command's output and its exit code", async () => {
    const s = await newSession();
    const t = await connect(s);
    t.ws.send(JSON.stringify({ type: "run", command: "echo one; echo two >&2; false" }));
    await t.until(() => t.messages.some((m) => m.type === "exit"));
    expect(t.messages).toEqual([
      { type: "stdout", data: "one\n" },
      { type: "stderr", data: "two\n" },
      { type: "exit", code: 1 },
    ]);
  });

  test("stops a running command on interrupt (Ctrl-C) with status 130", async () => {
    const s = await newSession();
    const t = await connect(s);
    t.ws.send(JSON.stringify({ type: "run", command: "echo started; sleep 600; echo never" }));
    await t.until(() => t.messages.some((m) => m.data === "started\n"));
    t.ws.send(JSON.stringify({ type: "interrupt" }));
    await t.until(() => t.messages.some((m) => m.type === "exit"));
    expect(t.messages.at(-1)).toEqual({ type: "exit", code: 130 });
    expect(t.messages.some((m) => m.data === "never\n")).toBe(false);
  });

  test("answers messages it cannot act on, and keeps working", async () => {
    const s = await newSession();
    const t = await connect(s);
    t.ws.send("not json");
    t.ws.send(JSON.stringify({ type: "launch" }));
    await t.until(() => t.messages.length >= 2);
    expect(t.messages.map((m) => m.type)).toEqual(["error", "error"]);
    t.ws.send(JSON.stringify({ type: "run", command: "echo ok" }));
    await t.until(() => t.messages.some((m) => m.type === "exit"));
    expect(t.messages.at(-2)).toEqual({ type: "stdout", data: "ok\n" });
  });

  test("kubectl edit opens the object in the browser's editor and applies what it saves", async () => {
    const s = await newSession();
    await run(s, "kubectl create deployment web --image=nginx:1.27");
    const t = await connect(s);
    t.ws.send(JSON.stringify({ type: "run", command: "kubectl edit deployment web" }));
    await t.until(() => t.messages.some((m) => m.type === "edit"));
    const opened = t.messages.find((m) => m.type === "edit") as unknown as { file: string; content: string };
    expect(opened.file).toMatch(/^\/tmp\/kubectl-edit-\d+\.yaml$/);
    expect(opened.content).toMatch(/^# Please edit the object below\./);
    expect(opened.content).toContain("  replicas: 1\n");
    t.ws.send(JSON.stringify({ type: "edited", content: opened.content.replace("  replicas: 1\n", "  replicas: 3\n") }));
    await t.until(() => t.messages.some((m) => m.type === "exit"));
    expect(t.messages.filter((m) => m.type === "stdout" || m.type === "exit")).toEqual([
      { type: "stdout", data: "deployment.apps/web edited\n" },
      { type: "exit", code: 0 },
    ]);
    expect((await run(s, "kubectl get deploy web -o jsonpath='{.spec.replicas}'")).stdout).toBe("3");
  });

  test("a cancelled edit changes nothing", async () => {
    const s = await newSession();
    await run(s, "kubectl create deployment web --image=nginx:1.27");
    const t = await connect(s);
    t.ws.send(JSON.stringify({ type: "run", command: "kubectl edit deploy/web" }));
    await t.until(() => t.messages.some((m) => m.type === "edit"));
    t.ws.send(JSON.stringify({ type: "edit-cancelled" }));
    await t.until(() => t.messages.some((m) => m.type === "exit"));
    expect(t.messages.filter((m) => m.type !== "edit")).toEqual([
      { type: "stderr", data: "Edit cancelled, no changes made.\n" },
      { type: "exit", code: 0 },
    ]);
  });

  test("kubectl edit through the command endpoint explains how to edit instead", async () => {
    const s = await newSession();
    await run(s, "kubectl create deployment web --image=nginx:1.27");
    const r = await run(s, "kubectl edit deployment web");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("kubectl get deployment web -o yaml > web.yaml");
    expect(r.stderr).toContain("kubectl apply -f web.yaml");
  });

  test("needs a WebSocket upgrade and the session's token", async () => {
    const s = await newSession();
    expect((await call(`/api/sessions/${s.id}/terminal?token=${s.token}`)).status).toBe(426);
    expect((await call(`/api/sessions/${s.id}/terminal`, { headers: { upgrade: "websocket" } })).status).toBe(401);
  });
});
