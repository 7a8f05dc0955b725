// `kubectl cordon` (and the node-selection and (un)cordoning that uncordon and drain share):
// nodes named as arguments (or `nodes/NAME`) or selected with -l, marked (un)schedulable with a
// strategic merge patch of spec.unschedulable, reported through the name printer
// (`node/x cordoned`, `node/x already cordoned`, ` (dry run)`).
import type { CommandRun, KubectlCommand } from "../command";
import { KubectlError, UsageError } from "../command";
import type { KubeObject } from "../client";
import { dryRunStrategy, dryRunSuffix, type DryRun } from "../infos";
import { DRY_RUN_FLAG, SELECTOR_FLAG } from "../common-flags";

/** The nodes a cordon/uncordon/drain invocation names (all fetched before anything changes). */
export async function selectedNodes(run: CommandRun, verb: string): Promise<KubeObject[]> {
  const { args, flags } = run;
  const selector = flags.string("selector");
  if (!args.length && !flags.changed("selector")) throw new UsageError(`USAGE: ${verb} NODE [flags]`);
  if (args.length && selector) throw new UsageError("error: cannot specify both a node name and a --selector option");
  if (selector || !args.length) {
    const list = await run.client.request("GET", "/api/v1/nodes", { query: { labelSelector: selector || undefined } });
    return list.items ?? [];
  }
  const out: KubeObject[] = [];
  for (const a of args) {
    let type = "nodes";
    let name = a;
    if (a.includes("/")) [type, name] = a.split("/");
    const mapping = await run.client.resolve(type);
    if (mapping.group !== "" || mapping.resource !== "nodes") throw new KubectlError(`error: expected resource of type node, got "${mapping.group ? `${mapping.group}/` : ""}${mapping.version}, Resource=${mapping.resource}"`);
    out.push(await run.client.request("GET", `/api/v1/nodes/${encodeURIComponent(name)}`));
  }
  return out;
}

/** RunCordonOrUncordon: patch each node whose spec.unschedulable differs; print what happened. */
export async function cordonOrUncordon(run: CommandRun, nodes: KubeObject[], desired: boolean, dryRun: DryRun): Promise<void> {
  const { env } = run;
  const verb = desired ? "cordon" : "uncordon";
  for (const node of nodes) {
    const name = node.metadata.name;
    if ((node.spec?.unschedulable === true) === desired) {
      env.stdout.write(`node/${name} already ${verb}ed${dryRunSuffix(dryRun)}\n`);
      continue;
    }
    if (dryRun !== "client") {
      try {
        await run.client.request("PATCH", `/api/v1/nodes/${encodeURIComponent(name)}`, {
          body: { spec: { unschedulable: desired ? true : null } },
          contentType: "application/strategic-merge-patch+json",
          query: dryRun === "server" ? { dryRun: "All" } : undefined,
        });
      } catch (e) {
        env.stderr.write(`error: unable to ${verb} node ${JSON.stringify(name)}: ${(e as Error).message}\n`);
        continue;
      }
    }
    env.stdout.write(`node/${name} ${verb}ed${dryRunSuffix(dryRun)}\n`);
  }
}

/** cordon and uncordon: the same command, marking nodes unschedulable or schedulable. */
export function nodeScheduleCommand(unschedulable: boolean): KubectlCommand {
  const verb = unschedulable ? "cordon" : "uncordon";
  const state = unschedulable ? "unschedulable" : "schedulable";
  return {
    name: verb,
    short: `Mark node as ${state}`,
    long: `Mark node as ${state}.`,
    example: `  # Mark node "foo" as ${state}
  kubectl ${verb} foo`,
    usage: `${verb} NODE [options]`,
    flags: [DRY_RUN_FLAG, SELECTOR_FLAG],
    async run(run) {
      const dryRun = dryRunStrategy(run);
      await cordonOrUncordon(run, await selectedNodes(run, verb), unschedulable, dryRun);
    },
  };
}

export const cordonCommand = nodeScheduleCommand(true);
