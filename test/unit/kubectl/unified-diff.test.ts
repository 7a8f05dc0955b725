// The unified diff kubectl diff prints: every expectation below is GNU diffutils 3.8's output of
// `diff -u --label LIVE --label MERGED a b` for the same two files, pasted verbatim.
import { describe, expect, it } from "vitest";
import { diffTimestamp, unifiedDiff } from "../../../src/engine/kubectl/unified-diff";

const diff = (a: string, b: string) => unifiedDiff(a, b, { fromLabel: "LIVE", toLabel: "MERGED" });
const lines = (n: number, f: (i: number) => string | undefined) =>
  Array.from({ length: n }, (_, i) => f(i + 1))
    .filter((l) => l !== undefined)
    .map((l) => `${l}\n`)
    .join("");

describe("unifiedDiff (GNU diff -u)", () => {
  it("prints nothing for identical texts", () => {
    expect(diff("a\nb\n", "a\nb\n")).toBe("");
    expect(diff("", "")).toBe("");
  });

  it("shows a changed line with three lines of context", () => {
    const a = lines(10, (i) => `line ${i}`);
    const b = lines(10, (i) => (i === 5 ? "LINE 5" : `line ${i}`));
    expect(diff(a, b)).toBe(`--- LIVE
+++ MERGED
@@ -2,7 +2,7 @@
 line 2
 line 3
 line 4
-line 5
+LINE 5
 line 6
 line 7
 line 8
`);
  });

  it("numbers ranges of no lines by the line before them, and one line without a count", () => {
    expect(diff("", "a\nb\nc\n")).toBe("--- LIVE\n+++ MERGED\n@@ -0,0 +1,3 @@\n+a\n+b\n+c\n");
    expect(diff("a\nb\nc\n", "")).toBe("--- LIVE\n+++ MERGED\n@@ -1,3 +0,0 @@\n-a\n-b\n-c\n");
    expect(diff("a\n", "b\n")).toBe("--- LIVE\n+++ MERGED\n@@ -1 +1 @@\n-a\n+b\n");
  });

  it("joins changes up to six unchanged lines apart into one hunk", () => {
    const a = lines(20, (i) => `${i}`);
    expect(diff(a, lines(20, (i) => (i === 4 || i === 11 ? "x" : `${i}`)))).toBe(`--- LIVE
+++ MERGED
@@ -1,14 +1,14 @@
 1
 2
 3
-4
+x
 5
 6
 7
 8
 9
 10
-11
+x
 12
 13
 14
`);
    expect(diff(a, lines(20, (i) => (i === 4 || i === 12 ? "x" : `${i}`)))).toBe(`--- LIVE
+++ MERGED
@@ -1,7 +1,7 @@
 1
 2
 3
-4
+x
 5
 6
 7
@@ -9,7 +9,7 @@
 9
 10
 11
-12
+x
 13
 14
 15
`);
  });

  it("marks a last line without its newline", () => {
    expect(diff("a\nb\nc\n", "a\nb\nc")).toBe(`--- LIVE
+++ MERGED
@@ -1,3 +1,3 @@
 a
 b
-c
+c
\\ No newline at end of file
`);
    expect(diff("a\nb\nc", "a\nb\nd")).toBe(`--- LIVE
+++ MERGED
@@ -1,3 +1,3 @@
 a
 b
-c
\\ No newline at end of file
+d
\\ No newline at end of file
`);
  });

  it("places an insertion of repeated lines where GNU diff does", () => {
    expect(diff("a\nb\nc\nd\n", "a\nb\nc\nb\nc\nd\n")).toBe("--- LIVE\n+++ MERGED\n@@ -1,4 +1,6 @@\n a\n b\n c\n+b\n+c\n d\n");
    const live = "spec:\n  containers:\n  - name: a\n    image: x\n  - name: b\n    image: y\nstatus: {}\n";
    const merged = "spec:\n  containers:\n  - name: a\n    image: x\n  - name: c\n    image: z\n  - name: b\n    image: y\nstatus: {}\n";
    expect(diff(live, merged)).toBe(`--- LIVE
+++ MERGED
@@ -2,6 +2,8 @@
   containers:
   - name: a
     image: x
+  - name: c
+    image: z
   - name: b
     image: y
 status: {}
`);
  });

  it("chooses the same lines as GNU diff among many identical ones", () => {
    // 64 lines, three in four alike: GNU diff sets most of those aside before searching.
    const a = lines(64, (i) => ((i - 1) % 4 ? "  - {}" : `k${i - 1}`));
    const b = lines(64, (i) => (i === 21 || i === 22 || i === 41 ? undefined : (i - 1) % 4 ? "  - {}" : i === 33 ? "k32\nnew" : `k${i - 1}`));
    expect(diff(a, b)).toBe(`--- LIVE
+++ MERGED
@@ -18,8 +18,6 @@
   - {}
   - {}
   - {}
-k20
-  - {}
   - {}
   - {}
 k24
@@ -31,6 +29,7 @@
   - {}
   - {}
 k32
+new
   - {}
   - {}
   - {}
@@ -38,7 +37,6 @@
   - {}
   - {}
   - {}
-k40
   - {}
   - {}
   - {}
`);
  });

  it("writes diff's header timestamps with nanoseconds", () => {
    expect(diffTimestamp(Date.UTC(2026, 10, 22, 12, 0, 0, 123))).toBe("2026-11-22 12:00:00.123000000 +0000");
  });
});
