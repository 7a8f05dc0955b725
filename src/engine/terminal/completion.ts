// Tab completion for the terminal: command names at the start of a command, kubectl's subcommands
// and flags, resource types, object names (`get pods <TAB>`, `get pod/<TAB>`, `logs <TAB>`) and
// namespaces after -n. Like kubectl's own completion, names come from the cluster (a list request).
import { KubeClient, resourcePath, type ApiResource } from "../kubectl/client";
import { GLOBAL_FLAGS } from "../kubectl/globals";
import { ROOT_COMMANDS } from "../kubectl/verbs";
import type { KubectlCommand } from "../kubectl/command";
import type { KubectlEnv } from "../kubectl/env";
import type { ApiDoor } from "./kubectl-command";
import { LIMITS } from "../limits";

export interface Completions {
  /** Where the word being completed starts in the line. */
  start: number;
  /** Whole words that could replace it, sorted. */
  candidates: string[];
}

/** Verbs whose first argument is a resource type (or TYPE/NAME). */
const TYPE_FIRST = new Set(["get", "describe", "delete", "edit", "label", "annotate", "scale", "patch", "explain", "wait", "autoscale", "expose", "history", "pause", "resume", "restart", "status", "undo", "image", "env", "resources", "selector", "serviceaccount", "subject", "top"]);
/** Verbs whose first argument is a pod (or TYPE/NAME). */
const POD_FIRST = new Set(["logs", "exec", "attach", "port-forward"]);
/** Verbs whose first argument is a node. */
const NODE_FIRST = new Set(["cordon", "uncordon", "drain", "taint"]);

export async function complete(line: string, cursor: number, ctx: { commandNames: string[]; aliases: Record<string, string>; api: ApiDoor; namespace?: string }): Promise<Completions> {
  const before = line.slice(0, Math.max(0, Math.min(cursor, line.length)));
  // The current command: after the last |, &&, || or ;.
  const segmentStart = Math.max(...["|", "&&", "||", ";"].map((op) => before.lastIndexOf(op) + (before.lastIndexOf(op) >= 0 ? op.length : 0)), 0);
  const segment = before.slice(segmentStart);
  const wordStart = segmentStart + Math.max(segment.lastIndexOf(" "), segment.lastIndexOf("\t")) + 1;
  const current = before.slice(wordStart);
  const words = segment.slice(0, wordStart - segmentStart).trim().split(/\s+/).filter(Boolean);
  const done = (candidates: Iterable<string>) => ({ start: wordStart, candidates: [...new Set(candidates)].filter((c) => c.startsWith(current)).sort().slice(0, LIMITS.maxCompletions) });

  if (!words.length) return done([...ctx.commandNames, ...Object.keys(ctx.aliases)]);
  const program = ctx.aliases[words[0]]?.split(/\s+/)[0] ?? words[0];
  if (program !== "kubectl") return { start: wordStart, candidates: [] };

  // Walk kubectl's command tree over the words typed so far.
  let cmd: KubectlCommand | undefined;
  let subs = ROOT_COMMANDS;
  const positional: string[] = [];
  let namespace = ctx.namespace;
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    if (w.startsWith("-")) {
      if ((w === "-n" || w === "--namespace") && words[i + 1]) namespace = words[++i];
      else if (w.startsWith("--namespace=")) namespace = w.slice("--namespace=".length);
      continue;
    }
    const sub = subs.find((c) => c.name === w || c.aliases?.includes(w));
    if (sub && !positional.length) {
      cmd = sub;
      subs = sub.subcommands ?? [];
      continue;
    }
    positional.push(w);
  }
  const previous = words[words.length - 1];
  const client = new KubeClient(apiOnlyEnv(ctx.api));
  if (previous === "-n" || previous === "--namespace") return done(await names(client, "namespaces"));
  if (current.startsWith("-")) {
    const flags = [...(cmd?.flags ?? []), ...GLOBAL_FLAGS].filter((f) => !f.hidden);
    return done(flags.flatMap((f) => (current.startsWith("--") || !f.shorthand ? [`--${f.name}`] : [`-${f.shorthand}`, `--${f.name}`])));
  }
  if (!cmd || (subs.length && !positional.length && !cmd.run)) return done((cmd ? subs : ROOT_COMMANDS).filter((c) => !c.hidden).map((c) => c.name));
  const verb = cmd.name;
  try {
    if (POD_FIRST.has(verb) && !positional.length) return done(await names(client, "pods", namespace));
    if (NODE_FIRST.has(verb) && !positional.length) return done(await names(client, "nodes"));
    if (!TYPE_FIRST.has(verb)) return done([]);
    if (!positional.length) {
      const slash = current.indexOf("/");
      if (slash >= 0) {
        const type = current.slice(0, slash);
        return done((await names(client, type, namespace)).map((n) => `${type}/${n}`));
      }
      return done(typeNames(await client.resources()));
    }
    return done(await names(client, positional[0].split(",")[0], namespace));
  } catch {
    return done([]); // an unknown type or a failed list: nothing to offer, like kubectl
  }
}

/** Plural names (and short names) of every listable resource. */
function typeNames(resources: ApiResource[]): string[] {
  return resources.filter((r) => !r.resource.includes("/") && r.verbs.includes("list")).flatMap((r) => [r.resource, ...r.shortNames]);
}

async function names(client: KubeClient, type: string, namespace = "default"): Promise<string[]> {
  const mapping = await client.resolve(type);
  const list = await client.request<{ items?: { metadata?: { name?: string } }[] }>("GET", resourcePath(mapping, namespace), { query: { limit: String(LIMITS.maxCompletions) } });
  return (list.items ?? []).map((o) => o.metadata?.name ?? "").filter(Boolean);
}

/** Completion only talks to the API; it has no streams or files. */
function apiOnlyEnv(api: ApiDoor): KubectlEnv {
  const none = { write() {} };
  return {
    stdin: { read: async () => null },
    stdout: none,
    stderr: none,
    host: { now: () => 0, sleep: async () => {}, signal: new AbortController().signal },
    files: { read: () => undefined, isDirectory: () => false, list: () => undefined, write: () => {} },
    vars: {},
    api,
  };
}
