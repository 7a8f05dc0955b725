// rbac.authorization.k8s.io/v1 ClusterRole (Kubernetes 1.32): types.go schema, ValidateClusterRole of
// pkg/apis/rbac/validation (rules, aggregationRule) and the API server's default table (NAME CREATED AT).
import type { KindDef } from "../types";
import { kindSchema, list, obj } from "../schema";
import { LabelSelector, ObjectMeta } from "../common/meta";
import { index, invalid, required, type FieldError } from "../../machinery/field-errors";
import { selectorFromLabelSelector, type LabelSelectorSpec } from "../../machinery/labels";
import { validateLabelSelector, type LabelSelectorLike } from "../networking/networkpolicy";
import { createdAt, createdAtColumns, PolicyRule, validatePolicyRules, type Role } from "./role";

export interface ClusterRole extends Role {
  aggregationRule?: { clusterRoleSelectors?: LabelSelectorLike[] };
}

export const AggregationRule = obj(
  {
    clusterRoleSelectors: list(LabelSelector, { listType: "atomic", desc: "ClusterRoleSelectors holds a list of selectors which will be used to find ClusterRoles and create the rules. If any of the selectors match, then the ClusterRole's permissions will be added" }),
  },
  { id: "io.k8s.api.rbac.v1.AggregationRule", desc: "AggregationRule describes how to locate ClusterRoles to aggregate into the ClusterRole" },
);

export function validateClusterRole(cr: ClusterRole, old?: ClusterRole): FieldError[] {
  const errs = validatePolicyRules(cr.rules, false);
  if (cr.aggregationRule) {
    const selectors = cr.aggregationRule.clusterRoleSelectors ?? [];
    const allowInvalid = !!old && (old.aggregationRule?.clusterRoleSelectors ?? []).some((s) => validateLabelSelector(s, "").length > 0);
    if (selectors.length === 0) {
      errs.push(required("aggregationRule.clusterRoleSelectors", "at least one clusterRoleSelector required if aggregationRule is non-nil"));
    }
    selectors.forEach((sel, i) => {
      const p = index("aggregationRule.clusterRoleSelectors", i);
      errs.push(...validateLabelSelector(sel, p, allowInvalid));
      try {
        selectorFromLabelSelector(sel as LabelSelectorSpec);
      } catch {
        // Go shadows `selector` with the nil result of the failed conversion, which prints as "null".
        errs.push(invalid(p, "null", "invalid label selector."));
      }
    });
  }
  return errs;
}

export const clusterRole: KindDef<ClusterRole> = {
  group: "rbac.authorization.k8s.io",
  version: "v1",
  kind: "ClusterRole",
  plural: "clusterroles",
  singular: "clusterrole",
  namespaced: false,
  nameValidation: "path-segment",
  schema: kindSchema(
    "io.k8s.api.rbac.v1.ClusterRole",
    "ClusterRole is a cluster level, logical grouping of PolicyRules that can be referenced as a unit by a RoleBinding or ClusterRoleBinding.",
    {
      aggregationRule: AggregationRule,
      rules: list(PolicyRule, { listType: "atomic", desc: "Rules holds all the PolicyRules for this ClusterRole" }),
    },
    ObjectMeta,
  ),
  validate: (cr, ctx) => validateClusterRole(cr, ctx.old as ClusterRole | undefined),
  columns: createdAtColumns(),
  printRow: (cr) => [cr.metadata.name!, createdAt(cr)],
};
