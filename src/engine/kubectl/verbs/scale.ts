// `kubectl scale` (k8s.io/kubectl/pkg/cmd/scale and pkg/scale): sets replicas through the scale
// subresource: a blind merge patch, or with --current-replicas / --resource-version a read, a
// precondition check and an update; --timeout waits for the replicas to be there.
import type { CommandRun, KubectlCommand } from "../command";
import { KubectlError } from "../command";
import { formatError, type KubeObject } from "../client";
import { SCALE_HELP } from "./mutation-help";
import { collectInfos, dryRunStrategy, reportErrors, infoPath, kindName, send, successLine, type Info } from "../infos";
import { printObjects, validateOutput } from "../output";

async function run(r: CommandRun): Promise<number> {
  const { flags } = r;
  const replicas = flags.int("replicas");
  const currentReplicas = flags.int("current-replicas");
  const resourceVersion = flags.string("resource-version");
  const output = flags.string("output");
  validateOutput(output);
  const dryRun = dryRunStrategy(r);
  if (replicas < 0) throw new KubectlError("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0");
  if (currentReplicas < -1) throw new KubectlError("The --current-replicas must specify an integer of -1 or greater");

  const { infos, errors } = await collectInfos(r, r.args, {
    filenames: flags.strings("filename"),
    recursive: flags.bool("recursive"),
    selector: flags.string("selector"),
    all: flags.bool("all"),
    fetch: true,
  });
  if (resourceVersion && infos.length > 1) throw new KubectlError("cannot use --resource-version with multiple resources");
  const infoErr = errors.length ? errors[errors.length - 1] : undefined;
  if (!infos.length) {
    if (infoErr) throw new KubectlError(`no objects passed to scale ${errorText(infoErr)}`);
    throw new KubectlError("no objects passed to scale");
  }
  const precondition = currentReplicas !== -1 || resourceVersion !== "";
  const timeout = flags.duration("timeout");
  for (const info of infos) {
    if (dryRun !== "client") {
      await scaleOne(r, info, replicas, precondition ? { size: currentReplicas, resourceVersion } : undefined, dryRun === "server");
      if (timeout > 0 && dryRun === "none") await waitForReplicas(r, info, replicas, timeout);
    }
    print(r, info, output, dryRun);
  }
  return reportErrors(r, errors, formatError);
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function print(r: CommandRun, info: Info, output: string, dryRun: "none" | "client" | "server"): void {
  if (output === "name") r.env.stdout.write(`${kindName(info)}\n`);
  else if (output) printObjects(r, [info.object as KubeObject], output);
  else r.env.stdout.write(successLine(info, "scaled", dryRun));
}

/** scale.ScaleSimple: PATCH the scale subresource, or GET + check + PUT under a precondition. */
async function scaleOne(r: CommandRun, info: Info, replicas: number, pre: { size: number; resourceVersion: string } | undefined, serverDryRun: boolean): Promise<void> {
  const path = infoPath(info, "scale");
  const query = { dryRun: serverDryRun ? "All" : undefined };
  if (!pre) {
    await send(r, "PATCH", path, { query, body: { spec: { replicas } }, contentType: "application/merge-patch+json" });
    return;
  }
  const scale = await send(r, "GET", path);
  if (pre.size !== -1 && (scale.spec?.replicas ?? 0) !== pre.size) throw new KubectlError(`Expected replicas to be ${pre.size}, was ${scale.spec?.replicas ?? 0}`);
  if (pre.resourceVersion && scale.metadata?.resourceVersion !== pre.resourceVersion) {
    throw new KubectlError(`Expected resource version to be ${pre.resourceVersion}, was ${scale.metadata?.resourceVersion ?? ""}`);
  }
  scale.spec = { ...scale.spec, replicas };
  await send(r, "PUT", path, { query, body: scale });
}

/** --timeout: waits (one check a simulated second) until status.replicas reaches the new size. */
async function waitForReplicas(r: CommandRun, info: Info, replicas: number, timeoutMs: number): Promise<void> {
  const { host } = r.env;
  const deadline = host.now() + timeoutMs;
  for (;;) {
    const scale = await send(r, "GET", infoPath(info, "scale"));
    if ((scale.status?.replicas ?? 0) === replicas) return;
    if (host.signal.aborted || host.now() >= deadline) throw new KubectlError("timed out waiting for the condition");
    await host.sleep(Math.min(1000, deadline - host.now()));
  }
}

export const scaleCommand: KubectlCommand = {
  name: "scale",
  short: "Set a new size for a deployment, replica set, or replication controller",
  ...SCALE_HELP,
  requiredFlags: ["replicas"],
  run,
};
