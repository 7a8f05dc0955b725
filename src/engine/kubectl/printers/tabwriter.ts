// Index: github.com/liggitt/tabwriter as kubectl's table printers use it (printers.GetNewTabWriter:
// minwidth 6, tabwidth 4, padding 3, padchar ' ', RememberWidths). `newTableTabWriter(sink)` is what
// `get`, custom-columns and `api-resources` write through.
//
// Go's text/tabwriter: text is cut into tab-terminated cells; a column's width is the widest cell of
// each block of consecutive lines that have a cell in that column (plus padding, at least minwidth).
// The text after a line's last tab belongs to no column. A line without any tab flushes. liggitt's
// fork adds RememberWidths: a column never gets narrower than it was in an earlier flush, so rows
// streamed by `get -w` stay aligned with the header printed first.
import type { OutputSink } from "../../shell/types";

interface Cell {
  size: number;
  /** Width in runes (Go counts UTF-8 runes). */
  width: number;
  htab: boolean;
}

export interface TabWriterOptions {
  minWidth: number;
  padding: number;
  rememberWidths: boolean;
}

export class TabWriter {
  private buf = "";
  private cell: Cell = { size: 0, width: 0, htab: false };
  private lines: Cell[][] = [[]];
  private widths: number[] = [];
  private maxWidths: number[] = [];

  constructor(
    private readonly out: OutputSink,
    private readonly opts: TabWriterOptions,
  ) {}

  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== "\t" && ch !== "\v" && ch !== "\n" && ch !== "\f") continue;
      this.append(text.slice(start, i));
      start = i + 1;
      const ncells = this.terminateCell(ch === "\t");
      if (ch === "\n" || ch === "\f") {
        this.lines.push([]);
        if (ch === "\f" || ncells === 1) this.flush();
      }
    }
    this.append(text.slice(start));
  }

  /** Formats and writes everything buffered (a partial last cell included). */
  flush(): void {
    if (this.cell.size > 0) this.terminateCell(false);
    let out = "";
    this.format(0, 0, this.lines.length, (s) => (out += s));
    if (out) this.out.write(out);
    this.buf = "";
    this.cell = { size: 0, width: 0, htab: false };
    this.lines = [[]];
    this.widths = [];
  }

  /** liggitt's SetRememberedWidths(nil): forget widths (get does this between resource types). */
  resetRememberedWidths(): void {
    this.maxWidths = [];
  }

  private append(s: string): void {
    if (!s) return;
    this.buf += s;
    this.cell.size += s.length;
    this.cell.width += runeCount(s);
  }

  private terminateCell(htab: boolean): number {
    this.cell.htab = htab;
    const line = this.lines[this.lines.length - 1];
    line.push(this.cell);
    this.cell = { size: 0, width: 0, htab: false };
    return line.length;
  }

  private format(pos: number, line0: number, line1: number, emit: (s: string) => void): number {
    const column = this.widths.length;
    for (let i = line0; i < line1; i++) {
      if (column >= this.lines[i].length - 1) continue;
      pos = this.writeLines(pos, line0, i, emit);
      line0 = i;
      let width = this.opts.minWidth;
      for (; i < line1; i++) {
        const line = this.lines[i];
        if (column >= line.length - 1) break;
        width = Math.max(width, line[column].width + this.opts.padding);
      }
      if (this.opts.rememberWidths) {
        const col = this.widths.length;
        if (this.maxWidths.length < col) this.maxWidths.push(...this.widths.slice(this.maxWidths.length));
        if (this.maxWidths.length === col) this.maxWidths.push(width);
        else if (this.maxWidths[col] > width) width = this.maxWidths[col];
        else if (this.maxWidths[col] < width) this.maxWidths[col] = width;
      }
      this.widths.push(width);
      pos = this.format(pos, line0, i, emit);
      this.widths.pop();
      line0 = i;
    }
    return this.writeLines(pos, line0, line1, emit);
  }

  private writeLines(pos: number, line0: number, line1: number, emit: (s: string) => void): number {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i];
      line.forEach((c, j) => {
        if (c.size > 0) {
          emit(this.buf.slice(pos, pos + c.size));
          pos += c.size;
        }
        if (j < this.widths.length) emit(" ".repeat(Math.max(0, this.widths[j] - c.width)));
      });
      if (i + 1 === this.lines.length) {
        emit(this.buf.slice(pos, pos + this.cell.size));
        pos += this.cell.size;
      } else emit("\n");
    }
    return pos;
  }
}

/** printers.GetNewTabWriter: what kubectl's table, custom-columns and api-resources output use. */
export function newTableTabWriter(out: OutputSink): TabWriter {
  return new TabWriter(out, { minWidth: 6, padding: 3, rememberWidths: true });
}

export function runeCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) i++;
    n++;
  }
  return n;
}
