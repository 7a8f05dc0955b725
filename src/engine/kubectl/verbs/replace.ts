// `kubectl replace` (k8s.io/kubectl/pkg/cmd/replace): PUT each object of -f (taking the live
// resourceVersion when the manifest has none, as resource.Helper.Replace does), or with --force
// delete, wait until gone, and create.
import type { CommandRun, KubectlCommand } from "../command";
import { KubectlError } from "../command";
import { ServerError, formatError, resourcePath, type KubeObject } from "../client";
import { REPLACE_HELP } from "./mutation-help";
import { collectInfos, dryRunStrategy, infoPath, kindName, reportErrors, send, successLine, withSource, type DryRun, type Info } from "../infos";
import { printObjects, validateOutput } from "../output";
import { LAST_APPLIED_ANNOTATION, modifiedConfiguration } from "../patching";
import { fieldValidation } from "./apply";
import { cascadingStrategy, kindString } from "./delete";

async function run(r: CommandRun): Promise<number> {
  const { flags, env } = r;
  const output = flags.string("output");
  validateOutput(output);
  const dryRun = dryRunStrategy(r);
  const filenames = flags.strings("filename");
  if (flags.string("raw")) throw new KubectlError("--raw is not available in this sandbox: replace with -f");
  if (!filenames.length) throw new KubectlError("must specify one of -f and -k");
  const force = flags.bool("force");
  if (force && dryRun !== "none") throw new KubectlError("--dry-run can not be used when --force is set");
  const validation = fieldValidation(r);
  const { infos, errors } = await collectInfos(r, r.args, { filenames, recursive: flags.bool("recursive"), keepManifest: true, validate: validation !== "Ignore" });
  for (const info of infos) annotate(r, info.object!);
  if (force) return forceReplace(r, infos, errors, output, validation);
  const failures: unknown[] = [...errors];
  for (const info of infos) {
    try {
      let obj = info.object!;
      if (dryRun !== "client") {
        const body = structuredClone(obj);
        if (!body.metadata?.resourceVersion) {
          // Helper.Replace(overwrite=true): an unconditional update takes the live resourceVersion.
          const live = await send(r, "GET", infoPath(info));
          body.metadata.resourceVersion = live.metadata?.resourceVersion;
        }
        const sub = flags.string("subresource") || undefined;
        obj = await send(r, "PUT", infoPath(info, sub), { query: { dryRun: dryRun === "server" ? "All" : undefined, fieldManager: flags.string("field-manager") || undefined, fieldValidation: validation }, body });
      }
      print(r, info, obj, output, "replaced", dryRun);
    } catch (e) {
      failures.push(withSource("replacing", info.source, e));
    }
  }
  void env;
  return reportErrors(r, failures, formatError);
}

/** CreateOrUpdateAnnotation: --save-config writes the last-applied annotation; an existing one is refreshed. */
function annotate(r: CommandRun, obj: KubeObject): void {
  if (!r.flags.bool("save-config") && obj.metadata?.annotations?.[LAST_APPLIED_ANNOTATION] === undefined) return;
  const text = modifiedConfiguration(obj).metadata.annotations[LAST_APPLIED_ANNOTATION];
  obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED_ANNOTATION]: text };
}

function print(r: CommandRun, info: Info, obj: KubeObject, output: string, operation: string, dryRun: DryRun): void {
  if (output === "name") r.env.stdout.write(`${kindName(info)}\n`);
  else if (output) printObjects(r, [obj], output);
  else r.env.stdout.write(successLine(info, operation, dryRun));
}

async function forceReplace(r: CommandRun, infos: Info[], errors: unknown[], output: string, validation: string): Promise<number> {
  const { flags, env } = r;
  if (errors.length) return reportErrors(r, errors, formatError);
  let gracePeriod = flags.int("grace-period");
  if (gracePeriod === 0) gracePeriod = 1;
  const propagation = cascadingStrategy(r);
  const failures: unknown[] = [];
  for (const info of infos) {
    const body: Record<string, unknown> = { kind: "DeleteOptions", apiVersion: "v1", propagationPolicy: propagation };
    if (gracePeriod >= 0) body.gracePeriodSeconds = gracePeriod;
    try {
      await send(r, "DELETE", infoPath(info), { body });
      env.stdout.write(`${kindString(info.mapping)} "${info.name}" deleted\n`);
    } catch (e) {
      if (!(e instanceof ServerError && e.code === 404)) failures.push(withSource("deleting", info.source, e));
    }
  }
  if (failures.length) return reportErrors(r, failures, formatError);
  const timeout = flags.duration("timeout") || 5 * 60_000;
  for (const info of infos) {
    const deadline = env.host.now() + timeout;
    for (;;) {
      try {
        await send(r, "GET", infoPath(info));
      } catch (e) {
        if (e instanceof ServerError && e.code === 404) break;
        throw e;
      }
      if (env.host.signal.aborted) return 1;
      if (env.host.now() >= deadline) throw new KubectlError("timed out waiting for the condition");
      await env.host.sleep(1000);
    }
  }
  let count = 0;
  for (const info of infos) {
    const created = await send(r, "POST", resourcePath(info.mapping, info.namespace), { query: { fieldManager: flags.string("field-manager") || undefined, fieldValidation: validation }, body: info.object });
    count++;
    print(r, info, created, output, "replaced", "none");
  }
  if (!count) throw new KubectlError("no objects passed to replace");
  return 0;
}

export const replaceCommand: KubectlCommand = {
  name: "replace",
  short: "Replace a resource by file name or stdin",
  ...REPLACE_HELP,
  run,
};
