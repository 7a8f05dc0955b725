// cmdutil.DefaultSubCommandRun: what `kubectl top`, `kubectl config`, `kubectl auth` and
// `kubectl plugin` do without a subcommand — their help on stderr and exit 1 (an extra word is an
// "unknown command" usage error).
import type { CommandRun } from "../command";
import { UsageError, renderHelp } from "../command";
import { GLOBAL_FLAGS } from "../globals";

export async function defaultSubCommandRun(run: CommandRun): Promise<number> {
  if (run.args.length) throw new UsageError(`unknown command ${JSON.stringify(run.args.join(" "))}`);
  run.env.stderr.write(renderHelp(run.command, run.path, [...(run.command.flags ?? []), ...GLOBAL_FLAGS]));
  return 1;
}
