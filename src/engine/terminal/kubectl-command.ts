// `kubectl` as a shell command: adapts what the shell gives a command (argv, streams, cwd, the
// virtual filesystem) to what the kubectl emulation needs, and hands it the API door.
import { runKubectl } from "../kubectl/index";
import type { ApiCall, KubectlEnv, KubectlFiles } from "../kubectl/env";
import type { ApiResponse } from "../apiserver/request";
import type { CommandContext, CommandFn, ShellFs } from "../shell/types";

/** The sandbox's API server as kubectl reaches it (the host adds the user and the time). */
export type ApiDoor = (call: ApiCall) => Promise<ApiResponse>;

/** What kubectl keeps between invocations in ~/.kube/cache (here in memory, per loaded sandbox). */
export interface KubectlCache {
  discovery?: import("../kubectl/client").ApiResource[];
}

export function kubectlCommand(api: ApiDoor, cache: KubectlCache = {}): CommandFn {
  return async (ctx: CommandContext) => {
    const env: KubectlEnv = {
      stdin: ctx.stdin,
      stdout: ctx.stdout,
      stderr: ctx.stderr,
      host: ctx.host,
      files: filesAt(ctx.fs, ctx.cwd),
      vars: ctx.env,
      api,
      cache,
      edit: ctx.host.edit ? (file, content) => ctx.host.edit!(file, content) : undefined,
    };
    return runKubectl(ctx.argv.slice(1), env);
  };
}

/** The shell's filesystem seen from a working directory, as kubectl reads and writes files. */
export function filesAt(fs: ShellFs, cwd: string): KubectlFiles {
  const at = (p: string) => fs.resolve(cwd, p);
  return {
    read(path) {
      const abs = at(path);
      if (fs.stat(abs)?.type !== "file") return undefined;
      return fs.readFile(abs);
    },
    isDirectory: (path) => fs.stat(at(path))?.type === "dir",
    list(path) {
      const abs = at(path);
      return fs.stat(abs)?.type === "dir" ? fs.readdir(abs) : undefined;
    },
    write(path, content) {
      const abs = at(path);
      const dir = abs.slice(0, abs.lastIndexOf("/")) || "/";
      if (!fs.stat(dir)) fs.mkdir(dir, true);
      fs.writeFile(abs, content);
    },
  };
}
