// The kubeconfig kubectl reads: `--kubeconfig`, else $KUBECONFIG, else ~/.kube/config in the
// sandbox's filesystem (the host seeds it with the same kubeconfig a learner downloads). It decides
// the namespace (`kubectl config set-context --current --namespace=x` sticks) and who to act as.
import { parse } from "yaml";
import type { KubectlEnv } from "./env";
import type { Flags } from "./flags";
import { KubectlError } from "./command";

export const DEFAULT_KUBECONFIG_PATH = "/root/.kube/config";

export interface Kubeconfig {
  /** Where it was read from (and where `kubectl config` writes). */
  path: string;
  /** The parsed document; an empty config when the file does not exist. */
  doc: KubeconfigDoc;
  /** The context in use: --context, else current-context. */
  contextName: string;
  namespace: string;
  /** Impersonate-* headers for --as / --as-group / --as-uid. */
  impersonation: Record<string, string>;
}

export interface KubeconfigDoc {
  apiVersion?: string;
  kind?: string;
  clusters?: { name: string; cluster: Record<string, unknown> }[];
  contexts?: { name: string; context: { cluster?: string; user?: string; namespace?: string } }[];
  "current-context"?: string;
  users?: { name: string; user: Record<string, unknown> }[];
  preferences?: Record<string, unknown>;
  [key: string]: unknown;
}

export function kubeconfigPath(env: KubectlEnv, flags: Flags): string {
  if (flags.string("kubeconfig")) return flags.string("kubeconfig");
  const fromEnv = env.vars.KUBECONFIG?.split(":").find((p) => p !== "");
  return fromEnv ?? DEFAULT_KUBECONFIG_PATH;
}

/**
 * The last kubeconfig text parsed, as JSON: every kubectl invocation reads the same file, and YAML
 * parsing was a sizeable share of a `kubectl get`'s CPU. Callers get their own copy to change.
 */
let lastParsed: { text: string; json: string } | undefined;

function parseKubeconfig(text: string): KubeconfigDoc {
  if (lastParsed?.text !== text) {
    const parsed = parse(text, { maxAliasCount: 100 });
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not a mapping");
    lastParsed = { text, json: JSON.stringify(parsed) };
  }
  return JSON.parse(lastParsed.json) as KubeconfigDoc;
}

export function loadKubeconfig(env: KubectlEnv, flags: Flags): Kubeconfig {
  const path = kubeconfigPath(env, flags);
  const text = env.files.read(path);
  if (text === undefined && flags.string("kubeconfig")) throw new KubectlError(`stat ${path}: no such file or directory`);
  let doc: KubeconfigDoc = {};
  if (text !== undefined && text.trim() !== "") {
    try {
      doc = parseKubeconfig(text);
    } catch (e) {
      throw new KubectlError(`error loading config file "${path}": ${(e as Error).message}`);
    }
  }
  const contextName = flags.string("context") || doc["current-context"] || "";
  const context = doc.contexts?.find((c) => c.name === contextName)?.context;
  if (flags.string("context") && !context) throw new KubectlError(`context was not found for specified context: ${contextName}`);
  const namespace = flags.string("namespace") || context?.namespace || "default";
  const impersonation: Record<string, string> = {};
  if (flags.string("as")) impersonation["impersonate-user"] = flags.string("as");
  if (flags.strings("as-group").length) impersonation["impersonate-group"] = flags.strings("as-group").join(", ");
  if (flags.string("as-uid")) impersonation["impersonate-uid"] = flags.string("as-uid");
  return { path, doc, contextName, namespace, impersonation };
}
