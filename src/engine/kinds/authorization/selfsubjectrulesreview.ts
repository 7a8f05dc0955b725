// authorization.k8s.io/v1 SelfSubjectRulesReview (Kubernetes 1.32): `kubectl auth can-i --list`.
// Served without storage: create lists the requesting user's rules in spec.namespace from
// machinery/rbac.ts (pkg/registry/authorization/selfsubjectrulesreview).
import type { KindDef, KubeObject } from "../types";
import { bool, kindSchema, list, obj, str, strList } from "../schema";
import { ObjectMeta } from "../common/meta";
import { badRequest } from "../../machinery/status";
import { rulesFor } from "../../machinery/rbac";
import { AUTHORIZATION_GROUP, reviewColumns, reviewMeta, reviewRow } from "./selfsubjectaccessreview";

export interface SelfSubjectRulesReview extends KubeObject {
  spec?: { namespace?: string };
  status?: {
    resourceRules: Array<{ verbs: string[]; apiGroups?: string[]; resources?: string[]; resourceNames?: string[] }>;
    nonResourceRules: Array<{ verbs: string[]; nonResourceURLs?: string[] }>;
    incomplete: boolean;
    evaluationError?: string;
  };
}

export const SelfSubjectRulesReviewSpec = obj(
  {
    namespace: str("Namespace to evaluate rules for. Required."),
  },
  { id: "io.k8s.api.authorization.v1.SelfSubjectRulesReviewSpec", desc: "SelfSubjectRulesReviewSpec defines the specification for SelfSubjectRulesReview." },
);

export const NonResourceRule = obj(
  {
    nonResourceURLs: strList({ listType: "atomic", desc: "NonResourceURLs is a set of partial urls that a user should have access to.  *s are allowed, but only as the full, final step in the path.  \"*\" means all." }),
    verbs: strList({ listType: "atomic", desc: "Verb is a list of kubernetes non-resource API verbs, like: get, post, put, delete, patch, head, options.  \"*\" means all." }),
  },
  { id: "io.k8s.api.authorization.v1.NonResourceRule", desc: "NonResourceRule holds information that describes a rule for the non-resource", required: ["verbs"] },
);

export const ResourceRule = obj(
  {
    apiGroups: strList({ listType: "atomic", desc: "APIGroups is the name of the APIGroup that contains the resources.  If multiple API groups are specified, any action requested against one of the enumerated resources in any API group will be allowed.  \"*\" means all." }),
    resourceNames: strList({ listType: "atomic", desc: "ResourceNames is an optional white list of names that the rule applies to.  An empty set means that everything is allowed.  \"*\" means all." }),
    resources: strList({ listType: "atomic", desc: "Resources is a list of resources this rule applies to.  \"*\" means all in the specified apiGroups.\n \"*/foo\" represents the subresource 'foo' for all resources in the specified apiGroups." }),
    verbs: strList({ listType: "atomic", desc: "Verb is a list of kubernetes resource API verbs, like: get, list, watch, create, update, delete, proxy.  \"*\" means all." }),
  },
  { id: "io.k8s.api.authorization.v1.ResourceRule", desc: "ResourceRule is the list of actions the subject is allowed to perform on resources. The list ordering isn't significant, may contain duplicates, and possibly be incomplete.", required: ["verbs"] },
);

export const SubjectRulesReviewStatus = obj(
  {
    evaluationError: str("EvaluationError can appear in combination with Rules. It indicates an error occurred during rule evaluation, such as an authorizer that doesn't support rule evaluation, and that ResourceRules and/or NonResourceRules may be incomplete."),
    incomplete: bool("Incomplete is true when the rules returned by this call are incomplete. This is most commonly encountered when an authorizer, such as an external authorizer, doesn't support rules evaluation."),
    nonResourceRules: list(NonResourceRule, { listType: "atomic", desc: "NonResourceRules is the list of actions the subject is allowed to perform on non-resources. The list ordering isn't significant, may contain duplicates, and possibly be incomplete." }),
    resourceRules: list(ResourceRule, { listType: "atomic", desc: "ResourceRules is the list of actions the subject is allowed to perform on resources. The list ordering isn't significant, may contain duplicates, and possibly be incomplete." }),
  },
  { id: "io.k8s.api.authorization.v1.SubjectRulesReviewStatus", desc: "SubjectRulesReviewStatus contains the result of a rules check. This check can be incomplete depending on the set of authorizers the server is configured with and any errors experienced during evaluation. Because authorization rules are additive, if a rule appears in a list it's safe to assume the subject has that permission, even if that list is incomplete.", required: ["incomplete", "nonResourceRules", "resourceRules"] },
);

export const selfSubjectRulesReview: KindDef<SelfSubjectRulesReview> = {
  group: AUTHORIZATION_GROUP,
  version: "v1",
  kind: "SelfSubjectRulesReview",
  plural: "selfsubjectrulesreviews",
  singular: "selfsubjectrulesreview",
  namespaced: false,
  verbs: ["create"],
  schema: kindSchema(
    "io.k8s.api.authorization.v1.SelfSubjectRulesReview",
    "SelfSubjectRulesReview enumerates the set of actions the current user can perform within a namespace. The returned list of actions may be incomplete depending on the server's authorization mode, and any errors experienced during the evaluation. SelfSubjectRulesReview should be used by UIs to show/hide actions, or to quickly let an end user reason about their permissions. It should NOT Be used by external systems to drive authorization decisions as this raises confused deputy, cache lifetime/revocation, and correctness concerns. SubjectAccessReview, and LocalAccessReview are the correct way to defer authorization decisions to the API server.",
    { spec: SelfSubjectRulesReviewSpec, status: SubjectRulesReviewStatus },
    ObjectMeta,
  ),
  virtual: {
    create(input, ctx) {
      const namespace = (input as SelfSubjectRulesReview).spec?.namespace ?? "";
      if (!namespace) throw badRequest("no namespace on request");
      const review = rulesFor(ctx.user, namespace, ctx.list);
      const status: NonNullable<SelfSubjectRulesReview["status"]> = {
        resourceRules: review.resourceRules,
        nonResourceRules: review.nonResourceRules,
        incomplete: review.incomplete,
      };
      if (review.evaluationError) status.evaluationError = review.evaluationError;
      // The REST handler returns a fresh object: the spec is not echoed.
      return { kind: "SelfSubjectRulesReview", apiVersion: `${AUTHORIZATION_GROUP}/v1`, metadata: reviewMeta(), spec: {}, status };
    },
  },
  columns: reviewColumns(),
  printRow: (o, ctx) => reviewRow(o, ctx.nowMs),
};
