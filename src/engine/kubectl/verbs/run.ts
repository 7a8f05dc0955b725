// `kubectl run NAME --image=...`: one Pod built on the client (../generators/pod), optionally a
// ClusterIP Service in front of it (`--expose`), created or only printed (`--dry-run=client`)
// (pkg/cmd/run/run.go). Attaching (-i, -t, --attach, --rm) is ./run-attach: the container's output,
// its exit code, --rm; only a program that waits on a live terminal's input is refused, up front.
import type { KubeObject } from "../client";
import { resourcePath } from "../client";
import type { CommandRun, KubectlCommand } from "../command";
import { KubectlError, UsageError } from "../command";
import { dryRunStrategy, kindName, send, type DryRun } from "../infos";
import { builtinPatchMeta } from "../patching";
import { applyPatch, JSON_PATCH_CONTENT_TYPE, MERGE_PATCH_CONTENT_TYPE, STRATEGIC_MERGE_PATCH_CONTENT_TYPE } from "../../machinery/patch";
import { generatePod } from "../generators/pod";
import { generateExposeService } from "../generators/expose";
import { GeneratorError } from "../generators/common";
import { createQuery, mappingFor, saveConfigTyped } from "./create-common";
import { objectPrinter, type ObjectPrinter } from "./object-output";
import { RUN_HELP } from "./create-help";
import { ATTACH_UNAVAILABLE, attachToRun, needsLiveTerminal } from "./run-attach";
import { cascadingStrategy } from "./delete";

// distribution/reference's ReferenceRegexp: [domain/]path[:tag][@digest].
const ALNUM = "[a-z0-9]+";
const SEPARATOR = "(?:[._]|__|[-]*)";
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[(?:[a-fA-F0-9:]+)\\])(?::[0-9]+)?`;
const TAG = "[\\w][\\w.-]{0,127}";
const DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}";
const REFERENCE = new RegExp(`^((?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`);

async function runRun(run: CommandRun): Promise<number> {
  const { flags, args } = run;
  const atDash = flags.parsed.argsLenAtDash;
  if (args.length === 0 || atDash === 0) throw new UsageError("NAME is required for run");
  const timeout = flags.duration("pod-running-timeout");
  if (timeout <= 0) throw new UsageError("--pod-running-timeout must be higher than zero");
  const image = flags.string("image");
  if (!image) throw new KubectlError("--image is required");
  if (!REFERENCE.test(image)) throw new KubectlError(`Invalid image name "${image}": invalid reference format`);
  const interactive = flags.bool("stdin");
  const tty = flags.bool("tty");
  const attach = flags.changed("attach") ? flags.bool("attach") : interactive;
  const port = flags.string("port");
  if (tty && !interactive) throw new UsageError("-i/--stdin is required for containers with -t/--tty=true");
  if (flags.bool("expose") && !port) throw new UsageError("--port must be set when exposing a service");
  const restart = flags.string("restart") || (interactive ? "OnFailure" : "Always");
  if (!["Always", "OnFailure", "Never"].includes(restart)) throw new UsageError(`invalid restart policy: ${restart}`);
  if (!attach && flags.bool("rm")) throw new UsageError("--rm should only be used for attached containers");
  const dryRun = dryRunStrategy(run);
  if (attach && dryRun !== "none") throw new UsageError("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
  const pullPolicy = flags.string("image-pull-policy");
  if (pullPolicy && !["Always", "IfNotPresent", "Never"].includes(pullPolicy)) throw new UsageError(`invalid image pull policy: ${pullPolicy}`);
  // Complete: the delete options --rm uses are parsed up front.
  const propagation = attach ? cascadingStrategy(run) : "Background";
  const printer = objectPrinter(run, "created", dryRun);

  const name = args[0];
  const namespace = run.namespaceExplicit ? run.namespace : undefined;
  let pod = generatePod({
    name,
    namespace,
    image,
    labels: flags.string("labels"),
    annotations: flags.strings("annotations"),
    env: flags.strings("env"),
    port,
    restart,
    args: args.slice(1),
    command: flags.bool("command"),
    imagePullPolicy: pullPolicy,
    stdin: interactive,
    leaveStdinOpen: flags.bool("leave-stdin-open"),
    tty,
    privileged: flags.bool("privileged"),
  });
  pod = await withOverrides(run, pod);
  if (attach && needsLiveTerminal(pod, interactive)) throw new KubectlError(ATTACH_UNAVAILABLE);
  pod = await createGenerated(run, pod, dryRun);
  const created = [pod];

  const errors: unknown[] = [];
  if (flags.bool("expose")) {
    try {
      const labels = flags.string("labels");
      const svc = generateExposeService({
        name,
        namespace,
        selector: labels || `run=${name}`,
        labels,
        ports: port,
        portName: "",
        protocol: "",
        protocols: "",
        targetPort: "",
        externalIP: "",
        type: "",
        loadBalancerIP: "",
        sessionAffinity: "",
        clusterIP: "",
      });
      const service = await createGenerated(run, svc, dryRun);
      created.push(service);
      await printCreated(run, printer, service);
      // run separates the Service from the Pod itself, on top of the printer's own separator.
      if (printer.format === "yaml") run.env.stdout.write("---\n");
    } catch (e) {
      errors.push(e);
    }
  }
  // Attached: the pod is not printed; run.go attaches, waits and (with --rm) removes what it created.
  if (attach) return attachToRun(run, pod, created, restart, timeout, propagation);
  await printCreated(run, printer, pod);
  if (errors.length) throw errors[0];
  return 0;
}

/** createGeneratedObject: --save-config and the create request unless --dry-run=client. */
async function createGenerated(run: CommandRun, obj: KubeObject, dryRun: DryRun): Promise<KubeObject> {
  if (dryRun === "client") return obj;
  const body = run.flags.bool("save-config") ? saveConfigTyped(obj) : obj;
  const mapping = await mappingFor(run, body);
  return send(run, "POST", resourcePath(mapping, run.namespace), { query: createQuery(run, dryRun), body });
}

async function printCreated(run: CommandRun, printer: ObjectPrinter, obj: KubeObject): Promise<void> {
  const mapping = await mappingFor(run, obj);
  printer.print(obj, kindName({ mapping, name: obj.metadata?.name ?? "" }), true);
}

/** --overrides: an inline JSON patch of the generated object (--override-type merge|strategic|json). */
export async function withOverrides(run: CommandRun, obj: KubeObject): Promise<KubeObject> {
  const text = run.flags.string("overrides");
  if (!text) return obj;
  let patch: unknown;
  try {
    patch = JSON.parse(text);
  } catch (e) {
    throw new KubectlError(`error unmarshaling JSON: ${(e as Error).message}`);
  }
  const type = run.flags.string("override-type");
  const contentType = type === "merge" ? MERGE_PATCH_CONTENT_TYPE : type === "strategic" ? STRATEGIC_MERGE_PATCH_CONTENT_TYPE : type === "json" ? JSON_PATCH_CONTENT_TYPE : undefined;
  if (!contentType) throw new KubectlError(`invalid override type: ${type}`);
  const mapping = await mappingFor(run, obj);
  try {
    return applyPatch(contentType, obj, patch, builtinPatchMeta(mapping) ?? (() => undefined)) as KubeObject;
  } catch (e) {
    throw new GeneratorError((e as Error).message);
  }
}

export const runCommand: KubectlCommand = {
  name: "run",
  short: "Run a particular image on the cluster",
  long: RUN_HELP.long,
  example: RUN_HELP.example,
  usage: RUN_HELP.usage,
  flags: RUN_HELP.flags,
  requiredFlags: ["image"],
  run: runRun,
};

