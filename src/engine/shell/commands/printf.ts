// printf FORMAT [ARGUMENT]... — the bash builtin: %s %b %c %d %i %u %o %x %X %f %e %g %q %%,
// flags, width and precision (also `*`); the format is reused while arguments remain.
import { shellQuote } from "../interpreter";
import type { CommandFn } from "../types";
import { interpretEscapes } from "./util";

export const printf: CommandFn = async (ctx) => {
  let args = ctx.argv.slice(1);
  let target: string | undefined;
  if (args[0] === "-v") {
    target = args[1];
    args = args.slice(2);
  }
  if (args[0] === "--") args = args.slice(1);
  if (!args.length) {
    ctx.stderr.write("bash: printf: usage: printf [-v var] format [arguments]\n");
    return 2;
  }
  const format = args[0];
  const rest = args.slice(1);
  let status = 0;
  let out = "";
  let ai = 0;
  const next = (): string | undefined => (ai < rest.length ? rest[ai++] : undefined);
  const num = (s: string | undefined, float: boolean): number => {
    if (s === undefined || s === "") return 0;
    if (/^['"]/.test(s)) return s.length > 1 ? s.codePointAt(1)! : 0;
    const t = s.trim();
    const ok = float ? /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t) : /^[-+]?(0[xX][0-9a-fA-F]+|\d+)$/.test(t);
    if (!ok) {
      ctx.stderr.write(`bash: printf: ${s}: invalid number\n`);
      status = 1;
      const m = /^[-+]?\d+/.exec(t);
      return m ? Number(m[0]) : 0;
    }
    return float ? Number(t) : /^[-+]?0[xX]/.test(t) ? parseInt(t, 16) : /^[-+]?0\d/.test(t) ? parseInt(t, 8) : Number(t);
  };
  for (let pass = 0; pass < 10_000; pass++) {
    let stop = false;
    for (let i = 0; i < format.length; i++) {
      const c = format[i];
      if (c === "\\") {
        const m = /^\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/s.exec(format.slice(i))!;
        const r = interpretEscapes(m[0], true);
        if (r.stop) {
          stop = true;
          break;
        }
        out += r.text;
        i += m[0].length - 1;
        continue;
      }
      if (c !== "%") {
        out += c;
        continue;
      }
      const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([sbcdiuoxXfFeEgGq%])/.exec(format.slice(i));
      if (!m) {
        const bad = format[i + 1];
        ctx.stderr.write(bad === undefined ? "bash: printf: `%': missing format character\n" : `bash: printf: \`${bad}': invalid format character\n`);
        ctx.stdout.write(out);
        return 1;
      }
      i += m[0].length - 1;
      const flags = m[1];
      let width = m[2] === "*" ? num(next(), false) : m[2] ? Number(m[2]) : undefined;
      const precision = m[3] === "*" ? num(next(), false) : m[3] !== undefined ? Number(m[3] || "0") : undefined;
      let left = flags.includes("-");
      if (width !== undefined && width < 0) {
        left = true;
        width = -width;
      }
      const conv = m[4];
      let s: string;
      switch (conv) {
        case "%":
          out += "%";
          continue;
        case "s":
          s = next() ?? "";
          if (precision !== undefined) s = s.slice(0, precision);
          break;
        case "b": {
          const r = interpretEscapes(next() ?? "", true);
          s = r.text;
          if (precision !== undefined) s = s.slice(0, precision);
          if (r.stop) stop = true;
          break;
        }
        case "q":
          s = shellQuote(next() ?? "");
          break;
        case "c":
          s = (next() ?? "").slice(0, 1);
          break;
        case "d":
        case "i":
        case "u":
        case "o":
        case "x":
        case "X": {
          const n = Math.trunc(num(next(), false));
          const abs = Math.abs(n);
          s = conv === "o" ? abs.toString(8) : conv === "x" ? abs.toString(16) : conv === "X" ? abs.toString(16).toUpperCase() : String(abs);
          if (precision !== undefined) s = s.padStart(precision, "0");
          if (flags.includes("#") && abs !== 0 && (conv === "x" || conv === "X")) s = (conv === "x" ? "0x" : "0X") + s;
          const sign = n < 0 ? "-" : flags.includes("+") ? "+" : flags.includes(" ") ? " " : "";
          if (flags.includes("0") && !left && precision === undefined && width !== undefined) s = s.padStart(width - sign.length, "0");
          s = sign + s;
          break;
        }
        default: {
          const n = num(next(), true);
          const p = precision ?? 6;
          s = conv === "f" || conv === "F" ? Math.abs(n).toFixed(p) : conv === "e" || conv === "E" ? expo(Math.abs(n), p) : general(Math.abs(n), p);
          if (conv === "E" || conv === "G") s = s.toUpperCase();
          const sign = n < 0 || Object.is(n, -0) ? "-" : flags.includes("+") ? "+" : flags.includes(" ") ? " " : "";
          if (flags.includes("0") && !left && width !== undefined) s = s.padStart(width - sign.length, "0");
          s = sign + s;
        }
      }
      if (width !== undefined && s.length < width) s = left ? s.padEnd(width) : s.padStart(width);
      out += s;
      if (stop) break;
    }
    if (stop || ai >= rest.length || ai === 0) break;
  }
  if (target !== undefined) ctx.shell.setVar(target, out);
  else ctx.stdout.write(out);
  return status;
};

function expo(n: number, p: number): string {
  const s = n.toExponential(p);
  return s.replace(/e([+-])(\d)$/, "e$10$2");
}

function general(n: number, p: number): string {
  if (p === 0) p = 1;
  if (n === 0) return "0";
  const e = Math.floor(Math.log10(n));
  if (e < -4 || e >= p) return expo(n, p - 1).replace(/\.?0+e/, "e");
  return n.toFixed(Math.max(0, p - 1 - e)).replace(/\.?0+$/, "");
}
