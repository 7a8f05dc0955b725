// How the object-producing verbs (create, run, expose, autoscale) print what they made: kubectl's
// PrintFlags with an operation ("created", "exposed", "autoscaled"): no -o prints
// `<kind>.<group>/<name> <operation>[ (dry run)]`, `-o name` the name alone, `-o json|yaml` the object.
// One printer per invocation (printers/print-flags.ts), so `-o yaml` separates several objects with
// `---` as kubectl does.
import type { KubeObject } from "../client";
import type { CommandRun } from "../command";
import { dryRunSuffix, type DryRun } from "../infos";
import { genericPrinter, printObject } from "../printers/print-flags";

export interface ObjectPrinter {
  /** Prints one object (`kindName` is kept for callers; the printers derive it from the object). */
  print(obj: KubeObject, kindName: string, typed: boolean): void;
  /** The chosen -o format ("" when none). */
  readonly format: string;
}

/**
 * PrintFlags.ToPrinter with the dry-run suffix on the operation; fails on an unknown format before
 * anything is sent (as kubectl's Complete does). `typed`: the objects are Go structs (built
 * client-side or decoded by a typed client), so JSON keeps their field order; otherwise
 * (unstructured) JSON keys are sorted.
 */
export function objectPrinter(run: CommandRun, operation: string, dryRun: DryRun, typed = true): ObjectPrinter {
  const f = run.flags;
  const chosen = genericPrinter({
    output: f.string("output"),
    template: f.string("template"),
    outputChanged: f.changed("output"),
    allowMissingKeys: f.bool("allow-missing-template-keys"),
    showManagedFields: f.bool("show-managed-fields"),
    files: run.env.files,
    operation: `${operation}${dryRunSuffix(dryRun)}`,
    sortJsonKeys: !typed,
  });
  const format = f.string("output") || (f.string("template") ? "go-template" : "");
  return {
    format,
    print(obj) {
      printObject(chosen, typed ? goOrderHead(obj) : obj, run.env.stdout);
    },
  };
}

/** metav1.ObjectMeta's fields in Go struct order. */
const OBJECT_META_ORDER = [
  "name",
  "generateName",
  "namespace",
  "selfLink",
  "uid",
  "resourceVersion",
  "generation",
  "creationTimestamp",
  "deletionTimestamp",
  "deletionGracePeriodSeconds",
  "labels",
  "annotations",
  "ownerReferences",
  "finalizers",
  "managedFields",
];

/**
 * A typed object's head in Go order: kind, apiVersion, then metadata's fields in ObjectMeta order
 * (objects from the server arrive in the server's order; kubectl's typed clients print Go's).
 */
export function goOrderHead(obj: KubeObject): KubeObject {
  const { kind, apiVersion, metadata, ...rest } = obj;
  const out: KubeObject = {};
  if (kind !== undefined) out.kind = kind;
  if (apiVersion !== undefined) out.apiVersion = apiVersion;
  if (metadata && typeof metadata === "object") {
    const meta: KubeObject = {};
    for (const k of OBJECT_META_ORDER) if (k in metadata) meta[k] = metadata[k];
    for (const k of Object.keys(metadata)) if (!(k in meta)) meta[k] = metadata[k];
    out.metadata = meta;
  }
  return { ...out, ...rest };
}
