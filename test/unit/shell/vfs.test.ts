import { describe, expect, test } from "vitest";
import { LIMITS } from "../../../src/engine/limits";
import { Shell } from "../../../src/engine/shell/interpreter";
import { Vfs, VfsError } from "../../../src/engine/shell/vfs";
import { START_MS, testShell } from "./helpers";

describe("virtual filesystem", () => {
  test("starts with /root as home and cwd, /tmp, and /dev/null", async () => {
    const t = testShell();
    expect(t.shell.state.cwd).toBe("/root");
    expect(t.fs.stat("/tmp")?.type).toBe("dir");
    expect((await t.run("echo x > /dev/null; cat /dev/null; echo $?")).stdout).toBe("0\n");
  });

  test("loads rows (lesson seeds) with parent directories and does not report them as changes", () => {
    const fs = new Vfs([
      { path: "/root/lesson/deploy.yaml", content: "kind: Deployment\n" },
      { path: "notes.txt", content: "relative paths are under /root\n" },
      { path: "/root/empty", content: null },
    ]);
    expect(fs.readFile("/root/lesson/deploy.yaml")).toBe("kind: Deployment\n");
    expect(fs.readFile("/root/notes.txt")).toBe("relative paths are under /root\n");
    expect(fs.stat("/root/empty")?.type).toBe("dir");
    expect(fs.takeChanges()).toEqual({ upserts: [], deletes: [] });
  });

  test("tracks written and deleted paths since the last takeChanges", async () => {
    const t = testShell();
    await t.run("mkdir app && echo a > app/a.yaml && echo b > b.txt");
    expect(t.fs.takeChanges()).toEqual({
      upserts: [
        { path: "/root/app", content: null, mtimeMs: START_MS },
        { path: "/root/app/a.yaml", content: "a\n", mtimeMs: START_MS },
        { path: "/root/b.txt", content: "b\n", mtimeMs: START_MS },
      ],
      deletes: [],
    });
    await t.run("rm -r app; mv b.txt c.txt");
    expect(t.fs.takeChanges()).toEqual({
      upserts: [{ path: "/root/c.txt", content: "b\n", mtimeMs: START_MS }],
      deletes: ["/root/app", "/root/app/a.yaml", "/root/b.txt"],
    });
  });

  test("rows round-trip: a new shell over the saved rows and state sees the same files and cwd", async () => {
    const t = testShell();
    await t.run("mkdir -p work && cd work && echo hi > f.txt");
    const rows = t.fs.rows();
    const state = JSON.parse(JSON.stringify(t.shell.state));
    const again = new Shell({ fs: new Vfs(rows), state });
    let out = "";
    await again.run("pwd; cat f.txt", { stdout: { write: (s) => (out += s) }, stderr: { write: () => {} }, host: t.host });
    expect(out).toBe("/root/work\nhi\n");
  });

  test("errors carry errno texts", () => {
    const fs = new Vfs();
    expect(() => fs.readFile("/root/nope")).toThrow(new VfsError("No such file or directory", "/root/nope"));
    expect(() => fs.readFile("/root")).toThrow("Is a directory");
    fs.writeFile("/root/f", "x");
    expect(() => fs.writeFile("/root/f/g", "x")).toThrow("Not a directory");
    expect(() => fs.mkdir("/root/f")).toThrow("File exists");
    fs.mkdir("/root/d");
    fs.writeFile("/root/d/x", "");
    expect(() => fs.remove("/root/d")).toThrow("Directory not empty");
  });

  test("a file past the size limit fails with File too large and leaves the old content", async () => {
    const t = testShell();
    t.fs.writeFile("/root/big", "keep");
    const big = "x".repeat(LIMITS.shell.maxFileBytes + 1);
    expect(() => t.fs.writeFile("/root/big", big)).toThrow("File too large");
    expect(t.fs.readFile("/root/big")).toBe("keep");
  });

  test("the total size and the number of files are bounded (No space left on device)", async () => {
    const t = testShell();
    const chunk = "y".repeat(LIMITS.shell.maxFileBytes);
    const files = Math.floor(LIMITS.shell.maxTotalBytes / LIMITS.shell.maxFileBytes);
    for (let i = 0; i < files; i++) t.fs.writeFile(`/root/f${i}`, chunk);
    const r = await t.run("echo more > one-too-many");
    expect(r.stderr).toBe("bash: echo: write error: No space left on device\n");
    expect(r.code).toBe(1);
    expect(t.fs.usedBytes).toBeLessThanOrEqual(LIMITS.shell.maxTotalBytes);

    const u = testShell();
    const r2 = await u.run(`for i in $(seq ${LIMITS.shell.maxFiles + 5}); do touch f$i || break; done`);
    expect(r2.stderr).toMatch(/touch: cannot touch 'f\d+': No space left on device\n$/);
    expect(u.fs.entryCount).toBeLessThanOrEqual(LIMITS.shell.maxFiles);
  });
});
