// The environment of a process started by `kubectl exec`: the image's PATH, HOSTNAME, the container's
// env and envFrom (resolved like the kubelet does), the service link variables of the Services that
// existed when the container started (enableServiceLinks), and HOME.
import type { KubeObject } from "../../kinds/types";
import type { Container } from "../../kinds/common/pod";
import { containerEnv } from "../workloads";
import { parseRfc3339 } from "../../machinery/time";
import type { ExecCluster } from "./types";

const DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/** Docker-link style variables for one Service (kubelet's envvars.FromServices). */
export function serviceEnv(svc: KubeObject): [string, string][] {
  const ip = svc.spec?.clusterIP;
  if (!ip || ip === "None") return [];
  const name = String(svc.metadata.name).toUpperCase().replace(/-/g, "_");
  const ports = (svc.spec?.ports ?? []) as KubeObject[];
  if (!ports.length) return [];
  const out: [string, string][] = [[`${name}_SERVICE_HOST`, ip], [`${name}_SERVICE_PORT`, String(ports[0].port)]];
  for (const p of ports) if (p.name) out.push([`${name}_SERVICE_PORT_${String(p.name).toUpperCase().replace(/-/g, "_")}`, String(p.port)]);
  const first = ports[0];
  const proto = String(first.protocol ?? "TCP").toLowerCase();
  out.push([`${name}_PORT`, `${proto}://${ip}:${first.port}`]);
  for (const p of ports) {
    const pr = String(p.protocol ?? "TCP");
    const prefix = `${name}_PORT_${p.port}_${pr}`;
    out.push([prefix, `${pr.toLowerCase()}://${ip}:${p.port}`], [`${prefix}_PROTO`, pr.toLowerCase()], [`${prefix}_PORT`, String(p.port)], [`${prefix}_ADDR`, ip]);
  }
  return out;
}

/** The process environment, in the order `env` prints it. */
export function processEnv(pod: KubeObject, c: Container, cluster: ExecCluster): Record<string, string> {
  const ns = pod.metadata.namespace ?? "default";
  const startedAt = startedAtMs(pod, String(c.name)) ?? cluster.nowMs;
  const existed = (svc: KubeObject) => (parseRfc3339(svc.metadata.creationTimestamp ?? "") ?? 0) <= startedAt;
  const services: KubeObject[] = [];
  if (pod.spec?.enableServiceLinks !== false) services.push(...cluster.services(ns).filter(existed));
  // The master service is always linked, from the default namespace.
  const master = cluster.service("default", "kubernetes");
  if (master && !services.some((s) => s.metadata.namespace === "default" && s.metadata.name === "kubernetes")) services.push(master);
  const out: Record<string, string> = { PATH: DEFAULT_PATH, HOSTNAME: hostnameOf(pod) };
  const { env } = containerEnv(pod, c, { nowMs: cluster.nowMs, configMap: cluster.configMap, secret: cluster.secret, service: cluster.service });
  for (const [k, v] of Object.entries(env)) out[k] = v;
  for (const svc of services) for (const [k, v] of serviceEnv(svc)) if (!(k in out)) out[k] = v;
  if (!("HOME" in out)) out.HOME = "/root";
  return out;
}

export function hostnameOf(pod: KubeObject): string {
  return String(pod.spec?.hostname ?? pod.metadata.name ?? "").slice(0, 63);
}

function startedAtMs(pod: KubeObject, container: string): number | undefined {
  const s = ((pod.status?.containerStatuses ?? []) as KubeObject[]).find((x) => x.name === container);
  return parseRfc3339(s?.state?.running?.startedAt ?? "");
}
