// The Service `kubectl expose` and `kubectl run --expose` build (pkg/cmd/expose/expose.go
// createService; pkg/generate/versioned/service.go for run): ports from --port or the exposed
// object, protocols per port, target ports, type, session affinity, cluster IP.
import type { KubeObject } from "../client";
import { GeneratorError, intOrString, objectMeta, sortedMap, typed } from "./common";
import { parseLabels } from "./pod";

export interface ExposeServiceOptions {
  name: string;
  namespace?: string;
  /** `k=v,...` (required). */
  selector: string;
  /** `k=v,...` or "". */
  labels: string;
  /** One port ("80") or several ("80,443"). */
  ports: string;
  portName: string;
  protocol: string;
  /** `port/PROTO,...` from the exposed object's containers, or "". */
  protocols: string;
  targetPort: string;
  externalIP: string;
  type: string;
  loadBalancerIP: string;
  sessionAffinity: string;
  clusterIP: string;
}

export function generateExposeService(o: ExposeServiceOptions): KubeObject {
  if (!o.selector) throw new GeneratorError("selector must be specified");
  const selector = parseLabels(o.selector);
  const labels = o.labels ? parseLabels(o.labels) : undefined;
  if (!o.name) throw new GeneratorError("name must be specified");
  const protocolMap = o.protocols ? parseProtocols(o.protocols) : undefined;
  const ports: KubeObject[] = [];
  if (o.ports) {
    const list = o.ports.split(",");
    list.forEach((p, i) => {
      if (!/^[+-]?\d+$/.test(p)) throw new GeneratorError(`strconv.Atoi: parsing ${JSON.stringify(p)}: invalid syntax`);
      const port = Number(p);
      const name = list.length > 1 ? `port-${i + 1}` : o.portName;
      let protocol = o.protocol;
      if (!protocol && !protocolMap) protocol = "TCP";
      else if (!protocol && protocolMap) {
        protocol = "TCP";
        const found = protocolMap.get(p);
        if (found) {
          if (found.length === 1) protocol = found[0];
          else {
            for (const proto of found) ports.push(servicePort(`port-${i + 1}-${proto.toLowerCase()}`, proto, port));
            return;
          }
        }
      }
      ports.push(servicePort(name, protocol, port));
    });
  }
  for (const p of ports) p.targetPort = o.targetPort ? intOrString(o.targetPort) : p.port;
  const spec: KubeObject = {};
  if (ports.length) spec.ports = ports;
  spec.selector = sortedMap(selector);
  if (o.clusterIP) spec.clusterIP = o.clusterIP;
  if (o.type) spec.type = o.type;
  if (o.externalIP) spec.externalIPs = [o.externalIP];
  if (o.sessionAffinity) {
    if (o.sessionAffinity !== "None" && o.sessionAffinity !== "ClientIP") throw new GeneratorError(`unknown session affinity: ${o.sessionAffinity}`);
    spec.sessionAffinity = o.sessionAffinity;
  }
  if (o.type === "LoadBalancer" && o.loadBalancerIP) spec.loadBalancerIP = o.loadBalancerIP;
  const svc = typed("Service", "v1", objectMeta({ name: o.name, namespace: o.namespace, labels: labels && sortedMap(labels) }));
  svc.spec = spec;
  svc.status = { loadBalancer: {} };
  return svc;
}

/** corev1.ServicePort in Go order (targetPort is filled in afterwards). */
function servicePort(name: string, protocol: string, port: number): KubeObject {
  const p: KubeObject = {};
  if (name) p.name = name;
  if (protocol) p.protocol = protocol;
  p.port = port;
  return p;
}

/** parseProtocols: `port/PROTO,...` -> port -> protocols. */
function parseProtocols(spec: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const item of spec.split(",")) {
    const parts = item.split("/");
    if (parts.length !== 2) throw new GeneratorError(`unexpected port protocol mapping: ${item}`);
    if (!parts[0]) throw new GeneratorError("unexpected empty port");
    if (!parts[1]) throw new GeneratorError("unexpected empty protocol");
    out.set(parts[0], [...(out.get(parts[0]) ?? []), parts[1]]);
  }
  return out;
}
