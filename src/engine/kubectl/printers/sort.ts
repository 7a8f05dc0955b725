// Index: `--sort-by` (kubectl's SortingPrinter / RuntimeSort / TableSorter): `sortObjects(objs, expr)`
// gives the new order of objects, `sortTableRows(table, expr)` sorts a server Table's rows in place
// (rows carry their objects: get asks for includeObject=Object). Values compare as kubectl's isLess
// does: numbers, strings (as quantities when both parse: "2Gi" > "500Mi"), objects without the field
// first. Go's sort.Sort is not stable; machinery/gosort is its pdqsort, so ties land where kubectl puts them.
import { goSort } from "../../machinery/gosort";
import { tryParseQuantity, compareQuantities } from "../../machinery/quantity";
import { KubectlError } from "../command";
import { JsonPath, JsonPathError, relaxedJsonPathExpression } from "./jsonpath";
import type { Table } from "./table";

/** The order (original indexes) kubectl's SortObjects leaves the objects in. */
export function sortObjects(objs: unknown[], fieldInput: string): number[] {
  const field = relaxedJsonPathExpression(fieldInput);
  const values = objs.map((o) => findFirst(field, o));
  if (!values.some((v) => v.found)) throw new KubectlError(`couldn't find any field with path ${JSON.stringify(field)} in the list of objects`);
  return sortedOrder(values);
}

/** TableSorter: sorts rows by the field of each row's object. */
export function sortTableRows(table: Table, field: string): void {
  const rows = table.rows ?? [];
  if (rows.length <= 1) return;
  let values: Found[];
  try {
    values = rows.map((r) => findFirst(field, r.object ?? null));
  } catch (e) {
    if (e instanceof KubectlError) throw new KubectlError(`sorting error: ${e.message}`);
    throw e;
  }
  if (!values.some((v) => v.found)) throw new KubectlError(`couldn't find any field with path ${JSON.stringify(field)} in the list of objects`);
  const order = sortedOrder(values);
  table.rows = order.map((i) => rows[i]);
}

interface Found {
  found: boolean;
  value?: unknown;
}

function findFirst(field: string, obj: unknown): Found {
  let jp: JsonPath;
  try {
    jp = new JsonPath("sorting").setAllowMissingKeys(true).parse(field);
  } catch (e) {
    if (e instanceof JsonPathError) throw new KubectlError(e.message);
    throw e;
  }
  let results: unknown[][];
  try {
    results = jp.findResults(obj);
  } catch (e) {
    if (e instanceof JsonPathError) throw new KubectlError(e.message);
    throw e;
  }
  if (!results.length || !results[0].length) return { found: false };
  return { found: true, value: results[0][0] };
}

function sortedOrder(values: Found[]): number[] {
  const order = values.map((_, i) => i);
  return goSort(order, (i, j) => {
    const a = values[i];
    const b = values[j];
    if (!a.found) return true;
    if (!b.found) return false;
    return isLess(a.value, b.value);
  });
}

/** kubectl's isLess for values held in interfaces (unstructured data). */
function isLess(a: unknown, b: unknown): boolean {
  if (a === null && b === null) return false;
  if (a === null) return true;
  if (b === null) return false;
  if (typeof a === "number" && typeof b === "number") {
    const ai = Number.isInteger(a);
    const bi = Number.isInteger(b);
    if (ai !== bi) throw new KubectlError("unsortable interface: interface");
    return a < b;
  }
  if (typeof a === "string" && typeof b === "string") {
    const qa = tryParseQuantity(a);
    const qb = qa ? tryParseQuantity(b) : undefined;
    if (qa && qb) return compareQuantities(qa, qb) < 0;
    return compareBytes(a, b) < 0;
  }
  throw new KubectlError(`unsortable type: ${typeof a === "boolean" ? "bool" : Array.isArray(a) ? "[]interface {}" : typeof a === "object" ? "map[string]interface {}" : typeof a}`);
}

function compareBytes(a: string, b: string): number {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}
