// `kubectl run -i/--attach/-t`: what run.go does after creating the pod (release-1.32). It waits for
// the pod to be running and ready or to have completed (--pod-running-timeout), prints a completed
// pod's logs, or "attaches" to a running one — here by following its log the way `kubectl logs -f`
// does, which gives the container's output as its log has it; then, with restartPolicy Never or
// OnFailure, waits for the pod to complete (or succeed) and exits with its container's exit code;
// with --rm it deletes what it created, even when something failed (run.go defers the removal).
// Waiting polls the pod through the API door once a simulated second (real kubectl watches).
//
// Only what truly needs a live terminal is refused, before anything is created: a container whose
// program waits on stdin (an interactive shell or REPL, `cat` without files). A program that never
// ends is followed until Ctrl-C, like `kubectl logs -f`.
import type { KubeObject } from "../client";
import { ServerError, resourcePath } from "../client";
import type { CommandRun } from "../command";
import { KubectlError } from "../command";
import { send } from "../infos";
import { mappingFor } from "./create-common";
import { fetchLog, followLogs, type LogRequest } from "./logs";
import { kindString } from "./delete";
import { waitsOnStdin } from "../../kubelet/workloads";
import type { Container } from "../../kinds/common/pod";

export const ATTACH_UNAVAILABLE =
  "attaching to a container (-i/--stdin, -t/--tty, --attach, --rm) is not available in the browser terminal: start the pod without them, then use 'kubectl logs <pod>' or 'kubectl exec <pod> -- <command>'";

/** How often the pod is checked while waiting (simulated ms). */
const POLL_MS = 1000;

/** attach.go's note before streaming a running container (unless --quiet). */
export const ATTACH_PROMPT = "If you don't see a command prompt, try pressing enter.\n";

/** Whether attaching to this pod's container needs a live terminal this sandbox does not have. */
export function needsLiveTerminal(pod: KubeObject, interactive: boolean): boolean {
  if (!interactive) return false;
  const c = pod.spec?.containers?.[0] as Container | undefined;
  return c !== undefined && waitsOnStdin(c);
}

type Phase = "Pending" | "Running" | "Succeeded" | "Failed" | "Unknown";
type Outcome = { pod: KubeObject } | { error: "timeout" | "deleted" | "aborted" };

/** waitForPod: polls the pod until `done` says so, the pod is gone, or the timeout passes. */
async function waitForPod(run: CommandRun, namespace: string, name: string, timeoutMs: number, done: (pod: KubeObject) => boolean | "completed"): Promise<Outcome & { completed?: boolean }> {
  const { host } = run.env;
  const deadline = host.now() + timeoutMs;
  const path = `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(name)}`;
  for (;;) {
    if (host.signal.aborted) return { error: "aborted" };
    let pod: KubeObject;
    try {
      pod = await run.client.request("GET", path);
    } catch (e) {
      if (e instanceof ServerError && e.code === 404) return { error: "deleted" };
      throw e;
    }
    const r = done(pod);
    if (r === "completed") return { pod, completed: true };
    if (r) return { pod };
    if (host.now() >= deadline) return { error: "timeout" };
    await host.sleep(Math.min(POLL_MS, Math.max(1, deadline - host.now())));
  }
}

const phaseOf = (pod: KubeObject): Phase => (pod.status?.phase ?? "Pending") as Phase;
const completed = (pod: KubeObject) => phaseOf(pod) === "Succeeded" || phaseOf(pod) === "Failed";

/** podRunningAndReady, with ErrPodCompleted as "completed". */
function runningAndReady(pod: KubeObject): boolean | "completed" {
  if (completed(pod)) return "completed";
  if (phaseOf(pod) !== "Running") return false;
  return ((pod.status?.conditions ?? []) as KubeObject[]).some((c) => c.type === "Ready" && c.status === "True");
}

function waitError(outcome: { error: "timeout" | "deleted" | "aborted" }): KubectlError {
  // watchtools.UntilWithSync's timeout; a Deleted event is NewNotFound(pods, "").
  if (outcome.error === "deleted") return new KubectlError('pods "" not found');
  return new KubectlError("timed out waiting for the condition");
}

/**
 * Everything run.go does with an attached pod once it (and --expose's Service) exist. Returns the exit
 * code; writes kubectl's messages itself.
 */
export async function attachToRun(run: CommandRun, pod: KubeObject, created: KubeObject[], restart: string, timeoutMs: number, propagation: string): Promise<number> {
  const { env, flags } = run;
  const quiet = flags.bool("quiet");
  const remove = flags.bool("rm");
  try {
    const code = await attachAndWait(run, pod, restart, timeoutMs, quiet);
    if (env.host.signal.aborted) return 1;
    if (remove) await removeCreated(run, created, quiet, propagation);
    return code;
  } catch (e) {
    // run.go removes what it created in a deferred call, before CheckErr prints the error; an
    // interrupted kubectl (Ctrl-C) never gets there.
    if (remove && !env.host.signal.aborted) await removeCreated(run, created, quiet, propagation);
    throw e;
  }
}

async function attachAndWait(run: CommandRun, created: KubeObject, restart: string, timeoutMs: number, quiet: boolean): Promise<number> {
  const { env } = run;
  const namespace = created.metadata?.namespace ?? run.namespace;
  const name = created.metadata?.name ?? "";
  const container = String(created.spec?.containers?.[0]?.name ?? "");

  // handleAttachPod
  const first = await waitForPod(run, namespace, name, timeoutMs, runningAndReady);
  if (!("pod" in first)) {
    if (first.error === "aborted") return 1;
    throw waitError(first);
  }
  const req: LogRequest = { namespace, pod: name, container, fieldPath: `spec.containers{${container}}`, opts: { container, previous: false, timestamps: false } };
  if (first.completed) {
    // logOpts: a completed pod's logs.
    env.stdout.write(await fetchLog(run, req, req.opts));
  } else {
    if (!quiet) env.stderr.write(ATTACH_PROMPT);
    // The attached stream: the container's output until it ends (followed like `kubectl logs -f`).
    await followLogs(run, [req], false, (_r, text) => env.stdout.write(text));
    if (env.host.signal.aborted) return 1;
  }

  // waitForExitCode
  const waitForExitCode = !run.flags.bool("leave-stdin-open") && (restart === "Never" || restart === "OnFailure");
  if (!waitForExitCode) return 0;
  const exitCondition = restart === "OnFailure" ? (p: KubeObject) => phaseOf(p) === "Succeeded" : completed;
  const done = await waitForPod(run, namespace, name, timeoutMs, exitCondition);
  if (!("pod" in done)) {
    if (done.error === "aborted") return 1;
    throw waitError(done);
  }
  const pod = done.pod;
  switch (phaseOf(pod)) {
    case "Succeeded":
      return 0;
    case "Failed": {
      const unknown = new KubectlError(`pod ${namespace}/${name} failed with unknown exit code`);
      const terminated = pod.status?.containerStatuses?.[0]?.state?.terminated;
      if (!terminated) throw unknown;
      const rc = Number(terminated.exitCode ?? 0);
      if (rc === 0) throw unknown;
      // uexec.CodeExitError: CheckErr prints its message as it is (no "error: ") and exits with its code.
      const text = `pod ${namespace}/${name} terminated (${terminated.reason ?? ""})\n${terminated.message ?? ""}`;
      env.stderr.write(text.endsWith("\n") ? text : `${text}\n`);
      return rc;
    }
    default:
      throw new KubectlError(`pod ${namespace}/${name} left in phase ${phaseOf(pod)}`);
  }
}

/** removeCreatedObjects: DeleteResult with IgnoreNotFound, the default grace period, no waiting. */
async function removeCreated(run: CommandRun, created: KubeObject[], quiet: boolean, propagation: string): Promise<void> {
  for (const obj of created) {
    const name = obj.metadata?.name ?? "";
    try {
      const mapping = await mappingFor(run, obj);
      const namespace = obj.metadata?.namespace ?? run.namespace;
      await send(run, "DELETE", resourcePath(mapping, namespace, name), { body: { kind: "DeleteOptions", apiVersion: "v1", propagationPolicy: propagation } });
      if (!quiet) run.env.stdout.write(`${kindString(mapping)} "${name}" deleted\n`);
    } catch (e) {
      // IgnoreNotFound; any other failure ends the removal (its error is dropped, as the deferred call's is).
      if (e instanceof ServerError && e.code === 404) continue;
      return;
    }
  }
}
