// The API server's view of an HTTP request and response, free of any HTTP framework.
import type { UserInfo } from "../kinds/types";
import { badRequest } from "../machinery/status";

export interface ApiRequest {
  method: string;
  /** Path below the cluster's server URL, e.g. "/api/v1/namespaces/default/pods". */
  path: string;
  query: URLSearchParams;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
  body?: Uint8Array;
  user: UserInfo;
  /** Simulated time of the request. */
  nowMs: number;
}

export interface WatchEvent {
  type: "ADDED" | "MODIFIED" | "DELETED" | "BOOKMARK" | "ERROR";
  object: unknown;
}

/** A watch the host turns into a streaming response. */
export interface WatchStream {
  /** Events to send before any live ones. */
  initial: WatchEvent[];
  /** Register for live events; returns the unsubscribe function. `end` closes the stream. */
  subscribe(send: (e: WatchEvent) => void, end: () => void): () => void;
  /** Close after this long (timeoutSeconds). */
  timeoutMs: number;
  /** Send a BOOKMARK this often, if the client allowed bookmarks. */
  bookmarkEveryMs?: number;
  bookmark?: () => WatchEvent;
}

export type ApiResponse =
  | { status: number; body: unknown; contentType?: string; headers?: Record<string, string> }
  | { status: 200; watch: WatchStream; contentType: string; headers?: Record<string, string> };

/** Where a resource request points (k8s.io/apiserver/pkg/endpoints/request.RequestInfo). */
export interface ResourceRequestInfo {
  group: string;
  version: string;
  namespace?: string;
  resource: string;
  name?: string;
  subresource?: string;
}

const NAMESPACE_SUBRESOURCES = new Set(["status", "finalize"]);

/** Parses /api/v1/... and /apis/g/v/... into resource coordinates; undefined for other paths. */
export function parseResourcePath(path: string): ResourceRequestInfo | undefined {
  const parts = path.split("/").filter(Boolean).map(decodePathSegment);
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === "api" && parts.length >= 3) {
    group = "";
    version = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === "apis" && parts.length >= 4) {
    group = parts[1];
    version = parts[2];
    rest = parts.slice(3);
  } else return undefined;
  let namespace: string | undefined;
  if (rest[0] === "namespaces" && rest.length > 1) {
    if (rest.length > 2 && !NAMESPACE_SUBRESOURCES.has(rest[2])) {
      namespace = rest[1];
      rest = rest.slice(2);
    }
  }
  if (rest.length > 3) return undefined;
  return { group, version, namespace, resource: rest[0], name: rest[1], subresource: rest[2] };
}

const utf8 = new TextDecoder();

/** Percent-decodes one path segment like Go's url.PathUnescape: a bad escape is a 400, bytes that are not UTF-8 stay harmless. */
function decodePathSegment(segment: string): string {
  const bad = /%(?![0-9a-fA-F]{2})[^%]{0,2}/.exec(segment);
  if (bad) throw badRequest(`invalid URL escape ${JSON.stringify(bad[0])}`);
  // Runs of escapes become bytes, decoded as UTF-8 (invalid sequences turn into U+FFFD).
  return segment.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => utf8.decode(new Uint8Array(run.slice(1).split("%").map((h) => parseInt(h, 16)))));
}
