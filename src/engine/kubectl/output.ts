// `-o` for the verbs that change objects (apply, label, scale, set, patch, ...): kubectl's
// PrintFlags over the printers in ./printers (written once, for `get`): json, yaml, name, jsonpath,
// jsonpath-as-json. Several objects print as one v1 List, as apply and set do.
import type { CommandRun } from "./command";
import { KubectlError, UsageError, renderHelp } from "./command";
import { GLOBAL_FLAGS } from "./globals";
import type { KubeObject } from "./client";
import { YamlPrinter, toYaml } from "./printers/yaml";
import { JsonPrinter } from "./printers/json";
import { JsonPathPrinter } from "./printers/jsonpath";
import { NamePrinter } from "./printers/name";

const FORMATS = ["json", "yaml", "name", "go-template", "go-template-file", "template", "templatefile", "jsonpath", "jsonpath-as-json", "jsonpath-file"];

/** PrintFlags.ToPrinter's check of -o: kubectl's "unable to match a printer" error. */
export function validateOutput(output: string): void {
  if (output === "") return;
  const format = output.split("=")[0];
  if (!FORMATS.includes(format)) {
    throw new KubectlError(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${[...FORMATS].sort().join(",")}`);
  }
}

/** Prints objects in the -o format; several objects become one `kind: List`. */
export function printObjects(run: CommandRun, objects: KubeObject[], output: string, o: { raw?: boolean; asList?: boolean } = {}): void {
  const asList = o.asList ?? objects.length > 1;
  const target = asList ? { apiVersion: "v1", items: objects, kind: "List", metadata: { resourceVersion: "" } } : objects[0];
  printOne(run, target, output, o.raw);
}

export function printOne(run: CommandRun, obj: KubeObject, output: string, raw = false): void {
  const { env, flags } = run;
  const showManaged = hasFlag(run, "show-managed-fields") && flags.bool("show-managed-fields");
  const eq = output.indexOf("=");
  const format = eq >= 0 ? output.slice(0, eq) : output;
  const arg = eq >= 0 ? output.slice(eq + 1) : hasFlag(run, "template") ? flags.string("template") : "";
  const allowMissing = hasFlag(run, "allow-missing-template-keys") ? flags.bool("allow-missing-template-keys") : true;
  switch (format) {
    case "yaml":
      if (raw) env.stdout.write(toYaml(obj));
      else new YamlPrinter({ showManagedFields: showManaged }).print(obj, env.stdout);
      return;
    case "json":
      new JsonPrinter({ showManagedFields: showManaged }).print(obj, env.stdout);
      return;
    case "name":
      new NamePrinter().print(obj, env.stdout);
      return;
    case "jsonpath":
    case "jsonpath-as-json":
      if (!arg) throw new KubectlError("template format specified but no template given");
      new JsonPathPrinter(arg, { allowMissingKeys: allowMissing, asJson: format === "jsonpath-as-json" }).print(obj, env.stdout);
      return;
    case "jsonpath-file": {
      const text = env.files.read(arg);
      if (text === undefined) throw new KubectlError(`error reading --template ${arg}, open ${arg}: no such file or directory`);
      new JsonPathPrinter(text, { allowMissingKeys: allowMissing }).print(obj, env.stdout);
      return;
    }
    default:
      throw new KubectlError(`-o ${format} is not available for this command in this sandbox yet: use -o yaml, -o json or -o jsonpath`);
  }
}

function hasFlag(run: CommandRun, name: string): boolean {
  return (run.command.flags ?? []).some((f) => f.name === name);
}

/**
 * cmdutil.DefaultSubCommandRun: a command that only groups others (`kubectl set`, `kubectl rollout`)
 * run bare prints its help (on the stream the command was given: stderr for set, stdout for
 * rollout) and exits 1; an argument is an unknown command.
 */
export function defaultSubCommandRun(stream: "stdout" | "stderr"): (run: CommandRun) => Promise<number> {
  return async (run) => {
    if (run.args.length) throw new UsageError(`unknown command "${run.args.join(" ")}"`);
    run.env[stream].write(renderHelp(run.command, run.path, GLOBAL_FLAGS));
    return 1;
  };
}
