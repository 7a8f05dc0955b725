// `kubectl patch` (k8s.io/kubectl/pkg/cmd/patch): a strategic merge, JSON merge or JSON patch from
// -p or --patch-file (YAML or JSON), sent to each named object (or a subresource of it).
import type { CommandRun, KubectlCommand } from "../command";
import { KubectlError } from "../command";
import { ServerError, formatError, type KubeObject } from "../client";
import { PATCH_HELP } from "./mutation-help";
import { collectInfos, dryRunStrategy, infoPath, reportErrors, send, type DryRun, type Info } from "../infos";
import { printObjects, validateOutput } from "../output";
import { parse as parseYaml } from "yaml";
import { parseManifestText, type ManifestRead } from "../builder";
import { nameLine } from "../printers/name";
import { applyPatch, JSON_PATCH_CONTENT_TYPE, MERGE_PATCH_CONTENT_TYPE, STRATEGIC_MERGE_PATCH_CONTENT_TYPE } from "../../machinery/patch";
import { builtinPatchMeta } from "../patching";
import { deepEqual } from "../../machinery/patch/json-util";

const PATCH_TYPES: Record<string, string> = { json: JSON_PATCH_CONTENT_TYPE, merge: MERGE_PATCH_CONTENT_TYPE, strategic: STRATEGIC_MERGE_PATCH_CONTENT_TYPE };
const PATCH_TYPE_NAMES: Record<string, string> = { json: "application/json-patch+json", merge: "application/merge-patch+json", strategic: "application/strategic-merge-patch+json" };

/**
 * yaml.ToJSON: text that starts like JSON is sent as it is (the server judges it); anything else is
 * YAML, converted to JSON.
 */
function patchBody(text: string, shown: string): unknown {
  if (/^\s*[{[]/.test(text)) return text;
  const read: ManifestRead = { docs: [], errors: [] };
  parseManifestText(text, "patch", read);
  const syntax = read.errors.filter((e) => e.startsWith("error parsing patch: "));
  if (syntax.length) {
    const why = syntax[0].replace(/^error parsing patch: error converting YAML to JSON: /, "");
    throw new KubectlError(`unable to parse ${JSON.stringify(shown)}: ${why}`);
  }
  return JSON.stringify(parseYaml(text) ?? null);
}

async function run(r: CommandRun): Promise<number> {
  const { flags } = r;
  const output = flags.string("output");
  validateOutput(output);
  const dryRun: DryRun = dryRunStrategy(r);
  const patchText = flags.string("patch");
  const patchFile = flags.string("patch-file");
  const local = flags.bool("local");
  if (!patchText && !patchFile) throw new KubectlError("must specify --patch or --patch-file containing the contents of the patch");
  if (patchText && patchFile) throw new KubectlError("cannot specify --patch and --patch-file together");
  // --local patches the objects of -f files on the client and prints them: nothing reaches the server.
  if (local && r.args.length) throw new KubectlError("cannot specify --local and server resources");
  if (local && dryRun === "server") throw new KubectlError("cannot specify --local and --dry-run=server - did you mean --dry-run=client?");
  const typeName = flags.string("type").toLowerCase();
  if (flags.string("type") && !(typeName in PATCH_TYPES)) throw new KubectlError(`--type must be one of [json merge strategic], not ${JSON.stringify(flags.string("type"))}`);
  const contentType = PATCH_TYPES[typeName || "strategic"];
  let text = patchText;
  if (patchFile) {
    const read = r.env.files.read(patchFile);
    if (read === undefined) throw new KubectlError(`unable to read patch file: open ${patchFile}: no such file or directory`);
    text = read;
  }
  const body = patchBody(text, patchText);
  const subresource = flags.string("subresource") || undefined;

  const { infos, errors } = await collectInfos(r, r.args, { filenames: flags.strings("filename"), recursive: flags.bool("recursive"), fetch: !local, local });
  const failures: unknown[] = [...errors];
  let count = 0;
  for (const info of infos) {
    count++;
    try {
      if (subresource) info.object = await send(r, "GET", infoPath(info, subresource));
      await patchOne(r, info, { contentType, typeName: typeName || "strategic", body, dryRun: local ? "client" : dryRun, output, subresource });
    } catch (e) {
      failures.push(e);
    }
  }
  if (failures.length) return reportErrors(r, failures, formatError);
  if (!count) throw new KubectlError("no objects passed to patch");
  return 0;
}

interface PatchOptions {
  contentType: string;
  typeName: string;
  body: unknown;
  dryRun: DryRun;
  output: string;
  subresource?: string;
}

async function patchOne(r: CommandRun, info: Info, o: PatchOptions): Promise<void> {
  let patched: KubeObject;
  if (o.dryRun === "client") {
    // Computed locally, with the same patch code the API server runs.
    const meta = builtinPatchMeta(info.mapping);
    if (o.typeName === "strategic" && !meta) {
      throw new KubectlError(`strategic merge patch is not supported for ${gvkString(info)} locally, try --type merge`);
    }
    try {
      let parsed = o.body;
      if (typeof o.body === "string") {
        try {
          parsed = JSON.parse(o.body);
        } catch {
          throw new KubectlError("invalid JSON document");
        }
      }
      patched = applyPatch(o.contentType, info.object, parsed, meta ?? (() => undefined)) as KubeObject;
    } catch (e) {
      throw new KubectlError((e as Error).message);
    }
  } else {
    try {
      patched = await send(r, "PATCH", infoPath(info, o.subresource), {
        query: { dryRun: o.dryRun === "server" ? "All" : undefined, fieldManager: r.flags.string("field-manager") || undefined },
        body: o.body,
        contentType: o.contentType,
      });
    } catch (e) {
      if (e instanceof ServerError && e.code === 415) {
        throw new KubectlError(`${PATCH_TYPE_NAMES[o.typeName]} is not supported by ${gvkString(info)}: ${e.status.message ?? ""}`);
      }
      throw e;
    }
  }
  const didPatch = !deepEqual(info.object, patched);
  // Named after the object the server answered with (a Scale for --subresource=scale); patch's
  // printer carries no dry-run suffix.
  if (o.output === "name") r.env.stdout.write(nameLine(patched));
  else if (o.output) printObjects(r, [patched], o.output);
  else r.env.stdout.write(nameLine(patched, didPatch ? "patched" : "patched (no change)"));
}

/** schema.GroupVersionKind's String(): `apps/v1, Kind=Deployment`. */
function gvkString(info: Info): string {
  return `${info.mapping.group ? `${info.mapping.group}/` : ""}${info.mapping.version}, Kind=${info.mapping.kind}`;
}

export const patchCommand: KubectlCommand = {
  name: "patch",
  short: "Update fields of a resource",
  ...PATCH_HELP,
  run,
};
