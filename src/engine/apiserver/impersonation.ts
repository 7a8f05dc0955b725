// `kubectl --as=<user> [--as-group=<g>]`: the impersonation filter (k8s.io/apiserver
// pkg/endpoints/filters/impersonation.go) and, for the impersonated identity, the RBAC check of
// each resource request (WithAuthorization). The sandbox's own token is cluster-admin and is not
// re-checked, so a learner cannot lock themselves out by editing RBAC objects.
import type { KindDef, UserInfo } from "../kinds/types";
import type { ApiRequest } from "./request";
import { badRequest, forbidden } from "../machinery/status";
import { authorize, forbiddenMessage, impersonatedUser, splitServiceAccountUsername, type AuthorizationAttributes, type ObjectLister } from "../machinery/rbac";

const impersonated = new WeakSet<ApiRequest>();

/** Whether the request acts as an impersonated user (and so is authorized request by request). */
export const isImpersonated = (req: ApiRequest) => impersonated.has(req);

const headerValues = (v: string | undefined) =>
  (v ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The request as the impersonated user when it carries Impersonate-User (and Impersonate-Group),
 * after checking that the real user may impersonate them; the request unchanged otherwise.
 */
export function withImpersonation(req: ApiRequest, list: ObjectLister): ApiRequest {
  const username = req.headers["impersonate-user"]?.trim();
  const groups = headerValues(req.headers["impersonate-group"]);
  if (!username) {
    if (groups.length) throw badRequest("requested impersonation of groups without impersonating a user: set Impersonate-User (kubectl --as) too");
    return req;
  }
  const sa = splitServiceAccountUsername(username);
  const asked: AuthorizationAttributes[] = [
    sa
      ? { user: req.user, verb: "impersonate", group: "", resource: "serviceaccounts", namespace: sa.namespace, name: sa.name }
      : { user: req.user, verb: "impersonate", group: "", resource: "users", name: username },
    ...groups.map((g) => ({ user: req.user, verb: "impersonate", group: "", resource: "groups", name: g })),
  ];
  for (const attrs of asked) {
    const d = authorize(attrs, list);
    if (!d.allowed) {
      const resource = attrs.resource!;
      throw forbidden({ group: "", resource }, attrs.name ?? "", forbiddenMessage(attrs, d.reason));
    }
  }
  const out: ApiRequest = { ...req, user: impersonatedUser(username, groups) };
  impersonated.add(out);
  return out;
}

/** The verb of a resource request (RequestInfoFactory): get/list/watch/create/update/patch/delete/deletecollection. */
export function requestVerb(method: string, name: string | undefined, query: URLSearchParams): string {
  const watch = query.get("watch");
  switch (method.toUpperCase()) {
    case "GET":
    case "HEAD":
      if (watch === "true" || watch === "1") return "watch";
      return name ? "get" : "list";
    case "POST":
      return "create";
    case "PUT":
      return "update";
    case "PATCH":
      return "patch";
    case "DELETE":
      return name ? "delete" : "deletecollection";
  }
  return method.toLowerCase();
}

/** 403 unless RBAC allows the impersonated user this resource request. */
export function authorizeResourceRequest(req: ApiRequest, user: UserInfo, def: KindDef, namespace: string | undefined, name: string | undefined, subresource: string | undefined, list: ObjectLister) {
  const attrs: AuthorizationAttributes = {
    user,
    verb: requestVerb(req.method, name, req.query),
    group: def.group,
    resource: def.plural,
    subresource: subresource ?? "",
    name: name ?? "",
    namespace: namespace ?? "",
  };
  const d = authorize(attrs, list);
  if (d.allowed) return;
  throw forbidden({ group: def.group, resource: def.plural }, name ?? "", forbiddenMessage(attrs, d.reason));
}

