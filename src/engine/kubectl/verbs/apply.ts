// `kubectl apply`: client-side apply (the last-applied-configuration annotation and a three-way
// patch between it, the manifest and the live object) and server-side apply (an apply patch the API
// server merges by field ownership), as k8s.io/kubectl/pkg/cmd/apply does it.
import type { CommandRun, KubectlCommand } from "../command";
import { KubectlError, UsageError } from "../command";
import { ServerError, type KubeObject } from "../client";
import { APPLY_EDIT_HELP, APPLY_HELP, APPLY_SET_HELP, APPLY_VIEW_HELP } from "./mutation-help";
import { collectInfos, dryRunStrategy, infoPath, kindName, reportErrors, send, successLine, withSource, type DryRun, type Info } from "../infos";
import { LAST_APPLIED_ANNOTATION, goJson, modifiedConfiguration, originalConfiguration, pruneNulls, threeWayPatch } from "../patching";
import { formatError } from "../client";
import { APPLY_PATCH_CONTENT_TYPE } from "../../machinery/patch";
import { printObjects, validateOutput } from "../output";
import { validationDirective } from "./create-common";
import { resourcePath } from "../client";
import { EDIT_IN_BROWSER_MESSAGE } from "./edit";

const WARNING_NO_LAST_APPLIED = (name: string) =>
  `Warning: resource ${name} is missing the ${LAST_APPLIED_ANNOTATION} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`;

const CONFLICT_ADVICE = `
Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts`;

/** The query every write of a verb sends: field manager, validation, dry run. */
export function writeQuery(fieldManager: string, dryRun: DryRun, validate?: string): Record<string, string | undefined> {
  return {
    dryRun: dryRun === "server" ? "All" : undefined,
    fieldManager: fieldManager || undefined,
    fieldValidation: validate,
  };
}

/** --validate: strict (or true), warn, ignore (or false) → the fieldValidation query value. */
export function fieldValidation(run: CommandRun): string {
  return validationDirective(run);
}

/** info.ObjectName(): `deployments/web` (the plural resource, without its group). */
function objectName(info: Info): string {
  return `${info.mapping.resource}/${info.name}`;
}

async function run(r: CommandRun): Promise<number> {
  const { flags, env } = r;
  const filenames = flags.strings("filename");
  if (flags.string("kustomize")) throw new KubectlError("kustomize is not available in this sandbox: apply the manifests with -f");
  if (!filenames.length) throw new KubectlError("must specify one of -f and -k");
  const dryRun = dryRunStrategy(r);
  const serverSide = flags.bool("server-side");
  const output = flags.string("output");
  validateOutput(output);
  if (flags.bool("force-conflicts") && !serverSide) throw new KubectlError("--force-conflicts only works with --server-side");
  if (dryRun === "client" && serverSide) throw new KubectlError("--dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)");
  if (flags.bool("prune")) throw new KubectlError("--prune is not available in this sandbox: delete what you no longer need with kubectl delete");
  if (flags.string("subresource") && !serverSide) throw new KubectlError("--subresource can only be specified for --server-side");
  const validation = fieldValidation(r);
  let fieldManager = flags.string("field-manager");
  if (serverSide && !flags.changed("field-manager")) fieldManager = "kubectl";

  const { infos, errors } = await collectInfos(r, [], { filenames, recursive: flags.bool("recursive"), keepManifest: true, validate: validation !== "Ignore" });
  if (!infos.length && !errors.length) throw new KubectlError("no objects passed to apply");

  const printed: KubeObject[] = [];
  const shouldPrint = output !== "" && output !== "name";
  const line = (info: Info, op: string) => {
    if (shouldPrint) return;
    env.stdout.write(output === "name" ? `${kindName(info)}\n` : successLine(info, op, dryRun));
  };
  for (const info of infos) {
    try {
      const obj = serverSide ? await serverSideApply(r, info, { fieldManager, dryRun, validation }) : await clientSideApply(r, info, { fieldManager, dryRun, validation }, line);
      if (serverSide) line(info, "serverside-applied");
      if (obj) printed.push(obj);
    } catch (e) {
      errors.push(e);
    }
  }
  if (shouldPrint && printed.length) printObjects(r, printed, output);
  return reportErrors(r, errors, formatError);
}

interface WriteOptions {
  fieldManager: string;
  dryRun: DryRun;
  validation: string;
}

async function serverSideApply(r: CommandRun, info: Info, o: WriteOptions): Promise<KubeObject> {
  if (!info.name) {
    const generated = info.object?.metadata?.generateName;
    if (generated) throw new KubectlError(`from ${generated}: cannot use generate name with apply`);
  }
  const body = JSON.stringify(info.object);
  try {
    const obj: KubeObject = await send(r, "PATCH", infoPath(info, r.flags.string("subresource") || undefined), {
      query: { ...writeQuery(o.fieldManager, o.dryRun, o.validation), force: String(r.flags.bool("force-conflicts")) },
      body,
      contentType: APPLY_PATCH_CONTENT_TYPE,
    });
    if (o.dryRun !== "none") return obj;
    return await migrateFromClientSideApply(r, info, obj, o, body);
  } catch (e) {
    if (e instanceof ServerError && e.code === 409) throw new KubectlError(`${e.status.message ?? ""}${CONFLICT_ADVICE}`);
    throw e;
  }
}

// ---- moving from client-side to server-side apply (apply.go saveLastApplyAnnotationIfNecessary,
// migrateToSSAIfNecessary and k8s.io/client-go/util/csaupgrade) ----

const LAST_APPLIED_FIELD = ["f:metadata", "f:annotations", `f:${LAST_APPLIED_ANNOTATION}`];

function ownsLastApplied(entry: KubeObject): boolean {
  let node = entry.fieldsV1;
  for (const step of LAST_APPLIED_FIELD) {
    if (!node || typeof node !== "object" || !(step in node)) return false;
    node = node[step];
  }
  return true;
}

/** The union of two fieldsV1 sets (nested maps whose leaves are empty maps). */
function unionFields(a: KubeObject | undefined, b: KubeObject | undefined): KubeObject {
  const out: KubeObject = { ...(a ?? {}) };
  for (const [k, v] of Object.entries(b ?? {})) out[k] = k in out ? unionFields(out[k], v as KubeObject) : v;
  return out;
}

/** csaupgrade.upgradedManagedFields for one client-side manager. */
function upgradeManagedFields(entries: KubeObject[], csaManager: string, ssaManager: string): KubeObject[] {
  const fields = entries.map((e) => ({ ...e }));
  const isCsa = (e: KubeObject) => e.manager === csaManager && e.operation === "Update" && !e.subresource;
  let at = fields.findIndex((e) => e.manager === ssaManager && e.operation === "Apply" && !e.subresource);
  if (at < 0) {
    at = fields.findIndex(isCsa);
    if (at < 0) return fields;
    fields[at] = { ...fields[at], operation: "Apply", manager: ssaManager };
  }
  for (const e of fields) if (isCsa(e)) fields[at] = { ...fields[at], fieldsV1: unionFields(fields[at].fieldsV1, e.fieldsV1) };
  return fields.filter((e) => !isCsa(e));
}

async function migrateFromClientSideApply(r: CommandRun, info: Info, applied: KubeObject, o: WriteOptions, body: string): Promise<KubeObject> {
  let obj = applied;
  // Keep the annotation owned by an Apply manager, so later server-side applies do not drop it.
  const annotation = obj.metadata?.annotations?.[LAST_APPLIED_ANNOTATION];
  if (o.fieldManager === "kubectl" && annotation !== undefined && !(obj.metadata?.managedFields ?? []).some((e: KubeObject) => e.operation === "Apply" && ownsLastApplied(e))) {
    try {
      const justAnnotation = {
        apiVersion: obj.apiVersion,
        kind: obj.kind,
        metadata: { name: info.name, ...(info.namespace ? { namespace: info.namespace } : {}), annotations: { [LAST_APPLIED_ANNOTATION]: annotation } },
      };
      obj = await send(r, "PATCH", infoPath(info), { query: { fieldManager: "kubectl-last-applied" }, body: JSON.stringify(justAnnotation), contentType: APPLY_PATCH_CONTENT_TYPE });
    } catch (e) {
      r.env.stderr.write(
        `Warning: failed to migrate kubectl.kubernetes.io/last-applied-configuration for Server-Side Apply. This is non-fatal and will be retried next time you apply. Error: ${errorText(e)}\n`,
      );
      return obj;
    }
  }
  // Fold the client-side apply managers (Update managers that own the annotation) into ours.
  const managed: KubeObject[] = obj.metadata?.managedFields ?? [];
  const csaManagers = [...new Set(managed.filter((e) => e.operation === "Update" && ownsLastApplied(e)).map((e) => e.manager as string))];
  let upgraded = managed;
  for (const m of csaManagers) upgraded = upgradeManagedFields(upgraded, m, o.fieldManager);
  if (!csaManagers.length || JSON.stringify(upgraded) === JSON.stringify(managed)) return obj;
  try {
    const patch = [
      { op: "replace", path: "/metadata/managedFields", value: upgraded },
      { op: "test", path: "/metadata/resourceVersion", value: obj.metadata?.resourceVersion },
    ];
    await send(r, "PATCH", infoPath(info), { body: patch, contentType: "application/json-patch+json" });
  } catch (e) {
    r.env.stderr.write(`Warning: server rejected managed fields migration to Server-Side Apply. This is non-fatal and will be retried next time you apply. Error: ${errorText(e)}\n`);
    return obj;
  }
  // Send the apply again so fields the migration handed over can now be dropped.
  try {
    return await send(r, "PATCH", infoPath(info), {
      query: { ...writeQuery(o.fieldManager, o.dryRun, o.validation), force: String(r.flags.bool("force-conflicts")) },
      body,
      contentType: APPLY_PATCH_CONTENT_TYPE,
    });
  } catch (e) {
    r.env.stderr.write(`Warning: failed to re-apply configuration after performing Server-Side Apply migration. This is non-fatal and will be retried next time you apply. Error: ${errorText(e)}\n`);
    return obj;
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

async function clientSideApply(r: CommandRun, info: Info, o: WriteOptions, line: (info: Info, op: string) => void): Promise<KubeObject | undefined> {
  const manifest = info.object!;
  if (!info.name) {
    const generated = manifest.metadata?.generateName;
    if (generated) throw new KubectlError(`from ${generated}: cannot use generate name with apply`);
  }
  const modified = modifiedConfiguration(manifest);
  const query = writeQuery(o.fieldManager, o.dryRun, o.validation);
  let current: KubeObject;
  try {
    if (!info.name) throw new KubectlError("resource name may not be empty");
    current = await send(r, "GET", infoPath(info));
  } catch (e) {
    if (!(e instanceof ServerError && e.code === 404)) throw withSource("retrieving current configuration of", info.source, e);
    // Not there: create it with the annotation (nulls pruned, as an update would drop them).
    const created: KubeObject = structuredClone(manifest);
    created.metadata ??= {};
    created.metadata.annotations = { ...(created.metadata.annotations ?? {}), [LAST_APPLIED_ANNOTATION]: modified.metadata.annotations[LAST_APPLIED_ANNOTATION] };
    pruneNulls(created);
    let result = created;
    if (o.dryRun !== "client") {
      try {
        result = await send(r, "POST", resourcePath(info.mapping, info.namespace), { query, body: created });
      } catch (err) {
        throw withSource("creating", info.source, err);
      }
    }
    line(info, "created");
    return result;
  }
  if (o.dryRun === "client") {
    line(info, "configured");
    return manifest;
  }
  if (current.metadata?.annotations?.[LAST_APPLIED_ANNOTATION] === undefined) r.env.stderr.write(WARNING_NO_LAST_APPLIED(objectName(info)));
  const original = originalConfiguration(current) ?? {};
  let computed;
  try {
    computed = threeWayPatch(info.mapping, original, modified, current);
  } catch (e) {
    throw withSource("applying patch", info.source, e);
  }
  if (Object.keys(computed.patch).length === 0) {
    line(info, "unchanged");
    return current;
  }
  let patched: KubeObject;
  try {
    patched = await send(r, "PATCH", infoPath(info), { query, body: computed.patch, contentType: computed.contentType });
  } catch (e) {
    throw applyPatchError(e, computed.patch, info);
  }
  if (patched.metadata?.deletionTimestamp) r.env.stderr.write(`Warning: Detected changes to resource ${info.name} which is currently being deleted.\n`);
  line(info, "configured");
  return patched;
}

/** AddSourceToErr("applying patch:\n<patch>\nto:\n<info>\nfor:", ...) as kubectl words it. */
function applyPatchError(e: unknown, patch: unknown, info: Info): unknown {
  if (!info.source) return e;
  const where = `applying patch:\n${goJson(patch)}\nto:\nResource: "${info.mapping.group}/${info.mapping.version}, Resource=${info.mapping.resource}", GroupVersionKind: "${info.mapping.group ? `${info.mapping.group}/` : ""}${info.mapping.version}, Kind=${info.mapping.kind}"\nName: "${info.name}", Namespace: "${info.namespace ?? ""}"\nfor:`;
  return withSource(where, info.source, e);
}

// ---- apply view-last-applied / set-last-applied / edit-last-applied ----

const viewLastApplied: KubectlCommand = {
  name: "view-last-applied",
  short: "View the latest last-applied-configuration annotations of a resource/object",
  ...APPLY_VIEW_HELP,
  async run(r) {
    const output = r.flags.string("output") || "yaml";
    if (output !== "yaml" && output !== "json") throw new KubectlError(`Unexpected -o output mode: ${output}, the flag 'output' must be one of yaml|json`);
    const { infos, errors } = await collectInfos(r, r.args, {
      filenames: r.flags.strings("filename"),
      recursive: r.flags.bool("recursive"),
      selector: r.flags.string("selector"),
      all: r.flags.bool("all"),
      fetch: true,
    });
    if (errors.length) throw errors[0];
    for (const info of infos) {
      const text = info.object?.metadata?.annotations?.[LAST_APPLIED_ANNOTATION];
      if (text === undefined) throw new KubectlError(`no last-applied-configuration annotation found on resource: ${info.name}`);
      const parsed = JSON.parse(text);
      if (output === "json") r.env.stdout.write(JSON.stringify(parsed, null, 2) + "\n");
      else printObjects(r, [parsed], "yaml", { raw: true });
    }
  },
};

const setLastApplied: KubectlCommand = {
  name: "set-last-applied",
  short: "Set the last-applied-configuration annotation on a live object to match the contents of a file",
  ...APPLY_SET_HELP,
  async run(r) {
    const filenames = r.flags.strings("filename");
    if (!filenames.length) throw new UsageError("Must specify one of -f and -k");
    const dryRun = dryRunStrategy(r);
    const output = r.flags.string("output");
    const { infos, errors } = await collectInfos(r, r.args, { filenames, keepManifest: true });
    if (errors.length) throw errors[0];
    for (const info of infos) {
      const text = modifiedConfiguration(info.object!).metadata.annotations[LAST_APPLIED_ANNOTATION];
      let live: KubeObject;
      try {
        live = await send(r, "GET", infoPath(info));
      } catch (e) {
        if (e instanceof ServerError && e.code === 404) throw e;
        throw e;
      }
      if (live.metadata?.annotations?.[LAST_APPLIED_ANNOTATION] === undefined && !r.flags.bool("create-annotation")) {
        throw new KubectlError(
          `no last-applied-configuration annotation found on resource: ${info.name}, to create the annotation, run the command with --create-annotation\n`.trimEnd(),
        );
      }
      const patch = { metadata: { annotations: { [LAST_APPLIED_ANNOTATION]: text } } };
      if (dryRun !== "client") await send(r, "PATCH", infoPath(info), { query: writeQuery("", dryRun), body: patch, contentType: "application/merge-patch+json" });
      r.env.stdout.write(output === "name" ? `${kindName(info)}\n` : successLine(info, "configured", dryRun));
    }
  },
};

const editLastApplied: KubectlCommand = {
  name: "edit-last-applied",
  short: "Edit latest last-applied-configuration annotations of a resource/object",
  ...APPLY_EDIT_HELP,
  async run(r) {
    r.env.stderr.write(EDIT_IN_BROWSER_MESSAGE(r, "kubectl apply view-last-applied"));
    return 1;
  },
};

export const applyCommand: KubectlCommand = {
  name: "apply",
  short: "Apply a configuration to a resource by file name or stdin",
  ...APPLY_HELP,
  flags: [...APPLY_HELP.flags, { name: "record", type: "bool", usage: "Record current kubectl command in the resource annotation.", hidden: true, deprecated: "--record will be removed in the future" }],
  subcommands: [editLastApplied, setLastApplied, viewLastApplied],
  run,
};
