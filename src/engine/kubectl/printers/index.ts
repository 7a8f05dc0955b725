// Index of kubectl's printers (one module per format; verbs import from here or from the module):
//   print-flags.ts     -o/--template → a printer, with kubectl's errors (getPrinter, genericPrinter, printObject)
//   yaml.ts            -o yaml (toYaml: sigs.k8s.io/yaml over go-yaml v2; keys always sorted)
//   json.ts            -o json (toGoJson: Go's encoding/json; sorted keys, or the caller's order for typed objects)
//   name.ts            -o name and `kind.group/name <operation>` lines
//   jsonpath.ts        -o jsonpath / jsonpath-file / jsonpath-as-json (client-go's JSONPath)
//   custom-columns.ts  -o custom-columns / custom-columns-file
//   go-template.ts     -o go-template / go-template-file / template
//   table.ts           server-side Tables (get's default and -o wide), TABLE_ACCEPT
//   tabwriter.ts       kubectl's tab writer (padding 3, minwidth 6, remembered widths)
//   sort.ts            --sort-by (with Go's sort.Sort from machinery/gosort)
//   gofmt.ts           Go's %v, %#v, strconv.Quote and FormatFloat for printed values
export { getPrinter, genericPrinter, printObject, outputFlag, TEMPLATE_FLAGS, SHOW_MANAGED_FIELDS_FLAG, GENERIC_FORMATS, GET_FORMATS, type ChosenPrinter } from "./print-flags";
export { toYaml, YamlPrinter, omitManagedFields } from "./yaml";
export { toGoJson, JsonPrinter } from "./json";
export { NamePrinter, nameLine } from "./name";
export { JsonPathPrinter, JsonPath, relaxedJsonPathExpression } from "./jsonpath";
export { CustomColumnsPrinter, customColumnsFromSpec, customColumnsFromTemplate } from "./custom-columns";
export { GoTemplatePrinter } from "./go-template";
export { TablePrinter, TABLE_ACCEPT, isTable, escapeTerminal } from "./table";
export { TabWriter, newTableTabWriter } from "./tabwriter";
export { sortObjects, sortTableRows } from "./sort";
