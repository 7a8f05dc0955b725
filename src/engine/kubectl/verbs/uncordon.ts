// `kubectl uncordon`: cordon's node selection and patch, the other way (see cordon.ts).
import type { KubectlCommand } from "../command";
import { dryRunStrategy } from "../infos";
import { DRY_RUN_FLAG, cordonOrUncordon, selectedNodes } from "./cordon";

export const uncordonCommand: KubectlCommand = {
  name: "uncordon",
  short: "Mark node as schedulable",
  long: `Mark node as schedulable.`,
  example: `  # Mark node "foo" as schedulable
  kubectl uncordon foo`,
  usage: "uncordon NODE [options]",
  flags: [
    DRY_RUN_FLAG,
    { name: "selector", shorthand: "l", type: "string", usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
  ],
  async run(run) {
    const dryRun = dryRunStrategy(run);
    await cordonOrUncordon(run, await selectedNodes(run, "uncordon"), false, dryRun);
  },
};
