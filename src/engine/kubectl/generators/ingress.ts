// `kubectl create ingress` (pkg/cmd/create/create_ingress.go): rules `host/path=svc:port[,tls[=secret]]`,
// a trailing `*` on the path meaning pathType Prefix, a default backend, annotations.
import type { KubeObject } from "../client";
import { GeneratorError, intOrString, objectMeta, sortedMap, typed } from "./common";

export interface IngressOptions {
  name: string;
  namespace?: string;
  ingressClass: string;
  rules: string[];
  defaultBackend: string;
  annotations: string[];
}

// Go's \w is ASCII [0-9A-Za-z_].
const RULE = /^([\w*\-.]*)(\/.*)=([\w-]+):([\w-]+)(,(tls)=?([\w-]+)?)?/;

/** CreateIngressOptions.Validate. */
export function validateIngress(o: IngressOptions): void {
  if (!o.defaultBackend && !o.rules.length) {
    throw new GeneratorError("not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)");
  }
  for (const rule of o.rules) if (!RULE.test(rule)) throw new GeneratorError(`rule ${rule} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`);
  for (const a of o.annotations) if (!a.includes("=")) throw new GeneratorError(`annotation ${a} is invalid and should be in format key=[value]`);
  if (o.defaultBackend && o.defaultBackend.split(":").length !== 2) throw new GeneratorError("default-backend should be in format servicename:serviceport");
}

export function generateIngress(o: IngressOptions): KubeObject {
  validateIngress(o);
  const annotations: Record<string, string> = {};
  for (const a of o.annotations) {
    const eq = a.indexOf("=");
    annotations[a.slice(0, eq)] = a.slice(eq + 1);
  }
  const spec: KubeObject = {};
  if (o.ingressClass) spec.ingressClassName = o.ingressClass;
  if (o.defaultBackend) spec.defaultBackend = backend(o.defaultBackend);
  const tls = tlsRules(o.rules);
  if (tls.length) spec.tls = tls;
  const rules = ingressRules(o.rules);
  if (rules.length) spec.rules = rules;
  const ing = typed("Ingress", "networking.k8s.io/v1", objectMeta({ name: o.name, namespace: o.namespace, annotations: sortedMap(annotations) }));
  ing.spec = spec;
  ing.status = { loadBalancer: {} };
  return ing;
}

/** buildTLSRules: one entry per secret, hosts appended to the entry with the same secret. */
function tlsRules(rules: string[]): KubeObject[] {
  const seenHosts = new Set<string>();
  const out: { hosts?: string[]; secretName?: string }[] = [];
  for (const rule of rules) {
    const parts = rule.split(",");
    if (parts.length !== 2) continue;
    const host = rule.split("/")[0];
    const secretParts = parts[1].split("=");
    const secret = secretParts.length > 1 ? secretParts[1] : "";
    if (seenHosts.has(host)) continue;
    const idx = out.findIndex((t) => (t.secretName ?? "") === secret);
    seenHosts.add(host);
    if (idx > -1) {
      (out[idx].hosts ??= []).push(host);
      continue;
    }
    const entry: { hosts?: string[]; secretName?: string } = {};
    if (host) entry.hosts = [host];
    if (secret) entry.secretName = secret;
    if (entry.hosts || entry.secretName) out.push(entry);
  }
  return out;
}

/** buildIngressRules: paths of rules for the same host share one rule. */
function ingressRules(rules: string[]): KubeObject[] {
  const out: KubeObject[] = [];
  for (const rule of rules) {
    const withoutTls = rule.split(",")[0];
    const slash = withoutTls.indexOf("/");
    const host = withoutTls.slice(0, slash);
    const path = httpPath(withoutTls.slice(slash + 1));
    const existing = out.find((r) => (r.host ?? "") === host);
    if (existing) {
      existing.http.paths.push(path);
      continue;
    }
    const r: KubeObject = {};
    if (host) r.host = host;
    r.http = { paths: [path] };
    out.push(r);
  }
  return out;
}

function httpPath(pathSvc: string): KubeObject {
  const parts = pathSvc.split("=");
  let path = `/${parts[0]}`;
  let pathType = "Exact";
  if (path.endsWith("*")) {
    pathType = "Prefix";
    path = path.slice(0, -1);
  }
  return { path, pathType, backend: backend(parts[1]) };
}

/** buildIngressBackendSvc: `svc:port`, the port a number or a name. */
function backend(service: string): KubeObject {
  const [name, port] = service.split(":");
  const p = intOrString(port);
  return { service: { name, port: typeof p === "number" ? { number: p } : { name: p } } };
}
