// Index: `--sort-by` (kubectl's SortingPrinter / RuntimeSort / TableSorter): `sortObjects(objs, expr)`
// gives the new order of objects, `sortTableRows(table, expr)` sorts a server Table's rows in place
// (rows carry their objects: get asks for includeObject=Object). Values compare as kubectl's isLess
// does: numbers, strings (as quantities when both parse: "2Gi" > "500Mi"), objects without the field
// first. Go's sort.Sort is not stable; `goSort` is its pdqsort, so ties land where kubectl puts them.
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
  const less = (i: number, j: number) => {
    const a = values[order[i]];
    const b = values[order[j]];
    if (!a.found) return true;
    if (!b.found) return false;
    return isLess(a.value, b.value);
  };
  goSort(order.length, less, (i, j) => {
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  });
  return order;
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

// ------------------------------------------------------------------------------------ Go's sort.Sort

type Less = (i: number, j: number) => boolean;
type Swap = (i: number, j: number) => void;

/** Go's sort.Sort (pdqsort), with the same comparisons and swaps, so unstable ties match. */
export function goSort(n: number, less: Less, swap: Swap): void {
  if (n <= 1) return;
  pdqsort(less, swap, 0, n, bitsLen(n));
}

function bitsLen(x: number): number {
  return x === 0 ? 0 : Math.floor(Math.log2(x)) + 1;
}

function insertionSort(less: Less, swap: Swap, a: number, b: number): void {
  for (let i = a + 1; i < b; i++) for (let j = i; j > a && less(j, j - 1); j--) swap(j, j - 1);
}

function siftDown(less: Less, swap: Swap, lo: number, hi: number, first: number): void {
  let root = lo;
  for (;;) {
    let child = 2 * root + 1;
    if (child >= hi) break;
    if (child + 1 < hi && less(first + child, first + child + 1)) child++;
    if (!less(first + root, first + child)) return;
    swap(first + root, first + child);
    root = child;
  }
}

function heapSort(less: Less, swap: Swap, a: number, b: number): void {
  const first = a;
  const hi = b - a;
  for (let i = Math.trunc((hi - 1) / 2); i >= 0; i--) siftDown(less, swap, i, hi, first);
  for (let i = hi - 1; i >= 0; i--) {
    swap(first, first + i);
    siftDown(less, swap, 0, i, first);
  }
}

const INCREASING = 1;
const DECREASING = 2;

function pdqsort(less: Less, swap: Swap, a: number, b: number, limit: number): void {
  const maxInsertion = 12;
  let wasBalanced = true;
  let wasPartitioned = true;
  for (;;) {
    const length = b - a;
    if (length <= maxInsertion) {
      insertionSort(less, swap, a, b);
      return;
    }
    if (limit === 0) {
      heapSort(less, swap, a, b);
      return;
    }
    if (!wasBalanced) {
      breakPatterns(swap, a, b);
      limit--;
    }
    let [pivot, hint] = choosePivot(less, a, b);
    if (hint === DECREASING) {
      reverseRange(swap, a, b);
      pivot = b - 1 - (pivot - a);
      hint = INCREASING;
    }
    if (wasBalanced && wasPartitioned && hint === INCREASING && partialInsertionSort(less, swap, a, b)) return;
    if (a > 0 && !less(a - 1, pivot)) {
      a = partitionEqual(less, swap, a, b, pivot);
      continue;
    }
    const [mid, alreadyPartitioned] = partition(less, swap, a, b, pivot);
    wasPartitioned = alreadyPartitioned;
    const leftLen = mid - a;
    const rightLen = b - mid;
    const balanceThreshold = Math.trunc(length / 8);
    if (leftLen < rightLen) {
      wasBalanced = leftLen >= balanceThreshold;
      pdqsort(less, swap, a, mid, limit);
      a = mid + 1;
    } else {
      wasBalanced = rightLen >= balanceThreshold;
      pdqsort(less, swap, mid + 1, b, limit);
      b = mid;
    }
  }
}

function partition(less: Less, swap: Swap, a: number, b: number, pivot: number): [number, boolean] {
  swap(a, pivot);
  let i = a + 1;
  let j = b - 1;
  while (i <= j && less(i, a)) i++;
  while (i <= j && !less(j, a)) j--;
  if (i > j) {
    swap(j, a);
    return [j, true];
  }
  swap(i, j);
  i++;
  j--;
  for (;;) {
    while (i <= j && less(i, a)) i++;
    while (i <= j && !less(j, a)) j--;
    if (i > j) break;
    swap(i, j);
    i++;
    j--;
  }
  swap(j, a);
  return [j, false];
}

function partitionEqual(less: Less, swap: Swap, a: number, b: number, pivot: number): number {
  swap(a, pivot);
  let i = a + 1;
  let j = b - 1;
  for (;;) {
    while (i <= j && !less(a, i)) i++;
    while (i <= j && less(a, j)) j--;
    if (i > j) break;
    swap(i, j);
    i++;
    j--;
  }
  return i;
}

function partialInsertionSort(less: Less, swap: Swap, a: number, b: number): boolean {
  const maxSteps = 5;
  const shortestShifting = 50;
  let i = a + 1;
  for (let step = 0; step < maxSteps; step++) {
    while (i < b && !less(i, i - 1)) i++;
    if (i === b) return true;
    if (b - a < shortestShifting) return false;
    swap(i, i - 1);
    if (i - a >= 2) {
      for (let j = i - 1; j >= 1; j--) {
        if (!less(j, j - 1)) break;
        swap(j, j - 1);
      }
    }
    if (b - i >= 2) {
      for (let j = i + 1; j < b; j++) {
        if (!less(j, j - 1)) break;
        swap(j, j - 1);
      }
    }
  }
  return false;
}

function breakPatterns(swap: Swap, a: number, b: number): void {
  const length = b - a;
  if (length < 8) return;
  let random = BigInt(length);
  const mask64 = (1n << 64n) - 1n;
  const next = () => {
    random ^= (random << 13n) & mask64;
    random ^= random >> 7n;
    random ^= (random << 17n) & mask64;
    return random;
  };
  const modulus = BigInt(2 ** bitsLen(length));
  for (let idx = a + Math.trunc(length / 4) * 2 - 1; idx <= a + Math.trunc(length / 4) * 2 + 1; idx++) {
    let other = Number(next() & (modulus - 1n));
    if (other >= length) other -= length;
    swap(idx, a + other);
  }
}

function choosePivot(less: Less, a: number, b: number): [number, number] {
  const shortestNinther = 50;
  const maxSwaps = 4 * 3;
  const l = b - a;
  const swaps = { n: 0 };
  let i = a + Math.trunc(l / 4) * 1;
  let j = a + Math.trunc(l / 4) * 2;
  let k = a + Math.trunc(l / 4) * 3;
  if (l >= 8) {
    if (l >= shortestNinther) {
      i = median(less, i - 1, i, i + 1, swaps);
      j = median(less, j - 1, j, j + 1, swaps);
      k = median(less, k - 1, k, k + 1, swaps);
    }
    j = median(less, i, j, k, swaps);
  }
  if (swaps.n === 0) return [j, INCREASING];
  if (swaps.n === maxSwaps) return [j, DECREASING];
  return [j, 0];
}

function median(less: Less, a: number, b: number, c: number, swaps: { n: number }): number {
  const order2 = (x: number, y: number): [number, number] => {
    if (less(y, x)) {
      swaps.n++;
      return [y, x];
    }
    return [x, y];
  };
  [a, b] = order2(a, b);
  [b, c] = order2(b, c);
  [a, b] = order2(a, b);
  return b;
}

function reverseRange(swap: Swap, a: number, b: number): void {
  let i = a;
  let j = b - 1;
  while (i < j) {
    swap(i, j);
    i++;
    j--;
  }
}
