// authorization.k8s.io/v1 SubjectAccessReview and LocalSubjectAccessReview (Kubernetes 1.32): the
// authorizer asked about another user (`spec.user` / `spec.groups`). Served without storage; create
// answers with machinery/rbac.ts (pkg/registry/authorization/{,local}subjectaccessreview).
import { z } from "zod";
import type { KindDef, KubeObject } from "../types";
import { kindSchema, obj, str, strList } from "../schema";
import { ObjectMeta } from "../common/meta";
import { invalid, type FieldError } from "../../machinery/field-errors";
import { badRequest } from "../../machinery/status";
import {
  AUTHORIZATION_GROUP,
  cleanSpecAttributes,
  goNonResourceAttributes,
  NonResourceAttributes,
  ResourceAttributes,
  reviewColumns,
  reviewMeta,
  reviewRow,
  reviewStatus,
  SubjectAccessReviewStatus,
  throwIfInvalid,
  validateAttributesPresence,
  validateEmptyMeta,
  type AccessReviewStatus,
  type NonResourceAttributesT,
  type ResourceAttributesT,
} from "./selfsubjectaccessreview";

export interface SubjectAccessReviewSpecT {
  resourceAttributes?: ResourceAttributesT;
  nonResourceAttributes?: NonResourceAttributesT;
  user?: string;
  groups?: string[];
  extra?: Record<string, string[]>;
  uid?: string;
}
export interface SubjectAccessReview extends KubeObject {
  spec?: SubjectAccessReviewSpecT;
  status?: AccessReviewStatus;
}

export const SubjectAccessReviewSpec = obj(
  {
    extra: z.record(z.string(), z.array(z.string())).describe("Extra corresponds to the user.Info.GetExtra() method from the authenticator.  Since that is input to the authorizer it needs a reflection here.").optional(),
    groups: strList({ listType: "atomic", desc: "Groups is the groups you're testing for." }),
    nonResourceAttributes: NonResourceAttributes,
    resourceAttributes: ResourceAttributes,
    uid: str("UID information about the requesting user."),
    user: str("User is the user you're testing for. If you specify \"User\" but not \"Groups\", then is it interpreted as \"What if User were not a member of any groups"),
  },
  { id: "io.k8s.api.authorization.v1.SubjectAccessReviewSpec", desc: "SubjectAccessReviewSpec is a description of the access request.  Exactly one of ResourceAuthorizationAttributes and NonResourceAuthorizationAttributes must be set" },
);

/** ValidateSubjectAccessReviewSpec. */
function validateSpec(spec: SubjectAccessReviewSpecT): FieldError[] {
  const errs = validateAttributesPresence(spec);
  if (!spec.user && (spec.groups ?? []).length === 0) errs.push(invalid("spec.user", spec.user ?? "", "at least one of user or group must be specified"));
  return errs;
}

function answer(kind: string, spec: SubjectAccessReviewSpecT, list: Parameters<typeof reviewStatus>[2], namespace?: string): KubeObject {
  const clean: SubjectAccessReviewSpecT = cleanSpecAttributes(spec);
  if (spec.user) clean.user = spec.user;
  if (spec.groups && spec.groups.length) clean.groups = [...spec.groups];
  if (spec.extra && Object.keys(spec.extra).length) clean.extra = spec.extra;
  if (spec.uid) clean.uid = spec.uid;
  // The user is exactly what the spec says: no implicit groups.
  const status = reviewStatus({ username: spec.user ?? "", groups: [...(spec.groups ?? [])] }, clean, list);
  return { kind, apiVersion: `${AUTHORIZATION_GROUP}/v1`, metadata: reviewMeta(namespace), spec: clean, status };
}

export const subjectAccessReview: KindDef<SubjectAccessReview> = {
  group: AUTHORIZATION_GROUP,
  version: "v1",
  kind: "SubjectAccessReview",
  plural: "subjectaccessreviews",
  singular: "subjectaccessreview",
  namespaced: false,
  verbs: ["create"],
  schema: kindSchema(
    "io.k8s.api.authorization.v1.SubjectAccessReview",
    "SubjectAccessReview checks whether or not a user or group can perform an action.",
    { spec: SubjectAccessReviewSpec, status: SubjectAccessReviewStatus },
    ObjectMeta,
  ),
  virtual: {
    create(input, ctx) {
      const obj = input as SubjectAccessReview;
      const spec = obj.spec ?? {};
      throwIfInvalid("SubjectAccessReview", [...validateSpec(spec), ...validateEmptyMeta(obj, false)]);
      return answer("SubjectAccessReview", spec, ctx.list);
    },
  },
  columns: reviewColumns(),
  printRow: (o, ctx) => reviewRow(o, ctx.nowMs),
};

/**
 * LocalSubjectAccessReview. The API server fills metadata.namespace from the request path before
 * calling create (as it does for every namespaced create), so metadata.namespace is the URL's.
 */
export const localSubjectAccessReview: KindDef<SubjectAccessReview> = {
  group: AUTHORIZATION_GROUP,
  version: "v1",
  kind: "LocalSubjectAccessReview",
  plural: "localsubjectaccessreviews",
  singular: "localsubjectaccessreview",
  namespaced: true,
  verbs: ["create"],
  schema: kindSchema(
    "io.k8s.api.authorization.v1.LocalSubjectAccessReview",
    "LocalSubjectAccessReview checks whether or not a user or group can perform an action in a given namespace. Having a namespace scoped resource makes it much easier to grant namespace scoped policy that includes permissions checking.",
    { spec: SubjectAccessReviewSpec, status: SubjectAccessReviewStatus },
    ObjectMeta,
  ),
  virtual: {
    create(input, ctx) {
      const obj = input as SubjectAccessReview;
      const spec = obj.spec ?? {};
      const namespace = obj.metadata?.namespace ?? "";
      const errs = [...validateSpec(spec), ...validateEmptyMeta(obj, true)];
      if (spec.resourceAttributes && (spec.resourceAttributes.namespace ?? "") !== namespace) {
        errs.push(invalid("spec.resourceAttributes.namespace", spec.resourceAttributes.namespace ?? "", "must match metadata.namespace"));
      }
      if (spec.nonResourceAttributes) {
        errs.push(invalid("spec.nonResourceAttributes", goNonResourceAttributes(spec.nonResourceAttributes), "disallowed on this kind of request"));
      }
      throwIfInvalid("LocalSubjectAccessReview", errs);
      if (!namespace) throw badRequest(`namespace is required on this type: ${namespace}`);
      return answer("LocalSubjectAccessReview", spec, ctx.list, namespace);
    },
  },
  columns: reviewColumns(),
  printRow: (o, ctx) => reviewRow(o, ctx.nowMs),
};
