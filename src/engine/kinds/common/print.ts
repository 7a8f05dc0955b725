// Helpers for server-side printers (pkg/printers/internalversion/printers.go).
import type { ColumnDefinition, KubeObject } from "../types";
import { humanDuration } from "../../machinery/duration";
import { parseRfc3339 } from "../../machinery/time";

export const NAME_DESC =
  "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names";
export const AGE_DESC =
  "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

export function col(name: string, type: ColumnDefinition["type"], description: string, priority: 0 | 1 = 0, format: ColumnDefinition["format"] = ""): ColumnDefinition {
  return { name, type, format, description, priority };
}

export const nameColumn = () => col("Name", "string", NAME_DESC, 0, "name");
export const ageColumn = () => col("Age", "string", AGE_DESC);

/** translateTimestampSince: "<unknown>" for a missing time, else the human duration since it. */
export function since(timestamp: string | undefined, nowMs: number): string {
  if (!timestamp) return "<unknown>";
  const t = parseRfc3339(timestamp);
  if (t === undefined) return "<unknown>";
  return humanDuration(nowMs - t);
}

export const age = (obj: KubeObject, nowMs: number) => since(obj.metadata.creationTimestamp, nowMs);

/** labels.FormatLabels: "a=b,c=d" sorted by key, "<none>" when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (!keys.length) return "<none>";
  return keys.map((k) => `${k}=${labels![k]}`).join(",");
}

/** Joins a list the way printers do, "<none>" when empty. */
export function listOrNone(items: string[]): string {
  return items.length ? items.join(",") : "<none>";
}
