// Container images a simulated node can pull: a catalog of well-known public repositories and the tags
// they really have. A reference to anything else fails the way containerd 1.7 fails to resolve it
// (unknown tag, unknown repository, private or unreachable registry), and the kubelet turns that into
// ErrImagePull and ImagePullBackOff.
import { hashHex64 } from "./timing";

export interface ImageRef {
  /** As written in the pod spec. */
  raw: string;
  /** Registry host, e.g. "docker.io", "registry.k8s.io", "localhost:5000". */
  domain: string;
  /** Repository path within the registry, e.g. "library/nginx". */
  path: string;
  tag?: string;
  digest?: string;
  /** "docker.io/library/nginx". */
  repo: string;
  /** The fully qualified reference containerd pulls: "docker.io/library/nginx:1.27" (":latest" when untagged). */
  full: string;
}

export type ParsedImage = { ok: true; ref: ImageRef } | { ok: false; message: string };

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;

const PARSED = new Map<string, ParsedImage>();

/** distribution/reference ParseNormalizedNamed, with the kubelet's message for a name it cannot parse. */
export function parseImage(raw: string): ParsedImage {
  let p = PARSED.get(raw);
  if (!p) {
    if (PARSED.size > 5000) PARSED.clear();
    PARSED.set(raw, (p = parseImageUncached(raw)));
  }
  return p;
}

function parseImageUncached(raw: string): ParsedImage {
  const fail = (why: string): ParsedImage => ({ ok: false, message: `couldn't parse image name ${JSON.stringify(raw)}: ${why}` });
  let rest = raw;
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return fail("invalid reference format");
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return fail("invalid reference format");
  }
  if (!rest) return fail("invalid reference format");
  let domain = "docker.io";
  let path = rest;
  const slash = rest.indexOf("/");
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    if (first.includes(".") || first.includes(":") || first === "localhost" || first.toLowerCase() !== first) {
      domain = first;
      path = rest.slice(slash + 1);
    }
  }
  if (domain === "index.docker.io" || domain === "registry-1.docker.io") domain = "docker.io";
  if (domain === "docker.io" && !path.includes("/")) path = `library/${path}`;
  if (path.toLowerCase() !== path && path.split("/").every((c) => COMPONENT.test(c.toLowerCase()))) {
    return fail(`invalid reference format: repository name (${path}) must be lowercase`);
  }
  if (domain.toLowerCase() !== domain || !path.split("/").every((c) => COMPONENT.test(c))) return fail("invalid reference format");
  const repo = `${domain}/${path}`;
  const full = digest ? `${repo}${tag ? `:${tag}` : ""}@${digest}` : `${repo}:${tag ?? "latest"}`;
  return { ok: true, ref: { raw, domain, path, tag, digest, repo, full } };
}

// ---------------------------------------------------------------------------------------------
// The catalog.
// ---------------------------------------------------------------------------------------------

interface RepoSpec {
  /** Fully qualified repository names (the first is canonical; the rest are aliases such as k8s.gcr.io). */
  repos: string[];
  /** Tags that exist besides the version families (e.g. "latest", "alpine", "bookworm"). */
  names?: string[];
  /** Version families "1.27.0-4": 1.27 and 1.27.0 … 1.27.4; "3.21.0-3"; "9" a bare major; "2.40" exact. */
  versions?: string[];
  /** Suffixes any version or name may carry ("-alpine", "-slim"). */
  variants?: string[];
  /** Accept any tag matching this (for repositories with very many tags, e.g. node). */
  pattern?: RegExp;
  /** Compressed size containerd reports ("Image size: … bytes"). */
  sizeBytes: number;
  /** Sizes of variants whose size differs a lot (e.g. "-alpine"). */
  variantSizes?: Record<string, number>;
}

/** Expands "1.27.0-4" into ["1.27", "1.27.0", …, "1.27.4"], "3.21.0-3" likewise, "9" / "2.40" as they are. */
function expandVersions(specs: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const s of specs) {
    const m = /^(.*)\.(\d+)-(\d+)$/.exec(s);
    if (!m) {
      out.add(s);
      continue;
    }
    out.add(m[1]);
    for (let p = Number(m[2]); p <= Number(m[3]); p++) out.add(`${m[1]}.${p}`);
  }
  return out;
}

const NGINX_VERSIONS = [
  "1", "1.7.9", "1.9.0-15", "1.10.0-3", "1.11.0-13", "1.12.0-2", "1.13.0-12", "1.14.0-2", "1.15.0-12", "1.16.0-1", "1.17.0-10", "1.18.0-0",
  "1.19.0-10", "1.20.0-2", "1.21.0-6", "1.22.0-1", "1.23.0-4", "1.24.0-0", "1.25.0-5", "1.26.0-3", "1.27.0-5", "1.28.0-1", "1.29.0-4",
];

const CATALOG: RepoSpec[] = [
  {
    repos: ["docker.io/library/nginx"],
    names: ["latest", "stable", "mainline", "alpine", "alpine-slim", "perl", "alpine-perl", "bookworm", "bookworm-perl", "otel", "alpine-otel"],
    versions: NGINX_VERSIONS,
    variants: ["-alpine", "-alpine-slim", "-perl", "-alpine-perl", "-bookworm", "-bookworm-perl", "-otel", "-alpine-otel"],
    sizeBytes: 72_099_410,
    variantSizes: { "-alpine": 20_442_117, "-alpine-slim": 5_103_873, "-alpine-perl": 33_904_211 },
  },
  {
    repos: ["docker.io/library/busybox"],
    names: ["latest", "stable", "musl", "glibc", "uclibc", "unstable"],
    versions: ["1", "1.24.0-2", "1.25.0-1", "1.26.0-2", "1.27.0-2", "1.28.0-4", "1.29.0-3", "1.30.0-1", "1.31.0-1", "1.32.0-1", "1.33.0-1", "1.34.0-1", "1.35.0-0", "1.36.0-1", "1.37.0-0"],
    variants: ["-musl", "-glibc", "-uclibc"],
    sizeBytes: 2_222_260,
  },
  { repos: ["registry.k8s.io/busybox", "k8s.gcr.io/busybox", "gcr.io/google_containers/busybox"], names: ["latest", "1.24", "1.27", "1.27.2"], sizeBytes: 1_144_547 },
  { repos: ["registry.k8s.io/e2e-test-images/busybox"], names: ["1.29-1", "1.29-2", "1.29-4", "1.36.1-1", "1.37.0-1"], sizeBytes: 2_228_330 },
  {
    repos: ["docker.io/library/alpine"],
    names: ["latest", "edge"],
    versions: ["3", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8", "3.9.0-6", "3.10.0-9", "3.11.0-13", "3.12.0-12", "3.13.0-12", "3.14.0-10", "3.15.0-11", "3.16.0-9", "3.17.0-10", "3.18.0-12", "3.19.0-7", "3.20.0-6", "3.21.0-4", "3.22.0-2", "3.23.0-0"],
    sizeBytes: 3_644_346,
  },
  {
    repos: ["docker.io/library/ubuntu"],
    names: ["latest", "rolling", "devel", "noble", "jammy", "focal", "bionic", "xenial", "trusty", "oracular", "plucky", "questing", "14.04", "16.04", "18.04", "20.04", "22.04", "24.04", "24.10", "25.04", "25.10"],
    pattern: /^(?:noble|jammy|focal|bionic|xenial)-\d{8}(?:\.\d+)?$|^(?:20\.04|22\.04|24\.04)$/,
    sizeBytes: 29_754_290,
  },
  {
    repos: ["docker.io/library/debian"],
    names: ["latest", "stable", "stable-slim", "testing", "testing-slim", "unstable", "unstable-slim", "sid", "sid-slim", "trixie", "trixie-slim", "bookworm", "bookworm-slim", "bullseye", "bullseye-slim", "buster", "buster-slim", "stretch", "stretch-slim", "oldstable", "oldstable-slim"],
    versions: ["8", "9", "10", "11", "12", "13", "10.0-13", "11.0-11", "12.0-11", "13.0-1"],
    variants: ["-slim"],
    sizeBytes: 48_494_215,
    variantSizes: { "-slim": 28_227_259 },
  },
  {
    repos: ["docker.io/library/redis"],
    names: ["latest", "alpine", "bookworm"],
    versions: ["3", "3.2", "4", "4.0", "5", "5.0.0-14", "6", "6.0.0-20", "6.2.0-17", "7", "7.0.0-15", "7.2.0-7", "7.4.0-2", "8", "8.0.0-2"],
    variants: ["-alpine", "-bookworm", "-bullseye"],
    sizeBytes: 45_047_628,
    variantSizes: { "-alpine": 17_323_442 },
  },
  {
    repos: ["docker.io/library/postgres"],
    names: ["latest", "alpine", "bookworm", "bullseye"],
    versions: ["9", "9.6", "10", "11", "12", "13", "14", "15", "16", "17", "18", "12.0-22", "13.0-20", "14.0-17", "15.0-12", "16.0-8", "17.0-4"],
    variants: ["-alpine", "-bookworm", "-bullseye"],
    sizeBytes: 154_383_117,
    variantSizes: { "-alpine": 105_293_826 },
  },
  {
    repos: ["docker.io/library/mysql"],
    names: ["latest", "lts", "innovation", "oracle", "debian"],
    versions: ["5", "5.6", "5.7", "5.7.0-44", "8", "8.0", "8.0.0-41", "8.4", "8.4.0-4", "9", "9.0", "9.1", "9.2", "9.3"],
    variants: ["-oracle", "-debian"],
    sizeBytes: 171_932_547,
  },
  {
    repos: ["docker.io/library/mariadb"],
    names: ["latest", "lts"],
    versions: ["10", "10.5", "10.6", "10.11", "11", "11.4", "11.7"],
    sizeBytes: 120_511_317,
  },
  {
    repos: ["docker.io/library/httpd"],
    names: ["latest", "alpine", "bookworm"],
    versions: ["2", "2.2", "2.4", "2.4.0-65"],
    variants: ["-alpine", "-bookworm"],
    sizeBytes: 58_274_918,
  },
  {
    repos: ["docker.io/library/node"],
    names: ["latest", "lts", "current", "alpine", "slim", "bookworm", "bookworm-slim", "lts-alpine", "lts-slim", "current-alpine", "current-slim"],
    pattern: /^(?:[4-9]|1\d|2[0-5])(?:\.\d{1,2}(?:\.\d{1,2})?)?(?:-(?:alpine(?:3\.\d+)?|slim|bookworm|bullseye|buster|bookworm-slim|bullseye-slim))?$/,
    sizeBytes: 391_217_840,
  },
  {
    repos: ["docker.io/library/python"],
    names: ["latest", "alpine", "slim", "bookworm", "slim-bookworm"],
    pattern: /^(?:2|2\.7(?:\.\d{1,2})?|3|3\.(?:[5-9]|1[0-4])(?:\.\d{1,2})?)(?:-(?:alpine(?:3\.\d+)?|slim|slim-bookworm|slim-bullseye|bookworm|bullseye|buster))?$/,
    sizeBytes: 381_305_411,
  },
  {
    repos: ["docker.io/library/golang"],
    names: ["latest", "alpine", "bookworm"],
    pattern: /^(?:1|1\.(?:1\d|2[0-5])(?:\.\d{1,2})?)(?:-(?:alpine(?:3\.\d+)?|bookworm|bullseye))?$/,
    sizeBytes: 299_511_040,
  },
  { repos: ["docker.io/library/perl"], names: ["latest", "slim"], pattern: /^5(?:\.\d{2}(?:\.\d)?)?(?:-slim)?$/, sizeBytes: 325_164_120 },
  { repos: ["docker.io/library/hello-world"], names: ["latest", "linux"], sizeBytes: 2_480 },
  {
    repos: ["docker.io/library/mongo"],
    names: ["latest"],
    versions: ["3.6", "4", "4.0", "4.2", "4.4", "5", "5.0", "6", "6.0", "7", "7.0", "8", "8.0"],
    sizeBytes: 266_340_117,
  },
  { repos: ["docker.io/library/memcached"], names: ["latest", "alpine"], versions: ["1", "1.6", "1.6.0-38"], variants: ["-alpine"], sizeBytes: 32_811_006 },
  {
    repos: ["docker.io/library/rabbitmq"],
    names: ["latest", "alpine", "management", "management-alpine"],
    versions: ["3", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "4", "4.0", "4.1"],
    variants: ["-management", "-alpine", "-management-alpine"],
    sizeBytes: 104_722_116,
  },
  {
    repos: ["docker.io/library/traefik"],
    names: ["latest"],
    pattern: /^v?(?:1\.7|2|2\.\d{1,2}|3|3\.[0-5])(?:\.\d{1,2})?$/,
    sizeBytes: 49_823_409,
  },
  { repos: ["docker.io/library/wordpress"], names: ["latest", "apache", "fpm", "fpm-alpine"], pattern: /^6(?:\.\d(?:\.\d)?)?(?:-php8\.[1-4])?(?:-(?:apache|fpm|fpm-alpine))?$|^php8\.[1-4](?:-(?:apache|fpm|fpm-alpine))?$/, sizeBytes: 250_198_214 },
  { repos: ["docker.io/library/caddy"], names: ["latest", "alpine"], versions: ["2", "2.7", "2.8", "2.9", "2.10"], variants: ["-alpine"], sizeBytes: 20_110_322 },
  { repos: ["docker.io/library/tomcat"], names: ["latest"], versions: ["9", "10", "11", "9.0", "10.1", "11.0"], sizeBytes: 196_044_810 },
  { repos: ["docker.io/library/haproxy"], names: ["latest", "alpine", "lts"], versions: ["2.8", "3.0", "3.1", "3.2"], variants: ["-alpine"], sizeBytes: 39_722_090 },
  { repos: ["docker.io/library/registry"], names: ["latest"], versions: ["2", "2.8", "3", "3.0"], sizeBytes: 10_228_910 },
  { repos: ["docker.io/library/centos"], names: ["latest", "7", "8", "centos7", "centos8"], sizeBytes: 75_181_999 },
  { repos: ["docker.io/library/fedora"], names: ["latest", "rawhide", "39", "40", "41", "42"], sizeBytes: 61_004_326 },
  { repos: ["docker.io/polinux/stress"], names: ["latest", "1.0.4"], sizeBytes: 4_043_813 },
  { repos: ["docker.io/vish/stress"], names: ["latest"], sizeBytes: 1_540_137 },
  { repos: ["docker.io/nicolaka/netshoot"], names: ["latest"], pattern: /^v0\.\d{1,2}$/, sizeBytes: 183_140_226 },
  { repos: ["docker.io/curlimages/curl"], names: ["latest"], pattern: /^[78]\.\d{1,2}\.\d$/, sizeBytes: 10_327_433 },
  { repos: ["docker.io/bitnami/kubectl"], names: ["latest"], pattern: /^1\.(?:2\d|3[0-4])(?:\.\d{1,2})?$/, sizeBytes: 65_216_111 },
  { repos: ["docker.io/bitnami/nginx"], names: ["latest"], pattern: /^1\.(?:2[4-9])(?:\.\d)?$/, sizeBytes: 36_780_221 },
  { repos: ["docker.io/kennethreitz/httpbin"], names: ["latest"], sizeBytes: 192_181_512 },
  { repos: ["docker.io/mccutchen/go-httpbin"], names: ["latest"], pattern: /^v2\.\d{1,2}\.\d$/, sizeBytes: 8_010_004 },
  { repos: ["docker.io/hashicorp/http-echo"], names: ["latest", "1.0", "1.0.0", "0.2.3"], sizeBytes: 3_590_120 },
  { repos: ["docker.io/kicbase/echo-server"], names: ["latest", "1.0"], sizeBytes: 2_372_971 },
  { repos: ["docker.io/jenkins/jenkins"], names: ["latest", "lts", "lts-jdk17", "lts-jdk21", "jdk17", "jdk21"], sizeBytes: 292_311_020 },
  { repos: ["docker.io/grafana/grafana"], names: ["latest", "main"], pattern: /^(?:9|10|11|12)\.\d\.\d$/, sizeBytes: 131_091_234 },
  { repos: ["docker.io/prom/prometheus", "quay.io/prometheus/prometheus"], names: ["latest", "main"], pattern: /^v[23]\.\d{1,2}\.\d$/, sizeBytes: 113_944_130 },
  // The DaemonSet examples of the Kubernetes documentation (controllers/daemonset.yaml, the rolling-update task).
  { repos: ["quay.io/fluentd_elasticsearch/fluentd"], names: ["v2.5.0", "v2.5.2", "v2.6.0", "v2.7.0", "v5.0.1"], sizeBytes: 58_742_163 },
  { repos: ["docker.io/library/elasticsearch"], pattern: /^(?:7\.17|8\.1\d)\.\d{1,2}$/, sizeBytes: 638_232_110 },
  { repos: ["registry.k8s.io/pause", "k8s.gcr.io/pause", "gcr.io/google_containers/pause"], names: ["latest", "3.0", "3.1", "3.2", "3.3", "3.4.1", "3.5", "3.6", "3.7", "3.8", "3.9", "3.10", "3.10.1"], sizeBytes: 320_368 },
  { repos: ["registry.k8s.io/e2e-test-images/agnhost", "k8s.gcr.io/e2e-test-images/agnhost"], pattern: /^2\.(?:[2-5]\d)$/, sizeBytes: 51_193_462 },
  { repos: ["registry.k8s.io/e2e-test-images/jessie-dnsutils", "k8s.gcr.io/e2e-test-images/jessie-dnsutils"], names: ["1.3", "1.4", "1.5", "1.7"], sizeBytes: 107_426_818 },
  { repos: ["registry.k8s.io/e2e-test-images/nginx"], names: ["1.14-2", "1.14-4", "1.15-2", "1.15-4"], sizeBytes: 6_770_313 },
  { repos: ["registry.k8s.io/e2e-test-images/httpd"], names: ["2.4.38-2", "2.4.38-4", "2.4.39-2", "2.4.39-4"], sizeBytes: 40_764_886 },
  { repos: ["registry.k8s.io/echoserver", "k8s.gcr.io/echoserver", "gcr.io/google_containers/echoserver"], names: ["1.4", "1.10"], sizeBytes: 46_236_416 },
  { repos: ["registry.k8s.io/nginx-slim", "k8s.gcr.io/nginx-slim", "gcr.io/google_containers/nginx-slim", "gcr.io/google-containers/nginx-slim"], names: ["0.7", "0.8", "0.20", "0.21", "0.24", "0.26", "0.27"], sizeBytes: 33_652_511 },
  { repos: ["registry.k8s.io/hpa-example", "k8s.gcr.io/hpa-example"], names: ["latest"], sizeBytes: 169_412_304 },
  { repos: ["registry.k8s.io/liveness", "k8s.gcr.io/liveness"], names: ["latest"], sizeBytes: 2_373_120 },
  { repos: ["registry.k8s.io/goproxy", "k8s.gcr.io/goproxy"], names: ["0.1"], sizeBytes: 2_491_126 },
  { repos: ["registry.k8s.io/test-webserver", "k8s.gcr.io/test-webserver"], names: ["latest"], sizeBytes: 2_373_120 },
  { repos: ["registry.k8s.io/serve_hostname", "k8s.gcr.io/serve_hostname"], names: ["latest", "1.0", "1.1"], sizeBytes: 2_371_218 },
  { repos: ["registry.k8s.io/metrics-server/metrics-server"], pattern: /^v0\.[5-8]\.\d$/, sizeBytes: 19_495_218 },
  { repos: ["registry.k8s.io/ingress-nginx/controller"], pattern: /^v1\.(?:[89]|1[0-3])\.\d$/, sizeBytes: 105_129_104 },
  { repos: ["registry.k8s.io/kube-proxy"], pattern: /^v1\.(?:2\d|3[0-4])\.\d{1,2}$/, sizeBytes: 30_907_858 },
  { repos: ["registry.k8s.io/kube-apiserver"], pattern: /^v1\.(?:2\d|3[0-4])\.\d{1,2}$/, sizeBytes: 28_670_731 },
  { repos: ["registry.k8s.io/kube-controller-manager"], pattern: /^v1\.(?:2\d|3[0-4])\.\d{1,2}$/, sizeBytes: 26_259_392 },
  { repos: ["registry.k8s.io/kube-scheduler"], pattern: /^v1\.(?:2\d|3[0-4])\.\d{1,2}$/, sizeBytes: 20_657_902 },
  { repos: ["registry.k8s.io/etcd"], pattern: /^3\.[45]\.\d{1,2}-0$/, sizeBytes: 57_680_541 },
  { repos: ["registry.k8s.io/coredns/coredns"], pattern: /^v1\.(?:[89]|1[0-2])\.\d$/, sizeBytes: 18_562_039 },
  { repos: ["gcr.io/google-samples/hello-app", "us-docker.pkg.dev/google-samples/containers/gke/hello-app"], names: ["1.0", "2.0"], sizeBytes: 10_125_316 },
  { repos: ["gcr.io/google-samples/node-hello"], names: ["1.0"], sizeBytes: 253_720_119 },
  { repos: ["gcr.io/kuar-demo/kuard-amd64"], names: ["blue", "green", "purple", "1", "2", "3"], sizeBytes: 9_994_282 },
];

interface CatalogEntry {
  spec: RepoSpec;
  versions: Set<string>;
  names: Set<string>;
}

const BY_REPO = new Map<string, CatalogEntry>();
for (const spec of CATALOG) {
  const entry: CatalogEntry = { spec, versions: expandVersions(spec.versions ?? []), names: new Set(spec.names ?? []) };
  for (const r of spec.repos) BY_REPO.set(r, entry);
}

/** The catalog's name for a repository ("registry.k8s.io/echoserver" for its k8s.gcr.io alias). */
export function canonicalRepo(repo: string): string {
  return BY_REPO.get(repo)?.spec.repos[0] ?? repo;
}

function tagExists(entry: CatalogEntry, tag: string): { ok: boolean; variant?: string } {
  if (entry.names.has(tag) || entry.versions.has(tag)) return { ok: true };
  if (entry.spec.pattern?.test(tag)) return { ok: true };
  for (const v of entry.spec.variants ?? []) {
    if (!tag.endsWith(v)) continue;
    const base = tag.slice(0, -v.length);
    if (entry.versions.has(base) || entry.names.has(base)) return { ok: true, variant: v };
  }
  return { ok: false };
}

const DIGESTS = new Map<string, string>();

/** The digest a catalog image resolves to: stable per repository and tag. */
export function imageDigest(repo: string, tag: string): string {
  const key = `${canonicalRepo(repo)}:${tag}`;
  let d = DIGESTS.get(key);
  if (!d) {
    if (DIGESTS.size > 5000) DIGESTS.clear();
    DIGESTS.set(key, (d = `sha256:${hashHex64(key)}`));
  }
  return d;
}

export interface PullableImage {
  ok: true;
  /** Reference containerd reports as the container's image ("docker.io/library/nginx:1.27"). */
  image: string;
  /** "docker.io/library/nginx@sha256:…" (ContainerStatus.imageID). */
  imageID: string;
  sizeBytes: number;
  /** Names for node.status.images. */
  names: string[];
}

export interface UnpullableImage {
  ok: false;
  /** The CRI error text after "Failed to pull image …: ". */
  error: string;
}

const PUBLIC_REGISTRIES = new Set([
  "docker.io", "registry.k8s.io", "k8s.gcr.io", "gcr.io", "us-docker.pkg.dev", "quay.io", "ghcr.io", "mcr.microsoft.com", "public.ecr.aws", "registry.gitlab.com",
]);

const PULLS = new Map<string, PullableImage | UnpullableImage>();

/** What pulling `ref` gives: the image, or containerd's error. */
export function resolvePull(ref: ImageRef): PullableImage | UnpullableImage {
  let r = PULLS.get(ref.raw);
  if (!r) {
    if (PULLS.size > 5000) PULLS.clear();
    PULLS.set(ref.raw, (r = resolvePullUncached(ref)));
  }
  return r;
}

function resolvePullUncached(ref: ImageRef): PullableImage | UnpullableImage {
  const prefix = `failed to pull and unpack image ${JSON.stringify(ref.full)}: failed to resolve reference ${JSON.stringify(ref.full)}`;
  const entry = BY_REPO.get(ref.repo);
  if (entry) {
    const tag = ref.tag ?? (ref.digest ? undefined : "latest");
    if (ref.digest) {
      // A digest resolves only if it is the digest of one of the repository's tags we can name.
      const candidates = [tag, ...entry.names, ...entry.versions].filter((t): t is string => !!t);
      const found = candidates.find((t) => imageDigest(ref.repo, t) === ref.digest);
      if (!found) return { ok: false, error: `rpc error: code = NotFound desc = ${prefix}: ${ref.full}: not found` };
      return pullable(entry, ref, found);
    }
    const t = tagExists(entry, tag!);
    if (!t.ok) return { ok: false, error: `rpc error: code = NotFound desc = ${prefix}: ${ref.full}: not found` };
    return pullable(entry, ref, tag!, t.variant);
  }
  if (ref.domain === "docker.io") {
    return {
      ok: false,
      error: `rpc error: code = Unknown desc = ${prefix}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`,
    };
  }
  if (ref.domain === "ghcr.io" || ref.domain === "quay.io" || ref.domain === "gcr.io" || ref.domain === "registry.gitlab.com") {
    const scope = encodeURIComponent(`repository:${ref.path}:pull`);
    const tokenUrl = ref.domain === "gcr.io" ? `https://gcr.io/v2/token?scope=${scope}&service=gcr.io` : `https://${ref.domain}/token?scope=${scope}&service=${ref.domain}`;
    return { ok: false, error: `rpc error: code = Unknown desc = ${prefix}: failed to authorize: failed to fetch anonymous token: unexpected status from GET request to ${tokenUrl}: 401 Unauthorized` };
  }
  if (PUBLIC_REGISTRIES.has(ref.domain)) return { ok: false, error: `rpc error: code = NotFound desc = ${prefix}: ${ref.full}: not found` };
  const manifest = `https://${ref.domain}/v2/${ref.path}/manifests/${ref.digest ?? ref.tag ?? "latest"}`;
  const host = ref.domain.replace(/:\d+$/, "");
  const port = /:(\d+)$/.exec(ref.domain)?.[1] ?? "443";
  const dial =
    host === "localhost" || host === "127.0.0.1"
      ? `dial tcp 127.0.0.1:${port}: connect: connection refused`
      : /^\d+\.\d+\.\d+\.\d+$/.test(host)
        ? `dial tcp ${host}:${port}: i/o timeout`
        : `dial tcp: lookup ${host} on 127.0.0.53:53: no such host`;
  return { ok: false, error: `rpc error: code = Unknown desc = ${prefix}: failed to do request: Head ${JSON.stringify(manifest)}: ${dial}` };
}

function pullable(entry: CatalogEntry, ref: ImageRef, tag: string, variant?: string): PullableImage {
  const digest = ref.digest ?? imageDigest(ref.repo, tag);
  const sizeBytes = (variant && entry.spec.variantSizes?.[variant]) || (/alpine/.test(tag) && entry.spec.variantSizes?.["-alpine"]) || entry.spec.sizeBytes;
  const image = ref.digest && !ref.tag ? `${ref.repo}@${digest}` : `${ref.repo}:${tag}`;
  const imageID = `${ref.repo}@${digest}`;
  return { ok: true, image, imageID, sizeBytes, names: ref.digest && !ref.tag ? [imageID] : [imageID, image] };
}

/** Whether a node's status.images lists this reference (by tag or digest). */
export function nodeHasImage(nodeImages: ReadonlyArray<{ names?: string[] }> | undefined, ref: ImageRef): { present: boolean; imageID?: string; sizeBytes?: number } {
  const wanted = ref.digest ? `${ref.repo}@${ref.digest}` : ref.full;
  for (const img of nodeImages ?? []) {
    const names = img.names ?? [];
    if (names.includes(wanted)) {
      const id = names.find((n) => n.includes("@sha256:"));
      return { present: true, imageID: id, sizeBytes: (img as { sizeBytes?: number }).sizeBytes };
    }
  }
  return { present: false };
}

/** Node status keeps at most this many images (kubelet's nodeStatusMaxImages). */
export const NODE_STATUS_MAX_IMAGES = 50;
