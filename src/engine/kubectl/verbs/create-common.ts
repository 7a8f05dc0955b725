// What the object-producing verbs share: kubectl's validation directive, the create request's
// query, --save-config for client-built objects, NAME arguments, and the generator tail (annotate,
// send unless --dry-run=client, print).
import type { ApiResource, KubeObject } from "../client";
import { ServerError, resourcePath } from "../client";
import type { CommandRun, KubectlCommand } from "../command";
import { KubectlError, UsageError, renderHelp } from "../command";
import { GLOBAL_FLAGS } from "../globals";
import { kindName, send, type DryRun } from "../infos";
import { LAST_APPLIED_ANNOTATION } from "../patching";
import { goJson } from "../generators/common";
import type { ObjectPrinter } from "./object-output";

/** cmdutil.GetValidationDirective: the fieldValidation query value. */
export function validationDirective(run: CommandRun): string {
  const v = run.flags.string("validate");
  switch (v) {
    case "strict":
    case "true":
    case "1":
    case "t":
    case "T":
    case "TRUE":
    case "True":
      return "Strict";
    case "warn":
      return "Warn";
    case "ignore":
    case "false":
    case "0":
    case "f":
    case "F":
    case "FALSE":
    case "False":
      return "Ignore";
  }
  throw new KubectlError(`invalid - validate option "${v}"; must be one of: strict (or true), warn, ignore (or false)`);
}

/** The query of a create request: field manager, validation, server dry run. */
export function createQuery(run: CommandRun, dryRun: DryRun, fieldValidation?: string): Record<string, string | undefined> {
  return {
    dryRun: dryRun === "server" ? "All" : undefined,
    fieldManager: run.flags.string("field-manager") || undefined,
    fieldValidation,
  };
}

/**
 * util.CreateOrUpdateAnnotation for a typed object (--save-config): the annotation holds the
 * object's own JSON in Go field order, with a trailing newline; annotations follow labels.
 */
export function saveConfigTyped(obj: KubeObject): KubeObject {
  const text = goJson(obj) + "\n";
  const meta: KubeObject = {};
  let placed = false;
  const annotations = { ...(obj.metadata?.annotations ?? {}), [LAST_APPLIED_ANNOTATION]: text };
  for (const [k, v] of Object.entries(obj.metadata ?? {})) {
    if (k === "annotations") {
      meta.annotations = annotations;
      placed = true;
      continue;
    }
    if (!placed && (k === "ownerReferences" || k === "finalizers" || k === "managedFields")) {
      meta.annotations = annotations;
      placed = true;
    }
    meta[k] = v;
  }
  if (!placed) meta.annotations = annotations;
  return { ...obj, metadata: meta };
}

/** The discovery entry for a built object's apiVersion and kind. */
export async function mappingFor(run: CommandRun, obj: KubeObject): Promise<ApiResource> {
  const apiVersion: string = obj.apiVersion ?? "";
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const found = await run.client.findResource((r) => r.group === group && r.version === version && r.kind === obj.kind && !r.resource.includes("/"));
  if (!found) throw new KubectlError(`no matches for kind "${obj.kind}" in version "${apiVersion}"`);
  return found;
}

export interface SendGeneratedOptions {
  /** kubectl's wrapping of a failed create (`failed to create deployment`); the server's error is printed as is when unset. */
  failure?: string;
  /** Joins `failure` and the message (most use ": "; secrets use " "). */
  separator?: string;
  dryRun: DryRun;
  printer: ObjectPrinter;
}

/**
 * The common tail of every generator: --save-config, then (unless --dry-run=client) the create
 * request, then printing. Objects sent to the server come back as the server stored them.
 */
export async function sendGenerated(run: CommandRun, built: KubeObject, o: SendGeneratedOptions): Promise<KubeObject> {
  let obj = built;
  if (run.flags.bool("save-config")) obj = saveConfigTyped(obj);
  const mapping = await mappingFor(run, obj);
  if (o.dryRun !== "client") {
    const namespace = mapping.namespaced ? obj.metadata?.namespace || run.namespace : undefined;
    try {
      obj = await send(run, "POST", resourcePath(mapping, namespace), { query: createQuery(run, o.dryRun, validationDirective(run)), body: obj });
    } catch (e) {
      if (o.failure !== undefined && e instanceof ServerError) throw new KubectlError(`${o.failure}${o.separator ?? ": "}${e.status.message ?? ""}`);
      throw e;
    }
  }
  o.printer.print(obj, kindName({ mapping, name: obj.metadata?.name ?? "" }), true);
  return obj;
}

/** NameFromCommandArgs: exactly one NAME before `--`. */
export function nameFromArgs(run: CommandRun): string {
  const atDash = run.flags.parsed.argsLenAtDash;
  const n = atDash === -1 ? run.args.length : atDash;
  if (n !== 1) throw new UsageError(`exactly one NAME is required, got ${n}`);
  return run.args[0];
}

/** cmdutil.DefaultSubCommandRun: a group command run alone prints its help on stderr and fails. */
export function helpOnStderr(cmd: KubectlCommand, path: string): KubectlCommand["run"] {
  return async ({ env, args }) => {
    if (args.length) throw new UsageError(`unknown command "${args.join(" ")}"`);
    env.stderr.write(renderHelp(cmd, path, [...(cmd.flags ?? []), ...GLOBAL_FLAGS]));
    return 1;
  };
}
