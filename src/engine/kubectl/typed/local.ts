// `--local` for commands whose builder is typed (WithScheme(...).LocalParam(true), as kubectl set's
// subcommands build it): the objects of the -f files, decoded into their Go structs on the client.
// Nothing is asked of the server — not even discovery: a kind is known when kubectl's scheme knows it,
// and, having no REST mapping, an object counts as namespaced only when it names a namespace.
import type { ApiResource } from "../client";
import type { CommandRun } from "../command";
import { KubectlError } from "../command";
import type { KindDef } from "../../kinds/types";
import { readManifests } from "../builder";
import { MISSING_RESOURCE_ERROR, type Info, type InfoResult } from "../infos";
import { decodeTyped, TypedDecodeError } from "./round-trip";

/** resource.LocalResourceError: resource arguments given with --local. */
export const LOCAL_RESOURCE_ERROR = "error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'";

/**
 * The typed objects of the -f files, in file order (Lists flattened). Per-document problems (syntax,
 * decoding, a namespace that --namespace contradicts) are collected in `errors`; kubectl's Complete
 * stops on them before changing anything.
 */
export async function localTypedInfos(run: CommandRun, filenames: readonly string[], recursive: boolean): Promise<InfoResult> {
  if (!filenames.length) throw new KubectlError(MISSING_RESOURCE_ERROR);
  const read = await readManifests(run, filenames, recursive);
  const out: InfoResult = { infos: [], errors: read.errors.map((e) => new KubectlError(e)) };
  for (const doc of read.docs) {
    let decoded;
    try {
      decoded = decodeTyped(doc.object, doc.source);
    } catch (e) {
      if (e instanceof TypedDecodeError) {
        out.errors.push(new KubectlError(e.message));
        continue;
      }
      throw e;
    }
    const { def, object } = decoded;
    const own: string | undefined = object.metadata?.namespace || undefined;
    if (own && run.namespaceExplicit && own !== run.namespace) {
      out.errors.push(new KubectlError(`the namespace from the provided object "${own}" does not match the namespace "${run.namespace}". You must pass '--namespace=${own}' to perform this operation.`));
      continue;
    }
    out.infos.push({ mapping: mappingOf(def), namespace: own, name: object.metadata?.name ?? "", object, source: doc.source });
  }
  return out;
}

/** What the verbs read of a mapping, from the scheme's kind (group, version, kind, resource names). */
function mappingOf(def: KindDef): ApiResource {
  return {
    group: def.group,
    version: def.version,
    resource: def.plural,
    singular: def.singular,
    kind: def.kind,
    namespaced: def.namespaced,
    shortNames: def.shortNames ?? [],
    categories: def.categories ?? [],
    verbs: def.verbs ?? [],
    subresources: [],
  };
}
