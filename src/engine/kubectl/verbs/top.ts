// `kubectl top node|pod`: the metrics.k8s.io API's usage, laid out by kubectl's TopCmdPrinter (CPU in
// millicores rounded up, memory in whole Mi, node percentages of allocatable — or capacity with
// --show-capacity — truncated), sorted by name or by --sort-by=cpu|memory, with --containers,
// -A, --sum and kubectl's errors ("Metrics API not available", "metrics not available yet").
import type { CommandRun, KubectlCommand } from "../command";
import { KubectlError, UsageError } from "../command";
import type { KubeObject } from "../client";
import { parseQuantity, type Quantity } from "../../machinery/quantity";
import { newTableTabWriter } from "../printers/tabwriter";
import { parseRfc3339 } from "../../machinery/time";
import { formatGoDuration } from "../../machinery/duration";
import { defaultSubCommandRun } from "./group";
import { FIELD_SELECTOR_FLAG, SELECTOR_FLAG } from "../common-flags";

const METRICS_VERSIONS = ["v1beta1"];
/** kubectl's metricsCreationDelay: younger pods may simply not have metrics yet. */
const METRICS_CREATION_DELAY_MS = 2 * 60 * 1000;

const q = (s: unknown): Quantity => parseQuantity(String(s ?? "0"));
const cpuText = (x: Quantity) => `${x.milliValue()}m`;
const memText = (x: Quantity) => `${Math.floor(x.value() / (1024 * 1024))}Mi`;

async function requireMetricsApi(run: CommandRun): Promise<void> {
  const groups = await run.client.request("GET", "/apis");
  const g = ((groups.groups ?? []) as KubeObject[]).find((x) => x.name === "metrics.k8s.io");
  if (!g || !((g.versions ?? []) as KubeObject[]).some((v) => METRICS_VERSIONS.includes(v.version))) throw new KubectlError("Metrics API not available");
}

function checkSortBy(sortBy: string): void {
  if (sortBy && sortBy !== "cpu" && sortBy !== "memory") throw new KubectlError("--sort-by accepts only cpu or memory");
}

/** Go's sort.Sort on these short lists behaves as a stable insertion sort; keep the server's order for ties. */
function sortBy<T>(items: T[], key: string, cpu: (x: T) => Quantity, mem: (x: T) => Quantity, name: (x: T) => string): T[] {
  const cmp = (a: T, b: T): number => {
    if (key === "cpu") return cpu(b).milliValue() - cpu(a).milliValue();
    if (key === "memory") return mem(b).value() - mem(a).value();
    return name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0;
  };
  return items.map((x, i) => [x, i] as const).sort((a, b) => cmp(a[0], b[0]) || a[1] - b[1]).map(([x]) => x);
}

const topNodeCommand: KubectlCommand = {
  name: "node",
  aliases: ["nodes", "no"],
  short: "Display resource (CPU/memory) usage of nodes",
  long: `Display resource (CPU/memory) usage of nodes.

 The top-node command allows you to see the resource consumption of nodes.`,
  example: `  # Show metrics for all nodes
  kubectl top node
  
  # Show metrics for a given node
  kubectl top node NODE_NAME`,
  usage: "top node [NAME | -l label] [options]",
  flags: [
    { name: "no-headers", type: "bool", usage: "If present, print output without headers" },
    SELECTOR_FLAG,
    { name: "show-capacity", type: "bool", usage: "Print node resources based on Capacity instead of Allocatable(default) of the nodes." },
    { name: "sort-by", type: "string", usage: "If non-empty, sort nodes list using specified field. The field can be either 'cpu' or 'memory'." },
    { name: "use-protocol-buffers", type: "bool", default: true, usage: "Enables using protocol-buffers to access Metrics API." },
  ],
  async run(run) {
    const { flags, args, env, client } = run;
    if (args.length > 1) throw new UsageError("node [NAME | -l label]");
    const name = args[0] ?? "";
    const selector = flags.string("selector");
    const sort = flags.string("sort-by");
    checkSortBy(sort);
    if (name && selector) throw new KubectlError("only one of NAME or --selector can be provided");
    await requireMetricsApi(run);
    const metrics: KubeObject[] = name
      ? [await client.request("GET", `/apis/metrics.k8s.io/v1beta1/nodes/${encodeURIComponent(name)}`)]
      : ((await client.request("GET", "/apis/metrics.k8s.io/v1beta1/nodes", { query: { labelSelector: selector || undefined } })).items ?? []);
    if (!metrics.length) throw new KubectlError("metrics not available yet");
    const nodes: KubeObject[] = name ? [await client.request("GET", `/api/v1/nodes/${encodeURIComponent(name)}`)] : ((await client.request("GET", "/api/v1/nodes", { query: { labelSelector: selector || undefined } })).items ?? []);
    const available = new Map<string, Record<string, string>>(nodes.map((n) => [n.metadata.name, (flags.bool("show-capacity") ? n.status?.capacity : n.status?.allocatable) ?? {}]));
    const w = newTableTabWriter(env.stdout);
    if (!flags.bool("no-headers")) w.write("NAME\tCPU(cores)\tCPU(%)\tMEMORY(bytes)\tMEMORY(%)\t\n");
    for (const m of sortBy(metrics, sort, (x) => q(x.usage?.cpu), (x) => q(x.usage?.memory), (x) => x.metadata.name)) {
      const avail = available.get(m.metadata.name);
      let line = `${m.metadata.name}\t`;
      for (const [res, text] of [["cpu", cpuText], ["memory", memText]] as const) {
        const usage = q(m.usage?.[res]);
        line += `${text(usage)}\t`;
        if (avail && avail[res] !== undefined) line += `${Math.trunc((usage.milliValue() / q(avail[res]).milliValue()) * 100)}%\t`;
      }
      w.write(`${line}\n`);
      available.delete(m.metadata.name);
    }
    for (const missing of [...available.keys()].sort()) w.write(`${missing}\t<unknown>\t<unknown>\t<unknown>\t<unknown>\t\n`);
    w.flush();
  },
};

const topPodCommand: KubectlCommand = {
  name: "pod",
  aliases: ["pods", "po"],
  short: "Display resource (CPU/memory) usage of pods",
  long: `Display resource (CPU/memory) usage of pods.

 The 'top pod' command allows you to see the resource consumption of pods.

 Due to the metrics pipeline delay, they may be unavailable for a few minutes since pod creation.`,
  example: `  # Show metrics for all pods in the default namespace
  kubectl top pod
  
  # Show metrics for all pods in the given namespace
  kubectl top pod --namespace=NAMESPACE
  
  # Show metrics for a given pod and its containers
  kubectl top pod POD_NAME --containers
  
  # Show metrics for the pods defined by label name=myLabel
  kubectl top pod -l name=myLabel`,
  usage: "top pod [NAME | -l label] [options]",
  flags: [
    { name: "all-namespaces", shorthand: "A", type: "bool", usage: "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace." },
    { name: "containers", type: "bool", usage: "If present, print usage of containers within a pod." },
    FIELD_SELECTOR_FLAG,
    { name: "no-headers", type: "bool", usage: "If present, print output without headers." },
    SELECTOR_FLAG,
    { name: "sort-by", type: "string", usage: "If non-empty, sort pods list using specified field. The field can be either 'cpu' or 'memory'." },
    { name: "sum", type: "bool", usage: "Print the sum of the resource usage" },
    { name: "use-protocol-buffers", type: "bool", default: true, usage: "Enables using protocol-buffers to access Metrics API." },
  ],
  async run(run) {
    return topPod(run);
  },
};

async function topPod(run: CommandRun): Promise<number> {
  const { flags, args, env, client } = run;
  if (args.length > 1) throw new UsageError("pod [NAME | -l label]");
  const name = args[0] ?? "";
  const selector = flags.string("selector");
  const fieldSelector = flags.string("field-selector");
  const sort = flags.string("sort-by");
  checkSortBy(sort);
  if (name && (selector || fieldSelector)) throw new KubectlError("only one of NAME or selector can be provided");
  await requireMetricsApi(run);
  const all = flags.bool("all-namespaces");
  const nsPath = all ? "" : `/namespaces/${encodeURIComponent(run.namespace)}`;
  const metrics: KubeObject[] = name
    ? [await client.request("GET", `/apis/metrics.k8s.io/v1beta1${nsPath}/pods/${encodeURIComponent(name)}`)]
    : ((await client.request("GET", `/apis/metrics.k8s.io/v1beta1${nsPath}/pods`, { query: { labelSelector: selector || undefined, fieldSelector: fieldSelector || undefined } })).items ?? []);
  if (!metrics.length) {
    await verifyEmptyMetrics(run, name, selector, fieldSelector);
    env.stderr.write(all ? "No resources found\n" : `No resources found in ${run.namespace} namespace.\n`);
    return 0;
  }
  const containers = flags.bool("containers");
  const podTotal = (m: KubeObject, res: string) => ((m.containers ?? []) as KubeObject[]).reduce<Quantity>((acc, c) => acc.add(q(c.usage?.[res])), q("0"));
  const w = newTableTabWriter(env.stdout);
  let columns = 3;
  if (!flags.bool("no-headers")) {
    let head = "";
    if (all) {
      head += "NAMESPACE\t";
      columns++;
    }
    if (containers) {
      head += "POD\t";
      columns++;
    }
    w.write(`${head}NAME\tCPU(cores)\tMEMORY(bytes)\t\n`);
  }
  const sorted = sortBy(metrics, sort, (m) => podTotal(m, "cpu"), (m) => podTotal(m, "memory"), (m) => (all ? `${m.metadata.namespace}\u0000${m.metadata.name}` : m.metadata.name));
  const ns = (m: KubeObject) => (all ? `${m.metadata.namespace}\t` : "");
  for (const m of sorted) {
    if (containers) {
      const cs = sortBy((m.containers ?? []) as KubeObject[], sort, (c) => q(c.usage?.cpu), (c) => q(c.usage?.memory), (c) => c.name);
      for (const c of cs) w.write(`${ns(m)}${m.metadata.name}\t${c.name}\t${cpuText(q(c.usage?.cpu))}\t${memText(q(c.usage?.memory))}\t\n`);
    } else w.write(`${ns(m)}${m.metadata.name}\t${cpuText(podTotal(m, "cpu"))}\t${memText(podTotal(m, "memory"))}\t\n`);
  }
  if (flags.bool("sum")) {
    const cpu = metrics.reduce<Quantity>((acc, m) => acc.add(podTotal(m, "cpu")), q("0"));
    const mem = metrics.reduce<Quantity>((acc, m) => acc.add(podTotal(m, "memory")), q("0"));
    w.write(`${"\t".repeat(columns - 2)}________\t________\t\n`);
    w.write(`${"\t".repeat(columns - 3)}\t${cpuText(cpu)}\t${memText(mem)}\t\n`);
  }
  w.flush();
  return 0;
}

/** verifyEmptyMetrics: no metrics is fine for young pods or no pods; older pods mean something is wrong. */
async function verifyEmptyMetrics(run: CommandRun, name: string, selector: string, fieldSelector: string): Promise<void> {
  const base = `/api/v1/namespaces/${encodeURIComponent(run.namespace)}/pods`;
  const pods: KubeObject[] = name ? [await run.client.request("GET", `${base}/${encodeURIComponent(name)}`)] : ((await run.client.request("GET", base, { query: { labelSelector: selector || undefined, fieldSelector: fieldSelector || undefined } })).items ?? []);
  if (!name && !pods.length) return;
  for (const pod of pods) {
    const age = run.env.host.now() - (parseRfc3339(pod.metadata.creationTimestamp ?? "") ?? run.env.host.now());
    if (age > METRICS_CREATION_DELAY_MS) throw new KubectlError(`Metrics not available for pod ${pod.metadata.namespace}/${pod.metadata.name}, age: ${formatGoDuration(age)}`);
  }
  throw new KubectlError("metrics not available yet");
}

export const topCommand: KubectlCommand = {
  name: "top",
  short: "Display resource (CPU/memory) usage",
  long: `Display resource (CPU/memory) usage.

 The top command allows you to see the resource consumption for nodes or pods.

 This command requires Metrics Server to be correctly configured and working on the server.`,
  usage: "top [flags] [options]",
  subcommands: [topNodeCommand, topPodCommand],
  run: defaultSubCommandRun,
};
