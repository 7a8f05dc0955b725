// Index: choosing a printer from `-o`/`--template` the way kubectl's PrintFlags do, with their errors
// (`unable to match a printer suitable for the output format "x", allowed formats are: ...`,
// `template format specified but no template given`). Two families:
//  - `getPrinter(opts)`: `kubectl get`'s PrintFlags (adds `wide`/table and custom-columns);
//  - `genericPrinter(opts)`: genericclioptions.PrintFlags, what create/apply/label/... use: json, yaml,
//    name, templates; no `-o` prints `kind.group/name <operation>` (e.g. "created").
// Flag specs to add to a command (defined in ../common-flags): `outputFlag(formats)`, `TEMPLATE_FLAGS`, `SHOW_MANAGED_FIELDS_FLAG`.
import type { KubectlFiles } from "../env";
import type { OutputSink } from "../../shell/types";
import { KubectlError } from "../command";
import { CustomColumnsPrinter, customColumnsFromSpec, customColumnsFromTemplate } from "./custom-columns";
import { GoTemplatePrinter } from "./go-template";
import { JsonPrinter } from "./json";
import { JsonPathPrinter } from "./jsonpath";
import { NamePrinter } from "./name";
import { TablePrinter, type TablePrintOptions } from "./table";
import { YamlPrinter } from "./yaml";
import { newTableTabWriter, TabWriter } from "./tabwriter";
import type { KubeObject } from "../client";
import { GENERIC_FORMATS, GET_FORMATS } from "../common-flags";

// The print flags themselves are kubectl flag families: defined in ../common-flags, re-exported here for the printers' users.
export { GENERIC_FORMATS, GET_FORMATS, outputFlag, TEMPLATE_FLAGS, SHOW_MANAGED_FIELDS_FLAG } from "../common-flags";

/** Anything that prints objects (and, where it can, watch events). */
export interface ResourcePrinter {
  print(obj: KubeObject, out: OutputSink): void;
}

/** The printer chosen, and what get needs to know about it. */
export type ChosenPrinter =
  | { kind: "table"; printer: TablePrinter }
  | { kind: "custom-columns"; printer: CustomColumnsPrinter }
  | { kind: "json"; printer: JsonPrinter }
  | { kind: "yaml"; printer: YamlPrinter }
  | { kind: "name"; printer: NamePrinter }
  | { kind: "jsonpath"; printer: JsonPathPrinter }
  | { kind: "go-template"; printer: GoTemplatePrinter };

export interface PrinterChoice {
  output: string;
  /** --template. */
  template?: string;
  /** Whether -o was given explicitly (generic PrintFlags: --template alone means go-template only then). */
  outputChanged?: boolean;
  allowMissingKeys?: boolean;
  showManagedFields?: boolean;
  noHeaders?: boolean;
  files: KubectlFiles;
  /** Table options (get). */
  table?: TablePrintOptions;
  /** Generic printers: the operation the name printer appends ("created"). */
  operation?: string;
  /** JSON of typed objects built client-side keeps the caller's key order. */
  sortJsonKeys?: boolean;
}

class NoCompatiblePrinter extends Error {}

function noCompatible(format: string, allowed: readonly string[]): KubectlError {
  const sorted = [...allowed].sort();
  return new KubectlError(`unable to match a printer suitable for the output format ${JSON.stringify(format)}, allowed formats are: ${sorted.join(",")}`);
}

/** get's PrintFlags.ToPrinter: templates, then json/yaml, then the table, custom columns, name. */
export function getPrinter(c: PrinterChoice): ChosenPrinter {
  let output = c.output;
  const template = c.template ?? "";
  if (template && !output) output = "go-template";
  const attempts = [() => templatePrinter(output, template, c), () => jsonYamlPrinter(output, c), () => humanPrinter(output, c), () => customColumnsPrinter(output, template, c), () => namePrinter(output, "")];
  for (const attempt of attempts) {
    try {
      return attempt();
    } catch (e) {
      if (!(e instanceof NoCompatiblePrinter)) throw e;
    }
  }
  throw noCompatible(output, GET_FORMATS);
}

/** genericclioptions.PrintFlags.ToPrinter: json/yaml, name (also for no -o), templates. */
export function genericPrinter(c: PrinterChoice): ChosenPrinter {
  let output = c.output;
  const template = c.template ?? "";
  if (template && !c.outputChanged) output = "go-template";
  const attempts = [() => jsonYamlPrinter(output, c), () => namePrinter(output, c.operation ?? ""), () => templatePrinter(output, template, c)];
  for (const attempt of attempts) {
    try {
      return attempt();
    } catch (e) {
      if (!(e instanceof NoCompatiblePrinter)) throw e;
    }
  }
  throw noCompatible(c.output, GENERIC_FORMATS);
}

function jsonYamlPrinter(output: string, c: PrinterChoice): ChosenPrinter {
  switch (output.toLowerCase()) {
    case "json":
      return { kind: "json", printer: new JsonPrinter({ showManagedFields: c.showManagedFields, sortKeys: c.sortJsonKeys }) };
    case "yaml":
      return { kind: "yaml", printer: new YamlPrinter({ showManagedFields: c.showManagedFields }) };
  }
  throw new NoCompatiblePrinter();
}

function namePrinter(output: string, operation: string): ChosenPrinter {
  const o = output.toLowerCase();
  if (o === "name") return { kind: "name", printer: new NamePrinter(operation, true) };
  if (o === "") return { kind: "name", printer: new NamePrinter(operation, false) };
  throw new NoCompatiblePrinter();
}

function humanPrinter(output: string, c: PrinterChoice): ChosenPrinter {
  if (output !== "" && output !== "wide") throw new NoCompatiblePrinter();
  return { kind: "table", printer: new TablePrinter({ ...c.table, noHeaders: c.noHeaders, wide: output === "wide" }) };
}

/** `format=value` or `format` with --template, for a family of formats. */
function splitFormat(output: string, template: string, formats: readonly string[]): { format: string; value: string } | undefined {
  if (!template && !output) return undefined;
  let format = output;
  let value = template;
  if (!template) {
    for (const f of formats) {
      if (output.startsWith(`${f}=`)) {
        value = output.slice(f.length + 1);
        format = f;
        break;
      }
    }
  }
  if (!formats.includes(format)) return undefined;
  return { format, value };
}

function readTemplateFile(c: PrinterChoice, path: string, what: string): string {
  const text = c.files.read(path);
  if (text === undefined) throw new KubectlError(`error reading ${what} ${path}, open ${path}: no such file or directory`);
  return text;
}

function templatePrinter(output: string, template: string, c: PrinterChoice): ChosenPrinter {
  const jp = splitFormat(output, template, ["jsonpath", "jsonpath-file", "jsonpath-as-json"]);
  if (jp) {
    if (!jp.value) throw new KubectlError("template format specified but no template given");
    const text = jp.format === "jsonpath-file" ? readTemplateFile(c, jp.value, "--template") : jp.value;
    return { kind: "jsonpath", printer: new JsonPathPrinter(text, { allowMissingKeys: c.allowMissingKeys ?? true, asJson: jp.format === "jsonpath-as-json" }) };
  }
  const gt = splitFormat(output, template, ["template", "go-template", "go-template-file", "templatefile"]);
  if (gt) {
    if (!gt.value) throw new KubectlError("template format specified but no template given");
    const text = gt.format === "templatefile" || gt.format === "go-template-file" ? readTemplateFile(c, gt.value, "--template") : gt.value;
    return { kind: "go-template", printer: new GoTemplatePrinter(text, { allowMissingKeys: c.allowMissingKeys ?? true }) };
  }
  throw new NoCompatiblePrinter();
}

function customColumnsPrinter(output: string, template: string, c: PrinterChoice): ChosenPrinter {
  if (!output) throw new NoCompatiblePrinter();
  const cc = splitFormat(output, template, ["custom-columns", "custom-columns-file"]);
  if (!cc) throw new NoCompatiblePrinter();
  if (!cc.value) throw new KubectlError("custom-columns format specified but no custom columns given");
  if (cc.format === "custom-columns-file") {
    const text = c.files.read(cc.value);
    if (text === undefined) throw new KubectlError(`error reading template ${cc.value}, open ${cc.value}: no such file or directory\n`);
    return { kind: "custom-columns", printer: customColumnsFromTemplate(text) };
  }
  return { kind: "custom-columns", printer: customColumnsFromSpec(cc.value, c.noHeaders) };
}

/**
 * Prints one object (or list) with a chosen printer straight to a sink (table-like printers through
 * a tab writer flushed at the end) — what verbs other than get need.
 */
export function printObject(chosen: ChosenPrinter, obj: KubeObject, out: OutputSink): void {
  if (chosen.kind === "table" || chosen.kind === "custom-columns") {
    const w = out instanceof TabWriter ? out : newTableTabWriter(out);
    chosen.printer.print(obj, w);
    if (w !== out) w.flush();
    return;
  }
  chosen.printer.print(obj, out);
}
