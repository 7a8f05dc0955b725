// `kubectl describe` (k8s.io/kubectl/pkg/cmd/describe): resolves what to describe with the resource
// builder (TYPE NAME..., TYPE/NAME, TYPE with -l, -A, -f), then prints each object through its
// kind's describer, separated like kubectl (a blank line and an empty line between objects).
// `describe TYPE NAME` falls back to every object of TYPE whose name starts with NAME.
import type { CommandRun, KubectlCommand } from "../command";
import { KubectlError } from "../command";
import { ServerError, formatError, resourcePath, type ApiResource, type KubeObject } from "../client";
import { manifestTarget, parseResourceArgs, readManifests, resolveTargets, type Target } from "../builder";
import { describerFor, type DescribeContext } from "../describe";
import { listAll } from "../describe/context";
import { KUSTOMIZE_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, filenameFlag } from "../common-flags";

const LONG = `Show details of a specific resource or group of resources.

 Print a detailed description of the selected resources, including related resources such as events or controllers. You may select a single object by name, all objects of that type, provide a name prefix, or label selector. For example:

        $ kubectl describe TYPE NAME_PREFIX
        
 will first check for an exact match on TYPE and NAME_PREFIX. If no such resource exists, it will output details for every resource that has a name prefixed with NAME_PREFIX.

Use "kubectl api-resources" for a complete list of supported resources.`;

const EXAMPLE = `  # Describe a node
  kubectl describe nodes kubernetes-node-emt8.c.myproject.internal
  
  # Describe a pod
  kubectl describe pods/nginx
  
  # Describe a pod identified by type and name in "pod.json"
  kubectl describe -f pod.json
  
  # Describe all pods
  kubectl describe pods
  
  # Describe pods by label name=myLabel
  kubectl describe pods -l name=myLabel
  
  # Describe all pods managed by the 'frontend' replication controller
  # (rc-created pods get the name of the rc as a prefix in the pod name)
  kubectl describe pods frontend`;

/** One object to describe (the builder's Info). */
interface Info {
  mapping: ApiResource;
  namespace: string;
  name: string;
}

export const describeCommand: KubectlCommand = {
  name: "describe",
  short: "Show details of a specific resource or group of resources",
  long: LONG,
  example: EXAMPLE,
  usage: "describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]",
  flags: [
    { name: "all-namespaces", shorthand: "A", type: "bool", default: false, usage: "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace." },
    { name: "chunk-size", type: "int64", default: 500, usage: "Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future." },
    filenameFlag("Filename, directory, or URL to files containing the resource to describe"),
    KUSTOMIZE_FLAG,
    RECURSIVE_FLAG,
    SELECTOR_FLAG,
    { name: "show-events", type: "bool", default: true, usage: "If true, display events related to the described object." },
  ],
  async run(run) {
    return describe(run);
  },
};

async function describe(run: CommandRun): Promise<number> {
  const { env, flags, args } = run;
  const filenames = flags.strings("filename");
  const allNamespaces = flags.bool("all-namespaces");
  const selector = flags.string("selector");
  if (flags.string("kustomize")) throw new KubectlError("kubectl describe -k is not available in the browser sandbox: kustomize builds are not supported here; describe the objects with `kubectl describe -f <file>` or by name");
  if (args.length === 0 && filenames.length === 0) {
    throw new KubectlError('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.');
  }
  const ctx: DescribeContext = {
    client: run.client,
    settings: { showEvents: flags.bool("show-events"), chunkSize: flags.int("chunk-size") },
    nowMs: env.host.now(),
  };

  // The builder's own errors (unknown types, bad argument forms) stop everything before any output.
  const { infos, errors } = await gatherInfos(run, ctx, args, filenames, selector, allNamespaces);

  const notFoundOnly = errors.length === 1 && errors[0] instanceof ServerError && errors[0].reason === "NotFound";
  if (notFoundOnly && args.length === 2) return describeMatching(run, ctx, errors[0], args[0], args[1]);

  const seen = new Set<string>();
  let first = true;
  for (const info of infos) {
    // Ctrl-C (or the command line's time limit) stops a long `describe pods`, as it kills kubectl.
    if (env.host.signal.aborted) return 1;
    let text: string;
    try {
      text = await describerFor(info.mapping)(ctx, info.namespace, info.name);
    } catch (e) {
      const message = formatError(e);
      if (!seen.has(message)) {
        seen.add(message);
        errors.push(e);
      }
      continue;
    }
    env.stdout.write(first ? text : `\n\n${text}`);
    first = false;
  }
  if (infos.length === 0 && errors.length === 0) {
    env.stderr.write(allNamespaces ? "No resources found\n" : `No resources found in ${run.namespace} namespace.\n`);
  }
  writeErrors(run, errors);
  return errors.length ? 1 : 0;
}

/** cmdutil.CheckErr of the aggregate: one error as usual; several one per line, without "error: " (MultipleErrors). */
function writeErrors(run: CommandRun, errors: unknown[]): void {
  if (errors.length === 1) {
    run.env.stderr.write(formatError(errors[0]));
    return;
  }
  for (const e of errors) run.env.stderr.write(e instanceof ServerError ? formatError(e) : `${e instanceof Error ? e.message : String(e)}\n`);
}

/**
 * The builder's Infos with ContinueOnError: objects named on the command line (each GET that fails is
 * an error, the others go on), every object of the listed types (filtered by -l), or the objects
 * named in -f manifests.
 */
async function gatherInfos(run: CommandRun, ctx: DescribeContext, args: string[], filenames: string[], selector: string, allNamespaces: boolean): Promise<{ infos: Info[]; errors: unknown[] }> {
  const infos: Info[] = [];
  const errors: unknown[] = [];
  let targets: Target[];
  if (filenames.length) {
    if (args.length) throw new KubectlError("when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well");
    const read = await readManifests(run, filenames, run.flags.bool("recursive"));
    errors.push(...read.errors.map((m) => new KubectlError(m)));
    targets = [];
    for (const doc of read.docs) {
      try {
        targets.push(await manifestTarget(run, doc));
      } catch (e) {
        errors.push(e);
      }
    }
  } else {
    const parsed = parseResourceArgs(args);
    if (parsed.kind === "pairs" && selector) throw new KubectlError("selectors and the all flag cannot be used when passing resource/name arguments");
    if (parsed.kind === "types" && parsed.names.length && selector) throw new KubectlError("name cannot be provided when a selector is specified");
    targets = await resolveTargets(run, args, { allNamespaces });
    // Namespaced objects are read by name in one namespace; -A leaves the builder without one.
    if (allNamespaces && targets.some((t) => t.name !== undefined && t.mapping.namespaced)) throw new KubectlError("a resource cannot be retrieved by name across all namespaces");
  }
  for (const t of targets) {
    if (t.name !== undefined) {
      if (t.object) {
        infos.push({ mapping: t.mapping, namespace: t.namespace ?? "", name: t.name });
        continue;
      }
      // The builder GETs each named object; missing ones are errors, the rest are described.
      try {
        const obj = await run.client.request<KubeObject>("GET", resourcePath(t.mapping, t.namespace, t.name));
        infos.push({ mapping: t.mapping, namespace: obj.metadata?.namespace ?? "", name: obj.metadata?.name ?? t.name });
      } catch (e) {
        errors.push(e);
      }
      continue;
    }
    try {
      const items = await listAll(ctx, resourcePath(t.mapping, t.namespace), { labelSelector: selector });
      for (const obj of items) infos.push({ mapping: t.mapping, namespace: obj.metadata?.namespace ?? "", name: obj.metadata?.name ?? "" });
    } catch (e) {
      errors.push(e);
    }
  }
  return { infos, errors };
}

/**
 * DescribeMatchingResources: `describe TYPE PREFIX` when no object is named PREFIX describes every
 * object of TYPE (in the namespace; no selector) whose name starts with PREFIX, each followed by a
 * newline; none matching reports the original NotFound.
 */
async function describeMatching(run: CommandRun, ctx: DescribeContext, original: unknown, resource: string, prefix: string): Promise<number> {
  const parsed = parseResourceArgs([resource]);
  let infos: Info[] = [];
  if (parsed.kind === "pairs") {
    for (const p of parsed.pairs) {
      const mapping = await run.client.resolve(p.type);
      const namespace = mapping.namespaced ? run.namespace : undefined;
      const obj = await run.client.request<KubeObject>("GET", resourcePath(mapping, namespace, p.name));
      infos.push({ mapping, namespace: obj.metadata?.namespace ?? "", name: obj.metadata?.name ?? p.name });
    }
  } else if (parsed.kind === "types") {
    const targets = await resolveTargets(run, [resource]);
    if (targets.length !== 1) throw new KubectlError("you may only specify a single resource type");
    const t = targets[0];
    const items = await listAll(ctx, resourcePath(t.mapping, t.namespace));
    infos = items.map((obj) => ({ mapping: t.mapping, namespace: obj.metadata?.namespace ?? "", name: obj.metadata?.name ?? "" }));
  }
  let found = false;
  for (const info of infos) {
    if (run.env.host.signal.aborted) return 1;
    if (!info.name.startsWith(prefix)) continue;
    found = true;
    const text = await describerFor(info.mapping)(ctx, info.namespace, info.name);
    run.env.stdout.write(`${text}\n`);
  }
  if (!found) throw original;
  return 0;
}
