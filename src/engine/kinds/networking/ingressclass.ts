// networking.k8s.io/v1 IngressClass (Kubernetes 1.32): types.go schema, SetDefaults_IngressClass,
// ValidateIngressClass/Update and the printer of printers.go (NAME CONTROLLER PARAMETERS AGE).
import type { KindDef, KubeObject } from "../types";
import { kindSchema, obj, str } from "../schema";
import { ObjectMeta } from "../common/meta";
import { age, ageColumn, col, nameColumn } from "../common/print";
import { child, forbidden, invalid, notSupported, required, tooLong, type FieldError } from "../../machinery/field-errors";
import { isDNS1123Subdomain, isValidPathSegmentName, nameIsDNSLabel, regexError, utf8Length } from "../../machinery/names";

export interface IngressClassParameters {
  apiGroup?: string;
  kind?: string;
  name?: string;
  scope?: string;
  namespace?: string;
}
export interface IngressClass extends KubeObject {
  spec?: { controller?: string; parameters?: IngressClassParameters };
}

export const IngressClassParametersReference = obj(
  {
    apiGroup: str("apiGroup is the group for the resource being referenced. If APIGroup is not specified, the specified Kind must be in the core API group. For any other third-party types, APIGroup is required."),
    kind: str("kind is the type of resource being referenced."),
    name: str("name is the name of resource being referenced."),
    namespace: str("namespace is the namespace of the resource being referenced. This field is required when scope is set to \"Namespace\" and must be unset when scope is set to \"Cluster\"."),
    scope: str("scope represents if this refers to a cluster or namespace scoped resource. This may be set to \"Cluster\" (default) or \"Namespace\"."),
  },
  { id: "io.k8s.api.networking.v1.IngressClassParametersReference", desc: "IngressClassParametersReference identifies an API object. This can be used to specify a cluster or namespace-scoped resource.", required: ["kind", "name"] },
);

export const IngressClassSpec = obj(
  {
    controller: str("controller refers to the name of the controller that should handle this class. This allows for different \"flavors\" that are controlled by the same controller. For example, you may have different parameters for the same implementing controller. This should be specified as a domain-prefixed path no more than 250 characters in length, e.g. \"acme.io/ingress-controller\". This field is immutable."),
    parameters: IngressClassParametersReference,
  },
  { id: "io.k8s.api.networking.v1.IngressClassSpec", desc: "IngressClassSpec provides information about the class of an Ingress." },
);

const MAX_LEN_CONTROLLER = 250;
const HTTP_PATH_FMT = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";
const HTTP_PATH_RE = new RegExp(`^${HTTP_PATH_FMT}$`);

/** validation.IsDomainPrefixedPath. */
export function validateDomainPrefixedPath(path: string, value: string): FieldError[] {
  if (value.length === 0) return [required(path, "")];
  const slash = value.indexOf("/");
  const host = slash < 0 ? value : value.slice(0, slash);
  const rest = slash < 0 ? "" : value.slice(slash + 1);
  if (slash < 0 || host.length === 0 || rest.length === 0) {
    return [invalid(path, value, 'must be a domain-prefixed path (such as "acme.io/foo")')];
  }
  const errs: FieldError[] = isDNS1123Subdomain(host).map((msg) => invalid(path, host, msg));
  if (!HTTP_PATH_RE.test(rest)) errs.push(invalid(path, rest, regexError("Invalid path", HTTP_PATH_FMT)));
  return errs;
}

function validateParameters(p: IngressClassParameters | undefined, path: string): FieldError[] {
  if (!p) return [];
  const errs: FieldError[] = [];
  if (p.apiGroup !== undefined && p.apiGroup !== null) {
    for (const msg of isDNS1123Subdomain(p.apiGroup)) errs.push(invalid(child(path, "apiGroup"), p.apiGroup, msg));
  }
  if (!p.kind) errs.push(required(child(path, "kind"), ""));
  else for (const msg of isValidPathSegmentName(p.kind)) errs.push(invalid(child(path, "kind"), p.kind, msg));
  if (!p.name) errs.push(required(child(path, "name"), ""));
  else for (const msg of isValidPathSegmentName(p.name)) errs.push(invalid(child(path, "name"), p.name, msg));
  if (p.scope === undefined || p.scope === null) {
    errs.push(required(child(path, "scope"), ""));
    return errs;
  }
  if (p.scope !== "Cluster" && p.scope !== "Namespace") {
    errs.push(notSupported(child(path, "scope"), p.scope, ["Cluster", "Namespace"]));
  } else {
    if (p.scope === "Namespace") {
      if (p.namespace === undefined || p.namespace === null) errs.push(required(child(path, "namespace"), "`parameters.scope` is set to 'Namespace'"));
      else for (const msg of nameIsDNSLabel(p.namespace)) errs.push(invalid(child(path, "namespace"), p.namespace, msg));
    }
    if (p.scope === "Cluster" && p.namespace !== undefined && p.namespace !== null) {
      errs.push(forbidden(child(path, "namespace"), "`parameters.scope` is set to 'Cluster'"));
    }
  }
  return errs;
}

export const ingressClass: KindDef<IngressClass> = {
  group: "networking.k8s.io",
  version: "v1",
  kind: "IngressClass",
  plural: "ingressclasses",
  singular: "ingressclass",
  namespaced: false,
  tracksGeneration: true,
  schema: kindSchema(
    "io.k8s.api.networking.v1.IngressClass",
    "IngressClass represents the class of the Ingress, referenced by the Ingress Spec. The `ingressclass.kubernetes.io/is-default-class` annotation can be used to indicate that an IngressClass should be considered default. When a single IngressClass resource has this annotation set to true, new Ingress resources without a class specified will be assigned this default class.",
    { spec: IngressClassSpec },
    ObjectMeta,
  ),
  applyDefaults(ic) {
    ic.spec ??= {};
    if (ic.spec.parameters && (ic.spec.parameters.scope === undefined || ic.spec.parameters.scope === null)) ic.spec.parameters.scope = "Cluster";
  },
  validate(ic, ctx) {
    const errs: FieldError[] = [];
    const old = ctx.old as IngressClass | undefined;
    const controller = ic.spec?.controller ?? "";
    if (old && controller !== (old.spec?.controller ?? "")) errs.push(invalid("spec.controller", controller, "field is immutable"));
    if (controller.length === 0) errs.push(required("spec.controller", ""));
    else {
      if (utf8Length(controller) > MAX_LEN_CONTROLLER) errs.push(tooLong("spec.controller", MAX_LEN_CONTROLLER));
      errs.push(...validateDomainPrefixedPath("spec.controller", controller));
    }
    errs.push(...validateParameters(ic.spec?.parameters, "spec.parameters"));
    return errs;
  },
  columns: [
    nameColumn(),
    col("Controller", "string", "Controller that is responsible for handling this class"),
    col("Parameters", "string", "A reference to a resource with additional parameters"),
    ageColumn(),
  ],
  printRow(ic, ctx) {
    const p = ic.spec?.parameters;
    let parameters = "<none>";
    if (p) {
      parameters = p.kind ?? "";
      if (p.apiGroup !== undefined && p.apiGroup !== null) parameters += "." + p.apiGroup;
      parameters += "/" + (p.name ?? "");
    }
    return [ic.metadata.name!, ic.spec?.controller ?? "", parameters, age(ic, ctx.nowMs)];
  },
};
