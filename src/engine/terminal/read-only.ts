// What an instructor may run in a learner's sandbox: read-only kubectl commands (get, describe,
// logs, top, events, explain), optionally piped through text filters. Two fences: the command line
// is vetted here (a refusal says what is allowed), and the API door it runs with lets only GETs
// through, so nothing that slips past the first fence can change the learner's cluster. The host
// runs it in a throwaway shell, so the learner's files and history stay untouched too.
import type { ApiCall } from "../kubectl/env";
import { kubectlCommandPath } from "../kubectl/index";
import type { ApiDoor } from "./kubectl-command";

export const READ_ONLY_VERBS = ["get", "describe", "logs", "top", "events", "explain"] as const;

/** Commands a read-only kubectl command may be piped into. */
const FILTERS = new Set(["grep", "head", "tail", "sort", "uniq", "wc", "cut", "tr", "awk", "sed", "cat"]);

const ALLOWED = `only read-only kubectl commands may run in a learner's sandbox: kubectl ${READ_ONLY_VERBS.join(", ")} (optionally piped into ${[...FILTERS].join(", ")})`;

/** Why `line` is not a read-only kubectl command line, or undefined when it is one. */
export function readOnlyRefusal(line: string): string | undefined {
  if (!line.trim()) return `the command is empty; ${ALLOWED}`;
  if (/[;&<>`\n]|\$\(/.test(line)) return `${ALLOWED}; lists (;, &&), redirections and command substitution are not allowed`;
  const [first, ...filters] = line.split("|").map((s) => s.trim().split(/\s+/).filter(Boolean));
  if (first[0] !== "kubectl") return `${first[0] ?? "the command"} is not kubectl; ${ALLOWED}`;
  const verb = kubectlCommandPath(first.slice(1))?.split(" ")[1];
  if (!verb || !(READ_ONLY_VERBS as readonly string[]).includes(verb)) {
    const named = verb ?? first.slice(1).find((w) => !w.startsWith("-"));
    return `${named ? `kubectl ${named}` : "kubectl without a command"} is not read-only; ${ALLOWED}`;
  }
  for (const f of filters) {
    if (!f.length || !FILTERS.has(f[0])) return `${f[0] ?? "an empty pipeline stage"} is not a text filter; ${ALLOWED}`;
  }
  return undefined;
}

/** An API door that serves reads and refuses every write with 403 Forbidden (as RBAC would). */
export function readOnlyDoor(api: ApiDoor): ApiDoor {
  return async (call: ApiCall) => {
    if (call.method === "GET" || call.method === "HEAD") return api(call);
    return {
      status: 403,
      body: { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: `instructors may only read a learner's sandbox: ${call.method} ${call.path} is not allowed`, reason: "Forbidden", details: {}, code: 403 },
    };
  };
}
