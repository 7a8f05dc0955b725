import { describe, expect, test } from "vitest";
import { testShell } from "./helpers";

async function out(script: string, setup?: (t: ReturnType<typeof testShell>) => void): Promise<string> {
  const t = testShell();
  setup?.(t);
  const r = await t.run(script);
  return r.stdout + r.stderr;
}

describe("quoting and expansion", () => {
  test("single quotes are literal, double quotes expand, backslash escapes one character", async () => {
    expect(await out(`X=v; echo '$X' "$X" \\$X "a\\"b" 'it'\\''s'`)).toBe(`$X v $X a"b it's\n`);
  });

  test("unquoted expansions split into words, quoted ones do not", async () => {
    expect(await out(`X="a   b"; printf '[%s]' $X "$X"; echo`)).toBe("[a][b][a   b]\n");
  });

  test("an empty quoted string is an argument, an empty unquoted variable is none", async () => {
    expect(await out(`printf '[%s]' "" $NOPE x; echo`)).toBe("[][x]\n");
  });

  test("$?, ${VAR}, defaults and string operations", async () => {
    expect(await out("false; echo $?; true; echo $?")).toBe("1\n0\n");
    expect(await out("N=web; echo ${N}-1 ${M:-dflt} ${N:+set} ${#N}")).toBe("web-1 dflt set 3\n");
    expect(await out("F=deploy.yaml; echo ${F%.yaml} ${F#*.} ${F/yaml/json}")).toBe("deploy yaml deploy.json\n");
    expect(await out("echo ${X:=7}; echo $X")).toBe("7\n7\n");
  });

  test("${X:?} fails the command with bash's message", async () => {
    const t = testShell();
    expect(await t.run("echo ${NOPE:?must be set}")).toEqual({ stdout: "", stderr: "bash: NOPE: must be set\n", code: 1 });
  });

  test("command substitution strips trailing newlines; nests; backquotes work", async () => {
    expect(await out('X=$(printf "a\\n\\n"); echo "[$X]"')).toBe("[a]\n");
    expect(await out("echo $(echo $(echo deep))")).toBe("deep\n");
    expect(await out("echo `echo old`")).toBe("old\n");
    expect(await out('echo "$(echo "quoted inside")"')).toBe("quoted inside\n");
  });

  test("$? after an assignment is the substitution's status", async () => {
    expect(await out("X=$(false); echo $?")).toBe("1\n");
  });

  test("arithmetic expansion", async () => {
    expect(await out("i=4; echo $((i * 2 + 1)) $((i / 3)) $((i % 3)) $((2 ** 8)) $(( i > 3 ? 1 : 0 ))")).toBe("9 1 1 256 1\n");
    const t = testShell();
    expect(await t.run("echo $((1/0))")).toEqual({ stdout: "", stderr: 'bash: 1/0: division by 0 (error token is "0")\n', code: 1 });
  });

  test("~ expands to /root at the start of a word", async () => {
    expect(await out('echo ~ ~/x a~ "~"')).toBe("/root /root/x a~ ~\n");
  });

  test("globs match files in the virtual filesystem, sorted; no match leaves the word", async () => {
    const r = await out("touch b.yaml a.yaml c.txt .hidden.yaml; echo *.yaml; echo *.json; echo '*.yaml'");
    expect(r).toBe("a.yaml b.yaml\n*.json\n*.yaml\n");
  });

  test("a bad substitution is reported and the command skipped", async () => {
    const t = testShell();
    expect(await t.run("echo ${a b}; echo next")).toEqual({ stdout: "next\n", stderr: "bash: ${a b}: bad substitution\n", code: 0 });
  });

  test("$'...' understands C escapes", async () => {
    expect(await out("printf '%s' $'a\\tb\\n'")).toBe("a\tb\n");
  });
});

describe("variables, aliases and functions", () => {
  test("A=b alone sets a shell variable that commands do not inherit until exported", async () => {
    const t = testShell();
    expect((await t.run("A=1; env | grep ^A=")).code).toBe(1);
    expect((await t.run("export A; env | grep ^A=")).stdout).toBe("A=1\n");
  });

  test("A=b cmd sets the variable for that command only", async () => {
    const t = testShell();
    expect((await t.run("B=2 env | grep ^B=; echo \"[$B]\"")).stdout).toBe("B=2\n[]\n");
  });

  test("k is kubectl; aliases defined on one line apply from the next", async () => {
    const seen: string[][] = [];
    const t = testShell({ commands: { kubectl: async (ctx) => (seen.push(ctx.argv), 0) } });
    await t.run("k get pods");
    expect(seen).toEqual([["kubectl", "get", "pods"]]);
    const r = await t.run("alias kgp='kubectl get pods'; kgp");
    expect(r.stderr).toBe("bash: kgp: command not found\n");
    await t.run("kgp -A");
    expect(seen[1]).toEqual(["kubectl", "get", "pods", "-A"]);
  });

  test("state persists across runs: cwd, variables, aliases", async () => {
    const t = testShell();
    await t.run("mkdir -p work && cd work && export NS=dev && alias ll='ls -l'");
    const state = JSON.parse(JSON.stringify(t.shell.state));
    expect(state).toMatchObject({ cwd: "/root/work", env: { NS: "dev" }, aliases: { k: "kubectl", ll: "ls -l" } });
    expect((await t.run("pwd; echo $NS")).stdout).toBe("/root/work\ndev\n");
  });

  test("functions take positional parameters", async () => {
    expect(await out('greet() { echo "hello $1 ($#)"; }; greet web')).toBe("hello web (1)\n");
  });

  test("pipeline stages are subshells: cd and assignments there do not stick", async () => {
    expect(await out("cd /tmp | true; X=1 | true; pwd; echo \"[$X]\"")).toBe("/root\n[]\n");
  });
});

describe("loops and conditionals", () => {
  test("for over words, $(...) and globs", async () => {
    expect(await out("for i in 1 2 3; do echo n$i; done")).toBe("n1\nn2\nn3\n");
    expect(await out("for f in $(seq 2); do echo $f; done")).toBe("1\n2\n");
  });

  test("while with a counter, break and continue", async () => {
    expect(await out("i=0; while [ $i -lt 5 ]; do i=$((i+1)); [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done")).toBe("1\n3\n");
  });

  test("while read over a pipe reads every line", async () => {
    expect(await out("printf 'a 1\\nb 2\\n' | while read name n; do echo \"$n:$name\"; done")).toBe("1:a\n2:b\n");
  });

  test("if/elif/else on exit statuses", async () => {
    expect(await out("if false; then echo a; elif true; then echo b; else echo c; fi")).toBe("b\n");
  });
});
