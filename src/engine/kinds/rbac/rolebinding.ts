// rbac.authorization.k8s.io/v1 RoleBinding (Kubernetes 1.32): types.go schema, SetDefaults_RoleBinding /
// SetDefaults_Subject, ValidateRoleBinding/Update of pkg/apis/rbac/validation and the printer of
// printers.go (NAME ROLE AGE USERS GROUPS SERVICEACCOUNTS). Also exports the Subject / RoleRef
// schemas, defaults, validation and printer helpers that ClusterRoleBinding shares.
import type { KindDef, KubeObject } from "../types";
import { kindSchema, list, obj, str } from "../schema";
import { ObjectMeta } from "../common/meta";
import { age, ageColumn, col, nameColumn } from "../common/print";
import { child, GoValue, goQuote, index, invalid, notSupported, required, type FieldError } from "../../machinery/field-errors";
import { isValidPathSegmentName, nameIsDNSSubdomain } from "../../machinery/names";

export const RBAC_GROUP = "rbac.authorization.k8s.io";

export interface SubjectT {
  kind?: string;
  apiGroup?: string;
  name?: string;
  namespace?: string;
}
export interface RoleRefT {
  apiGroup?: string;
  kind?: string;
  name?: string;
}
export interface RoleBinding extends KubeObject {
  subjects?: SubjectT[];
  roleRef?: RoleRefT;
}

export const RoleRef = obj(
  {
    apiGroup: str("APIGroup is the group for the resource being referenced"),
    kind: str("Kind is the type of resource being referenced"),
    name: str("Name is the name of resource being referenced"),
  },
  { id: "io.k8s.api.rbac.v1.RoleRef", desc: "RoleRef contains information that points to the role being used", required: ["apiGroup", "kind", "name"] },
);

export const Subject = obj(
  {
    apiGroup: str("APIGroup holds the API group of the referenced subject. Defaults to \"\" for ServiceAccount subjects. Defaults to \"rbac.authorization.k8s.io\" for User and Group subjects."),
    kind: str("Kind of object being referenced. Values defined by this API group are \"User\", \"Group\", and \"ServiceAccount\". If the Authorizer does not recognized the kind value, the Authorizer should report an error."),
    name: str("Name of the object being referenced."),
    namespace: str("Namespace of the referenced object.  If the object kind is non-namespace, such as \"User\" or \"Group\", and this value is not empty the Authorizer should report an error."),
  },
  { id: "io.k8s.api.rbac.v1.Subject", desc: "Subject contains a reference to the object or user identities a role binding applies to.  This can either hold a direct API object reference, or a value for non-objects such as user and group names.", required: ["kind", "name"] },
);

// ---- defaults ----

/** SetDefaults_RoleBinding / SetDefaults_ClusterRoleBinding and SetDefaults_Subject. */
export function applyBindingDefaults(b: RoleBinding): void {
  b.roleRef ??= {};
  if (!b.roleRef.apiGroup) b.roleRef.apiGroup = RBAC_GROUP;
  // Go always serializes RoleRef's three strings.
  b.roleRef.kind ??= "";
  b.roleRef.name ??= "";
  for (const s of b.subjects ?? []) {
    if (!s.apiGroup && (s.kind === "User" || s.kind === "Group")) s.apiGroup = RBAC_GROUP;
  }
}

// ---- validation ----

/** The roleRef as Go's %#v prints an rbac.RoleRef. */
export function goRoleRef(r: RoleRefT | undefined): GoValue {
  return new GoValue(`rbac.RoleRef{APIGroup:${goQuote(r?.apiGroup ?? "")}, Kind:${goQuote(r?.kind ?? "")}, Name:${goQuote(r?.name ?? "")}}`);
}

function validateSubject(s: SubjectT, isNamespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = s.name ?? "";
  const apiGroup = s.apiGroup ?? "";
  if (name.length === 0) errs.push(required(child(path, "name"), ""));
  switch (s.kind) {
    case "ServiceAccount":
      if (name.length > 0) for (const msg of nameIsDNSSubdomain(name)) errs.push(invalid(child(path, "name"), name, msg));
      if (apiGroup.length > 0) errs.push(notSupported(child(path, "apiGroup"), apiGroup, [""]));
      if (!isNamespaced && !s.namespace) errs.push(required(child(path, "namespace"), ""));
      break;
    case "User":
      if (name.length === 0) errs.push(invalid(child(path, "name"), name, "user name cannot be empty"));
      if (apiGroup !== RBAC_GROUP) errs.push(notSupported(child(path, "apiGroup"), apiGroup, [RBAC_GROUP]));
      break;
    case "Group":
      if (name.length === 0) errs.push(invalid(child(path, "name"), name, "group name cannot be empty"));
      if (apiGroup !== RBAC_GROUP) errs.push(notSupported(child(path, "apiGroup"), apiGroup, [RBAC_GROUP]));
      break;
    default:
      errs.push(notSupported(child(path, "kind"), s.kind ?? "", ["ServiceAccount", "User", "Group"]));
  }
  return errs;
}

/** ValidateRoleBinding / ValidateClusterRoleBinding (+ the roleRef immutability of the Update variants). */
export function validateBinding(b: RoleBinding, old: RoleBinding | undefined, isNamespaced: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const ref = b.roleRef ?? {};
  if ((ref.apiGroup ?? "") !== RBAC_GROUP) errs.push(notSupported("roleRef.apiGroup", ref.apiGroup ?? "", [RBAC_GROUP]));
  const kinds = isNamespaced ? ["Role", "ClusterRole"] : ["ClusterRole"];
  if (!kinds.includes(ref.kind ?? "")) errs.push(notSupported("roleRef.kind", ref.kind ?? "", kinds));
  if (!ref.name) errs.push(required("roleRef.name", ""));
  else for (const msg of isValidPathSegmentName(ref.name)) errs.push(invalid("roleRef.name", ref.name, msg));
  (b.subjects ?? []).forEach((s, i) => errs.push(...validateSubject(s, isNamespaced, index("subjects", i))));
  if (old) {
    const o = old.roleRef ?? {};
    if ((o.apiGroup ?? "") !== (ref.apiGroup ?? "") || (o.kind ?? "") !== (ref.kind ?? "") || (o.name ?? "") !== (ref.name ?? "")) {
      errs.push(invalid("roleRef", goRoleRef(ref), "cannot change roleRef"));
    }
  }
  return errs;
}

// ---- printer ----

/** rbac.SubjectsStrings: users, groups, service accounts ("ns/name"), others. */
export function subjectsStrings(subjects: SubjectT[] | undefined): { users: string[]; groups: string[]; sas: string[]; others: string[] } {
  const out = { users: [] as string[], groups: [] as string[], sas: [] as string[], others: [] as string[] };
  for (const s of subjects ?? []) {
    switch (s.kind) {
      case "ServiceAccount":
        out.sas.push(`${s.namespace ?? ""}/${s.name ?? ""}`);
        break;
      case "User":
        out.users.push(s.name ?? "");
        break;
      case "Group":
        out.groups.push(s.name ?? "");
        break;
      default:
        out.others.push(`${s.kind ?? ""}/${s.namespace ?? ""}/${s.name ?? ""}`);
    }
  }
  return out;
}

export function bindingColumns(roleRefDesc: string, what: string) {
  return [
    nameColumn(),
    col("Role", "string", roleRefDesc),
    ageColumn(),
    col("Users", "string", `Users in the ${what}`, 1),
    col("Groups", "string", `Groups in the ${what}`, 1),
    col("ServiceAccounts", "string", `ServiceAccounts in the ${what}`, 1),
  ];
}

export function bindingRow(b: RoleBinding, nowMs: number) {
  const { users, groups, sas } = subjectsStrings(b.subjects);
  return [b.metadata.name!, `${b.roleRef?.kind ?? ""}/${b.roleRef?.name ?? ""}`, age(b, nowMs), users.join(", "), groups.join(", "), sas.join(", ")];
}

export const roleBinding: KindDef<RoleBinding> = {
  group: RBAC_GROUP,
  version: "v1",
  kind: "RoleBinding",
  plural: "rolebindings",
  singular: "rolebinding",
  namespaced: true,
  nameValidation: "path-segment",
  schema: kindSchema(
    "io.k8s.api.rbac.v1.RoleBinding",
    "RoleBinding references a role, but does not contain it.  It can reference a Role in the same namespace or a ClusterRole in the global namespace. It adds who information via Subjects and namespace information by which namespace it exists in.  RoleBindings in a given namespace only have effect in that namespace.",
    {
      roleRef: RoleRef,
      subjects: list(Subject, { listType: "atomic", desc: "Subjects holds references to the objects the role applies to." }),
    },
    ObjectMeta,
  ),
  applyDefaults: applyBindingDefaults,
  validate: (b, ctx) => validateBinding(b, ctx.old as RoleBinding | undefined, true),
  columns: bindingColumns(
    "RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error.",
    "roleBinding",
  ),
  printRow: (b, ctx) => bindingRow(b, ctx.nowMs),
};
