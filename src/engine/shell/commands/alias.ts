// alias [NAME[=VALUE]]... and unalias [-a] NAME... — `k=kubectl` is predefined.
import type { CommandFn } from "../types";

function sq(v: string): string {
  return "'" + v.replace(/'/g, "'\\''") + "'";
}

export const alias: CommandFn = async (ctx) => {
  const aliases = ctx.shell.state.aliases;
  let args = ctx.argv.slice(1);
  if (args[0] === "-p") args = args.slice(1);
  if (!args.length) {
    ctx.stdout.write(
      Object.keys(aliases)
        .sort()
        .map((k) => `alias ${k}=${sq(aliases[k])}\n`)
        .join(""),
    );
    return 0;
  }
  let status = 0;
  for (const a of args) {
    const eq = a.indexOf("=");
    if (eq < 0) {
      if (Object.prototype.hasOwnProperty.call(aliases, a)) ctx.stdout.write(`alias ${a}=${sq(aliases[a])}\n`);
      else {
        ctx.stderr.write(`bash: alias: ${a}: not found\n`);
        status = 1;
      }
      continue;
    }
    const name = a.slice(0, eq);
    if (!name || /[\s/$`=|&;()<>'"\\]/.test(name)) {
      ctx.stderr.write(`bash: alias: \`${name}': invalid alias name\n`);
      status = 1;
      continue;
    }
    aliases[name] = a.slice(eq + 1);
  }
  return status;
};

export const unalias: CommandFn = async (ctx) => {
  const aliases = ctx.shell.state.aliases;
  const args = ctx.argv.slice(1);
  if (!args.length) {
    ctx.stderr.write("unalias: usage: unalias [-a] name [name ...]\n");
    return 2;
  }
  if (args[0] === "-a") {
    for (const k of Object.keys(aliases)) delete aliases[k];
    return 0;
  }
  let status = 0;
  for (const a of args) {
    if (Object.prototype.hasOwnProperty.call(aliases, a)) delete aliases[a];
    else {
      ctx.stderr.write(`bash: unalias: ${a}: not found\n`);
      status = 1;
    }
  }
  return status;
};
