// Index: kubectl's human-readable printer (cli-runtime printers.HumanReadablePrinter) for server-side
// Tables (`Accept: application/json;as=Table;...`): `TablePrinter.print(tableOrObject, tabWriter,
// eventType?)`. Options are kubectl's PrintOptions: `-o wide` (columns with priority > 0), `--no-headers`,
// `--show-labels`, `-L`, a NAMESPACE column first (`-A`), `kind/name` names (`--show-kind` or several
// kinds), and an EVENT column for `--output-watch-events`. Cells print as Go's fmt.Sprint would, strings
// cut at the first line break (`...` appended), ESC and CR made visible. Objects that are not Tables
// (`--server-print=false`) print NAME and AGE from their metadata. `TABLE_ACCEPT` is the Accept header.
import { formatLabels } from "../../machinery/labels";
import { humanDuration } from "../../machinery/duration";
import { parseRfc3339 } from "../../machinery/time";
import type { KubeObject } from "../client";
import { goSprint } from "./gofmt";
import type { TabWriter } from "./tabwriter";

/** The Accept header kubectl sends when it wants server-side Tables. */
export const TABLE_ACCEPT = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

export interface TableColumn {
  name: string;
  type: string;
  format?: string;
  description?: string;
  priority?: number;
}

export interface TableRow {
  cells: unknown[];
  /** The row's object (PartialObjectMetadata by default, the full object with includeObject=Object). */
  object?: KubeObject;
}

export interface Table {
  kind: "Table";
  apiVersion?: string;
  metadata?: Record<string, unknown>;
  columnDefinitions?: TableColumn[];
  rows?: TableRow[];
}

export interface TablePrintOptions {
  noHeaders?: boolean;
  wide?: boolean;
  withNamespace?: boolean;
  /** Prefix names with `kind/` (needs `kind`). */
  withKind?: boolean;
  /** The GroupKind as kubectl prints it: `Deployment.apps`, `Pod` (lower-cased when printed). */
  kind?: string;
  /** `-L` label keys. */
  columnLabels?: string[];
  showLabels?: boolean;
  /** Simulated now, for the AGE of objects that are not Tables. */
  nowMs?: number;
}

export function isTable(obj: unknown): obj is Table {
  const o = obj as { kind?: string; apiVersion?: string } | null;
  return !!o && o.kind === "Table" && (o.apiVersion === "meta.k8s.io/v1" || o.apiVersion === "meta.k8s.io/v1beta1");
}

const EVENT_TYPES: Record<string, string> = { ADDED: "ADDED   ", MODIFIED: "MODIFIED", DELETED: "DELETED ", ERROR: "ERROR   " };

/** printers.formatEventType: padded to eight characters. */
export function formatEventType(type: string): string {
  return EVENT_TYPES[type] ?? type;
}

/** printers.WriteEscaped: ESC as ^[ and CR as \r, so a cell cannot drive the terminal. */
export function escapeTerminal(s: string): string {
  return s.replace(/\x1b/g, "^[").replace(/\r/g, "\\r");
}

export class TablePrinter {
  private lastColumns: TableColumn[] | undefined;
  private printedHeaders = false;
  private printedOther = false;

  constructor(readonly options: TablePrintOptions = {}) {}

  /** Prints a Table (or any object, as NAME/AGE) through the tab writer; the caller flushes. */
  print(obj: KubeObject, w: TabWriter, eventType?: string): void {
    if (isTable(obj)) return this.printTableObject(obj, w, eventType);
    this.printOther(obj, w, eventType);
  }

  private printTableObject(source: Table, w: TabWriter, eventType?: string): void {
    const table: { columns: TableColumn[]; rows: TableRow[] } = {
      columns: [...(source.columnDefinitions ?? [])],
      rows: (source.rows ?? []).map((r) => ({ cells: [...(r.cells ?? [])], object: r.object })),
    };
    const local = { ...this.options };
    if (this.printedHeaders && (table.columns.length === 0 || sameColumns(table.columns, this.lastColumns))) local.noHeaders = true;
    if (table.columns.length === 0) table.columns = this.lastColumns ?? [];
    else if (!sameColumns(table.columns, this.lastColumns)) {
      this.lastColumns = table.columns;
      this.printedHeaders = false;
    }
    if (table.rows.length > 0) this.printedHeaders = true;
    decorateTable(table, local);
    if (eventType) {
      table.columns = [{ name: "Event", type: "string" }, ...table.columns];
      for (const row of table.rows) row.cells = [formatEventType(eventType), ...row.cells];
    }
    printTable(table, w, local);
  }

  /**
   * Objects that are not Tables (`--server-print=false`): NAME and AGE from the metadata (kubectl's
   * default handler; objects arrive unstructured, so its *metav1.Status handler never matches).
   */
  private printOther(obj: KubeObject, w: TabWriter, eventType?: string): void {
    const opts = this.options;
    const includeHeaders = !this.printedOther && !opts.noHeaders;
    this.printedOther = true;
    const items: KubeObject[] = Array.isArray(obj.items) && typeof obj.kind === "string" && obj.kind.endsWith("List") ? obj.items : [obj];
    if (includeHeaders) {
      let headers = ["NAME", "AGE", ...labelHeaders(opts.columnLabels ?? []), ...(opts.showLabels ? ["LABELS"] : [])];
      if (opts.withNamespace) headers = ["NAMESPACE", ...headers];
      if (eventType) headers = ["EVENT", ...headers];
      w.write(headers.join("\t") + "\n");
    }
    for (const item of items) {
      const cells: string[] = [];
      if (eventType) cells.push(formatEventType(eventType));
      if (opts.withNamespace) cells.push(item.metadata?.namespace ?? "");
      let name = item.metadata?.name ?? "";
      if (opts.withKind && opts.kind) name = `${opts.kind.toLowerCase()}/${name}`;
      cells.push(name, translateTimestampSince(item.metadata?.creationTimestamp, opts.nowMs ?? 0));
      const labels = (item.metadata?.labels ?? {}) as Record<string, string>;
      for (const key of opts.columnLabels ?? []) cells.push(labels[key] ?? "");
      if (opts.showLabels) cells.push(formatLabels(labels));
      w.write(cells.join("\t") + "\n");
    }
  }
}

function translateTimestampSince(ts: unknown, nowMs: number): string {
  const t = typeof ts === "string" ? parseRfc3339(ts) : undefined;
  if (t === undefined) return "<unknown>";
  return humanDuration(nowMs - t);
}

function sameColumns(a: TableColumn[] | undefined, b: TableColumn[] | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return a.every((c, i) => c.name === b[i].name && c.type === b[i].type && (c.format ?? "") === (b[i].format ?? "") && (c.description ?? "") === (b[i].description ?? "") && (c.priority ?? 0) === (b[i].priority ?? 0));
}

/** printers.formatLabelHeaders: the part after the last `/`, upper-cased. */
function labelHeaders(keys: readonly string[]): string[] {
  return keys.map((l) => l.split("/").pop()!.toUpperCase());
}

/** printers.decorateTable: NAMESPACE first, -L and LABELS columns last, `kind/` before names. */
function decorateTable(table: { columns: TableColumn[]; rows: TableRow[] }, o: TablePrintOptions): void {
  const columnLabels = o.columnLabels ?? [];
  let width = table.columns.length + columnLabels.length;
  if (o.withNamespace) width++;
  if (o.showLabels) width++;
  let nameColumn = -1;
  if (o.withKind && o.kind) nameColumn = table.columns.findIndex((c) => c.format === "name" && c.type === "string");
  let columns = table.columns;
  if (width !== table.columns.length) {
    columns = [];
    if (o.withNamespace) columns.push({ name: "Namespace", type: "string" });
    columns.push(...table.columns);
    for (const label of labelHeaders(columnLabels)) columns.push({ name: label, type: "string" });
    if (o.showLabels) columns.push({ name: "Labels", type: "string" });
  }
  const includeLabels = columnLabels.length > 0 || !!o.showLabels;
  if (includeLabels || o.withNamespace || nameColumn !== -1) {
    for (const row of table.rows) {
      if (nameColumn !== -1) row.cells[nameColumn] = `${o.kind!.toLowerCase()}/${goSprint(row.cells[nameColumn])}`;
      const m = row.object && typeof row.object === "object" && row.object.metadata && typeof row.object.metadata === "object" ? row.object.metadata : undefined;
      if (!m) {
        if (o.withNamespace) row.cells = [null, ...row.cells];
        const missing = width - row.cells.length;
        for (let j = 0; j < missing; j++) row.cells.push(null);
        continue;
      }
      if (o.withNamespace) row.cells = [m.namespace ?? "", ...row.cells];
      if (includeLabels) {
        const labels = (m.labels ?? {}) as Record<string, string>;
        for (const key of columnLabels) row.cells.push(labels[key] ?? "");
        if (o.showLabels) row.cells.push(formatLabels(labels));
      }
    }
  }
  table.columns = columns;
}

/** printers.printTable: headers upper-cased; priority columns only with -o wide. */
function printTable(table: { columns: TableColumn[]; rows: TableRow[] }, w: TabWriter, o: TablePrintOptions): void {
  if (!o.noHeaders) {
    if (table.rows.length === 0) return;
    w.write(table.columns.filter((c) => o.wide || !c.priority).map((c) => c.name.toUpperCase()).join("\t") + "\n");
  }
  for (const row of table.rows) {
    const parts: string[] = [];
    row.cells.forEach((cell, i) => {
      if (i >= table.columns.length) return;
      if (!o.wide && table.columns[i].priority) return;
      if (cell === null || cell === undefined) parts.push("");
      else if (typeof cell === "string") {
        const cut = cell.search(/[\f\n\r]/);
        parts.push(cut >= 0 ? escapeTerminal(cell.slice(0, cut)) + "..." : escapeTerminal(cell));
      } else parts.push(escapeTerminal(goSprint(cell)));
    });
    w.write(parts.join("\t") + "\n");
  }
}
