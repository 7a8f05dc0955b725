// What a kubectl command is (one module per verb describes itself with this) and how its help is
// printed: kubectl's own help template (k8s.io/kubectl/pkg/util/templates) over cobra's commands.
import type { FlagSpec } from "./flags";
import { Flags } from "./flags";
import { formatGoDuration } from "../machinery/duration";
import type { KubectlEnv } from "./env";
import type { KubeClient } from "./client";
import type { Kubeconfig } from "./kubeconfig";

export interface KubectlCommand {
  /** The word that selects it (`get`, `deployment`). */
  name: string;
  aliases?: string[];
  /** One line, shown in the parent's command list. */
  short: string;
  /** The help text's first part; defaults to `short`. Printed as kubectl prints it (already dedented). */
  long?: string;
  /** The "Examples:" block, lines already indented by two spaces. */
  example?: string;
  /** The usage line after `kubectl ` (e.g. `scale [--resource-version=version] ... [options]`). */
  usage: string;
  /** The command's local flags (the global ones are added by the root). */
  flags?: FlagSpec[];
  subcommands?: KubectlCommand[];
  /** The root's listing groups it under this heading. */
  group?: string;
  /** Not listed in its parent's help (still runs). */
  hidden?: boolean;
  /** Cobra's MarkFlagRequired: names of flags that must be set. */
  requiredFlags?: string[];
  /**
   * cobra's SetFlagErrorFunc as `kubectl diff` sets it: a flag error is printed as a usage error
   * (`See '<path> -h' for help and examples`) and exits with this code instead of 1.
   */
  flagErrorExitCode?: number;
  /** Runs the command; resolves to the exit code (0 when undefined). Commands without it print help. */
  run?(ctx: CommandRun): Promise<number | void>;
}

/** One invocation of a command. */
export interface CommandRun {
  env: KubectlEnv;
  flags: Flags;
  args: string[];
  /** `kubectl get`, `kubectl create deployment`: for messages that name the command. */
  path: string;
  command: KubectlCommand;
  /** The API, as the kubeconfig's user (impersonating --as/--as-group when given). */
  client: KubeClient;
  /** --namespace, else the current context's namespace, else "default". */
  namespace: string;
  /** Whether --namespace was given (some commands only filter by namespace then). */
  namespaceExplicit: boolean;
  kubeconfig: Kubeconfig;
}

/** A failure kubectl reports as `error: <message>` (exit 1 unless given). */
export class KubectlError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/**
 * kubectl's UsageErrorf: `error: <message>` then `See '<command path> -h' for help and examples`.
 */
export class UsageError extends KubectlError {}

/** Prints the command's help: long text, aliases, examples, subcommands, options, usage. */
export function renderHelp(cmd: KubectlCommand, path: string, allFlags: readonly FlagSpec[]): string {
  let out = trimText(cmd.long ?? cmd.short) + "\n";
  if (cmd.aliases?.length) out += `\nAliases:\n${[cmd.name, ...cmd.aliases].join(", ")}\n`;
  if (cmd.example) out += `\nExamples:\n${cmd.example.replace(/\n+$/, "")}\n`;
  const subs = (cmd.subcommands ?? []).filter((c) => !c.hidden && c.run !== undefined || (c.subcommands?.length ?? 0) > 0);
  if (subs.length) out += `\nAvailable Commands:\n${commandList(subs)}`;
  const local = (cmd.flags ?? []).filter((f) => !f.hidden);
  // kubectl's template trims the listing's trailing blank line (`kubectl options` keeps it).
  if (local.length && allFlags.length) out += `\nOptions:\n${flagUsages(local).replace(/\n$/, "")}`;
  out += `\nUsage:\n  kubectl ${cmd.usage}\n\n`;
  if (subs.length) out += `Use "${path} <command> --help" for more information about a given command.\n`;
  out += `Use "kubectl options" for a list of global command-line options (applies to all commands).\n`;
  return out;
}

/** Cobra's command list: names padded to the longest (at least 11), then three spaces. */
export function commandList(cmds: readonly KubectlCommand[], padTo?: number): string {
  const pad = padTo ?? Math.max(11, ...cmds.map((c) => c.name.length));
  return cmds.map((c) => `  ${c.name.padEnd(pad)}   ${c.short}\n`).join("");
}

/** kubectl's flag listing: `    -x, --name=default:` then the usage on a tab-indented line. */
export function flagUsages(flags: readonly FlagSpec[]): string {
  return [...flags]
    .filter((f) => !f.hidden && !f.deprecated)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((f) => {
      const name = (f.shorthand ? `-${f.shorthand}, ` : "") + `--${f.name}`;
      return `    ${name}=${defaultShown(f)}:\n\t${f.usage.replace(/\n/g, "\n\t")}\n\n`;
    })
    .join("");
}

/** pflag's DefValue as kubectl's help prints it (strings quoted, slices bracketed). */
function defaultShown(f: FlagSpec): string {
  if (f.defaultText !== undefined) return f.defaultText;
  const d = f.default;
  switch (f.type) {
    case "string":
      return `'${d ?? ""}'`;
    case "bool":
      return String(d === true);
    case "int":
    case "int64":
    case "float64":
      return String(d ?? 0);
    case "duration":
      return typeof d === "string" ? d : formatGoDuration(typeof d === "number" ? d : 0);
    case "stringArray":
    case "stringSlice":
      return `[${Array.isArray(d) ? d.join(",") : ""}]`;
    case "stringToString": {
      const entries = Object.entries((d as Record<string, string> | undefined) ?? {});
      return `[${entries.map(([k, v]) => `${k}=${v}`).join(",")}]`;
    }
  }
}

function trimText(s: string): string {
  return s.replace(/^\s+|\s+$/g, "");
}
