// env [-i] [-u NAME] [NAME=VALUE]... [COMMAND [ARG]...]
import { shellQuote } from "../interpreter";
import type { CommandFn } from "../types";

export const env: CommandFn = async (ctx) => {
  const args = ctx.argv.slice(1);
  let vars: Record<string, string> = { ...ctx.env };
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === "-i" || a === "-" || a === "--ignore-environment") vars = {};
    else if (a === "-u" || a === "--unset") delete vars[args[++i]];
    else if (a.startsWith("-u")) delete vars[a.slice(2)];
    else if (a === "--") {
      i++;
      break;
    } else if (a.startsWith("-") && a.length > 1) {
      ctx.stderr.write(`env: invalid option -- '${a[1]}'\nTry 'env --help' for more information.\n`);
      return 125;
    } else break;
  }
  for (; i < args.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(args[i]); i++) {
    const eq = args[i].indexOf("=");
    vars[args[i].slice(0, eq)] = args[i].slice(eq + 1);
  }
  if (i >= args.length) {
    ctx.stdout.write(Object.entries(vars).map(([k, v]) => `${k}=${v}\n`).join(""));
    return 0;
  }
  // Run the command with the environment given (as `VAR=x command args` in a subshell).
  const prefix = Object.entries(vars)
    .filter(([k, v]) => ctx.env[k] !== v)
    .map(([k, v]) => `${k}=${shellQuote(v)} `)
    .join("");
  const unsets = Object.keys(ctx.env).filter((k) => !(k in vars));
  const script = (unsets.length ? `unset ${unsets.join(" ")}; ` : "") + prefix + args.slice(i).map(shellQuote).join(" ");
  return ctx.shell.runSubshell(script, { stdin: ctx.stdin, stdout: ctx.stdout, stderr: ctx.stderr, host: ctx.host, stdoutIsTerminal: ctx.stdoutIsTerminal });
};
