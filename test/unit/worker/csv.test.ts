// CSV for instructors' spreadsheets: quoting, and cells a spreadsheet would run as formulas.
import { describe, expect, test } from "vitest";
import { csvCell, toCsv } from "../../../src/worker/csv";

describe("csv", () => {
  test("quotes cells with commas, quotes, line breaks or edge spaces", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(" padded")).toBe('" padded"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(42)).toBe("42");
  });

  test("keeps formula-looking cells as text", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("=HYPERLINK(\"http://x\",\"y\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
  });

  test("writes a header and rows with CRLF line ends", () => {
    expect(toCsv(["name", "score"], [["Ada", 10], ["=evil", 0]])).toBe("name,score\r\nAda,10\r\n'=evil,0\r\n");
  });
});
