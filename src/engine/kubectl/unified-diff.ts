// GNU `diff -u` of two texts, as `kubectl diff` shows them (it runs `diff -u -N LIVE MERGED`). The
// same edit script GNU diffutils finds, so hunks match it line for line: the identical ends are set
// aside first (keeping a horizon of context lines), lines that match nothing in the other file are
// discarded as GNU's discard_confusing_lines does, Myers' O(ND) search with GNU's midpoint split and
// TOO_EXPENSIVE cut-off (gnulib diffseq.h) runs on the rest, and shift_boundaries slides changes
// into the positions GNU prints. Hunks have 3 lines of context and GNU's `@@ -a,b +c,d @@` headers.
const NEWLINE = 10;
const OFFSET_MAX = 0x7fffffff;
const SNAKE_LIMIT = 20;
const encoder = new TextEncoder();

export interface UnifiedDiffOptions {
  /** The `--- ` line's text: the file name, a tab and its timestamp. */
  fromLabel: string;
  /** The `+++ ` line's text. */
  toLabel: string;
  /** Lines of context around each change (diff -u: 3). */
  context?: number;
}

/** One change of the edit script: `deleted` lines at line0 of file 0 became `inserted` at line1 of file 1. */
interface Change {
  line0: number;
  line1: number;
  deleted: number;
  inserted: number;
}

/** A file as diff reads it: its lines (without newlines) and whether the last one lacks its newline. */
interface TextFile {
  bytes: Uint8Array;
  lines: string[];
  /** Byte offset of each line's start. */
  starts: number[];
  missingNewline: boolean;
}

/**
 * `diff -u` of `a` and `b`: the `---`/`+++` header lines and the hunks, or "" when the texts are
 * identical (diff prints nothing and exits 0).
 */
export function unifiedDiff(a: string, b: string, o: UnifiedDiffOptions): string {
  if (a === b) return "";
  const context = o.context ?? 3;
  const files = [readText(a), readText(b)] as const;
  const script = editScript(files[0], files[1], context);
  if (!script.length) return "";
  let out = `--- ${o.fromLabel}\n+++ ${o.toLabel}\n`;
  for (const hunk of hunks(script, context)) out += printHunk(hunk, files[0], files[1], context);
  return out;
}

/** diff's header timestamp (`%Y-%m-%d %H:%M:%S.%N %z`) of a time in ms, in UTC as the sandbox keeps it. */
export function diffTimestamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  const nanos = p(d.getUTCMilliseconds(), 3) + "000000";
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${nanos} +0000`;
}

function readText(text: string): TextFile {
  const missingNewline = text !== "" && !text.endsWith("\n");
  // prepare_text: a missing final newline is supplied (and remembered).
  const bytes = encoder.encode(missingNewline ? text + "\n" : text);
  const lines = text === "" ? [] : (missingNewline ? text : text.slice(0, -1)).split("\n");
  const starts: number[] = [];
  for (let i = 0, start = 0; i < bytes.length; i++) {
    if (i === start) starts.push(start);
    if (bytes[i] === NEWLINE) start = i + 1;
  }
  return { bytes, lines, starts, missingNewline };
}

/** The number of lines that start before byte offset `at` (a line boundary). */
function lineIndex(f: TextFile, at: number): number {
  let lo = 0;
  let hi = f.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (f.starts[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * io.c's find_identical_ends: the byte ranges both files share at the start and the end, less
 * `horizon` lines on each side that stay in the compared middle (so shifted changes keep context).
 * Returns the middle's first line and the first line of each file's identical suffix.
 */
function identicalEnds(f0: TextFile, f1: TextFile, horizon: number): { prefixLines: number; suffix0: number; suffix1: number } {
  const b0 = f0.bytes;
  const b1 = f1.bytes;
  const n0 = b0.length;
  const n1 = b1.length;
  let p = 0;
  while (p < n0 && p < n1 && b0[p] === b1[p]) p++;
  // Don't count a supplied newline as part of the prefix of one file only.
  if (n0 - Number(f0.missingNewline) < p !== n1 - Number(f1.missingNewline) < p) p--;
  let hor = horizon;
  while (p !== 0 && (b0[p - 1] !== NEWLINE || hor-- !== 0)) p--;
  const prefixEnd = p;

  let p0 = n0;
  let p1 = n1;
  if (f0.missingNewline === f1.missingNewline) {
    const end0 = p0;
    let beg0 = prefixEnd + (n0 < n1 ? 0 : n0 - n1);
    while (p0 !== beg0) {
      if (b0[--p0] !== b1[--p1]) {
        ++p0;
        ++p1;
        beg0 = p0;
        break;
      }
    }
    const atLineBeginning = (p0 === 0 || b0[p0 - 1] === NEWLINE) && (p1 === 0 || b1[p1 - 1] === NEWLINE);
    let i = horizon + (atLineBeginning ? 0 : 1);
    while (i-- !== 0 && p0 !== end0) while (b0[p0++] !== NEWLINE);
    p1 += p0 - beg0;
  }
  return { prefixLines: lineIndex(f0, prefixEnd), suffix0: lineIndex(f0, p0), suffix1: lineIndex(f1, p1) };
}

/** analyze.c's diff_2_files up to build_script: the changes, in whole-file line numbers. */
function editScript(f0: TextFile, f1: TextFile, horizon: number): Change[] {
  const { prefixLines, suffix0, suffix1 } = identicalEnds(f0, f1, horizon);
  // Equivalence classes of the middle lines (from 1; an incomplete last line only equals the
  // other file's incomplete last line).
  const classes = new Map<string, number>();
  const equivsOf = (f: TextFile, end: number): Int32Array => {
    const out = new Int32Array(end - prefixLines);
    for (let i = prefixLines; i < end; i++) {
      const incomplete = f.missingNewline && i === f.lines.length - 1;
      const key = (incomplete ? "\u0000" : "\n") + f.lines[i];
      let c = classes.get(key);
      if (c === undefined) classes.set(key, (c = classes.size + 1));
      out[i - prefixLines] = c;
    }
    return out;
  };
  const equivs = [equivsOf(f0, suffix0), equivsOf(f1, suffix1)] as const;
  // changed[f][i + 1] for line i of the middle; one false sentinel at each end.
  const changed = [new Uint8Array(equivs[0].length + 2), new Uint8Array(equivs[1].length + 2)] as const;
  const kept = discardConfusingLines(equivs, changed, classes.size + 1);
  compare(kept, changed);
  shiftBoundaries(equivs, changed);
  return buildScript(changed, equivs[0].length, equivs[1].length).map((c) => ({ ...c, line0: c.line0 + prefixLines, line1: c.line1 + prefixLines }));
}

interface Kept {
  /** Equivalence classes of the lines not discarded. */
  undiscarded: Int32Array;
  /** Middle line number of each of them. */
  realIndexes: Int32Array;
}

function floorLog2(n: number): number {
  return n <= 1 ? 0 : 31 - Math.clz32(n);
}

/**
 * Lines that match no line of the other file are changes whatever happens: mark them and leave them
 * out of the search. Lines matching very many lines are left out too when they sit among such lines.
 */
function discardConfusingLines(equivs: readonly [Int32Array, Int32Array], changed: readonly [Uint8Array, Uint8Array], classCount: number): [Kept, Kept] {
  const counts = [new Int32Array(classCount), new Int32Array(classCount)];
  for (let f = 0; f < 2; f++) for (const e of equivs[f]) counts[f][e]++;
  const discarded = [new Uint8Array(equivs[0].length), new Uint8Array(equivs[1].length)];
  for (let f = 0; f < 2; f++) {
    const end = equivs[f].length;
    const discards = discarded[f];
    const other = counts[1 - f];
    const many = 5 << (end < 64 ? 0 : (floorLog2(end) >> 1) - 3);
    for (let i = 0; i < end; i++) {
      const nmatch = other[equivs[f][i]];
      if (nmatch === 0) discards[i] = 1;
      else if (nmatch > many) discards[i] = 2;
    }
  }
  for (let f = 0; f < 2; f++) {
    const end = equivs[f].length;
    const discards = discarded[f];
    for (let i = 0; i < end; i++) {
      // Provisional discards stand only inside a run of discards that starts and ends with a sure one.
      if (discards[i] === 2) discards[i] = 0;
      else if (discards[i] !== 0) {
        let provisional = 0;
        let j: number;
        for (j = i; j < end; j++) {
          if (discards[j] === 0) break;
          if (discards[j] === 2) ++provisional;
        }
        while (j > i && discards[j - 1] === 2) {
          discards[--j] = 0;
          --provisional;
        }
        const length = j - i;
        if (length >> 2 < provisional) {
          while (j > i) if (discards[--j] === 2) discards[j] = 0;
        } else {
          const minimum = length < 4 ? 2 : (1 << ((floorLog2(length) >> 1) - 1)) + 1;
          let consec = 0;
          for (j = 0; j < length; j++) {
            if (discards[i + j] !== 2) consec = 0;
            else if (minimum === ++consec) j -= consec;
            else if (minimum < consec) discards[i + j] = 0;
          }
          for (j = 0, consec = 0; j < length; j++) {
            if (j >= 8 && discards[i + j] === 1) break;
            if (discards[i + j] === 2) {
              consec = 0;
              discards[i + j] = 0;
            } else if (discards[i + j] === 0) consec = 0;
            else consec++;
            if (consec === 3) break;
          }
          i += length - 1;
          for (j = 0, consec = 0; j < length; j++) {
            if (j >= 8 && discards[i - j] === 1) break;
            if (discards[i - j] === 2) {
              consec = 0;
              discards[i - j] = 0;
            } else if (discards[i - j] === 0) consec = 0;
            else consec++;
            if (consec === 3) break;
          }
        }
      }
    }
  }
  const kept: Kept[] = [];
  for (let f = 0; f < 2; f++) {
    const end = equivs[f].length;
    const undiscarded = new Int32Array(end);
    const realIndexes = new Int32Array(end);
    let j = 0;
    for (let i = 0; i < end; i++) {
      if (discarded[f][i] === 0) {
        undiscarded[j] = equivs[f][i];
        realIndexes[j++] = i;
      } else changed[f][i + 1] = 1;
    }
    kept.push({ undiscarded: undiscarded.subarray(0, j), realIndexes: realIndexes.subarray(0, j) });
  }
  return kept as [Kept, Kept];
}

/** gnulib diffseq.h's compareseq over the kept lines, marking deletions and insertions. */
function compare(kept: [Kept, Kept], changed: readonly [Uint8Array, Uint8Array]): void {
  const xv = kept[0].undiscarded;
  const yv = kept[1].undiscarded;
  const diags = xv.length + yv.length + 3;
  const fd = new Int32Array(diags);
  const bd = new Int32Array(diags);
  const off = yv.length + 1;
  const tooExpensive = Math.max(4096, 1 << ((floorLog2(diags) >> 1) + 1));
  const noteDelete = (x: number) => (changed[0][kept[0].realIndexes[x] + 1] = 1);
  const noteInsert = (y: number) => (changed[1][kept[1].realIndexes[y] + 1] = 1);

  /** diag(): the midpoint of a shortest edit script of [xoff, xlim) x [yoff, ylim). */
  const diag = (xoff: number, xlim: number, yoff: number, ylim: number, findMinimal: boolean) => {
    const dmin = xoff - ylim;
    const dmax = xlim - yoff;
    const fmid = xoff - yoff;
    const bmid = xlim - ylim;
    let fmin = fmid;
    let fmax = fmid;
    let bmin = bmid;
    let bmax = bmid;
    const odd = ((fmid - bmid) & 1) !== 0;
    fd[off + fmid] = xoff;
    bd[off + bmid] = xlim;
    for (let c = 1; ; ++c) {
      if (fmin > dmin) fd[off + --fmin - 1] = -1;
      else ++fmin;
      if (fmax < dmax) fd[off + ++fmax + 1] = -1;
      else --fmax;
      for (let d = fmax; d >= fmin; d -= 2) {
        const tlo = fd[off + d - 1];
        const thi = fd[off + d + 1];
        const x0 = tlo < thi ? thi : tlo + 1;
        let x = x0;
        let y = x0 - d;
        while (x < xlim && y < ylim && xv[x] === yv[y]) {
          x++;
          y++;
        }
        fd[off + d] = x;
        if (odd && bmin <= d && d <= bmax && bd[off + d] <= x) return { xmid: x, ymid: y, loMinimal: true, hiMinimal: true };
      }
      if (bmin > dmin) bd[off + --bmin - 1] = OFFSET_MAX;
      else ++bmin;
      if (bmax < dmax) bd[off + ++bmax + 1] = OFFSET_MAX;
      else --bmax;
      for (let d = bmax; d >= bmin; d -= 2) {
        const tlo = bd[off + d - 1];
        const thi = bd[off + d + 1];
        const x0 = tlo < thi ? tlo : thi - 1;
        let x = x0;
        let y = x0 - d;
        while (xoff < x && yoff < y && xv[x - 1] === yv[y - 1]) {
          x--;
          y--;
        }
        bd[off + d] = x;
        if (!odd && fmin <= d && d <= fmax && x <= fd[off + d]) return { xmid: x, ymid: y, loMinimal: true, hiMinimal: true };
      }
      if (findMinimal) continue;
      // Gone well beyond the call of duty: report halfway between the best results so far.
      if (c >= tooExpensive) {
        let fxybest = -1;
        let fxbest = 0;
        for (let d = fmax; d >= fmin; d -= 2) {
          let x = Math.min(fd[off + d], xlim);
          let y = x - d;
          if (ylim < y) {
            x = ylim + d;
            y = ylim;
          }
          if (fxybest < x + y) {
            fxybest = x + y;
            fxbest = x;
          }
        }
        let bxybest = OFFSET_MAX;
        let bxbest = 0;
        for (let d = bmax; d >= bmin; d -= 2) {
          let x = Math.max(xoff, bd[off + d]);
          let y = x - d;
          if (y < yoff) {
            x = yoff + d;
            y = yoff;
          }
          if (x + y < bxybest) {
            bxybest = x + y;
            bxbest = x;
          }
        }
        if (xlim + ylim - bxybest < fxybest - (xoff + yoff)) return { xmid: fxbest, ymid: fxybest - fxbest, loMinimal: true, hiMinimal: false };
        return { xmid: bxbest, ymid: bxybest - bxbest, loMinimal: false, hiMinimal: true };
      }
    }
  };

  // compareseq, with the recursion's pending halves on an explicit stack (low half first).
  const stack: [number, number, number, number, boolean][] = [[0, xv.length, 0, yv.length, false]];
  while (stack.length) {
    let [xoff, xlim, yoff, ylim, findMinimal] = stack.pop()!;
    while (xoff < xlim && yoff < ylim && xv[xoff] === yv[yoff]) {
      xoff++;
      yoff++;
    }
    while (xoff < xlim && yoff < ylim && xv[xlim - 1] === yv[ylim - 1]) {
      xlim--;
      ylim--;
    }
    if (xoff === xlim) while (yoff < ylim) noteInsert(yoff++);
    else if (yoff === ylim) while (xoff < xlim) noteDelete(xoff++);
    else {
      const part = diag(xoff, xlim, yoff, ylim, findMinimal);
      stack.push([part.xmid, xlim, part.ymid, ylim, part.hiMinimal]);
      stack.push([xoff, part.xmid, yoff, part.ymid, part.loMinimal]);
    }
  }
}

/**
 * analyze.c's shift_boundaries: a run of changed lines that could equally sit one identical line
 * later (or earlier) moves to merge with neighbouring changes, else as far down as it can, then back
 * to line up with a change in the other file.
 */
function shiftBoundaries(equivs: readonly [Int32Array, Int32Array], flags: readonly [Uint8Array, Uint8Array]): void {
  for (let f = 0; f < 2; f++) {
    // Indexes are middle line numbers; flags are stored one slot on (index -1 is the sentinel).
    const ch = flags[f];
    const other = flags[1 - f];
    const eq = equivs[f];
    const changed = (i: number) => ch[i + 1] !== 0;
    const otherChanged = (j: number) => other[j + 1] !== 0;
    const iEnd = eq.length;
    let i = 0;
    let j = 0;
    for (;;) {
      while (i < iEnd && !changed(i)) {
        while (otherChanged(j++));
        i++;
      }
      if (i === iEnd) break;
      let start = i;
      while (changed(++i));
      while (otherChanged(j)) j++;
      let runlength: number;
      let corresponding: number;
      do {
        runlength = i - start;
        while (start && eq[start - 1] === eq[i - 1]) {
          ch[--start + 1] = 1;
          ch[--i + 1] = 0;
          while (changed(start - 1)) start--;
          while (otherChanged(--j));
        }
        corresponding = otherChanged(j - 1) ? i : iEnd;
        while (i !== iEnd && eq[start] === eq[i]) {
          ch[start++ + 1] = 0;
          ch[i++ + 1] = 1;
          while (changed(i)) i++;
          while (otherChanged(++j)) corresponding = i;
        }
      } while (runlength !== i - start);
      while (corresponding < i) {
        ch[--start + 1] = 1;
        ch[--i + 1] = 0;
        while (otherChanged(--j));
      }
    }
  }
}

/** build_script: runs of changed lines, in order. */
function buildScript(flags: readonly [Uint8Array, Uint8Array], len0: number, len1: number): Change[] {
  const c0 = (i: number) => flags[0][i + 1] !== 0;
  const c1 = (i: number) => flags[1][i + 1] !== 0;
  const out: Change[] = [];
  let i0 = 0;
  let i1 = 0;
  while (i0 < len0 || i1 < len1) {
    if (c0(i0) || c1(i1)) {
      const line0 = i0;
      const line1 = i1;
      while (c0(i0)) ++i0;
      while (c1(i1)) ++i1;
      out.push({ line0, line1, deleted: i0 - line0, inserted: i1 - line1 });
    }
    i0++;
    i1++;
  }
  return out;
}

/** find_hunk: changes closer than 2 * context + 1 unchanged lines share a hunk. */
function hunks(script: Change[], context: number): Change[][] {
  const out: Change[][] = [];
  let current: Change[] = [];
  for (const c of script) {
    const prev = current[current.length - 1];
    if (prev && c.line0 - (prev.line0 + prev.deleted) >= 2 * context + 1) {
      out.push(current);
      current = [];
    }
    current.push(c);
  }
  if (current.length) out.push(current);
  return out;
}

/** pr_unidiff_hunk. */
function printHunk(hunk: Change[], f0: TextFile, f1: TextFile, context: number): string {
  const firstChange = hunk[0];
  const lastChange = hunk[hunk.length - 1];
  const first0 = Math.max(firstChange.line0 - context, 0);
  const first1 = Math.max(firstChange.line1 - context, 0);
  const end0 = lastChange.line0 + lastChange.deleted - 1;
  const end1 = lastChange.line1 + lastChange.inserted - 1;
  const last0 = end0 < f0.lines.length - context ? end0 + context : f0.lines.length - 1;
  const last1 = end1 < f1.lines.length - context ? end1 + context : f1.lines.length - 1;
  let out = `@@ -${range(first0, last0)} +${range(first1, last1)} @@\n`;
  const line = (f: TextFile, i: number, mark: string) => {
    out += mark + f.lines[i] + "\n";
    if (f.missingNewline && i === f.lines.length - 1) out += "\\ No newline at end of file\n";
  };
  let i = first0;
  let j = first1;
  let k = 0;
  while (i <= last0 || j <= last1) {
    const next = hunk[k];
    if (!next || i < next.line0) {
      line(f0, i++, " ");
      j++;
    } else {
      for (let n = 0; n < next.deleted; n++) line(f0, i++, "-");
      for (let n = 0; n < next.inserted; n++) line(f1, j++, "+");
      k++;
    }
  }
  return out;
}

/** print_unidiff_number_range: `a,count`, just `a` for one line, `a-1,0` for none. */
function range(a: number, b: number): string {
  const ta = a + 1;
  const tb = b + 1;
  if (tb <= ta) return tb < ta ? `${tb},0` : `${tb}`;
  return `${ta},${tb - ta + 1}`;
}
