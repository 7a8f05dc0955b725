// Index: `-o custom-columns=NAME:.metadata.name,...` and `-o custom-columns-file=FILE` (kubectl's
// CustomColumnsPrinter): `customColumnsFromSpec(spec, noHeaders)`, `customColumnsFromTemplate(text)`.
// Each column is a relaxed JSONPath (`.a.b`, `a.b`, `{.a.b}`); several results join with ",", none
// prints `<none>`, values print as Go's fmt.Sprint (maps as `map[k:v]`). Lists print one row per item,
// watch events as {type, object}. Output goes through kubectl's table tab writer.
import { KubectlError } from "../command";
import { goSprint } from "./gofmt";
import { JsonPath, JsonPathError, relaxedJsonPathExpression } from "./jsonpath";
import { escapeTerminal } from "./table";
import type { TabWriter } from "./tabwriter";

export interface Column {
  header: string;
  /** A JSONPath template (`{.metadata.name}`). */
  fieldSpec: string;
}

export function customColumnsFromSpec(spec: string, noHeaders = false): CustomColumnsPrinter {
  if (spec.length === 0) throw new KubectlError("custom-columns format specified but no custom columns given");
  const columns = spec.split(",").map((part) => {
    const colon = part.indexOf(":");
    if (colon < 0) throw new KubectlError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, colon), fieldSpec: relaxedJsonPathExpression(part.slice(colon + 1)) };
  });
  return new CustomColumnsPrinter(columns, noHeaders);
}

/** A custom-columns file: a line of headers, then a line of field specs (whitespace separated). */
export function customColumnsFromTemplate(text: string): CustomColumnsPrinter {
  const lines = text.split("\n").map((l) => l.replace(/\r$/, ""));
  // bufio.Scanner: a trailing newline does not make an empty last line.
  if (lines.length && lines[lines.length - 1] === "" && text.endsWith("\n")) lines.pop();
  if (lines.length < 1 || text === "") throw new KubectlError("invalid template, missing header line. Expected format is one line of space separated headers, one line of space separated column specs.");
  const headers = words(lines[0]);
  if (lines.length < 2) throw new KubectlError("invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs.");
  const specs = words(lines[1]);
  if (headers.length !== specs.length) throw new KubectlError(`number of headers (${headers.length}) and field specifications (${specs.length}) don't match`);
  return new CustomColumnsPrinter(
    headers.map((header, i) => ({ header, fieldSpec: relaxedJsonPathExpression(specs[i]) })),
    false,
  );
}

const words = (line: string) => line.split(/[ \t\n\v\f\r\u0085\u00a0]+/).filter(Boolean);

export class CustomColumnsPrinter {
  private printedHeaderFor: string | undefined;

  constructor(
    readonly columns: Column[],
    readonly noHeaders: boolean,
  ) {}

  /** Prints an object, a list's items, or a watch event (pass its type); the caller flushes `w`. */
  print(obj: Record<string, any>, w: TabWriter, eventType?: string): void {
    // kubectl prints the header once per Go type printed (a list, an object, a watch event).
    const goType = eventType ? "event" : isList(obj) ? "list" : "object";
    if (!this.noHeaders && goType !== this.printedHeaderFor) {
      w.write(this.columns.map((c) => c.header).join("\t") + "\n");
      this.printedHeaderFor = goType;
    }
    const parsers = this.columns.map((c, i) => {
      try {
        return new JsonPath(`column${i}`).setAllowMissingKeys(true).parse(c.fieldSpec);
      } catch (e) {
        if (e instanceof JsonPathError) throw new KubectlError(e.message);
        throw e;
      }
    });
    const items = eventType ? [{ type: eventType, object: obj }] : isList(obj) ? (obj.items as Record<string, any>[]) : [obj];
    for (const item of items) {
      const cells = parsers.map((p) => {
        let values: unknown[][];
        try {
          values = p.findResults(item);
        } catch (e) {
          if (e instanceof JsonPathError) throw new KubectlError(e.message);
          throw e;
        }
        const strings: string[] = [];
        if (values.length === 0 || values[0].length === 0) strings.push("<none>");
        for (const arr of values) for (const v of arr) strings.push(escapeTerminal(goSprint(v)));
        return strings.join(",");
      });
      w.write(cells.join("\t") + "\n");
    }
  }
}

function isList(obj: Record<string, any>): boolean {
  return Array.isArray(obj.items) && typeof obj.kind === "string" && obj.kind.endsWith("List");
}
