// `kubectl` inside the sandbox: finds the command like cobra does, parses its flags like pflag,
// prints help and errors the way kubectl 1.32 does, and runs the command against the sandbox's own
// API server through the host's door. One module per verb under ./verbs.
import { FlagError, Flags, parseFlags, type FlagSpec } from "./flags";
import { GLOBAL_FLAGS } from "./globals";
import { KubectlError, UsageError, commandList, flagUsages, renderHelp, type KubectlCommand } from "./command";
import { formatError, KubeClient } from "./client";
import type { KubectlEnv } from "./env";
import { ROOT_GROUPS, ROOT_COMMANDS } from "./verbs";
import { loadKubeconfig } from "./kubeconfig";

/** Runs `kubectl <argv...>`; resolves to the exit code. Never throws. */
export async function runKubectl(argv: readonly string[], env: KubectlEnv): Promise<number> {
  const found = findCommand(argv);
  if ("error" in found) {
    env.stderr.write(found.error);
    return 1;
  }
  const { command, path, rest } = found;
  const specs: FlagSpec[] = [...(command.flags ?? []), ...GLOBAL_FLAGS.filter((g) => !command.flags?.some((f) => f.name === g.name))];
  let parsed;
  try {
    parsed = parseFlags(rest, specs);
  } catch (e) {
    if (e instanceof FlagError && command.flagErrorExitCode !== undefined) {
      env.stderr.write(`error: ${e.message}\nSee '${path} -h' for help and examples\n`);
      return command.flagErrorExitCode;
    }
    if (e instanceof FlagError) {
      env.stderr.write(`error: ${e.message}\nSee '${path} --help' for usage.\n`);
      return 1;
    }
    throw e;
  }
  for (const w of parsed.warnings) env.stderr.write(`${w}\n`);
  if (parsed.help) {
    env.stdout.write(command === ROOT ? rootHelp() : renderHelp(command, path, specs));
    return 0;
  }
  if (!command.run) {
    // A command that only groups others (`kubectl certificate`): cobra prints its help.
    if (parsed.args.length) {
      env.stderr.write(`error: unknown command "${parsed.args.join(" ")}"\nSee '${path} -h' for help and examples\n`);
      return 1;
    }
    env.stdout.write(command === ROOT ? rootHelp() : renderHelp(command, path, specs));
    return 0;
  }
  const missing = (command.requiredFlags ?? []).filter((f) => !parsed.set.has(f));
  if (missing.length) {
    env.stderr.write(`error: required flag(s) ${missing.map((m) => `"${m}"`).join(", ")} not set\n`);
    return 1;
  }
  const flags = new Flags(specs, parsed);
  try {
    const kubeconfig = loadKubeconfig(env, flags);
    const client = new KubeClient(env, kubeconfig.impersonation);
    const code = await command.run({ env, flags, args: parsed.args, path, command, client, namespace: kubeconfig.namespace, namespaceExplicit: flags.changed("namespace"), kubeconfig });
    return code ?? 0;
  } catch (e) {
    if (e instanceof UsageError) {
      env.stderr.write(`error: ${e.message}\nSee '${path} -h' for help and examples\n`);
      return e.exitCode;
    }
    env.stderr.write(formatError(e));
    return e instanceof KubectlError ? e.exitCode : 1;
  }
}

/** The command `kubectl <argv...>` would run, as its path ("kubectl top pod"); undefined when there is none. */
export function kubectlCommandPath(argv: readonly string[]): string | undefined {
  const found = findCommand(argv);
  return "error" in found ? undefined : found.path;
}

const ROOT: KubectlCommand = {
  name: "kubectl",
  short: "kubectl controls the Kubernetes cluster manager",
  usage: "[flags] [options]",
  subcommands: ROOT_COMMANDS,
};

type Found = { command: KubectlCommand; path: string; rest: string[] } | { error: string };

/**
 * cobra's Command.Find: walks the words that are not flags (skipping the values of flags that take
 * one), descending into subcommands while the next word names one. What is left over is for the
 * command's own flag parsing.
 */
function findCommand(argv: readonly string[]): Found {
  let command = ROOT;
  let path = "kubectl";
  let rest = [...argv];
  // `kubectl help get` is `kubectl get --help`.
  const firstWord = nonFlagWords(rest, GLOBAL_FLAGS)[0];
  if (firstWord?.word === "help") {
    rest.splice(firstWord.index, 1);
    const found = findCommand(rest);
    if ("error" in found) {
      const topic = nonFlagWords(rest, GLOBAL_FLAGS).map((w) => w.word);
      return { error: `Unknown help topic [\`${topic.join(" ")}\`]\n` };
    }
    return { ...found, rest: [...found.rest, "--help"] };
  }
  for (;;) {
    const subs = command.subcommands ?? [];
    if (!subs.length) break;
    const specs = [...(command.flags ?? []), ...GLOBAL_FLAGS];
    const next = nonFlagWords(rest, specs)[0];
    if (!next) break;
    const sub = subs.find((c) => c.name === next.word || c.aliases?.includes(next.word));
    if (!sub) {
      if (command === ROOT) {
        if (next.word === "options") return { command: OPTIONS, path: "kubectl options", rest: rest.filter((_, i) => i !== next.index) };
        const suggestions = suggestionsFor(next.word, subs);
        let error = `error: unknown command "${next.word}" for "kubectl"\n`;
        if (suggestions.length) error += `\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join("")}`;
        return { error };
      }
      break;
    }
    rest = rest.filter((_, i) => i !== next.index);
    command = sub;
    path += ` ${sub.name}`;
  }
  return { command, path, rest };
}

/** Words of argv that are not flags or flag values (cobra's stripFlags). */
function nonFlagWords(argv: readonly string[], specs: readonly FlagSpec[]): { word: string; index: number }[] {
  const takesValue = (name: string, short: boolean) => {
    const spec = specs.find((s) => (short ? s.shorthand === name : s.name === name));
    return spec !== undefined && spec.type !== "bool" && spec.noOptDefVal === undefined;
  };
  const out: { word: string; index: number }[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") break;
    if (a.startsWith("--")) {
      if (!a.includes("=") && takesValue(a.slice(2), false)) i++;
    } else if (a.startsWith("-") && a.length > 1) {
      if (!a.includes("=") && a.length === 2 && takesValue(a[1], true)) i++;
    } else out.push({ word: a, index: i });
  }
  return out;
}

/** cobra's SuggestionsFor: Levenshtein distance at most 2 (case-insensitive) or a prefix match, in command order. */
function suggestionsFor(typed: string, cmds: readonly KubectlCommand[]): string[] {
  const t = typed.toLowerCase();
  return cmds.filter((c) => !c.hidden && (levenshtein(t, c.name.toLowerCase()) <= 2 || c.name.toLowerCase().startsWith(t))).map((c) => c.name);
}

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

/** `kubectl` and `kubectl --help`: the command groups. */
function rootHelp(): string {
  const pad = Math.max(11, ...ROOT_COMMANDS.filter((c) => !c.hidden).map((c) => c.name.length));
  let out = "kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n";
  for (const group of ROOT_GROUPS) {
    const cmds = ROOT_COMMANDS.filter((c) => c.group === group && !c.hidden);
    out += `\n${group}:\n${commandList(cmds, pad)}`;
  }
  out += "\nUsage:\n  kubectl [flags] [options]\n\nUse \"kubectl <command> --help\" for more information about a given command.\nUse \"kubectl options\" for a list of global command-line options (applies to all commands).\n";
  return out;
}

/** `kubectl options`: the global flags. */
const OPTIONS: KubectlCommand = {
  name: "options",
  short: "Print the list of flags inherited by all commands",
  usage: "options [flags] [options]",
  hidden: true,
  async run({ env, args }) {
    if (args.length) throw new UsageError(`unknown command "${args.join(" ")}"`);
    env.stdout.write(`The following options can be passed to any command:\n\n${flagUsages(GLOBAL_FLAGS)}`);
  },
};
