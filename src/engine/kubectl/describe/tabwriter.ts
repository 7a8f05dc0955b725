// Go's text/tabwriter as kubectl's describers configure it (tabbedString: minwidth 0, tabwidth 8,
// padding 2, padchar ' ', no flags): tab-terminated cells, aligned over each block of consecutive
// lines that have a cell in that column; the text after a line's last tab belongs to no column.
// A line without any tab (one cell) ends every block, as does an explicit flush.

interface Cell {
  text: string;
  /** Width in runes (Go counts UTF-8 runes). */
  width: number;
}

const PADDING = 2;

export class TabWriter {
  private out = "";
  private lines: Cell[][] = [[]];
  private cell = "";
  private widths: number[] = [];

  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== "\t" && ch !== "\n" && ch !== "\v" && ch !== "\f") continue;
      this.cell += text.slice(start, i);
      start = i + 1;
      const line = this.lines[this.lines.length - 1];
      line.push({ text: this.cell, width: runeCount(this.cell) });
      this.cell = "";
      if (ch === "\n" || ch === "\f") {
        this.lines.push([]);
        if (ch === "\f" || line.length === 1) this.flush();
      }
    }
    this.cell += text.slice(start);
  }

  /** Formats everything buffered (a partial last cell included) and starts over. */
  flush(): void {
    if (this.cell.length > 0) {
      this.lines[this.lines.length - 1].push({ text: this.cell, width: runeCount(this.cell) });
      this.cell = "";
    }
    this.format(0, this.lines.length);
    this.lines = [[]];
  }

  /** Everything written so far, formatted. */
  toString(): string {
    this.flush();
    return this.out;
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let i = line0; i < line1; i++) {
      if (column >= this.lines[i].length - 1) continue;
      // A cell in this column starts a block: print the lines before it, then find the block's width.
      this.writeLines(line0, i);
      line0 = i;
      let width = 0;
      for (; i < line1; i++) {
        const line = this.lines[i];
        if (column >= line.length - 1) break;
        width = Math.max(width, line[column].width + PADDING);
      }
      this.widths.push(width);
      this.format(line0, i);
      this.widths.pop();
      line0 = i;
      // Go's loop then steps past line i: it has no cell in this column, so it starts no block.
    }
    this.writeLines(line0, line1);
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i];
      line.forEach((c, j) => {
        this.out += c.text;
        if (j < this.widths.length) this.out += " ".repeat(Math.max(0, this.widths[j] - c.width));
      });
      // The last buffered line is the unterminated one: it has no newline.
      if (i + 1 < this.lines.length) this.out += "\n";
    }
  }
}

function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
