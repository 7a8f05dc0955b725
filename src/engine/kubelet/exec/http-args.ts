// What a wget or curl command line asks for: the options the simulation honours and the URL (the
// first operand). One reading for `kubectl exec` (network.ts), container scripts (shell.ts) and the
// load that client loops put on Services (traffic.ts).

export interface Url {
  scheme: string;
  host: string;
  port: number;
  path: string;
}

/** A URL as both clients take it: a bare host means http://host/. */
export function parseUrl(raw: string): Url | undefined {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)/.exec(raw);
  if (!m) return undefined;
  const scheme = (m[1] ?? "http").toLowerCase();
  return { scheme, host: m[2], port: m[3] ? Number(m[3]) : scheme === "https" ? 443 : 80, path: m[4] || "/" };
}

export interface WgetArgs {
  quiet: boolean;
  /** -O / --output-document ("-": stdout). */
  output?: string;
  spider: boolean;
  operands: string[];
}

/** busybox wget's short options that take a value (the rest of the cluster, or the next word). */
const WGET_SHORT_VALUES = new Set(["O", "o", "P", "T", "U", "Y", "e"]);
const WGET_LONG_VALUES = new Set(["--output-document", "--output-file", "--directory-prefix", "--timeout", "--user-agent", "--header", "--post-data", "--post-file", "--proxy"]);

export function wgetArgs(args: readonly string[]): WgetArgs {
  const out: WgetArgs = { quiet: false, spider: false, operands: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = eq < 0 ? a : a.slice(0, eq);
      const value = eq < 0 ? (WGET_LONG_VALUES.has(name) ? args[++i] : undefined) : a.slice(eq + 1);
      if (name === "--output-document") out.output = value;
      else if (name === "--spider") out.spider = true;
      else if (name === "--quiet") out.quiet = true;
    } else if (a === "-") {
      continue;
    } else if (a.startsWith("-")) {
      // A cluster of short options; one that takes a value takes the rest of the cluster, or the next word.
      for (let k = 1; k < a.length; k++) {
        if (a[k] === "q") out.quiet = true;
        else if (WGET_SHORT_VALUES.has(a[k])) {
          const value = k + 1 < a.length ? a.slice(k + 1) : args[++i];
          if (a[k] === "O") out.output = value;
          break;
        }
      }
    } else out.operands.push(a);
  }
  return out;
}

export interface CurlArgs {
  silent: boolean;
  showError: boolean;
  head: boolean;
  failOnError: boolean;
  include: boolean;
  operands: string[];
}

/** curl's short options that take a value. */
const CURL_SHORT_VALUES = new Set(["o", "m", "H", "X", "d", "A", "w", "u", "b", "c", "e", "T", "x", "F", "r"]);
const CURL_LONG_VALUES = new Set(["--output", "--max-time", "--header", "--request", "--data", "--data-raw", "--data-binary", "--user-agent", "--connect-timeout", "--write-out", "--user", "--cookie", "--cookie-jar", "--referer", "--retry", "--proxy", "--form", "--range"]);
const CURL_LONG_FLAGS: Record<string, keyof CurlArgs> = { "--silent": "silent", "--show-error": "showError", "--head": "head", "--fail": "failOnError", "--include": "include" };
const CURL_SHORT_FLAGS: Record<string, keyof CurlArgs> = { s: "silent", S: "showError", I: "head", f: "failOnError", i: "include" };

export function curlArgs(args: readonly string[]): CurlArgs {
  const out: CurlArgs = { silent: false, showError: false, head: false, failOnError: false, include: false, operands: [] };
  const set = (flag: keyof CurlArgs | undefined) => {
    if (flag && flag !== "operands") out[flag] = true;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith("--")) {
      if (CURL_LONG_VALUES.has(a)) i++;
      else set(CURL_LONG_FLAGS[a]);
    } else if (a === "-") {
      continue;
    } else if (a.startsWith("-")) {
      for (let k = 1; k < a.length; k++) {
        if (CURL_SHORT_VALUES.has(a[k])) {
          if (k + 1 === a.length) i++;
          break;
        }
        set(CURL_SHORT_FLAGS[a[k]]);
      }
    } else out.operands.push(a);
  }
  return out;
}

/** The URL word of a wget or curl command line (its first operand; undefined when there is none). */
export function requestUrl(program: string, args: readonly string[]): string | undefined {
  return (program === "curl" ? curlArgs(args) : wgetArgs(args)).operands[0];
}
