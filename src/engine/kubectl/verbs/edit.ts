// `kubectl edit`. The browser terminal has no $EDITOR, so the plain command explains how to edit
// instead (get -o yaml into a file, change it in the web editor, apply it). `editObjectYaml` and
// `applyEdited` are edit's two halves for a host that can open an editor: the YAML text kubectl
// would open, and saving the edited text back with kubectl edit's semantics and messages.
import type { CommandRun, KubectlCommand } from "../command";
import { KubectlError } from "../command";
import { formatError, type KubeObject } from "../client";
import { EDIT_HELP } from "./mutation-help";
import { collectInfos, infoPath, kindName, send, type Info } from "../infos";
import { LAST_APPLIED_ANNOTATION, modifiedConfiguration, twoWayPatch } from "../patching";
import { toYaml } from "../printers/yaml";
import { parseAllDocuments } from "yaml";
import { fieldValidation, writeQuery } from "./apply";

/** What to do instead of opening an editor (stderr, exit 1). */
export const EDIT_IN_BROWSER_MESSAGE = (r: CommandRun, getCommand = "kubectl get"): string => {
  const target = r.args.length ? r.args.join(" ") : "<type> <name>";
  const ns = r.namespaceExplicit ? ` -n ${r.namespace}` : "";
  const file = (r.args[r.args.length - 1] ?? "object").split("/").pop() + ".yaml";
  const fetch = getCommand === "kubectl get" ? `kubectl get ${target}${ns} -o yaml > ${file}` : `${getCommand} ${target}${ns} -o yaml > ${file}`;
  return (
    `error: there is no text editor in this terminal (no $EDITOR, KUBE_EDITOR or vi) to run "${r.path}" with. Edit through a file instead:\n` +
    `  ${fetch}\n` +
    `  # open ${file} in the web editor, change it and save it\n` +
    `  kubectl apply -f ${file}\n`
  );
};

const HEADER =
  "# Please edit the object below. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\n";

/** The buffer an edit works on: the text shown and the objects it was made from. */
export interface EditBuffer {
  text: string;
  originals: Info[];
}

/** Fetches the objects `kubectl edit <args>` names and renders them as kubectl's edit buffer (YAML). */
export async function editObjectYaml(r: CommandRun, args: readonly string[]): Promise<EditBuffer> {
  const { infos, errors } = await collectInfos(r, args, {
    filenames: r.flags.strings("filename"),
    recursive: r.flags.bool("recursive"),
    fetch: true,
  });
  if (errors.length) throw errors[0];
  const shown = (o: KubeObject) => {
    if (r.flags.bool("show-managed-fields")) return o;
    const { managedFields: _m, ...metadata } = o.metadata ?? {};
    return { ...o, metadata };
  };
  const body =
    infos.length === 1
      ? toYaml(shown(infos[0].object!))
      : toYaml({ apiVersion: "v1", items: infos.map((i) => shown(i.object!)), kind: "List", metadata: { resourceVersion: "" } });
  return { text: HEADER + body, originals: infos };
}

/** The number in kubectl's temporary file name (random there; derived from the clock here). */
function editFileNumber(r: CommandRun): number {
  return 1_000_000_000 + (Math.floor(r.env.host.now()) % 1_000_000_000);
}

/** cmdutil.StripComments: drops lines that start with '#'. */
function stripComments(text: string): string {
  return text
    .split("\n")
    .filter((l) => !l.trimStart().startsWith("#"))
    .join("\n");
}

/**
 * Saves an edited buffer with kubectl edit's semantics: unchanged text cancels, an empty file
 * cancels, otherwise each object is patched with a two-way patch from its original (the
 * last-applied annotation is kept up to date when present). Messages go to stdout/stderr; resolves
 * to the exit code.
 */
export async function applyEdited(r: CommandRun, buffer: EditBuffer, edited: string): Promise<number> {
  const { env } = r;
  if (stripComments(buffer.text) === stripComments(edited)) {
    env.stderr.write("Edit cancelled, no changes made.\n");
    return 0;
  }
  if (!stripComments(edited).trim()) {
    env.stderr.write("Edit cancelled, saved file was empty.\n");
    return 0;
  }
  let objects: KubeObject[] = [];
  try {
    for (const doc of parseAllDocuments(stripComments(edited))) {
      if (doc.errors.length) throw new Error(doc.errors[0].message.split("\n")[0]);
      const v = doc.toJS();
      if (v && typeof v === "object") objects.push(...(v.kind === "List" && Array.isArray(v.items) ? v.items : [v]));
    }
  } catch (e) {
    throw new KubectlError(`The edited file had a syntax error: ${(e as Error).message}`);
  }
  let code = 0;
  for (const obj of objects) {
    const info = buffer.originals.find((i) => i.object?.metadata?.uid === obj.metadata?.uid) ?? buffer.originals.find((i) => i.name === obj.metadata?.name);
    if (!info) throw new KubectlError(`no original object found for ${obj.kind ?? "object"} "${obj.metadata?.name ?? ""}"`);
    const original = info.object!;
    if (obj.apiVersion !== original.apiVersion || obj.kind !== original.kind || obj.metadata?.name !== original.metadata?.name) {
      throw new KubectlError("At least one of apiVersion, kind and name was changed");
    }
    let modified = obj;
    if (original.metadata?.annotations?.[LAST_APPLIED_ANNOTATION] !== undefined) modified = modifiedConfiguration(obj);
    const { patch, contentType } = twoWayPatch(info.mapping, original, modified);
    if (Object.keys(patch).length === 0) {
      env.stdout.write(`${kindName(info)} skipped\n`);
      continue;
    }
    try {
      await send(r, "PATCH", infoPath(info), { query: writeQuery(r.flags.string("field-manager"), "none", fieldValidation(r)), body: patch, contentType });
      env.stdout.write(`${kindName(info)} edited\n`);
    } catch (e) {
      env.stderr.write(formatError(e));
      code = 1;
    }
  }
  return code;
}

export const editCommand: KubectlCommand = {
  name: "edit",
  short: "Edit a resource on the server",
  ...EDIT_HELP,
  async run(r) {
    // Resolve what was named first, so mistakes get kubectl's own errors.
    const buffer = await editObjectYaml(r, r.args);
    if (!r.env.edit) {
      r.env.stderr.write(EDIT_IN_BROWSER_MESSAGE(r));
      return 1;
    }
    // kubectl writes the buffer to a temporary file and opens $EDITOR on it; here the terminal's editor.
    const edited = await r.env.edit(`/tmp/kubectl-edit-${editFileNumber(r)}.yaml`, buffer.text);
    if (edited === null) {
      r.env.stderr.write("Edit cancelled, no changes made.\n");
      return 0;
    }
    return applyEdited(r, buffer, edited);
  },
};
