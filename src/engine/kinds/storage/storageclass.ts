// storage.k8s.io/v1 StorageClass (Kubernetes 1.32): types.go schema, SetDefaults_StorageClass,
// ValidateStorageClass/Update of pkg/apis/storage/validation and the printer of printers.go
// (NAME PROVISIONER RECLAIMPOLICY VOLUMEBINDINGMODE ALLOWVOLUMEEXPANSION AGE).
import type { KindDef, KubeObject } from "../types";
import { bool, kindSchema, list, obj, str, strEnum, stringMap, strList } from "../schema";
import { ObjectMeta } from "../common/meta";
import { age, ageColumn, col, nameColumn } from "../common/print";
import { child, duplicate, forbidden, index, invalid, notSupported, required, tooLong, type FieldError } from "../../machinery/field-errors";
import { isQualifiedName } from "../../machinery/names";
import { compareGoStrings } from "../../machinery/labels";
import { validateLabelName } from "../networking/networkpolicy";

export interface StorageClass extends KubeObject {
  provisioner?: string;
  parameters?: Record<string, string>;
  reclaimPolicy?: string;
  mountOptions?: string[];
  allowVolumeExpansion?: boolean;
  volumeBindingMode?: string;
  allowedTopologies?: Array<{ matchLabelExpressions?: Array<{ key?: string; values?: string[] }> }>;
}

/** The annotations that mark the cluster's default StorageClass (storageutil.IsDefaultAnnotation). */
export const DEFAULT_STORAGE_CLASS_ANNOTATION = "storageclass.kubernetes.io/is-default-class";
export const BETA_DEFAULT_STORAGE_CLASS_ANNOTATION = "storageclass.beta.kubernetes.io/is-default-class";

export function isDefaultStorageClass(sc: KubeObject): boolean {
  const a = sc.metadata.annotations ?? {};
  return a[DEFAULT_STORAGE_CLASS_ANNOTATION] === "true" || a[BETA_DEFAULT_STORAGE_CLASS_ANNOTATION] === "true";
}

export const TopologySelectorLabelRequirement = obj(
  {
    key: str("The label key that the selector applies to."),
    values: strList({ listType: "atomic", desc: "An array of string values. One value must match the label to be selected. Each entry in Values is ORed." }),
  },
  { id: "io.k8s.api.core.v1.TopologySelectorLabelRequirement", desc: "A topology selector requirement is a selector that matches given label. This is an alpha feature and may change in the future.", required: ["key", "values"] },
);

export const TopologySelectorTerm = obj(
  {
    matchLabelExpressions: list(TopologySelectorLabelRequirement, { listType: "atomic", desc: "A list of topology selector requirements by labels." }),
  },
  { id: "io.k8s.api.core.v1.TopologySelectorTerm", desc: "A topology selector term represents the result of label queries. A null or empty topology selector term matches no objects. The requirements of them are ANDed. It provides a subset of functionality as NodeSelectorTerm. This is an alpha feature and may change in the future." },
);

const MAX_PARAMETER_LEN = 512;
const MAX_PARAMETER_SIZE = 256 * 1024;

function validateStorageClass(sc: StorageClass): FieldError[] {
  const errs: FieldError[] = [];
  // validateProvisioner
  const prov = sc.provisioner ?? "";
  if (prov.length === 0) errs.push(required("provisioner", ""));
  else for (const msg of isQualifiedName(prov.toLowerCase())) errs.push(invalid("provisioner", prov.toLowerCase(), msg));
  // validateParameters (allowEmpty)
  const params = sc.parameters ?? {};
  const keys = Object.keys(params).sort(compareGoStrings);
  if (keys.length > MAX_PARAMETER_LEN) errs.push(tooLong("parameters", MAX_PARAMETER_LEN));
  else {
    let size = 0;
    for (const k of keys) {
      if (k.length < 1) errs.push(invalid("parameters", k, "field can not be empty."));
      size += k.length + params[k].length;
    }
    if (size > MAX_PARAMETER_SIZE) errs.push(tooLong("parameters", MAX_PARAMETER_SIZE));
  }
  // validateReclaimPolicy
  if (sc.reclaimPolicy && sc.reclaimPolicy !== "Delete" && sc.reclaimPolicy !== "Retain") {
    errs.push(notSupported("reclaimPolicy", sc.reclaimPolicy, ["Delete", "Retain"]));
  }
  // validateVolumeBindingMode
  if (sc.volumeBindingMode === undefined || sc.volumeBindingMode === null) errs.push(required("volumeBindingMode", ""));
  else if (sc.volumeBindingMode !== "Immediate" && sc.volumeBindingMode !== "WaitForFirstConsumer") {
    errs.push(notSupported("volumeBindingMode", sc.volumeBindingMode, ["Immediate", "WaitForFirstConsumer"]));
  }
  // validateAllowedTopologies
  const seen: string[] = [];
  (sc.allowedTopologies ?? []).forEach((term, i) => {
    const termPath = index("allowedTopologies", i);
    const exprPath = child(termPath, "matchLabelExpressions");
    const exprMap: Record<string, string[]> = {};
    (term.matchLabelExpressions ?? []).forEach((req, j) => {
      const p = index(exprPath, j);
      const values = req.values ?? [];
      if (values.length === 0) errs.push(required(child(p, "values"), ""));
      const set = new Set<string>();
      values.forEach((v, k) => {
        if (set.has(v)) errs.push(duplicate(index(child(p, "values"), k), v));
        set.add(v);
      });
      errs.push(...validateLabelName(req.key ?? "", child(p, "key")));
      if ((req.key ?? "") in exprMap) errs.push(duplicate(child(p, "key"), req.key ?? ""));
      exprMap[req.key ?? ""] = [...set].sort();
    });
    const canon = JSON.stringify(Object.keys(exprMap).sort().map((k) => [k, exprMap[k]]));
    if (seen.includes(canon)) errs.push(duplicate(exprPath, ""));
    seen.push(canon);
  });
  return errs;
}

export const storageClass: KindDef<StorageClass> = {
  group: "storage.k8s.io",
  version: "v1",
  kind: "StorageClass",
  plural: "storageclasses",
  singular: "storageclass",
  shortNames: ["sc"],
  namespaced: false,
  schema: kindSchema(
    "io.k8s.api.storage.v1.StorageClass",
    "StorageClass describes the parameters for a class of storage for which PersistentVolumes can be dynamically provisioned.\n\nStorageClasses are non-namespaced; the name of the storage class according to etcd is in ObjectMeta.Name.",
  {
    allowVolumeExpansion: bool("allowVolumeExpansion shows whether the storage class allow volume expand."),
    allowedTopologies: list(TopologySelectorTerm, { listType: "atomic", desc: "allowedTopologies restrict the node topologies where volumes can be dynamically provisioned. Each volume plugin defines its own supported topology specifications. An empty TopologySelectorTerm list means there is no topology restriction. This field is only honored by servers that enable the VolumeScheduling feature." }),
    mountOptions: strList({ listType: "atomic", desc: "mountOptions controls the mountOptions for dynamically provisioned PersistentVolumes of this storage class. e.g. [\"ro\", \"soft\"]. Not validated - mount of the PVs will simply fail if one is invalid." }),
    parameters: stringMap("parameters holds the parameters for the provisioner that should create volumes of this storage class."),
    provisioner: str("provisioner indicates the type of the provisioner."),
    reclaimPolicy: strEnum(["Delete", "Recycle", "Retain"], "reclaimPolicy controls the reclaimPolicy for dynamically provisioned PersistentVolumes of this storage class. Defaults to Delete.\n\nPossible enum values:\n - `\"Delete\"` means the volume will be deleted from Kubernetes on release from its claim. The volume plugin must support Deletion.\n - `\"Recycle\"` means the volume will be recycled back into the pool of unbound persistent volumes on release from its claim. The volume plugin must support Recycling.\n - `\"Retain\"` means the volume will be left in its current phase (Released) for manual reclamation by the administrator. The default policy is Retain."),
    volumeBindingMode: strEnum(["Immediate", "WaitForFirstConsumer"], "volumeBindingMode indicates how PersistentVolumeClaims should be provisioned and bound.  When unset, VolumeBindingImmediate is used. This field is only honored by servers that enable the VolumeScheduling feature.\n\nPossible enum values:\n - `\"Immediate\"` indicates that PersistentVolumeClaims should be immediately provisioned and bound.  This is the default mode.\n - `\"WaitForFirstConsumer\"` indicates that PersistentVolumeClaims should not be provisioned and bound until the first Pod is created that references the PeristentVolumeClaim.  The volume provisioning and binding will occur during Pod scheduing."),
  },
    ObjectMeta,
  ),
  applyDefaults(sc) {
    sc.reclaimPolicy ??= "Delete";
    sc.volumeBindingMode ??= "Immediate";
  },
  validate(sc, ctx) {
    const errs = validateStorageClass(sc);
    const old = ctx.old as StorageClass | undefined;
    if (old) {
      if (JSON.stringify(sortedMap(old.parameters)) !== JSON.stringify(sortedMap(sc.parameters))) {
        errs.push(forbidden("parameters", "updates to parameters are forbidden."));
      }
      if ((sc.provisioner ?? "") !== (old.provisioner ?? "")) errs.push(forbidden("provisioner", "updates to provisioner are forbidden."));
      if ((sc.reclaimPolicy ?? "") !== (old.reclaimPolicy ?? "")) errs.push(forbidden("reclaimPolicy", "updates to reclaimPolicy are forbidden."));
      if (sc.volumeBindingMode !== old.volumeBindingMode) errs.push(invalid("volumeBindingMode", sc.volumeBindingMode ?? null, "field is immutable"));
    }
    return errs;
  },
  columns: [
    nameColumn(),
    col("Provisioner", "string", "provisioner indicates the type of the provisioner."),
    col("ReclaimPolicy", "string", "reclaimPolicy controls the reclaimPolicy for dynamically provisioned PersistentVolumes of this storage class. Defaults to Delete."),
    col("VolumeBindingMode", "string", "volumeBindingMode indicates how PersistentVolumeClaims should be provisioned and bound.  When unset, VolumeBindingImmediate is used. This field is only honored by servers that enable the VolumeScheduling feature."),
    col("AllowVolumeExpansion", "string", "allowVolumeExpansion shows whether the storage class allow volume expand."),
    ageColumn(),
  ],
  printRow: (sc, ctx) => [
    sc.metadata.name! + (isDefaultStorageClass(sc) ? " (default)" : ""),
    sc.provisioner ?? "",
    sc.reclaimPolicy ?? "Delete",
    sc.volumeBindingMode ?? "Immediate",
    sc.allowVolumeExpansion ?? false,
    age(sc, ctx.nowMs),
  ],
};

function sortedMap(m: Record<string, string> | undefined): Array<[string, string]> {
  return Object.keys(m ?? {})
    .sort()
    .map((k) => [k, m![k]]);
}
