import { describe, expect, test } from "vitest";
import type { CommandFn } from "../../../src/engine/shell/types";
import { testShell, ticker } from "./helpers";

describe("pipes", () => {
  test("/dev/stdin names the command's stdin, from a pipe or a here-document", async () => {
    const t = testShell();
    expect(await t.run("echo piped | cat /dev/stdin")).toEqual({ stdout: "piped\n", stderr: "", code: 0 });
    expect(await t.run("cat /dev/stdin <<EOF\nhere\nEOF")).toEqual({ stdout: "here\n", stderr: "", code: 0 });
    expect(await t.run("echo a b | wc -w /dev/stdin")).toEqual({ stdout: "2 /dev/stdin\n", stderr: "", code: 0 });
  });

  test("stdout of each stage feeds the next; stderr is not piped", async () => {
    const t = testShell();
    expect(await t.run("{ echo out; echo err >&2; } | tr a-z A-Z")).toEqual({ stdout: "OUT\n", stderr: "err\n", code: 0 });
  });

  test("2>&1 | sends stderr down the pipe too", async () => {
    const t = testShell();
    expect((await t.run("cat missing 2>&1 | tr a-z A-Z")).stdout).toBe("CAT: MISSING: NO SUCH FILE OR DIRECTORY\n");
  });

  test("the status is the last stage's; ! negates it", async () => {
    const t = testShell();
    expect((await t.run("false | true")).code).toBe(0);
    expect((await t.run("true | false")).code).toBe(1);
    expect((await t.run("! echo x | grep -q y")).code).toBe(0);
  });

  test("matches stream through as they come: a never-ending watch piped to grep prints each match before the next line", async () => {
    const seenAt: number[] = [];
    const t = testShell({ commands: { ticker } });
    let stdout = "";
    t.host.onSleep = (h) => {
      if (h.sleeps.length === 4) h.controller.abort();
    };
    const code = await t.shell.run("ticker | grep web", {
      stdout: {
        write: (s) => {
          stdout += s;
          seenAt.push(t.host.nowMs);
        },
      },
      stderr: { write: () => {} },
      host: t.host,
    });
    expect(stdout).toBe("line 1 web\nline 3 web\n");
    // Written at the simulated time each line was produced, not at the end.
    expect(seenAt[1] - seenAt[0]).toBe(2000);
    expect(code).toBe(130);
  });

  test("a stage that stops reading stops the writer (head ends a watch)", async () => {
    const t = testShell({ commands: { ticker } });
    expect(await t.run("ticker | head -2")).toEqual({ stdout: "line 1 web\nline 2 db\n", stderr: "", code: 0 });
  });

  test("a writer is only stopped when it writes after the reader finished (no SIGPIPE before)", async () => {
    let finished = false;
    const slow: CommandFn = async (ctx) => {
      await ctx.host.sleep(10);
      finished = !ctx.host.signal.aborted;
      return 0;
    };
    const t = testShell({ commands: { slow } });
    await t.run("slow | true");
    expect(finished).toBe(true);
  });
});

describe("redirection", () => {
  test("> creates or truncates, >> appends, < reads", async () => {
    const t = testShell();
    await t.run("echo one > f; echo two >> f; echo three >> f");
    expect((await t.run("cat < f")).stdout).toBe("one\ntwo\nthree\n");
    await t.run("echo new > f");
    expect(t.fs.readFile("/root/f")).toBe("new\n");
  });

  test("2> and &> and >/dev/null", async () => {
    const t = testShell();
    expect(await t.run("cat nope 2> err.txt")).toEqual({ stdout: "", stderr: "", code: 1 });
    expect(t.fs.readFile("/root/err.txt")).toBe("cat: nope: No such file or directory\n");
    await t.run("{ echo o; echo e >&2; } &> both.txt");
    expect(t.fs.readFile("/root/both.txt")).toBe("o\ne\n");
    expect(await t.run("echo hidden > /dev/null; cat nope 2>/dev/null")).toEqual({ stdout: "", stderr: "", code: 1 });
  });

  test(">file 2>&1 sends both to the file; 2>&1 >file sends stderr where stdout was", async () => {
    const t = testShell();
    await t.run("cat nope > a.txt 2>&1");
    expect(t.fs.readFile("/root/a.txt")).toBe("cat: nope: No such file or directory\n");
    const r = await t.run("cat nope 2>&1 > b.txt");
    expect(r).toEqual({ stdout: "cat: nope: No such file or directory\n", stderr: "", code: 1 });
    expect(t.fs.readFile("/root/b.txt")).toBe("");
  });

  test("redirection errors are bash's and skip the command", async () => {
    const t = testShell();
    expect(await t.run("cat < nofile")).toEqual({ stdout: "", stderr: "bash: nofile: No such file or directory\n", code: 1 });
    expect(await t.run("echo x > nodir/f")).toEqual({ stdout: "", stderr: "bash: nodir/f: No such file or directory\n", code: 1 });
    await t.run("mkdir d");
    expect(await t.run("echo x > d")).toEqual({ stdout: "", stderr: "bash: d: Is a directory\n", code: 1 });
  });

  test("a redirection alone creates the file", async () => {
    const t = testShell();
    await t.run("> empty.txt");
    expect(t.fs.stat("/root/empty.txt")).toMatchObject({ type: "file", size: 0 });
  });

  test("the dry-run-to-file, edit, apply idiom: output lands in the file kubectl then reads", async () => {
    const applied: string[] = [];
    const kubectl: CommandFn = async (ctx) => {
      if (ctx.argv[1] === "create") ctx.stdout.write("apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 1\n");
      if (ctx.argv[1] === "apply") applied.push(ctx.fs.readFile(ctx.fs.resolve(ctx.cwd, ctx.argv[3])));
      return 0;
    };
    const t = testShell({ commands: { kubectl } });
    await t.run("kubectl create deploy web --image=nginx --dry-run=client -o yaml > web.yaml");
    await t.run("sed -i 's/replicas: 1/replicas: 3/' web.yaml && k apply -f web.yaml");
    expect(applied).toEqual(["apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 3\n"]);
  });
});

describe("here-documents", () => {
  const echoStdin: CommandFn = async (ctx) => {
    let s = "";
    for (let c = await ctx.stdin.read(); c !== null; c = await ctx.stdin.read()) s += c;
    ctx.stdout.write(`[${ctx.argv.slice(1).join(" ")}]\n${s}`);
    return 0;
  };

  test("cat <<EOF | kubectl apply -f - expands variables and substitutions", async () => {
    const t = testShell({ commands: { kubectl: echoStdin } });
    const r = await t.run("NAME=web\ncat <<EOF | kubectl apply -f -\nname: $NAME\nreplicas: $((1+2))\ncost: \\$5\nEOF\necho done");
    expect(r).toEqual({ stdout: "[apply -f -]\nname: web\nreplicas: 3\ncost: $5\ndone\n", stderr: "", code: 0 });
  });

  test("a quoted delimiter keeps the body literal", async () => {
    const t = testShell();
    expect((await t.run("cat <<'EOF'\n$HOME `date` \\n\nEOF")).stdout).toBe("$HOME `date` \\n\n");
    expect((await t.run('cat <<"EOF"\n$HOME\nEOF')).stdout).toBe("$HOME\n");
  });

  test("<<- strips leading tabs from the body and the delimiter", async () => {
    const t = testShell();
    expect((await t.run("cat <<-EOF\n\tkind: Pod\n\t\tindented\n\tEOF")).stdout).toBe("kind: Pod\nindented\n");
  });

  test("kubectl apply -f - <<EOF with the here-document on the command itself", async () => {
    const t = testShell({ commands: { kubectl: echoStdin } });
    expect((await t.run("k apply -f - <<EOF\nkind: Namespace\nEOF")).stdout).toBe("[apply -f -]\nkind: Namespace\n");
  });

  test("an unterminated here-document warns like bash and still runs", async () => {
    const t = testShell();
    expect(await t.run("cat <<EOF\nabc")).toEqual({
      stdout: "abc\n",
      stderr: "bash: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')\n",
      code: 0,
    });
  });

  test("here-strings", async () => {
    const t = testShell();
    expect((await t.run("X=hi; cat <<< \"$X there\"")).stdout).toBe("hi there\n");
  });
});
