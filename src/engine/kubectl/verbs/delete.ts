// `kubectl delete` (k8s.io/kubectl/pkg/cmd/delete): by names, TYPE/NAME, -f, -l, --field-selector,
// --all; cascading strategy, grace periods, --force/--now, and waiting for the objects to be gone.
import type { CommandRun, KubectlCommand } from "../command";
import { KubectlError } from "../command";
import { ServerError, formatError } from "../client";
import { DELETE_HELP } from "./mutation-help";
import { collectInfos, dryRunStrategy, infoPath, klogWarning, reportErrors, send, withSource, type DryRun, type Info } from "../infos";
import { parseGoBool } from "../flags";

type Propagation = "Background" | "Foreground" | "Orphan";

/** delete_flags.go parseCascadingFlag. */
export function cascadingStrategy(r: CommandRun): Propagation {
  const v = r.flags.string("cascade");
  switch (v) {
    case "orphan":
      return "Orphan";
    case "foreground":
      return "Foreground";
    case "background":
      return "Background";
  }
  const b = parseGoBool(v);
  if (b === undefined) throw new KubectlError(`invalid cascade value (${v}). Must be "background", "foreground", or "orphan"`);
  klogWarning(r, "delete_flags.go:224", `--cascade=${v} is deprecated (boolean value) and can be replaced with --cascade=${b ? "background" : "orphan"}.`);
  return b ? "Background" : "Orphan";
}

/** `pod`, `deployment.apps`: how delete (and what deletes through its printer: replace --force, run --rm) names a kind. */
export function kindString(mapping: { kind: string; group: string }): string {
  return mapping.group ? `${mapping.kind.toLowerCase()}.${mapping.group}` : mapping.kind.toLowerCase();
}

async function run(r: CommandRun): Promise<number> {
  const { flags, env } = r;
  if (flags.string("raw")) throw new KubectlError("--raw is not available in this sandbox: use kubectl delete TYPE NAME");
  if (flags.string("kustomize")) throw new KubectlError("kustomize is not available in this sandbox: delete with -f or by name");
  let gracePeriod = flags.int("grace-period");
  const force = flags.bool("force");
  if (flags.bool("now")) {
    if (gracePeriod !== -1) throw new KubectlError("--now and --grace-period cannot be specified together");
    gracePeriod = 1;
  }
  if (gracePeriod === 0 && !force) gracePeriod = 1;
  if (force && gracePeriod < 0) gracePeriod = 0;
  const all = flags.bool("all");
  const selector = flags.string("selector");
  const fieldSelector = flags.string("field-selector");
  let ignoreNotFound = flags.bool("ignore-not-found");
  if ((all || selector || fieldSelector) && !flags.changed("ignore-not-found")) ignoreNotFound = true;
  const dryRun = dryRunStrategy(r);
  const propagation = cascadingStrategy(r);
  const output = flags.string("output");

  // Validate()
  if (output !== "" && output !== "name") throw new KubectlError(`unexpected -o output mode: ${output}. We only support '-o name'`);
  if (gracePeriod === 0 && force) {
    env.stderr.write("Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n");
  } else if (gracePeriod > 0 && force) throw new KubectlError("--force and --grace-period greater than 0 cannot be specified together");
  if (flags.bool("interactive")) throw new KubectlError("--interactive is not available in this sandbox: list what would be deleted with kubectl get first");

  const { infos, errors } = await collectInfos(r, r.args, {
    filenames: flags.strings("filename"),
    recursive: flags.bool("recursive"),
    selector,
    fieldSelector,
    all,
    allNamespaces: flags.bool("all-namespaces"),
  });

  let warnClusterScope = r.namespaceExplicit && !flags.bool("all-namespaces");
  const deleted: { info: Info; uid?: string }[] = [];
  const failures: unknown[] = [...errors];
  let found = 0;
  for (const info of infos) {
    // Counted before the request, as kubectl does: a name that turns out missing (and ignored) is
    // not "No resources found".
    found++;
    if (warnClusterScope && !info.mapping.namespaced) {
      env.stderr.write("Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n");
      warnClusterScope = false;
    }
    if (dryRun === "client") {
      deleted.push({ info });
      printDeleted(r, info, gracePeriod, dryRun, output);
      continue;
    }
    const body: Record<string, unknown> = { kind: "DeleteOptions", apiVersion: "v1", propagationPolicy: propagation };
    if (gracePeriod >= 0) body.gracePeriodSeconds = gracePeriod;
    if (dryRun === "server") body.dryRun = ["All"];
    try {
      const resp = await send(r, "DELETE", infoPath(info), { body });
      deleted.push({ info, uid: resp.kind === "Status" ? resp.details?.uid : resp.metadata?.uid });
      printDeleted(r, info, gracePeriod, dryRun, output);
    } catch (e) {
      if (ignoreNotFound && e instanceof ServerError && e.code === 404) continue;
      failures.push(withSource("deleting", info.source, e));
    }
  }
  if (failures.length) return reportErrors(r, failures, formatError);
  if (!found) {
    env.stdout.write("No resources found\n");
    return 0;
  }
  if (!flags.bool("wait") || dryRun !== "none" || !deleted.length) return 0;
  return waitForDeletion(r, deleted);
}

function printDeleted(r: CommandRun, info: Info, gracePeriod: number, dryRun: DryRun, output: string): void {
  let operation = gracePeriod === 0 ? "force deleted" : "deleted";
  if (dryRun === "client") operation += " (dry run)";
  if (dryRun === "server") operation += " (server dry run)";
  r.env.stdout.write(output === "name" ? `${kindString(info.mapping)}/${info.name}\n` : `${kindString(info.mapping)} "${info.name}" ${operation}\n`);
}

/** How often deletion is checked while waiting (kubectl watches; one GET a simulated second). */
const WAIT_POLL_MS = 1000;

/** cmdwait IsDeleted for every deleted object, bounded by --timeout (0: a week). */
async function waitForDeletion(r: CommandRun, deleted: { info: Info; uid?: string }[]): Promise<number> {
  const { env } = r;
  const timeout = r.flags.duration("timeout") || 168 * 3600_000;
  const deadline = env.host.now() + timeout;
  for (const { info, uid } of deleted) {
    for (;;) {
      let gone = false;
      try {
        const obj = await send(r, "GET", infoPath(info));
        gone = uid !== undefined && obj.metadata?.uid !== uid;
      } catch (e) {
        if (e instanceof ServerError && e.code === 404) gone = true;
        else if (e instanceof ServerError && (e.code === 403 || e.code === 405)) gone = true;
        else throw e;
      }
      if (gone) break;
      if (env.host.signal.aborted) return 1;
      const left = deadline - env.host.now();
      if (left <= 0) throw new KubectlError(`timed out waiting for the condition on ${info.mapping.resource}${info.mapping.group ? `.${info.mapping.group}` : ""}/${info.name}`);
      await env.host.sleep(Math.min(WAIT_POLL_MS, left));
    }
  }
  return 0;
}

export const deleteCommand: KubectlCommand = {
  name: "delete",
  short: "Delete resources by file names, stdin, resources and names, or by resources and label selector",
  ...DELETE_HELP,
  run,
};
