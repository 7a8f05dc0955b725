// `kubectl exec (POD | TYPE/NAME) [-c CONTAINER] -- COMMAND [args...]`, non-interactive: the pod is
// found like kubectl does (workloads: their most active pod), the container defaulted with kubectl's
// note, and the command run through the API server's pods/exec subresource — which, in this sandbox,
// answers with the whole run as JSON instead of a SPDY/WebSocket stream. Output and the exit code
// come back as the remote process left them; `-it` is accepted, and there being no terminal is said
// the way kubectl says it when its stdin is not one.
import type { CommandRun, KubectlCommand } from "../command";
import { KubectlError, UsageError } from "../command";
import { ServerError, type KubeObject } from "../client";
import { readAll } from "../builder";
import { findOrDefaultContainer, goTypeName, objectForArg, podsForSelector, reverseActivePods, selectorForObject } from "./pod-for-object";
import { filenameFlag } from "../common-flags";

export const execCommand: KubectlCommand = {
  name: "exec",
  short: "Execute a command in a container",
  long: `Execute a command in a container.`,
  example: `  # Get output from running the 'date' command from pod mypod, using the first container by default
  kubectl exec mypod -- date
  
  # Get output from running the 'date' command in ruby-container from pod mypod
  kubectl exec mypod -c ruby-container -- date
  
  # Switch to raw terminal mode; sends stdin to 'bash' in ruby-container from pod mypod
  # and sends stdout/stderr from 'bash' back to the client
  kubectl exec mypod -c ruby-container -i -t -- bash -il
  
  # List contents of /usr from the first container of pod mypod and sort by modification time
  # If the command you want to execute in the pod has any flags in common (e.g. -i),
  # you must use two dashes (--) to separate your command's flags/arguments
  # Also note, do not surround your command and its flags/arguments with quotes
  # unless that is how you would execute it normally (i.e., do ls -t /usr, not "ls -t /usr")
  kubectl exec mypod -i -t -- ls -t /usr
  
  # Get output from running 'date' command from the first pod of the deployment mydeployment, using the first container by default
  kubectl exec deploy/mydeployment -- date
  
  # Get output from running 'date' command from the first pod of the service myservice, using the first container by default
  kubectl exec svc/myservice -- date`,
  usage: "exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]",
  flags: [
    { name: "container", shorthand: "c", type: "string", usage: "Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen" },
    filenameFlag("to use to exec into the resource", "stringArray"),
    { name: "pod-running-timeout", type: "duration", default: 60000, usage: "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running" },
    { name: "quiet", shorthand: "q", type: "bool", usage: "Only print output from the remote session" },
    { name: "stdin", shorthand: "i", type: "bool", usage: "Pass stdin to the container" },
    { name: "tty", shorthand: "t", type: "bool", usage: "Stdin is a TTY" },
  ],
  async run(run) {
    return runExec(run);
  },
};

async function runExec(run: CommandRun): Promise<number> {
  const { flags, env } = run;
  const args = run.args;
  const dash = flags.parsed.argsLenAtDash;
  let resourceName = "";
  if (args.length > 0 && dash !== 0) resourceName = args[0];
  let command: string[] = [];
  const filenames = flags.strings("filename");
  if (dash > -1) command = args.slice(dash);
  else if (args.length > 1 || (args.length > 0 && filenames.length)) throw new UsageError("exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead");
  const timeout = flags.duration("pod-running-timeout");
  if (timeout <= 0) throw new UsageError("--pod-running-timeout must be higher than zero");
  if (!resourceName && !filenames.length) throw new KubectlError("pod, type/name or --filename must be specified");
  if (!command.length) throw new KubectlError("you must specify at least one command for the container");
  if (filenames.length) throw new KubectlError("exec -f is not available in this sandbox: name the pod (or TYPE/NAME) instead");

  const { object } = await objectForArg(run, resourceName);
  const pod = await attachablePod(run, object, timeout);
  const phase = pod.status?.phase;
  if (phase === "Succeeded" || phase === "Failed") throw new KubectlError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  const quiet = flags.bool("quiet");
  const container = flags.string("container") || findOrDefaultContainer(run, pod, "", quiet).name;
  const stdin = flags.bool("stdin");
  if (stdin && flags.bool("tty") && !quiet) env.stderr.write("Unable to use a TTY - input is not a terminal or the right kind of file\n");

  const query: Record<string, string | string[]> = { command, container, stdout: "true", stderr: "true" };
  if (stdin) query.stdin = "true";
  let result: KubeObject;
  try {
    // -i: the process reads all of kubectl's stdin (sent as the body: there is no stream).
    const body = stdin ? await readAll(run) : undefined;
    result = await run.client.request("POST", `/api/v1/namespaces/${encodeURIComponent(pod.metadata.namespace)}/pods/${encodeURIComponent(pod.metadata.name)}/exec`, { query, body, contentType: "text/plain" });
  } catch (e) {
    // The API server refuses the stream's upgrade request: the streaming client reports it so.
    if (e instanceof ServerError && e.code === 400) throw new KubectlError(`unable to upgrade connection: ${e.message}`);
    throw e;
  }
  if (typeof result.failure === "string") {
    // The runtime's failure arrives on the stream's error channel as an InternalError Status.
    throw new KubectlError(result.failure.startsWith("error executing command") ? `Internal error occurred: ${result.failure}` : result.failure);
  }
  if (result.stdout) env.stdout.write(String(result.stdout));
  if (result.stderr) env.stderr.write(String(result.stderr));
  const code = Number(result.exitCode ?? 0);
  if (code !== 0) {
    env.stderr.write(`command terminated with exit code ${code}\n`);
    return code;
  }
  return 0;
}

/** polymorphichelpers.AttachablePodForObject: a pod as it is, else the workload's most active pod. */
async function attachablePod(run: CommandRun, object: KubeObject, timeoutMs: number): Promise<KubeObject> {
  if (object.kind === "Pod") return object;
  let selector: string;
  try {
    selector = selectorForObject(object);
  } catch (e) {
    throw new KubectlError(`cannot attach to ${goTypeName(object)}: ${(e as Error).message}`);
  }
  const pods = await podsForSelector(run, object.metadata.namespace, selector, timeoutMs, reverseActivePods);
  return { ...pods[0], kind: "Pod" };
}
