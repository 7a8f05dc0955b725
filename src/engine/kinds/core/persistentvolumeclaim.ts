// core/v1 PersistentVolumeClaim: schema (the spec is shared with StatefulSet claim templates via
// common/pod.ts), SetDefaults_PersistentVolumeClaim(Spec), the strategy (status Pending, data source
// normalisation) plus the DefaultStorageClass admission plugin, validation (spec immutable once
// created except requests.storage growth for bound claims) and printPersistentVolumeClaim.
import type { AdmissionContext, KindDef, KubeObject } from "../types";
import { kindSchema, list, obj, quantityMap, str, strEnum, stringMap, strList, time } from "../schema";
import { ObjectMeta } from "../common/meta";
import { PersistentVolumeClaimSpec } from "../common/pod";
import { age, ageColumn, col, nameColumn } from "../common/print";
import { child, forbidden, invalid, notSupported, required, type FieldError } from "../../machinery/field-errors";
import { isDNS1123Label, isDNS1123Subdomain } from "../../machinery/names";
import { compareQuantities, tryParseQuantity } from "../../machinery/quantity";
import { parseRfc3339 } from "../../machinery/time";
import { accessModesAsString, cmpDiff, cmpValue, validateAccessModes, type DiffField } from "./persistentvolume";
import { validateLabelMap } from "./service";
import { forbidden as forbiddenError } from "../../machinery/status";

interface TypedRef {
  apiGroup?: string;
  kind?: string;
  name?: string;
  namespace?: string;
}

export interface PersistentVolumeClaimSpecT {
  accessModes?: string[];
  selector?: { matchLabels?: Record<string, string>; matchExpressions?: Array<{ key?: string; operator?: string; values?: string[] }> };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  volumeName?: string;
  storageClassName?: string;
  volumeMode?: string;
  dataSource?: TypedRef;
  dataSourceRef?: TypedRef;
  volumeAttributesClassName?: string;
}

export interface PersistentVolumeClaim extends KubeObject {
  spec?: PersistentVolumeClaimSpecT;
  status?: {
    phase?: string;
    accessModes?: string[];
    capacity?: Record<string, string>;
    conditions?: unknown[];
    allocatedResources?: Record<string, string>;
    allocatedResourceStatuses?: Record<string, string>;
    currentVolumeAttributesClassName?: string;
    modifyVolumeStatus?: unknown;
  };
}

const BETA_STORAGE_CLASS_ANNOTATION = "volume.beta.kubernetes.io/storage-class";
const DEFAULT_CLASS_ANNOTATION = "storageclass.kubernetes.io/is-default-class";
const BETA_DEFAULT_CLASS_ANNOTATION = "storageclass.beta.kubernetes.io/is-default-class";

// ---------------------------------------------------------------------------------------------
// Schema
// ---------------------------------------------------------------------------------------------

export const PersistentVolumeClaimCondition = obj(
  {
    lastProbeTime: time("lastProbeTime is the time we probed the condition."),
    lastTransitionTime: time("lastTransitionTime is the time the condition transitioned from one status to another."),
    message: str("message is the human-readable message indicating details about last transition."),
    reason: str("reason is a unique, this should be a short, machine understandable string that gives the reason for condition's last transition. If it reports \"Resizing\" that means the underlying persistent volume is being resized."),
    status: str("Status is the status of the condition. Can be True, False, Unknown. More info: https://kubernetes.io/docs/reference/kubernetes-api/config-and-storage-resources/persistent-volume-claim-v1/#:~:text=state%20of%20pvc-,conditions.status,-(string)%2C%20required"),
    type: str("Type is the type of the condition. More info: https://kubernetes.io/docs/reference/kubernetes-api/config-and-storage-resources/persistent-volume-claim-v1/#:~:text=set%20to%20%27ResizeStarted%27.-,PersistentVolumeClaimCondition,-contains%20details%20about"),
  },
  { id: "io.k8s.api.core.v1.PersistentVolumeClaimCondition", desc: "PersistentVolumeClaimCondition contains details about state of pvc", required: ["status", "type"] },
);

export const ModifyVolumeStatus = obj(
  {
    status: strEnum(["InProgress", "Infeasible", "Pending"], "status is the status of the ControllerModifyVolume operation. It can be in any of following states:\n - Pending\n   Pending indicates that the PersistentVolumeClaim cannot be modified due to unmet requirements, such as\n   the specified VolumeAttributesClass not existing.\n - InProgress\n   InProgress indicates that the volume is being modified.\n - Infeasible\n  Infeasible indicates that the request has been rejected as invalid by the CSI driver. To\n\t  resolve the error, a valid VolumeAttributesClass needs to be specified.\nNote: New statuses can be added in the future. Consumers should check for unknown statuses and fail appropriately.\n\nPossible enum values:\n - `\"InProgress\"` InProgress indicates that the volume is being modified\n - `\"Infeasible\"` Infeasible indicates that the request has been rejected as invalid by the CSI driver. To resolve the error, a valid VolumeAttributesClass needs to be specified\n - `\"Pending\"` Pending indicates that the PersistentVolumeClaim cannot be modified due to unmet requirements, such as the specified VolumeAttributesClass not existing"),
    targetVolumeAttributesClassName: str("targetVolumeAttributesClassName is the name of the VolumeAttributesClass the PVC currently being reconciled"),
  },
  { id: "io.k8s.api.core.v1.ModifyVolumeStatus", desc: "ModifyVolumeStatus represents the status object of ControllerModifyVolume operation", required: ["status"] },
);

export const PersistentVolumeClaimStatus = obj(
  {
    accessModes: strList({ listType: "atomic", desc: "accessModes contains the actual access modes the volume backing the PVC has. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes-1" }),
    allocatedResourceStatuses: stringMap("allocatedResourceStatuses stores status of resource being resized for the given PVC. Key names follow standard Kubernetes label syntax. Valid values are either:\n\t* Un-prefixed keys:\n\t\t- storage - the capacity of the volume.\n\t* Custom resources must use implementation-defined prefixed names such as \"example.com/my-custom-resource\"\nApart from above values - keys that are unprefixed or have kubernetes.io prefix are considered reserved and hence may not be used.\n\nClaimResourceStatus can be in any of following states:\n\t- ControllerResizeInProgress:\n\t\tState set when resize controller starts resizing the volume in control-plane.\n\t- ControllerResizeFailed:\n\t\tState set when resize has failed in resize controller with a terminal error.\n\t- NodeResizePending:\n\t\tState set when resize controller has finished resizing the volume but further resizing of\n\t\tvolume is needed on the node.\n\t- NodeResizeInProgress:\n\t\tState set when kubelet starts resizing the volume.\n\t- NodeResizeFailed:\n\t\tState set when resizing has failed in kubelet with a terminal error. Transient errors don't set\n\t\tNodeResizeFailed.\nFor example: if expanding a PVC for more capacity - this field can be one of the following states:\n\t- pvc.status.allocatedResourceStatus['storage'] = \"ControllerResizeInProgress\"\n     - pvc.status.allocatedResourceStatus['storage'] = \"ControllerResizeFailed\"\n     - pvc.status.allocatedResourceStatus['storage'] = \"NodeResizePending\"\n     - pvc.status.allocatedResourceStatus['storage'] = \"NodeResizeInProgress\"\n     - pvc.status.allocatedResourceStatus['storage'] = \"NodeResizeFailed\"\nWhen this field is not set, it means that no resize operation is in progress for the given PVC.\n\nA controller that receives PVC update with previously unknown resourceName or ClaimResourceStatus should ignore the update for the purpose it was designed. For example - a controller that only is responsible for resizing capacity of the volume, should ignore PVC updates that change other valid resources associated with PVC.\n\nThis is an alpha field and requires enabling RecoverVolumeExpansionFailure feature."),
    allocatedResources: quantityMap("allocatedResources tracks the resources allocated to a PVC including its capacity. Key names follow standard Kubernetes label syntax. Valid values are either:\n\t* Un-prefixed keys:\n\t\t- storage - the capacity of the volume.\n\t* Custom resources must use implementation-defined prefixed names such as \"example.com/my-custom-resource\"\nApart from above values - keys that are unprefixed or have kubernetes.io prefix are considered reserved and hence may not be used.\n\nCapacity reported here may be larger than the actual capacity when a volume expansion operation is requested. For storage quota, the larger value from allocatedResources and PVC.spec.resources is used. If allocatedResources is not set, PVC.spec.resources alone is used for quota calculation. If a volume expansion capacity request is lowered, allocatedResources is only lowered if there are no expansion operations in progress and if the actual volume capacity is equal or lower than the requested capacity.\n\nA controller that receives PVC update with previously unknown resourceName should ignore the update for the purpose it was designed. For example - a controller that only is responsible for resizing capacity of the volume, should ignore PVC updates that change other valid resources associated with PVC.\n\nThis is an alpha field and requires enabling RecoverVolumeExpansionFailure feature."),
    capacity: quantityMap("capacity represents the actual resources of the underlying volume."),
    conditions: list(PersistentVolumeClaimCondition, { mergeKey: "type", strategy: "merge", listType: "map", listMapKeys: ["type"], desc: "conditions is the current Condition of persistent volume claim. If underlying persistent volume is being resized then the Condition will be set to 'Resizing'." }),
    currentVolumeAttributesClassName: str("currentVolumeAttributesClassName is the current name of the VolumeAttributesClass the PVC is using. When unset, there is no VolumeAttributeClass applied to this PersistentVolumeClaim This is a beta field and requires enabling VolumeAttributesClass feature (off by default)."),
    modifyVolumeStatus: ModifyVolumeStatus.describe("ModifyVolumeStatus represents the status object of ControllerModifyVolume operation. When this is unset, there is no ModifyVolume operation being attempted. This is a beta field and requires enabling VolumeAttributesClass feature (off by default)."),
    phase: strEnum(["Bound", "Lost", "Pending"], "phase represents the current phase of PersistentVolumeClaim.\n\nPossible enum values:\n - `\"Bound\"` used for PersistentVolumeClaims that are bound\n - `\"Lost\"` used for PersistentVolumeClaims that lost their underlying PersistentVolume. The claim was bound to a PersistentVolume and this volume does not exist any longer and all data on it was lost.\n - `\"Pending\"` used for PersistentVolumeClaims that are not yet bound"),
  },
  { id: "io.k8s.api.core.v1.PersistentVolumeClaimStatus", desc: "PersistentVolumeClaimStatus is the current status of a persistent volume claim." },
);

// ---------------------------------------------------------------------------------------------
// Behaviour
// ---------------------------------------------------------------------------------------------

const VOLUME_MODES = ["Block", "Filesystem"];

/** EnforceDataSourceBackwardsCompatibility + NormalizeDataSources (create). */
function normalizeDataSources(spec: PersistentVolumeClaimSpecT): void {
  const ds = spec.dataSource;
  if (ds && !((!ds.apiGroup && ds.kind === "PersistentVolumeClaim") || (ds.apiGroup === "snapshot.storage.k8s.io" && ds.kind === "VolumeSnapshot"))) {
    delete spec.dataSource;
  }
  if (spec.dataSource && !spec.dataSourceRef) {
    spec.dataSourceRef = { ...(spec.dataSource.apiGroup !== undefined ? { apiGroup: spec.dataSource.apiGroup } : {}), kind: spec.dataSource.kind, name: spec.dataSource.name };
  } else if (spec.dataSourceRef && !spec.dataSource && !spec.dataSourceRef.namespace) {
    spec.dataSource = { ...(spec.dataSourceRef.apiGroup !== undefined ? { apiGroup: spec.dataSourceRef.apiGroup } : {}), kind: spec.dataSourceRef.kind, name: spec.dataSourceRef.name };
  }
}

/** The DefaultStorageClass admission plugin: the newest class marked default, by creation time then name. */
export function defaultStorageClassName(ctx: AdmissionContext): string | undefined {
  const classes = ctx
    .list("storageclasses.storage.k8s.io")
    .filter((sc) => {
      const a = sc.metadata.annotations ?? {};
      return a[DEFAULT_CLASS_ANNOTATION] === "true" || (a[DEFAULT_CLASS_ANNOTATION] === undefined && a[BETA_DEFAULT_CLASS_ANNOTATION] === "true");
    })
    .map((sc) => ({ name: sc.metadata.name ?? "", t: parseRfc3339(sc.metadata.creationTimestamp ?? "") ?? 0 }))
    .sort((a, b) => b.t - a.t || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return classes[0]?.name;
}

function validateDataSource(ds: TypedRef, path: string, isRef: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (!ds.name) errs.push(required(child(path, "name")));
  if (!ds.kind) errs.push(required(child(path, "kind")));
  const group = ds.apiGroup ?? "";
  if (!group && ds.kind !== "PersistentVolumeClaim") errs.push(invalid(path, ds.kind ?? "", "must be 'PersistentVolumeClaim' when referencing the default apiGroup"));
  if (group) for (const msg of isDNS1123Subdomain(group)) errs.push(invalid(child(path, "apiGroup"), group, msg));
  if (isRef && ds.namespace) for (const msg of isDNS1123Label(ds.namespace)) errs.push(invalid(child(path, "namespace"), ds.namespace, msg));
  return errs;
}

/** ValidatePersistentVolumeClaimSpec */
export function validateClaimSpec(spec: PersistentVolumeClaimSpecT, path = "spec"): FieldError[] {
  const errs: FieldError[] = [];
  const modes = spec.accessModes ?? [];
  if (!modes.length) errs.push(required(child(path, "accessModes"), "at least 1 access mode is required"));
  if (spec.selector?.matchLabels) errs.push(...validateLabelMap(spec.selector.matchLabels, child(path, "selector.matchLabels")));
  errs.push(...validateAccessModes(modes, child(path, "accessModes")));
  const storagePath = `${child(path, "resources")}[storage]`;
  const storage = spec.resources?.requests?.storage;
  if (storage === undefined) errs.push(required(storagePath));
  else {
    const q = tryParseQuantity(String(storage));
    if (q && q.sign() <= 0) errs.push(invalid(storagePath, q.toString(), "must be greater than zero"));
  }
  if (spec.storageClassName) for (const msg of isDNS1123Subdomain(spec.storageClassName)) errs.push(invalid(child(path, "storageClassName"), spec.storageClassName, msg));
  if (spec.volumeMode !== undefined && !VOLUME_MODES.includes(spec.volumeMode)) errs.push(notSupported(child(path, "volumeMode"), spec.volumeMode, VOLUME_MODES));
  if (spec.dataSource) errs.push(...validateDataSource(spec.dataSource, child(path, "dataSource"), false));
  if (spec.dataSourceRef) errs.push(...validateDataSource(spec.dataSourceRef, child(path, "dataSourceRef"), true));
  if (spec.dataSourceRef?.namespace) {
    if (spec.dataSource) errs.push(invalid(path, child(path, "dataSource"), "may not be specified when dataSourceRef.namespace is specified"));
  } else if (spec.dataSource && spec.dataSourceRef) {
    const a = spec.dataSource;
    const b = spec.dataSourceRef;
    if (a.apiGroup !== b.apiGroup || a.kind !== b.kind || a.name !== b.name) errs.push(invalid(path, child(path, "dataSource"), "must match dataSourceRef"));
  }
  return errs;
}

/** How go-cmp prints a ResourceRequirements value. */
function cmpResources(v: unknown): string {
  const r = (v ?? {}) as { limits?: Record<string, string>; requests?: Record<string, string> };
  const list = (m: Record<string, string>) =>
    `{${Object.keys(m)
      .sort()
      .map((k) => {
        const q = tryParseQuantity(String(m[k]));
        return `s${JSON.stringify(k)}: {i: {...}, s: ${JSON.stringify(q?.toString() ?? String(m[k]))}, Format: ${JSON.stringify(q?.format ?? "DecimalSI")}}`;
      })
      .join(", ")}}`;
  const parts: string[] = [];
  if (r.limits && Object.keys(r.limits).length) parts.push(`Limits: ${list(r.limits)}`);
  if (r.requests && Object.keys(r.requests).length) parts.push(`Requests: ${list(r.requests)}`);
  return `{${parts.join(", ")}}`;
}

function claimSpecDiff(oldSpec: PersistentVolumeClaimSpecT, newSpec: PersistentVolumeClaimSpecT): string {
  const f = (goName: string, json: keyof PersistentVolumeClaimSpecT, pointer: boolean, render?: (v: unknown) => string): DiffField => ({
    goName,
    old: oldSpec[json],
    new: newSpec[json],
    pointer,
    render,
  });
  return cmpDiff("core.PersistentVolumeClaimSpec", [
    f("AccessModes", "accessModes", false),
    f("Selector", "selector", true),
    f("Resources", "resources", false, cmpResources),
    { goName: "VolumeName", old: oldSpec.volumeName ?? "", new: newSpec.volumeName ?? "" },
    f("StorageClassName", "storageClassName", true),
    f("VolumeMode", "volumeMode", true),
    f("DataSource", "dataSource", true, (v) => cmpValue(v, true)),
    f("DataSourceRef", "dataSourceRef", true, (v) => cmpValue(v, true)),
    f("VolumeAttributesClassName", "volumeAttributesClassName", true),
  ]);
}

const specKey = (s: PersistentVolumeClaimSpecT) =>
  JSON.stringify([s.accessModes ?? [], s.selector ?? null, s.resources ?? {}, s.volumeName ?? "", s.storageClassName ?? null, s.volumeMode ?? null, s.dataSource ?? null, s.dataSourceRef ?? null, s.volumeAttributesClassName ?? null]);

/** ValidatePersistentVolumeClaimUpdate */
function validateClaimUpdate(pvc: PersistentVolumeClaim, old: PersistentVolumeClaim): FieldError[] {
  const errs: FieldError[] = [];
  const newSpec: PersistentVolumeClaimSpecT = structuredClone(pvc.spec ?? {});
  const oldSpec: PersistentVolumeClaimSpecT = structuredClone(old.spec ?? {});
  if (!old.spec?.volumeName) {
    if (newSpec.volumeName === undefined) delete oldSpec.volumeName;
    else oldSpec.volumeName = newSpec.volumeName;
  }
  const oldAnn = old.metadata.annotations ?? {};
  const newAnn = pvc.metadata.annotations ?? {};
  const oldHasAnn = BETA_STORAGE_CLASS_ANNOTATION in oldAnn;
  const newHasAnn = BETA_STORAGE_CLASS_ANNOTATION in newAnn;
  const oldSc = old.spec?.storageClassName;
  const newSc = pvc.spec?.storageClassName;
  if (oldHasAnn && oldSc === undefined && newSc !== undefined && newSc === oldAnn[BETA_STORAGE_CLASS_ANNOTATION] && (!newHasAnn || newAnn[BETA_STORAGE_CLASS_ANNOTATION] === oldAnn[BETA_STORAGE_CLASS_ANNOTATION])) {
    delete newSpec.storageClassName;
  } else {
    if ((newAnn[BETA_STORAGE_CLASS_ANNOTATION] ?? "") !== (oldAnn[BETA_STORAGE_CLASS_ANNOTATION] ?? "")) {
      errs.push(invalid(`metadata.annotations.${BETA_STORAGE_CLASS_ANNOTATION}`, newAnn[BETA_STORAGE_CLASS_ANNOTATION] ?? "", "field is immutable"));
    }
    if (newSc !== undefined && oldSc === undefined && (!oldHasAnn || newSc === oldAnn[BETA_STORAGE_CLASS_ANNOTATION])) delete newSpec.storageClassName;
  }
  const bound = pvc.status?.phase === "Bound";
  if (bound && newSpec.resources?.requests) {
    const oldStorage = old.spec?.resources?.requests?.storage;
    if (oldStorage === undefined) delete newSpec.resources.requests.storage;
    else newSpec.resources.requests.storage = oldStorage;
  }
  if (bound && newSpec.volumeAttributesClassName !== undefined) {
    if (oldSpec.volumeAttributesClassName === undefined) delete newSpec.volumeAttributesClassName;
    else newSpec.volumeAttributesClassName = oldSpec.volumeAttributesClassName;
  }
  if (specKey(newSpec) !== specKey(oldSpec)) {
    errs.push(
      forbidden(
        "spec",
        `spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n${claimSpecDiff(oldSpec, newSpec)}`,
      ),
    );
  }
  const oldSize = old.spec?.resources?.requests?.storage ?? "0";
  const newSize = pvc.spec?.resources?.requests?.storage ?? "0";
  const statusSize = old.status?.capacity?.storage ?? "0";
  if (compareQuantities(String(newSize), String(oldSize)) < 0 && compareQuantities(String(newSize), String(statusSize)) <= 0) {
    // RecoverVolumeExpansionFailure (beta, on in 1.32): shrinking is allowed down to status.capacity.
    errs.push(forbidden("spec.resources.requests.storage", "field can not be less than status.capacity"));
  }
  if ((pvc.spec?.volumeMode ?? null) !== (old.spec?.volumeMode ?? null)) errs.push(invalid("volumeMode", pvc.spec?.volumeMode ?? null, "field is immutable"));
  return errs;
}

export function validatePersistentVolumeClaim(pvc: PersistentVolumeClaim, old: PersistentVolumeClaim | undefined, subresource?: string): FieldError[] {
  if (subresource === "status") {
    const errs: FieldError[] = [];
    if (!pvc.spec?.accessModes?.length) errs.push(required("Spec.accessModes"));
    for (const [k, v] of Object.entries(pvc.status?.capacity ?? {})) {
      const q = tryParseQuantity(String(v));
      if (q && q.value() < 0) errs.push(invalid(`status.capacity[${k}]`, q.value(), "must be a valid resource quantity"));
    }
    return errs;
  }
  const errs = validateClaimSpec(pvc.spec ?? {});
  if (old) errs.push(...validateClaimUpdate(pvc, old));
  return errs;
}

/** helper.GetPersistentVolumeClaimClass */
export function persistentVolumeClaimClass(pvc: PersistentVolumeClaim): string {
  const ann = pvc.metadata.annotations?.[BETA_STORAGE_CLASS_ANNOTATION];
  if (ann !== undefined) return ann;
  return pvc.spec?.storageClassName ?? "";
}

export const persistentVolumeClaim: KindDef<PersistentVolumeClaim> = {
  group: "",
  version: "v1",
  kind: "PersistentVolumeClaim",
  plural: "persistentvolumeclaims",
  singular: "persistentvolumeclaim",
  shortNames: ["pvc"],
  namespaced: true,
  statusSubresource: true,
  schema: kindSchema(
    "io.k8s.api.core.v1.PersistentVolumeClaim",
    "PersistentVolumeClaim is a user's request for and claim to a persistent volume",
    {
      spec: PersistentVolumeClaimSpec.describe("spec defines the desired characteristics of a volume requested by a pod author. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#persistentvolumeclaims"),
      status: PersistentVolumeClaimStatus.describe("status represents the current information/status of a persistent volume claim. Read-only. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#persistentvolumeclaims"),
    },
    ObjectMeta,
  ),
  applyDefaults(pvc) {
    const spec = (pvc.spec ??= {});
    if (spec.volumeMode === undefined) spec.volumeMode = "Filesystem";
    if (pvc.status && !pvc.status.phase) pvc.status.phase = "Pending";
    if (!pvc.status) pvc.status = { phase: "Pending" };
  },
  prepareForCreate(pvc, ctx) {
    admitPvcLimitRanges(pvc, ctx);
    const spec = (pvc.spec ??= {});
    pvc.status = { phase: "Pending" };
    // VolumeAttributesClass is a disabled beta feature in 1.32: the field is dropped.
    delete spec.volumeAttributesClassName;
    // StorageObjectInUseProtection admission.
    if (!(pvc.metadata.finalizers ?? []).includes("kubernetes.io/pvc-protection")) pvc.metadata.finalizers = [...(pvc.metadata.finalizers ?? []), "kubernetes.io/pvc-protection"];
    normalizeDataSources(spec);
    // DefaultStorageClass admission.
    if (spec.storageClassName === undefined && pvc.metadata.annotations?.[BETA_STORAGE_CLASS_ANNOTATION] === undefined) {
      const def = defaultStorageClassName(ctx);
      if (def !== undefined) spec.storageClassName = def;
    }
  },
  prepareForUpdate(pvc, old, ctx) {
    admitPvcLimitRanges(pvc, ctx);
    if (pvc.spec && old.spec?.volumeAttributesClassName === undefined) delete pvc.spec.volumeAttributesClassName;
  },
  validate: (pvc, ctx) => validatePersistentVolumeClaim(pvc, ctx.old as PersistentVolumeClaim | undefined, ctx.subresource),
  columns: [
    nameColumn(),
    col("Status", "string", "phase represents the current phase of PersistentVolumeClaim."),
    col("Volume", "string", "volumeName is the binding reference to the PersistentVolume backing this claim."),
    col("Capacity", "string", "capacity represents the actual resources of the underlying volume."),
    col("Access Modes", "string", "accessModes contains the actual access modes the volume backing the PVC has. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes-1"),
    col("StorageClass", "string", "StorageClass of the pvc"),
    col("VolumeAttributesClass", "string", "VolumeAttributesClass of the pvc"),
    ageColumn(),
    col("VolumeMode", "string", "volumeMode defines what type of volume is required by the claim. Value of Filesystem is implied when not included in claim spec.", 1),
  ],
  printRow(pvc, ctx) {
    const spec = pvc.spec ?? {};
    let capacity = "";
    let modes = "";
    if (spec.volumeName) {
      modes = accessModesAsString(pvc.status?.accessModes);
      const s = pvc.status?.capacity?.storage;
      capacity = s !== undefined ? (tryParseQuantity(String(s))?.toString() ?? String(s)) : "0";
    }
    return [
      pvc.metadata.name ?? "",
      pvc.metadata.deletionTimestamp ? "Terminating" : (pvc.status?.phase ?? ""),
      spec.volumeName ?? "",
      capacity,
      modes,
      persistentVolumeClaimClass(pvc),
      spec.volumeAttributesClassName ?? "<unset>",
      age(pvc, ctx.nowMs),
      spec.volumeMode ?? "<unset>",
    ];
  },
};

/**
 * LimitRanger admission for claims (PersistentVolumeClaimValidateLimitFunc): the storage a claim
 * requests must lie within the min and max of the namespace's PersistentVolumeClaim limits. The first
 * LimitRange a claim violates refuses it.
 */
function admitPvcLimitRanges(pvc: PersistentVolumeClaim, ctx: AdmissionContext): void {
  let ranges: readonly KubeObject[];
  try {
    ranges = ctx.list("limitranges", pvc.metadata.namespace ?? "default");
  } catch {
    return;
  }
  const requests = (pvc.spec?.resources?.requests ?? {}) as Record<string, unknown>;
  const q = (v: unknown) => tryParseQuantity(String(v ?? "").trim());
  for (const lr of ranges) {
    const errs: string[] = [];
    for (const item of (lr.spec?.limits ?? []) as Array<{ type?: string; min?: Record<string, unknown>; max?: Record<string, unknown> }>) {
      if (item.type !== "PersistentVolumeClaim") continue;
      for (const [k, v] of Object.entries(item.min ?? {})) {
        const enforced = q(v);
        if (!enforced) continue;
        const req = q(requests[k]);
        if (!(k in requests)) errs.push(`minimum ${k} usage per PersistentVolumeClaim is ${enforced}.  No request is specified`);
        else if (req && req.cmp(enforced) < 0) errs.push(`minimum ${k} usage per PersistentVolumeClaim is ${enforced}, but request is ${req}`);
      }
      for (const [k, v] of Object.entries(item.max ?? {})) {
        const enforced = q(v);
        if (!enforced) continue;
        const req = q(requests[k]);
        if (!(k in requests)) errs.push(`maximum ${k} usage per PersistentVolumeClaim is ${enforced}.  No request is specified`);
        else if (req && req.cmp(enforced) > 0) errs.push(`maximum ${k} usage per PersistentVolumeClaim is ${enforced}, but request is ${req}`);
      }
    }
    if (errs.length) throw forbiddenError({ group: "", resource: "persistentvolumeclaims" }, pvc.metadata.name ?? "", errs.length === 1 ? errs[0] : `[${errs.join(", ")}]`);
  }
}
