// authorization.k8s.io/v1 SelfSubjectAccessReview (Kubernetes 1.32): `kubectl auth can-i`. Served
// without storage: create answers with machinery/rbac.ts for the requesting user
// (pkg/registry/authorization/selfsubjectaccessreview). Also exports the schemas, validation and
// helpers the other access reviews share.
import type { KindDef, KubeObject, UserInfo } from "../types";
import { bool, kindSchema, list, obj, str, strList } from "../schema";
import { LabelSelectorRequirement, ObjectMeta } from "../common/meta";
import { ageColumn, age, nameColumn } from "../common/print";
import { GoValue, goQuote, goStringMap, invalid, type FieldError } from "../../machinery/field-errors";
import { invalid as invalidStatus } from "../../machinery/status";
import { authorize, type AuthorizationAttributes, type ObjectLister } from "../../machinery/rbac";
import { parseLabelSelector } from "../../machinery/labels";
import { parseFieldSelector } from "../../machinery/fields";

export const AUTHORIZATION_GROUP = "authorization.k8s.io";

export interface ResourceAttributesT {
  namespace?: string;
  verb?: string;
  group?: string;
  version?: string;
  resource?: string;
  subresource?: string;
  name?: string;
  fieldSelector?: { rawSelector?: string; requirements?: Array<{ key?: string; operator?: string; values?: string[] }> };
  labelSelector?: { rawSelector?: string; requirements?: Array<{ key?: string; operator?: string; values?: string[] }> };
}
export interface NonResourceAttributesT {
  path?: string;
  verb?: string;
}
export interface AccessReviewStatus {
  allowed: boolean;
  denied?: boolean;
  reason?: string;
  evaluationError?: string;
}
export interface SelfSubjectAccessReview extends KubeObject {
  spec?: { resourceAttributes?: ResourceAttributesT; nonResourceAttributes?: NonResourceAttributesT };
  status?: AccessReviewStatus;
}

export const FieldSelectorRequirement = obj(
  {
    key: str("key is the field selector key that the requirement applies to."),
    operator: str("operator represents a key's relationship to a set of values. Valid operators are In, NotIn, Exists, DoesNotExist. The list of operators may grow in the future."),
    values: strList({ listType: "atomic", desc: "values is an array of string values. If the operator is In or NotIn, the values array must be non-empty. If the operator is Exists or DoesNotExist, the values array must be empty." }),
  },
  { id: "io.k8s.apimachinery.pkg.apis.meta.v1.FieldSelectorRequirement", desc: "FieldSelectorRequirement is a selector that contains values, a key, and an operator that relates the key and values.", required: ["key", "operator"] },
);

export const NonResourceAttributes = obj(
  {
    path: str("Path is the URL path of the request"),
    verb: str("Verb is the standard HTTP verb"),
  },
  { id: "io.k8s.api.authorization.v1.NonResourceAttributes", desc: "NonResourceAttributes includes the authorization attributes available for non-resource requests to the Authorizer interface" },
);

export const FieldSelectorAttributes = obj(
  {
    rawSelector: str("rawSelector is the serialization of a field selector that would be included in a query parameter. Webhook implementations are encouraged to ignore rawSelector. The kube-apiserver's *SubjectAccessReview will parse the rawSelector as long as the requirements are not present."),
    requirements: list(FieldSelectorRequirement, { listType: "atomic", desc: "requirements is the parsed interpretation of a field selector. All requirements must be met for a resource instance to match the selector. Webhook implementations should handle requirements, but how to handle them is up to the webhook. Since requirements can only limit the request, it is safe to authorize as unlimited request if the requirements are not understood." }),
  },
  { id: "io.k8s.api.authorization.v1.FieldSelectorAttributes", desc: "FieldSelectorAttributes indicates a field limited access. Webhook authors are encouraged to * ensure rawSelector and requirements are not both set * consider the requirements field if set * not try to parse or consider the rawSelector field if set. This is to avoid another CVE-2022-2880 (i.e. getting different systems to agree on how exactly to parse a query is not something we want), see https://www.oxeye.io/resources/golang-parameter-smuggling-attack for more details. For the *SubjectAccessReview endpoints of the kube-apiserver: * If rawSelector is empty and requirements are empty, the request is not limited. * If rawSelector is present and requirements are empty, the rawSelector will be parsed and limited if the parsing succeeds. * If rawSelector is empty and requirements are present, the requirements should be honored * If rawSelector is present and requirements are present, the request is invalid." },
);

export const LabelSelectorAttributes = obj(
  {
    rawSelector: str("rawSelector is the serialization of a field selector that would be included in a query parameter. Webhook implementations are encouraged to ignore rawSelector. The kube-apiserver's *SubjectAccessReview will parse the rawSelector as long as the requirements are not present."),
    requirements: list(LabelSelectorRequirement, { listType: "atomic", desc: "requirements is the parsed interpretation of a label selector. All requirements must be met for a resource instance to match the selector. Webhook implementations should handle requirements, but how to handle them is up to the webhook. Since requirements can only limit the request, it is safe to authorize as unlimited request if the requirements are not understood." }),
  },
  { id: "io.k8s.api.authorization.v1.LabelSelectorAttributes", desc: "LabelSelectorAttributes indicates a label limited access. Webhook authors are encouraged to * ensure rawSelector and requirements are not both set * consider the requirements field if set * not try to parse or consider the rawSelector field if set. This is to avoid another CVE-2022-2880 (i.e. getting different systems to agree on how exactly to parse a query is not something we want), see https://www.oxeye.io/resources/golang-parameter-smuggling-attack for more details. For the *SubjectAccessReview endpoints of the kube-apiserver: * If rawSelector is empty and requirements are empty, the request is not limited. * If rawSelector is present and requirements are empty, the rawSelector will be parsed and limited if the parsing succeeds. * If rawSelector is empty and requirements are present, the requirements should be honored * If rawSelector is present and requirements are present, the request is invalid." },
);

export const ResourceAttributes = obj(
  {
    fieldSelector: FieldSelectorAttributes,
    group: str("Group is the API Group of the Resource.  \"*\" means all."),
    labelSelector: LabelSelectorAttributes,
    name: str("Name is the name of the resource being requested for a \"get\" or deleted for a \"delete\". \"\" (empty) means all."),
    namespace: str("Namespace is the namespace of the action being requested.  Currently, there is no distinction between no namespace and all namespaces \"\" (empty) is defaulted for LocalSubjectAccessReviews \"\" (empty) is empty for cluster-scoped resources \"\" (empty) means \"all\" for namespace scoped resources from a SubjectAccessReview or SelfSubjectAccessReview"),
    resource: str("Resource is one of the existing resource types.  \"*\" means all."),
    subresource: str("Subresource is one of the existing resource types.  \"\" means none."),
    verb: str("Verb is a kubernetes resource API verb, like: get, list, watch, create, update, delete, proxy.  \"*\" means all."),
    version: str("Version is the API Version of the Resource.  \"*\" means all."),
  },
  { id: "io.k8s.api.authorization.v1.ResourceAttributes", desc: "ResourceAttributes includes the authorization attributes available for resource requests to the Authorizer interface" },
);

export const SelfSubjectAccessReviewSpec = obj(
  {
    nonResourceAttributes: NonResourceAttributes,
    resourceAttributes: ResourceAttributes,
  },
  { id: "io.k8s.api.authorization.v1.SelfSubjectAccessReviewSpec", desc: "SelfSubjectAccessReviewSpec is a description of the access request.  Exactly one of ResourceAuthorizationAttributes and NonResourceAuthorizationAttributes must be set" },
);

export const SubjectAccessReviewStatus = obj(
  {
    allowed: bool("Allowed is required. True if the action would be allowed, false otherwise."),
    denied: bool("Denied is optional. True if the action would be denied, otherwise false. If both allowed is false and denied is false, then the authorizer has no opinion on whether to authorize the action. Denied may not be true if Allowed is true."),
    evaluationError: str("EvaluationError is an indication that some error occurred during the authorization check. It is entirely possible to get an error and be able to continue determine authorization status in spite of it. For instance, RBAC can be missing a role, but enough roles are still present and bound to reason about the request."),
    reason: str("Reason is optional.  It indicates why a request was allowed or denied."),
  },
  { id: "io.k8s.api.authorization.v1.SubjectAccessReviewStatus", desc: "SubjectAccessReviewStatus", required: ["allowed"] },
);

// ---------------------------------------------------------------------------------------------
// Shared helpers of the access reviews
// ---------------------------------------------------------------------------------------------

const nonEmpty = (s: string | undefined) => (s ? s : undefined);

function stripUndefined<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

/** The attributes as the typed Go struct re-encodes them (empty strings and unknown fields dropped). */
export function cleanResourceAttributes(ra: ResourceAttributesT): ResourceAttributesT {
  const sel = (s: ResourceAttributesT["labelSelector"]) =>
    s
      ? stripUndefined({ rawSelector: nonEmpty(s.rawSelector), requirements: s.requirements && s.requirements.length ? s.requirements : undefined })
      : undefined;
  return stripUndefined({
    namespace: nonEmpty(ra.namespace),
    verb: nonEmpty(ra.verb),
    group: nonEmpty(ra.group),
    version: nonEmpty(ra.version),
    resource: nonEmpty(ra.resource),
    subresource: nonEmpty(ra.subresource),
    name: nonEmpty(ra.name),
    fieldSelector: sel(ra.fieldSelector),
    labelSelector: sel(ra.labelSelector),
  });
}

export function cleanNonResourceAttributes(na: NonResourceAttributesT): NonResourceAttributesT {
  return stripUndefined({ path: nonEmpty(na.path), verb: nonEmpty(na.verb) });
}

/** %#v of a *authorization.NonResourceAttributes (nil prints as the field package's "null"). */
export function goNonResourceAttributes(na: NonResourceAttributesT | undefined): unknown {
  if (!na) return "null";
  return new GoValue(`authorization.NonResourceAttributes{Path:${goQuote(na.path ?? "")}, Verb:${goQuote(na.verb ?? "")}}`);
}

/** Validate{Self,}SubjectAccessReviewSpec's exactly-one-of check. */
export function validateAttributesPresence(spec: { resourceAttributes?: unknown; nonResourceAttributes?: NonResourceAttributesT } | undefined): FieldError[] {
  const errs: FieldError[] = [];
  const ra = spec?.resourceAttributes;
  const na = spec?.nonResourceAttributes;
  if (ra && na) errs.push(invalid("spec.nonResourceAttributes", goNonResourceAttributes(na), "cannot be specified in combination with resourceAttributes"));
  if (!ra && !na) errs.push(invalid("spec.resourceAttributes", goNonResourceAttributes(na), "exactly one of nonResourceAttributes or resourceAttributes must be specified"));
  return errs;
}

function metaHasContent(meta: Record<string, unknown> | undefined, ignore: readonly string[]): boolean {
  for (const [k, v] of Object.entries(meta ?? {})) {
    if (k === "managedFields" || ignore.includes(k)) continue;
    if (v === undefined || v === null || v === "" || v === 0) continue;
    if (typeof v === "object" && Object.keys(v as object).length === 0) continue;
    return true;
  }
  return false;
}

/** An approximation of %#v of a metav1.ObjectMeta, as "must be empty" errors print it. */
function goObjectMeta(meta: Record<string, unknown>): GoValue {
  const s = (k: string) => goQuote(typeof meta[k] === "string" ? (meta[k] as string) : "");
  const m = (k: string) => (meta[k] && typeof meta[k] === "object" ? goStringMap(meta[k] as Record<string, string>).text : "map[string]string(nil)");
  const finalizers = Array.isArray(meta.finalizers) && meta.finalizers.length ? `[]string{${(meta.finalizers as string[]).map(goQuote).join(", ")}}` : "[]string(nil)";
  return new GoValue(
    `v1.ObjectMeta{Name:${s("name")}, GenerateName:${s("generateName")}, Namespace:${s("namespace")}, SelfLink:"", UID:${s("uid")}, ResourceVersion:${s("resourceVersion")}, Generation:${Number(meta.generation ?? 0)}, CreationTimestamp:time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC), DeletionTimestamp:<nil>, DeletionGracePeriodSeconds:(*int64)(nil), Labels:${m("labels")}, Annotations:${m("annotations")}, OwnerReferences:[]v1.OwnerReference(nil), Finalizers:${finalizers}, ManagedFields:[]v1.ManagedFieldsEntry(nil)}`,
  );
}

/** The metadata of an access review must be empty (LocalSubjectAccessReview: except for namespace). */
export function validateEmptyMeta(obj: KubeObject, allowNamespace: boolean): FieldError[] {
  const meta = (obj.metadata ?? {}) as Record<string, unknown>;
  if (!metaHasContent(meta, allowNamespace ? ["namespace", "creationTimestamp"] : ["creationTimestamp"])) return [];
  return [invalid("metadata", goObjectMeta(meta), allowNamespace ? "must be empty except for namespace" : "must be empty")];
}

export function throwIfInvalid(kind: string, errs: FieldError[]): void {
  if (errs.length) throw invalidStatus(AUTHORIZATION_GROUP, kind, "", errs);
}

/** authorizationutil.BuildEvaluationError's selector parts. */
function selectorEvaluationErrors(ra: ResourceAttributesT): string[] {
  const out: string[] = [];
  const fs = ra.fieldSelector;
  if (fs) {
    let failed = false;
    let partial = false;
    if (fs.requirements && fs.requirements.length) {
      let ok = 0;
      for (const r of fs.requirements) {
        if ((r.values ?? []).length > 1 || (r.operator !== "In" && r.operator !== "NotIn") || (r.values ?? []).length !== 1) failed = true;
        else ok++;
      }
      partial = failed && ok > 0;
    } else if (fs.rawSelector) {
      try {
        parseFieldSelector(fs.rawSelector);
      } catch {
        failed = true;
      }
    }
    if (failed) out.push(`spec.resourceAttributes.fieldSelector ${partial ? "partially ignored" : "ignored"} due to parse error`);
  }
  const ls = ra.labelSelector;
  if (ls) {
    let failed = false;
    let partial = false;
    if (ls.requirements && ls.requirements.length) {
      let ok = 0;
      for (const r of ls.requirements) {
        if (!["In", "NotIn", "Exists", "DoesNotExist"].includes(r.operator ?? "")) failed = true;
        else ok++;
      }
      partial = failed && ok > 0;
    } else if (ls.rawSelector) {
      try {
        parseLabelSelector(ls.rawSelector);
      } catch {
        failed = true;
      }
    }
    if (failed) out.push(`spec.resourceAttributes.labelSelector ${partial ? "partially ignored" : "ignored"} due to parse error`);
  }
  return out;
}

/** Runs the authorizer for a review's attributes and builds its status. */
export function reviewStatus(
  user: UserInfo,
  spec: { resourceAttributes?: ResourceAttributesT; nonResourceAttributes?: NonResourceAttributesT },
  list: ObjectLister,
): AccessReviewStatus {
  let attrs: AuthorizationAttributes;
  const evalErrors: string[] = [];
  if (spec.resourceAttributes) {
    const ra = spec.resourceAttributes;
    attrs = { user, verb: ra.verb ?? "", group: ra.group ?? "", resource: ra.resource ?? "", subresource: ra.subresource ?? "", name: ra.name ?? "", namespace: ra.namespace ?? "" };
    evalErrors.push(...selectorEvaluationErrors(ra));
  } else {
    const na = spec.nonResourceAttributes ?? {};
    attrs = { user, verb: na.verb ?? "", nonResourceURL: na.path ?? "" };
  }
  const decision = authorize(attrs, list);
  const status: AccessReviewStatus = { allowed: decision.allowed };
  if (decision.reason) status.reason = decision.reason;
  if (evalErrors.length) status.evaluationError = evalErrors.join("; ");
  return status;
}

export function cleanSpecAttributes(spec: { resourceAttributes?: ResourceAttributesT; nonResourceAttributes?: NonResourceAttributesT }) {
  const out: { resourceAttributes?: ResourceAttributesT; nonResourceAttributes?: NonResourceAttributesT } = {};
  if (spec.resourceAttributes) out.resourceAttributes = cleanResourceAttributes(spec.resourceAttributes);
  if (spec.nonResourceAttributes) out.nonResourceAttributes = cleanNonResourceAttributes(spec.nonResourceAttributes);
  return out;
}

/** The metadata the API returns for an unstored review: only a null creationTimestamp (plus the namespace). */
export function reviewMeta(namespace?: string): KubeObject["metadata"] {
  const meta: Record<string, unknown> = {};
  if (namespace) meta.namespace = namespace;
  meta.creationTimestamp = null;
  return meta as KubeObject["metadata"];
}

export const reviewColumns = () => [nameColumn(), ageColumn()];
export const reviewRow = (o: KubeObject, nowMs: number) => [o.metadata.name ?? "", age(o, nowMs)];

// ---------------------------------------------------------------------------------------------
// The kind
// ---------------------------------------------------------------------------------------------

export const selfSubjectAccessReview: KindDef<SelfSubjectAccessReview> = {
  group: AUTHORIZATION_GROUP,
  version: "v1",
  kind: "SelfSubjectAccessReview",
  plural: "selfsubjectaccessreviews",
  singular: "selfsubjectaccessreview",
  namespaced: false,
  verbs: ["create"],
  schema: kindSchema(
    "io.k8s.api.authorization.v1.SelfSubjectAccessReview",
    "SelfSubjectAccessReview checks whether or the current user can perform an action.  Not filling in a spec.namespace means \"in all namespaces\".  Self is a special case, because users should always be able to check whether they can perform an action",
    { spec: SelfSubjectAccessReviewSpec, status: SubjectAccessReviewStatus },
    ObjectMeta,
  ),
  virtual: {
    create(input, ctx) {
      const obj = input as SelfSubjectAccessReview;
      const spec = obj.spec ?? {};
      throwIfInvalid("SelfSubjectAccessReview", [...validateAttributesPresence(spec), ...validateEmptyMeta(obj, false)]);
      const clean = cleanSpecAttributes(spec);
      return {
        kind: "SelfSubjectAccessReview",
        apiVersion: `${AUTHORIZATION_GROUP}/v1`,
        metadata: reviewMeta(),
        spec: clean,
        status: reviewStatus(ctx.user, clean, ctx.list),
      };
    },
  },
  columns: reviewColumns(),
  printRow: (o, ctx) => reviewRow(o, ctx.nowMs),
};
