// export [-n] [-p] [NAME[=VALUE]]... and unset [-fv] NAME...
import type { CommandFn } from "../types";

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `declare -x` quoting: double quotes with \ " $ ` escaped. */
function dq(v: string): string {
  return '"' + v.replace(/[\\"$`]/g, "\\$&") + '"';
}

export const exportCmd: CommandFn = async (ctx) => {
  let args = ctx.argv.slice(1);
  let unexport = false;
  while (args[0]?.startsWith("-") && args[0] !== "-") {
    const a = args.shift()!;
    if (a === "--") break;
    for (const c of a.slice(1)) {
      if (c === "n") unexport = true;
      else if (c !== "p" && c !== "f") {
        ctx.stderr.write(`bash: export: -${c}: invalid option\nexport: usage: export [-fn] [name[=value] ...] or export -p\n`);
        return 2;
      }
    }
  }
  if (!args.length) {
    const env = ctx.shell.state.env;
    ctx.stdout.write(
      Object.keys(env)
        .sort()
        .map((k) => `declare -x ${k}=${dq(env[k])}\n`)
        .join(""),
    );
    return 0;
  }
  let status = 0;
  for (const a of args) {
    const eq = a.indexOf("=");
    const name = eq < 0 ? a : a.slice(0, eq).replace(/\+$/, "");
    if (!NAME.test(name)) {
      ctx.stderr.write(`bash: export: \`${a}': not a valid identifier\n`);
      status = 1;
      continue;
    }
    if (unexport) {
      const v = ctx.shell.getVar(name);
      ctx.shell.unsetVar(name);
      if (v !== undefined) ctx.shell.setVar(name, v, false);
      continue;
    }
    if (eq < 0) ctx.shell.exportVar(name);
    else {
      const append = a[eq - 1] === "+";
      const value = a.slice(eq + 1);
      ctx.shell.setVar(name, append ? (ctx.shell.getVar(name) ?? "") + value : value, true);
    }
  }
  return status;
};

export const unset: CommandFn = async (ctx) => {
  let status = 0;
  for (const a of ctx.argv.slice(1)) {
    if (a === "-v" || a === "-f") continue;
    if (!NAME.test(a)) {
      ctx.stderr.write(`bash: unset: \`${a}': not a valid identifier\n`);
      status = 1;
      continue;
    }
    ctx.shell.unsetVar(a);
  }
  return status;
};

/** `set`: options are accepted and ignored (errexit, pipefail...); alone it lists variables. */
export const set: CommandFn = async (ctx) => {
  if (ctx.argv.length === 1) {
    const all = { ...ctx.shell.state.env, ...ctx.shell.state.vars };
    ctx.stdout.write(
      Object.keys(all)
        .filter((k) => !k.startsWith("__"))
        .sort()
        .map((k) => `${k}=${quoteSet(all[k])}\n`)
        .join(""),
    );
  }
  return 0;
};

function quoteSet(v: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]*$/.test(v) ? v : "'" + v.replace(/'/g, "'\\''") + "'";
}
