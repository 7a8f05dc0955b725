// Index: JSON exactly as kubectl prints it (Go's encoding/json). `toGoJson(value, opts)`:
// `indent: 4` is MarshalIndent(obj, "", "    ") (`-o json`), no indent is json.Marshal (watch events,
// `--output-watch-events`); `sortKeys` (default true) orders keys as Go orders a map's keys, which is
// what an object read from the server is (unstructured); pass `sortKeys: false` for a typed object built
// client-side (generators, `--dry-run=client`), whose struct field order is the caller's key order.
// `<`, `>`, `&`, U+2028 and U+2029 are escaped as \u003c... like Go does. `JsonPrinter` is `-o json`.
import type { OutputSink } from "../../shell/types";
import { compareGoStrings } from "../../machinery/labels";
import { omitManagedFields } from "./yaml";

export interface GoJsonOptions {
  /** Spaces per level (0: compact). */
  indent?: number;
  /** Sort object keys (a Go map); false keeps the given order (a Go struct). Default true. */
  sortKeys?: boolean;
}

export function toGoJson(value: unknown, opts: GoJsonOptions = {}): string {
  const indent = opts.indent ?? 0;
  const sortKeys = opts.sortKeys ?? true;
  const enc = (v: unknown, depth: number): string | undefined => {
    if (v === undefined || typeof v === "function") return undefined;
    if (v === null) return "null";
    if (typeof v === "string") return quoteGoJson(v);
    if (typeof v === "number") return Number.isFinite(v) ? JSON.stringify(v) : "null";
    if (typeof v === "boolean") return v ? "true" : "false";
    if (typeof v === "bigint") return v.toString();
    const pad = indent ? "\n" + " ".repeat(indent * (depth + 1)) : "";
    const end = indent ? "\n" + " ".repeat(indent * depth) : "";
    if (Array.isArray(v)) {
      if (v.length === 0) return "[]";
      return `[${v.map((x) => pad + (enc(x, depth + 1) ?? "null")).join(",")}${end}]`;
    }
    if (typeof (v as { toJSON?: unknown }).toJSON === "function") return enc((v as { toJSON(): unknown }).toJSON(), depth);
    const keys = Object.keys(v as object).filter((k) => (v as Record<string, unknown>)[k] !== undefined);
    if (sortKeys) keys.sort(compareGoStrings);
    if (keys.length === 0) return "{}";
    const sep = indent ? ": " : ":";
    return `{${keys.map((k) => `${pad}${quoteGoJson(k)}${sep}${enc((v as Record<string, unknown>)[k], depth + 1)}`).join(",")}${end}}`;
  };
  return enc(value, 0) ?? "null";
}

/** encoding/json's string encoding with HTML escaping (Go 1.22+: \b and \f by name). */
export function quoteGoJson(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += ch + s[i + 1];
        i++;
      } else out += "\ufffd";
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) {
      out += "\ufffd";
      continue;
    }
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case "\\":
        out += "\\\\";
        continue;
      case "\n":
        out += "\\n";
        continue;
      case "\r":
        out += "\\r";
        continue;
      case "\t":
        out += "\\t";
        continue;
      case "\b":
        out += "\\b";
        continue;
      case "\f":
        out += "\\f";
        continue;
    }
    if (c < 0x20 || ch === "<" || ch === ">" || ch === "&" || c === 0x2028 || c === 0x2029) out += `\\u${c.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return out + '"';
}

/** `-o json`: MarshalIndent with four spaces and a newline; watch events compact on one line. */
export class JsonPrinter {
  constructor(private readonly opts: { showManagedFields?: boolean; sortKeys?: boolean } = {}) {}
  print(obj: unknown, out: OutputSink): void {
    const shown = this.opts.showManagedFields ? obj : omitManagedFields(obj);
    out.write(toGoJson(shown, { indent: 4, sortKeys: this.opts.sortKeys }) + "\n");
  }
  /**
   * A metav1.WatchEvent (`--output-watch-events`): json.Marshal, one line. managedFields stay: kubectl's
   * OmitManagedFieldsPrinter cannot see inside a WatchEvent.
   */
  printEvent(type: string, obj: unknown, out: OutputSink): void {
    out.write(`{"type":${quoteGoJson(type)},"object":${toGoJson(obj, { sortKeys: this.opts.sortKeys })}}\n`);
  }
}
