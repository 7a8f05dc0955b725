// `kubectl create`: objects from manifests (`-f` files, directories, `-`), and the generators
// (`create deployment|service ...|configmap|secret ...|job|cronjob|namespace|serviceaccount|role|
// rolebinding|clusterrole|clusterrolebinding|quota|ingress|priorityclass|poddisruptionbudget|token`),
// which build an object on the client (src/engine/kubectl/generators), then send it or, with
// --dry-run=client, only print it (pkg/cmd/create in kubectl).
import type { KubeObject } from "../client";
import { formatError, resourcePath } from "../client";
import type { CommandRun, KubectlCommand } from "../command";
import { KubectlError, UsageError } from "../command";
import { manifestTarget, readManifests, type ManifestDoc } from "../builder";
import { dryRunStrategy, kindName, reportErrors, send, withSource, type DryRun } from "../infos";
import { modifiedConfiguration } from "../patching";
import { objectPrinter, type ObjectPrinter } from "./object-output";
import { createQuery, validationDirective } from "./create-common";
import { GENERATOR_COMMANDS } from "./create-generators";
import { CREATE_HELP } from "./create-help";

/** `kubectl create -f ...` (CreateOptions.RunCreate). */
async function runCreate(run: CommandRun): Promise<number> {
  const { flags, args } = run;
  if (args.length) throw new UsageError(`Unexpected args: [${args.join(" ")}]`);
  const filenames = flags.strings("filename");
  const kustomize = flags.string("kustomize");
  if (!filenames.length && !kustomize) throw new KubectlError("must specify one of -f and -k");
  if (filenames.length && kustomize) throw new KubectlError("only one of -f or -k can be specified");
  if (kustomize) throw new KubectlError("kustomize (-k) is not available in this sandbox; build the manifests into a file and use -f");
  if (flags.bool("edit")) throw new KubectlError("--edit is not available in this sandbox: write the manifest to a file, edit it, then create it with -f");
  if (flags.string("raw")) throw new KubectlError("--raw is not available in this sandbox");
  const dryRun = dryRunStrategy(run);
  const fieldValidation = validationDirective(run);
  // Objects from manifests are unstructured: their JSON prints with sorted keys.
  const printer = objectPrinter(run, "created", dryRun, false);
  const read = await readManifests(run, filenames, flags.bool("recursive"), { validate: fieldValidation !== "Ignore" });
  const errors: unknown[] = read.errors.map((e) => new KubectlError(e));
  const selector = flags.string("selector");
  let count = 0;
  for (const doc of read.docs) {
    try {
      if (await createOne(run, doc, dryRun, fieldValidation, printer, selector)) count++;
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length) return reportErrors(run, errors, formatError);
  if (count === 0) throw new KubectlError("no objects passed to create");
  return 0;
}

/** One manifest document: label-selected, annotated, created (or not, in a client dry run), printed. */
async function createOne(run: CommandRun, doc: ManifestDoc, dryRun: DryRun, fieldValidation: string, printer: ObjectPrinter, selector: string): Promise<boolean> {
  const target = await manifestTarget(run, doc);
  let obj: KubeObject = structuredClone(doc.object);
  if (selector && !matchesSelector(obj.metadata?.labels ?? {}, selector)) return false;
  if (target.namespace && target.mapping.namespaced) obj.metadata = { ...obj.metadata, namespace: target.namespace };
  if (run.flags.bool("save-config")) obj = modifiedConfiguration(obj);
  if (dryRun !== "client") {
    try {
      obj = await send(run, "POST", resourcePath(target.mapping, target.namespace), { query: createQuery(run, dryRun, fieldValidation), body: obj });
    } catch (e) {
      throw withSource("creating", doc.source, e);
    }
  }
  printer.print(obj, kindName({ mapping: target.mapping, name: obj.metadata?.name ?? "" }), false);
  return true;
}

/** Equality-based -l (the builder filters manifests by their labels). */
function matchesSelector(labels: Record<string, string>, selector: string): boolean {
  return selector.split(",").every((term) => {
    const ne = term.split("!=");
    if (ne.length === 2) return labels[ne[0].trim()] !== ne[1].trim();
    const [k, v] = term.split(/==?/);
    if (v === undefined) return k.trim() in labels;
    return labels[k.trim()] === v.trim();
  });
}

export const createCommand: KubectlCommand = {
  name: "create",
  short: "Create a resource from a file or from stdin",
  long: CREATE_HELP.long,
  example: CREATE_HELP.example,
  usage: CREATE_HELP.usage,
  flags: CREATE_HELP.flags,
  subcommands: GENERATOR_COMMANDS,
  run: runCreate,
};
