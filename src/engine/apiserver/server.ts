// The Kubernetes REST API of one sandbox, as a pure function of (cluster state, request).
// The HTTP routes and kubectl emulation both call handle(): one behaviour, two doors.
import type { KindDef, KubeObject } from "../kinds/types";
import type { ApiRequest, ApiResponse } from "./request";
import { parseResourcePath } from "./request";
import { admissionContext, storageOf, type ClusterState } from "./context";
import { ApiError, badRequest, methodNotSupported, notAcceptable, notAllowed, notFound, resourceNotFound } from "../machinery/status";
import { parseBody, mediaType } from "./body";
import { createObject, updateObject, resourceRef, type WriteOptions, type WriteResult } from "./writes";
import { deleteObject, parseDeleteOptions } from "./deletes";
import { getObject, listBody, listObjects, parseListQuery } from "./reads";
import { partialObjectMetadata, tableVersionOf, toTable, wantsTable } from "./table";
import { watchObjects } from "./watch";
import { aggregatedDiscovery, AGGREGATED_V2, apiGroupDoc, apiGroupList, apiResourceList, apiVersions, wantsAggregated } from "./discovery";
import { openApiDocument, openApiIndex } from "./openapi";
import { applyPatch } from "../machinery/patch";
import { PatchError } from "../machinery/patch/errors";
import { patchMetaLookup } from "./schemas";
import { serverSideApply } from "./apply";
import { clone, getPath, setPath } from "../machinery/json";
import { formatLabelSelector, selectorFromLabelSelector, selectorFromSet, selectorToString } from "../machinery/labels";
import { decodeObject, type FieldValidation } from "./decode";
import { evictPod, bindPod, execPod } from "./pod-subresources";
import { boolParam, checkResourceVersionParam, int64Param, validateListOptions, validateTableOptions, validateWriteOptions } from "./query-options";
import { isCustomResourceKind } from "../kinds/apiextensions/crd";
import { authorizeResourceRequest, isImpersonated, withImpersonation } from "./impersonation";
import { OPENAPI_V2_PROTOBUF, openApiV2Json, openApiV2Protobuf, wantsOpenApiV2Protobuf } from "./openapi-v2";
import { podLogResponse } from "../kubelet/logs";

export const SERVER_VERSION = {
  major: "1",
  minor: "32",
  gitVersion: "v1.32.2",
  gitCommit: "67a30c0adcf52bd3f56ff0893ce19966be12991f",
  gitTreeState: "clean",
  buildDate: "2025-02-12T21:19:47Z",
  goVersion: "go1.23.6",
  compiler: "gc",
  platform: "linux/amd64",
};

const json = (status: number, body: unknown, headers?: Record<string, string>): ApiResponse => ({ status, body, headers });

export class ApiServer {
  constructor(private readonly state: ClusterState) {}

  handle(req: ApiRequest): ApiResponse {
    try {
      return this.route(withImpersonation(req, admissionContext(this.state, req.nowMs).list));
    } catch (e) {
      if (e instanceof ApiError) {
        // The real server answers some malformed patches and apply configurations with 500; bad
        // input must never look like a server failure here, so those become 400 with the same message.
        if (e.code >= 500) return json(400, new ApiError(400, "BadRequest", e.message, e.details).toStatus());
        return json(e.code, e.toStatus());
      }
      if (e instanceof PatchError) return json(e.code, new ApiError(e.code, e.code === 422 ? "Invalid" : "BadRequest", e.message).toStatus());
      throw e;
    }
  }

  private route(req: ApiRequest): ApiResponse {
    const path = req.path.replace(/\/+$/, "") || "/";
    // An empty segment (/api/v1/namespaces//pods) names nothing.
    if (path.includes("//")) throw resourceNotFound();
    const accept = req.headers["accept"];
    if (path === "/version") return json(200, SERVER_VERSION);
    if (path === "/healthz" || path === "/livez" || path === "/readyz") return { status: 200, body: "ok", contentType: "text/plain; charset=utf-8" };
    if (path === "/api") {
      if (wantsAggregated(accept)) return { status: 200, body: aggregatedDiscovery(this.state.kinds, true), contentType: AGGREGATED_V2 };
      return json(200, apiVersions());
    }
    if (path === "/apis") {
      if (wantsAggregated(accept)) return { status: 200, body: aggregatedDiscovery(this.state.kinds, false), contentType: AGGREGATED_V2 };
      return json(200, apiGroupList(this.state.kinds));
    }
    if (path === "/openapi/v2") {
      if (wantsOpenApiV2Protobuf(accept)) return { status: 200, body: openApiV2Protobuf(SERVER_VERSION.gitVersion), contentType: OPENAPI_V2_PROTOBUF };
      return json(200, openApiV2Json(SERVER_VERSION.gitVersion));
    }
    if (path === "/openapi/v3") return json(200, openApiIndex(this.state.kinds));
    if (path.startsWith("/openapi/v3/")) {
      const doc = openApiDocument(this.state.kinds, path.slice("/openapi/v3/".length));
      if (!doc) throw resourceNotFound();
      return { status: 200, body: doc.json, contentType: "application/json", headers: { etag: `"${doc.hash}"`, "cache-control": "public, immutable" } };
    }
    const parts = path.split("/").filter(Boolean);
    if (parts[0] === "api" && parts.length === 2) {
      const list = apiResourceList(this.state.kinds, "", parts[1]);
      if (!list) throw resourceNotFound();
      return json(200, list);
    }
    if (parts[0] === "apis" && parts.length === 2) {
      const g = apiGroupDoc(this.state.kinds, parts[1]);
      if (!g) throw resourceNotFound();
      return json(200, g);
    }
    if (parts[0] === "apis" && parts.length === 3) {
      const list = apiResourceList(this.state.kinds, parts[1], parts[2]);
      if (!list) throw resourceNotFound();
      return json(200, list);
    }
    const info = parseResourcePath(path);
    if (!info) throw resourceNotFound();
    const def = this.state.kinds.byResource(info.group, info.version, info.resource);
    if (!def) throw resourceNotFound();
    return this.resource(req, def, info.namespace, info.name, info.subresource);
  }

  private resource(req: ApiRequest, def: KindDef, namespace: string | undefined, name: string | undefined, subresource: string | undefined): ApiResponse {
    const ns = def.namespaced ? namespace : undefined;
    if (!def.namespaced && namespace) throw resourceNotFound();
    const q = req.query;
    const method = req.method.toUpperCase();
    const verbs = def.verbs;
    const allowed = (verb: string) => !verbs || verbs.includes(verb);
    if (isImpersonated(req)) authorizeResourceRequest(req, req.user, def, ns, name, subresource, admissionContext(this.state, req.nowMs).list);
    // The response type is negotiated before anything is done (NegotiateOutputMediaType), so a 406 never follows a write.
    this.checkAcceptable(req.headers["accept"]);
    if (wantsTable(req.headers["accept"])) validateTableOptions(q);

    if (subresource) return this.subresource(req, def, ns, name!, subresource);

    if (!name) {
      if (method === "GET") {
        if (boolParam(q, "watch")) {
          if (!allowed("watch")) throw methodNotSupported(resourceRef(def), "watch");
          return this.watch(req, def, ns);
        }
        if (!allowed("list")) throw methodNotSupported(resourceRef(def), "list");
        return this.list(req, def, ns);
      }
      if (method === "POST") {
        if (!allowed("create")) throw methodNotSupported(resourceRef(def), "create");
        return this.create(req, def, ns);
      }
      if (method === "DELETE") {
        if (!allowed("deletecollection")) throw methodNotSupported(resourceRef(def), "deletecollection");
        return this.deleteCollection(req, def, ns);
      }
      throw notAllowed();
    }

    switch (method) {
      case "GET":
        if (!allowed("get")) throw methodNotSupported(resourceRef(def), "get");
        checkResourceVersionParam(q.get("resourceVersion"));
        return this.respondObject(req, def, getObject(this.state, def, ns, name, req.nowMs));
      case "PUT":
        if (!allowed("update")) throw methodNotSupported(resourceRef(def), "update");
        return this.writeResponse(req, def, updateObject(this.state, { def, namespace: ns, name, opts: this.writeOptions(req, "UpdateOptions"), input: parseBody(req.body, req.headers["content-type"]) }));
      case "PATCH":
        if (!allowed("patch")) throw methodNotSupported(resourceRef(def), "patch");
        return this.patch(req, def, ns, name);
      case "DELETE": {
        if (!allowed("delete")) throw methodNotSupported(resourceRef(def), "delete");
        const body = req.body?.length ? parseBody(req.body, req.headers["content-type"]) : undefined;
        const r = deleteObject(this.state, def, ns, name, parseDeleteOptions(body, q, req.nowMs));
        return json(r.status, r.body);
      }
    }
    throw notAllowed();
  }

  /** The write's options from the query, validated like the real handlers (422 on `<Kind>Options.meta.k8s.io ""`). */
  private writeOptions(req: ApiRequest, kind: "CreateOptions" | "UpdateOptions" | "PatchOptions", apply = false): WriteOptions {
    validateWriteOptions(req.query, kind, apply);
    const fv = req.query.get("fieldValidation") || "Warn";
    const dryRun = req.query.getAll("dryRun");
    return { dryRun: dryRun.includes("All"), fieldValidation: fv as FieldValidation, fieldManager: req.query.get("fieldManager") ?? undefined, userAgent: req.headers["user-agent"], nowMs: req.nowMs };
  }

  private writeResponse(req: ApiRequest, def: KindDef, r: WriteResult): ApiResponse {
    const headers: Record<string, string> = {};
    if (r.warnings.length) headers["warning"] = r.warnings.map((w) => `299 - ${JSON.stringify(w)}`).join(", ");
    return this.respondObject(req, def, r.object, r.created ? 201 : 200, headers);
  }

  private respondObject(req: ApiRequest, def: KindDef, obj: KubeObject, status = 200, headers?: Record<string, string>): ApiResponse {
    const accept = req.headers["accept"];
    if (wantsTable(accept)) {
      const include = (req.query.get("includeObject") ?? "Metadata") as "None" | "Metadata" | "Object";
      return json(status, toTable(def, [obj], { resourceVersion: obj.metadata.resourceVersion ?? "" }, { nowMs: req.nowMs, includeObject: include }, tableVersionOf(accept)), headers);
    }
    if (accept && /as=PartialObjectMetadata;/.test(accept.split(",")[0])) return json(status, partialObjectMetadata(obj), headers);
    this.checkAcceptable(accept);
    return json(status, obj, headers);
  }

  private checkAcceptable(accept: string | undefined) {
    if (!accept) return;
    const ok = accept.split(",").some((a) => {
      const t = mediaType(a);
      return t === "application/json" || t === "*/*" || t === "application/*" || t === "application/yaml" || t === "application/vnd.kubernetes.protobuf" || t === "";
    });
    if (!ok) throw notAcceptable();
  }

  private list(req: ApiRequest, def: KindDef, ns: string | undefined): ApiResponse {
    validateListOptions(req.query, false);
    const q = parseListQuery(def, req.query);
    const r = listObjects(this.state, def, ns, q, req.nowMs);
    const accept = req.headers["accept"];
    if (wantsTable(accept)) {
      const meta: Record<string, unknown> = { resourceVersion: r.resourceVersion };
      if (r.continue) meta.continue = r.continue;
      if (r.remainingItemCount !== undefined) meta.remainingItemCount = r.remainingItemCount;
      const include = (req.query.get("includeObject") ?? "Metadata") as "None" | "Metadata" | "Object";
      const objects = r.items.map((o) => o);
      return json(200, toTable(def, objects, meta, { nowMs: req.nowMs, includeObject: include }, tableVersionOf(accept)));
    }
    this.checkAcceptable(accept);
    return json(200, listBody(def, r));
  }

  private watch(req: ApiRequest, def: KindDef, ns: string | undefined): ApiResponse {
    validateListOptions(req.query, true);
    const q = parseListQuery(def, req.query);
    const accept = req.headers["accept"];
    const table = wantsTable(accept);
    const include = (req.query.get("includeObject") ?? "Metadata") as "None" | "Metadata" | "Object";
    const tv = tableVersionOf(accept);
    const timeout = req.query.get("timeoutSeconds");
    const stream = watchObjects(this.state, def, {
      namespace: ns,
      query: q,
      resourceVersion: req.query.get("resourceVersion") ?? undefined,
      timeoutSeconds: timeout ? int64Param(req.query, "timeoutSeconds") : undefined,
      allowBookmarks: req.query.get("allowWatchBookmarks") === "true",
      render: (obj, first) =>
        // A live event is rendered while its change is written: its AGE is computed at that time (the API
        // server converts each event as it sends it), not at the watch's start.
        table ? toTable(def, [obj], { resourceVersion: obj.metadata.resourceVersion ?? "" }, { nowMs: Math.max(req.nowMs, this.state.nowMs ?? req.nowMs), includeObject: include, noHeaders: !first }, tv) : obj,
    });
    return { status: 200, watch: stream, contentType: "application/json" };
  }

  private create(req: ApiRequest, def: KindDef, ns: string | undefined): ApiResponse {
    const input = parseBody(req.body, req.headers["content-type"]);
    if (def.virtual?.create) {
      this.checkBodyKind(def, input);
      const obj = decodeObject(def, input, this.writeOptions(req, "CreateOptions").fieldValidation).object;
      if (def.namespaced) obj.metadata = { ...obj.metadata, namespace: ns };
      const out = def.virtual.create(obj, { ...admissionContext(this.state, req.nowMs), user: req.user });
      return json(201, out);
    }
    this.checkBodyKind(def, input);
    return this.writeResponse(req, def, createObject(this.state, def, ns, input, this.writeOptions(req, "CreateOptions")));
  }

  /** The body's apiVersion/kind must name the resource of the URL (when given). */
  private checkBodyKind(def: KindDef, input: unknown) {
    if (!input || typeof input !== "object" || Array.isArray(input)) return;
    const { apiVersion, kind } = input as { apiVersion?: unknown; kind?: unknown };
    const gv = def.group ? `${def.group}/${def.version}` : def.version;
    if (typeof kind === "string" && kind && kind !== def.kind) {
      throw badRequest(`the kind in the data (${kind}) does not match the kind of the resource (${def.kind}): send it to the ${kind} endpoint instead`);
    }
    if (typeof apiVersion === "string" && apiVersion && apiVersion !== gv) {
      // A version the scheme knows is refused by the handler (AcceptsGroupVersion); one it does not know fails decoding.
      const other = this.state.kinds.byApiVersionKind(apiVersion, def.kind);
      if (other || isCustomResourceKind(def)) throw badRequest(`the API version in the data (${apiVersion}) does not match the expected API version (${gv})`);
      const version = apiVersion.slice(apiVersion.lastIndexOf("/") + 1);
      throw badRequest(`${def.kind} in version ${JSON.stringify(version)} cannot be handled as a ${def.kind}: no kind ${JSON.stringify(def.kind)} is registered for version ${JSON.stringify(apiVersion)} in scheme "pkg/api/legacyscheme/scheme.go:30"`);
    }
  }

  private deleteCollection(req: ApiRequest, def: KindDef, ns: string | undefined): ApiResponse {
    validateListOptions(req.query, false);
    const q = parseListQuery(def, req.query);
    const body = req.body?.length ? parseBody(req.body, req.headers["content-type"]) : undefined;
    const opts = parseDeleteOptions(body, req.query, req.nowMs);
    const r = listObjects(this.state, def, ns, q, req.nowMs);
    const items: unknown[] = [];
    for (const o of r.items) {
      try {
        const d = deleteObject(this.state, def, o.metadata.namespace, o.metadata.name!, opts);
        items.push(d.body && (d.body as { kind?: string }).kind === "Status" ? o : d.body);
      } catch (e) {
        if (!(e instanceof ApiError && e.code === 404)) throw e;
      }
    }
    return json(200, listBody(def, { items: items as KubeObject[], resourceVersion: String(this.state.store.resourceVersion) }));
  }

  private patch(req: ApiRequest, def: KindDef, ns: string | undefined, name: string, subresource?: "status"): ApiResponse {
    const ct = mediaType(req.headers["content-type"]);
    // Custom resources have no strategic merge patch (the CRD handler does not offer it).
    const patchTypes = isCustomResourceKind(def)
      ? ["application/json-patch+json", "application/merge-patch+json", "application/apply-patch+yaml"]
      : ["application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json", "application/apply-patch+yaml"];
    if (!patchTypes.includes(ct)) {
      throw new ApiError(415, "UnsupportedMediaType", `the body of the request was in an unknown format - accepted media types include: ${patchTypes.join(", ")}`);
    }
    const opts = this.writeOptions(req, "PatchOptions", ct === "application/apply-patch+yaml");
    if (ct === "application/apply-patch+yaml") {
      const applied = parseApplyBody(req.body);
      const force = boolParam(req.query, "force") ?? false;
      if (!opts.fieldManager) {
        throw new ApiError(422, "Invalid", 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch', {
          group: "meta.k8s.io",
          kind: "PatchOptions",
          causes: [{ reason: "FieldValueRequired", message: "Required value: is required for apply patch", field: "fieldManager" }],
        });
      }
      return this.writeResponse(req, def, serverSideApply(this.state, { def, namespace: ns, name, applied, force, subresource, opts }));
    }
    const current = getObject(this.state, def, ns, name, req.nowMs);
    const patchBody = parseBody(req.body, "application/json");
    const patched = applyPatch(ct, clone(current), patchBody, patchMetaLookup(def)) as KubeObject;
    return this.writeResponse(req, def, updateObject(this.state, { def, namespace: ns, name, input: patched, subresource, opts }));
  }

  private subresource(req: ApiRequest, def: KindDef, ns: string | undefined, name: string, sub: string): ApiResponse {
    const method = req.method.toUpperCase();
    if (sub === "status" && def.statusSubresource) {
      if (method === "GET") return this.respondObject(req, def, getObject(this.state, def, ns, name, req.nowMs));
      if (method === "PUT") return this.writeResponse(req, def, updateObject(this.state, { def, namespace: ns, name, subresource: "status", opts: this.writeOptions(req, "UpdateOptions"), input: parseBody(req.body, req.headers["content-type"]) }));
      if (method === "PATCH") return this.patch(req, def, ns, name, "status");
      throw notAllowed();
    }
    if (sub === "scale" && def.scaleSubresource) return this.scale(req, def, ns, name);
    if (def.kind === "Pod" && !def.group) {
      if (sub === "log" && method === "GET") return podLogResponse(this.state, ns!, name, req.query, req.nowMs);
      if (sub === "exec" && (method === "POST" || method === "GET")) return json(200, execPod(this.state, ns!, name, req.query, req.headers, req.nowMs, req.body));
      if (sub === "eviction" && method === "POST") {
        const dryRun = this.writeOptions(req, "CreateOptions").dryRun;
        return json(201, evictPod(this.state, def, ns!, name, evictionBody(parseBody(req.body, req.headers["content-type"])), req.nowMs, dryRun));
      }
      if (sub === "binding" && method === "POST") {
        const bindingDef = this.state.kinds.byKind("", "v1", "Binding")!;
        const input = parseBody(req.body, req.headers["content-type"]);
        this.checkBodyKind(bindingDef, input);
        return json(201, bindPod(this.state, def, ns!, name, decodeObject(bindingDef, input, "Ignore").object, req.nowMs));
      }
    }
    if (def.kind === "Namespace" && sub === "finalize" && method === "PUT") {
      return this.writeResponse(req, def, updateObject(this.state, { def, namespace: undefined, name, opts: this.writeOptions(req, "UpdateOptions"), input: parseBody(req.body, req.headers["content-type"]) }));
    }
    throw resourceNotFound();
  }

  /** autoscaling/v1 Scale view of a workload's replicas. */
  private scaleOf(def: KindDef, obj: KubeObject): KubeObject {
    const s = def.scaleSubresource!;
    const selector = s.labelSelectorPath ? getPath(obj, s.labelSelectorPath) : obj.spec?.selector;
    let selectorString: string | undefined;
    if (typeof selector === "string") selectorString = selector;
    else if (selector && typeof selector === "object") {
      // ReplicationControllers select with a plain label map; the others with a LabelSelector.
      const sel = selector as Record<string, unknown>;
      const isLabelSelector = "matchLabels" in sel || "matchExpressions" in sel || Object.keys(sel).length === 0;
      selectorString = selectorToString(isLabelSelector ? selectorFromLabelSelector(sel as never) : selectorFromSet(sel as Record<string, string>));
    }
    const status: Record<string, unknown> = { replicas: (getPath(obj, s.statusReplicasPath) as number) ?? 0 };
    if (selectorString) status.selector = selectorString;
    return {
      kind: "Scale",
      apiVersion: "autoscaling/v1",
      metadata: {
        name: obj.metadata.name,
        namespace: obj.metadata.namespace,
        uid: obj.metadata.uid,
        resourceVersion: obj.metadata.resourceVersion,
        creationTimestamp: obj.metadata.creationTimestamp,
      },
      spec: { replicas: (getPath(obj, s.specReplicasPath) as number) ?? 0 },
      status,
    };
  }

  private scale(req: ApiRequest, def: KindDef, ns: string | undefined, name: string): ApiResponse {
    const method = req.method.toUpperCase();
    const current = getObject(this.state, def, ns, name, req.nowMs);
    const scale = this.scaleOf(def, current);
    if (method === "GET") return json(200, scale);
    let desired: KubeObject;
    if (method === "PUT") desired = parseBody(req.body, req.headers["content-type"] || "application/json") as KubeObject;
    else if (method === "PATCH") {
      const ct = mediaType(req.headers["content-type"]);
      desired = applyPatch(ct, clone(scale), parseBody(req.body, "application/json"), () => undefined) as KubeObject;
    } else throw notAllowed();
    const replicas = desired?.spec?.replicas;
    if (replicas !== undefined && (typeof replicas !== "number" || !Number.isInteger(replicas))) {
      throw badRequest(`Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal ${typeof replicas} into Go struct field ScaleSpec.spec.replicas of type int32`);
    }
    if (typeof replicas === "number" && replicas < 0) {
      throw new ApiError(422, "Invalid", `Scale.autoscaling "${name}" is invalid: spec.replicas: Invalid value: ${replicas}: must be greater than or equal to 0`, {
        name,
        group: "autoscaling",
        kind: "Scale",
        causes: [{ reason: "FieldValueInvalid", message: `Invalid value: ${replicas}: must be greater than or equal to 0`, field: "spec.replicas" }],
      });
    }
    const rv = desired?.metadata?.resourceVersion;
    const updated = clone(current);
    if (rv) updated.metadata.resourceVersion = rv;
    else delete updated.metadata.resourceVersion;
    setPath(updated, def.scaleSubresource!.specReplicasPath, replicas ?? 0);
    const r = updateObject(this.state, { def, namespace: ns, name, input: updated, opts: this.writeOptions(req, method === "PATCH" ? "PatchOptions" : "UpdateOptions") });
    return json(200, this.scaleOf(def, r.object));
  }
}

export { storageOf, formatLabelSelector, notFound };

/** A policy/v1 Eviction body, type-checked the way the decoder would (the rest is ignored, as in the real server). */
function evictionBody(input: unknown): unknown {
  const prefix = 'Eviction in version "v1" cannot be handled as a Eviction: json: cannot unmarshal';
  const goType = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v === "boolean" ? "bool" : typeof v);
  if (typeof input !== "object" || input === null || Array.isArray(input)) throw badRequest(`${prefix} ${goType(input)} into Go value of type v1.Eviction`);
  const opts = (input as { deleteOptions?: unknown }).deleteOptions;
  if (opts === undefined || opts === null) return input;
  if (typeof opts !== "object" || Array.isArray(opts)) throw badRequest(`${prefix} ${goType(opts)} into Go struct field Eviction.deleteOptions of type v1.DeleteOptions`);
  const dryRun = (opts as { dryRun?: unknown }).dryRun;
  if (dryRun !== undefined && dryRun !== null && !(Array.isArray(dryRun) && dryRun.every((d) => typeof d === "string"))) {
    throw badRequest(`${prefix} ${goType(dryRun)} into Go struct field DeleteOptions.deleteOptions.dryRun of type []string`);
  }
  const grace = (opts as { gracePeriodSeconds?: unknown }).gracePeriodSeconds;
  if (grace !== undefined && grace !== null && (typeof grace !== "number" || !Number.isInteger(grace))) {
    throw badRequest(`${prefix} ${typeof grace === "number" ? `number ${grace}` : goType(grace)} into Go struct field DeleteOptions.deleteOptions.gracePeriodSeconds of type int64`);
  }
  return input;
}

/** An apply configuration: YAML errors carry the apply handler's "error decoding YAML: " prefix. */
function parseApplyBody(body: Uint8Array | undefined): unknown {
  try {
    return parseBody(body, "application/apply-patch+yaml");
  } catch (e) {
    if (e instanceof ApiError && e.code === 400 && e.message.startsWith("error converting YAML")) throw badRequest(`error decoding YAML: ${e.message}`);
    throw e;
  }
}
