// The building blocks of `kubectl describe`: Go's text/tabwriter as describe.go configures it, Go's
// unstable sort.Sort (which decides the order of events with equal timestamps), the prefix writer,
// and the generic describer's field labels. Expected values were produced by Go itself (tabwriter
// and sort.Sort run on the same inputs) or printed by kubectl 1.32.
import { describe, expect, it } from "vitest";
import { TabWriter } from "../../../src/engine/kubectl/describe/tabwriter";
import { goSort } from "../../../src/engine/machinery/gosort";
import { nestedPrefixWriter, tabbedString } from "../../../src/engine/kubectl/describe/writer";
import { smartLabelFor } from "../../../src/engine/kubectl/describe/generic";
import { printAnnotationsMultiline, printTolerationsMultiline, since } from "../../../src/engine/kubectl/describe/format";
import { describeProbe } from "../../../src/engine/kubectl/describe/containers";

function tabwriter(parts: string[], flushAfter = -1): string {
  const w = new TabWriter();
  parts.forEach((p, i) => {
    w.write(p);
    if (i === flushAfter) w.flush();
  });
  return w.toString();
}

describe("tabwriter (minwidth 0, tabwidth 8, padding 2, padchar ' '), as Go's text/tabwriter prints", () => {
  it("aligns a column over consecutive lines that have it; continuation lines start with an empty cell", () => {
    expect(tabwriter(["Name:\tweb\n", "Labels:\tapp=web\n", "\ttier=front\n", "Events:\t<none>\n"])).toBe("Name:    web\nLabels:  app=web\n         tier=front\nEvents:  <none>\n");
  });

  it("a line without tabs ends the block; trailing cells keep their own trailing spaces", () => {
    expect(tabwriter(["Conditions:\n  Type\tStatus\n", "  PodScheduled \tFalse \n", "Volumes:\n", "  x:\n", "    Type:\tEmptyDir\n", "    Medium:\t\n", "QoS Class:\tBestEffort\n"])).toBe(
      "Conditions:\n  Type           Status\n  PodScheduled   False \nVolumes:\n  x:\n    Type:    EmptyDir\n    Medium:  \nQoS Class:   BestEffort\n",
    );
  });

  it("each column is sized by the lines of its own block", () => {
    expect(tabwriter(["a\tbb\tccc\n", "dddd\te\n", "f\tgg\thhhhh\tiiii\n", "no tabs\n", "x\ty\n"])).toBe("a     bb  ccc\ndddd  e\nf     gg  hhhhh  iiii\nno tabs\nx  y\n");
  });

  it("counts runes, not bytes, and prints an unterminated last line without a newline", () => {
    expect(tabwriter(["Ünïcödé:\tv\n", "k:\tv\n", "partial\tline"])).toBe("Ünïcödé:  v\nk:        v\npartial   line");
  });

  it("an explicit flush ends the blocks", () => {
    expect(tabwriter(["A:\t1\n", "BB:\t2\n", "CCC:\t3\n"], 0)).toBe("A:  1\nBB:   2\nCCC:  3\n");
  });
});

describe("goSort (Go's sort.Sort)", () => {
  // Keys of 57 and 66 items (index = position) and the order Go 1.19+'s pdqsort leaves them in:
  // not stable once a list is longer than 12 (printed by a Go program running sort.Sort).
  const cases: [number[], number[]][] = [
    [
      [2, 7, 2, 9, 0, 4, 6, 4, 1, 0, 5, 2, 9, 7, 3, 9, 2, 0, 7, 3, 4, 8, 2, 1, 0, 9, 6, 2, 0, 9, 1, 9, 2, 6, 5, 2, 7, 6, 1, 9, 9, 6, 4, 3, 1, 7, 8, 7, 7, 8, 2, 3, 1, 5, 7, 9, 5],
      [9, 28, 17, 24, 4, 38, 30, 23, 8, 52, 44, 0, 35, 32, 16, 2, 11, 50, 27, 22, 51, 14, 19, 43, 42, 20, 5, 7, 34, 56, 53, 10, 41, 37, 26, 6, 33, 36, 54, 48, 1, 18, 13, 45, 47, 21, 49, 46, 39, 31, 29, 3, 25, 40, 12, 55, 15],
    ],
    [
      [2, 6, 5, 4, 1, 2, 4, 1, 5, 7, 4, 4, 1, 2, 1, 5, 6, 2, 3, 5, 2, 7, 2, 4, 7, 7, 2, 6, 2, 1, 2, 7, 1, 2, 6, 5, 6, 5, 4, 2, 2, 3, 0, 3, 4, 2, 0, 1, 6, 2, 1, 7, 5, 7, 1, 2, 7, 5, 7, 4, 3, 0, 4, 7, 3, 2],
      [61, 46, 42, 12, 54, 50, 4, 47, 7, 32, 29, 14, 49, 40, 0, 5, 65, 17, 45, 39, 20, 55, 22, 33, 30, 28, 26, 13, 60, 18, 43, 41, 64, 23, 6, 11, 10, 44, 38, 62, 3, 59, 8, 19, 37, 2, 57, 15, 52, 35, 27, 1, 48, 16, 36, 34, 9, 51, 58, 31, 25, 56, 24, 63, 21, 53],
    ],
  ];
  for (const [keys, order] of cases) {
    it(`leaves ${keys.length} items with ties in Go's order`, () => {
      const items = keys.map((k, i) => ({ k, i }));
      expect(goSort(items, (a, b) => a.k < b.k).map((x) => x.i)).toEqual(order);
    });
  }

  it("keeps the input order of equal items in short lists (insertion sort)", () => {
    const items = [3, 1, 3, 2, 1].map((k, i) => ({ k, i }));
    expect(goSort(items, (a, b) => a.k < b.k).map((x) => x.i)).toEqual([1, 4, 3, 0, 2]);
  });
});

describe("prefix writer", () => {
  it("indents two spaces per level and escapes terminal control characters", () => {
    expect(tabbedString((w) => w.write(2, "a\x1b[31mred\rb\n"))).toBe("    a^[[31mred\\rb\n");
  });

  it("a nested writer indents WriteLine and level-0 writes too (kubectl's quirk in ephemeral volume templates)", () => {
    const out = tabbedString((w) => {
      const n = nestedPrefixWriter(w, 2);
      n.write(0, "StorageClass:\tmanual\n");
      n.write(0, "Labels:\t");
      n.write(0, "e=1\n");
      n.write(0, "Annotations:\t");
      n.writeLine("<none>");
    });
    // kubectl 1.32 printed an ephemeral volume's claim template this way.
    expect(out).toBe("    StorageClass:  manual\n    Labels:            e=1\n    Annotations:       <none>\n");
  });
});

describe("shared describe helpers", () => {
  it("annotations: long values and multi-line values go on their own lines, cut at 140 bytes", () => {
    const out = tabbedString((w) => printAnnotationsMultiline(w, "Annotations", { long: "x".repeat(150), multi: "line1\nline2", short: "v", "kubectl.kubernetes.io/last-applied-configuration": "{}" }));
    expect(out).toBe(`Annotations:  long:\n                ${"x".repeat(138)}...\n              multi:\n                line1\n                line2\n              short: v\n`);
  });

  it("tolerations: sorted by key, op=Exists, values, effects and seconds", () => {
    const out = tabbedString((w) =>
      printTolerationsMultiline(w, "Tolerations", [
        { key: "k", operator: "Equal", value: "v", effect: "NoExecute", tolerationSeconds: 30 },
        { operator: "Exists" },
        { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
      ]),
    );
    // As kubectl 1.32 printed the "multi" pod and the control-plane pods.
    expect(out).toBe("Tolerations:  op=Exists\n              k=v:NoExecute for 30s\n              node.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n");
  });

  it("probes print like DescribeProbe", () => {
    expect(describeProbe({ httpGet: { path: "/", port: 80, scheme: "HTTP" }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 })).toBe(
      "http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3",
    );
    expect(describeProbe({ tcpSocket: { port: 80 }, initialDelaySeconds: 5, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 })).toBe(
      "tcp-socket :80 delay=5s timeout=1s period=10s #success=1 #failure=3",
    );
    expect(describeProbe({ exec: { command: ["cat", "/tmp/ok"] }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 })).toBe(
      "exec [cat /tmp/ok] delay=0s timeout=1s period=10s #success=1 #failure=3",
    );
  });

  it("ages are HumanDuration of now minus the timestamp; a missing time is <unknown>, a future one <invalid>", () => {
    const now = Date.UTC(2026, 0, 1, 1, 0, 0);
    expect(since("2026-01-01T00:57:30Z", now)).toBe("2m30s");
    expect(since("2026-01-01T00:00:00Z", now)).toBe("60m");
    expect(since(undefined, now)).toBe("<unknown>");
    expect(since("2026-01-01T01:00:05Z", now)).toBe("<invalid>");
  });

  it("generic describer labels: camelCase split into title-cased words, acronyms upper-cased", () => {
    // As kubectl 1.32 printed a custom resource with these fields.
    expect(["apiVersion", "creationTimestamp", "imageURL", "apiVersionX", "some-dash", "podCIDR2", "uid", "deepKey"].map(smartLabelFor)).toEqual([
      "API Version",
      "Creation Timestamp",
      "Image URL",
      "API Version X",
      "Some - Dash",
      "podCIDR2",
      "UID",
      "Deep Key",
    ]);
  });
});
