// The cluster network from inside a container: cluster DNS (CoreDNS's answers for Services, headless
// Services and pod names, through the pod's search path), and HTTP to a Service name, a ClusterIP or a
// pod IP answered by ONE backend pod — chosen by a hash of the moment and the caller, so repeated
// requests spread over the endpoints like kube-proxy does — with what that pod's image serves (nginx's
// welcome page, echoserver's request dump, `You've hit <pod>` ...). No ready endpoint is a refused
// connection (kube-proxy's REJECT rule); an address nothing answers is a timeout.
import type { KubeObject } from "../../kinds/types";
import type { Container } from "../../kinds/common/pod";
import { imageExecProfile, workloadOf } from "../workloads";
import { parseRfc3339 } from "../../machinery/time";
import { hashFraction } from "../timing";
import { formatDate } from "../shell";
import { lookup } from "./files";
import type { ExecContext, ExecOutput } from "./types";
import { curlArgs, parseUrl, wgetArgs, type Url } from "./http-args";
import { ok, fail } from "./types";

const DNS_IP = "10.96.0.10";
const CLUSTER_DOMAIN = "cluster.local";
/** Where names outside the cluster resolve (the sandbox has no internet: connections time out). */
const OUTSIDE_IP = "142.250.74.46";

interface Resolved {
  fqdn: string;
  ips: string[];
}

const isIp = (s: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(s);

/** One fully-qualified name as CoreDNS's kubernetes plugin answers it (undefined: NXDOMAIN). */
function answer(ctx: ExecContext, fqdn: string): string[] | undefined {
  const suffix = `.svc.${CLUSTER_DOMAIN}`;
  if (fqdn.endsWith(suffix)) {
    const parts = fqdn.slice(0, -suffix.length).split(".");
    // <svc>.<ns>.svc.cluster.local, or <hostname>.<svc>.<ns>.svc.cluster.local for pods behind a headless Service.
    if (parts.length === 2) {
      const svc = ctx.cluster.service(parts[1], parts[0]);
      if (!svc || (parseRfc3339(svc.metadata.creationTimestamp ?? "") ?? 0) > ctx.cluster.nowMs) return undefined;
      if (svc.spec?.type === "ExternalName") return [OUTSIDE_IP];
      if (svc.spec?.clusterIP && svc.spec.clusterIP !== "None") return [svc.spec.clusterIP];
      const ips = readyEndpoints(ctx, parts[1], parts[0]).map((e) => e.ip);
      return ips.length ? [...new Set(ips)] : undefined;
    }
    if (parts.length === 3) {
      const ep = readyEndpoints(ctx, parts[2], parts[1]).find((e) => e.hostname === parts[0]);
      return ep ? [ep.ip] : undefined;
    }
    return undefined;
  }
  const podSuffix = `.pod.${CLUSTER_DOMAIN}`;
  if (fqdn.endsWith(podSuffix)) {
    const parts = fqdn.slice(0, -podSuffix.length).split(".");
    if (parts.length === 2 && /^\d+-\d+-\d+-\d+$/.test(parts[0])) return [parts[0].replace(/-/g, ".")];
    return undefined;
  }
  if (fqdn.endsWith(CLUSTER_DOMAIN)) return undefined;
  // Outside names: the upstream resolver answers (one dot at least).
  return fqdn.includes(".") ? [OUTSIDE_IP] : undefined;
}

/** The resolver: absolute names as they are, others through the search path (ndots:5). */
export function resolveName(ctx: ExecContext, name: string): Resolved | undefined {
  if (isIp(name)) return { fqdn: name, ips: [name] };
  const trimmed = name.replace(/\.$/, "");
  const candidates = name.endsWith(".") ? [trimmed] : [...[`${ctx.namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN].map((d) => `${trimmed}.${d}`), trimmed];
  if (!name.endsWith(".") && trimmed.split(".").length > 5) candidates.unshift(candidates.pop()!);
  for (const fqdn of candidates) {
    const ips = answer(ctx, fqdn.toLowerCase());
    if (ips) return { fqdn: fqdn.toLowerCase(), ips };
  }
  return undefined;
}

/** What getaddrinfo answers (curl, wget): /etc/hosts first (localhost, the pod's own name), then DNS. */
export function resolveHost(ctx: ExecContext, name: string): Resolved | undefined {
  const n = name.toLowerCase().replace(/\.$/, "");
  if (n === "localhost" || n === "ip6-localhost" || n === "ip6-loopback") return { fqdn: n, ips: ["127.0.0.1"] };
  if (n === ctx.hostname && ctx.pod.status?.podIP) return { fqdn: n, ips: [String(ctx.pod.status.podIP)] };
  return resolveName(ctx, name);
}

interface Endpoint {
  ip: string;
  hostname?: string;
  podName?: string;
  podNamespace?: string;
  ports: { name: string; port: number }[];
}

function readyEndpoints(ctx: ExecContext, namespace: string, service: string): Endpoint[] {
  const out: Endpoint[] = [];
  for (const slice of ctx.cluster.endpointSlices(namespace, service)) {
    const ports = ((slice.ports ?? []) as KubeObject[]).map((p) => ({ name: String(p.name ?? ""), port: Number(p.port) }));
    for (const e of (slice.endpoints ?? []) as KubeObject[]) {
      if (e.conditions?.ready === false) continue;
      for (const ip of e.addresses ?? []) out.push({ ip, hostname: e.hostname, podName: e.targetRef?.kind === "Pod" ? e.targetRef.name : undefined, podNamespace: e.targetRef?.namespace, ports });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// nslookup
// ---------------------------------------------------------------------------------------------

export function nslookup(ctx: ExecContext, args: string[]): ExecOutput {
  const target = args.filter((a) => !a.startsWith("-"))[0];
  const busybox = ctx.shell !== "bash";
  if (!target) return fail(busybox ? "BusyBox nslookup: missing HOST\n" : "nslookup: missing host argument\n", 1);
  const oldBusybox = /busybox:1\.(2\d|1\d)\b/.test(String(ctx.container.image ?? ""));
  const r = resolveName(ctx, target);
  if (oldBusybox) {
    let out = `Server:    ${DNS_IP}\nAddress 1: ${DNS_IP} kube-dns.kube-system.svc.cluster.local\n\n`;
    if (!r) return fail(`nslookup: can't resolve '${target}'\n`, 1, out);
    out += `Name:      ${target}\n` + r.ips.map((ip, i) => `Address ${i + 1}: ${ip}${ip === OUTSIDE_IP ? "" : ` ${reverseName(ctx, ip)}`}\n`).join("");
    return ok(out);
  }
  let out = busybox ? `Server:\t\t${DNS_IP}\nAddress:\t${DNS_IP}:53\n\n` : `Server:\t\t${DNS_IP}\nAddress:\t${DNS_IP}#53\n\n`;
  if (!r) {
    const guess = target.includes(".") ? target : `${target}.${ctx.namespace}.svc.${CLUSTER_DOMAIN}`;
    out += `** server can't find ${busybox ? guess : target}: NXDOMAIN\n\n`;
    return { stdout: out, stderr: "", exitCode: 1 };
  }
  if (r.ips[0] === OUTSIDE_IP) out += "Non-authoritative answer:\n";
  for (const ip of r.ips) out += `Name:\t${r.fqdn}\nAddress: ${ip}\n`;
  return ok(out + "\n");
}

/** PTR of a cluster IP (old busybox prints it after each address). */
function reverseName(ctx: ExecContext, ip: string): string {
  const svc = ctx.cluster.allServices().find((s) => s.spec?.clusterIP === ip);
  if (svc) return `${svc.metadata.name}.${svc.metadata.namespace}.svc.${CLUSTER_DOMAIN}`;
  return `${ip.replace(/\./g, "-")}.${ctx.namespace}.pod.${CLUSTER_DOMAIN}`;
}

// ---------------------------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------------------------


type Outcome = { kind: "response"; status: number; body: string; server: string } | { kind: "refused"; ip: string } | { kind: "timeout"; ip: string } | { kind: "unresolved" } | { kind: "reset"; ip: string };

type Route =
  | { kind: "unresolved" }
  | { kind: "refused"; ip: string }
  | { kind: "timeout"; ip: string }
  /** A Service's ready endpoints serving the port (never empty): kube-proxy picks one per connection. */
  | { kind: "service"; ip: string; endpoints: { ep: Endpoint; port: number }[] }
  /** An address without a Service: the Running pod that has it, if any. */
  | { kind: "direct"; ip: string; pod: KubeObject | undefined };

/** Where a request to host:port goes: through a Service (its ClusterIP, or a NodePort on a node's address) or straight to a pod. */
function route(ctx: ExecContext, url: Url): Route {
  const r = resolveHost(ctx, url.host);
  if (!r) return { kind: "unresolved" };
  const ip = r.ips[0];
  // A node's address: kube-proxy forwards its NodePorts (on every node) to the Service's endpoints.
  const onNode = ctx.cluster.allNodes().some((n) => ((n.status?.addresses ?? []) as { address?: string }[]).some((a) => a.address === ip));
  const nodePortOf = (s: KubeObject) => ((s.spec?.ports ?? []) as KubeObject[]).find((p) => p.nodePort === url.port);
  const svc = onNode
    ? ctx.cluster.allServices().find((s) => (s.spec?.type === "NodePort" || s.spec?.type === "LoadBalancer") && nodePortOf(s))
    : ctx.cluster.allServices().find((s) => s.spec?.clusterIP === ip && ip !== "None");
  if (onNode && !svc) return { kind: "refused", ip };
  if (!svc) return { kind: "direct", ip, pod: ctx.cluster.allPods().find((p) => p.status?.podIP === ip && p.status?.phase === "Running" && !p.spec?.hostNetwork) };
  const sp = onNode ? nodePortOf(svc) : ((svc.spec?.ports ?? []) as KubeObject[]).find((p) => p.port === url.port);
  if (!sp) return { kind: "timeout", ip };
  const name = String(sp.name ?? "");
  const endpoints = readyEndpoints(ctx, String(svc.metadata.namespace), String(svc.metadata.name)).flatMap((ep) => {
    const port = ep.ports.find((p) => p.name === name);
    return port ? [{ ep, port: port.port }] : [];
  });
  return endpoints.length ? { kind: "service", ip, endpoints } : { kind: "refused", ip };
}

/** The pod behind an endpoint (by its targetRef, else by its address). */
function endpointPod(ctx: ExecContext, ep: Endpoint): KubeObject | undefined {
  const pods = ctx.cluster.allPods();
  return pods.find((p) => p.metadata.namespace === ep.podNamespace && p.metadata.name === ep.podName) ?? pods.find((p) => p.status?.podIP === ep.ip);
}

/**
 * The pods a stream of requests to a URL reaches, each with the port it is asked on: every ready
 * endpoint of a Service (kube-proxy spreads connections evenly), or the one pod with the address.
 * Empty when nothing answers.
 */
export function requestTargets(ctx: ExecContext, rawUrl: string): { pod: KubeObject; port: number }[] {
  const url = parseUrl(rawUrl);
  if (!url) return [];
  const rt = route(ctx, url);
  if (rt.kind === "direct") return rt.pod ? [{ pod: rt.pod, port: url.port }] : [];
  if (rt.kind !== "service") return [];
  return rt.endpoints.flatMap(({ ep, port }) => {
    const pod = endpointPod(ctx, ep);
    return pod ? [{ pod, port }] : [];
  });
}

/** Which pod serves a request to ip:port, and what it answers. */
function request(ctx: ExecContext, url: Url, client: string): Outcome {
  const rt = route(ctx, url);
  if (rt.kind === "direct") {
    if (rt.pod) return serve(ctx, rt.pod, url, rt.ip, client, url);
    return rt.ip === "127.0.0.1" || rt.ip === ctx.pod.status?.podIP ? serve(ctx, ctx.pod, url, rt.ip, client) : { kind: "timeout", ip: rt.ip };
  }
  if (rt.kind !== "service") return rt;
  const { ip, endpoints } = rt;
  const pick = endpoints[Math.floor(hashFraction(`${ctx.pod.metadata.uid}|${ctx.cluster.nowMs}|${client}|${ip}:${url.port}`) * endpoints.length)];
  const pod = endpointPod(ctx, pick.ep);
  if (!pod) return { kind: "refused", ip };
  return serve(ctx, pod, { ...url, port: pick.port }, ip, client, url);
}

/** What a pod answers on a port: the first running container listening there. */
function serve(ctx: ExecContext, pod: KubeObject, url: Url, ip: string, client: string, asked: Url = url): Outcome {
  const statuses = (pod.status?.containerStatuses ?? []) as KubeObject[];
  for (const c of (pod.spec?.containers ?? []) as Container[]) {
    const st = statuses.find((s) => s.name === c.name);
    const startedAt = parseRfc3339(st?.state?.running?.startedAt ?? "");
    if (startedAt === undefined) continue;
    const view = { nowMs: ctx.cluster.nowMs, configMap: ctx.cluster.configMap, secret: ctx.cluster.secret, service: ctx.cluster.service };
    const w = workloadOf({ pod, container: c, startedAtMs: startedAt, podIP: String(pod.status?.podIP ?? ""), view });
    const declared = (c.ports ?? []).some((p) => Number(p.containerPort) === url.port);
    if (w.ports ? !w.ports.includes(url.port) : !declared) continue;
    const status = w.http(url.port, url.path, ctx.cluster.nowMs - startedAt);
    if (status === undefined) continue;
    const profile = imageExecProfile(String(c.image ?? ""));
    const page = profile?.program === "nginx" ? nginxPage(ctx, pod, c, url.path) : undefined;
    const body = page?.body ?? responseBody(profile?.program, c, pod, asked, status, client, ctx);
    if (body === undefined) return { kind: "reset", ip };
    return { kind: "response", status: page?.status ?? status, body, server: profile?.program ?? "" };
  }
  return { kind: "refused", ip };
}

const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const nginxError = (status: number, text: string) => `<html>\r\n<head><title>${status} ${text}</title></head>\r\n<body>\r\n<center><h1>${status} ${text}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;

/**
 * nginx serves its html directory: a file there (written by a container of the pod into a shared
 * volume, or mounted from a ConfigMap) is the page; a volume mounted over the directory hides the
 * image's welcome page (no index.html: 403 for a directory, 404 for a file). Undefined: the image's own pages.
 */
function nginxPage(ctx: ExecContext, pod: KubeObject, c: Container, rawPath: string): { status: number; body: string } | undefined {
  const root = /bitnami\/nginx/.test(String(c.image ?? "")) ? "/app" : "/usr/share/nginx/html";
  const served: ExecContext = { ...ctx, pod, container: c, namespace: String(pod.metadata?.namespace ?? "default") };
  let path = rawPath.split("?")[0] || "/";
  try {
    path = decodeURIComponent(path);
  } catch {
    // a malformed escape stays as it is
  }
  const n = lookup(served, path.endsWith("/") ? `${root}${path}index.html` : `${root}${path}`);
  if (n?.kind === "file") return { status: 200, body: n.content };
  const covered = ((c.volumeMounts ?? []) as KubeObject[]).some((m) => {
    const mp = String(m.mountPath ?? "").replace(/\/+$/, "");
    return mp === root || root.startsWith(`${mp}/`) || mp === "";
  });
  if (!covered) return undefined;
  if (path.endsWith("/") && lookup(served, `${root}${path}`)?.kind === "dir") return { status: 403, body: nginxError(403, "Forbidden") };
  return { status: 404, body: nginxError(404, "Not Found") };
}

const NON_HTTP = new Set(["redis", "postgres", "mysql", "mongo", "memcached", "rabbitmq", "kube-system"]);

function argValue(c: Container, name: string): string | undefined {
  const argv = [...(c.command ?? []), ...(c.args ?? [])].map(String);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === name || argv[i] === `-${name}` || argv[i] === `--${name}`) return argv[i + 1];
    const m = new RegExp(`^--?${name}=(.*)$`).exec(argv[i]);
    if (m) return m[1];
  }
  return undefined;
}

function responseBody(program: string | undefined, c: Container, pod: KubeObject, url: Url, status: number, client: string, ctx: ExecContext): string | undefined {
  const podName = String(pod.metadata.name);
  if (program && NON_HTTP.has(program)) return undefined;
  switch (program) {
    case "nginx":
    case "wordpress":
      return status === 200 ? NGINX_WELCOME : nginxError(status, status === 404 ? "Not Found" : "Error");
    case "httpd":
    case "hpa-example":
      return program === "hpa-example" ? "OK!" : "<html><body><h1>It works!</h1></body></html>\n";
    case "http-echo":
      return `${argValue(c, "text") ?? "hello-world"}\n`;
    case "hello-app":
      return `Hello, world!\nVersion: ${/:(\d+\.\d+)/.exec(String(c.image))?.[1] === "2.0" ? "2.0.0" : "1.0.0"}\nHostname: ${podName}\n`;
    case "echoserver":
      return `\n\nHostname: ${podName}\n\nPod Information:\n\t-no pod information available-\n\nServer values:\n\tserver_version=nginx: 1.13.3 - lua: 10008\n\nRequest Information:\n\tclient_address=${ctx.pod.status?.podIP ?? ""}\n\tmethod=GET\n\treal path=${url.path}\n\tquery=\n\trequest_version=1.1\n\trequest_scheme=http\n\trequest_uri=http://${url.host}:${url.port}${url.path}\n\nRequest Headers:\n\taccept=*/*\n\thost=${url.host}${url.port === 80 ? "" : `:${url.port}`}\n\tuser-agent=${client}\n\nRequest Body:\n\t-no body in request-\n\n`;
    case "agnhost": {
      const sub = String((c.args ?? [])[0] ?? "");
      if (sub === "netexec") return url.path === "/hostname" ? podName : `NOW: ${formatDate(ctx.cluster.nowMs, "%Y-%m-%d %H:%M:%S")}.${String(ctx.cluster.nowMs % 1000).padStart(3, "0")}000000 +0000 UTC`;
      if (sub === "serve-hostname") return podName;
      return `You've hit ${podName}\n`;
    }
  }
  if (/serve_hostname/.test(String(c.image))) return podName;
  if (/kicbase\/echo-server|ealen\/echo-server|mendhak\/http-https-echo/.test(String(c.image))) {
    return `Request served by ${podName}\n\nHTTP/1.1 GET ${url.path}\n\nHost: ${url.host}${url.port === 80 ? "" : `:${url.port}`}\nAccept: */*\nUser-Agent: ${client}\n`;
  }
  return `You've hit ${podName}\n`;
}

function hostPort(u: Url): string {
  return `${u.host}:${u.port}`;
}

/** busybox wget (and GNU wget's messages where they differ little). */
export function wget(ctx: ExecContext, args: string[]): ExecOutput {
  const { quiet, output, spider, operands: rest } = wgetArgs(args);
  if (!rest.length) return fail("BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n", 1);
  const url = parseUrl(rest[0]);
  if (!url) return fail(`wget: bad address '${rest[0]}'\n`);
  const o = request(ctx, url, "Wget");
  const note = (s: string) => (quiet ? "" : s);
  switch (o.kind) {
    case "unresolved":
      return fail(`wget: bad address '${url.host}'\n`);
    case "refused":
      return fail(note(`Connecting to ${hostPort(url)} (${o.ip}:${url.port})\n`) + `wget: can't connect to remote host (${o.ip}): Connection refused\n`);
    case "timeout":
      return fail(note(`Connecting to ${hostPort(url)} (${o.ip}:${url.port})\n`) + `wget: download timed out\n`);
    case "reset":
      return fail(note(`Connecting to ${hostPort(url)} (${o.ip}:${url.port})\n`) + `wget: error getting response: Connection reset by peer\n`);
  }
  const ip = resolveHost(ctx, url.host)!.ips[0];
  let err = note(`Connecting to ${hostPort(url)} (${ip}:${url.port})\n`);
  if (o.status >= 400) return fail(err + `wget: server returned error: HTTP/1.1 ${o.status} ${o.status === 404 ? "Not Found" : o.status === 403 ? "Forbidden" : "Error"}\n`);
  if (spider) return { stdout: "", stderr: err + note("remote file exists\n"), exitCode: 0 };
  const size = new TextEncoder().encode(o.body).length;
  const bar = (name: string) => note(`${name.padEnd(20)} 100% |********************************|   ${size}  0:00:00 ETA\n`);
  if (output === "-") return { stdout: o.body, stderr: err + note("writing to stdout\n") + bar("-") + note("written to stdout\n"), exitCode: 0 };
  const file = output ?? (url.path.split("/").pop() || "index.html");
  err += note(`saving to '${file}'\n`) + bar(file) + note(`'${file}' saved\n`);
  return { stdout: "", stderr: err, exitCode: 0 };
}

/** curl. */
export function curl(ctx: ExecContext, args: string[]): ExecOutput {
  const { silent, showError, head, failOnError, include, operands: rest } = curlArgs(args);
  if (!rest.length) return fail("curl: try 'curl --help' or 'curl --manual' for more information\n", 2);
  const url = parseUrl(rest[0]);
  if (!url) return fail(`curl: (3) URL rejected: Malformed input to a URL function\n`, 3);
  const o = request(ctx, url, "curl/8.5.0");
  const errors = !silent || showError;
  const meter = (bytes: number) => (silent ? "" : `  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n${bytes ? `100   ${String(bytes).padStart(3)}  100   ${String(bytes).padStart(3)}    0     0   ${Math.max(1, Math.round(bytes / 1.2))}k      0 --:--:-- --:--:-- --:--:--  ${Math.max(1, Math.round(bytes / 1.2))}k` : "  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0"}\n`);
  switch (o.kind) {
    case "unresolved":
      return fail(meter(0) + (errors ? `curl: (6) Could not resolve host: ${url.host}\n` : ""), 6);
    case "refused":
      return fail(meter(0) + (errors ? `curl: (7) Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server\n` : ""), 7);
    case "timeout":
      return fail(meter(0) + (errors ? `curl: (28) Failed to connect to ${url.host} port ${url.port} after 130001 ms: Couldn't connect to server\n` : ""), 28);
    case "reset":
      return fail(meter(0) + (errors ? `curl: (52) Empty reply from server\n` : ""), 52);
  }
  const reason = o.status === 200 ? "OK" : o.status === 404 ? "Not Found" : o.status === 403 ? "Forbidden" : "Error";
  const size = new TextEncoder().encode(o.body).length;
  const headers = `HTTP/1.1 ${o.status} ${reason}\r\n${o.server === "nginx" ? "Server: nginx\r\n" : ""}Date: ${formatDate(ctx.cluster.nowMs, "%a, %d %b %Y %H:%M:%S")} GMT\r\nContent-Type: text/${o.body.startsWith("<") ? "html" : "plain"}\r\nContent-Length: ${size}\r\n\r\n`;
  if (failOnError && o.status >= 400) return fail(meter(0) + (errors ? `curl: (22) The requested URL returned error: ${o.status}\n` : ""), 22);
  if (head) return { stdout: headers, stderr: meter(0), exitCode: 0 };
  return { stdout: (include ? headers : "") + o.body, stderr: meter(size), exitCode: 0 };
}
