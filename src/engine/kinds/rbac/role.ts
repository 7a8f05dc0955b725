// rbac.authorization.k8s.io/v1 Role (Kubernetes 1.32): types.go schema, ValidateRole of
// pkg/apis/rbac/validation and the API server's default table (NAME CREATED AT). Also exports the
// PolicyRule schema and validation and the default-table helpers, shared by the other RBAC kinds.
import type { ColumnDefinition, KindDef, KubeObject } from "../types";
import { kindSchema, list, obj, strList } from "../schema";
import { ObjectMeta } from "../common/meta";
import { NAME_DESC, AGE_DESC, col } from "../common/print";
import { child, index, invalid, required, type FieldError } from "../../machinery/field-errors";
import { parseRfc3339, rfc3339, GO_ZERO_TIME_MS } from "../../machinery/time";

export interface PolicyRuleT {
  verbs?: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

export interface Role extends KubeObject {
  rules?: PolicyRuleT[];
}

export const PolicyRule = obj(
  {
    apiGroups: strList({ listType: "atomic", desc: "APIGroups is the name of the APIGroup that contains the resources.  If multiple API groups are specified, any action requested against one of the enumerated resources in any API group will be allowed. \"\" represents the core API group and \"*\" represents all API groups." }),
    nonResourceURLs: strList({ listType: "atomic", desc: "NonResourceURLs is a set of partial urls that a user should have access to.  *s are allowed, but only as the full, final step in the path Since non-resource URLs are not namespaced, this field is only applicable for ClusterRoles referenced from a ClusterRoleBinding. Rules can either apply to API resources (such as \"pods\" or \"secrets\") or non-resource URL paths (such as \"/api\"),  but not both." }),
    resourceNames: strList({ listType: "atomic", desc: "ResourceNames is an optional white list of names that the rule applies to.  An empty set means that everything is allowed." }),
    resources: strList({ listType: "atomic", desc: "Resources is a list of resources this rule applies to. '*' represents all resources." }),
    verbs: strList({ listType: "atomic", desc: "Verbs is a list of Verbs that apply to ALL the ResourceKinds contained in this rule. '*' represents all verbs." }),
  },
  { id: "io.k8s.api.rbac.v1.PolicyRule", desc: "PolicyRule holds information that describes a policy rule, but does not contain information about who the rule applies to or which namespace the rule applies to.", required: ["verbs"] },
);

/** validatePolicyRule. */
export function validatePolicyRule(rule: PolicyRuleT, isNamespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if ((rule.verbs ?? []).length === 0) errs.push(required(child(path, "verbs"), "verbs must contain at least one value"));
  const nonResourceURLs = rule.nonResourceURLs ?? [];
  if (nonResourceURLs.length > 0) {
    if (isNamespaced) errs.push(invalid(child(path, "nonResourceURLs"), nonResourceURLs, "namespaced rules cannot apply to non-resource URLs"));
    if ((rule.apiGroups ?? []).length > 0 || (rule.resources ?? []).length > 0 || (rule.resourceNames ?? []).length > 0) {
      errs.push(invalid(child(path, "nonResourceURLs"), nonResourceURLs, "rules cannot apply to both regular resources and non-resource URLs"));
    }
    return errs;
  }
  if ((rule.apiGroups ?? []).length === 0) errs.push(required(child(path, "apiGroups"), "resource rules must supply at least one api group"));
  if ((rule.resources ?? []).length === 0) errs.push(required(child(path, "resources"), "resource rules must supply at least one resource"));
  if ((rule.resourceNames ?? []).length > 0 && (rule.resources ?? []).length > 1) {
    errs.push(required(child(path, "resourceNames"), "resource names cannot apply to multiple resources"));
  }
  return errs;
}

export function validatePolicyRules(rules: PolicyRuleT[] | undefined, isNamespaced: boolean): FieldError[] {
  const errs: FieldError[] = [];
  (rules ?? []).forEach((r, i) => errs.push(...validatePolicyRule(r, isNamespaced, index("rules", i))));
  return errs;
}

// ---- the API server's default table (rest.NewDefaultTableConvertor): NAME, CREATED AT ----

export function createdAtColumns(): ColumnDefinition[] {
  return [col("Name", "string", NAME_DESC, 0, "name"), col("Created At", "date", AGE_DESC)];
}

/** `m.GetCreationTimestamp().Time.UTC().Format(time.RFC3339)`: the zero time when unset. */
export function createdAt(obj: KubeObject): string {
  const ts = obj.metadata.creationTimestamp;
  const ms = ts ? parseRfc3339(ts) : undefined;
  return rfc3339(ms ?? GO_ZERO_TIME_MS);
}

export const role: KindDef<Role> = {
  group: "rbac.authorization.k8s.io",
  version: "v1",
  kind: "Role",
  plural: "roles",
  singular: "role",
  namespaced: true,
  nameValidation: "path-segment",
  schema: kindSchema(
    "io.k8s.api.rbac.v1.Role",
    "Role is a namespaced, logical grouping of PolicyRules that can be referenced as a unit by a RoleBinding.",
    { rules: list(PolicyRule, { listType: "atomic", desc: "Rules holds all the PolicyRules for this Role" }) },
    ObjectMeta,
  ),
  validate: (r) => validatePolicyRules(r.rules, true),
  columns: createdAtColumns(),
  printRow: (r) => [r.metadata.name!, createdAt(r)],
};
