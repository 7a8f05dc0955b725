// Label selectors: a port of k8s.io/apimachinery/pkg/labels/selector.go (v0.32) and the selector helpers of
// k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go. Parse errors carry the exact text the API server returns
// for `?labelSelector=` (a 400 BadRequest whose message is the error string).
//
// A selector is plain data (JSON-serialisable): `{ requirements }`, sorted by key, ANDed; or `{ nothing: true,
// requirements: [] }` for metav1's nil selector, which selects nothing.

import { isQualifiedName, isValidLabelValue } from "./names";
import { goQuote } from "./strconv";

/** selection.Operator values, spelled as Go spells them. */
export type LabelSelectorOperator = "in" | "notin" | "=" | "==" | "!=" | "exists" | "!" | "gt" | "lt";

export interface LabelRequirement {
  readonly key: string;
  readonly operator: LabelSelectorOperator;
  /** As given (the parser gives them sorted and de-duplicated); String() sorts them for output. */
  readonly values: readonly string[];
}

/** labels.Selector as data. */
export interface LabelSelectorRequirementSet {
  /** labels.Nothing(): matches no object (metav1 nil LabelSelector). */
  readonly nothing?: true;
  /** ANDed requirements, sorted by key. Empty (and not `nothing`) = labels.Everything(). */
  readonly requirements: readonly LabelRequirement[];
}

/** metav1.LabelSelectorRequirement as it appears in objects. */
export interface LabelSelectorExpression {
  key: string;
  operator: string; // "In" | "NotIn" | "Exists" | "DoesNotExist"
  values?: string[] | null;
}

/** metav1.LabelSelector as it appears in objects. */
export interface LabelSelectorSpec {
  matchLabels?: Record<string, string> | null;
  matchExpressions?: LabelSelectorExpression[] | null;
}

/** Error of label selector parsing/conversion; `message` is exactly Go's error string. */
export class LabelSelectorParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LabelSelectorParseError";
  }
}

const binaryOperators: readonly string[] = ["in", "notin", "=", "==", "!=", "gt", "lt"];
const validRequirementOperators: readonly string[] = [...binaryOperators, "exists", "!"];

// ---------------------------------------------------------------- Go formatting helpers

/** Go's %#v of a []string (nil when `nil` is set). */
function goStringSlice(vals: readonly string[] | null): string {
  if (vals === null) return "[]string(nil)";
  return `[]string{${vals.map(goQuote).join(", ")}}`;
}

/** Go byte-wise string order (UTF-8 byte order == code point order). */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(i)!;
    if (ca !== cb) return ca < cb ? -1 : 1;
    if (ca > 0xffff) i++;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

function sortedUnique(vals: Iterable<string>): string[] {
  return [...new Set(vals)].sort(compareGoStrings);
}

/** utilerrors.NewAggregate(...).Error() after field.ErrorList.ToAggregate() de-duplication. */
function aggregate(msgs: string[]): string | undefined {
  const uniq = [...new Set(msgs)];
  if (uniq.length === 0) return undefined;
  if (uniq.length === 1) return uniq[0];
  return "[" + uniq.join(", ") + "]";
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** strconv.ParseInt(s, 10, 64), undefined on error. */
function parseInt64(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const v = BigInt(s);
  return v < INT64_MIN || v > INT64_MAX ? undefined : v;
}

// ---------------------------------------------------------------- requirements

/** field.Invalid(path, k, msgs) for a label key: `<path>: Invalid value: "k": msg1; msg2`. */
function labelKeyError(key: string, path: string): string | undefined {
  const errs = isQualifiedName(key);
  if (errs.length === 0) return undefined;
  return `${path}: Invalid value: ${goQuote(key)}: ${errs.join("; ")}`;
}

function labelValueError(key: string, value: string, path: string): string | undefined {
  const errs = isValidLabelValue(value);
  if (errs.length === 0) return undefined;
  return `${path}[${key}]: Invalid value: ${goQuote(value)}: ${errs.join("; ")}`;
}

/**
 * labels.NewRequirement: validates and builds a requirement; throws LabelSelectorParseError with the
 * aggregated field errors (paths `key`, `values`, `values[i]`, `values[i][key]`, `operator`).
 * `values === null` models a Go nil slice (only changes how an empty list is printed).
 */
export function newRequirement(key: string, operator: string, values: readonly string[] | null): LabelRequirement {
  const errs: string[] = [];
  const keyErr = labelKeyError(key, "key");
  if (keyErr) errs.push(keyErr);
  const vals = values ?? [];
  switch (operator) {
    case "in":
    case "notin":
      if (vals.length === 0) {
        errs.push(`values: Invalid value: ${goStringSlice(values)}: for 'in', 'notin' operators, values set can't be empty`);
      }
      break;
    case "=":
    case "==":
    case "!=":
      if (vals.length !== 1) {
        errs.push(`values: Invalid value: ${goStringSlice(values)}: exact-match compatibility requires one single value`);
      }
      break;
    case "exists":
    case "!":
      if (vals.length !== 0) {
        errs.push(`values: Invalid value: ${goStringSlice(values)}: values set must be empty for exists and does not exist`);
      }
      break;
    case "gt":
    case "lt":
      if (vals.length !== 1) {
        errs.push(`values: Invalid value: ${goStringSlice(values)}: for 'Gt', 'Lt' operators, exactly one value is required`);
      }
      vals.forEach((v, i) => {
        if (parseInt64(v) === undefined) {
          errs.push(`values[${i}]: Invalid value: ${goQuote(v)}: for 'Gt', 'Lt' operators, the value must be an integer`);
        }
      });
      break;
    default:
      errs.push(
        `operator: Unsupported value: ${goQuote(operator)}: supported values: ${validRequirementOperators.map((o) => goQuote(o)).join(", ")}`,
      );
  }
  vals.forEach((v, i) => {
    const e = labelValueError(key, v, `values[${i}]`);
    if (e) errs.push(e);
  });
  const msg = aggregate(errs);
  if (msg !== undefined) throw new LabelSelectorParseError(msg);
  return { key, operator: operator as LabelSelectorOperator, values: [...vals] };
}

function hasValue(r: LabelRequirement, v: string): boolean {
  return r.values.includes(v);
}

/** Requirement.Matches. */
export function requirementMatches(r: LabelRequirement, labels: Readonly<Record<string, string>> | undefined | null): boolean {
  const has = labels != null && Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = has ? labels![r.key] : "";
  switch (r.operator) {
    case "in":
    case "=":
    case "==":
      return has && hasValue(r, value);
    case "notin":
    case "!=":
      return !has || !hasValue(r, value);
    case "exists":
      return has;
    case "!":
      return !has;
    case "gt":
    case "lt": {
      if (!has) return false;
      const lv = parseInt64(value);
      if (lv === undefined || r.values.length !== 1) return false;
      const rv = parseInt64(r.values[0]);
      if (rv === undefined) return false;
      return r.operator === "gt" ? lv > rv : lv < rv;
    }
    default:
      return false;
  }
}

/** Requirement.String(): `!k`, `k`, `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a)`, `k>1`, `k<1`. */
export function requirementToString(r: LabelRequirement): string {
  let s = r.operator === "!" ? "!" + r.key : r.key;
  switch (r.operator) {
    case "=":
      s += "=";
      break;
    case "==":
      s += "==";
      break;
    case "!=":
      s += "!=";
      break;
    case "in":
      s += " in ";
      break;
    case "notin":
      s += " notin ";
      break;
    case "gt":
      s += ">";
      break;
    case "lt":
      s += "<";
      break;
    case "exists":
    case "!":
      return s;
  }
  const setBased = r.operator === "in" || r.operator === "notin";
  if (setBased) s += "(";
  s += r.values.length === 1 ? r.values[0] : [...r.values].sort(compareGoStrings).join(",");
  if (setBased) s += ")";
  return s;
}

// ---------------------------------------------------------------- selectors

const EVERYTHING: LabelSelectorRequirementSet = Object.freeze({ requirements: Object.freeze([]) as readonly LabelRequirement[] });
const NOTHING: LabelSelectorRequirementSet = Object.freeze({
  nothing: true as const,
  requirements: Object.freeze([]) as readonly LabelRequirement[],
});

/** labels.Everything(). */
export function everythingSelector(): LabelSelectorRequirementSet {
  return EVERYTHING;
}

/** labels.Nothing(). */
export function nothingSelector(): LabelSelectorRequirementSet {
  return NOTHING;
}

function byKey(reqs: LabelRequirement[]): LabelRequirement[] {
  // Go uses sort.Sort (insertion sort for the small lists selectors have, hence stable).
  return reqs.sort((a, b) => compareGoStrings(a.key, b.key));
}

/** Selector.Add: appends and re-sorts by key; Nothing stays Nothing. */
export function addRequirements(sel: LabelSelectorRequirementSet, ...reqs: LabelRequirement[]): LabelSelectorRequirementSet {
  if (sel.nothing) return sel;
  return { requirements: byKey([...sel.requirements, ...reqs]) };
}

/** Selector.Matches. Nothing matches nothing; an empty selector matches everything. */
export function matches(sel: LabelSelectorRequirementSet, labels: Readonly<Record<string, string>> | undefined | null): boolean {
  if (sel.nothing) return false;
  for (const r of sel.requirements) if (!requirementMatches(r, labels)) return false;
  return true;
}

/** Selector.Empty(): true for Everything (Nothing is not empty). */
export function isEmptySelector(sel: LabelSelectorRequirementSet): boolean {
  return !sel.nothing && sel.requirements.length === 0;
}

/** Selector.String(): requirements joined by ","; "" for Everything and Nothing. */
export function selectorToString(sel: LabelSelectorRequirementSet): string {
  if (sel.nothing) return "";
  return sel.requirements.map(requirementToString).join(",");
}

/** Selector.RequiresExactMatch: the single value required for `label` by =, == or a one-value in. */
export function requiresExactMatch(sel: LabelSelectorRequirementSet, label: string): string | undefined {
  if (sel.nothing) return undefined;
  for (const r of sel.requirements) {
    if (r.key !== label) continue;
    if ((r.operator === "=" || r.operator === "==" || r.operator === "in") && r.values.length === 1) return r.values[0];
    return undefined;
  }
  return undefined;
}

/** labels.SelectorFromSet (no validation): k=v for every entry; empty/undefined = Everything. */
export function selectorFromSet(set: Readonly<Record<string, string>> | undefined | null): LabelSelectorRequirementSet {
  if (!set) return EVERYTHING;
  const keys = Object.keys(set);
  if (keys.length === 0) return EVERYTHING;
  return { requirements: byKey(keys.map((k) => ({ key: k, operator: "=" as const, values: [set[k]] }))) };
}

/** labels.ValidatedSelectorFromSet: like selectorFromSet but throws on invalid keys/values. */
export function validatedSelectorFromSet(set: Readonly<Record<string, string>> | undefined | null): LabelSelectorRequirementSet {
  if (!set) return EVERYTHING;
  const keys = Object.keys(set).sort(compareGoStrings);
  if (keys.length === 0) return EVERYTHING;
  return { requirements: byKey(keys.map((k) => newRequirement(k, "=", [set[k]]))) };
}

/** labels.FormatLabels: `a=b,c=d` (sorted by key) or `<none>` (kubectl --show-labels, LABELS column). */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined | null): string {
  if (!labels) return "<none>";
  const keys = Object.keys(labels).sort(compareGoStrings);
  if (keys.length === 0) return "<none>";
  return keys.map((k) => `${k}=${labels[k]}`).join(",");
}

// ---------------------------------------------------------------- metav1.LabelSelector conversions

/**
 * metav1.LabelSelectorAsSelector: null/undefined selects nothing, `{}` selects everything. Throws
 * LabelSelectorParseError (e.g. `"Foo" is not a valid label selector operator`, or NewRequirement's field errors).
 * matchLabels are validated in key order (Go iterates its map randomly).
 */
export function selectorFromLabelSelector(ls: LabelSelectorSpec | undefined | null): LabelSelectorRequirementSet {
  if (ls == null) return NOTHING;
  const matchLabels = ls.matchLabels ?? {};
  const matchExpressions = ls.matchExpressions ?? [];
  const labelKeys = Object.keys(matchLabels).sort(compareGoStrings);
  if (labelKeys.length + matchExpressions.length === 0) return EVERYTHING;
  const reqs: LabelRequirement[] = [];
  for (const k of labelKeys) reqs.push(newRequirement(k, "=", [matchLabels[k]]));
  for (const expr of matchExpressions) {
    let op: LabelSelectorOperator;
    switch (expr.operator) {
      case "In":
        op = "in";
        break;
      case "NotIn":
        op = "notin";
        break;
      case "Exists":
        op = "exists";
        break;
      case "DoesNotExist":
        op = "!";
        break;
      default:
        throw new LabelSelectorParseError(`${goQuote(String(expr.operator ?? ""))} is not a valid label selector operator`);
    }
    const vals = expr.values && expr.values.length > 0 ? [...expr.values] : null;
    reqs.push(newRequirement(expr.key ?? "", op, vals));
  }
  return { requirements: byKey(reqs) };
}

/** metav1.FormatLabelSelector: the kubectl SELECTOR column (`app=web`, `app in (a,b)`, `<none>`, `<error>`). */
export function formatLabelSelector(ls: LabelSelectorSpec | undefined | null): string {
  let sel: LabelSelectorRequirementSet;
  try {
    sel = selectorFromLabelSelector(ls);
  } catch {
    return "<error>";
  }
  const s = selectorToString(sel);
  return s.length === 0 ? "<none>" : s;
}

/**
 * (*metav1.LabelSelector).String() (generated.pb.go): what `%v` and `%+v` of a selector print in
 * controller messages — `nil`, or `&LabelSelector{MatchLabels:map[string]string{k: v,},MatchExpressions:[]LabelSelectorRequirement{...},}`.
 */
export function labelSelectorGoString(ls: LabelSelectorSpec | undefined | null): string {
  if (ls == null) return "nil";
  const matchLabels = ls.matchLabels ?? {};
  const labels = Object.keys(matchLabels)
    .sort(compareGoStrings)
    .map((k) => `${k}: ${matchLabels[k]},`)
    .join("");
  const exprs = (ls.matchExpressions ?? []).map((e) => `LabelSelectorRequirement{Key:${e.key ?? ""},Operator:${e.operator ?? ""},Values:[${(e.values ?? []).join(" ")}],},`).join("");
  return `&LabelSelector{MatchLabels:map[string]string{${labels}},MatchExpressions:[]LabelSelectorRequirement{${exprs}},}`;
}

/** metav1.LabelSelectorAsMap: only matchLabels and single-value In; throws otherwise (Go's messages). */
export function labelSelectorAsMap(ls: LabelSelectorSpec | undefined | null): Record<string, string> | undefined {
  if (ls == null) return undefined;
  const out: Record<string, string> = { ...(ls.matchLabels ?? {}) };
  for (const expr of ls.matchExpressions ?? []) {
    switch (expr.operator) {
      case "In":
        if ((expr.values ?? []).length !== 1) {
          throw new LabelSelectorParseError(
            `operator ${goQuote(expr.operator)} without a single value cannot be converted into the old label selector format`,
          );
        }
        out[expr.key] = expr.values![0];
        break;
      case "NotIn":
      case "Exists":
      case "DoesNotExist":
        throw new LabelSelectorParseError(`operator ${goQuote(expr.operator)} cannot be converted into the old label selector format`);
      default:
        throw new LabelSelectorParseError(`${goQuote(String(expr.operator ?? ""))} is not a valid selector operator`);
    }
  }
  return out;
}

/** metav1.ParseToLabelSelector: selector string -> LabelSelector object (kubectl create/expose --selector). */
export function parseToLabelSelector(selector: string): { matchLabels: Record<string, string>; matchExpressions: LabelSelectorExpression[] } {
  let reqs: LabelRequirement[];
  try {
    reqs = parseRequirements(selector);
  } catch (e) {
    throw new LabelSelectorParseError(`couldn't parse the selector string "${selector}": ${(e as Error).message}`);
  }
  const out = { matchLabels: {} as Record<string, string>, matchExpressions: [] as LabelSelectorExpression[] };
  for (const r of reqs) {
    let op: string;
    switch (r.operator) {
      case "=":
      case "==":
        out.matchLabels[r.key] = r.values[0];
        continue;
      case "in":
        op = "In";
        break;
      case "notin":
        op = "NotIn";
        break;
      case "exists":
        op = "Exists";
        break;
      case "!":
        op = "DoesNotExist";
        break;
      case "gt":
      case "lt":
        throw new LabelSelectorParseError(`${goQuote(r.operator)} isn't supported in label selectors`);
      default:
        throw new LabelSelectorParseError(`${goQuote(r.operator)} is not a valid label selector operator`);
    }
    out.matchExpressions.push({ key: r.key, operator: op, values: sortedUnique(r.values) });
  }
  return out;
}

// ---------------------------------------------------------------- lexer and parser (labels.Parse)

const enum Tok {
  Error = 0,
  EndOfString,
  ClosedPar,
  Comma,
  DoesNotExist,
  DoubleEquals,
  Equals,
  GreaterThan,
  Identifier,
  In,
  LessThan,
  NotEquals,
  NotIn,
  OpenPar,
}

const string2token: ReadonlyMap<string, Tok> = new Map([
  [")", Tok.ClosedPar],
  [",", Tok.Comma],
  ["!", Tok.DoesNotExist],
  ["==", Tok.DoubleEquals],
  ["=", Tok.Equals],
  [">", Tok.GreaterThan],
  ["in", Tok.In],
  ["<", Tok.LessThan],
  ["!=", Tok.NotEquals],
  ["notin", Tok.NotIn],
  ["(", Tok.OpenPar],
]);

interface Scanned {
  tok: Tok;
  lit: string;
}

function isWhitespace(ch: number): boolean {
  return ch === 0x20 || ch === 0x09 || ch === 0x0d || ch === 0x0a;
}

function isSpecialSymbol(ch: number): boolean {
  // = ! ( ) , > <
  return ch === 0x3d || ch === 0x21 || ch === 0x28 || ch === 0x29 || ch === 0x2c || ch === 0x3e || ch === 0x3c;
}

/** labels.Lexer: works on UTF-16 code units; every delimiter is ASCII, so tokens equal Go's byte-wise ones. */
class Lexer {
  private pos = 0;
  constructor(private readonly s: string) {}

  /** 0 at the end of input (without advancing), like Go's read(). */
  private read(): number {
    if (this.pos < this.s.length) return this.s.charCodeAt(this.pos++);
    return 0;
  }

  private unread(): void {
    this.pos--;
  }

  private scanIDOrKeyword(): Scanned {
    let lit = "";
    for (;;) {
      const ch = this.read();
      if (ch === 0) break; // end of input, or a NUL, which Go consumes and drops
      if (isSpecialSymbol(ch) || isWhitespace(ch)) {
        this.unread();
        break;
      }
      lit += this.s[this.pos - 1];
    }
    const t = string2token.get(lit);
    return t !== undefined ? { tok: t, lit } : { tok: Tok.Identifier, lit };
  }

  private scanSpecialSymbol(): Scanned {
    let last: Scanned = { tok: Tok.Error, lit: "" };
    let buffer = "";
    for (;;) {
      const ch = this.read();
      if (ch === 0) break;
      if (isSpecialSymbol(ch)) {
        buffer += String.fromCharCode(ch);
        const t = string2token.get(buffer);
        if (t !== undefined) last = { tok: t, lit: buffer };
        else if (last.tok !== Tok.Error) {
          this.unread();
          break;
        }
      } else {
        this.unread();
        break;
      }
    }
    if (last.tok === Tok.Error) return { tok: Tok.Error, lit: `error expected: keyword found '${buffer}'` };
    return last;
  }

  lex(): Scanned {
    let ch = this.read();
    while (isWhitespace(ch)) ch = this.read();
    if (ch === 0) return { tok: Tok.EndOfString, lit: "" };
    this.unread();
    if (isSpecialSymbol(ch)) return this.scanSpecialSymbol();
    return this.scanIDOrKeyword();
  }
}

const enum Ctx {
  KeyAndOperator,
  Values,
}

class Parser {
  private items: Scanned[] = [];
  private position = 0;

  constructor(private readonly lexer: Lexer) {}

  private lookahead(ctx: Ctx): Scanned {
    const it = this.items[this.position];
    if (ctx === Ctx.Values && (it.tok === Tok.In || it.tok === Tok.NotIn)) return { tok: Tok.Identifier, lit: it.lit };
    return it;
  }

  private consume(ctx: Ctx): Scanned {
    const it = this.lookahead(ctx);
    this.position++;
    return it;
  }

  private scan(): void {
    for (;;) {
      const it = this.lexer.lex();
      this.items.push(it);
      if (it.tok === Tok.EndOfString) break;
    }
  }

  parse(): LabelRequirement[] {
    this.scan();
    const reqs: LabelRequirement[] = [];
    for (;;) {
      const { tok, lit } = this.lookahead(Ctx.Values);
      switch (tok) {
        case Tok.Identifier:
        case Tok.DoesNotExist: {
          let r: LabelRequirement;
          try {
            r = this.parseRequirement();
          } catch (e) {
            throw new LabelSelectorParseError(`unable to parse requirement: ${(e as Error).message}`);
          }
          reqs.push(r);
          const t = this.consume(Ctx.Values);
          switch (t.tok) {
            case Tok.EndOfString:
              return reqs;
            case Tok.Comma: {
              const t2 = this.lookahead(Ctx.Values);
              if (t2.tok !== Tok.Identifier && t2.tok !== Tok.DoesNotExist) {
                throw new LabelSelectorParseError(`found '${t2.lit}', expected: identifier after ','`);
              }
              break;
            }
            default:
              throw new LabelSelectorParseError(`found '${t.lit}', expected: ',' or 'end of string'`);
          }
          break;
        }
        case Tok.EndOfString:
          return reqs;
        default:
          throw new LabelSelectorParseError(`found '${lit}', expected: !, identifier, or 'end of string'`);
      }
    }
  }

  private parseRequirement(): LabelRequirement {
    const { key, operator } = this.parseKeyAndInferOperator();
    if (operator === "exists" || operator === "!") return newRequirement(key, operator, []);
    const op = this.parseOperator();
    let values: string[];
    if (op === "in" || op === "notin") values = this.parseValues();
    else values = this.parseExactValue();
    return newRequirement(key, op, sortedUnique(values));
  }

  private parseKeyAndInferOperator(): { key: string; operator: LabelSelectorOperator | "" } {
    let operator: LabelSelectorOperator | "" = "";
    let { tok, lit } = this.consume(Ctx.Values);
    if (tok === Tok.DoesNotExist) {
      operator = "!";
      ({ tok, lit } = this.consume(Ctx.Values));
    }
    if (tok !== Tok.Identifier) throw new Error(`found '${lit}', expected: identifier`);
    const keyErr = labelKeyError(lit, "<nil>");
    if (keyErr) throw new Error(keyErr);
    const t = this.lookahead(Ctx.Values).tok;
    if ((t === Tok.EndOfString || t === Tok.Comma) && operator !== "!") operator = "exists";
    return { key: lit, operator };
  }

  private parseOperator(): LabelSelectorOperator {
    const { tok, lit } = this.consume(Ctx.KeyAndOperator);
    switch (tok) {
      case Tok.In:
        return "in";
      case Tok.Equals:
        return "=";
      case Tok.DoubleEquals:
        return "==";
      case Tok.GreaterThan:
        return "gt";
      case Tok.LessThan:
        return "lt";
      case Tok.NotIn:
        return "notin";
      case Tok.NotEquals:
        return "!=";
      default:
        throw new Error(`found '${lit}', expected: ${binaryOperators.join(", ")}`);
    }
  }

  private parseValues(): string[] {
    let { tok, lit } = this.consume(Ctx.Values);
    if (tok !== Tok.OpenPar) throw new Error(`found '${lit}' expected: '('`);
    ({ tok, lit } = this.lookahead(Ctx.Values));
    switch (tok) {
      case Tok.Identifier:
      case Tok.Comma: {
        const s = this.parseIdentifiersList();
        if (this.consume(Ctx.Values).tok !== Tok.ClosedPar) throw new Error(`found '${lit}', expected: ')'`);
        return s;
      }
      case Tok.ClosedPar:
        this.consume(Ctx.Values);
        return [""];
      default:
        throw new Error(`found '${lit}', expected: ',', ')' or identifier`);
    }
  }

  private parseIdentifiersList(): string[] {
    const s = new Set<string>();
    for (;;) {
      const { tok, lit } = this.consume(Ctx.Values);
      switch (tok) {
        case Tok.Identifier: {
          s.add(lit);
          const t2 = this.lookahead(Ctx.Values);
          if (t2.tok === Tok.Comma) continue;
          if (t2.tok === Tok.ClosedPar) return [...s];
          throw new Error(`found '${t2.lit}', expected: ',' or ')'`);
        }
        case Tok.Comma: {
          if (s.size === 0) s.add("");
          const t2 = this.lookahead(Ctx.Values).tok;
          if (t2 === Tok.ClosedPar) {
            s.add("");
            return [...s];
          }
          if (t2 === Tok.Comma) {
            this.consume(Ctx.Values);
            s.add("");
          }
          break;
        }
        default:
          throw new Error(`found '${lit}', expected: ',', or identifier`);
      }
    }
  }

  private parseExactValue(): string[] {
    const t = this.lookahead(Ctx.Values).tok;
    if (t === Tok.EndOfString || t === Tok.Comma) return [""];
    const { tok, lit } = this.consume(Ctx.Values);
    if (tok === Tok.Identifier) return [lit];
    throw new Error(`found '${lit}', expected: identifier`);
  }
}

function parseRequirements(selector: string): LabelRequirement[] {
  return byKey(new Parser(new Lexer(selector)).parse());
}

/**
 * labels.Parse: `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`, `a>1`, `a<1`, comma-separated.
 * "" selects everything. Throws LabelSelectorParseError with the API server's message, e.g.
 * `unable to parse requirement: found '', expected: in, notin, =, ==, !=, gt, lt` or
 * `unable to parse requirement: values[0][app]: Invalid value: "-x": a valid label must be ...`.
 */
export function parseLabelSelector(s: string): LabelSelectorRequirementSet {
  const reqs = parseRequirements(s);
  return reqs.length === 0 ? EVERYTHING : { requirements: reqs };
}
