// The orderings the Endpoints and EndpointSlice controllers give ports and subsets. Kubernetes 1.32
// sorts them by the MD5 of the Go value as k8s.io/utils/dump.ForHash prints it (go-spew, "%#v"
// with types), so `kubectl get ep`/`get endpointslice` show ports in an order that looks random but
// is fixed: kube-dns's Endpoints list dns-tcp, dns, metrics and its EndpointSlice metrics, dns,
// dns-tcp ("9153,53,53"). We print the same text for the few types involved and hash it the same way.

export interface CorePort {
  name?: string;
  port?: number;
  protocol?: string;
  appProtocol?: string;
}

export interface CoreAddress {
  ip?: string;
  hostname?: string;
  nodeName?: string;
  targetRef?: { kind?: string; namespace?: string; name?: string; uid?: string; apiVersion?: string; resourceVersion?: string; fieldPath?: string };
}

export interface CoreSubset {
  addresses?: CoreAddress[];
  notReadyAddresses?: CoreAddress[];
  ports?: CorePort[];
}

export interface DiscoveryPort {
  name?: string;
  port?: number;
  protocol?: string;
  appProtocol?: string;
}

// ---------------------------------------------------------------------------------------------
// MD5 (RFC 1321), over the UTF-8 bytes of a string, as lowercase hex.
// ---------------------------------------------------------------------------------------------

const S = [7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21];
const K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

export function md5Hex(text: string): string {
  const input = new TextEncoder().encode(text);
  const bitLen = input.length * 8;
  const padded = new Uint8Array((((input.length + 8) >> 6) + 1) << 6);
  padded.set(input);
  padded[input.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, bitLen >>> 0, true);
  view.setUint32(padded.length - 4, Math.floor(bitLen / 2 ** 32), true);
  let a0 = 0x67452301;
  let b0 = 0xefcdab89;
  let c0 = 0x98badcfe;
  let d0 = 0x10325476;
  const m = new Uint32Array(16);
  for (let off = 0; off < padded.length; off += 64) {
    for (let i = 0; i < 16; i++) m[i] = view.getUint32(off + i * 4, true);
    let a = a0;
    let b = b0;
    let c = c0;
    let d = d0;
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) {
        f = (b & c) | (~b & d);
        g = i;
      } else if (i < 32) {
        f = (d & b) | (~d & c);
        g = (5 * i + 1) % 16;
      } else if (i < 48) {
        f = b ^ c ^ d;
        g = (3 * i + 5) % 16;
      } else {
        f = c ^ (b | ~d);
        g = (7 * i) % 16;
      }
      const sum = (a + f + K[i] + m[g]) >>> 0;
      a = d;
      d = c;
      c = b;
      b = (b + ((sum << S[i]) | (sum >>> (32 - S[i])))) >>> 0;
    }
    a0 = (a0 + a) >>> 0;
    b0 = (b0 + b) >>> 0;
    c0 = (c0 + c) >>> 0;
    d0 = (d0 + d) >>> 0;
  }
  let out = "";
  for (const w of [a0, b0, c0, d0]) for (let i = 0; i < 4; i++) out += ((w >>> (8 * i)) & 0xff).toString(16).padStart(2, "0");
  return out;
}

// ---------------------------------------------------------------------------------------------
// go-spew "%#v" of the structs involved (types shown, pointers followed, no addresses).
// ---------------------------------------------------------------------------------------------

const ptrStr = (v: string | undefined) => (v === undefined ? "(*string)<nil>" : `(*string)${v}`);

function spewCorePort(p: CorePort): string {
  return `{Name:(string)${p.name ?? ""} Port:(int32)${p.port ?? 0} Protocol:(v1.Protocol)${p.protocol ?? ""} AppProtocol:${ptrStr(p.appProtocol)}}`;
}

function spewDiscoveryPort(p: DiscoveryPort): string {
  const name = p.name === undefined ? "(*string)<nil>" : `(*string)${p.name}`;
  const proto = p.protocol === undefined ? "(*v1.Protocol)<nil>" : `(*v1.Protocol)${p.protocol}`;
  const port = p.port === undefined ? "(*int32)<nil>" : `(*int32)${p.port}`;
  return `{Name:${name} Protocol:${proto} Port:${port} AppProtocol:${ptrStr(p.appProtocol)}}`;
}

function spewAddress(a: CoreAddress): string {
  const r = a.targetRef;
  const ref = r
    ? `(*v1.ObjectReference){Kind:(string)${r.kind ?? ""} Namespace:(string)${r.namespace ?? ""} Name:(string)${r.name ?? ""} UID:(types.UID)${r.uid ?? ""} APIVersion:(string)${r.apiVersion ?? ""} ResourceVersion:(string)${r.resourceVersion ?? ""} FieldPath:(string)${r.fieldPath ?? ""}}`
    : "(*v1.ObjectReference)<nil>";
  return `{IP:(string)${a.ip ?? ""} Hostname:(string)${a.hostname ?? ""} NodeName:${ptrStr(a.nodeName)} TargetRef:${ref}}`;
}

function spewList<T>(type: string, xs: T[] | undefined, item: (x: T) => string): string {
  return xs === undefined ? `(${type})<nil>` : `(${type})[${xs.map(item).join(" ")}]`;
}

function spewSubset(s: CoreSubset): string {
  return `(v1.EndpointSubset){Addresses:${spewList("[]v1.EndpointAddress", s.addresses, spewAddress)} NotReadyAddresses:${spewList("[]v1.EndpointAddress", s.notReadyAddresses, spewAddress)} Ports:${spewList("[]v1.EndpointPort", s.ports, spewCorePort)}}`;
}

/** Hashes of the few distinct texts a cluster's controllers hash again on every pass. */
const memo = new Map<string, string>();
const MEMO_MAX = 4096;

function cachedMd5(text: string): string {
  let h = memo.get(text);
  if (h === undefined) {
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(text, (h = md5Hex(text)));
  }
  return h;
}

function sortByHash<T>(xs: T[], text: (x: T) => string, hash: (s: string) => string = cachedMd5): T[] {
  if (xs.length < 2) return [...xs];
  const keyed = xs.map((x) => ({ x, h: hash(text(x)) }));
  keyed.sort((a, b) => (a.h < b.h ? -1 : a.h > b.h ? 1 : 0));
  return keyed.map((k) => k.x);
}

/** portsByHash: the order of an Endpoints subset's ports. */
export function sortCorePorts(ports: CorePort[]): CorePort[] {
  return sortByHash(ports, (p) => `(v1.EndpointPort)${spewCorePort(p)}`);
}

/** portsInOrder (NewPortMapKey): the order of an EndpointSlice's ports. */
export function sortDiscoveryPorts(ports: DiscoveryPort[]): DiscoveryPort[] {
  return sortByHash(ports, (p) => `(v1.EndpointPort)${spewDiscoveryPort(p)}`);
}

/** A key naming a set of ports regardless of their order (PortMapKey). */
export function portMapKey(ports: DiscoveryPort[] | undefined | null): string {
  return cachedMd5(`([]v1.EndpointPort)[${sortDiscoveryPorts(ports ?? []).map(spewDiscoveryPort).join(" ")}]`);
}

/** bytes.Compare on the IPs, then the target's UID (LessEndpointAddress). */
function lessAddress(a: CoreAddress, b: CoreAddress): number {
  const ia = a.ip ?? "";
  const ib = b.ip ?? "";
  if (ia !== ib) return ia < ib ? -1 : 1;
  if (!a.targetRef || !b.targetRef) return (a.targetRef ? 1 : 0) - (b.targetRef ? 1 : 0);
  const ua = a.targetRef.uid ?? "";
  const ub = b.targetRef.uid ?? "";
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

const portKey = (p: CorePort) => `${p.name ?? ""}\u0000${p.port ?? 0}\u0000${p.protocol ?? ""}\u0000${p.appProtocol ?? "\u0001"}`;
const addrKey = (a: CoreAddress) => `${a.ip ?? ""}\u0000${a.targetRef?.uid ?? ""}`;

/**
 * endpoints.RepackSubsets: expands subsets to (address, port, ready) triples and packs them again
 * into the canonical layout — one subset per distinct set of addresses, sorted addresses, ports
 * and subsets. A not-ready address wins over a ready one for the same port.
 */
export function repackSubsets(subsets: CoreSubset[]): CoreSubset[] {
  const allAddrs = new Map<string, CoreAddress>();
  const portOrder: string[] = [];
  const byPort = new Map<string, { port: CorePort | undefined; addrs: Map<string, boolean> }>();
  const map = (port: CorePort | undefined, key: string, a: CoreAddress, ready: boolean) => {
    const k = addrKey(a);
    if (!allAddrs.has(k)) allAddrs.set(k, a);
    let entry = byPort.get(key);
    if (!entry) {
      byPort.set(key, (entry = { port, addrs: new Map() }));
      portOrder.push(key);
    }
    const was = entry.addrs.get(k);
    if (was === undefined || was) entry.addrs.set(k, ready);
  };
  for (const ss of subsets) {
    const ports: Array<CorePort | undefined> = ss.ports?.length ? ss.ports : [undefined];
    for (const port of ports) {
      const key = port ? portKey(port) : "\u0002sentinel";
      for (const a of ss.addresses ?? []) map(port, key, a, true);
      for (const a of ss.notReadyAddresses ?? []) map(port, key, a, false);
    }
  }
  const groups = new Map<string, { addrs: Map<string, boolean>; ports: CorePort[] | undefined }>();
  for (const key of portOrder) {
    const { port, addrs } = byPort.get(key)!;
    const sig = [...addrs.entries()].map(([k, r]) => `${k}\u0000${r}`).sort().join("\u0001");
    let g = groups.get(sig);
    if (!g) groups.set(sig, (g = { addrs, ports: undefined }));
    if (port) (g.ports ??= []).push(port);
  }
  const out: CoreSubset[] = [];
  for (const g of groups.values()) {
    const ready: CoreAddress[] = [];
    const notReady: CoreAddress[] = [];
    for (const [k, r] of g.addrs) (r ? ready : notReady).push(allAddrs.get(k)!);
    const ss: CoreSubset = {};
    if (ready.length) ss.addresses = ready.sort(lessAddress);
    if (notReady.length) ss.notReadyAddresses = notReady.sort(lessAddress);
    if (g.ports) ss.ports = sortCorePorts(g.ports);
    out.push(ss);
  }
  // Subsets embed every address: hashed afresh (rarely more than one), not kept.
  return sortByHash(out, spewSubset, md5Hex);
}
