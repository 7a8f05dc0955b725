// Field selectors: a port of k8s.io/apimachinery/pkg/fields/selector.go (v0.32).
// `a=b,c!=d,e==f`; values may escape `\,` `\=` `\\`. Errors carry Go's exact messages (the API server returns
// them as a 400 BadRequest for `?fieldSelector=`). Which field labels a kind supports is the caller's business:
// check requirementsOf(sel) and answer `field label not supported: <field>` for unknown ones.

import { compareGoStrings } from "./labels";

export interface FieldRequirement {
  readonly field: string;
  /** selection.Equals ("=", also for "==") or selection.NotEquals ("!="). */
  readonly operator: "=" | "!=";
  /** The unescaped value. */
  readonly value: string;
}

/** fields.Selector as data: ANDed requirements in Go's order (terms sorted as written); `nothing` matches nothing. */
export interface FieldSelector {
  readonly nothing?: true;
  readonly requirements: readonly FieldRequirement[];
}

export class FieldSelectorParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FieldSelectorParseError";
  }
}

const EVERYTHING: FieldSelector = Object.freeze({ requirements: Object.freeze([]) as readonly FieldRequirement[] });
const NOTHING: FieldSelector = Object.freeze({ nothing: true as const, requirements: Object.freeze([]) as readonly FieldRequirement[] });

/** fields.Everything(). */
export function everythingFieldSelector(): FieldSelector {
  return EVERYTHING;
}

/** fields.Nothing(). */
export function nothingFieldSelector(): FieldSelector {
  return NOTHING;
}

/** fields.EscapeValue: `\` -> `\\`, `,` -> `\,`, `=` -> `\=`. */
export function escapeFieldValue(s: string): string {
  return s.replace(/[\\,=]/g, (c) => "\\" + c);
}

/** fields.UnescapeValue; throws FieldSelectorParseError with Go's messages. */
export function unescapeFieldValue(s: string): string {
  if (!/[\\,=]/.test(s)) return s;
  let out = "";
  let inSlash = false;
  for (const c of s) {
    if (inSlash) {
      if (c === "\\" || c === "," || c === "=") out += c;
      else throw new FieldSelectorParseError(`invalid field selector: invalid escape sequence: \\${c}`);
      inSlash = false;
      continue;
    }
    if (c === "\\") inSlash = true;
    else if (c === "," || c === "=") {
      // Go prints the rune with %v, i.e. its number: 44 for ',' and 61 for '='.
      throw new FieldSelectorParseError(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    } else out += c;
  }
  if (inSlash) throw new FieldSelectorParseError("invalid field selector: invalid escape sequence: \\");
  return out;
}

/** splitTerms: split on unescaped commas, keeping escapes in the terms. */
function splitTerms(sel: string): string[] {
  if (sel.length === 0) return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < sel.length; i++) {
    const c = sel[i];
    if (inSlash) inSlash = false;
    else if (c === "\\") inSlash = true;
    else if (c === ",") {
      terms.push(sel.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(sel.slice(start));
  return terms;
}

const termOperators = ["!=", "==", "="] as const;

/** splitTerm: the first operator occurrence splits; no escaping on the left-hand side. */
function splitTerm(term: string): { lhs: string; op: string; rhs: string } | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of termOperators) {
      if (term.startsWith(op, i)) return { lhs: term.slice(0, i), op, rhs: term.slice(i + op.length) };
    }
  }
  return undefined;
}

/**
 * fields.ParseSelector. "" selects everything. Throws FieldSelectorParseError, e.g.
 * `invalid selector: 'foo'; can't understand 'foo'`, `invalid field selector: unescaped character in value: 61`.
 * Terms whose field and value are both empty (e.g. "=") are dropped, as Go's Transform does.
 */
export function parseFieldSelector(selector: string): FieldSelector {
  const parts = splitTerms(selector).sort(compareGoStrings);
  const reqs: FieldRequirement[] = [];
  for (const part of parts) {
    if (part === "") continue;
    const t = splitTerm(part);
    if (!t) throw new FieldSelectorParseError(`invalid selector: '${selector}'; can't understand '${part}'`);
    const value = unescapeFieldValue(t.rhs);
    reqs.push({ field: t.lhs, operator: t.op === "!=" ? "!=" : "=", value });
  }
  return finish(reqs);
}

function finish(reqs: FieldRequirement[]): FieldSelector {
  const kept = reqs.filter((r) => !(r.field === "" && r.value === ""));
  return kept.length === 0 ? EVERYTHING : { requirements: kept };
}

/** Selector.Requirements(). */
export function requirementsOf(sel: FieldSelector): readonly FieldRequirement[] {
  return sel.requirements;
}

/** Selector.Matches; `get` returns a field's value, undefined = absent (compared as "", like fields.Set.Get). */
export function matchesFields(sel: FieldSelector, get: (field: string) => string | undefined): boolean {
  if (sel.nothing) return false;
  for (const r of sel.requirements) {
    const v = get(r.field) ?? "";
    if (r.operator === "=" ? v !== r.value : v === r.value) return false;
  }
  return true;
}

/** Selector.Empty(). */
export function isEmptyFieldSelector(sel: FieldSelector): boolean {
  return !sel.nothing && sel.requirements.length === 0;
}

/** Selector.String(): `a=b,c!=d` with values escaped; "" for Everything/Nothing. */
export function fieldSelectorToString(sel: FieldSelector): string {
  return sel.requirements.map((r) => `${r.field}${r.operator}${escapeFieldValue(r.value)}`).join(",");
}

/** Selector.RequiresExactMatch: the value an `=` term requires for `field`. */
export function fieldRequiresExactMatch(sel: FieldSelector, field: string): string | undefined {
  for (const r of sel.requirements) if (r.operator === "=" && r.field === field) return r.value;
  return undefined;
}

/**
 * Selector.Transform: rewrite every (field, value); a term transformed to ("", "") is dropped. Errors thrown by
 * `fn` propagate (the API server answers them as BadRequest, e.g. `field label not supported: spec.foo`).
 */
export function transformFieldSelector(
  sel: FieldSelector,
  fn: (field: string, value: string) => readonly [string, string],
): FieldSelector {
  if (sel.nothing) return sel;
  return finish(
    sel.requirements.map((r) => {
      const [field, value] = fn(r.field, r.value);
      return { field, operator: r.operator, value };
    }),
  );
}

/** fields.SelectorFromSet: field=value for each entry (keys sorted for determinism); undefined = Everything. */
export function fieldSelectorFromSet(set: Readonly<Record<string, string>> | undefined | null): FieldSelector {
  if (!set) return EVERYTHING;
  const keys = Object.keys(set).sort(compareGoStrings);
  return { requirements: keys.map((k) => ({ field: k, operator: "=" as const, value: set[k] })) };
}

/** fields.OneTermEqualSelector. */
export function oneTermEqualSelector(field: string, value: string): FieldSelector {
  return { requirements: [{ field, operator: "=", value }] };
}

/** fields.OneTermNotEqualSelector. */
export function oneTermNotEqualSelector(field: string, value: string): FieldSelector {
  return { requirements: [{ field, operator: "!=", value }] };
}

/** fields.AndSelectors. */
export function andFieldSelectors(...sels: FieldSelector[]): FieldSelector {
  if (sels.some((s) => s.nothing)) return NOTHING;
  return { requirements: sels.flatMap((s) => s.requirements) };
}
