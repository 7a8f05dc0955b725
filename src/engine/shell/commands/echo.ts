// echo [-neE] [arg ...] — the bash builtin.
import type { CommandFn } from "../types";
import { interpretEscapes } from "./util";

export const echo: CommandFn = async (ctx) => {
  const args = ctx.argv.slice(1);
  let newline = true;
  let escapes = false;
  while (args.length && /^-[neE]+$/.test(args[0])) {
    for (const c of args[0].slice(1)) {
      if (c === "n") newline = false;
      else if (c === "e") escapes = true;
      else escapes = false;
    }
    args.shift();
  }
  let text = args.join(" ");
  if (escapes) {
    const r = interpretEscapes(text);
    text = r.text;
    if (r.stop) newline = false;
  }
  ctx.stdout.write(newline ? text + "\n" : text);
  return 0;
};
