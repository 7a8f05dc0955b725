// `kubectl create service clusterip|nodeport|loadbalancer|externalname`
// (pkg/cmd/create/create_service.go: Validate, createService, parsePorts).
import type { KubeObject } from "../client";
import { isDNS1123Subdomain, isValidPortName, isValidPortNum } from "../../machinery/names";
import { GeneratorError, objectMeta, typed } from "./common";

export type ServiceType = "ClusterIP" | "NodePort" | "LoadBalancer" | "ExternalName";

export interface ServiceOptions {
  name: string;
  namespace?: string;
  type: ServiceType;
  tcp: string[];
  clusterIP: string;
  nodePort: number;
  externalName: string;
}

/** ServiceOptions.Validate. */
export function validateService(o: ServiceOptions): void {
  if (o.clusterIP === "None" && o.type !== "ClusterIP") throw new GeneratorError("ClusterIP=None can only be used with ClusterIP service type");
  if (o.clusterIP !== "None" && o.tcp.length === 0 && o.type !== "ExternalName") throw new GeneratorError("at least one tcp port specifier must be provided");
  if (o.type === "ExternalName" && isDNS1123Subdomain(o.externalName).length) throw new GeneratorError(`invalid service external name ${o.externalName}`);
}

export function generateService(o: ServiceOptions): KubeObject {
  validateService(o);
  const ports = o.tcp.map((spec) => {
    const [port, targetPort] = parsePorts(spec);
    const p: KubeObject = { name: spec.replaceAll(":", "-"), protocol: "TCP", port, targetPort };
    if (o.nodePort) p.nodePort = o.nodePort;
    return p;
  });
  const svc = typed("Service", "v1", objectMeta({ name: o.name, namespace: o.namespace, labels: { app: o.name } }));
  const spec: KubeObject = {};
  if (ports.length) spec.ports = ports;
  spec.selector = { app: o.name };
  if (o.clusterIP) spec.clusterIP = o.clusterIP;
  spec.type = o.type;
  if (o.externalName) spec.externalName = o.externalName;
  svc.spec = spec;
  svc.status = { loadBalancer: {} };
  return svc;
}

/** `<port>[:<targetPort>]`: the port is utilsnet.ParsePort's, the target a number or a port name. */
function parsePorts(spec: string): [number, number | string] {
  const parts = spec.split(":");
  const port = parsePort(parts[0]);
  if (parts.length === 1) return [port, port];
  const target = parts[1];
  if (!/^[+-]?\d+$/.test(target)) {
    const errs = isValidPortName(target);
    if (errs.length) throw new GeneratorError(errs.join(","));
    return [port, target];
  }
  const n = Number(target);
  const errs = isValidPortNum(n);
  if (errs.length) throw new GeneratorError(errs.join(","));
  return [port, n];
}

/** utilsnet.ParsePort(port, allowZero=true). */
function parsePort(s: string): number {
  if (!/^\d+$/.test(s)) throw new GeneratorError(`strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = Number(s);
  if (n > 65535) throw new GeneratorError(`strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`);
  return n;
}
