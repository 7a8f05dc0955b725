// $(( ... )): integer arithmetic as bash evaluates it (64-bit wrap-around is not modelled).

export class ArithError extends Error {}

type Lookup = (name: string) => string | undefined;
type Assign = (name: string, value: string) => void;


export function evalArith(src: string, get: Lookup, set: Assign, depth = 0): number {
  const toks: string[] = [];
  const re = /\s*(0[xX][0-9a-fA-F]+|\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*|<<|>>|<=|>=|==|!=|&&|\|\||\+\+|--|\+=|-=|\*=|\/=|%=|[-+*/%()<>!~&|^?:=,])/y;
  let i = 0;
  while (i < src.length) {
    if (/^\s*$/.test(src.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(src);
    if (!m) throw new ArithError(`${src.trim()}: syntax error: invalid arithmetic operator (error token is "${src.slice(i).trim()}")`);
    toks.push(m[1]);
    i = re.lastIndex;
  }
  if (!toks.length) return 0;
  let p = 0;
  const peek = () => toks[p];
  const eat = (t: string) => {
    if (toks[p] !== t) throw new ArithError(`${src.trim()}: syntax error in expression (error token is "${toks.slice(p).join(" ")}")`);
    p++;
  };
  const varValue = (name: string): number => {
    const v = get(name);
    if (v === undefined || v === "") return 0;
    if (/^-?\d+$/.test(v.trim())) return Number(v.trim());
    if (depth > 8) throw new ArithError(`${name}: expression recursion level exceeded`);
    return evalArith(v, get, set, depth + 1);
  };
  const primary = (): number => {
    const t = toks[p++];
    if (t === undefined) throw new ArithError(`${src.trim()}: syntax error: operand expected (error token is "${src.trim()}")`);
    if (t === "(") {
      const v = comma();
      eat(")");
      return v;
    }
    if (t === "-") return -unary();
    if (t === "+") return unary();
    if (t === "!") return unary() ? 0 : 1;
    if (t === "~") return ~unary();
    if (/^0[xX]/.test(t)) return parseInt(t, 16);
    if (/^\d/.test(t)) return /^0\d+$/.test(t) ? parseInt(t, 8) : Number(t);
    if (/^[A-Za-z_]/.test(t)) {
      if (peek() === "++" || peek() === "--") {
        const op = toks[p++];
        const v = varValue(t);
        set(t, String(op === "++" ? v + 1 : v - 1));
        return v;
      }
      const op = peek();
      if (op === "=" || op === "+=" || op === "-=" || op === "*=" || op === "/=" || op === "%=") {
        p++;
        const rhs = assignment();
        const cur = varValue(t);
        const v = op === "=" ? rhs : op === "+=" ? cur + rhs : op === "-=" ? cur - rhs : op === "*=" ? cur * rhs : div(cur, rhs, op === "%=");
        set(t, String(v));
        return v;
      }
      return varValue(t);
    }
    if (t === "++" || t === "--") {
      const n = toks[p++];
      const v = varValue(n) + (t === "++" ? 1 : -1);
      set(n, String(v));
      return v;
    }
    throw new ArithError(`${src.trim()}: syntax error: operand expected (error token is "${toks.slice(p - 1).join(" ")}")`);
  };
  const div = (a: number, b: number, mod: boolean): number => {
    if (b === 0) throw new ArithError(`${src.trim()}: division by 0 (error token is "${toks[p - 1] ?? ""}")`);
    return mod ? a % b : Math.trunc(a / b);
  };
  const unary = (): number => primary();
  const power = (): number => {
    const b = unary();
    if (peek() === "**") {
      p++;
      return b ** power();
    }
    return b;
  };
  const binary = (next: () => number, ops: Record<string, (a: number, b: number) => number>) => (): number => {
    let v = next();
    while (peek() in ops) {
      const op = toks[p++];
      v = ops[op](v, next());
    }
    return v;
  };
  const mul = binary(power, { "*": (a, b) => a * b, "/": (a, b) => div(a, b, false), "%": (a, b) => div(a, b, true) });
  const add = binary(mul, { "+": (a, b) => a + b, "-": (a, b) => a - b });
  const shift = binary(add, { "<<": (a, b) => a << b, ">>": (a, b) => a >> b });
  const rel = binary(shift, { "<": (a, b) => +(a < b), ">": (a, b) => +(a > b), "<=": (a, b) => +(a <= b), ">=": (a, b) => +(a >= b) });
  const eq = binary(rel, { "==": (a, b) => +(a === b), "!=": (a, b) => +(a !== b) });
  const band = binary(eq, { "&": (a, b) => a & b });
  const bxor = binary(band, { "^": (a, b) => a ^ b });
  const bor = binary(bxor, { "|": (a, b) => a | b });
  const land = binary(bor, { "&&": (a, b) => +(a !== 0 && b !== 0) });
  const lor = binary(land, { "||": (a, b) => +(a !== 0 || b !== 0) });
  const ternary = (): number => {
    const c = lor();
    if (peek() === "?") {
      p++;
      const a = assignment();
      eat(":");
      const b = assignment();
      return c ? a : b;
    }
    return c;
  };
  const assignment = (): number => ternary();
  const comma = (): number => {
    let v = assignment();
    while (peek() === ",") {
      p++;
      v = assignment();
    }
    return v;
  };
  const v = comma();
  if (p < toks.length) throw new ArithError(`${src.trim()}: syntax error in expression (error token is "${toks.slice(p).join(" ")}")`);
  return v;
}
