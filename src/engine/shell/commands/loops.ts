// break [n], continue [n], return [n].
import { loopControl, returnFromFunction } from "../interpreter";
import type { CommandFn } from "../types";

function levels(ctx: Parameters<CommandFn>[0]): number | undefined {
  const arg = ctx.argv[1] ?? "1";
  if (!/^\d+$/.test(arg)) {
    ctx.stderr.write(`bash: ${ctx.argv[0]}: ${arg}: numeric argument required\n`);
    return undefined;
  }
  if (Number(arg) < 1) {
    ctx.stderr.write(`bash: ${ctx.argv[0]}: ${arg}: loop count out of range\n`);
    return undefined;
  }
  return Number(arg);
}

export const breakCmd: CommandFn = async (ctx) => {
  const n = levels(ctx);
  if (n === undefined) return 1;
  return loopControl("break", n);
};

export const continueCmd: CommandFn = async (ctx) => {
  const n = levels(ctx);
  if (n === undefined) return 1;
  return loopControl("continue", n);
};

export const returnCmd: CommandFn = async (ctx) => {
  const arg = ctx.argv[1];
  if (arg !== undefined && !/^-?\d+$/.test(arg)) {
    ctx.stderr.write(`bash: return: ${arg}: numeric argument required\n`);
    return returnFromFunction(2);
  }
  return returnFromFunction(arg === undefined ? ctx.shell.state.lastExit : ((Number(arg) % 256) + 256) % 256);
};
