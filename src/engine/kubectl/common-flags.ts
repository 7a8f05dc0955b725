// kubectl's flag families: the flags that kubectl's helpers (genericclioptions.PrintFlags,
// cmdutil.AddDryRunFlag, AddFilenameOptionFlags, AddLabelSelectorFlagVar, AddFieldManagerFlagVar,
// AddValidateFlags, ...) add to many commands with the same usage text. Each is defined once here;
// commands whose kubectl source words a flag differently keep their own spec (help output is compared
// with real kubectl byte for byte).
import type { FlagSpec } from "./flags";

// ------------------------------------------------------------------------------------ print flags

export const GENERIC_FORMATS = ["json", "yaml", "name", "go-template", "go-template-file", "template", "templatefile", "jsonpath", "jsonpath-as-json", "jsonpath-file"];
export const GET_FORMATS = [...GENERIC_FORMATS, "custom-columns", "custom-columns-file", "wide"];

/** `-o, --output` with kubectl's usage text for the given formats (get adds the documentation links). */
export function outputFlag(formats: readonly string[], get = false, def = ""): FlagSpec {
  const usage = get
    ? `Output format. One of: (${formats.join(", ")}). See custom columns [https://kubernetes.io/docs/reference/kubectl/#custom-columns], golang template [http://golang.org/pkg/text/template/#pkg-overview] and jsonpath template [https://kubernetes.io/docs/reference/kubectl/jsonpath/].`
    : `Output format. One of: (${formats.join(", ")}).`;
  return { name: "output", shorthand: "o", type: "string", default: def, usage };
}

/** genericclioptions.PrintFlags' `-o` (json, yaml, name and the templates). */
export const OUTPUT_FLAG: FlagSpec = outputFlag(GENERIC_FORMATS);

export const TEMPLATE_FLAG: FlagSpec = { name: "template", type: "string", usage: "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]." };

export const ALLOW_MISSING_TEMPLATE_KEYS_FLAG: FlagSpec = { name: "allow-missing-template-keys", type: "bool", default: true, usage: "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats." };

export const TEMPLATE_FLAGS: FlagSpec[] = [TEMPLATE_FLAG, ALLOW_MISSING_TEMPLATE_KEYS_FLAG];

export const SHOW_MANAGED_FIELDS_FLAG: FlagSpec = { name: "show-managed-fields", type: "bool", usage: "If true, keep the managedFields when printing objects in JSON or YAML format." };

// ------------------------------------------------------------------------------------ writes

export const DRY_RUN_FLAG: FlagSpec = { name: "dry-run", type: "string", default: "none", noOptDefVal: "unchanged", usage: 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.' };

/** `--field-manager`, defaulting to the command's own manager name (`kubectl-create`, ...). */
export function fieldManagerFlag(manager: string): FlagSpec {
  return { name: "field-manager", type: "string", default: manager, usage: "Name of the manager used to track field ownership." };
}

export const VALIDATE_FLAG: FlagSpec = { name: "validate", type: "string", default: "strict", noOptDefVal: "strict", usage: 'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.' };

// ------------------------------------------------------------------------------------ which objects

/** `-f, --filename`: kubectl words the usage per command. */
export function filenameFlag(usage: string, type: "stringSlice" | "stringArray" = "stringSlice"): FlagSpec {
  return { name: "filename", shorthand: "f", type, usage };
}

export const KUSTOMIZE_FLAG: FlagSpec = { name: "kustomize", shorthand: "k", type: "string", usage: "Process the kustomization directory. This flag can't be used together with -f or -R." };

export const RECURSIVE_FLAG: FlagSpec = { name: "recursive", shorthand: "R", type: "bool", usage: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory." };

export const SELECTOR_FLAG: FlagSpec = { name: "selector", shorthand: "l", type: "string", usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." };

export const FIELD_SELECTOR_FLAG: FlagSpec = { name: "field-selector", type: "string", usage: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." };
