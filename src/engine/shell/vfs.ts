// The per-sandbox virtual filesystem: files and directories in memory, persisted by the host
// through rows ({path, content}; content null is a directory) and `takeChanges()`.
// /dev/null, /dev/stdin, /dev/stdout, /dev/stderr exist but are never stored.
import { LIMITS } from "../limits";
import type { ShellFs, ShellFsStat, VfsChanges, VfsRow } from "./types";

const L = LIMITS.shell;

/** A filesystem error; `message` is the errno text as coreutils print it. */
export class VfsError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

export const ENOENT = "No such file or directory";
export const EISDIR = "Is a directory";
export const ENOTDIR = "Not a directory";
export const EEXIST = "File exists";
export const ENOTEMPTY = "Directory not empty";
export const EFBIG = "File too large";
export const ENOSPC = "No space left on device";
export const EACCES = "Permission denied";
export const EINVAL = "Invalid argument";
export const ENAMETOOLONG = "File name too long";

interface Node {
  type: "file" | "dir";
  content: string;
  mtimeMs: number;
}

const DEVICES = new Set(["/dev/null", "/dev/stdin", "/dev/stdout", "/dev/stderr", "/dev/tty"]);
const SYSTEM_DIRS = ["/", "/root", "/tmp", "/dev", "/etc", "/home", "/usr", "/usr/bin", "/bin", "/var", "/var/log"];

/** UTF-8 size of a string without allocating. */
export function byteLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Normalises an absolute path: collapses `//`, `.` and `..`. */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return "/" + out.join("/");
}

function parentOf(path: string): string {
  const i = path.lastIndexOf("/");
  return i <= 0 ? "/" : path.slice(0, i);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

export class Vfs implements ShellFs {
  private nodes = new Map<string, Node>();
  private changed = new Set<string>();
  private totalBytes = 0;
  /** The clock used for modification times (the host's simulated time). */
  now: () => number;

  constructor(rows: VfsRow[] = [], now: () => number = () => 0) {
    this.now = now;
    for (const d of SYSTEM_DIRS) this.nodes.set(d, { type: "dir", content: "", mtimeMs: 0 });
    this.load(rows);
  }

  /**
   * Loads stored rows (or a lesson's seed files) without marking them changed. Parent directories
   * are created as needed; rows past the limits are skipped.
   */
  load(rows: VfsRow[]): void {
    const sorted = [...rows].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const row of sorted) {
      const path = normalizePath(row.path.startsWith("/") ? row.path : "/root/" + row.path);
      if (path === "/" || DEVICES.has(path) || path.length > L.maxPathBytes) continue;
      const mtimeMs = row.mtimeMs ?? 0;
      // Parents first.
      const parts = path.split("/").slice(1, -1);
      let cur = "";
      let ok = true;
      for (const p of parts) {
        cur += "/" + p;
        const n = this.nodes.get(cur);
        if (!n) {
          if (this.nodes.size >= L.maxFiles) ok = false;
          else this.nodes.set(cur, { type: "dir", content: "", mtimeMs });
        } else if (n.type !== "dir") ok = false;
        if (!ok) break;
      }
      if (!ok) continue;
      const existing = this.nodes.get(path);
      if (row.content === null || row.content === undefined) {
        if (!existing && this.nodes.size < L.maxFiles) this.nodes.set(path, { type: "dir", content: "", mtimeMs });
        continue;
      }
      const size = byteLength(row.content);
      if (size > L.maxFileBytes || this.totalBytes + size > L.maxTotalBytes) continue;
      if (existing?.type === "dir") continue;
      if (!existing && this.nodes.size >= L.maxFiles) continue;
      if (existing) this.totalBytes -= byteLength(existing.content);
      this.nodes.set(path, { type: "file", content: row.content, mtimeMs });
      this.totalBytes += size;
    }
  }

  /** Every stored entry (system directories and devices excluded), sorted by path. */
  rows(): VfsRow[] {
    const out: VfsRow[] = [];
    for (const [path, n] of [...this.nodes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (SYSTEM_DIRS.includes(path)) continue;
      out.push({ path, content: n.type === "dir" ? null : n.content, mtimeMs: n.mtimeMs });
    }
    return out;
  }

  /** Rows written and paths deleted since the last call (in path order). */
  takeChanges(): VfsChanges {
    const upserts: VfsRow[] = [];
    const deletes: string[] = [];
    for (const path of [...this.changed].sort()) {
      const n = this.nodes.get(path);
      if (n) upserts.push({ path, content: n.type === "dir" ? null : n.content, mtimeMs: n.mtimeMs });
      else deletes.push(path);
    }
    this.changed.clear();
    return { upserts, deletes };
  }

  /** Bytes held by all files. */
  get usedBytes(): number {
    return this.totalBytes;
  }

  /** Files and directories held. */
  get entryCount(): number {
    return this.nodes.size;
  }

  resolve(cwd: string, path: string): string {
    if (path === "~" || path.startsWith("~/")) path = "/root" + path.slice(1);
    return normalizePath(path.startsWith("/") ? path : cwd + "/" + path);
  }

  /** A path's parent must exist and be a directory. */
  private checkParent(path: string): void {
    let cur = "";
    const parts = path.split("/").slice(1, -1);
    for (const p of parts) {
      cur += "/" + p;
      const n = this.nodes.get(cur);
      if (!n) throw new VfsError(ENOENT, path);
      if (n.type !== "dir") throw new VfsError(ENOTDIR, path);
    }
  }

  private lookup(path: string): Node | undefined {
    this.checkParent(path);
    return this.nodes.get(path);
  }

  stat(path: string): ShellFsStat | undefined {
    path = normalizePath(path);
    if (DEVICES.has(path)) return { type: "file", size: 0, mtimeMs: 0 };
    let n: Node | undefined;
    try {
      n = this.lookup(path);
    } catch {
      return undefined;
    }
    if (!n) return undefined;
    return { type: n.type, size: n.type === "dir" ? 4096 : byteLength(n.content), mtimeMs: n.mtimeMs };
  }

  readFile(path: string): string {
    path = normalizePath(path);
    if (DEVICES.has(path)) return "";
    const n = this.lookup(path);
    if (!n) throw new VfsError(ENOENT, path);
    if (n.type === "dir") throw new VfsError(EISDIR, path);
    return n.content;
  }

  writeFile(path: string, content: string, append = false): void {
    path = normalizePath(path);
    if (DEVICES.has(path)) return;
    if (path.length > L.maxPathBytes) throw new VfsError(ENAMETOOLONG, path);
    if (path === "/") throw new VfsError(EISDIR, path);
    const n = this.lookup(path);
    if (n?.type === "dir") throw new VfsError(EISDIR, path);
    const old = n ? byteLength(n.content) : 0;
    const next = append && n ? n.content + content : content;
    const size = append ? old + byteLength(content) : byteLength(content);
    if (size > L.maxFileBytes) throw new VfsError(EFBIG, path);
    if (this.totalBytes - old + size > L.maxTotalBytes) throw new VfsError(ENOSPC, path);
    if (!n && this.nodes.size >= L.maxFiles) throw new VfsError(ENOSPC, path);
    this.nodes.set(path, { type: "file", content: next, mtimeMs: this.now() });
    this.totalBytes += size - old;
    this.changed.add(path);
  }

  mkdir(path: string, parents = false): void {
    path = normalizePath(path);
    if (path.length > L.maxPathBytes) throw new VfsError(ENAMETOOLONG, path);
    if (parents) {
      let cur = "";
      for (const p of path.split("/").slice(1)) {
        if (!p) continue;
        cur += "/" + p;
        const n = this.nodes.get(cur);
        if (n?.type === "file") throw new VfsError(ENOTDIR, path);
        if (!n) this.addDir(cur, path);
      }
      return;
    }
    const n = this.lookup(path);
    if (n) throw new VfsError(EEXIST, path);
    this.addDir(path, path);
  }

  private addDir(path: string, forError: string): void {
    if (this.nodes.size >= L.maxFiles) throw new VfsError(ENOSPC, forError);
    this.nodes.set(path, { type: "dir", content: "", mtimeMs: this.now() });
    this.changed.add(path);
  }

  private children(path: string): string[] {
    const prefix = path === "/" ? "/" : path + "/";
    const out: string[] = [];
    for (const p of this.nodes.keys()) if (p.startsWith(prefix) && p !== path) out.push(p);
    return out;
  }

  readdir(path: string): string[] {
    path = normalizePath(path);
    const n = this.lookup(path);
    if (!n) throw new VfsError(ENOENT, path);
    if (n.type !== "dir") throw new VfsError(ENOTDIR, path);
    const prefix = path === "/" ? "/" : path + "/";
    const names: string[] = [];
    for (const p of this.nodes.keys()) {
      if (p.startsWith(prefix) && p !== path && !p.slice(prefix.length).includes("/")) names.push(p.slice(prefix.length));
    }
    if (path === "/dev") names.push("null", "stderr", "stdin", "stdout", "tty");
    return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  remove(path: string, recursive = false): void {
    path = normalizePath(path);
    const n = this.lookup(path);
    if (!n) throw new VfsError(ENOENT, path);
    if (SYSTEM_DIRS.includes(path) || DEVICES.has(path)) throw new VfsError(EACCES, path);
    if (n.type === "dir") {
      const kids = this.children(path);
      if (kids.length && !recursive) throw new VfsError(ENOTEMPTY, path);
      for (const k of kids) this.drop(k);
    }
    this.drop(path);
  }

  private drop(path: string): void {
    const n = this.nodes.get(path);
    if (!n) return;
    if (n.type === "file") this.totalBytes -= byteLength(n.content);
    this.nodes.delete(path);
    this.changed.add(path);
  }

  rename(from: string, to: string): void {
    from = normalizePath(from);
    to = normalizePath(to);
    const n = this.lookup(from);
    if (!n) throw new VfsError(ENOENT, from);
    if (SYSTEM_DIRS.includes(from)) throw new VfsError(EACCES, from);
    if (from === to) return;
    if (n.type === "dir" && to.startsWith(from + "/")) throw new VfsError(EINVAL, to);
    const dest = this.lookup(to);
    if (dest?.type === "dir" && n.type === "file") throw new VfsError(EISDIR, to);
    if (dest?.type === "file" && n.type === "dir") throw new VfsError(ENOTDIR, to);
    if (dest?.type === "dir" && this.children(to).length) throw new VfsError(ENOTEMPTY, to);
    if (dest) this.drop(to);
    const moves: [string, string][] = [[from, to]];
    if (n.type === "dir") for (const k of this.children(from)) moves.push([k, to + k.slice(from.length)]);
    for (const [a, b] of moves) {
      const node = this.nodes.get(a)!;
      this.nodes.delete(a);
      this.changed.add(a);
      this.nodes.set(b, node);
      this.changed.add(b);
    }
  }

  /** Copies a file (directories: the caller walks them). */
  copy(from: string, to: string): void {
    const content = this.readFile(from);
    this.writeFile(to, content);
  }

  touch(path: string): void {
    path = normalizePath(path);
    if (DEVICES.has(path)) return;
    const n = this.lookup(path);
    if (!n) return this.writeFile(path, "");
    n.mtimeMs = this.now();
    this.changed.add(path);
  }

  static baseName = baseName;
  static parentOf = parentOf;
}
