// The files a container sees where Kubernetes puts them: ConfigMap, Secret, downward API and projected
// volumes (with the atomic writer's `..data` and timestamped directories), emptyDirs, the service
// account token mount, /etc/hostname, /etc/hosts and /etc/resolv.conf. `cat` and `ls` read them.
import type { KubeObject } from "../../kinds/types";
import { parseRfc3339 } from "../../machinery/time";
import { formatDate } from "../shell";
import { hashHex64 } from "../timing";
import { hostnameOf } from "./environment";
import { workloadOf } from "../workloads";
import type { Container } from "../../kinds/common/pod";
import type { ExecContext, ExecOutput } from "./types";
import { ok, fail } from "./types";

export type Node = { kind: "file"; content: string } | { kind: "dir"; entries: string[] };

const decode = (v: unknown) => {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(String(v ?? "")), (c) => c.charCodeAt(0)));
  } catch {
    return "";
  }
};

/** Go's %q-free label/annotation file format of the downward API: `key="value"` lines, sorted. */
function mapFile(m: Record<string, string> | undefined): string {
  return Object.keys(m ?? {})
    .sort()
    .map((k) => `${k}=${JSON.stringify(m![k])}`)
    .join("\n");
}

function fieldRefValue(pod: KubeObject, path: string): string {
  const m: Record<string, any> = pod.metadata ?? {};
  switch (path) {
    case "metadata.name":
      return m.name ?? "";
    case "metadata.namespace":
      return m.namespace ?? "";
    case "metadata.uid":
      return m.uid ?? "";
    case "metadata.labels":
      return mapFile(m.labels);
    case "metadata.annotations":
      return mapFile(m.annotations);
    case "spec.nodeName":
      return pod.spec?.nodeName ?? "";
    case "spec.serviceAccountName":
      return pod.spec?.serviceAccountName ?? "";
    case "status.podIP":
      return pod.status?.podIP ?? "";
    case "status.hostIP":
      return pod.status?.hostIP ?? "";
  }
  const lab = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (lab) return m[lab[1]]?.[lab[2]] ?? "";
  return "";
}

/** A service account token as the kubelet projects it (a JWT's shape; the signature is a stand-in). */
function serviceAccountToken(pod: KubeObject, audience: string | undefined, nowMs: number): string {
  const b64url = (s: string) => btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  const iat = Math.floor((parseRfc3339(pod.metadata?.creationTimestamp ?? "") ?? nowMs) / 1000);
  const header = b64url(JSON.stringify({ alg: "RS256", kid: hashHex64(`kid`).slice(0, 43) }));
  const payload = b64url(
    JSON.stringify({
      aud: [audience ?? "https://kubernetes.default.svc.cluster.local"],
      exp: iat + 3607,
      iat,
      iss: "https://kubernetes.default.svc.cluster.local",
      "kubernetes.io": { namespace: pod.metadata.namespace, pod: { name: pod.metadata.name, uid: pod.metadata.uid }, serviceaccount: { name: pod.spec?.serviceAccountName ?? "default" } },
      nbf: iat,
      sub: `system:serviceaccount:${pod.metadata.namespace}:${pod.spec?.serviceAccountName ?? "default"}`,
    }),
  );
  const sig = b64url(hashHex64(`${pod.metadata.uid}|token`).match(/../g)!.map((h) => String.fromCharCode(parseInt(h, 16))).join("")).repeat(4).slice(0, 342);
  return `${header}.${payload}.${sig}`;
}

/** The key → content map of a volume (undefined for volume types that are plain directories). */
function volumeFiles(ctx: ExecContext, vol: KubeObject): Map<string, string> | undefined {
  const ns = ctx.namespace;
  const out = new Map<string, string>();
  const fromData = (data: Record<string, string>, items: KubeObject[] | undefined, decodeValues: boolean) => {
    const value = (k: string) => (decodeValues ? decode(data[k]) : data[k]);
    if (items?.length) {
      for (const it of items) if (data[it.key] !== undefined) out.set(String(it.path), value(it.key));
    } else for (const k of Object.keys(data)) out.set(k, value(k));
  };
  const configMap = (ref: KubeObject) => {
    const cm = ctx.cluster.configMap(ns, ref.name);
    if (cm) fromData({ ...(cm.data ?? {}), ...Object.fromEntries(Object.entries(cm.binaryData ?? {}).map(([k, v]) => [k, decode(v)])) }, ref.items, false);
  };
  const secret = (ref: KubeObject, name: string) => {
    const s = ctx.cluster.secret(ns, name);
    if (s) fromData(s.data ?? {}, ref.items, true);
  };
  const downward = (items: KubeObject[]) => {
    for (const it of items ?? []) {
      if (it.fieldRef?.fieldPath) out.set(String(it.path), fieldRefValue(ctx.pod, it.fieldRef.fieldPath));
      else if (it.resourceFieldRef?.resource) out.set(String(it.path), resourceValue(ctx, it.resourceFieldRef));
    }
  };
  if (vol.configMap) configMap(vol.configMap);
  else if (vol.secret) secret(vol.secret, vol.secret.secretName);
  else if (vol.downwardAPI) downward(vol.downwardAPI.items);
  else if (vol.projected) {
    for (const src of (vol.projected.sources ?? []) as KubeObject[]) {
      if (src.configMap) configMap(src.configMap);
      if (src.secret) secret(src.secret, src.secret.name);
      if (src.downwardAPI) downward(src.downwardAPI.items);
      if (src.serviceAccountToken) out.set(String(src.serviceAccountToken.path ?? "token"), serviceAccountToken(ctx.pod, src.serviceAccountToken.audience, ctx.cluster.nowMs));
    }
  } else return undefined;
  return out;
}

function resourceValue(ctx: ExecContext, ref: KubeObject): string {
  const c = ((ctx.pod.spec?.containers ?? []) as KubeObject[]).find((x) => x.name === (ref.containerName || ctx.container.name)) ?? ctx.container;
  const [kind, res] = String(ref.resource).split(".");
  const v = c.resources?.[kind]?.[res];
  if (v === undefined) return res === "cpu" ? "1" : "0";
  if (res === "cpu") {
    const m = /^(\d+)m$/.exec(String(v));
    return m ? String(Math.ceil(Number(m[1]) / 1000)) : String(Math.ceil(Number(v)));
  }
  const units: Record<string, number> = { Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, K: 1e3, M: 1e6, G: 1e9, k: 1e3 };
  const m = /^(\d+)([A-Za-z]*)$/.exec(String(v));
  return m ? String(Number(m[1]) * (units[m[2]] ?? 1)) : String(v);
}

const norm = (p: string) => ("/" + p.split("/").filter((x) => x && x !== ".").join("/")).replace(/\/+$/, "") || "/";

// ---------------------------------------------------------------------------------------------
// Files the containers' own processes wrote: derived from their scripts (workloadOf's writtenFiles)
// and the pod status (when each run started and ended), never stored. A container sees what its
// current run wrote anywhere, and what any run of any container of the pod (its own earlier run too)
// wrote in a writable volume they both mount; files outside volumes go with the run that wrote them.
// ---------------------------------------------------------------------------------------------

interface Mount {
  vol: KubeObject;
  mountPath: string;
  /** The volume-relative directory mounted ("" for the whole volume). */
  subPath: string;
  readOnly: boolean;
}

/** Volumes whose contents the kubelet writes (read-only for containers). */
const projectedVolume = (vol: KubeObject) => !!(vol.configMap || vol.secret || vol.downwardAPI || vol.projected || vol.image);

function mountsOf(pod: KubeObject, c: Container): Mount[] {
  const volumes = new Map<string, KubeObject>(((pod.spec?.volumes ?? []) as KubeObject[]).map((v) => [String(v.name), v]));
  const out: Mount[] = [];
  for (const m of (c.volumeMounts ?? []) as KubeObject[]) {
    const vol = volumes.get(String(m.name));
    if (vol) out.push({ vol, mountPath: norm(String(m.mountPath ?? "")), subPath: norm(String(m.subPath ?? "")).slice(1), readOnly: m.readOnly === true });
  }
  return out;
}

/** The mount a path is in (the deepest one), and the path inside it. */
function mountAt(mounts: Mount[], path: string): { mount: Mount; rel: string } | undefined {
  let best: { mount: Mount; rel: string } | undefined;
  for (const m of mounts) {
    const rel = path === m.mountPath ? "" : m.mountPath === "/" ? path.slice(1) : path.startsWith(m.mountPath + "/") ? path.slice(m.mountPath.length + 1) : undefined;
    if (rel !== undefined && (!best || m.mountPath.length > best.mount.mountPath.length)) best = { mount: m, rel };
  }
  return best;
}

/** A container's runs the pod status still knows: the current (or last) one and the one before it. */
function runsOf(pod: KubeObject, name: string, nowMs: number): Array<{ startedAt: number; endAt: number; current: boolean }> {
  const statuses = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.ephemeralContainerStatuses ?? [])] as KubeObject[];
  const st = statuses.find((s) => s.name === name);
  const runs: Array<{ startedAt: number; endAt: number; current: boolean }> = [];
  const add = (state: KubeObject | undefined, current: boolean) => {
    const run = state?.running ?? state?.terminated;
    const startedAt = parseRfc3339(run?.startedAt ?? "");
    if (startedAt === undefined || startedAt > nowMs) return;
    runs.push({ startedAt, endAt: Math.min(nowMs, parseRfc3339(state?.terminated?.finishedAt ?? "") ?? nowMs), current });
  };
  add(st?.state, true);
  add(st?.lastState, false);
  return runs;
}

const WRITTEN = new WeakMap<KubeObject, Map<string, Map<string, string>>>();

/** The files (absolute path → content) the container sees that processes of the pod wrote. */
export function writtenFiles(ctx: Pick<ExecContext, "pod" | "container" | "cluster">): Map<string, string> {
  const { pod, cluster } = ctx;
  const key = `${ctx.container.name}|${cluster.nowMs}|${pod.metadata?.resourceVersion ?? ""}`;
  const memo = WRITTEN.get(pod)?.get(key);
  if (memo) return memo;
  const own = mountsOf(pod, ctx.container);
  const shared = new Set(own.filter((m) => !projectedVolume(m.vol)).map((m) => m.vol));
  const latest = new Map<string, { wall: number; content: string | undefined }>();
  const put = (path: string, wall: number, content: string | undefined) => {
    const prev = latest.get(path);
    if (!prev || prev.wall <= wall) latest.set(path, { wall, content });
  };
  const view = { nowMs: cluster.nowMs, configMap: cluster.configMap, secret: cluster.secret, service: cluster.service };
  for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? []), ...(pod.spec?.ephemeralContainers ?? [])] as Container[]) {
    const isOwn = c.name === ctx.container.name;
    const mounts = mountsOf(pod, c);
    if (!isOwn && !mounts.some((m) => shared.has(m.vol))) continue;
    for (const run of runsOf(pod, String(c.name), cluster.nowMs)) {
      const w = workloadOf({ pod, container: c, startedAtMs: run.startedAt, podIP: String(pod.status?.podIP ?? ""), view });
      for (const [raw, f] of w.writtenFiles(run.endAt - run.startedAt)) {
        const path = norm(raw.startsWith("/") ? raw : `${c.workingDir ?? "/"}/${raw}`);
        const wall = run.startedAt + f.t;
        const at = mountAt(mounts, path);
        if (!at) {
          // The container's own filesystem: a restarted container starts from its image again.
          if (isOwn && run.current) put(path, wall, f.content);
          continue;
        }
        if (at.mount.readOnly || !shared.has(at.mount.vol) || !at.rel) continue;
        const inVolume = at.mount.subPath ? `${at.mount.subPath}/${at.rel}` : at.rel;
        for (const m of own) {
          if (m.vol !== at.mount.vol) continue;
          if (m.subPath && !inVolume.startsWith(m.subPath + "/")) continue;
          const seen = norm(`${m.mountPath}/${m.subPath ? inVolume.slice(m.subPath.length + 1) : inVolume}`);
          if (mountAt(own, seen)?.mount === m) put(seen, wall, f.content);
        }
      }
    }
  }
  const out = new Map<string, string>();
  for (const [p, f] of latest) if (f.content !== undefined) out.set(p, f.content);
  let perPod = WRITTEN.get(pod);
  if (!perPod) WRITTEN.set(pod, (perPod = new Map()));
  if (perPod.size > 16) perPod.clear();
  perPod.set(key, out);
  return out;
}

/** The atomic writer's timestamped directory (`..2026_01_01_00_00_00.123456789`). */
function atomicDir(ctx: ExecContext, volName: string): string {
  const t = parseRfc3339(ctx.pod.status?.startTime ?? ctx.pod.metadata?.creationTimestamp ?? "") ?? ctx.cluster.nowMs;
  const nanos = String(parseInt(hashHex64(`${ctx.pod.metadata.uid}|${volName}`).slice(0, 8), 16) % 1_000_000_000).padStart(9, "0");
  return `..${formatDate(t, "%Y_%m_%d_%H_%M_%S")}.${nanos}`;
}

/** Static parts of the filesystem. */
function systemFiles(ctx: ExecContext): Map<string, string> {
  const ip = ctx.pod.status?.podIP ?? "";
  const host = hostnameOf(ctx.pod);
  return new Map([
    ["/etc/hostname", `${host}\n`],
    ["/etc/hosts", `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${ip}\t${host}\n`],
    ["/etc/resolv.conf", `search ${ctx.namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`],
  ]);
}

const ROOT_BUSYBOX = ["bin", "dev", "etc", "home", "lib", "lib64", "proc", "root", "sys", "tmp", "usr", "var"];
const ROOT_DEBIAN = ["bin", "boot", "dev", "etc", "home", "lib", "lib64", "media", "mnt", "opt", "proc", "root", "run", "sbin", "srv", "sys", "tmp", "usr", "var"];

/** What is at a path: a mounted or system file, a directory with its entries, or nothing we know of. */
export function lookup(ctx: ExecContext, rawPath: string, cwd = "/"): Node | undefined {
  const path = norm(rawPath.startsWith("/") ? rawPath : `${cwd}/${rawPath}`);
  const volumes = new Map<string, KubeObject>(((ctx.pod.spec?.volumes ?? []) as KubeObject[]).map((v) => [String(v.name), v]));
  const dirs = new Map<string, Set<string>>();
  const addDir = (dir: string, entry?: string) => {
    const d = norm(dir);
    if (!dirs.has(d)) dirs.set(d, new Set());
    if (entry) dirs.get(d)!.add(entry);
    if (d !== "/") addDir(d.slice(0, d.lastIndexOf("/")) || "/", d.slice(d.lastIndexOf("/") + 1));
  };
  for (const [p, content] of systemFiles(ctx)) {
    addDir(p.slice(0, p.lastIndexOf("/")), p.slice(p.lastIndexOf("/") + 1));
    if (p === path) return { kind: "file", content };
  }
  for (const [p, content] of writtenFiles(ctx)) {
    addDir(p.slice(0, p.lastIndexOf("/")) || "/", p.slice(p.lastIndexOf("/") + 1));
    if (p === path) return { kind: "file", content };
  }
  for (const m of (ctx.container.volumeMounts ?? []) as KubeObject[]) {
    const vol = volumes.get(String(m.name));
    if (!vol) continue;
    const mountPath = norm(String(m.mountPath ?? ""));
    const files = volumeFiles(ctx, vol);
    if (m.subPath) {
      const content = files?.get(String(m.subPath));
      addDir(mountPath.slice(0, mountPath.lastIndexOf("/")) || "/", mountPath.slice(mountPath.lastIndexOf("/") + 1));
      if (path === mountPath && content !== undefined) return { kind: "file", content };
      if (path === mountPath && files) return { kind: "dir", entries: [] };
      if (!files) addDir(mountPath);
      continue;
    }
    addDir(mountPath);
    if (!files) continue;
    const hidden = files.size ? [atomicDir(ctx, String(vol.name)), "..data"] : [];
    for (const h of hidden) dirs.get(mountPath)!.add(h);
    for (const [key, content] of files) {
      const full = norm(`${mountPath}/${key}`);
      addDir(full.slice(0, full.lastIndexOf("/")), full.slice(full.lastIndexOf("/") + 1));
      if (full === path) return { kind: "file", content };
    }
  }
  if (path === "/") for (const e of ctx.shell === "bash" ? ROOT_DEBIAN : ROOT_BUSYBOX) addDir("/", e);
  const d = dirs.get(path);
  if (d) return { kind: "dir", entries: [...d].sort() };
  if (path === "/" || ["/tmp", "/root", "/home", "/var", "/usr", "/bin", "/proc", "/dev", "/sys"].includes(path)) return { kind: "dir", entries: [] };
  return undefined;
}

export function cat(ctx: ExecContext, args: string[]): ExecOutput {
  let stdout = "";
  let stderr = "";
  let code = 0;
  const busybox = ctx.shell !== "bash";
  for (const a of args.filter((x) => !/^-[a-zA-Z]+$/.test(x))) {
    const n = lookup(ctx, a);
    if (n?.kind === "file") stdout += n.content;
    else if (n?.kind === "dir") {
      stderr += busybox ? "cat: read error: Is a directory\n" : `cat: ${a}: Is a directory\n`;
      code = 1;
    } else {
      stderr += busybox ? `cat: can't open '${a}': No such file or directory\n` : `cat: ${a}: No such file or directory\n`;
      code = 1;
    }
  }
  return { stdout, stderr, exitCode: code };
}

export function ls(ctx: ExecContext, args: string[]): ExecOutput {
  const flags = args.filter((x) => /^-[a-zA-Z]+$/.test(x)).join("");
  const all = flags.includes("a");
  const almost = flags.includes("A");
  const paths = args.filter((x) => !/^-[a-zA-Z]+$/.test(x));
  const targets = paths.length ? paths : [ctx.container.workingDir ?? "/"];
  const busybox = ctx.shell !== "bash";
  let stdout = "";
  let stderr = "";
  let code = 0;
  const listings: string[] = [];
  for (const p of targets) {
    const n = lookup(ctx, p);
    if (!n) {
      stderr += busybox ? `ls: ${p}: No such file or directory\n` : `ls: cannot access '${p}': No such file or directory\n`;
      code = busybox ? 1 : 2;
      continue;
    }
    if (n.kind === "file") {
      stdout += `${p}\n`;
      continue;
    }
    const entries = n.entries.filter((e) => all || almost || !e.startsWith("."));
    const shown = all ? [".", "..", ...entries] : entries;
    listings.push((targets.length > 1 ? `${p}:\n` : "") + shown.map((e) => `${e}\n`).join(""));
  }
  stdout += listings.join("\n");
  return code ? { stdout, stderr, exitCode: code } : ok(stdout);
}

export { fail };
