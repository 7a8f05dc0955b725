import { describe, expect, test } from "vitest";
import reference from "./coreutils-reference.json";
import { START_MS, testShell } from "./helpers";

function seeded() {
  const t = testShell();
  t.fs.writeFile("/root/pods.txt", "NAME READY STATUS\nweb-1 1/1 Running\ndb-0 0/1 Pending\nweb-2 1/1 Running\n");
  t.fs.writeFile("/root/words.txt", "pear\napple\npear\nfig\napple\napple\n");
  t.fs.writeFile("/root/nums.txt", "10\n9\n100\n-1\n");
  t.fs.writeFile("/root/pods2.txt", "a 3\nb 1\nc 2\n");
  return t;
}

// Each line was run through real bash 5.2 and GNU coreutils 9 (LANG=C.UTF-8, TZ=UTC) in a directory
// holding the same four files; stdout, stderr and the exit status were recorded as they came.
describe("commands print what bash and coreutils print", () => {
  test.each(reference as [string, string, string, number][])("%s", async (line, stdout, stderr, code) => {
    expect(await seeded().run(line)).toEqual({ stdout, stderr, code });
  });
});

describe("filesystem commands", () => {
  test("ls prints one name per line into a pipe and columns on a terminal", async () => {
    const t = testShell();
    await t.run("touch " + Array.from({ length: 12 }, (_, i) => `file-number-${i}.yaml`).join(" "));
    expect((await t.run("ls | head -2")).stdout).toBe("file-number-0.yaml\nfile-number-1.yaml\n");
    const cols = (await t.run("ls", undefined, true)).stdout;
    expect(cols.split("\n")[0]).toBe("file-number-0.yaml   file-number-11.yaml  file-number-4.yaml  file-number-7.yaml");
    expect(cols.split("\n")).toHaveLength(4);
  });

  test("ls -l shows GNU's long format with the simulated modification time", async () => {
    const t = testShell();
    await t.run("echo hello > a.txt; mkdir sub");
    expect((await t.run("ls -l")).stdout).toBe("total 8\n-rw-r--r-- 1 root root    6 Jan 15 09:30 a.txt\ndrwxr-xr-x 2 root root 4096 Jan 15 09:30 sub\n");
    expect((await t.run("ls nope")).stderr).toBe("ls: cannot access 'nope': No such file or directory\n");
  });

  test("ls -a shows dot files; ls DIR lists it", async () => {
    const t = testShell();
    await t.run("touch .hidden shown; mkdir d; touch d/inner");
    expect((await t.run("ls -a")).stdout).toBe(".\n..\n.hidden\nd\nshown\n");
    expect((await t.run("ls d")).stdout).toBe("inner\n");
  });

  test("cd, pwd and cd - ", async () => {
    const t = testShell();
    expect(await t.run("mkdir -p /tmp/x && cd /tmp/x && pwd && cd - && pwd")).toEqual({ stdout: "/tmp/x\n/root\n/root\n", stderr: "", code: 0 });
    expect(await t.run("cd nope")).toEqual({ stdout: "", stderr: "bash: cd: nope: No such file or directory\n", code: 1 });
    expect((await t.run("cd /tmp; cd; pwd")).stdout).toBe("/root\n");
  });

  test("cp, mv, rm -r and touch", async () => {
    const t = testShell();
    await t.run("echo x > a; cp a b; mkdir d; mv b d/; cp -r d e; rm -r d");
    expect(t.fs.readFile("/root/e/b")).toBe("x\n");
    expect(t.fs.stat("/root/d")).toBeUndefined();
    expect((await t.run("cp d f")).stderr).toBe("cp: cannot stat 'd': No such file or directory\n");
    expect((await t.run("cp -r e a")).stderr).toBe("cp: cannot overwrite non-directory 'a' with directory 'e'\n");
  });

  test("tee writes to files and passes its input on", async () => {
    const t = testShell();
    expect((await t.run("echo hi | tee out.txt | tr a-z A-Z")).stdout).toBe("HI\n");
    expect(t.fs.readFile("/root/out.txt")).toBe("hi\n");
    await t.run("echo more | tee -a out.txt > /dev/null");
    expect(t.fs.readFile("/root/out.txt")).toBe("hi\nmore\n");
  });
});

describe("shell builtins", () => {
  test("history is numbered like bash and includes the history command itself", async () => {
    const t = testShell();
    await t.run("echo a");
    await t.run("ls");
    expect((await t.run("history")).stdout).toBe("    1  echo a\n    2  ls\n    3  history\n");
    expect((await t.run("history 1")).stdout).toBe("    4  history 1\n");
  });

  test("alias and unalias", async () => {
    const t = testShell();
    expect((await t.run("alias kgp='kubectl get pods'; alias")).stdout).toBe("alias k='kubectl'\nalias kgp='kubectl get pods'\n");
    expect(await t.run("unalias nope")).toEqual({ stdout: "", stderr: "bash: unalias: nope: not found\n", code: 1 });
    expect((await t.run("unalias kgp; alias kgp")).stderr).toBe("bash: alias: kgp: not found\n");
  });

  test("export lists declare -x lines; bad names are rejected", async () => {
    const t = testShell();
    expect((await t.run("export A='x \"y\"'; export | grep ' A='")).stdout).toBe('declare -x A="x \\"y\\""\n');
    expect(await t.run("export 1a=b")).toEqual({ stdout: "", stderr: "bash: export: `1a=b': not a valid identifier\n", code: 1 });
    expect((await t.run("unset A; echo \"[$A]\"")).stdout).toBe("[]\n");
  });

  test("type and which", async () => {
    const t = testShell({ commands: { kubectl: async () => 0 } });
    expect((await t.run("type k cd ls")).stdout).toBe("k is aliased to `kubectl'\ncd is a shell builtin\nls is /usr/bin/ls\n");
    expect((await t.run("which kubectl grep")).stdout).toBe("/usr/local/bin/kubectl\n/usr/bin/grep\n");
    expect(await t.run("which cd nope")).toEqual({ stdout: "", stderr: "", code: 1 });
  });

  test("exit ends the command line with its status", async () => {
    const t = testShell();
    expect(await t.run("echo a; exit 3; echo b")).toEqual({ stdout: "a\n", stderr: "", code: 3 });
    expect((await t.run("exit abc")).code).toBe(2);
    expect((await t.run("(exit 4); echo $?")).stdout).toBe("4\n");
  });

  test("true, false, :, test and [", async () => {
    const t = testShell();
    expect((await t.run("true && echo t; false || echo f; : && echo c")).stdout).toBe("t\nf\nc\n");
    expect(await t.run("[ 1 -eq ]")).toEqual({ stdout: "", stderr: "bash: [: 1: unary operator expected\n", code: 2 });
    expect(await t.run("[ x = x")).toEqual({ stdout: "", stderr: "bash: [: missing `]'\n", code: 2 });
  });

  test("env lists the environment and runs a command with additions", async () => {
    const t = testShell();
    expect((await t.run("env | grep ^HOME=")).stdout).toBe("HOME=/root\n");
    expect((await t.run("env GREETING=hi printenv 2>/dev/null; env GREETING=hi env | grep GREETING")).stdout).toBe("GREETING=hi\n");
  });

  test("xargs appends stdin's words to a command", async () => {
    const t = testShell();
    expect((await t.run("printf 'a\\nb\\n' | xargs echo got")).stdout).toBe("got a b\n");
    expect((await t.run("printf 'a\\nb\\n' | xargs -I{} echo '<{}>'")).stdout).toBe("<a>\n<b>\n");
  });

  test("help lists the commands", async () => {
    const t = testShell({ commands: { kubectl: async () => 0 } });
    const r = await t.run("help");
    expect(r.stdout).toContain("kubectl");
    expect(r.stdout).toContain("grep");
  });
});

describe("time: date, sleep, watch, clear", () => {
  test("date prints the host's simulated time like GNU date in UTC", async () => {
    const t = testShell();
    expect((await t.run("date")).stdout).toBe("Wed Jan 15 09:30:00 UTC 2025\n");
    expect((await t.run("date +%s")).stdout).toBe(`${START_MS / 1000}\n`);
    expect((await t.run("date +%Y-%m-%dT%H:%M:%S")).stdout).toBe("2025-01-15T09:30:00\n");
  });

  test("sleep waits on the host clock", async () => {
    const t = testShell();
    await t.run("sleep 2; sleep 0.5; sleep 1m");
    expect(t.host.sleeps).toEqual([2000, 500, 60_000]);
    expect((await t.run("sleep x")).stderr).toBe("sleep: invalid time interval ‘x’\nTry 'sleep --help' for more information.\n");
  });

  test("watch redraws with the clear sequence and a header until Ctrl-C", async () => {
    const t = testShell();
    t.host.onSleep = (h) => {
      if (h.sleeps.length === 2) h.controller.abort();
    };
    const r = await t.run("watch -n 5 echo hi");
    const frames = r.stdout.split("\x1b[H\x1b[2J").slice(1);
    expect(frames).toHaveLength(2);
    expect(frames[0]).toBe("Every 5.0s: echo hi" + " ".repeat(27) + "kubeplay: Wed Jan 15 09:30:00 2025\n\nhi\n");
    expect(frames[1]).toContain("09:30:05 2025\n\nhi\n");
    expect(t.host.sleeps).toEqual([5000, 5000]);
    expect(r.code).toBe(130);
  });

  test("clear prints the terminal's clear sequence", async () => {
    expect((await testShell().run("clear")).stdout).toBe("\x1b[H\x1b[2J\x1b[3J");
  });
});
