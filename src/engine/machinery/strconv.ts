// Go's strconv for the strings the engine prints the way Go programs do (field errors of label
// selectors, scheduler and kubectl messages): one strconv.Quote for the whole engine.

/** strconv.Quote (Go's %q of a string): Go escapes, printable Unicode (unicode.IsPrint) kept as is. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
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
      case "\t":
        out += "\\t";
        continue;
      case "\r":
        out += "\\r";
        continue;
      case "\x07":
        out += "\\a";
        continue;
      case "\b":
        out += "\\b";
        continue;
      case "\f":
        out += "\\f";
        continue;
      case "\v":
        out += "\\v";
        continue;
    }
    // A lone UTF-16 surrogate: Go's JSON decoder has turned it into U+FFFD, which is printable.
    if (c >= 0xd800 && c <= 0xdfff) out += "\ufffd";
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else if (!isGoPrintable(c)) out += c <= 0xffff ? `\\u${c.toString(16).padStart(4, "0")}` : `\\U${c.toString(16).padStart(8, "0")}`;
    else out += ch;
  }
  return out + '"';
}

/** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
function isGoPrintable(c: number): boolean {
  return PRINTABLE.test(String.fromCodePoint(c));
}
