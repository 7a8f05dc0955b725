// help [NAME] — what this terminal understands.
import type { CommandFn } from "../types";

const USAGE: Record<string, string> = {
  alias: "alias [-p] [name[=value] ... ]",
  cd: "cd [dir]",
  echo: "echo [-neE] [arg ...]",
  exit: "exit [n]",
  export: "export [-fn] [name[=value] ...] or export -p",
  history: "history [-c] [n]",
  printf: "printf [-v var] format [arguments]",
  pwd: "pwd",
  read: "read [-r] [-p prompt] [name ...]",
  set: "set [name ...]",
  test: "test [expr]",
  "[": "[ arg... ]",
  type: "type [-t] name [name ...]",
  unalias: "unalias [-a] name [name ...]",
  unset: "unset [-f] [-v] [name ...]",
  true: "true",
  false: "false",
  break: "break [n]",
  continue: "continue [n]",
  return: "return [n]",
  ":": ":",
};

export const help: CommandFn = async (ctx) => {
  const topic = ctx.argv[1];
  if (topic !== undefined) {
    const u = USAGE[topic];
    if (!u) {
      ctx.stderr.write(`bash: help: no help topics match \`${topic}'.  Try \`help help' or \`man -k ${topic}' or \`info ${topic}'.\n`);
      return 1;
    }
    ctx.stdout.write(`${topic}: ${u}\n`);
    return 0;
  }
  const names = ctx.shell.commandNames().filter((n) => n !== "[");
  ctx.stdout.write(
    "GNU bash, version 5.2.15(1)-release (x86_64-pc-linux-gnu)\n" +
      "This is a small bash-like shell running in your Kubernetes playground.\n" +
      "It understands quoting, $VAR and $(...), pipes |, && || ;, redirections > >> < 2> 2>&1,\n" +
      "here-documents (<<EOF), aliases (k=kubectl), for/while/if, and these commands:\n\n" +
      wrap(names, 78) +
      "\nType `NAME --help' (kubectl) or `help NAME' (shell builtins) for more.\n",
  );
  return 0;
};

function wrap(words: string[], width: number): string {
  let out = "";
  let line = "";
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) {
      out += line + "\n";
      line = "";
    }
    line += (line ? " " : "") + w;
  }
  return out + (line ? line + "\n" : "");
}
