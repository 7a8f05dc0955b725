// The one-line builtins: true, false, :, clear, whoami, hostname.
import type { CommandFn } from "../types";

export const trueCmd: CommandFn = async () => 0;
export const falseCmd: CommandFn = async () => 1;
/** `clear`: what ncurses' clear prints for xterm (home, erase screen, erase scrollback). */
export const clear: CommandFn = async (ctx) => {
  ctx.stdout.write("\x1b[H\x1b[2J\x1b[3J");
  return 0;
};
export const whoami: CommandFn = async (ctx) => {
  ctx.stdout.write("root\n");
  return 0;
};
export const hostname: CommandFn = async (ctx) => {
  ctx.stdout.write((ctx.env.HOSTNAME ?? "kubeplay") + "\n");
  return 0;
};
