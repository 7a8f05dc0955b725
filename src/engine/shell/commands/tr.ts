// tr [-cds] SET1 [SET2] — ranges, [:classes:], escapes; streams.
import type { CommandFn } from "../types";
import { command, parseOptions } from "./util";

const CLASSES: Record<string, string> = {
  upper: "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
  lower: "abcdefghijklmnopqrstuvwxyz",
  digit: "0123456789",
  space: " \t\n\r\f\v",
  blank: " \t",
  punct: "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
};
CLASSES.alpha = CLASSES.upper + CLASSES.lower;
CLASSES.alnum = CLASSES.alpha + CLASSES.digit;
CLASSES.xdigit = "0123456789ABCDEFabcdef";

/** Expands a tr set to its characters. */
export function expandSet(set: string): string[] {
  const out: string[] = [];
  const chars: string[] = [];
  for (let i = 0; i < set.length; i++) {
    const c = set[i];
    if (c === "[" && set[i + 1] === ":") {
      const end = set.indexOf(":]", i + 2);
      const cls = end > 0 ? CLASSES[set.slice(i + 2, end)] : undefined;
      if (cls) {
        chars.push(...[...cls].map((x) => "\0cls" + x));
        i = end + 1;
        continue;
      }
    }
    if (c === "\\" && i + 1 < set.length) {
      const n = set[++i];
      const map: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", f: "\f", v: "\v", a: "\x07", b: "\b" };
      if (/[0-7]/.test(n)) {
        const m = /^[0-7]{1,3}/.exec(set.slice(i))!;
        chars.push(String.fromCharCode(parseInt(m[0], 8)));
        i += m[0].length - 1;
      } else chars.push(map[n] ?? n);
      continue;
    }
    chars.push(c);
  }
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i].replace("\0cls", "");
    if (!chars[i].startsWith("\0cls") && chars[i + 1] === "-" && i + 2 < chars.length) {
      const end = chars[i + 2].replace("\0cls", "");
      for (let code = c.codePointAt(0)!; code <= end.codePointAt(0)!; code++) out.push(String.fromCodePoint(code));
      i += 2;
      continue;
    }
    out.push(c);
  }
  return out;
}

export const tr: CommandFn = command(async (ctx) => {
  const o = parseOptions(ctx, { flags: "cCdst", long: { complement: "c", delete: "d", "squeeze-repeats": "s", "truncate-set1": "t" } });
  const del = o.has("d");
  const squeeze = o.has("s");
  const [s1, s2] = o.operands;
  if (s1 === undefined) {
    ctx.stderr.write("tr: missing operand\nTry 'tr --help' for more information.\n");
    return 1;
  }
  const translate = !del && s2 !== undefined;
  if (!del && !squeeze && s2 === undefined) {
    ctx.stderr.write(`tr: missing operand after ‘${s1}’\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n`);
    return 1;
  }
  if (o.operands.length > (del && !squeeze ? 1 : 2)) {
    ctx.stderr.write(`tr: extra operand ‘${o.operands[del && !squeeze ? 1 : 2]}’\n${del ? "Only one string may be given when deleting without squeezing repeats.\n" : ""}Try 'tr --help' for more information.\n`);
    return 1;
  }
  const set1 = new Set(expandSet(s1));
  const complement = o.has("c") || o.has("C");
  const in1 = (c: string) => set1.has(c) !== complement;
  const list1 = expandSet(s1);
  const list2 = s2 !== undefined ? expandSet(s2) : [];
  const map = new Map<string, string>();
  if (translate && !complement) list1.forEach((c, i) => map.set(c, list2[Math.min(i, list2.length - 1)] ?? c));
  const squeezeSet = new Set(translate || del ? list2 : list1);
  let last = "";
  for (let chunk = await ctx.stdin.read(); chunk !== null; chunk = await ctx.stdin.read()) {
    let out = "";
    for (const c of chunk) {
      let x = c;
      if (del && in1(c)) continue;
      if (translate) x = complement ? (in1(c) ? list2[list2.length - 1] ?? c : c) : (map.get(c) ?? c);
      if (squeeze && x === last && (translate || del ? squeezeSet.has(x) : in1(x))) continue;
      out += x;
      last = x;
    }
    ctx.stdout.write(out);
  }
  return 0;
});
