// Index: `-o name` (cli-runtime printers.NamePrinter): `kind.group/name` per object (`pod/web`,
// `deployment.apps/web`), lists flattened; with an operation (`deployment.apps/web created`) it is
// also the default printer of verbs that change objects (`create`, `apply`, `delete`, `label`...).
import type { OutputSink } from "../../shell/types";
import { KubectlError } from "../command";

export class NamePrinter {
  /**
   * @param operation what happened, e.g. "created" ("" for `-o name`, which never prints it).
   * @param shortOutput `-o name`: the operation is left out.
   */
  constructor(
    private readonly operation = "",
    private readonly shortOutput = true,
  ) {}

  print(obj: Record<string, any>, out: OutputSink): void {
    if (isList(obj)) {
      for (const item of obj.items as Record<string, any>[]) this.print(item, out);
      return;
    }
    if (!obj.kind || obj.apiVersion === undefined) throw new KubectlError("missing apiVersion or kind; try GetObjectKind().SetGroupVersionKind() if you know the type");
    out.write(nameLine(obj, this.shortOutput ? "" : this.operation));
  }
}

/** `kind.group/name[ operation]` and a newline, as printers.printObj writes it. */
export function nameLine(obj: Record<string, any>, operation = ""): string {
  const name = obj.metadata?.name || "<unknown>";
  const apiVersion = String(obj.apiVersion ?? "");
  const group = apiVersion.includes("/") ? apiVersion.slice(0, apiVersion.indexOf("/")) : "";
  const kind = String(obj.kind).toLowerCase();
  return `${kind}${group ? `.${group}` : ""}/${name}${operation ? ` ${operation}` : ""}\n`;
}

function isList(obj: Record<string, any>): boolean {
  return Array.isArray(obj.items) && typeof obj.kind === "string" && obj.kind.endsWith("List");
}
