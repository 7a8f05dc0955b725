// kubectl's PrefixWriter over a tabwriter (describe.go's tabbedString): every line is written at an
// indentation level of two spaces per level, terminal control characters escaped, and the result
// aligned by the tabwriter once the describer is done.
import { TabWriter } from "./tabwriter";

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

export interface PrefixWriter {
  /** Writes `text` (already formatted) after `level` indentations. */
  write(level: number, text: string): void;
  /** fmt.Sprintln of the argument: the text and a newline, no indentation. */
  writeLine(text?: string): void;
  /** Ends the tabwriter's current alignment blocks. */
  flush(): void;
}

/** cli-runtime's printers.EscapeTerminal: ESC as ^[ and CR as \r, so output cannot drive the terminal. */
export function escapeTerminal(s: string): string {
  return s.replace(/\x1b/g, "^[").replace(/\r/g, "\\r");
}

class TabbedPrefixWriter implements PrefixWriter {
  constructor(private readonly out: TabWriter) {}
  write(level: number, text: string): void {
    this.out.write(escapeTerminal("  ".repeat(level) + text));
  }
  writeLine(text = ""): void {
    this.out.write(escapeTerminal(text + "\n"));
  }
  flush(): void {
    this.out.flush();
  }
}

/** NewNestedPrefixWriter: adds `indent` levels; its WriteLine is indented too (kubectl's quirk). */
export function nestedPrefixWriter(w: PrefixWriter, indent: number): PrefixWriter {
  return {
    write: (level, text) => w.write(level + indent, text),
    writeLine: (text = "") => w.write(indent, text + "\n"),
    flush: () => w.flush(),
  };
}

/** tabbedString: runs a describer body against a fresh writer and returns the aligned text. */
export function tabbedString(body: (w: PrefixWriter) => void): string {
  const tw = new TabWriter();
  body(new TabbedPrefixWriter(tw));
  return tw.toString();
}
