// seq [-s SEP] [-w] [FIRST [INCREMENT]] LAST
import type { CommandFn } from "../types";
import { LIMITS } from "../../limits";
import { command, parseOptions } from "./util";

export const seq: CommandFn = command(async (ctx) => {
  const args = ctx.argv.slice(1);
  // Negative numbers are operands, not options.
  const opts = args.filter((a, i) => /^-[sfw]/.test(a) || (i > 0 && /^-[sf]$/.test(args[i - 1])));
  const o = parseOptions(ctx, { flags: "w", values: "sf", long: { separator: "s", "equal-width": "w", format: "f" } }, opts);
  const nums = args.filter((a) => !opts.includes(a));
  if (!nums.length) {
    ctx.stderr.write("seq: missing operand\nTry 'seq --help' for more information.\n");
    return 1;
  }
  for (const n of nums) {
    if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(n)) {
      ctx.stderr.write(`seq: invalid floating point argument: ‘${n}’\nTry 'seq --help' for more information.\n`);
      return 1;
    }
  }
  const [first, inc, last] = nums.length === 1 ? [1, 1, Number(nums[0])] : nums.length === 2 ? [Number(nums[0]), 1, Number(nums[1])] : nums.map(Number);
  if (inc === 0) {
    ctx.stderr.write(`seq: invalid Zero increment value: ‘${nums[1]}’\nTry 'seq --help' for more information.\n`);
    return 1;
  }
  const decimals = Math.max(...nums.map((n) => (n.includes(".") ? n.split(".")[1].length : 0)));
  const sep = o.get("s") ?? "\n";
  const out: string[] = [];
  for (let i = 0; ; i++) {
    const v = first + i * inc;
    if (inc > 0 ? v > last + 1e-10 : v < last - 1e-10) break;
    if (out.length >= LIMITS.shell.maxWords) {
      ctx.stderr.write(`seq: stopped after ${LIMITS.shell.maxWords} numbers (the limit)\n`);
      break;
    }
    out.push(v.toFixed(decimals));
  }
  if (o.has("w")) {
    const w = Math.max(...out.map((s) => s.length));
    for (let i = 0; i < out.length; i++) out[i] = out[i].startsWith("-") ? "-" + out[i].slice(1).padStart(w - 1, "0") : out[i].padStart(w, "0");
  }
  if (out.length) ctx.stdout.write(out.join(sep) + "\n");
  return 0;
});
