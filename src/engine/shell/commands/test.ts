// test EXPR and [ EXPR ] — the bash builtin: file tests, strings, integers, !, -a, -o, ( ).
import type { CommandContext, CommandFn } from "../types";

class TestError extends Error {}

const UNARY = new Set(["-e", "-f", "-d", "-s", "-r", "-w", "-x", "-z", "-n", "-L", "-h", "-a", "-b", "-c", "-p", "-S", "-t", "-g", "-u", "-k", "-O", "-G", "-N", "-v"]);
const BINARY = new Set(["=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef"]);

function evaluate(ctx: CommandContext, args: string[], name: string): boolean {
  const int = (s: string): number => {
    if (!/^\s*[-+]?\d+\s*$/.test(s)) throw new TestError(`${s}: integer expression expected`);
    return Number(s);
  };
  const unary = (op: string, arg: string): boolean => {
    const st = () => ctx.fs.stat(ctx.fs.resolve(ctx.cwd, arg));
    switch (op) {
      case "-z":
        return arg === "";
      case "-n":
        return arg !== "";
      case "-e":
      case "-a":
      case "-r":
      case "-w":
        return st() !== undefined;
      case "-f":
        return st()?.type === "file";
      case "-d":
        return st()?.type === "dir";
      case "-s":
        return (st()?.size ?? 0) > 0;
      case "-x":
        return st()?.type === "dir";
      case "-v":
        return ctx.shell.getVar(arg) !== undefined;
      default:
        return false;
    }
  };
  const binary = (a: string, op: string, b: string): boolean => {
    switch (op) {
      case "=":
      case "==":
        return a === b;
      case "!=":
        return a !== b;
      case "<":
        return a < b;
      case ">":
        return a > b;
      case "-eq":
        return int(a) === int(b);
      case "-ne":
        return int(a) !== int(b);
      case "-lt":
        return int(a) < int(b);
      case "-le":
        return int(a) <= int(b);
      case "-gt":
        return int(a) > int(b);
      case "-ge":
        return int(a) >= int(b);
      default:
        return false;
    }
  };
  // POSIX rules by argument count, then a small recursive parser for -a/-o/( ).
  const byCount = (a: string[]): boolean | undefined => {
    switch (a.length) {
      case 0:
        return false;
      case 1:
        return a[0] !== "";
      case 2:
        if (a[0] === "!") return a[1] === "";
        if (UNARY.has(a[0])) return unary(a[0], a[1]);
        throw new TestError(`${a[0]}: unary operator expected`);
      case 3:
        if (BINARY.has(a[1])) return binary(a[0], a[1], a[2]);
        if (a[1] === "-a") return a[0] !== "" && a[2] !== "";
        if (a[1] === "-o") return a[0] !== "" || a[2] !== "";
        if (a[0] === "!") return !byCount(a.slice(1))!;
        if (a[0] === "(" && a[2] === ")") return a[1] !== "";
        throw new TestError(`${a[1]}: binary operator expected`);
      case 4:
        if (a[0] === "!") return !byCount(a.slice(1))!;
        if (a[0] === "(" && a[3] === ")") return byCount(a.slice(1, 3));
        return undefined;
      default:
        return undefined;
    }
  };
  const direct = byCount(args);
  if (direct !== undefined) return direct;
  let p = 0;
  const orExpr = (): boolean => {
    let v = andExpr();
    while (args[p] === "-o") {
      p++;
      const r = andExpr();
      v = v || r;
    }
    return v;
  };
  const andExpr = (): boolean => {
    let v = notExpr();
    while (args[p] === "-a") {
      p++;
      const r = notExpr();
      v = v && r;
    }
    return v;
  };
  const notExpr = (): boolean => {
    if (args[p] === "!") {
      p++;
      return !notExpr();
    }
    return primary();
  };
  const primary = (): boolean => {
    const t = args[p];
    if (t === "(") {
      p++;
      const v = orExpr();
      if (args[p] !== ")") throw new TestError("`)' expected");
      p++;
      return v;
    }
    if (UNARY.has(t) && p + 1 < args.length) {
      p += 2;
      return unary(t, args[p - 1]);
    }
    if (p + 2 < args.length + 0 && BINARY.has(args[p + 1])) {
      p += 3;
      return binary(args[p - 3], args[p - 2], args[p - 1]);
    }
    if (t === undefined) throw new TestError("argument expected");
    p++;
    return t !== "";
  };
  const v = orExpr();
  if (p < args.length) throw new TestError("too many arguments");
  void name;
  return v;
}

export const test: CommandFn = async (ctx) => {
  let args = ctx.argv.slice(1);
  const name = ctx.argv[0];
  if (name === "[") {
    if (args[args.length - 1] !== "]") {
      ctx.stderr.write("bash: [: missing `]'\n");
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return evaluate(ctx, args, name) ? 0 : 1;
  } catch (e) {
    if (e instanceof TestError) {
      ctx.stderr.write(`bash: ${name}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
};
