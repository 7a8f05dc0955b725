// What a container does once started, derived from its image, command, args, env and the pod's
// annotations: whether and when it exits (and with which code), what it prints, which files it creates
// (for exec probes), which ports it listens on (for HTTP/TCP probes), how it reacts to SIGTERM, and how
// much CPU and memory it uses (for metrics, HPA and the OOM killer).
//
// Lessons can provoke behaviour with pod annotations:
//   kubeplay.dev/fail-liveness: "<container>[,<container>…]" or "*"   liveness probes fail (container restarted)
//   kubeplay.dev/fail-readiness: "<container>…" or "*"                readiness probes fail (pod not Ready)
//   kubeplay.dev/fail-startup: "<container>…" or "*"                  startup probes fail (container restarted)
//   kubeplay.dev/exit-code: "<code>" or "<container>=<code>,…"        the container exits with this code …
//   kubeplay.dev/exit-after: "<duration>" (e.g. "30s", default 0s)    … this long after it started
//   kubeplay.dev/cpu-usage: "<quantity>"                              CPU use of the whole pod (split evenly)
//   kubeplay.dev/memory-usage: "<quantity>"                           memory use of the whole pod (split evenly);
//                                                                     above a container's limit it is OOMKilled
// Annotations added to a running pod take effect from the moment they were written. Without them, the
// load a Service's clients cause comes from traffic.ts (request loops in other pods).
import type { KubeObject } from "../kinds/types";
import type { Container } from "../kinds/common/pod";
import { tryParseQuantity } from "../machinery/quantity";
import { parseImage, canonicalRepo } from "./images";
import { simulate, parseSleep, SHELL_NAMES, type ShellEvent, type ShellWorld } from "./shell";
import { formatDate } from "./shell";
import { LIMITS } from "../limits";

export const ANNOTATIONS = {
  failLiveness: "kubeplay.dev/fail-liveness",
  failReadiness: "kubeplay.dev/fail-readiness",
  failStartup: "kubeplay.dev/fail-startup",
  exitCode: "kubeplay.dev/exit-code",
  exitAfter: "kubeplay.dev/exit-after",
  cpuUsage: "kubeplay.dev/cpu-usage",
  memoryUsage: "kubeplay.dev/memory-usage",
} as const;

const MI = 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Images' default processes.
// ---------------------------------------------------------------------------------------------

type Program =
  | "nginx" | "httpd" | "redis" | "postgres" | "mysql" | "mongo" | "memcached" | "rabbitmq" | "traefik" | "wordpress" | "caddy"
  | "tomcat" | "haproxy" | "registry" | "agnhost" | "echoserver" | "hello-app" | "http-echo" | "pause" | "server" | "stress"
  | "vish-stress" | "perl" | "node" | "python" | "shell" | "hello-world" | "hpa-example" | "liveness" | "kube-system";

interface Profile {
  /** ENTRYPOINT and CMD of the image. */
  entrypoint?: string[];
  cmd?: string[];
  /** Which /bin/sh the image has ("none": distroless, any shell command fails to start). */
  shell: "busybox" | "bash" | "none";
  /** The program the default command runs. */
  program: Program;
  ports?: number[];
  /** What the main process does on SIGTERM (the image's STOPSIGNAL): exit 0, die of it (143), or ignore it. */
  sigterm: "exit0" | "exit143" | "ignore";
  /** Resident memory of the default program. */
  memoryMi: number;
  /** Other executables worth knowing about (besides the shell's utilities). */
  binaries?: string[];
}

const SHELL_UTILS = ["sh", "echo", "sleep", "date", "cat", "env", "printenv", "true", "false", "ls", "touch", "rm", "mkdir", "tail", "seq", "hostname", "printf", "test", "[", "wget", "nslookup", "ping", "grep", "head", "wc", "sort", "uname", "id", "whoami", "pwd", "ps", "top", "kill", "chmod", "chown", "cp", "mv", "ln", "find", "sed", "awk", "tr", "cut", "tee", "yes", "nc", "du", "df", "free", "mount", "dd", "timeout", "watch", "xargs", "base64", "md5sum", "sha256sum", "vi", "which", "stat", "sync", "expr"];
const BASH_UTILS = [...SHELL_UTILS.filter((b) => b !== "nslookup" && b !== "ping" && b !== "nc" && b !== "wget" && b !== "vi"), "bash", "dash", "apt-get", "apt", "dpkg"];

const P = (p: Partial<Profile> & Pick<Profile, "program">): Profile => ({ shell: "bash", sigterm: "exit143", memoryMi: 8, ...p });

const PROFILES: Record<string, Profile> = {
  "docker.io/library/nginx": P({ entrypoint: ["/docker-entrypoint.sh"], cmd: ["nginx", "-g", "daemon off;"], program: "nginx", ports: [80], sigterm: "exit0", memoryMi: 3, binaries: ["nginx", "nginx-debug", "curl", "docker-entrypoint.sh", "/docker-entrypoint.sh"] }),
  "docker.io/bitnami/nginx": P({ cmd: ["/opt/bitnami/scripts/nginx/run.sh"], program: "nginx", ports: [8080], sigterm: "exit0", memoryMi: 3 }),
  "registry.k8s.io/nginx-slim": P({ cmd: ["nginx", "-g", "daemon off;"], program: "nginx", ports: [80], sigterm: "exit0", memoryMi: 2, shell: "busybox" }),
  "registry.k8s.io/e2e-test-images/nginx": P({ cmd: ["nginx", "-g", "daemon off;"], program: "nginx", ports: [80], sigterm: "exit0", memoryMi: 2, shell: "busybox" }),
  "docker.io/library/busybox": P({ cmd: ["sh"], program: "shell", shell: "busybox", sigterm: "ignore", memoryMi: 0.5 }),
  "registry.k8s.io/busybox": P({ cmd: ["sh"], program: "shell", shell: "busybox", sigterm: "ignore", memoryMi: 0.5 }),
  "registry.k8s.io/e2e-test-images/busybox": P({ cmd: ["sh"], program: "shell", shell: "busybox", sigterm: "ignore", memoryMi: 0.5 }),
  "docker.io/library/alpine": P({ cmd: ["/bin/sh"], program: "shell", shell: "busybox", sigterm: "ignore", memoryMi: 0.5 }),
  "docker.io/library/ubuntu": P({ cmd: ["/bin/bash"], program: "shell", sigterm: "ignore", memoryMi: 1 }),
  "docker.io/library/debian": P({ cmd: ["bash"], program: "shell", sigterm: "ignore", memoryMi: 1 }),
  "docker.io/library/centos": P({ cmd: ["/bin/bash"], program: "shell", sigterm: "ignore", memoryMi: 1 }),
  "docker.io/library/fedora": P({ cmd: ["/bin/bash"], program: "shell", sigterm: "ignore", memoryMi: 1 }),
  "docker.io/nicolaka/netshoot": P({ cmd: ["zsh"], program: "shell", sigterm: "ignore", memoryMi: 2, binaries: ["zsh", "curl", "dig", "nslookup", "ping", "nc", "tcpdump", "iperf3", "netstat", "ss", "ip"] }),
  "registry.k8s.io/e2e-test-images/jessie-dnsutils": P({ program: "shell", cmd: ["bash"], sigterm: "ignore", memoryMi: 1, binaries: ["nslookup", "dig", "host", "ping"] }),
  "docker.io/library/redis": P({ entrypoint: ["docker-entrypoint.sh"], cmd: ["redis-server"], program: "redis", ports: [6379], sigterm: "exit0", memoryMi: 3, binaries: ["redis-server", "redis-cli", "docker-entrypoint.sh"] }),
  "docker.io/library/postgres": P({ entrypoint: ["docker-entrypoint.sh"], cmd: ["postgres"], program: "postgres", ports: [5432], sigterm: "exit0", memoryMi: 35, binaries: ["postgres", "psql", "pg_isready", "docker-entrypoint.sh"] }),
  "docker.io/library/mysql": P({ entrypoint: ["docker-entrypoint.sh"], cmd: ["mysqld"], program: "mysql", ports: [3306, 33060], sigterm: "exit0", memoryMi: 380, binaries: ["mysqld", "mysql", "mysqladmin", "docker-entrypoint.sh"] }),
  "docker.io/library/mariadb": P({ entrypoint: ["docker-entrypoint.sh"], cmd: ["mariadbd"], program: "mysql", ports: [3306], sigterm: "exit0", memoryMi: 90, binaries: ["mariadbd", "mariadb", "mysql", "mysqladmin", "healthcheck.sh", "docker-entrypoint.sh"] }),
  "docker.io/library/httpd": P({ cmd: ["httpd-foreground"], program: "httpd", ports: [80], sigterm: "exit0", memoryMi: 6, binaries: ["httpd", "httpd-foreground", "apachectl"] }),
  "docker.io/library/mongo": P({ entrypoint: ["docker-entrypoint.sh"], cmd: ["mongod"], program: "mongo", ports: [27017], sigterm: "exit0", memoryMi: 90, binaries: ["mongod", "mongosh", "docker-entrypoint.sh"] }),
  "docker.io/library/memcached": P({ entrypoint: ["docker-entrypoint.sh"], cmd: ["memcached"], program: "memcached", ports: [11211], sigterm: "exit0", memoryMi: 2, binaries: ["memcached"] }),
  "docker.io/library/rabbitmq": P({ entrypoint: ["docker-entrypoint.sh"], cmd: ["rabbitmq-server"], program: "rabbitmq", ports: [5672, 15672, 4369, 25672], sigterm: "exit0", memoryMi: 110, binaries: ["rabbitmq-server", "rabbitmqctl", "rabbitmq-diagnostics"] }),
  "docker.io/library/traefik": P({ entrypoint: ["/entrypoint.sh"], cmd: ["traefik"], program: "traefik", ports: [80, 8080], sigterm: "exit0", memoryMi: 25, shell: "busybox", binaries: ["traefik"] }),
  "docker.io/library/wordpress": P({ entrypoint: ["docker-entrypoint.sh"], cmd: ["apache2-foreground"], program: "wordpress", ports: [80], sigterm: "exit0", memoryMi: 20 }),
  "docker.io/library/caddy": P({ cmd: ["caddy", "run", "--config", "/etc/caddy/Caddyfile", "--adapter", "caddyfile"], program: "caddy", ports: [80, 443, 2019], sigterm: "exit0", memoryMi: 12, shell: "busybox", binaries: ["caddy"] }),
  "docker.io/library/tomcat": P({ cmd: ["catalina.sh", "run"], program: "tomcat", ports: [8080], sigterm: "exit143", memoryMi: 120, binaries: ["catalina.sh", "java"] }),
  "docker.io/library/haproxy": P({ entrypoint: ["docker-entrypoint.sh"], cmd: ["haproxy", "-f", "/usr/local/etc/haproxy/haproxy.cfg"], program: "haproxy", ports: [80], sigterm: "exit0", memoryMi: 8, binaries: ["haproxy"] }),
  "docker.io/library/registry": P({ entrypoint: ["/entrypoint.sh"], cmd: ["/etc/distribution/config.yml"], program: "registry", ports: [5000], sigterm: "exit143", memoryMi: 8, shell: "busybox" }),
  "docker.io/library/node": P({ entrypoint: ["docker-entrypoint.sh"], cmd: ["node"], program: "node", sigterm: "ignore", memoryMi: 40, binaries: ["node", "npm", "npx", "yarn", "docker-entrypoint.sh"] }),
  "docker.io/library/python": P({ cmd: ["python3"], program: "python", sigterm: "ignore", memoryMi: 10, binaries: ["python", "python3", "pip", "pip3"] }),
  "docker.io/library/golang": P({ cmd: ["bash"], program: "shell", sigterm: "ignore", memoryMi: 1, binaries: ["go", "gofmt", "git"] }),
  "docker.io/library/perl": P({ cmd: ["perl", "-de0"], program: "perl", sigterm: "exit143", memoryMi: 4, binaries: ["perl", "cpan"] }),
  "docker.io/library/hello-world": P({ cmd: ["/hello"], program: "hello-world", shell: "none", memoryMi: 0.2 }),
  "docker.io/polinux/stress": P({ cmd: ["stress", "--help"], program: "stress", shell: "busybox", memoryMi: 0.5, binaries: ["stress"] }),
  "docker.io/vish/stress": P({ entrypoint: ["/stress"], cmd: ["-logtostderr"], program: "vish-stress", shell: "none", memoryMi: 1 }),
  "docker.io/curlimages/curl": P({ entrypoint: ["/entrypoint.sh"], cmd: ["curl"], program: "shell", shell: "busybox", memoryMi: 1, binaries: ["curl"] }),
  "docker.io/bitnami/kubectl": P({ entrypoint: ["kubectl"], program: "shell", memoryMi: 20, binaries: ["kubectl"] }),
  "docker.io/kennethreitz/httpbin": P({ cmd: ["gunicorn", "-b", "0.0.0.0:80", "httpbin:app", "-k", "gevent"], program: "server", ports: [80], memoryMi: 45 }),
  "docker.io/mccutchen/go-httpbin": P({ cmd: ["/bin/go-httpbin"], program: "server", ports: [8080], shell: "none", memoryMi: 6 }),
  "docker.io/hashicorp/http-echo": P({ entrypoint: ["/http-echo"], program: "http-echo", ports: [5678], shell: "none", memoryMi: 3 }),
  "docker.io/kicbase/echo-server": P({ entrypoint: ["/echo-server"], program: "server", ports: [8080], shell: "none", memoryMi: 3 }),
  "docker.io/jenkins/jenkins": P({ entrypoint: ["/usr/bin/tini", "--", "/usr/local/bin/jenkins.sh"], program: "server", ports: [8080, 50000], memoryMi: 450 }),
  "docker.io/grafana/grafana": P({ entrypoint: ["/run.sh"], program: "server", ports: [3000], memoryMi: 80, shell: "busybox" }),
  "docker.io/prom/prometheus": P({ entrypoint: ["/bin/prometheus"], cmd: ["--config.file=/etc/prometheus/prometheus.yml"], program: "server", ports: [9090], memoryMi: 60, shell: "busybox" }),
  // The Kubernetes docs' DaemonSet example: fluentd started by a run script (Debian based).
  "quay.io/fluentd_elasticsearch/fluentd": P({ entrypoint: ["/entrypoint.sh"], cmd: ["/run.sh"], program: "server", sigterm: "exit0", memoryMi: 90, binaries: ["fluentd", "/run.sh", "/entrypoint.sh"] }),
  "docker.io/library/elasticsearch": P({ entrypoint: ["/bin/tini", "--", "/usr/local/bin/docker-entrypoint.sh"], cmd: ["eswrapper"], program: "server", ports: [9200, 9300], memoryMi: 1200 }),
  "registry.k8s.io/pause": P({ entrypoint: ["/pause"], program: "pause", shell: "none", sigterm: "exit0", memoryMi: 0.2 }),
  "registry.k8s.io/e2e-test-images/agnhost": P({ entrypoint: ["/agnhost"], cmd: ["pause"], program: "agnhost", shell: "busybox", sigterm: "exit0", memoryMi: 6, binaries: ["agnhost", "/agnhost", "curl", "dig", "nslookup"] }),
  "registry.k8s.io/e2e-test-images/httpd": P({ cmd: ["httpd-foreground"], program: "httpd", ports: [80], sigterm: "exit0", memoryMi: 6 }),
  "registry.k8s.io/echoserver": P({ cmd: ["/usr/local/bin/run.sh"], program: "echoserver", ports: [8080, 8443], sigterm: "exit0", memoryMi: 6 }),
  "registry.k8s.io/hpa-example": P({ cmd: ["apache2-foreground"], program: "hpa-example", ports: [80], sigterm: "exit0", memoryMi: 10 }),
  "registry.k8s.io/liveness": P({ entrypoint: ["/server"], program: "liveness", ports: [8080], shell: "none", memoryMi: 2 }),
  "registry.k8s.io/goproxy": P({ entrypoint: ["/goproxy"], program: "server", ports: [8080], shell: "none", memoryMi: 2 }),
  "registry.k8s.io/test-webserver": P({ entrypoint: ["/test-webserver"], program: "server", ports: [80], shell: "none", memoryMi: 2 }),
  "registry.k8s.io/serve_hostname": P({ entrypoint: ["/serve_hostname"], program: "server", ports: [9376], shell: "none", memoryMi: 2 }),
  "gcr.io/google-samples/hello-app": P({ cmd: ["/hello-app"], program: "hello-app", ports: [8080], shell: "none", memoryMi: 3 }),
  "gcr.io/google-samples/node-hello": P({ cmd: ["node", "server.js"], program: "server", ports: [8080], memoryMi: 30 }),
  "gcr.io/kuar-demo/kuard-amd64": P({ entrypoint: ["/kuard"], program: "server", ports: [8080], shell: "none", memoryMi: 8 }),
  "registry.k8s.io/metrics-server/metrics-server": P({ entrypoint: ["/metrics-server"], program: "server", ports: [10250, 4443], shell: "none", memoryMi: 20 }),
  "registry.k8s.io/ingress-nginx/controller": P({ entrypoint: ["/usr/bin/dumb-init", "--"], cmd: ["/nginx-ingress-controller"], program: "server", ports: [80, 443, 8443, 10254], memoryMi: 90, shell: "busybox" }),
  "registry.k8s.io/coredns/coredns": P({ entrypoint: ["/coredns"], program: "kube-system", ports: [53, 8080, 8181, 9153], shell: "none", sigterm: "exit0", memoryMi: 14 }),
  "registry.k8s.io/kube-proxy": P({ program: "kube-system", memoryMi: 14, ports: [10249, 10256] }),
  "registry.k8s.io/etcd": P({ program: "kube-system", memoryMi: 40, ports: [2379, 2380, 2381], shell: "none" }),
  "registry.k8s.io/kube-apiserver": P({ program: "kube-system", memoryMi: 250, ports: [6443], shell: "none" }),
  "registry.k8s.io/kube-controller-manager": P({ program: "kube-system", memoryMi: 50, ports: [10257], shell: "none" }),
  "registry.k8s.io/kube-scheduler": P({ program: "kube-system", memoryMi: 20, ports: [10259], shell: "none" }),
};

/** The image's profile, or undefined for images the catalog knows only by name (treated leniently). */
function profileOf(image: string): Profile | undefined {
  const p = parseImage(image);
  if (!p.ok) return undefined;
  return PROFILES[canonicalRepo(p.ref.repo)];
}

/**
 * What `kubectl exec` (kubelet/exec) needs of an image: its shell, the executables on its PATH and
 * its program; undefined for images the catalog does not describe.
 */
export function imageExecProfile(image: string): { shell: Profile["shell"]; executables: string[]; program: Program; ports?: number[] } | undefined {
  const p = profileOf(image);
  if (!p) return undefined;
  const utils = p.shell === "bash" ? BASH_UTILS : p.shell === "busybox" ? SHELL_UTILS : [];
  return { shell: p.shell, executables: [...utils, ...(p.binaries ?? [])], program: p.program, ports: p.ports };
}

// ---------------------------------------------------------------------------------------------
// The cluster as a container sees it.
// ---------------------------------------------------------------------------------------------

export interface ClusterView {
  configMap(namespace: string, name: string): KubeObject | undefined;
  secret(namespace: string, name: string): KubeObject | undefined;
  service(namespace: string, name: string): KubeObject | undefined;
  /** Simulated now (lookups of things created later than this are not answered yet). */
  nowMs: number;
}

export interface RunContext {
  pod: KubeObject;
  container: Container;
  /** When this run of the container started (wall ms). */
  startedAtMs: number;
  podIP: string;
  view: ClusterView;
}

function decodeSecret(v: unknown): string {
  if (typeof v !== "string") return "";
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(v), (c) => c.charCodeAt(0)));
  } catch {
    return "";
  }
}

/** The container's environment as the kubelet builds it (undefined values: a reference that does not resolve). */
export function containerEnv(pod: KubeObject, c: Container, view: ClusterView): { env: Record<string, string>; missing?: string } {
  const ns = pod.metadata.namespace ?? "default";
  const env: Record<string, string> = {};
  let missing: string | undefined;
  for (const from of (c.envFrom ?? []) as Array<{ prefix?: string; configMapRef?: { name?: string; optional?: boolean }; secretRef?: { name?: string; optional?: boolean } }>) {
    if (from.configMapRef?.name) {
      const cm = view.configMap(ns, from.configMapRef.name);
      if (!cm) {
        if (!from.configMapRef.optional) missing ??= `configmap "${from.configMapRef.name}" not found`;
        continue;
      }
      for (const [k, v] of Object.entries((cm.data ?? {}) as Record<string, string>)) env[(from.prefix ?? "") + k] = v;
    }
    if (from.secretRef?.name) {
      const s = view.secret(ns, from.secretRef.name);
      if (!s) {
        if (!from.secretRef.optional) missing ??= `secret "${from.secretRef.name}" not found`;
        continue;
      }
      for (const [k, v] of Object.entries((s.data ?? {}) as Record<string, string>)) env[(from.prefix ?? "") + k] = decodeSecret(v);
    }
  }
  for (const e of c.env ?? []) {
    const name = String(e.name ?? "");
    if (!name) continue;
    const vf = e.valueFrom as undefined | { configMapKeyRef?: { name?: string; key?: string; optional?: boolean }; secretKeyRef?: { name?: string; key?: string; optional?: boolean }; fieldRef?: { fieldPath?: string } };
    if (!vf) {
      env[name] = String(e.value ?? "").replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, v: string) => env[v] ?? m);
      continue;
    }
    if (vf.configMapKeyRef) {
      const cm = vf.configMapKeyRef.name ? view.configMap(ns, vf.configMapKeyRef.name) : undefined;
      const v = (cm?.data as Record<string, string> | undefined)?.[vf.configMapKeyRef.key ?? ""];
      if (v !== undefined) env[name] = v;
      else if (!vf.configMapKeyRef.optional) {
        missing ??= cm ? `couldn't find key ${vf.configMapKeyRef.key} in ConfigMap ${ns}/${vf.configMapKeyRef.name}` : `configmap "${vf.configMapKeyRef.name}" not found`;
      }
    } else if (vf.secretKeyRef) {
      const s = vf.secretKeyRef.name ? view.secret(ns, vf.secretKeyRef.name) : undefined;
      const raw = (s?.data as Record<string, string> | undefined)?.[vf.secretKeyRef.key ?? ""];
      if (raw !== undefined) env[name] = decodeSecret(raw);
      else if (!vf.secretKeyRef.optional) {
        missing ??= s ? `couldn't find key ${vf.secretKeyRef.key} in Secret ${ns}/${vf.secretKeyRef.name}` : `secret "${vf.secretKeyRef.name}" not found`;
      }
    } else if (vf.fieldRef?.fieldPath) {
      const fp = vf.fieldRef.fieldPath;
      const m = pod.metadata;
      const v =
        fp === "metadata.name" ? m.name : fp === "metadata.namespace" ? m.namespace : fp === "metadata.uid" ? m.uid : fp === "spec.nodeName" ? pod.spec?.nodeName
        : fp === "spec.serviceAccountName" ? pod.spec?.serviceAccountName : fp === "status.podIP" ? pod.status?.podIP : fp === "status.hostIP" ? pod.status?.hostIP
        : /^metadata\.labels\['(.+)'\]$/.exec(fp) ? m.labels?.[/^metadata\.labels\['(.+)'\]$/.exec(fp)![1]] : undefined;
      env[name] = String(v ?? "");
    } else env[name] = "";
  }
  return { env, missing };
}

/** Files of ConfigMap / Secret volumes, as `cat` inside the container would read them. */
function volumeFiles(pod: KubeObject, c: Container, view: ClusterView): (path: string) => string | undefined {
  const ns = pod.metadata.namespace ?? "default";
  const volumes = new Map<string, KubeObject>();
  for (const v of (pod.spec?.volumes ?? []) as KubeObject[]) volumes.set(String(v.name), v);
  const mounts = (c.volumeMounts ?? []).map((m) => ({ path: String(m.mountPath ?? "").replace(/\/+$/, ""), vol: volumes.get(String(m.name ?? "")), subPath: m.subPath as string | undefined }));
  return (path: string) => {
    if (path === "/var/run/secrets/kubernetes.io/serviceaccount/namespace") return ns;
    if (path === "/etc/hostname") return `${pod.metadata.name}\n`;
    for (const m of mounts) {
      if (!m.vol || !m.path) continue;
      let key: string | undefined;
      if (m.subPath !== undefined && path === m.path) key = m.subPath;
      else if (path.startsWith(m.path + "/")) key = path.slice(m.path.length + 1);
      if (key === undefined) continue;
      const cmRef = m.vol.configMap as { name?: string; items?: Array<{ key: string; path: string }> } | undefined;
      const secRef = m.vol.secret as { secretName?: string; items?: Array<{ key: string; path: string }> } | undefined;
      if (cmRef?.name) {
        const cm = view.configMap(ns, cmRef.name);
        const item = cmRef.items?.find((i) => i.path === key);
        const v = (cm?.data as Record<string, string> | undefined)?.[item?.key ?? key];
        if (v !== undefined) return v;
      }
      if (secRef?.secretName) {
        const s = view.secret(ns, secRef.secretName);
        const item = secRef.items?.find((i) => i.path === key);
        const raw = (s?.data as Record<string, string> | undefined)?.[item?.key ?? key];
        if (raw !== undefined) return decodeSecret(raw);
      }
    }
    return undefined;
  };
}

// ---------------------------------------------------------------------------------------------
// The workload.
// ---------------------------------------------------------------------------------------------

export interface LogLine {
  /** Wall ms. */
  t: number;
  text: string;
}

/** A file's last change by a container's process: its content, or undefined once removed. */
export interface WrittenFile {
  t: number;
  content: string | undefined;
}

export interface Workload {
  /** The process that runs (for messages): the container's argv after the image's entrypoint. */
  argv: string[];
  /** Set when the runtime cannot start it: exit code 128, reason StartError. */
  startError?: string;
  /** ms after start at which it exits by itself; Infinity when it runs until stopped; undefined: not known yet. */
  exitAfterMs: number | undefined;
  exitCode: number;
  /** Whether the outcome depends on cluster objects (Services for nslookup): recompute instead of caching. */
  dependsOnCluster: boolean;
  /** Ports it listens on (undefined: unknown, probes are given the benefit of the doubt). */
  ports?: number[];
  /** How it takes SIGTERM. */
  sigterm: "exit0" | "exit143" | "ignore";
  /** Steady memory (bytes) and CPU (nanocores) it uses; rampMs until it reaches that memory. */
  memoryBytes: number;
  cpuNanos: number;
  /** Whether memoryBytes/cpuNanos come from the workload itself (stress, busy loops) rather than a nominal base. */
  definiteUsage: boolean;
  memoryRampMs: number;
  /** Which shell the image has (messages differ between busybox and GNU tools). */
  shell: "busybox" | "bash" | "none";
  /** The script's creations and removals of a file (ms after start), or undefined when it cannot be known. */
  fileTimeline(path: string): Array<{ t: number; exists: boolean }> | undefined;
  /** HTTP status a GET on (port, path) returns at `atMs` after start (undefined: connection refused). */
  http(port: number, path: string, atMs: number): number | undefined;
  /** Log lines from start until `untilMs` (wall), at most `maxLines` (the latest ones). */
  logs(untilMs: number, maxLines: number): LogLine[];
  /**
   * The files the process has written or removed by `atMs` after its start (paths as the script names
   * them): each path's last write (content) or removal (content undefined), `t` in ms after start.
   */
  writtenFiles(atMs: number): Map<string, WrittenFile>;
  /** Web servers log every request they serve (kubelet HTTP probes included) in this format. */
  accessLog?: "nginx";
}

/** argv the runtime executes: command+args, or the image's entrypoint+cmd as Docker combines them. */
export function effectiveArgv(c: Container, profile: Profile | undefined): string[] {
  const command = (c.command ?? []).map(String);
  const args = c.args === undefined ? undefined : (c.args ?? []).map(String);
  if (command.length) return [...command, ...(args ?? [])];
  return [...(profile?.entrypoint ?? []), ...(args ?? profile?.cmd ?? [])];
}

const basename = (s: string) => s.slice(s.lastIndexOf("/") + 1);

const ENTRYPOINT_WRAPPERS = new Set(["docker-entrypoint.sh", "entrypoint.sh", "tini", "dumb-init", "run.sh"]);

function parseBytes(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const m = /^(\d+(?:\.\d+)?)([bBkKmMgG]?)(i?)[bB]?$/.exec(s);
  if (m) {
    const mult = { "": 1, b: 1, B: 1, k: 1024, K: 1024, m: MI, M: MI, g: 1024 * MI, G: 1024 * MI }[m[2]]!;
    return Math.round(Number(m[1]) * mult);
  }
  const q = tryParseQuantity(s);
  return q ? q.toNumber() : undefined;
}

function annotationFor(pod: KubeObject, key: string, container: string): string | undefined {
  const raw = pod.metadata.annotations?.[key];
  if (raw === undefined) return undefined;
  const entries = raw.split(",").map((s) => s.trim()).filter(Boolean);
  for (const e of entries) {
    const eq = e.indexOf("=");
    if (eq > 0 && e.slice(0, eq) === container) return e.slice(eq + 1);
  }
  const plain = entries.find((e) => !e.includes("="));
  return plain;
}

/** Whether a `kubeplay.dev/fail-*` annotation names this container ("*" / "true" / "all": every container). */
export function annotationSelects(pod: KubeObject, key: string, container: string): boolean {
  const raw = pod.metadata.annotations?.[key];
  if (raw === undefined) return false;
  return raw.split(",").map((s) => s.trim()).some((s) => s === container || s === "*" || s === "true" || s === "all");
}

/** The pod's usage annotations split evenly over its containers. */
function annotatedUsage(pod: KubeObject, key: string, cpu: boolean): number | undefined {
  const raw = pod.metadata.annotations?.[key];
  if (raw === undefined) return undefined;
  const q = tryParseQuantity(raw.trim());
  if (!q) return undefined;
  const n = Math.max(1, (pod.spec?.containers ?? []).length);
  return (cpu ? q.milliValue() * 1e6 : q.toNumber()) / n;
}

interface Analysis {
  startError?: string;
  exitAfterMs: number | undefined;
  exitCode: number;
  dependsOnCluster: boolean;
  files: Array<{ t: number; path: string; exists: boolean }>;
  filesComplete: boolean;
  memoryBytes: number;
  cpuNanos: number;
  definiteUsage: boolean;
  memoryRampMs: number;
  busy: boolean;
}

const STOP_AFTER_EVENTS = 50_000;

/** Follows a shell simulation far enough to know whether and when it ends, and its file operations. */
function analyseShell(events: Generator<ShellEvent, void>): Pick<Analysis, "exitAfterMs" | "exitCode" | "dependsOnCluster" | "files" | "filesComplete" | "busy"> {
  const files: Analysis["files"] = [];
  let count = 0;
  for (const e of events) {
    if (++count > STOP_AFTER_EVENTS) return { exitAfterMs: Infinity, exitCode: 0, dependsOnCluster: false, files, filesComplete: false, busy: false };
    switch (e.kind) {
      case "file":
        files.push({ t: e.t, path: e.path, exists: e.exists });
        break;
      case "exit":
        return { exitAfterMs: e.t, exitCode: e.code, dependsOnCluster: false, files, filesComplete: true, busy: false };
      case "forever":
        return { exitAfterMs: Infinity, exitCode: 0, dependsOnCluster: false, files, filesComplete: false, busy: e.busy };
      case "pending":
        return { exitAfterMs: undefined, exitCode: 0, dependsOnCluster: true, files, filesComplete: false, busy: false };
      case "opaque":
        return { exitAfterMs: Infinity, exitCode: 0, dependsOnCluster: false, files, filesComplete: false, busy: false };
    }
  }
  return { exitAfterMs: Infinity, exitCode: 0, dependsOnCluster: false, files, filesComplete: false, busy: false };
}

function shellWorld(ctx: RunContext, env: Record<string, string>, profile: Profile | undefined, dependsRef: { v: boolean }): ShellWorld {
  const { pod, view } = ctx;
  const ns = pod.metadata.namespace ?? "default";
  const readFile = volumeFiles(pod, ctx.container, view);
  const startedAt = ctx.startedAtMs;
  // A well-known image's PATH is known: a typo in a script (`slep 5`) fails like sh does (127).
  // Scripts in other images may call anything, so there the simulation gives the benefit of the doubt.
  const exec = imageExecProfile(String(ctx.container.image ?? ""));
  const executables = exec && new Set(exec.executables.map(basename));
  return {
    hasBinary: executables ? (name: string) => executables.has(basename(name)) : undefined,
    hostname: pod.spec?.hostname ?? pod.metadata.name ?? "",
    namespace: ns,
    podIP: ctx.podIP,
    env,
    readFile,
    startedAtMs: startedAt,
    busybox: profile?.shell !== "bash",
    resolve(name: string, atMs: number) {
      dependsRef.v = true;
      const wall = startedAt + atMs;
      const n = name.replace(/\.$/, "");
      if (n === "kubernetes" || n.startsWith("kubernetes.default")) return { ip: "10.96.0.1", fqdn: "kubernetes.default.svc.cluster.local" };
      if (/^\d+\.\d+\.\d+\.\d+$/.test(n)) return { ip: n, fqdn: n };
      const parts = n.split(".");
      const svcName = parts[0];
      const svcNs = parts.length >= 2 && parts[1] !== "svc" ? parts[1] : ns;
      if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(svcName)) return null;
      if (parts.length > 2 && !(parts[2] === "svc")) {
        // An outside name (google.com, …): resolvable except in this sandbox's closed world.
        return parts.length >= 2 && !n.endsWith("cluster.local") ? { ip: "142.250.74.46", fqdn: n } : null;
      }
      const svc = view.service(svcNs, svcName);
      const created = svc ? Date.parse(svc.metadata.creationTimestamp ?? "") : NaN;
      if (svc && created <= wall) return { ip: String(svc.spec?.clusterIP ?? "10.96.0.1"), fqdn: `${svcName}.${svcNs}.svc.cluster.local` };
      if (wall > view.nowMs) return undefined;
      return null;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Programs.
// ---------------------------------------------------------------------------------------------

function nginxVersion(image: string): string {
  const tag = (parseImage(image) as { ref?: { tag?: string } }).ref?.tag ?? "latest";
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(tag);
  const latest: Record<string, string> = { "1.29": "1.29.4", "1.28": "1.28.1", "1.27": "1.27.5", "1.26": "1.26.3", "1.25": "1.25.5", "1.24": "1.24.0", "1.23": "1.23.4", "1.22": "1.22.1", "1.21": "1.21.6", "1.20": "1.20.2", "1.19": "1.19.10" };
  if (!m) return tag.startsWith("stable") ? "1.28.1" : "1.29.4";
  if (m[3] !== undefined) return `${m[1]}.${m[2]}.${m[3]}`;
  return latest[`${m[1]}.${m[2]}`] ?? `${m[1]}.${m[2]}.0`;
}

function versionAtLeast(v: string, major: number, minor: number): boolean {
  const [a, b] = v.split(".").map(Number);
  return a > major || (a === major && b >= minor);
}

const NGINX_TIME = (ms: number) => formatDate(ms, "%Y/%m/%d %H:%M:%S");

function nginxStartLines(image: string, t: number): LogLine[] {
  const v = nginxVersion(image);
  if (!versionAtLeast(v, 1, 19)) return [];
  const alpine = /alpine/.test(image);
  const lines = [
    "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
    "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
    "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
    "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf",
    "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf",
    ...(versionAtLeast(v, 1, 25) ? ["/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh"] : []),
    "/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh",
    "/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh",
    "/docker-entrypoint.sh: Configuration complete; ready for start up",
  ].map((text, i) => ({ t: t + i * 2, text }));
  const ts = NGINX_TIME(t + 30);
  const gcc = alpine ? "built by gcc 14.2.0 (Alpine 14.2.0) " : "built by gcc 12.2.0 (Debian 12.2.0-14) ";
  for (const text of [
    `${ts} [notice] 1#1: using the "epoll" event method`,
    `${ts} [notice] 1#1: nginx/${v}`,
    `${ts} [notice] 1#1: ${gcc}`,
    `${ts} [notice] 1#1: OS: Linux 5.15.0-131-generic`,
    `${ts} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576`,
    `${ts} [notice] 1#1: start worker processes`,
    `${ts} [notice] 1#1: start worker process 29`,
    `${ts} [notice] 1#1: start worker process 30`,
  ]) lines.push({ t: t + 30, text });
  return lines;
}

function redisLines(image: string, t: number): LogLine[] {
  const tag = (parseImage(image) as { ref?: { tag?: string } }).ref?.tag ?? "latest";
  const major = /^(\d+)/.exec(tag)?.[1];
  const version = major === "6" ? "6.2.17" : major === "5" ? "5.0.14" : major === "8" ? "8.0.2" : major === "7" && tag.startsWith("7.2") ? "7.2.7" : "7.4.2";
  const d = new Date(t);
  const stamp = (ms: number) => `${String(d.getUTCDate()).padStart(2, "0")} ${formatDate(ms, "%b %Y %H:%M:%S")}.${String(ms % 1000).padStart(3, "0")}`;
  return [
    `1:C ${stamp(t)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
    `1:C ${stamp(t)} * Redis version=${version}, bits=64, commit=00000000, modified=0, pid=1, just started`,
    `1:C ${stamp(t)} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf`,
    `1:M ${stamp(t + 1)} * monotonic clock: POSIX clock_gettime`,
    `1:M ${stamp(t + 2)} * Running mode=standalone, port=6379.`,
    `1:M ${stamp(t + 2)} * Server initialized`,
    `1:M ${stamp(t + 3)} * Ready to accept connections tcp`,
  ].map((text, i) => ({ t: t + Math.min(i, 3), text }));
}

const POSTGRES_NO_PASSWORD = [
  "Error: Database is uninitialized and superuser password is not specified.",
  "       You must specify POSTGRES_PASSWORD to a non-empty value for the",
  '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
  "",
  '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all',
  "       connections without a password. This is *not* recommended.",
  "",
  '       See PostgreSQL documentation about "trust":',
  "       https://www.postgresql.org/docs/current/auth-trust.html",
];

function postgresLines(t: number): LogLine[] {
  const ts = (ms: number) => `${formatDate(ms, "%Y-%m-%d %H:%M:%S")}.${String(ms % 1000).padStart(3, "0")} UTC`;
  return [
    { t: t + 1500, text: "PostgreSQL init process complete; ready for start up." },
    { t: t + 1501, text: "" },
    { t: t + 1600, text: `${ts(t + 1600)} [1] LOG:  starting PostgreSQL 17.2 (Debian 17.2-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit` },
    { t: t + 1601, text: `${ts(t + 1601)} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432` },
    { t: t + 1602, text: `${ts(t + 1602)} [1] LOG:  listening on IPv6 address "::", port 5432` },
    { t: t + 1605, text: `${ts(t + 1605)} [1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"` },
    { t: t + 1610, text: `${ts(t + 1610)} [64] LOG:  database system was shut down at ${formatDate(t + 1400, "%Y-%m-%d %H:%M:%S")} UTC` },
    { t: t + 1614, text: `${ts(t + 1614)} [1] LOG:  database system is ready to accept connections` },
  ];
}

function mysqlLines(t: number, ok: boolean): LogLine[] {
  const ts = formatDate(t, "%Y-%m-%d %H:%M:%S") + "+00:00";
  const head = [
    `${ts} [Note] [Entrypoint]: Entrypoint script for MySQL Server 9.2.0-1.el9 started.`,
    `${ts} [Note] [Entrypoint]: Switching to dedicated user 'mysql'`,
    `${ts} [Note] [Entrypoint]: Entrypoint script for MySQL Server 9.2.0-1.el9 started.`,
  ];
  if (!ok) {
    head.push(
      `${ts} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified`,
      "    You need to specify one of the following as an environment variable:",
      "    - MYSQL_ROOT_PASSWORD",
      "    - MYSQL_ALLOW_EMPTY_PASSWORD",
      "    - MYSQL_RANDOM_ROOT_PASSWORD",
    );
    return head.map((text, i) => ({ t: t + i, text }));
  }
  head.push(`${ts} [Note] [Entrypoint]: Initializing database files`, `${ts} [Note] [Entrypoint]: MySQL init process done. Ready for start up.`);
  const lines = head.map((text, i) => ({ t: t + i, text }));
  const ready = t + 9000;
  lines.push({ t: ready, text: `${formatDate(ready, "%Y-%m-%dT%H:%M:%S")}.000000Z 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '9.2.0'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.` });
  return lines;
}

const HELLO_WORLD = `
Hello from Docker!
This message shows that your installation appears to be working correctly.

To generate this message, Docker took the following steps:
 1. The Docker client contacted the Docker daemon.
 2. The Docker daemon pulled the "hello-world" image from the Docker Hub.
    (amd64)
 3. The Docker daemon created a new container from that image which runs the
    executable that produces the output you are currently reading.
 4. The Docker daemon streamed that output to the Docker client, which sent it
    to your terminal.

To try something more ambitious, you can run an Ubuntu container with:
 $ docker run -it ubuntu bash

Share images, automate workflows, and more with a free Docker ID:
 https://hub.docker.com/

For more examples and ideas, visit:
 https://docs.docker.com/get-started/
`;

/** π to `digits` significant digits, rounded like Math::BigFloat's bpi (Machin's formula over BigInt). */
export function piDigits(digits: number): string {
  const n = Math.max(1, Math.min(digits, 20_000));
  const guard = 10;
  const scale = 10n ** BigInt(n + guard);
  const arctanInv = (x: bigint): bigint => {
    let sum = 0n;
    let term = scale / x;
    const x2 = x * x;
    for (let k = 0n; term !== 0n; k++) {
      sum += (k % 2n === 0n ? 1n : -1n) * (term / (2n * k + 1n));
      term /= x2;
    }
    return sum;
  };
  const pi = 16n * arctanInv(5n) - 4n * arctanInv(239n);
  // pi is scaled by 10^(n+guard): keep n significant digits (one before the point), rounding half up.
  const s = pi.toString();
  let kept = BigInt(s.slice(0, n));
  if (Number(s[n]) >= 5) kept += 1n;
  const str = kept.toString();
  return n === 1 ? str : `${str[0]}.${str.slice(1)}`;
}

interface ProgramResult {
  exitAfterMs: number | undefined;
  exitCode: number;
  startError?: string;
  memoryBytes?: number;
  cpuNanos?: number;
  definite?: boolean;
  memoryRampMs?: number;
  lines?: (startMs: number) => LogLine[];
  accessLog?: "nginx";
  ports?: number[];
  http?: (port: number, path: string, atMs: number) => number | undefined;
  shell?: { argv: string[] } | { source: string; shell?: string };
}

const executableNotFound = (cmd: string) =>
  `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: ${JSON.stringify(cmd)}: executable file not found in $PATH: unknown`;

function flagValue(args: string[], ...names: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    for (const n of names) {
      if (args[i] === n) return args[i + 1];
      if (args[i].startsWith(n + "=")) return args[i].slice(n.length + 1);
    }
  }
  return undefined;
}

/** The main process of argv in an image with this profile. */
function program(argv: string[], profile: Profile | undefined, c: Container, env: Record<string, string>, image: string, podIP = "10.244.0.2"): ProgramResult {
  if (argv.length === 0) return { exitAfterMs: undefined, exitCode: 0, startError: "failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: no command specified: unknown" };
  let av = argv;
  // Entrypoint wrappers exec what follows ("docker-entrypoint.sh nginx …" runs nginx; "tini -- x" runs x).
  while (av.length > 1 && ENTRYPOINT_WRAPPERS.has(basename(av[0]))) av = av.slice(av[1] === "--" ? 2 : 1);
  if (av.length === 1 && ENTRYPOINT_WRAPPERS.has(basename(av[0])) && profile) av = profile.cmd ?? av;
  const name = basename(av[0]);
  const args = av.slice(1);
  const interactive = c.stdin === true;
  const shellKind = profile?.shell ?? "busybox";

  if (profile?.program === "vish-stress" && name === "stress") {
    // vish/stress: -mem-total B allocated in -mem-alloc-size chunks every -mem-alloc-sleep; -cpus N busy cores.
    const memTotal = parseBytes(flagValue(args, "-mem-total", "--mem-total"));
    const allocSize = parseBytes(flagValue(args, "-mem-alloc-size", "--mem-alloc-size")) ?? 4 * MI;
    const allocSleep = parseSleep(flagValue(args, "-mem-alloc-sleep", "--mem-alloc-sleep") ?? "1ms") ?? 1;
    const cpus = Number(flagValue(args, "-cpus", "--cpus") ?? 0);
    const ramp = memTotal ? Math.ceil(memTotal / allocSize) * allocSleep : 0;
    return { exitAfterMs: Infinity, exitCode: 0, memoryBytes: (memTotal ?? 0) + 1 * MI, cpuNanos: cpus * 1e9, definite: true, memoryRampMs: Math.max(ramp, 200) };
  }

  if (SHELL_NAMES.has(name) || name === "zsh") {
    if (profile && shellKind === "none") return { exitAfterMs: 0, exitCode: 128, startError: executableNotFound(av[0]) };
    const ci = args.indexOf("-c");
    if (ci >= 0) return { exitAfterMs: undefined, exitCode: 0, shell: { source: args[ci + 1] ?? "", shell: name } };
    // An interactive shell: waits on stdin when there is one, otherwise reads EOF and exits at once.
    return interactive ? { exitAfterMs: Infinity, exitCode: 0 } : { exitAfterMs: 10, exitCode: 0 };
  }

  switch (name) {
    case "nginx":
    case "nginx-debug":
      return { exitAfterMs: Infinity, exitCode: 0, ports: profile?.ports ?? [80], lines: (t) => nginxStartLines(image, t), http: nginxHttp, accessLog: "nginx" };
    case "httpd-foreground":
    case "httpd":
    case "apache2-foreground":
      return {
        exitAfterMs: Infinity,
        exitCode: 0,
        // The HPA walkthrough's php-apache idles at about 1m CPU ("0%/50%") until a load generator (here
        // the kubeplay.dev/cpu-usage annotation) calls it; a share of its request would scale it unprompted.
        ...(profile?.program === "hpa-example" ? { cpuNanos: 1e6, memoryBytes: profile.memoryMi * MI, definite: true } : {}),
        lines: (t) => {
          const ip = podIP;
          const msg = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message`;
          const d = formatDate(t, "%a %b %d %H:%M:%S") + `.${String((t % 1000) * 1000).padStart(6, "0")} ${formatDate(t, "%Y")}`;
          return [
            { t, text: msg },
            { t: t + 1, text: msg },
            { t: t + 2, text: `[${d}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.63 (Unix) configured -- resuming normal operations` },
            { t: t + 2, text: `[${d}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'` },
          ];
        },
      };
    case "redis-server":
      return { exitAfterMs: Infinity, exitCode: 0, ports: [Number(flagValue(args, "--port") ?? 6379)], lines: (t) => redisLines(image, t) };
    case "postgres": {
      if (!env.POSTGRES_PASSWORD && env.POSTGRES_HOST_AUTH_METHOD !== "trust") {
        return { exitAfterMs: 120, exitCode: 1, lines: (t) => POSTGRES_NO_PASSWORD.map((text) => ({ t: t + 100, text })) };
      }
      return { exitAfterMs: Infinity, exitCode: 0, lines: postgresLines };
    }
    case "mysqld":
    case "mariadbd": {
      const ok = !!(env.MYSQL_ROOT_PASSWORD || env.MYSQL_ALLOW_EMPTY_PASSWORD || env.MYSQL_RANDOM_ROOT_PASSWORD || env.MARIADB_ROOT_PASSWORD || env.MARIADB_ALLOW_EMPTY_ROOT_PASSWORD || env.MARIADB_RANDOM_ROOT_PASSWORD);
      return ok ? { exitAfterMs: Infinity, exitCode: 0, lines: (t) => mysqlLines(t, true) } : { exitAfterMs: 300, exitCode: 1, lines: (t) => mysqlLines(t, false) };
    }
    case "stress": {
      // polinux/stress: --vm N --vm-bytes B (default 256M) allocates N×B; --cpu N spins N cores.
      const vm = Number(flagValue(args, "--vm", "-m") ?? 0);
      const cpu = Number(flagValue(args, "--cpu", "-c") ?? 0);
      const io = Number(flagValue(args, "--io", "-i") ?? 0);
      const hdd = Number(flagValue(args, "--hdd", "-d") ?? 0);
      const bytes = parseBytes(flagValue(args, "--vm-bytes")) ?? 256 * MI;
      const timeout = flagValue(args, "--timeout", "-t");
      const timeoutMs = timeout ? parseSleep(timeout) : undefined;
      if (!vm && !cpu && !io && !hdd) {
        return { exitAfterMs: 20, exitCode: 1, lines: (t) => [{ t, text: "stress: FAIL: [1] (244) <-- at least one worker must be specified" }] };
      }
      return {
        exitAfterMs: timeoutMs ?? Infinity,
        exitCode: 0,
        memoryBytes: vm * bytes + 1 * MI,
        // A vm worker churns malloc/free flat out, unless --vm-hang parks it after touching its memory.
        cpuNanos: (cpu + (flagValue(args, "--vm-hang") !== undefined ? 0.02 : 1) * vm) * 1e9,
        definite: true,
        memoryRampMs: 700,
        lines: (t) => [{ t, text: `stress: info: [1] dispatching hogs: ${cpu} cpu, ${io} io, ${vm} vm, ${hdd} hdd` }],
      };
    }
    case "perl": {
      const code = args[args.length - 1] ?? "";
      const m = /bpi\((\d+)\)/.exec(code);
      if (m && args.some((a) => a.includes("bignum"))) {
        const n = Number(m[1]);
        const runMs = Math.round(2000 + n * 3.5);
        return { exitAfterMs: runMs, exitCode: 0, cpuNanos: 1e9, definite: true, lines: (t) => [{ t: t + runMs - 5, text: piDigits(n) }] };
      }
      if (args.includes("-e") || args.includes("-le") || args.includes("-wle")) return { exitAfterMs: 40, exitCode: 0 };
      return interactive ? { exitAfterMs: Infinity, exitCode: 0 } : { exitAfterMs: 30, exitCode: 0 };
    }
    case "python":
    case "python3":
    case "node":
      if (args.some((a) => a === "-c" || a === "-e" || a === "--eval")) return { exitAfterMs: 60, exitCode: 0 };
      if (args.length === 0) return interactive ? { exitAfterMs: Infinity, exitCode: 0 } : { exitAfterMs: 60, exitCode: 0 };
      if (args[0] === "-m" && args[1] === "http.server") {
        const port = Number(args[2] ?? 8000);
        return { exitAfterMs: Infinity, exitCode: 0, ports: [port], lines: (t) => [{ t, text: `Serving HTTP on 0.0.0.0 port ${port} (http://0.0.0.0:${port}/) ...` }] };
      }
      return { exitAfterMs: Infinity, exitCode: 0 };
    case "hello":
      if (profile?.program === "hello-world") return { exitAfterMs: 15, exitCode: 0, lines: (t) => HELLO_WORLD.split("\n").slice(0, -1).map((text) => ({ t, text })) };
      break;
    case "pause":
      if (profile?.program === "pause") return { exitAfterMs: Infinity, exitCode: 0 };
      break;
    case "agnhost":
      return agnhost(args);
    case "hello-app":
      return { exitAfterMs: Infinity, exitCode: 0, ports: [Number(env.PORT ?? 8080)], lines: (t) => [{ t, text: `${NGINX_TIME(t)} Server listening on port ${env.PORT ?? 8080}` }] };
    case "http-echo": {
      const listen = flagValue(args, "-listen") ?? ":5678";
      const port = Number(listen.split(":").pop() ?? 5678);
      return { exitAfterMs: Infinity, exitCode: 0, ports: [port], lines: (t) => [{ t, text: `${NGINX_TIME(t)} [INFO] server is listening on ${listen}` }] };
    }
    case "server":
      if (profile?.program === "liveness") return { exitAfterMs: Infinity, exitCode: 0, ports: [8080], http: (_p, path, at) => (path === "/healthz" ? (at < 10_000 ? 200 : 500) : 200) };
      break;
  }
  // Well-known images' servers and their own executables.
  if (profile && profile.cmd && basename(profile.cmd[0]) === name) return defaultServer(profile);
  if (profile && profile.entrypoint && basename(profile.entrypoint[0]) === name && profile.program !== "shell") return defaultServer(profile);
  if (profile?.binaries?.some((b) => basename(b) === name)) {
    // curl (nginx's and agnhost's images have it) is a one-shot the shell simulator follows.
    if (name === "curl" && shellKind !== "none") return { exitAfterMs: undefined, exitCode: 0, shell: { argv: av } };
    return { exitAfterMs: Infinity, exitCode: 0 };
  }
  if (profile?.program === "kube-system") return { exitAfterMs: Infinity, exitCode: 0 };
  // Shell utilities run through the shell simulator when the image has them.
  if (shellKind !== "none") {
    const utils = shellKind === "bash" ? BASH_UTILS : SHELL_UTILS;
    if (utils.includes(name) || utils.includes(av[0])) return { exitAfterMs: undefined, exitCode: 0, shell: { argv: av } };
  }
  // An executable the image does not have: the runtime cannot start the container.
  if (profile) return { exitAfterMs: 0, exitCode: 128, startError: executableNotFound(av[0]) };
  // Unknown image contents: assume a long-running process.
  return { exitAfterMs: Infinity, exitCode: 0 };
}

function defaultServer(profile: Profile): ProgramResult {
  switch (profile.program) {
    case "hello-world":
      return { exitAfterMs: 15, exitCode: 0, lines: (t) => HELLO_WORLD.split("\n").slice(0, -1).map((text) => ({ t, text })) };
    case "shell":
      return { exitAfterMs: 10, exitCode: 0 };
    case "liveness":
      return { exitAfterMs: Infinity, exitCode: 0, ports: [8080], http: (_p, path, at) => (path === "/healthz" ? (at < 10_000 ? 200 : 500) : 200) };
    case "hello-app":
      return { exitAfterMs: Infinity, exitCode: 0, ports: [8080], lines: (t) => [{ t, text: `${NGINX_TIME(t)} Server listening on port 8080` }] };
    default:
      return { exitAfterMs: Infinity, exitCode: 0, ports: profile.ports };
  }
}

function agnhost(args: string[]): ProgramResult {
  const sub = args[0] ?? "";
  const port = (def: number) => Number(flagValue(args, "--port", "--http-port") ?? def);
  const klog = (t: number, msg: string) => `I${formatDate(t, "%m%d %H:%M:%S")}.${String((t % 1000) * 1000).padStart(6, "0")}       1 ${msg}`;
  switch (sub) {
    case "liveness":
      return { exitAfterMs: Infinity, exitCode: 0, ports: [8080], http: (_p, path, at) => (path === "/healthz" ? (at < 10_000 ? 200 : 500) : 200) };
    case "netexec": {
      const p = port(8080);
      return { exitAfterMs: Infinity, exitCode: 0, ports: [p, Number(flagValue(args, "--udp-port") ?? 8081)], lines: (t) => [{ t, text: klog(t, `log.go:245] Started HTTP server on port ${p}`) }, { t, text: klog(t, `log.go:245] Started UDP server on port  ${Number(flagValue(args, "--udp-port") ?? 8081)}`) }] };
    }
    case "serve-hostname":
      return { exitAfterMs: Infinity, exitCode: 0, ports: [port(9376)], lines: (t) => [{ t, text: `${NGINX_TIME(t)} Serving on port ${port(9376)}.` }] };
    case "test-webserver":
      return { exitAfterMs: Infinity, exitCode: 0, ports: [port(80)] };
    case "pause":
      return { exitAfterMs: Infinity, exitCode: 0, lines: (t) => [{ t, text: "Paused" }] };
    case "fake-gitserver":
      return { exitAfterMs: Infinity, exitCode: 0, ports: [8000] };
    case "porter":
    case "mounttest":
    case "dns-server":
      return { exitAfterMs: Infinity, exitCode: 0 };
    case "":
      return { exitAfterMs: 30, exitCode: 0, lines: (t) => [{ t, text: "Usage:" }, { t, text: "  agnhost [flags]" }] };
    default:
      return { exitAfterMs: Infinity, exitCode: 0 };
  }
}

function nginxHttp(port: number, path: string): number | undefined {
  if (port !== 80) return undefined;
  const p = path.split("?")[0] || "/";
  return p === "/" || p === "/index.html" || p === "/50x.html" ? 200 : 404;
}

// ---------------------------------------------------------------------------------------------
// Putting it together, with a small memo for the parts that do not depend on time.
// ---------------------------------------------------------------------------------------------

/** Service environment every container gets for the kubernetes Service. */
const KUBERNETES_ENV: Record<string, string> = {
  KUBERNETES_SERVICE_HOST: "10.96.0.1",
  KUBERNETES_SERVICE_PORT: "443",
  KUBERNETES_SERVICE_PORT_HTTPS: "443",
  KUBERNETES_PORT: "tcp://10.96.0.1:443",
  KUBERNETES_PORT_443_TCP: "tcp://10.96.0.1:443",
  KUBERNETES_PORT_443_TCP_PROTO: "tcp",
  KUBERNETES_PORT_443_TCP_PORT: "443",
  KUBERNETES_PORT_443_TCP_ADDR: "10.96.0.1",
};

/** A shell as PID 1 ignores SIGTERM unless the script traps it. */
function shellSigterm(script: { argv: string[] } | { source: string }): Workload["sigterm"] {
  const src = "source" in script ? script.source : script.argv.join(" ");
  const trap = /\btrap\s+(['"]?)([^'"]*)\1\s+(?:[^;\n]*\b)?(?:SIG)?(?:TERM|15)\b/.exec(src);
  if (!trap) return "ignore";
  return /exit\s+0\b/.test(trap[2]) ? "exit0" : "exit143";
}

const MEMO = new Map<string, Analysis>();
const MEMO_MAX = 2000;

function memoKey(pod: KubeObject, c: Container, env: Record<string, string>): string {
  const a = pod.metadata.annotations ?? {};
  const annos = [ANNOTATIONS.exitCode, ANNOTATIONS.exitAfter, ANNOTATIONS.memoryUsage, ANNOTATIONS.cpuUsage].map((k) => a[k] ?? "").join("\u0000");
  return JSON.stringify([c.image, c.command, c.args, c.stdin, c.tty, env, annos, (pod.spec?.containers ?? []).length, c.resources?.limits?.memory]);
}

/** The workload of one run of a container. */
export function workloadOf(ctx: RunContext): Workload {
  const { pod, container: c } = ctx;
  const name = String(c.name ?? "");
  const image = String(c.image ?? "");
  const profile = profileOf(image);
  const { env } = containerEnv(pod, c, ctx.view);
  const fullEnv = { ...KUBERNETES_ENV, PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", ...env };
  const argv = effectiveArgv(c, profile);
  const prog = program(argv, profile, c, fullEnv, image, ctx.podIP);

  const key = memoKey(pod, c, env);
  let analysis = MEMO.get(key);
  if (!analysis) {
    analysis = analyse(ctx, prog, profile, fullEnv);
    if (!analysis.dependsOnCluster) {
      if (MEMO.size >= MEMO_MAX) MEMO.clear();
      MEMO.set(key, analysis);
    }
  }
  const a = analysis;

  // kubeplay.dev/exit-code and exit-after override when the container exits.
  let exitAfterMs = a.exitAfterMs;
  let exitCode = a.exitCode;
  const forcedCode = annotationFor(pod, ANNOTATIONS.exitCode, name);
  if (forcedCode !== undefined && /^\d+$/.test(forcedCode)) {
    exitCode = Number(forcedCode) & 255;
    exitAfterMs = parseSleep(annotationFor(pod, ANNOTATIONS.exitAfter, name) ?? "0") ?? 0;
  }
  const annotatedMem = annotatedUsage(pod, ANNOTATIONS.memoryUsage, false);
  const annotatedCpu = annotatedUsage(pod, ANNOTATIONS.cpuUsage, true);

  const ports = prog.ports ?? profile?.ports;
  const fileTimeline = a.files;
  return {
    argv,
    startError: a.startError,
    exitAfterMs,
    exitCode,
    dependsOnCluster: a.dependsOnCluster,
    ports,
    sigterm: prog.shell ? shellSigterm(prog.shell) : profile?.sigterm ?? "exit143",
    memoryBytes: annotatedMem ?? a.memoryBytes,
    cpuNanos: annotatedCpu ?? a.cpuNanos,
    definiteUsage: annotatedMem !== undefined || annotatedCpu !== undefined || a.definiteUsage,
    memoryRampMs: annotatedMem !== undefined ? 1000 : a.memoryRampMs,
    shell: profile?.shell ?? "busybox",
    fileTimeline(path) {
      const events = fileTimeline.filter((f) => f.path === path).map((f) => ({ t: f.t, exists: f.exists }));
      if (!events.length && !a.filesComplete) return undefined;
      return events;
    },
    http(port, path, atMs) {
      if (prog.http) return prog.http(port, path, atMs);
      if (ports && !ports.includes(port)) return undefined;
      return 200;
    },
    logs(untilMs, maxLines) {
      return logLines(ctx, prog, profile, fullEnv, untilMs, maxLines);
    },
    writtenFiles(atMs) {
      return writtenFiles(ctx, prog, profile, fullEnv, atMs);
    },
    accessLog: prog.accessLog,
  };
}

function analyse(ctx: RunContext, prog: ProgramResult, profile: Profile | undefined, env: Record<string, string>): Analysis {
  const base = (profile?.memoryMi ?? 4) * MI;
  if (prog.startError) {
    return { startError: prog.startError, exitAfterMs: 0, exitCode: 128, dependsOnCluster: false, files: [], filesComplete: true, memoryBytes: 0, cpuNanos: 0, definiteUsage: false, memoryRampMs: 0, busy: false };
  }
  if (prog.shell) {
    const depends = { v: false };
    const world = shellWorld(ctx, env, profile, depends);
    const r = analyseShell(simulate(prog.shell, world));
    return {
      exitAfterMs: r.exitAfterMs,
      exitCode: r.exitCode,
      dependsOnCluster: r.dependsOnCluster || depends.v,
      files: r.files,
      filesComplete: r.filesComplete,
      memoryBytes: 0.6 * MI,
      cpuNanos: r.busy ? 1e9 : 0.2e6,
      definiteUsage: r.busy,
      memoryRampMs: 0,
      busy: r.busy,
    };
  }
  return {
    exitAfterMs: prog.exitAfterMs,
    exitCode: prog.exitCode,
    dependsOnCluster: false,
    files: [],
    filesComplete: false,
    memoryBytes: prog.memoryBytes ?? base,
    cpuNanos: prog.cpuNanos ?? 1e6,
    definiteUsage: prog.definite ?? false,
    memoryRampMs: prog.memoryRampMs ?? 0,
    busy: false,
  };
}

function logLines(ctx: RunContext, prog: ProgramResult, profile: Profile | undefined, env: Record<string, string>, untilMs: number, maxLines: number): LogLine[] {
  const start = ctx.startedAtMs;
  const out: LogLine[] = [];
  const push = (l: LogLine) => {
    if (l.t > untilMs) return false;
    out.push(l);
    if (out.length > maxLines * 2) out.splice(0, out.length - maxLines);
    return true;
  };
  if (prog.startError) return [];
  if (prog.shell) {
    const world = shellWorld(ctx, env, profile, { v: false });
    let n = 0;
    for (const e of simulate(prog.shell, world)) {
      if (++n > 500_000) break;
      if (e.kind === "out") {
        if (!push({ t: start + e.t, text: e.text })) break;
      } else if (e.kind === "exit" || e.kind === "pending" || e.kind === "opaque") break;
      else if (e.kind === "forever" && e.busy) break;
    }
  } else if (prog.lines) {
    for (const l of prog.lines(start)) if (!push(l)) break;
  }
  return out.length > maxLines ? out.slice(out.length - maxLines) : out;
}

/** Replays the script up to `atMs` after start, keeping each path's last change (bounded by LIMITS.containerFiles). */
function writtenFiles(ctx: RunContext, prog: ProgramResult, profile: Profile | undefined, env: Record<string, string>, atMs: number): Map<string, WrittenFile> {
  const out = new Map<string, WrittenFile>();
  if (prog.startError || !prog.shell) return out;
  const { maxFiles, maxFileChars, maxEvents } = LIMITS.containerFiles;
  let n = 0;
  for (const e of simulate(prog.shell, shellWorld(ctx, env, profile, { v: false }))) {
    if (++n > maxEvents || e.t > atMs) break;
    if (e.kind === "file") {
      if (!out.has(e.path) && out.size >= maxFiles) continue;
      out.set(e.path, { t: e.t, content: e.exists ? (e.content ?? "").slice(0, maxFileChars) : undefined });
    } else if (e.kind === "exit" || e.kind === "pending" || e.kind === "opaque") break;
    else if (e.kind === "forever" && e.busy) break;
  }
  return out;
}

/**
 * Simulated CPU and memory of a running container for metrics (metrics.k8s.io, HPA): the pod's usage
 * annotations, or what a well-known workload uses (stress, busy loops). Undefined where the workload has no
 * definite usage and a nominal figure (from requests) should be used instead.
 */
export function workloadUsage(pod: KubeObject, containerName: string): { cpuNanos?: number; memoryBytes?: number } | undefined {
  const c = ((pod.spec?.containers ?? []) as Container[]).find((x) => x.name === containerName);
  if (!c) return undefined;
  const annotatedMem = annotatedUsage(pod, ANNOTATIONS.memoryUsage, false);
  const annotatedCpu = annotatedUsage(pod, ANNOTATIONS.cpuUsage, true);
  const profile = profileOf(String(c.image ?? ""));
  const argv = effectiveArgv(c, profile);
  const prog = program(argv, profile, c, {}, String(c.image ?? ""));
  if (prog.shell && "source" in prog.shell && /while\s+(?:true|:)\s*;?\s*do\s+(?::|true)\s*;?\s*done/.test(prog.shell.source)) {
    // A busy loop spins one core.
    prog.definite = true;
    prog.cpuNanos = 1e9;
    prog.memoryBytes = 0.6 * MI;
  }
  let cpu = annotatedCpu;
  let mem = annotatedMem;
  if (prog.definite) {
    cpu ??= prog.cpuNanos;
    mem ??= prog.memoryBytes;
  }
  if (cpu === undefined && mem === undefined) return undefined;
  return { cpuNanos: cpu === undefined ? undefined : throttledCpu(c, cpu), memoryBytes: mem };
}

/** CPU use as measured under the container's limit: the CFS quota throttles it just below the limit. */
export function throttledCpu(c: Container, cpuNanos: number): number {
  const limit = c.resources?.limits?.cpu;
  const q = limit !== undefined ? tryParseQuantity(String(limit)) : undefined;
  return q ? Math.min(cpuNanos, q.milliValue() * 1e6 * 0.98) : cpuNanos;
}

/** The script a container's shell runs (`sh -c '<script>'`, after entrypoint wrappers), if it runs one. */
export function shellScriptOf(c: Container): string | undefined {
  const profile = profileOf(String(c.image ?? ""));
  const prog = program(effectiveArgv(c, profile), profile, c, {}, String(c.image ?? ""));
  return prog.shell && "source" in prog.shell ? prog.shell.source : undefined;
}

/**
 * Whether the container's program, run with stdin open (`kubectl run -i`), waits on stdin for input
 * instead of ending by itself: an interactive shell or REPL (it would end at once on a closed stdin),
 * or `cat` with no files to read. Such a run needs a live terminal attached.
 */
export function waitsOnStdin(c: Container): boolean {
  const image = String(c.image ?? "");
  const profile = profileOf(image);
  const argv = effectiveArgv(c, profile);
  const open = program(argv, profile, { ...c, stdin: true }, {}, image);
  const closed = program(argv, profile, { ...c, stdin: false }, {}, image);
  if (open.exitAfterMs === Infinity && closed.exitAfterMs !== Infinity) return true;
  if (open.shell && "argv" in open.shell && basename(open.shell.argv[0] ?? "") === "cat") return open.shell.argv.slice(1).every((a) => a === "-" || (a.startsWith("-") && a.length > 1));
  return false;
}

const START_ERRORS = new Map<string, string | undefined>();

/** Why the runtime cannot start this container's process (an executable the image lacks), if so. */
export function startErrorOf(c: Container): string | undefined {
  const key = JSON.stringify([c.image, c.command, c.args, c.stdin]);
  if (START_ERRORS.has(key)) return START_ERRORS.get(key);
  const profile = profileOf(String(c.image ?? ""));
  const err = program(effectiveArgv(c, profile), profile, c, {}, String(c.image ?? "")).startError;
  if (START_ERRORS.size > 2000) START_ERRORS.clear();
  START_ERRORS.set(key, err);
  return err;
}

/** A container's memory limit in bytes (undefined: none). */
export function memoryLimitBytes(c: Container): number | undefined {
  const raw = c.resources?.limits?.memory;
  if (raw === undefined || raw === null) return undefined;
  const q = tryParseQuantity(String(raw));
  return q ? q.toNumber() : undefined;
}
