// which NAME... and type [-t] NAME...: registered commands live in /usr/bin (kubectl in /usr/local/bin).
import type { CommandContext, CommandFn } from "../types";

/** Where a command would be found on PATH, or undefined for shell builtins and unknown names. */
export function commandPath(ctx: CommandContext, name: string): string | undefined {
  if (!ctx.shell.commandNames().includes(name)) return undefined;
  if (ctx.shell.isBuiltin(name) && !COREUTILS_TOO.has(name)) return undefined;
  return name === "kubectl" ? "/usr/local/bin/kubectl" : `/usr/bin/${name}`;
}

/** Builtins that also exist as programs on PATH. */
const COREUTILS_TOO = new Set(["echo", "printf", "pwd", "test", "[", "true", "false", "kill"]);

export const which: CommandFn = async (ctx) => {
  let status = 0;
  const args = ctx.argv.slice(1).filter((a) => !a.startsWith("-"));
  if (!args.length) return 1;
  for (const a of args) {
    const p = commandPath(ctx, a);
    if (p) ctx.stdout.write(p + "\n");
    else status = 1;
  }
  return status;
};

export const type: CommandFn = async (ctx) => {
  let args = ctx.argv.slice(1);
  let terse = false;
  let all = false;
  while (args[0]?.startsWith("-") && args[0].length > 1) {
    const a = args.shift()!;
    if (a.includes("t")) terse = true;
    if (a.includes("a")) all = true;
  }
  void all;
  let status = 0;
  for (const a of args) {
    const aliases = ctx.shell.state.aliases;
    if (Object.prototype.hasOwnProperty.call(aliases, a)) {
      ctx.stdout.write(terse ? "alias\n" : `${a} is aliased to \`${aliases[a]}'\n`);
      continue;
    }
    if (KEYWORDS.has(a)) {
      ctx.stdout.write(terse ? "keyword\n" : `${a} is a shell keyword\n`);
      continue;
    }
    if (ctx.shell.isBuiltin(a)) {
      ctx.stdout.write(terse ? "builtin\n" : `${a} is a shell builtin\n`);
      continue;
    }
    const p = commandPath(ctx, a);
    if (p) {
      ctx.stdout.write(terse ? "file\n" : `${a} is ${p}\n`);
      continue;
    }
    if (!terse) ctx.stderr.write(`bash: type: ${a}: not found\n`);
    status = 1;
  }
  return status;
};

const KEYWORDS = new Set(["if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "in", "function", "{", "}", "!", "case", "esac", "[[", "]]", "time", "select", "coproc"]);
