// read [-r] [-p PROMPT] [NAME]... — one line of stdin into variables (REPLY by default); 1 at end of input.
import type { CommandFn, InputSource } from "../types";

/** Text read past the line `read` consumed, kept per input so that `while read` loops see every line. */
const leftovers = new WeakMap<InputSource, { buf: string; eof: boolean }>();

export const read: CommandFn = async (ctx) => {
  const args = ctx.argv.slice(1);
  let raw = false;
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-r") raw = true;
    else if (a === "-p") ctx.stderr.write(args[++i] ?? "");
    else if (a === "-s") continue;
    else names.push(a);
  }
  let st = leftovers.get(ctx.stdin);
  if (!st) {
    st = { buf: "", eof: false };
    leftovers.set(ctx.stdin, st);
  }
  let line: string | undefined;
  for (;;) {
    let i = st.buf.indexOf("\n");
    while (!raw && i > 0 && st.buf[i - 1] === "\\") i = st.buf.indexOf("\n", i + 1);
    if (i >= 0) {
      line = st.buf.slice(0, i);
      st.buf = st.buf.slice(i + 1);
      break;
    }
    if (st.eof) break;
    const c = await ctx.stdin.read();
    if (c === null) st.eof = true;
    else st.buf += c;
  }
  let status = 0;
  if (line === undefined) {
    if (st.buf === "") {
      for (const n of names.length ? names : ["REPLY"]) ctx.shell.setVar(n, "");
      return 1;
    }
    line = st.buf;
    st.buf = "";
    status = 1;
  }
  if (!raw) line = line.replace(/\\\n/g, "").replace(/\\(.)/g, "$1");
  if (!names.length) {
    ctx.shell.setVar("REPLY", line);
    return status;
  }
  const ifs = ctx.shell.getVar("IFS") ?? " \t\n";
  const isWs = (c: string) => ifs.includes(c) && /\s/.test(c);
  let rest = [...line].reduce((s, c) => s, line);
  rest = rest.replace(new RegExp(`^[${escape(ifs.replace(/[^\s]/g, ""))}]+`), "");
  names.forEach((n, idx) => {
    if (idx === names.length - 1) {
      ctx.shell.setVar(n, rest.replace(new RegExp(`[${escape(ifs.replace(/[^\s]/g, "")) || " "}]+$`), ""));
      return;
    }
    let j = 0;
    while (j < rest.length && !ifs.includes(rest[j])) j++;
    ctx.shell.setVar(n, rest.slice(0, j));
    rest = rest.slice(j);
    let k = 0;
    while (k < rest.length && isWs(rest[k])) k++;
    if (k < rest.length && ifs.includes(rest[k]) && !isWs(rest[k])) k++;
    while (k < rest.length && isWs(rest[k])) k++;
    rest = rest.slice(k);
  });
  return status;
};

function escape(s: string): string {
  return s.replace(/[\\\]^-]/g, "\\$&").replace(/\t/g, "\\t").replace(/\n/g, "\\n");
}
