// Server-side printing: meta.k8s.io/v1 Table responses (kubectl get asks for them via Accept).
import type { KindDef, KubeObject } from "../kinds/types";

export interface TableOptions {
  nowMs: number;
  /** includeObject=None|Metadata|Object; Metadata (PartialObjectMetadata) is the default. */
  includeObject: "None" | "Metadata" | "Object";
  /** Omit column definitions (watch events after the first). */
  noHeaders?: boolean;
}

/** Does the Accept header ask for a Table? */
export function wantsTable(accept: string | undefined): boolean {
  if (!accept) return false;
  const first = accept.split(",")[0];
  return /as=Table/.test(first) && /g=meta\.k8s\.io/.test(first);
}

export function tableVersionOf(accept: string | undefined): "v1" | "v1beta1" {
  const first = (accept ?? "").split(",")[0];
  return /v=v1beta1/.test(first) ? "v1beta1" : "v1";
}

export function partialObjectMetadata(obj: KubeObject, version = "v1"): Record<string, unknown> {
  return { kind: "PartialObjectMetadata", apiVersion: `meta.k8s.io/${version}`, metadata: obj.metadata };
}

export function toTable(def: KindDef, objects: readonly KubeObject[], listMeta: Record<string, unknown>, opts: TableOptions, version = "v1"): Record<string, unknown> {
  const table: Record<string, unknown> = {
    kind: "Table",
    apiVersion: `meta.k8s.io/${version}`,
    metadata: listMeta,
  };
  if (!opts.noHeaders) table.columnDefinitions = def.columns;
  table.rows = objects.map((obj) => {
    const row: Record<string, unknown> = { cells: def.printRow(obj, { nowMs: opts.nowMs }) };
    if (opts.includeObject === "Object") row.object = obj;
    else if (opts.includeObject === "Metadata") row.object = partialObjectMetadata(obj, version);
    return row;
  });
  return table;
}
