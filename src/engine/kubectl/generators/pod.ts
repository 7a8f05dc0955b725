// `kubectl run`'s pod (pkg/generate/versioned/run.go BasicPod): labels run=<name> unless --labels,
// one container named after the pod, args (or --command) after `--`, env, port, pull policy.
import type { KubeObject } from "../client";
import { isEnvVarName } from "../../machinery/names";
import { container, GeneratorError, objectMeta, podSpec, sortedMap, typed } from "./common";
import { resourceList } from "./quota";

export interface PodOptions {
  name: string;
  namespace?: string;
  image: string;
  labels: string;
  annotations: string[];
  env: string[];
  /** "" when --port is not set. */
  port: string;
  restart: string;
  args: string[];
  command: boolean;
  imagePullPolicy: string;
  stdin: boolean;
  leaveStdinOpen: boolean;
  tty: boolean;
  privileged: boolean;
  serviceAccount?: string;
  requests?: string;
  limits?: string;
}

/** generate.ParseLabels (and expose's parseLabels): `k=v,k2=v2`, nothing else. */
export function parseLabels(spec: string): Record<string, string> {
  if (!spec) throw new GeneratorError("no label spec passed");
  const out: Record<string, string> = {};
  for (const item of spec.split(",")) {
    const parts = item.split("=");
    if (parts.length !== 2) throw new GeneratorError(`unexpected label spec: ${item}`);
    if (!parts[0]) throw new GeneratorError("unexpected empty label key");
    out[parts[0]] = parts[1];
  }
  return out;
}

/** cmdutil.ParsePairs without removals: every argument must be `key=value`. */
export function parsePairs(args: string[], what: string): Record<string, string> {
  const out: Record<string, string> = {};
  const invalid: string[] = [];
  for (const a of args) {
    if (a.includes("=") && a[0] !== "=") {
      const eq = a.indexOf("=");
      out[a.slice(0, eq)] = a.slice(eq + 1);
    } else invalid.push(a);
  }
  if (invalid.length) throw new GeneratorError(`invalid ${what} format: ${invalid.join(", ")}`);
  return out;
}

/** parseEnvs: `NAME=value` with a valid variable name. */
export function parseEnvs(env: string[]): KubeObject[] {
  return env.map((e) => {
    const eq = e.indexOf("=");
    if (eq <= 0 || isEnvVarName(e.slice(0, eq)).length) throw new GeneratorError(`invalid env: ${e}`);
    return { name: e.slice(0, eq), value: e.slice(eq + 1) };
  });
}

export function generatePod(o: PodOptions): KubeObject {
  const env = parseEnvs(o.env);
  const annotations = parsePairs(o.annotations, "annotations");
  const labels = o.labels ? parseLabels(o.labels) : { run: o.name };
  let ports: KubeObject[] | undefined;
  if (o.port) {
    if (!/^[+-]?\d+$/.test(o.port)) throw new GeneratorError(`strconv.Atoi: parsing ${JSON.stringify(o.port)}: invalid syntax`);
    ports = [{ containerPort: Number(o.port) }];
  }
  const resources: KubeObject = {};
  if (o.limits) resources.limits = sortedMap(resourceList(o.limits));
  if (o.requests) resources.requests = sortedMap(resourceList(o.requests));
  const c = container({
    name: o.name,
    image: o.image,
    command: o.command ? o.args : undefined,
    args: o.command ? undefined : o.args,
    ports,
    env,
    resources,
    imagePullPolicy: o.imagePullPolicy,
    securityContext: o.privileged ? { privileged: true } : undefined,
    stdin: o.stdin,
    stdinOnce: !o.leaveStdinOpen && o.stdin,
    tty: o.tty,
  });
  const pod = typed("Pod", "v1", objectMeta({ name: o.name, namespace: o.namespace, labels: sortedMap(labels), annotations: sortedMap(annotations) }));
  pod.spec = podSpec({ containers: [c], restartPolicy: o.restart || "Always", dnsPolicy: "ClusterFirst", serviceAccountName: o.serviceAccount });
  pod.status = {};
  return pod;
}
