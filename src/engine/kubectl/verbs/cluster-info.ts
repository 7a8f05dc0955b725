// `kubectl cluster-info` (the control plane's address and the kube-system Services labelled
// kubernetes.io/cluster-service=true, linked through the API server's service proxy) and
// `kubectl cluster-info dump` (nodes, then each namespace's events, controllers, services and pods as
// JSON or YAML, and every container's log).
import type { CommandRun, KubectlCommand } from "../command";
import { KubectlError } from "../command";
import type { KubeObject } from "../client";
import type { OutputSink } from "../../shell/types";
import { toYaml } from "../printers/yaml";
import { toGoJson } from "../printers/json";
import { ALLOW_MISSING_TEMPLATE_KEYS_FLAG, SHOW_MANAGED_FIELDS_FLAG, TEMPLATE_FLAG } from "../common-flags";

/** The server URL kubectl talks to: --server, else the current context's cluster's. */
export function serverUrl(run: CommandRun): string {
  if (run.flags.string("server")) return run.flags.string("server");
  const doc = run.kubeconfig.doc;
  const context = doc.contexts?.find((c) => c.name === run.kubeconfig.contextName)?.context;
  const clusterName = run.flags.string("cluster") || context?.cluster;
  const cluster = doc.clusters?.find((c) => c.name === clusterName)?.cluster;
  return String(cluster?.server ?? "http://localhost:8080").replace(/\/+$/, "");
}

/** utilnet.JoinSchemeNamePort. */
function joinSchemeNamePort(scheme: string, name: string, port: string): string {
  if (scheme) return `${scheme}:${name}:${port}`;
  return port ? `${name}:${port}` : name;
}

const dumpCommand: KubectlCommand = {
  name: "dump",
  short: "Dump relevant information for debugging and diagnosis",
  long: `Dump cluster information out suitable for debugging and diagnosing cluster problems.  By default, dumps everything to stdout. You can optionally specify a directory with --output-directory.  If you specify a directory, Kubernetes will build a set of files in that directory.  By default, only dumps things in the current namespace and 'kube-system' namespace, but you can switch to a different namespace with the --namespaces flag, or specify --all-namespaces to dump all namespaces.

 The command also dumps the logs of all of the pods in the cluster; these logs are dumped into different directories based on namespace and pod name.`,
  example: `  # Dump current cluster state to stdout
  kubectl cluster-info dump
  
  # Dump current cluster state to /path/to/cluster-state
  kubectl cluster-info dump --output-directory=/path/to/cluster-state
  
  # Dump all namespaces to stdout
  kubectl cluster-info dump --all-namespaces
  
  # Dump a set of namespaces to /path/to/cluster-state
  kubectl cluster-info dump --namespaces default,kube-system --output-directory=/path/to/cluster-state`,
  usage: "cluster-info dump [flags] [options]",
  flags: [
    { name: "all-namespaces", shorthand: "A", type: "bool", usage: "If true, dump all namespaces.  If true, --namespaces is ignored." },
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    { name: "namespaces", type: "stringArray", usage: "A comma separated list of namespaces to dump." },
    { name: "output", shorthand: "o", type: "string", default: "json", usage: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)." },
    { name: "output-directory", type: "string", usage: "Where to output the files.  If empty or '-' uses stdout, otherwise creates a directory hierarchy in that directory" },
    { name: "pod-running-timeout", type: "duration", default: 20000, usage: "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running" },
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
  ],
  async run(run) {
    return runDump(run);
  },
};

export const clusterInfoCommand: KubectlCommand = {
  name: "cluster-info",
  short: "Display cluster information",
  long: `Display addresses of the control plane and services with label kubernetes.io/cluster-service=true. To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.`,
  example: `  # Print the address of the control plane and cluster services
  kubectl cluster-info`,
  usage: "cluster-info [flags] [options]",
  subcommands: [dumpCommand],
  async run(run) {
    const { env, client } = run;
    const host = serverUrl(run);
    const namespace = run.namespaceExplicit ? run.namespace : "kube-system";
    const list = await client.request("GET", `/api/v1/namespaces/${encodeURIComponent(namespace)}/services`, { query: { labelSelector: "kubernetes.io/cluster-service=true" } });
    let out = `Kubernetes control plane is running at ${host}\n`;
    for (const svc of (list.items ?? []) as KubeObject[]) {
      let link = "";
      const ingress = svc.status?.loadBalancer?.ingress ?? [];
      if (ingress.length) {
        const ip = ingress[0].ip || ingress[0].hostname || "";
        for (const p of svc.spec?.ports ?? []) link += `http://${ip}:${p.port} `;
      } else {
        let name = svc.metadata.name;
        const ports = svc.spec?.ports ?? [];
        if (ports.length) {
          const scheme = ports[0].name === "https" || ports[0].port === 443 ? "https" : "";
          name = joinSchemeNamePort(scheme, svc.metadata.name, ports[0].name ?? "");
        }
        link = `${host}/api/v1/namespaces/${svc.metadata.namespace}/services/${name}/proxy`;
      }
      out += `${svc.metadata.labels?.["kubernetes.io/name"] || svc.metadata.name} is running at ${link}\n`;
    }
    out += "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";
    env.stdout.write(out);
  },
};

async function runDump(run: CommandRun): Promise<number> {
  const { env, flags, client } = run;
  const output = flags.string("output");
  if (output !== "json" && output !== "yaml") throw new KubectlError(`cluster-info dump in this sandbox prints json or yaml (-o ${output} is not available here)`);
  if (flags.duration("pod-running-timeout") <= 0) throw new KubectlError("--pod-running-timeout must be higher than zero");
  const dir = flags.string("output-directory");
  const ext = output === "yaml" ? ".yaml" : ".json";
  const files = new Map<string, string>();
  const writer = (name: string, extension: string): OutputSink => {
    if (!dir || dir === "-") return env.stdout;
    const path = `${dir.replace(/\/+$/, "")}/${name}${extension}`;
    return { write: (t) => void files.set(path, (files.get(path) ?? "") + t) };
  };
  const print = (obj: KubeObject, w: OutputSink) => {
    const shown = flags.bool("show-managed-fields") ? obj : stripManagedFields(obj);
    // Typed lists: struct field order (the server's), Go's escaping of <, > and &.
    w.write(output === "yaml" ? toYaml(shown) : toGoJson(shown, { indent: 4, sortKeys: false }) + "\n");
  };
  print(await client.request("GET", "/api/v1/nodes"), writer("nodes", ext));
  let namespaces: string[];
  if (flags.bool("all-namespaces")) namespaces = ((await client.request("GET", "/api/v1/namespaces")).items as KubeObject[]).map((n) => n.metadata.name);
  else if (flags.strings("namespaces").length) namespaces = flags.strings("namespaces").flatMap((n) => n.split(","));
  else namespaces = ["kube-system", run.namespace];
  const lists: [string, string][] = [
    ["events", "/api/v1/namespaces/NS/events"],
    ["replication-controllers", "/api/v1/namespaces/NS/replicationcontrollers"],
    ["services", "/api/v1/namespaces/NS/services"],
    ["daemonsets", "/apis/apps/v1/namespaces/NS/daemonsets"],
    ["deployments", "/apis/apps/v1/namespaces/NS/deployments"],
    ["replicasets", "/apis/apps/v1/namespaces/NS/replicasets"],
    ["pods", "/api/v1/namespaces/NS/pods"],
  ];
  for (const ns of namespaces) {
    let pods: KubeObject[] = [];
    for (const [name, path] of lists) {
      const list = await client.request("GET", path.replace("NS", encodeURIComponent(ns)));
      print(list, writer(`${ns}/${name}`, ext));
      if (name === "pods") pods = list.items ?? [];
    }
    for (const pod of pods) {
      const w = writer(`${ns}/${pod.metadata.name}/logs`, ".txt");
      for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])] as KubeObject[]) {
        w.write(`==== START logs for container ${c.name} of pod ${ns}/${pod.metadata.name} ====\n`);
        const r = await client.raw("GET", `/api/v1/namespaces/${encodeURIComponent(ns)}/pods/${encodeURIComponent(pod.metadata.name)}/log`, { query: { container: c.name }, headers: { accept: "*/*" } });
        if (!("watch" in r)) {
          if (r.status >= 400) w.write(`Request log error: ${(r.body as KubeObject)?.message ?? ""}\n`);
          else w.write(typeof r.body === "string" ? r.body : "");
        }
        w.write(`==== END logs for container ${c.name} of pod ${ns}/${pod.metadata.name} ====\n`);
      }
    }
  }
  for (const [path, content] of files) env.files.write(path, content);
  if (dir && dir !== "-") env.stdout.write(`Cluster info dumped to ${dir}\n`);
  return 0;
}

function stripManagedFields(list: KubeObject): KubeObject {
  if (!Array.isArray(list.items)) return list;
  return {
    ...list,
    items: list.items.map((o: KubeObject) => {
      if (!o.metadata?.managedFields) return o;
      const { managedFields: _drop, ...metadata } = o.metadata;
      return { ...o, metadata };
    }),
  };
}
