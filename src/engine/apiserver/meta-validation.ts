// ValidateObjectMeta / ValidateObjectMetaUpdate (k8s.io/apimachinery/pkg/api/validation/objectmeta.go).
import type { KindDef, ObjectMeta } from "../kinds/types";
import { forbidden, invalid, required, type FieldError } from "../machinery/field-errors";
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue } from "../machinery/names";

const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * 1024;

function nameErrors(def: KindDef, name: string, prefix: boolean): string[] {
  // With generateName, validation runs on the prefix with a trailing '-' trimmed (ValidateObjectMeta: prefix=true).
  const v = prefix ? name.replace(/-$/, "") : name;
  switch (def.nameValidation ?? "subdomain") {
    case "label":
      return isDNS1123Label(v);
    case "dns1035":
      return isDNS1035Label(v);
    case "path-segment":
      return pathSegmentNameErrors(v, prefix);
    default:
      return isDNS1123Subdomain(v);
  }
}

/** path.ValidatePathSegmentName */
function pathSegmentNameErrors(name: string, prefix: boolean): string[] {
  if (!prefix && (name === "." || name === "..")) return [`may not be '${name}'`];
  for (const bad of ["/", "%"]) if (name.includes(bad)) return [`may not contain '${bad}'`];
  return [];
}

export function validateObjectMeta(def: KindDef, meta: ObjectMeta): FieldError[] {
  const errs: FieldError[] = [];
  if (meta.generateName) {
    for (const msg of nameErrors(def, meta.generateName, true)) errs.push(invalid("metadata.generateName", meta.generateName, msg));
  }
  if (!meta.name) {
    errs.push(required("metadata.name", "name or generateName is required"));
  } else {
    for (const msg of nameErrors(def, meta.name, false)) errs.push(invalid("metadata.name", meta.name, msg));
  }
  if (def.namespaced) {
    if (!meta.namespace) errs.push(required("metadata.namespace", ""));
    else for (const msg of isDNS1123Label(meta.namespace)) errs.push(invalid("metadata.namespace", meta.namespace, msg));
  } else if (meta.namespace) {
    errs.push(forbidden("metadata.namespace", "not allowed on this type"));
  }
  for (const [k, v] of Object.entries(meta.labels ?? {})) {
    for (const msg of isQualifiedName(k)) errs.push(invalid("metadata.labels", k, msg));
    for (const msg of isValidLabelValue(v)) errs.push(invalid("metadata.labels", v, msg));
  }
  let annotationBytes = 0;
  for (const [k, v] of Object.entries(meta.annotations ?? {})) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(invalid("metadata.annotations", k, msg));
    annotationBytes += k.length + v.length;
  }
  if (annotationBytes > TOTAL_ANNOTATION_SIZE_LIMIT_B) {
    errs.push({ type: "FieldValueTooLong", field: "metadata.annotations", detail: `may not be more than ${TOTAL_ANNOTATION_SIZE_LIMIT_B} bytes`, hasValue: false });
  }
  (meta.ownerReferences ?? []).forEach((ref, i) => {
    const p = `metadata.ownerReferences[${i}]`;
    if (!ref.apiVersion) errs.push(invalid(`${p}.apiVersion`, ref.apiVersion ?? "", "version must not be empty"));
    if (!ref.kind) errs.push(invalid(`${p}.kind`, ref.kind ?? "", "kind must not be empty"));
    if (!ref.name) errs.push(invalid(`${p}.name`, ref.name ?? "", "name must not be empty"));
    if (!ref.uid) errs.push(invalid(`${p}.uid`, ref.uid ?? "", "uid must not be empty"));
  });
  if ((meta.ownerReferences ?? []).filter((r) => r.controller).length > 1) {
    errs.push(invalid("metadata.ownerReferences", meta.ownerReferences, "Only one reference can have Controller set to true"));
  }
  const seen = meta.finalizers?.length ? new Set<string>() : undefined;
  for (const f of meta.finalizers ?? []) {
    if (seen!.has(f)) continue;
    seen!.add(f);
    if (!f.includes("/") && !["kubernetes", "orphan", "foregroundDeletion"].includes(f)) {
      for (const msg of isQualifiedName(f)) errs.push(invalid("metadata.finalizers", f, msg));
    }
  }
  return errs;
}

export function validateObjectMetaUpdate(def: KindDef, meta: ObjectMeta, old: ObjectMeta): FieldError[] {
  const errs = validateObjectMeta(def, meta);
  const immutable = (field: keyof ObjectMeta, path: string) => {
    if ((meta[field] ?? "") !== (old[field] ?? "")) errs.push(invalid(path, meta[field] ?? "", "field is immutable"));
  };
  immutable("name", "metadata.name");
  immutable("namespace", "metadata.namespace");
  immutable("uid", "metadata.uid");
  return errs;
}
