// `kubectl expose (-f FILENAME | TYPE NAME)`: a Service for a Deployment, ReplicaSet,
// ReplicationController, Pod or Service, its selector, ports and protocols taken from the object
// unless given (pkg/cmd/expose/expose.go, pkg/polymorphichelpers).
import type { KubeObject } from "../client";
import { resourcePath } from "../client";
import type { CommandRun, KubectlCommand } from "../command";
import { KubectlError } from "../command";
import { collectInfos, dryRunStrategy, kindName, MISSING_RESOURCE_ERROR, reportErrors, send, type Info } from "../infos";
import { formatError } from "../client";
import { modifiedConfiguration } from "../patching";
import { generateExposeService } from "../generators/expose";
import { createQuery, mappingFor } from "./create-common";
import { objectPrinter } from "./object-output";
import { withOverrides } from "./run";
import { EXPOSE_HELP } from "./create-help";

const EXPOSABLE = new Set(["/ReplicationController", "/Service", "/Pod", "apps/Deployment", "apps/ReplicaSet", "extensions/Deployment", "extensions/ReplicaSet"]);

/** MakeLabels: `k=v,...` (Go's map order is random; the parsed result is the same map). */
function makeLabels(m: Record<string, string> | undefined): string {
  return Object.entries(m ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(",");
}

/** polymorphichelpers.MapBasedSelectorForObject. */
function selectorFor(obj: KubeObject): string {
  switch (obj.kind) {
    case "ReplicationController":
      return makeLabels(obj.spec?.selector);
    case "Pod":
      if (!Object.keys(obj.metadata?.labels ?? {}).length) throw new KubectlError("the pod has no labels and cannot be exposed");
      return makeLabels(obj.metadata.labels);
    case "Service":
      if (!obj.spec?.selector) throw new KubectlError("the service has no pod selector set");
      return makeLabels(obj.spec.selector);
    case "Deployment":
    case "ReplicaSet": {
      const what = obj.kind === "Deployment" ? "deployment" : "replicaset";
      const sel = obj.spec?.selector;
      if (!sel || !Object.keys(sel.matchLabels ?? {}).length) throw new KubectlError(`invalid ${what}: no selectors, therefore cannot be exposed`);
      if (sel.matchExpressions?.length) throw new KubectlError(`couldn't convert expressions - "${JSON.stringify(sel.matchExpressions)}" to map-based selector format`);
      return makeLabels(sel.matchLabels);
    }
  }
  throw new KubectlError(`cannot extract pod selector from ${obj.kind}`);
}

/** The pod spec whose container ports an object exposes (undefined for a Service). */
function podSpecOf(obj: KubeObject): KubeObject | undefined {
  return obj.kind === "Pod" ? obj.spec : obj.spec?.template?.spec;
}

/** PortsForObject: distinct container ports (or a Service's ports), in order. */
function portsFor(obj: KubeObject): string[] {
  const ports: string[] = [];
  const add = (p: unknown) => {
    const key = String(p);
    if (!ports.includes(key)) ports.push(key);
  };
  if (obj.kind === "Service") for (const p of obj.spec?.ports ?? []) add(p.port);
  else for (const c of podSpecOf(obj)?.containers ?? []) for (const p of c.ports ?? []) add(p.containerPort);
  return ports;
}

/** MultiProtocolsForObject joined as makeProtocols does: `port/PROTO,...`. */
function protocolsFor(obj: KubeObject): string {
  const out: string[] = [];
  const seen = new Map<string, string[]>();
  const add = (port: unknown, proto: string | undefined) => {
    const key = String(port);
    const list = seen.get(key) ?? [];
    const p = proto || "TCP";
    if (list.includes(p)) return;
    list.push(p);
    seen.set(key, list);
    out.push(`${key}/${p}`);
  };
  if (obj.kind === "Service") for (const p of obj.spec?.ports ?? []) add(p.port, p.protocol);
  else for (const c of podSpecOf(obj)?.containers ?? []) for (const p of c.ports ?? []) add(p.containerPort, p.protocol);
  return out.join(",");
}

async function runExpose(run: CommandRun): Promise<number> {
  const { flags } = run;
  const dryRun = dryRunStrategy(run);
  // A client dry run prints the typed Service; a created one comes back unstructured.
  const printer = objectPrinter(run, "exposed", dryRun, dryRun === "client");
  const filenames = flags.strings("filename");
  if (!filenames.length && !run.args.length) {
    throw new KubectlError(MISSING_RESOURCE_ERROR);
  }
  const { infos, errors } = await collectInfos(run, run.args, { filenames, recursive: flags.bool("recursive"), fetch: true });
  let selector = flags.string("selector");
  for (const info of infos) {
    try {
      await exposeOne(run, info, dryRun, printer, selector, (s) => (selector = s));
    } catch (e) {
      errors.push(e);
    }
  }
  return reportErrors(run, errors, formatError);
}

async function exposeOne(run: CommandRun, info: Info, dryRun: ReturnType<typeof dryRunStrategy>, printer: ReturnType<typeof objectPrinter>, selectorIn: string, keepSelector: (s: string) => void): Promise<void> {
  const { flags } = run;
  const obj = info.object ?? {};
  const groupKind = `${info.mapping.group}/${info.mapping.kind}`;
  if (!EXPOSABLE.has(groupKind)) throw new KubectlError(`cannot expose a ${info.mapping.kind}${info.mapping.group ? `.${info.mapping.group}` : ""}`);
  let selector = selectorIn;
  if (!selector) {
    try {
      selector = selectorFor(obj);
    } catch (e) {
      throw new KubectlError(`couldn't retrieve selectors via --selector flag or introspection: ${(e as Error).message}`);
    }
    // kubectl keeps the first object's selector for the objects after it.
    keepSelector(selector);
  }
  const clusterIP = flags.string("cluster-ip");
  let port = flags.string("port");
  let ports = "";
  if (!port) {
    const found = portsFor(obj);
    if (found.length === 0 && clusterIP !== "None") throw new KubectlError("couldn't find port via --port flag or introspection");
    if (found.length === 1) port = found[0];
    else ports = found.join(",");
  }
  const labels = flags.string("labels") || makeLabels(obj.metadata?.labels);
  let service = generateExposeService({
    name: flags.string("name") || info.name.slice(0, 63),
    selector,
    labels,
    ports: ports || port,
    portName: "",
    protocol: flags.string("protocol"),
    protocols: protocolsFor(obj),
    targetPort: flags.string("target-port"),
    externalIP: flags.string("external-ip"),
    type: flags.string("type"),
    loadBalancerIP: flags.string("load-balancer-ip"),
    sessionAffinity: flags.string("session-affinity"),
    clusterIP,
  });
  service = await withOverrides(run, service);
  const mapping = await mappingFor(run, service);
  if (dryRun === "client") {
    if (run.namespaceExplicit) service.metadata = { ...service.metadata, namespace: run.namespace };
    printer.print(service, kindName({ mapping, name: service.metadata?.name ?? "" }), true);
    return;
  }
  // Sent as unstructured: --save-config's annotation is the sorted JSON, and the answer prints sorted.
  let body: KubeObject = service;
  if (flags.bool("save-config")) body = modifiedConfiguration(service);
  const created = await send(run, "POST", resourcePath(mapping, run.namespace), { query: createQuery(run, dryRun), body });
  printer.print(created, kindName({ mapping, name: created.metadata?.name ?? "" }), false);
}

export const exposeCommand: KubectlCommand = {
  name: "expose",
  short: "Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service",
  long: EXPOSE_HELP.long,
  example: EXPOSE_HELP.example,
  usage: EXPOSE_HELP.usage,
  flags: EXPOSE_HELP.flags,
  run: runExpose,
};
