// Glob patterns (`*`, `?`, `[...]`) as bash matches them: against file names in the virtual
// filesystem, and in `${x#pattern}`, `test`, `case`-like uses.
import type { ShellFs } from "./types";

/**
 * A pattern to a regular expression source. Characters preceded by a backslash are literal (the
 * expander escapes quoted text that way).
 */
export function globToRegexSource(pattern: string): string {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\" && i + 1 < pattern.length) {
      re += escapeRe(pattern[++i]);
    } else if (c === "*") re += "[\\s\\S]*";
    else if (c === "?") re += "[\\s\\S]";
    else if (c === "[") {
      const end = findClass(pattern, i);
      if (end < 0) {
        re += "\\[";
        continue;
      }
      let body = pattern.slice(i + 1, end);
      let neg = false;
      if (body[0] === "!" || body[0] === "^") {
        neg = true;
        body = body.slice(1);
      }
      body = body.replace(/\[:(alpha|digit|alnum|upper|lower|space|punct|xdigit):\]/g, (_, n: string) => POSIX_CLASSES[n]);
      re += "[" + (neg ? "^" : "") + body.replace(/\\(?![\]\\^-])/g, "\\\\").replace(/(?<!\\)\]/g, "\\]") + "]";
      i = end;
    } else re += escapeRe(c);
  }
  return re;
}

const POSIX_CLASSES: Record<string, string> = {
  alpha: "a-zA-Z",
  digit: "0-9",
  alnum: "a-zA-Z0-9",
  upper: "A-Z",
  lower: "a-z",
  space: " \\t\\n\\r\\f\\v",
  punct: "!-\\/:-@\\[-`{-~",
  xdigit: "0-9A-Fa-f",
};

function findClass(p: string, i: number): number {
  let j = i + 1;
  if (p[j] === "!" || p[j] === "^") j++;
  if (p[j] === "]") j++;
  for (; j < p.length; j++) {
    if (p[j] === "[" && p[j + 1] === ":") {
      const e = p.indexOf(":]", j + 2);
      if (e > 0) {
        j = e + 1;
        continue;
      }
    }
    if (p[j] === "]") return j;
  }
  return -1;
}

function escapeRe(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? "\\" + c : c;
}

export function globMatch(pattern: string, text: string): boolean {
  return new RegExp("^" + globToRegexSource(pattern) + "$").test(text);
}

/** Whether a pattern has an unescaped glob character. */
export function hasGlob(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === "\\") i++;
    else if (pattern[i] === "*" || pattern[i] === "?") return true;
    else if (pattern[i] === "[" && findClass(pattern, i) > 0) return true;
  }
  return false;
}

function unescape(p: string): string {
  return p.replace(/\\([\s\S])/g, "$1");
}

/** File names matching a pattern, sorted; relative patterns give relative names. Empty when none match. */
export function globFiles(fs: ShellFs, cwd: string, pattern: string, limit: number): string[] {
  const absolute = pattern.startsWith("/");
  const segs = pattern.split("/").filter((s, i) => s !== "" || i === 0);
  let results: string[] = [absolute ? "/" : ""];
  const startSegs = absolute ? segs.slice(1) : segs;
  for (let si = 0; si < startSegs.length; si++) {
    const seg = startSegs[si];
    const last = si === startSegs.length - 1;
    const next: string[] = [];
    for (const base of results) {
      const dirPath = fs.resolve(cwd, base === "" ? "." : base);
      const join = (name: string) => (base === "" ? name : base.endsWith("/") ? base + name : base + "/" + name);
      if (!hasGlob(seg)) {
        const p = join(unescape(seg));
        const st = fs.stat(fs.resolve(cwd, p));
        if (st && (last || st.type === "dir")) next.push(p);
        continue;
      }
      const st = fs.stat(dirPath);
      if (!st || st.type !== "dir") continue;
      const re = new RegExp("^" + globToRegexSource(seg) + "$");
      for (const name of fs.readdir(dirPath)) {
        if (name.startsWith(".") && !seg.startsWith(".") && !seg.startsWith("\\.")) continue;
        if (!re.test(name)) continue;
        const p = join(name);
        if (!last && fs.stat(fs.resolve(cwd, p))?.type !== "dir") continue;
        next.push(p);
        if (next.length > limit) return next;
      }
    }
    results = next;
    if (!results.length) return [];
  }
  if (pattern.endsWith("/")) results = results.map((r) => r + "/");
  return results.sort();
}
