// Containers as describe.go prints them (describeContainers): id, image, ports, command and args,
// state, resources, probes, environment (values, field and resource references, ConfigMap and
// Secret keys, envFrom) and mounts. Used by the pod describer and every pod template.
import { compareGoStrings } from "../../machinery/labels";
import { parseQuantity } from "../../machinery/quantity";
import { goList, printBool, quantity, rfc1123z, sortStrings, type Obj } from "./format";
import { goSort } from "../../machinery/gosort";
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from "./writer";

/** Resolves a fieldRef env var to a value (EnvValueRetriever); undefined for templates. */
export type EnvResolver = ((e: Obj) => string) | undefined;

/** EnvValueRetriever: kubectl's scheme only converts metadata.name and metadata.namespace for pods. */
export function envValueRetriever(pod: Obj): EnvResolver {
  return (e) => {
    const path = e.valueFrom?.fieldRef?.fieldPath ?? "";
    if (path === "metadata.name") return pod.metadata?.name ?? "";
    if (path === "metadata.namespace") return pod.metadata?.namespace ?? "";
    return "";
  };
}

export function describeContainers(label: string, containers: Obj[] | undefined, statuses: Obj[] | undefined, resolver: EnvResolver, w: PrefixWriter, space: string): void {
  const byName = new Map<string, Obj>();
  for (const s of statuses ?? []) byName.set(s.name, s);
  w.write(LEVEL_0, `${space}${label}:${(containers ?? []).length === 0 ? " <none>" : ""}\n`);
  for (const c of containers ?? []) {
    const status = byName.get(c.name);
    describeContainerBasicInfo(c, status, space, w);
    describeContainerCommand(c, w);
    if (status) describeContainerState(status, w);
    describeResources(c.resources, w, LEVEL_2);
    describeContainerProbe(c, w);
    if ((c.envFrom ?? []).length > 0) describeContainerEnvFrom(c, w);
    describeContainerEnvVars(c, resolver, w);
    describeContainerVolumes(c, w);
  }
}

function describeContainerBasicInfo(c: Obj, status: Obj | undefined, space: string, w: PrefixWriter): void {
  const nameIndent = space.length > 0 ? " " : "";
  w.write(LEVEL_1, `${nameIndent}${c.name}:\n`);
  if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ""}\n`);
  w.write(LEVEL_2, `Image:\t${c.image ?? ""}\n`);
  if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ""}\n`);
  const ports = (c.ports ?? []).map((p: Obj) => `${p.containerPort ?? 0}/${p.protocol ?? ""}`).join(", ");
  if (ports.includes(",")) w.write(LEVEL_2, `Ports:\t${ports}\n`);
  else w.write(LEVEL_2, `Port:\t${ports || "<none>"}\n`);
  const hostPorts = (c.ports ?? []).map((p: Obj) => `${p.hostPort ?? 0}/${p.protocol ?? ""}`).join(", ");
  if (hostPorts.includes(",")) w.write(LEVEL_2, `Host Ports:\t${hostPorts}\n`);
  else w.write(LEVEL_2, `Host Port:\t${hostPorts || "<none>"}\n`);
  const seccomp = c.securityContext?.seccompProfile;
  if (seccomp) {
    w.write(LEVEL_2, `SeccompProfile:\t${seccomp.type ?? ""}\n`);
    if (seccomp.type === "Localhost") w.write(LEVEL_3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ""}\n`);
  }
}

function describeContainerCommand(c: Obj, w: PrefixWriter): void {
  if ((c.command ?? []).length > 0) {
    w.write(LEVEL_2, "Command:\n");
    for (const cmd of c.command) for (const s of String(cmd).split("\n")) w.write(LEVEL_3, `${s}\n`);
  }
  if ((c.args ?? []).length > 0) {
    w.write(LEVEL_2, "Args:\n");
    for (const arg of c.args) for (const s of String(arg).split("\n")) w.write(LEVEL_3, `${s}\n`);
  }
}

/** describeResources: Limits then Requests, resource names sorted. */
export function describeResources(resources: Obj | undefined, w: PrefixWriter, level: number): void {
  if (!resources) return;
  const limits = resources.limits ?? {};
  const requests = resources.requests ?? {};
  if (Object.keys(limits).length > 0) w.write(level, "Limits:\n");
  for (const name of sortStrings(Object.keys(limits))) w.write(level + 1, `${name}:\t${quantity(limits[name])}\n`);
  if (Object.keys(requests).length > 0) w.write(level, "Requests:\n");
  for (const name of sortStrings(Object.keys(requests))) w.write(level + 1, `${name}:\t${quantity(requests[name])}\n`);
}

function describeContainerState(status: Obj, w: PrefixWriter): void {
  describeStatus("State", status.state ?? {}, w);
  if (status.lastState?.terminated) describeStatus("Last State", status.lastState, w);
  w.write(LEVEL_2, `Ready:\t${printBool(status.ready)}\n`);
  w.write(LEVEL_2, `Restart Count:\t${status.restartCount ?? 0}\n`);
}

function describeStatus(stateName: string, state: Obj, w: PrefixWriter): void {
  if (state.running) {
    w.write(LEVEL_2, `${stateName}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state.waiting) {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${stateName}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode ?? 0}\n`);
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`);
  }
}

function describeContainerProbe(c: Obj, w: PrefixWriter): void {
  if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
  if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
  if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
}

/** DescribeProbe: `http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function describeProbe(p: Obj): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec ${goList(p.exec.command)} ${attrs}`;
  if (p.httpGet) {
    const g = p.httpGet;
    const port = g.port === undefined || g.port === null ? "" : String(g.port);
    const host = port.length > 0 ? joinHostPort(g.host ?? "", port) : (g.host ?? "");
    return `http-get ${urlString(String(g.scheme ?? "").toLowerCase(), host, g.path ?? "")} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ""}:${p.tcpSocket.port ?? ""} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port ?? 0} ${p.grpc.service ?? ""} ${attrs}`;
  return `unknown ${attrs}`;
}

/** net.JoinHostPort: IPv6 hosts in brackets. */
function joinHostPort(host: string, port: string): string {
  return host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
}

/** url.URL{Scheme, Host, Path}.String() for the simple cases probes have. */
function urlString(scheme: string, host: string, path: string): string {
  let out = "";
  if (scheme) out += `${scheme}:`;
  if (scheme || host) {
    out += `//${host}`;
    if (path && !path.startsWith("/")) out += "/";
  }
  out += escapePath(path);
  return out;
}

/** url's escape(s, encodePath): unreserved characters and `$&+,/:;=@` stay, every other byte is %XX. */
function escapePath(path: string): string {
  let out = "";
  for (const byte of new TextEncoder().encode(path)) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~$&+,/:;=@]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

function describeContainerEnvFrom(c: Obj, w: PrefixWriter): void {
  w.write(LEVEL_2, "Environment Variables from:\n");
  for (const e of c.envFrom ?? []) {
    let from = "";
    let name = "";
    let optional = false;
    if (e.configMapRef) {
      from = "ConfigMap";
      name = e.configMapRef.name ?? "";
      optional = e.configMapRef.optional === true;
    } else if (e.secretRef) {
      from = "Secret";
      name = e.secretRef.name ?? "";
      optional = e.secretRef.optional === true;
    }
    if (!e.prefix) w.write(LEVEL_3, `${name}\t${from}\tOptional: ${optional}\n`);
    else w.write(LEVEL_3, `${name}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n`);
  }
}

function describeContainerEnvVars(c: Obj, resolver: EnvResolver, w: PrefixWriter): void {
  const env: Obj[] = c.env ?? [];
  w.write(LEVEL_2, `Environment:${env.length === 0 ? "\t<none>" : ""}\n`);
  for (const e of env) {
    if (!e.valueFrom) {
      String(e.value ?? "")
        .split("\n")
        .forEach((s, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
      continue;
    }
    const vf = e.valueFrom;
    if (vf.fieldRef) {
      const value = resolver ? resolver(e) : "";
      w.write(LEVEL_3, `${e.name}:\t${value} (${vf.fieldRef.apiVersion ?? ""}:${vf.fieldRef.fieldPath ?? ""})\n`);
    } else if (vf.resourceFieldRef) {
      const resource = vf.resourceFieldRef.resource ?? "";
      let value = containerResourceValue(vf.resourceFieldRef, c);
      if (value === "0" && (resource === "limits.cpu" || resource === "limits.memory")) value = "node allocatable";
      w.write(LEVEL_3, `${e.name}:\t${value} (${resource})\n`);
    } else if (vf.secretKeyRef) {
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${vf.secretKeyRef.key ?? ""}' in secret '${vf.secretKeyRef.name ?? ""}'>\tOptional: ${vf.secretKeyRef.optional === true}\n`);
    } else if (vf.configMapKeyRef) {
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${vf.configMapKeyRef.key ?? ""}' of config map '${vf.configMapKeyRef.name ?? ""}'>\tOptional: ${vf.configMapKeyRef.optional === true}\n`);
    }
  }
}

/** resourcehelper.ExtractContainerResourceValue: the value divided by the divisor, rounded up; "" when unsupported. */
function containerResourceValue(ref: Obj, c: Obj): string {
  const divisorText = ref.divisor === undefined || ref.divisor === null || quantity(ref.divisor) === "0" ? "1" : String(ref.divisor);
  let divisor;
  try {
    divisor = parseQuantity(divisorText);
  } catch {
    return "";
  }
  const resource: string = ref.resource ?? "";
  const [kind, name] = [resource.split(".")[0], resource.slice(resource.indexOf(".") + 1)];
  const list = kind === "limits" ? c.resources?.limits : kind === "requests" ? c.resources?.requests : undefined;
  if (list === undefined && kind !== "limits" && kind !== "requests") return "";
  const supported = name === "cpu" || name === "memory" || name === "ephemeral-storage" || name.startsWith("hugepages-");
  if (!supported) return "";
  let value;
  try {
    value = parseQuantity(String(list?.[name] ?? "0"));
  } catch {
    return "";
  }
  const ratio = name === "cpu" ? value.milliValue() / divisor.milliValue() : value.value() / divisor.value();
  return String(Math.ceil(ratio));
}

function describeContainerVolumes(c: Obj, w: PrefixWriter): void {
  const mounts: Obj[] = c.volumeMounts ?? [];
  const none = mounts.length === 0 ? "\t<none>" : "";
  w.write(LEVEL_2, `Mounts:${none}\n`);
  for (const m of goSort([...mounts], (a, b) => compareGoStrings(a.mountPath ?? "", b.mountPath ?? "") < 0)) {
    const flags = [m.readOnly ? "ro" : "rw"];
    if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
    w.write(LEVEL_3, `${m.mountPath ?? ""} from ${m.name ?? ""} (${flags.join(",")})\n`);
  }
  const devices: Obj[] = c.volumeDevices ?? [];
  if (devices.length > 0) {
    w.write(LEVEL_2, `Devices:${none}\n`);
    for (const d of goSort([...devices], (a, b) => compareGoStrings(a.devicePath ?? "", b.devicePath ?? "") < 0)) w.write(LEVEL_3, `${d.devicePath ?? ""} from ${d.name ?? ""}\n`);
  }
}
