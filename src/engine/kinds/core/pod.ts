// Pod (core/v1): the kind description. Strategy from pkg/registry/core/pod/strategy.go, the mutating
// admission a 1.32 kube-apiserver applies to every new pod (LimitRanger, ServiceAccount, Priority,
// DefaultTolerationSeconds), ValidatePodCreate / ValidatePodUpdate (with the cmp.Diff of the
// "pod updates may not change fields" error), and printPod's cell logic.
import type { AdmissionContext, KindDef, KubeObject } from "../types";
import { kindSchema } from "../schema";
import { ObjectMeta } from "../common/meta";
import { age, ageColumn, col, nameColumn } from "../common/print";
import {
  applyAppArmorVersionSkew, applyPodSpecDefaults, computePodQOS, dropDisabledPodSpecFields, isRestartableInitContainer, PodSpec as PodSpecSchema, PodStatus as PodStatusSchema,
  validatePodSpec, validateTolerations, type Container, type ContainerStatus, type PodSpec, type PodStatus, type Toleration,
} from "../common/pod";
import { child, forbidden, index, invalid, required, type FieldError } from "../../machinery/field-errors";
import { forbidden as forbiddenError } from "../../machinery/status";
import { K8S_RAND_ALPHABET } from "../../machinery/rng";
import { inclusiveRangeError, isQualifiedName, nameIsDNSSubdomain } from "../../machinery/names";
import { parseRfc3339, rfc3339 } from "../../machinery/time";
import { humanDuration } from "../../machinery/duration";
import { deepEqual, clone, deepFreeze } from "../../machinery/json";
import { tryParseQuantity, type Quantity } from "../../machinery/quantity";
import { goQuote } from "../../machinery/field-errors";

export interface Pod extends KubeObject {
  spec?: PodSpec;
  status?: PodStatus;
}

const METADATA_DESC = "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

export const PodSchema = kindSchema(
  "io.k8s.api.core.v1.Pod",
  "Pod is a collection of containers that can run on a host. This resource is created by clients and scheduled onto hosts.",
  {
    spec: PodSpecSchema.describe(
      "Specification of the desired behavior of the pod. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status",
    ),
    status: PodStatusSchema.describe(
      "Most recently observed status of the pod. This data may not be up to date. Populated by the system. Read-only. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status",
    ),
  },
  ObjectMeta.describe(METADATA_DESC),
);

// ---------------------------------------------------------------------------------------------
// Admission (plugin/pkg/admission/{serviceaccount,priority,defaulttolerationseconds}).
// ---------------------------------------------------------------------------------------------

export const SERVICE_ACCOUNT_TOKEN_MOUNT_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";
const MIRROR_POD_ANNOTATION = "kubernetes.io/config.mirror";
const PODS = { group: "", resource: "pods" };

function randomSuffix(ctx: AdmissionContext, n = 5): string {
  let s = "";
  for (let i = 0; i < n; i++) s += K8S_RAND_ALPHABET[ctx.rng.int(K8S_RAND_ALPHABET.length)];
  return s;
}

/** What every API token volume projects: one value, shared by every pod (deepFreeze says why). */
const TOKEN_PROJECTION = deepFreeze({
  defaultMode: 420,
  sources: [
    { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
    { configMap: { items: [{ key: "ca.crt", path: "ca.crt" }], name: "kube-root-ca.crt" } },
    { downwardAPI: { items: [{ fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" }, path: "namespace" }] } },
  ],
});

/** The projected volume the ServiceAccount admission plugin adds (TokenVolumeSource). */
export function serviceAccountTokenVolume(name: string): Record<string, unknown> {
  return { name, projected: TOKEN_PROJECTION };
}

/**
 * ServiceAccount admission: default serviceAccountName, check the account exists, mount the API token
 * (kube-api-access-xxxxx) into every container unless automounting is off, copy imagePullSecrets.
 */
export function admitServiceAccount(pod: Pod, ctx: AdmissionContext): void {
  const spec = pod.spec!;
  if (pod.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) return;
  if (!spec.serviceAccountName) {
    spec.serviceAccountName = "default";
    spec.serviceAccount = "default";
  }
  const ns = pod.metadata.namespace ?? "default";
  let sa: KubeObject | undefined;
  try {
    sa = ctx.get("serviceaccounts", ns, spec.serviceAccountName);
  } catch {
    sa = undefined;
  }
  // The "default" account is created with its namespace; accept it even when the store has not caught up.
  if (!sa && spec.serviceAccountName !== "default") {
    throw forbiddenError(
      PODS,
      pod.metadata.name ?? "",
      `error looking up service account ${ns}/${spec.serviceAccountName}: serviceaccount "${spec.serviceAccountName}" not found`,
    );
  }
  const automount = spec.automountServiceAccountToken ?? (sa?.automountServiceAccountToken as boolean | undefined) ?? true;
  if (automount) {
    let volumeName = "";
    let hasVolume = false;
    for (const v of spec.volumes ?? []) {
      if (typeof v?.name === "string" && v.name.startsWith("kube-api-access-")) {
        volumeName = v.name;
        hasVolume = true;
        break;
      }
    }
    if (!volumeName) volumeName = "kube-api-access-" + randomSuffix(ctx);
    let needsVolume = false;
    for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
      if (!c || typeof c !== "object") continue;
      if ((c.volumeMounts ?? []).some((m) => m?.mountPath === SERVICE_ACCOUNT_TOKEN_MOUNT_PATH)) continue;
      (c.volumeMounts ??= []).push({ mountPath: SERVICE_ACCOUNT_TOKEN_MOUNT_PATH, name: volumeName, readOnly: true });
      needsVolume = true;
    }
    if (!hasVolume && needsVolume) (spec.volumes ??= []).push(serviceAccountTokenVolume(volumeName));
  }
  const saPullSecrets = sa?.imagePullSecrets as Array<{ name?: string }> | undefined;
  if (!(spec.imagePullSecrets ?? []).length && saPullSecrets?.length) {
    spec.imagePullSecrets = saPullSecrets.map((s) => ({ name: s.name }));
  }
}

const LIMIT_RANGER_ANNOTATION = "kubernetes.io/limit-ranger";

type ResList = Record<string, string | number>;
const qty = (v: unknown) => tryParseQuantity(typeof v === "number" ? String(v) : String(v ?? "").trim());

/**
 * LimitRanger admission on create (plugin/pkg/admission/limitranger): default container requests and
 * limits from the namespace's LimitRanges (recording what it set in kubernetes.io/limit-ranger), then
 * enforce their min / max / maxLimitRequestRatio. Violations are a Forbidden error.
 */
export function admitLimitRanges(pod: Pod, ctx: AdmissionContext): void {
  const ns = pod.metadata.namespace ?? "default";
  let ranges: readonly KubeObject[];
  try {
    ranges = ctx.list("limitranges", ns);
  } catch {
    return;
  }
  if (!ranges.length) return;
  const spec = pod.spec!;
  for (const lr of ranges) {
    const limits: ResList = {};
    const requests: ResList = {};
    for (const item of (lr.spec?.limits ?? []) as Array<Record<string, ResList | string>>) {
      if (item.type !== "Container") continue;
      Object.assign(limits, (item.default as ResList) ?? {});
      Object.assign(requests, (item.defaultRequest as ResList) ?? {});
    }
    const notes: string[] = [];
    const merge = (c: Container, prefix: string) => {
      if (!c || typeof c !== "object") return;
      const res = (c.resources ??= {});
      const setL: string[] = [];
      const setR: string[] = [];
      for (const [k, v] of Object.entries(limits)) {
        if (res.limits && k in res.limits) continue;
        (res.limits ??= {})[k] = v;
        setL.push(k);
      }
      for (const [k, v] of Object.entries(requests)) {
        if (res.requests && k in res.requests) continue;
        (res.requests ??= {})[k] = v;
        setR.push(k);
      }
      if (setR.length) notes.push(`${setR.sort().join(", ")} request for ${prefix} ${c.name ?? ""}`);
      if (setL.length) notes.push(`${setL.sort().join(", ")} limit for ${prefix} ${c.name ?? ""}`);
    };
    for (const c of spec.containers ?? []) merge(c, "container");
    for (const c of spec.initContainers ?? []) merge(c, "init container");
    if (notes.length) pod.metadata.annotations = { ...(pod.metadata.annotations ?? {}), [LIMIT_RANGER_ANNOTATION]: "LimitRanger plugin set: " + notes.join("; ") };
  }
  const errs: string[] = [];
  for (const lr of ranges) {
    for (const item of (lr.spec?.limits ?? []) as Array<Record<string, ResList | string>>) {
      const type = String(item.type ?? "");
      const check = (requests: ResList, limits: ResList) => {
        for (const [k, v] of Object.entries((item.min as ResList) ?? {}).sort()) {
          const e = qty(v);
          if (!e) continue;
          const req = qty(requests[k]);
          const lim = qty(limits[k]);
          if (!(k in requests)) errs.push(`minimum ${k} usage per ${type} is ${e}.  No request is specified`);
          else if (req && req.cmp(e) < 0) errs.push(`minimum ${k} usage per ${type} is ${e}, but request is ${req}`);
          else if (k in limits && lim && lim.cmp(e) < 0) errs.push(`minimum ${k} usage per ${type} is ${e}, but limit is ${lim}`);
        }
        for (const [k, v] of Object.entries((item.max as ResList) ?? {}).sort()) {
          const e = qty(v);
          if (!e) continue;
          const req = qty(requests[k]);
          const lim = qty(limits[k]);
          if (!(k in limits)) errs.push(`maximum ${k} usage per ${type} is ${e}.  No limit is specified`);
          else if (lim && lim.cmp(e) > 0) errs.push(`maximum ${k} usage per ${type} is ${e}, but limit is ${lim}`);
          else if (k in requests && req && req.cmp(e) > 0) errs.push(`maximum ${k} usage per ${type} is ${e}, but request is ${req}`);
        }
        for (const [k, v] of Object.entries((item.maxLimitRequestRatio as ResList) ?? {}).sort()) {
          const e = qty(v);
          if (!e) continue;
          const req = qty(requests[k]);
          const lim = qty(limits[k]);
          if (!req || req.isZero()) errs.push(`${k} max limit to request ratio per ${type} is ${e}, but no request is specified or request is 0`);
          else if (!lim || lim.isZero()) errs.push(`${k} max limit to request ratio per ${type} is ${e}, but no limit is specified or limit is 0`);
          else {
            const ratio = lim.milliValue() / req.milliValue();
            if (ratio * 1000 > e.milliValue()) errs.push(`${k} max limit to request ratio per ${type} is ${e}, but provided ratio is ${ratio.toFixed(6)}`);
          }
        }
      };
      if (type === "Container") {
        for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) check(c?.resources?.requests ?? {}, c?.resources?.limits ?? {});
      } else if (type === "Pod") {
        const sum = (which: "requests" | "limits") => {
          const out: Record<string, Quantity> = {};
          for (const c of spec.containers ?? []) {
            for (const [k, v] of Object.entries(c?.resources?.[which] ?? {})) {
              const q = qty(v);
              if (q) out[k] = out[k] ? out[k].add(q) : q;
            }
          }
          for (const c of spec.initContainers ?? []) {
            for (const [k, v] of Object.entries(c?.resources?.[which] ?? {})) {
              const q = qty(v);
              if (q && (!out[k] || q.cmp(out[k]) > 0)) out[k] = q;
            }
          }
          return Object.fromEntries(Object.entries(out).map(([k, q]) => [k, q.toString()]));
        };
        check(sum("requests"), sum("limits"));
      }
    }
  }
  if (errs.length) throw forbiddenError(PODS, pod.metadata.name ?? "", errs.length === 1 ? errs[0] : `[${errs.join(", ")}]`);
}

/** Built-in PriorityClasses every cluster has. */
const SYSTEM_PRIORITY_CLASSES: Record<string, number> = { "system-node-critical": 2000001000, "system-cluster-critical": 2000000000 };

function listSafe(ctx: AdmissionContext, resource: string): readonly KubeObject[] {
  try {
    return ctx.list(resource);
  } catch {
    return [];
  }
}

/** Priority admission on create: resolve priorityClassName to priority and preemptionPolicy. */
export function admitPriority(pod: Pod, ctx: AdmissionContext): void {
  const spec = pod.spec!;
  const classes = listSafe(ctx, "priorityclasses.scheduling.k8s.io");
  let priority: number;
  let policy: string | undefined;
  if (!spec.priorityClassName) {
    const def = classes.find((pc) => pc.globalDefault === true);
    if (def) {
      spec.priorityClassName = def.metadata.name;
      priority = Number(def.value ?? 0);
      policy = (def.preemptionPolicy as string | undefined) ?? "PreemptLowerPriority";
    } else {
      priority = 0;
      policy = "PreemptLowerPriority";
    }
  } else {
    const pc = classes.find((c) => c.metadata.name === spec.priorityClassName);
    if (pc) {
      priority = Number(pc.value ?? 0);
      policy = (pc.preemptionPolicy as string | undefined) ?? "PreemptLowerPriority";
    } else if (spec.priorityClassName in SYSTEM_PRIORITY_CLASSES) {
      priority = SYSTEM_PRIORITY_CLASSES[spec.priorityClassName];
      policy = "PreemptLowerPriority";
    } else {
      throw forbiddenError(PODS, pod.metadata.name ?? "", `no PriorityClass with name ${spec.priorityClassName} was found`);
    }
  }
  if (spec.priority !== undefined && spec.priority !== null && spec.priority !== priority) {
    throw forbiddenError(
      PODS,
      pod.metadata.name ?? "",
      `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`,
    );
  }
  spec.priority = priority;
  if (policy !== undefined) {
    if (spec.preemptionPolicy && spec.preemptionPolicy !== policy) {
      throw forbiddenError(
        PODS,
        pod.metadata.name ?? "",
        `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${policy} from the given PriorityClass name`,
      );
    }
    spec.preemptionPolicy = policy;
  }
}

const NOT_READY_TOLERATION: Toleration = deepFreeze({ effect: "NoExecute", key: "node.kubernetes.io/not-ready", operator: "Exists", tolerationSeconds: 300 });
const UNREACHABLE_TOLERATION: Toleration = deepFreeze({ effect: "NoExecute", key: "node.kubernetes.io/unreachable", operator: "Exists", tolerationSeconds: 300 });

/** DefaultTolerationSeconds admission (create and update): tolerate not-ready/unreachable for 300s (shared values). */
export function admitDefaultTolerations(pod: Pod): void {
  const spec = pod.spec!;
  const tolerations: Toleration[] = spec.tolerations ?? [];
  let notReady = false;
  let unreachable = false;
  for (const t of tolerations) {
    const effectOk = t?.effect === "NoExecute" || !t?.effect;
    if ((t?.key === "node.kubernetes.io/not-ready" || !t?.key) && effectOk) notReady = true;
    if ((t?.key === "node.kubernetes.io/unreachable" || !t?.key) && effectOk) unreachable = true;
  }
  if (notReady && unreachable) return;
  const out = [...tolerations];
  if (!notReady) out.push(NOT_READY_TOLERATION);
  if (!unreachable) out.push(UNREACHABLE_TOLERATION);
  spec.tolerations = out;
}

// ---------------------------------------------------------------------------------------------
// Validation (ValidatePodCreate, ValidatePodUpdate, ValidatePodStatusUpdate).
// ---------------------------------------------------------------------------------------------

/** updatablePodSpecFields of 1.32 (InPlacePodVerticalScaling is alpha, off). */
export const POD_UPDATE_FORBIDDEN_MESSAGE =
  "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

function validatePodMetadataAndSpec(pod: Pod): FieldError[] {
  const spec: PodSpec = pod.spec ?? {};
  const errs = validatePodSpec(spec, "spec", { resourceIsPod: true, podMeta: pod.metadata });
  const ann = pod.metadata.annotations ?? {};
  if (MIRROR_POD_ANNOTATION in ann && !spec.nodeName) {
    errs.push(invalid(`metadata.annotations[${MIRROR_POD_ANNOTATION}]`, ann[MIRROR_POD_ANNOTATION], "must set spec.nodeName if mirror pod annotation is set"));
  }
  const cost = ann["controller.kubernetes.io/pod-deletion-cost"];
  if (cost !== undefined && (!/^(0|-\d+|[1-9]\d*)$/.test(cost) || Number(cost) < -2147483648 || Number(cost) > 2147483647)) {
    errs.push(invalid("metadata.annotations[controller.kubernetes.io/pod-deletion-cost]", cost, "must be a 32bit integer"));
  }
  if (!spec.serviceAccountName) {
    (spec.volumes ?? []).forEach((v, vi) => {
      (v?.projected?.sources ?? []).forEach((s: Record<string, unknown>, si: number) => {
        if (s?.serviceAccountToken) {
          errs.push(forbidden(`spec.volumes[${vi}].projected.sources[${si}].serviceAccountToken`, "must not be specified when serviceAccountName is not set"));
        }
      });
    });
  }
  for (const [field, list] of [
    ["containers", spec.containers],
    ["initContainers", spec.initContainers],
  ] as const) {
    (list ?? []).forEach((c, i) => {
      if (typeof c?.image === "string" && c.image.length !== c.image.trim().length) {
        errs.push(invalid(`spec.${field}[${i}].image`, c.image, "must not have leading or trailing whitespace"));
      }
    });
  }
  return errs;
}

export function validatePodCreate(pod: Pod): FieldError[] {
  const errs = validatePodMetadataAndSpec(pod);
  const spec = pod.spec ?? {};
  if ((spec.ephemeralContainers ?? []).length > 0) errs.push(forbidden("spec.ephemeralContainers", "cannot be set on create"));
  if (spec.nodeName && (spec.schedulingGates ?? []).length) {
    errs.push(forbidden("spec.nodeName", "cannot be set until all schedulingGates have been cleared"));
  }
  return errs;
}

function validateContainerUpdates(next: Container[] | undefined, prev: Container[] | undefined, path: string): { errs: FieldError[]; stop: boolean } {
  const a = next ?? [];
  const b = prev ?? [];
  if (a.length !== b.length) return { errs: [forbidden(path, "pod updates may not add or remove containers")], stop: true };
  const errs: FieldError[] = [];
  a.forEach((c, i) => {
    if (!c?.image) errs.push(required(child(index(path, i), "image"), ""));
    if (typeof c?.image === "string" && c.image.trim().length !== c.image.length) {
      errs.push(invalid(child(index(path, i), "image"), c.image, "must not have leading or trailing whitespace"));
    }
  });
  return { errs, stop: false };
}

function tolerationEqualIgnoringSeconds(a: Toleration, b: Toleration): boolean {
  return deepEqual({ ...a, tolerationSeconds: undefined }, { ...b, tolerationSeconds: undefined }) && true;
}

/** Removes what Semantic.DeepEqual does not see: empty lists and maps equal missing ones. */
function semantic(v: unknown): unknown {
  if (Array.isArray(v)) return v.length ? v.map(semantic) : undefined;
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const s = semantic(x);
      if (s !== undefined && s !== null) out[k] = s;
    }
    return out;
  }
  return v;
}

function specEqual(a: PodSpec, b: PodSpec): boolean {
  const strip = (s: PodSpec) => {
    const c = { ...s };
    delete c.serviceAccount; // the v1 alias of serviceAccountName
    return semantic(c);
  };
  return deepEqual(strip(a), strip(b));
}

export function validatePodUpdate(pod: Pod, old: Pod): FieldError[] {
  const errs = validatePodMetadataAndSpec(pod);
  const ann = pod.metadata.annotations ?? {};
  const oldAnn = old.metadata.annotations ?? {};
  if (oldAnn[MIRROR_POD_ANNOTATION] !== ann[MIRROR_POD_ANNOTATION]) {
    if (MIRROR_POD_ANNOTATION in oldAnn) errs.push(forbidden(`metadata.annotations[${MIRROR_POD_ANNOTATION}]`, "may not remove or update mirror pod annotation"));
    else errs.push(forbidden(`metadata.annotations[${MIRROR_POD_ANNOTATION}]`, "may not add mirror pod annotation"));
  }
  const spec: PodSpec = pod.spec ?? {};
  const oldSpec: PodSpec = old.spec ?? {};
  let r = validateContainerUpdates(spec.containers, oldSpec.containers, "spec.containers");
  errs.push(...r.errs);
  if (r.stop) return errs;
  r = validateContainerUpdates(spec.initContainers, oldSpec.initContainers, "spec.initContainers");
  errs.push(...r.errs);
  if (r.stop) return errs;

  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null) {
    const v = spec.activeDeadlineSeconds;
    if (v < 0 || v > 2147483647) {
      errs.push(invalid("spec.activeDeadlineSeconds", v, inclusiveRangeError(0, 2147483647)));
      return errs;
    }
    if (oldSpec.activeDeadlineSeconds !== undefined && oldSpec.activeDeadlineSeconds !== null && oldSpec.activeDeadlineSeconds < v) {
      errs.push(invalid("spec.activeDeadlineSeconds", v, "must be less than or equal to previous value"));
      return errs;
    }
  } else if (oldSpec.activeDeadlineSeconds !== undefined && oldSpec.activeDeadlineSeconds !== null) {
    errs.push(invalid("spec.activeDeadlineSeconds", null, "must not update from a positive integer to nil value"));
  }

  // validateOnlyAddedTolerations
  let tolErr = false;
  for (const o of oldSpec.tolerations ?? []) {
    if (!(spec.tolerations ?? []).some((n) => tolerationEqualIgnoringSeconds(o, n))) {
      errs.push(forbidden("spec.tolerations", "existing toleration can not be modified except its tolerationSeconds"));
      tolErr = true;
      break;
    }
  }
  if (!tolErr) errs.push(...validateTolerations(spec.tolerations, "spec.tolerations"));

  // validateOnlyDeletedSchedulingGates
  const oldGates = new Set((oldSpec.schedulingGates ?? []).map((g) => g?.name));
  (spec.schedulingGates ?? []).forEach((g, i) => {
    if (!oldGates.has(g?.name)) {
      errs.push(forbidden(`spec.schedulingGates[${i}].name`, `only deletion is allowed, but found new scheduling gate '${g?.name ?? ""}'`));
    }
  });

  if (specEqual(spec, oldSpec)) return errs;

  const munged: PodSpec = clone(spec);
  (munged.containers ?? []).forEach((c, i) => (c.image = oldSpec.containers?.[i]?.image));
  (munged.initContainers ?? []).forEach((c, i) => (c.image = oldSpec.initContainers?.[i]?.image));
  munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds;
  if (munged.activeDeadlineSeconds === undefined) delete munged.activeDeadlineSeconds;
  munged.schedulingGates = oldSpec.schedulingGates;
  if (munged.schedulingGates === undefined) delete munged.schedulingGates;
  munged.tolerations = oldSpec.tolerations;
  if (munged.tolerations === undefined) delete munged.tolerations;
  if ((oldSpec.terminationGracePeriodSeconds ?? 0) < 0 && munged.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = oldSpec.terminationGracePeriodSeconds;
  }
  if ((oldSpec.schedulingGates ?? []).length > 0) {
    // Gated pods may gain nodeSelector entries and node affinity (checked loosely here).
    munged.nodeSelector = oldSpec.nodeSelector;
    if (munged.nodeSelector === undefined) delete munged.nodeSelector;
    if (munged.affinity || oldSpec.affinity) {
      const oldNA = oldSpec.affinity?.nodeAffinity;
      if (!munged.affinity) munged.affinity = oldNA ? { nodeAffinity: oldNA } : undefined;
      else if (!oldSpec.affinity && !munged.affinity.podAffinity && !munged.affinity.podAntiAffinity) delete munged.affinity;
      else {
        munged.affinity = { ...munged.affinity, nodeAffinity: oldNA };
        if (oldNA === undefined) delete munged.affinity.nodeAffinity;
      }
      if (munged.affinity === undefined) delete munged.affinity;
    }
  }
  if (!specEqual(munged, oldSpec)) {
    errs.push(forbidden("spec", `${POD_UPDATE_FORBIDDEN_MESSAGE}\n${podSpecDiff(oldSpec, munged)}`));
  }
  return errs;
}

export function validatePodStatusUpdate(pod: Pod, old: Pod): FieldError[] {
  const errs: FieldError[] = [];
  (pod.status?.conditions ?? []).forEach((c, i) => {
    if (["PodScheduled", "Ready", "Initialized"].includes(c?.type)) return;
    for (const m of isQualifiedName(c?.type ?? "")) errs.push(invalid(`metadata.conditions[${i}].Type`, c?.type ?? "", m));
  });
  if ((pod.spec?.nodeName ?? "") !== (old.spec?.nodeName ?? "")) errs.push(forbidden("status.nodeName", "may not be changed directly"));
  const nn = pod.status?.nominatedNodeName;
  if (nn && nn !== old.status?.nominatedNodeName) for (const m of nameIsDNSSubdomain(nn)) errs.push(invalid("status.nominatedNodeName", nn, m));
  if ((pod.status?.qosClass ?? "") !== (old.status?.qosClass ?? "")) errs.push(invalid("status.qosClass", pod.status?.qosClass ?? "", "field is immutable"));
  return errs;
}

// ---------------------------------------------------------------------------------------------
// Printer (printPod).
// ---------------------------------------------------------------------------------------------

const timeMs = (t: string | undefined | null): number | undefined => (t ? parseRfc3339(t) : undefined);

export interface PodCells {
  ready: string;
  status: string;
  restarts: string;
}

/** READY / STATUS / RESTARTS exactly as printPod computes them. */
export function podStatusCells(pod: Pod, nowMs: number): PodCells {
  const spec: PodSpec = pod.spec ?? {};
  const status: PodStatus = pod.status ?? {};
  let restarts = 0;
  let restartableInitRestarts = 0;
  let totalContainers = (spec.containers ?? []).length;
  let readyContainers = 0;
  let lastRestart: number | undefined; // zero time
  let lastRestartableInitRestart: number | undefined;
  const phase = status.phase ?? "";
  let reason = status.reason ? status.reason : phase;
  for (const c of status.conditions ?? []) {
    if (c?.type === "PodScheduled" && c?.reason === "SchedulingGated") reason = "SchedulingGated";
  }
  const initContainers = new Map<string, Container>();
  for (const c of spec.initContainers ?? []) {
    initContainers.set(c?.name ?? "", c);
    if (isRestartableInitContainer(c)) totalContainers++;
  }
  const later = (cur: number | undefined, t: string | undefined | null) => {
    const ms = timeMs(t);
    if (ms === undefined) return cur;
    return cur === undefined || cur < ms ? ms : cur;
  };

  let initializing = false;
  const initStatuses: ContainerStatus[] = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    restarts += c.restartCount ?? 0;
    if (c.lastState?.terminated) lastRestart = later(lastRestart, c.lastState.terminated.finishedAt);
    const restartable = isRestartableInitContainer(initContainers.get(c.name));
    if (restartable) {
      restartableInitRestarts += c.restartCount ?? 0;
      if (c.lastState?.terminated) lastRestartableInitRestart = later(lastRestartableInitRestart, c.lastState.terminated.finishedAt);
    }
    const term = c.state?.terminated;
    const wait = c.state?.waiting;
    if (term && (term.exitCode ?? 0) === 0) continue;
    if (restartable && c.started === true) {
      if (c.ready) readyContainers++;
      continue;
    }
    if (term) {
      if (!term.reason) reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode ?? 0}`;
      else reason = "Init:" + term.reason;
    } else if (wait && wait.reason && wait.reason !== "PodInitializing") {
      reason = "Init:" + wait.reason;
    } else {
      reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
    }
    initializing = true;
    break;
  }

  const initializedTrue = (status.conditions ?? []).some((c) => c?.type === "Initialized" && c?.status === "True");
  if (!initializing || initializedTrue) {
    restarts = restartableInitRestarts;
    lastRestart = lastRestartableInitRestart;
    let hasRunning = false;
    const statuses: ContainerStatus[] = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount ?? 0;
      if (c.lastState?.terminated) lastRestart = later(lastRestart, c.lastState.terminated.finishedAt);
      const wait = c.state?.waiting;
      const term = c.state?.terminated;
      if (wait && wait.reason) reason = wait.reason;
      else if (term && term.reason) reason = term.reason;
      else if (term && !term.reason) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode ?? 0}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === "Completed" && hasRunning) {
      reason = (status.conditions ?? []).some((c) => c?.type === "Ready" && c?.status === "True") ? "Running" : "NotReady";
    }
  }

  if (pod.metadata.deletionTimestamp && status.reason === "NodeLost") reason = "Unknown";
  else if (pod.metadata.deletionTimestamp && phase !== "Failed" && phase !== "Succeeded") reason = "Terminating";

  let restartsStr = String(restarts);
  if (restarts !== 0 && lastRestart !== undefined) restartsStr = `${restarts} (${humanDuration(nowMs - lastRestart)} ago)`;
  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsStr };
}

const POD_COLUMNS = [
  nameColumn(),
  col("Ready", "string", "The aggregate readiness state of this pod for accepting traffic."),
  col("Status", "string", "The aggregate status of the containers in this pod."),
  col("Restarts", "string", "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted."),
  ageColumn(),
  col("IP", "string", "podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.", 1),
  col(
    "Node",
    "string",
    "NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename",
    1,
  ),
  col(
    "Nominated Node",
    "string",
    "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.",
    1,
  ),
  col(
    "Readiness Gates",
    "string",
    'If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to "True" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates',
    1,
  ),
];

function printPodRow(pod: Pod, nowMs: number): Array<string | number> {
  const cells = podStatusCells(pod, nowMs);
  const spec: PodSpec = pod.spec ?? {};
  const status: PodStatus = pod.status ?? {};
  const podIP = status.podIPs?.[0]?.ip || "<none>";
  const nodeName = spec.nodeName || "<none>";
  const nominated = status.nominatedNodeName || "<none>";
  let gates = "<none>";
  const rg = spec.readinessGates ?? [];
  if (rg.length > 0) {
    let trueConditions = 0;
    for (const g of rg) {
      const c = (status.conditions ?? []).find((x) => x?.type === g?.conditionType);
      if (c && c.status === "True") trueConditions++;
    }
    gates = `${trueConditions}/${rg.length}`;
  }
  return [pod.metadata.name ?? "", cells.ready, cells.status, cells.restarts, age(pod, nowMs), podIP, nodeName, nominated, gates];
}

// ---------------------------------------------------------------------------------------------
// The kind.
// ---------------------------------------------------------------------------------------------

export const pod: KindDef<Pod> = {
  group: "",
  version: "v1",
  kind: "Pod",
  plural: "pods",
  singular: "pod",
  shortNames: ["po"],
  categories: ["all"],
  namespaced: true,
  schema: PodSchema,
  statusSubresource: true,
  extraSubresources: [
    { name: "attach", kind: "PodAttachOptions", verbs: ["create", "get"] },
    { name: "binding", kind: "Binding", verbs: ["create"] },
    { name: "ephemeralcontainers", kind: "Pod", verbs: ["get", "patch", "update"] },
    { name: "eviction", kind: "Eviction", group: "policy", version: "v1", verbs: ["create"] },
    { name: "exec", kind: "PodExecOptions", verbs: ["create", "get"] },
    { name: "log", kind: "Pod", verbs: ["get"] },
    { name: "portforward", kind: "PodPortForwardOptions", verbs: ["create", "get"] },
    { name: "proxy", kind: "PodProxyOptions", verbs: ["create", "delete", "get", "patch", "update"] },
  ],
  applyDefaults(p, ctx) {
    if (!p.spec || typeof p.spec !== "object") p.spec = {};
    applyPodSpecDefaults(p.spec, ctx, { pod: true });
  },
  prepareForCreate(p, ctx) {
    if (!p.spec || typeof p.spec !== "object") p.spec = {};
    admitLimitRanges(p, ctx);
    admitServiceAccount(p, ctx);
    admitPriority(p, ctx);
    admitDefaultTolerations(p);
    dropDisabledPodSpecFields(p.spec);
    const status: PodStatus = { phase: "Pending", qosClass: computePodQOS(p.spec) };
    if ((p.spec.schedulingGates ?? []).length > 0) {
      status.conditions = [
        {
          lastProbeTime: null,
          lastTransitionTime: rfc3339(ctx.nowMs),
          message: "Scheduling is blocked due to non-empty scheduling gates",
          reason: "SchedulingGated",
          status: "False",
          type: "PodScheduled",
        },
      ];
    }
    p.status = status;
    applyAppArmorVersionSkew(p);
  },
  prepareForUpdate(p, old) {
    if (!p.spec || typeof p.spec !== "object") p.spec = {};
    const oldSpec: PodSpec = old.spec ?? {};
    dropDisabledPodSpecFields(p.spec, oldSpec);
    // Priority admission on update: keep what it computed at creation.
    if ((p.spec.priority === undefined || p.spec.priority === null) && oldSpec.priority !== undefined) p.spec.priority = oldSpec.priority;
    if (!p.spec.preemptionPolicy && oldSpec.preemptionPolicy) p.spec.preemptionPolicy = oldSpec.preemptionPolicy;
    admitDefaultTolerations(p);
  },
  validate(p, ctx) {
    const old = ctx.old as Pod | undefined;
    if (ctx.subresource === "status") return old ? validatePodStatusUpdate(p, old) : [];
    return old ? validatePodUpdate(p, old) : validatePodCreate(p);
  },
  // podStrategy.CheckGracefulDelete (pkg/registry/core/pod/strategy.go): unscheduled and finished
  // pods go at once; others wait for the kubelet, up to the requested or the pod's own grace period.
  deletionGracePeriodSeconds(p, requested) {
    if (!p.spec?.nodeName) return 0;
    const phase = p.status?.phase;
    if (phase === "Succeeded" || phase === "Failed") return 0;
    const period = requested ?? p.spec.terminationGracePeriodSeconds ?? 30;
    return period < 0 ? 1 : period;
  },
  columns: POD_COLUMNS,
  printRow: (p, ctx) => printPodRow(p, ctx.nowMs),
  fieldSelectors: {
    "spec.nodeName": (p) => p.spec?.nodeName ?? "",
    // old v1 clients' alias of spec.nodeName
    "spec.host": (p) => p.spec?.nodeName ?? "",
    "spec.restartPolicy": (p) => p.spec?.restartPolicy ?? "",
    "spec.schedulerName": (p) => p.spec?.schedulerName ?? "",
    "spec.serviceAccountName": (p) => p.spec?.serviceAccountName ?? "",
    "spec.hostNetwork": (p) => String(p.spec?.hostNetwork === true),
    "status.phase": (p) => p.status?.phase ?? "",
    "status.podIP": (p) => p.status?.podIPs?.[0]?.ip ?? "",
    // accepted by the label conversion but not in the selectable field set: always ""
    "status.podIPs": () => "",
    "status.nominatedNodeName": (p) => p.status?.nominatedNodeName ?? "",
  },
};

// ---------------------------------------------------------------------------------------------
// The `cmp.Diff(oldPod.Spec, mungedPodSpec)` that follows the "pod updates may not change fields"
// message: go-cmp's report format over the internal core.PodSpec (Go field names and order, zero
// fields elided, two records of context, "... // N identical fields").
// ---------------------------------------------------------------------------------------------

/** Go structs reachable from v1.PodSpec (types.go, v1.32): `Name=json:GoName:goType;...` ("" json = inline). */
const GO_STRUCT_TABLE = [
  "PodSpec=volumes:Volumes:[]Volume;initContainers:InitContainers:[]Container;containers:Containers:[]Container;ephemeralContainers:EphemeralContainers:[]EphemeralContainer;restartPolicy:RestartPolicy:RestartPolicy;terminationGracePeriodSeconds:TerminationGracePeriodSeconds:*int64;activeDeadlineSeconds:ActiveDeadlineSeconds:*int64;dnsPolicy:DNSPolicy:DNSPolicy;nodeSelector:NodeSelector:map[string]string;serviceAccountName:ServiceAccountName:string;serviceAccount:DeprecatedServiceAccount:string;automountServiceAccountToken:AutomountServiceAccountToken:*bool;nodeName:NodeName:string;hostNetwork:HostNetwork:bool;hostPID:HostPID:bool;hostIPC:HostIPC:bool;shareProcessNamespace:ShareProcessNamespace:*bool;securityContext:SecurityContext:*PodSecurityContext;imagePullSecrets:ImagePullSecrets:[]LocalObjectReference;hostname:Hostname:string;subdomain:Subdomain:string;affinity:Affinity:*Affinity;schedulerName:SchedulerName:string;tolerations:Tolerations:[]Toleration;hostAliases:HostAliases:[]HostAlias;priorityClassName:PriorityClassName:string;priority:Priority:*int32;dnsConfig:DNSConfig:*PodDNSConfig;readinessGates:ReadinessGates:[]PodReadinessGate;runtimeClassName:RuntimeClassName:*string;enableServiceLinks:EnableServiceLinks:*bool;preemptionPolicy:PreemptionPolicy:*PreemptionPolicy;overhead:Overhead:ResourceList;topologySpreadConstraints:TopologySpreadConstraints:[]TopologySpreadConstraint;setHostnameAsFQDN:SetHostnameAsFQDN:*bool;os:OS:*PodOS;hostUsers:HostUsers:*bool;schedulingGates:SchedulingGates:[]PodSchedulingGate;resourceClaims:ResourceClaims:[]PodResourceClaim;resources:Resources:*ResourceRequirements",
  "Volume=name:Name:string;:VolumeSource:VolumeSource",
  "VolumeSource=hostPath:HostPath:*HostPathVolumeSource;emptyDir:EmptyDir:*EmptyDirVolumeSource;gcePersistentDisk:GCEPersistentDisk:*GCEPersistentDiskVolumeSource;awsElasticBlockStore:AWSElasticBlockStore:*AWSElasticBlockStoreVolumeSource;gitRepo:GitRepo:*GitRepoVolumeSource;secret:Secret:*SecretVolumeSource;nfs:NFS:*NFSVolumeSource;iscsi:ISCSI:*ISCSIVolumeSource;glusterfs:Glusterfs:*GlusterfsVolumeSource;persistentVolumeClaim:PersistentVolumeClaim:*PersistentVolumeClaimVolumeSource;rbd:RBD:*RBDVolumeSource;flexVolume:FlexVolume:*FlexVolumeSource;cinder:Cinder:*CinderVolumeSource;cephfs:CephFS:*CephFSVolumeSource;flocker:Flocker:*FlockerVolumeSource;downwardAPI:DownwardAPI:*DownwardAPIVolumeSource;fc:FC:*FCVolumeSource;azureFile:AzureFile:*AzureFileVolumeSource;configMap:ConfigMap:*ConfigMapVolumeSource;vsphereVolume:VsphereVolume:*VsphereVirtualDiskVolumeSource;quobyte:Quobyte:*QuobyteVolumeSource;azureDisk:AzureDisk:*AzureDiskVolumeSource;photonPersistentDisk:PhotonPersistentDisk:*PhotonPersistentDiskVolumeSource;projected:Projected:*ProjectedVolumeSource;portworxVolume:PortworxVolume:*PortworxVolumeSource;scaleIO:ScaleIO:*ScaleIOVolumeSource;storageos:StorageOS:*StorageOSVolumeSource;csi:CSI:*CSIVolumeSource;ephemeral:Ephemeral:*EphemeralVolumeSource;image:Image:*ImageVolumeSource",
  "HostPathVolumeSource=path:Path:string;type:Type:*HostPathType",
  "EmptyDirVolumeSource=medium:Medium:StorageMedium;sizeLimit:SizeLimit:*resource.Quantity",
  "GCEPersistentDiskVolumeSource=pdName:PDName:string;fsType:FSType:string;partition:Partition:int32;readOnly:ReadOnly:bool",
  "AWSElasticBlockStoreVolumeSource=volumeID:VolumeID:string;fsType:FSType:string;partition:Partition:int32;readOnly:ReadOnly:bool",
  "GitRepoVolumeSource=repository:Repository:string;revision:Revision:string;directory:Directory:string",
  "SecretVolumeSource=secretName:SecretName:string;items:Items:[]KeyToPath;defaultMode:DefaultMode:*int32;optional:Optional:*bool",
  "KeyToPath=key:Key:string;path:Path:string;mode:Mode:*int32",
  "NFSVolumeSource=server:Server:string;path:Path:string;readOnly:ReadOnly:bool",
  "ISCSIVolumeSource=targetPortal:TargetPortal:string;iqn:IQN:string;lun:Lun:int32;iscsiInterface:ISCSIInterface:string;fsType:FSType:string;readOnly:ReadOnly:bool;portals:Portals:[]string;chapAuthDiscovery:DiscoveryCHAPAuth:bool;chapAuthSession:SessionCHAPAuth:bool;secretRef:SecretRef:*LocalObjectReference;initiatorName:InitiatorName:*string",
  "LocalObjectReference=name:Name:string",
  "GlusterfsVolumeSource=endpoints:EndpointsName:string;path:Path:string;readOnly:ReadOnly:bool",
  "PersistentVolumeClaimVolumeSource=claimName:ClaimName:string;readOnly:ReadOnly:bool",
  "RBDVolumeSource=monitors:CephMonitors:[]string;image:RBDImage:string;fsType:FSType:string;pool:RBDPool:string;user:RadosUser:string;keyring:Keyring:string;secretRef:SecretRef:*LocalObjectReference;readOnly:ReadOnly:bool",
  "FlexVolumeSource=driver:Driver:string;fsType:FSType:string;secretRef:SecretRef:*LocalObjectReference;readOnly:ReadOnly:bool;options:Options:map[string]string",
  "CinderVolumeSource=volumeID:VolumeID:string;fsType:FSType:string;readOnly:ReadOnly:bool;secretRef:SecretRef:*LocalObjectReference",
  "CephFSVolumeSource=monitors:Monitors:[]string;path:Path:string;user:User:string;secretFile:SecretFile:string;secretRef:SecretRef:*LocalObjectReference;readOnly:ReadOnly:bool",
  "FlockerVolumeSource=datasetName:DatasetName:string;datasetUUID:DatasetUUID:string",
  "DownwardAPIVolumeSource=items:Items:[]DownwardAPIVolumeFile;defaultMode:DefaultMode:*int32",
  "DownwardAPIVolumeFile=path:Path:string;fieldRef:FieldRef:*ObjectFieldSelector;resourceFieldRef:ResourceFieldRef:*ResourceFieldSelector;mode:Mode:*int32",
  "ObjectFieldSelector=apiVersion:APIVersion:string;fieldPath:FieldPath:string",
  "ResourceFieldSelector=containerName:ContainerName:string;resource:Resource:string;divisor:Divisor:resource.Quantity",
  "FCVolumeSource=targetWWNs:TargetWWNs:[]string;lun:Lun:*int32;fsType:FSType:string;readOnly:ReadOnly:bool;wwids:WWIDs:[]string",
  "AzureFileVolumeSource=secretName:SecretName:string;shareName:ShareName:string;readOnly:ReadOnly:bool",
  "ConfigMapVolumeSource=:LocalObjectReference:LocalObjectReference;items:Items:[]KeyToPath;defaultMode:DefaultMode:*int32;optional:Optional:*bool",
  "VsphereVirtualDiskVolumeSource=volumePath:VolumePath:string;fsType:FSType:string;storagePolicyName:StoragePolicyName:string;storagePolicyID:StoragePolicyID:string",
  "QuobyteVolumeSource=registry:Registry:string;volume:Volume:string;readOnly:ReadOnly:bool;user:User:string;group:Group:string;tenant:Tenant:string",
  "AzureDiskVolumeSource=diskName:DiskName:string;diskURI:DataDiskURI:string;cachingMode:CachingMode:*AzureDataDiskCachingMode;fsType:FSType:*string;readOnly:ReadOnly:*bool;kind:Kind:*AzureDataDiskKind",
  "PhotonPersistentDiskVolumeSource=pdID:PdID:string;fsType:FSType:string",
  "ProjectedVolumeSource=sources:Sources:[]VolumeProjection;defaultMode:DefaultMode:*int32",
  "VolumeProjection=secret:Secret:*SecretProjection;downwardAPI:DownwardAPI:*DownwardAPIProjection;configMap:ConfigMap:*ConfigMapProjection;serviceAccountToken:ServiceAccountToken:*ServiceAccountTokenProjection;clusterTrustBundle:ClusterTrustBundle:*ClusterTrustBundleProjection",
  "SecretProjection=:LocalObjectReference:LocalObjectReference;items:Items:[]KeyToPath;optional:Optional:*bool",
  "DownwardAPIProjection=items:Items:[]DownwardAPIVolumeFile",
  "ConfigMapProjection=:LocalObjectReference:LocalObjectReference;items:Items:[]KeyToPath;optional:Optional:*bool",
  "ServiceAccountTokenProjection=audience:Audience:string;expirationSeconds:ExpirationSeconds:*int64;path:Path:string",
  "ClusterTrustBundleProjection=name:Name:*string;signerName:SignerName:*string;labelSelector:LabelSelector:*metav1.LabelSelector;optional:Optional:*bool;path:Path:string",
  "PortworxVolumeSource=volumeID:VolumeID:string;fsType:FSType:string;readOnly:ReadOnly:bool",
  "ScaleIOVolumeSource=gateway:Gateway:string;system:System:string;secretRef:SecretRef:*LocalObjectReference;sslEnabled:SSLEnabled:bool;protectionDomain:ProtectionDomain:string;storagePool:StoragePool:string;storageMode:StorageMode:string;volumeName:VolumeName:string;fsType:FSType:string;readOnly:ReadOnly:bool",
  "StorageOSVolumeSource=volumeName:VolumeName:string;volumeNamespace:VolumeNamespace:string;fsType:FSType:string;readOnly:ReadOnly:bool;secretRef:SecretRef:*LocalObjectReference",
  "CSIVolumeSource=driver:Driver:string;readOnly:ReadOnly:*bool;fsType:FSType:*string;volumeAttributes:VolumeAttributes:map[string]string;nodePublishSecretRef:NodePublishSecretRef:*LocalObjectReference",
  "EphemeralVolumeSource=volumeClaimTemplate:VolumeClaimTemplate:*PersistentVolumeClaimTemplate",
  "PersistentVolumeClaimTemplate=metadata:metav1.ObjectMeta:metav1.ObjectMeta;spec:Spec:PersistentVolumeClaimSpec",
  "PersistentVolumeClaimSpec=accessModes:AccessModes:[]PersistentVolumeAccessMode;selector:Selector:*metav1.LabelSelector;resources:Resources:VolumeResourceRequirements;volumeName:VolumeName:string;storageClassName:StorageClassName:*string;volumeMode:VolumeMode:*PersistentVolumeMode;dataSource:DataSource:*TypedLocalObjectReference;dataSourceRef:DataSourceRef:*TypedObjectReference;volumeAttributesClassName:VolumeAttributesClassName:*string",
  "VolumeResourceRequirements=limits:Limits:ResourceList;requests:Requests:ResourceList",
  "TypedLocalObjectReference=apiGroup:APIGroup:*string;kind:Kind:string;name:Name:string",
  "TypedObjectReference=apiGroup:APIGroup:*string;kind:Kind:string;name:Name:string;namespace:Namespace:*string",
  "ImageVolumeSource=reference:Reference:string;pullPolicy:PullPolicy:PullPolicy",
  "Container=name:Name:string;image:Image:string;command:Command:[]string;args:Args:[]string;workingDir:WorkingDir:string;ports:Ports:[]ContainerPort;envFrom:EnvFrom:[]EnvFromSource;env:Env:[]EnvVar;resources:Resources:ResourceRequirements;resizePolicy:ResizePolicy:[]ContainerResizePolicy;restartPolicy:RestartPolicy:*ContainerRestartPolicy;volumeMounts:VolumeMounts:[]VolumeMount;volumeDevices:VolumeDevices:[]VolumeDevice;livenessProbe:LivenessProbe:*Probe;readinessProbe:ReadinessProbe:*Probe;startupProbe:StartupProbe:*Probe;lifecycle:Lifecycle:*Lifecycle;terminationMessagePath:TerminationMessagePath:string;terminationMessagePolicy:TerminationMessagePolicy:TerminationMessagePolicy;imagePullPolicy:ImagePullPolicy:PullPolicy;securityContext:SecurityContext:*SecurityContext;stdin:Stdin:bool;stdinOnce:StdinOnce:bool;tty:TTY:bool",
  "ContainerPort=name:Name:string;hostPort:HostPort:int32;containerPort:ContainerPort:int32;protocol:Protocol:Protocol;hostIP:HostIP:string",
  "EnvFromSource=prefix:Prefix:string;configMapRef:ConfigMapRef:*ConfigMapEnvSource;secretRef:SecretRef:*SecretEnvSource",
  "ConfigMapEnvSource=:LocalObjectReference:LocalObjectReference;optional:Optional:*bool",
  "SecretEnvSource=:LocalObjectReference:LocalObjectReference;optional:Optional:*bool",
  "EnvVar=name:Name:string;value:Value:string;valueFrom:ValueFrom:*EnvVarSource",
  "EnvVarSource=fieldRef:FieldRef:*ObjectFieldSelector;resourceFieldRef:ResourceFieldRef:*ResourceFieldSelector;configMapKeyRef:ConfigMapKeyRef:*ConfigMapKeySelector;secretKeyRef:SecretKeyRef:*SecretKeySelector",
  "ConfigMapKeySelector=:LocalObjectReference:LocalObjectReference;key:Key:string;optional:Optional:*bool",
  "SecretKeySelector=:LocalObjectReference:LocalObjectReference;key:Key:string;optional:Optional:*bool",
  "ResourceRequirements=limits:Limits:ResourceList;requests:Requests:ResourceList;claims:Claims:[]ResourceClaim",
  "ResourceClaim=name:Name:string;request:Request:string",
  "ContainerResizePolicy=resourceName:ResourceName:ResourceName;restartPolicy:RestartPolicy:ResourceResizeRestartPolicy",
  "VolumeMount=name:Name:string;readOnly:ReadOnly:bool;recursiveReadOnly:RecursiveReadOnly:*RecursiveReadOnlyMode;mountPath:MountPath:string;subPath:SubPath:string;mountPropagation:MountPropagation:*MountPropagationMode;subPathExpr:SubPathExpr:string",
  "VolumeDevice=name:Name:string;devicePath:DevicePath:string",
  "Probe=:ProbeHandler:ProbeHandler;initialDelaySeconds:InitialDelaySeconds:int32;timeoutSeconds:TimeoutSeconds:int32;periodSeconds:PeriodSeconds:int32;successThreshold:SuccessThreshold:int32;failureThreshold:FailureThreshold:int32;terminationGracePeriodSeconds:TerminationGracePeriodSeconds:*int64",
  "ProbeHandler=exec:Exec:*ExecAction;httpGet:HTTPGet:*HTTPGetAction;tcpSocket:TCPSocket:*TCPSocketAction;grpc:GRPC:*GRPCAction",
  "ExecAction=command:Command:[]string",
  "HTTPGetAction=path:Path:string;port:Port:intstr.IntOrString;host:Host:string;scheme:Scheme:URIScheme;httpHeaders:HTTPHeaders:[]HTTPHeader",
  "HTTPHeader=name:Name:string;value:Value:string",
  "TCPSocketAction=port:Port:intstr.IntOrString;host:Host:string",
  "GRPCAction=port:Port:int32;service:Service:*string",
  "Lifecycle=postStart:PostStart:*LifecycleHandler;preStop:PreStop:*LifecycleHandler",
  "LifecycleHandler=exec:Exec:*ExecAction;httpGet:HTTPGet:*HTTPGetAction;tcpSocket:TCPSocket:*TCPSocketAction;sleep:Sleep:*SleepAction",
  "SleepAction=seconds:Seconds:int64",
  "SecurityContext=capabilities:Capabilities:*Capabilities;privileged:Privileged:*bool;seLinuxOptions:SELinuxOptions:*SELinuxOptions;windowsOptions:WindowsOptions:*WindowsSecurityContextOptions;runAsUser:RunAsUser:*int64;runAsGroup:RunAsGroup:*int64;runAsNonRoot:RunAsNonRoot:*bool;readOnlyRootFilesystem:ReadOnlyRootFilesystem:*bool;allowPrivilegeEscalation:AllowPrivilegeEscalation:*bool;procMount:ProcMount:*ProcMountType;seccompProfile:SeccompProfile:*SeccompProfile;appArmorProfile:AppArmorProfile:*AppArmorProfile",
  "Capabilities=add:Add:[]Capability;drop:Drop:[]Capability",
  "SELinuxOptions=user:User:string;role:Role:string;type:Type:string;level:Level:string",
  "WindowsSecurityContextOptions=gmsaCredentialSpecName:GMSACredentialSpecName:*string;gmsaCredentialSpec:GMSACredentialSpec:*string;runAsUserName:RunAsUserName:*string;hostProcess:HostProcess:*bool",
  "SeccompProfile=type:Type:SeccompProfileType;localhostProfile:LocalhostProfile:*string",
  "AppArmorProfile=type:Type:AppArmorProfileType;localhostProfile:LocalhostProfile:*string",
  "EphemeralContainer=:EphemeralContainerCommon:EphemeralContainerCommon;targetContainerName:TargetContainerName:string",
  "EphemeralContainerCommon=name:Name:string;image:Image:string;command:Command:[]string;args:Args:[]string;workingDir:WorkingDir:string;ports:Ports:[]ContainerPort;envFrom:EnvFrom:[]EnvFromSource;env:Env:[]EnvVar;resources:Resources:ResourceRequirements;resizePolicy:ResizePolicy:[]ContainerResizePolicy;restartPolicy:RestartPolicy:*ContainerRestartPolicy;volumeMounts:VolumeMounts:[]VolumeMount;volumeDevices:VolumeDevices:[]VolumeDevice;livenessProbe:LivenessProbe:*Probe;readinessProbe:ReadinessProbe:*Probe;startupProbe:StartupProbe:*Probe;lifecycle:Lifecycle:*Lifecycle;terminationMessagePath:TerminationMessagePath:string;terminationMessagePolicy:TerminationMessagePolicy:TerminationMessagePolicy;imagePullPolicy:ImagePullPolicy:PullPolicy;securityContext:SecurityContext:*SecurityContext;stdin:Stdin:bool;stdinOnce:StdinOnce:bool;tty:TTY:bool",
  "PodSecurityContext=seLinuxOptions:SELinuxOptions:*SELinuxOptions;windowsOptions:WindowsOptions:*WindowsSecurityContextOptions;runAsUser:RunAsUser:*int64;runAsGroup:RunAsGroup:*int64;runAsNonRoot:RunAsNonRoot:*bool;supplementalGroups:SupplementalGroups:[]int64;supplementalGroupsPolicy:SupplementalGroupsPolicy:*SupplementalGroupsPolicy;fsGroup:FSGroup:*int64;sysctls:Sysctls:[]Sysctl;fsGroupChangePolicy:FSGroupChangePolicy:*PodFSGroupChangePolicy;seccompProfile:SeccompProfile:*SeccompProfile;appArmorProfile:AppArmorProfile:*AppArmorProfile;seLinuxChangePolicy:SELinuxChangePolicy:*PodSELinuxChangePolicy",
  "Sysctl=name:Name:string;value:Value:string",
  "Affinity=nodeAffinity:NodeAffinity:*NodeAffinity;podAffinity:PodAffinity:*PodAffinity;podAntiAffinity:PodAntiAffinity:*PodAntiAffinity",
  "NodeAffinity=requiredDuringSchedulingIgnoredDuringExecution:RequiredDuringSchedulingIgnoredDuringExecution:*NodeSelector;preferredDuringSchedulingIgnoredDuringExecution:PreferredDuringSchedulingIgnoredDuringExecution:[]PreferredSchedulingTerm",
  "NodeSelector=nodeSelectorTerms:NodeSelectorTerms:[]NodeSelectorTerm",
  "NodeSelectorTerm=matchExpressions:MatchExpressions:[]NodeSelectorRequirement;matchFields:MatchFields:[]NodeSelectorRequirement",
  "NodeSelectorRequirement=key:Key:string;operator:Operator:NodeSelectorOperator;values:Values:[]string",
  "PreferredSchedulingTerm=weight:Weight:int32;preference:Preference:NodeSelectorTerm",
  "PodAffinity=requiredDuringSchedulingIgnoredDuringExecution:RequiredDuringSchedulingIgnoredDuringExecution:[]PodAffinityTerm;preferredDuringSchedulingIgnoredDuringExecution:PreferredDuringSchedulingIgnoredDuringExecution:[]WeightedPodAffinityTerm",
  "PodAffinityTerm=labelSelector:LabelSelector:*metav1.LabelSelector;namespaces:Namespaces:[]string;topologyKey:TopologyKey:string;namespaceSelector:NamespaceSelector:*metav1.LabelSelector;matchLabelKeys:MatchLabelKeys:[]string;mismatchLabelKeys:MismatchLabelKeys:[]string",
  "WeightedPodAffinityTerm=weight:Weight:int32;podAffinityTerm:PodAffinityTerm:PodAffinityTerm",
  "PodAntiAffinity=requiredDuringSchedulingIgnoredDuringExecution:RequiredDuringSchedulingIgnoredDuringExecution:[]PodAffinityTerm;preferredDuringSchedulingIgnoredDuringExecution:PreferredDuringSchedulingIgnoredDuringExecution:[]WeightedPodAffinityTerm",
  "Toleration=key:Key:string;operator:Operator:TolerationOperator;value:Value:string;effect:Effect:TaintEffect;tolerationSeconds:TolerationSeconds:*int64",
  "HostAlias=ip:IP:string;hostnames:Hostnames:[]string",
  "PodDNSConfig=nameservers:Nameservers:[]string;searches:Searches:[]string;options:Options:[]PodDNSConfigOption",
  "PodDNSConfigOption=name:Name:string;value:Value:*string",
  "PodReadinessGate=conditionType:ConditionType:PodConditionType",
  "TopologySpreadConstraint=maxSkew:MaxSkew:int32;topologyKey:TopologyKey:string;whenUnsatisfiable:WhenUnsatisfiable:UnsatisfiableConstraintAction;labelSelector:LabelSelector:*metav1.LabelSelector;minDomains:MinDomains:*int32;nodeAffinityPolicy:NodeAffinityPolicy:*NodeInclusionPolicy;nodeTaintsPolicy:NodeTaintsPolicy:*NodeInclusionPolicy;matchLabelKeys:MatchLabelKeys:[]string",
  "PodOS=name:Name:OSName",
  "PodSchedulingGate=name:Name:string",
  "PodResourceClaim=name:Name:string;resourceClaimName:ResourceClaimName:*string;resourceClaimTemplateName:ResourceClaimTemplateName:*string",
];
const GO_ALIASES: Record<string, string> = {"AppArmorProfileType": "string", "AzureDataDiskCachingMode": "string", "AzureDataDiskKind": "string", "Capability": "string", "ContainerRestartPolicy": "string", "DNSPolicy": "string", "HostPathType": "string", "MountPropagationMode": "string", "NodeInclusionPolicy": "string", "NodeSelectorOperator": "string", "OSName": "string", "PersistentVolumeAccessMode": "string", "PersistentVolumeMode": "string", "PodConditionType": "string", "PodFSGroupChangePolicy": "string", "PodSELinuxChangePolicy": "string", "PreemptionPolicy": "string", "ProcMountType": "string", "Protocol": "string", "PullPolicy": "string", "RecursiveReadOnlyMode": "string", "ResourceList": "map[ResourceName]resource.Quantity", "ResourceName": "string", "ResourceResizeRestartPolicy": "string", "RestartPolicy": "string", "SeccompProfileType": "string", "StorageMedium": "string", "SupplementalGroupsPolicy": "string", "TaintEffect": "string", "TerminationMessagePolicy": "string", "TolerationOperator": "string", "URIScheme": "string", "UnsatisfiableConstraintAction": "string"};

type GoField = [json: string, name: string, type: string];
const GO_STRUCTS = new Map<string, GoField[]>();
for (const row of GO_STRUCT_TABLE) {
  const [name, fields] = row.split("=");
  GO_STRUCTS.set(name, fields ? fields.split(";").map((f) => f.split(":") as GoField) : []);
}
// The internal (pkg/apis/core) shapes where they differ from v1.
GO_STRUCTS.set(
  "PodSpec",
  (() => {
    const v1 = new Map(GO_STRUCTS.get("PodSpec")!.map((f) => [f[1], f]));
    const order = [
      "Volumes", "InitContainers", "Containers", "EphemeralContainers", "RestartPolicy", "TerminationGracePeriodSeconds", "ActiveDeadlineSeconds",
      "DNSPolicy", "NodeSelector", "ServiceAccountName", "AutomountServiceAccountToken", "NodeName", "SecurityContext", "ImagePullSecrets", "Hostname",
      "Subdomain", "SetHostnameAsFQDN", "Affinity", "SchedulerName", "Tolerations", "HostAliases", "PriorityClassName", "Priority", "PreemptionPolicy",
      "DNSConfig", "ReadinessGates", "RuntimeClassName", "Overhead", "EnableServiceLinks", "TopologySpreadConstraints", "OS", "SchedulingGates",
      "ResourceClaims", "Resources",
    ];
    return order.filter((n) => v1.has(n)).map((n) => v1.get(n)!);
  })(),
);
GO_STRUCTS.set("PodSecurityContext", [
  ["hostNetwork", "HostNetwork", "bool"],
  ["hostPID", "HostPID", "bool"],
  ["hostIPC", "HostIPC", "bool"],
  ["shareProcessNamespace", "ShareProcessNamespace", "*bool"],
  ["hostUsers", "HostUsers", "*bool"],
  ...GO_STRUCTS.get("PodSecurityContext")!.filter((f) => !["hostUsers"].includes(f[0])),
]);
GO_STRUCTS.set(
  "ServiceAccountTokenProjection",
  GO_STRUCTS.get("ServiceAccountTokenProjection")!.map((f) => (f[1] === "ExpirationSeconds" ? ["expirationSeconds", "ExpirationSeconds", "int64"] : f)),
);
GO_STRUCTS.set("metav1.LabelSelector", [
  ["matchLabels", "MatchLabels", "map[string]string"],
  ["matchExpressions", "MatchExpressions", "[]metav1.LabelSelectorRequirement"],
]);
GO_STRUCTS.set("metav1.LabelSelectorRequirement", [
  ["key", "Key", "string"],
  ["operator", "Operator", "string"],
  ["values", "Values", "[]string"],
]);
GO_STRUCTS.set("metav1.ObjectMeta", [
  ["name", "Name", "string"],
  ["generateName", "GenerateName", "string"],
  ["namespace", "Namespace", "string"],
  ["labels", "Labels", "map[string]string"],
  ["annotations", "Annotations", "map[string]string"],
]);

type GoVal =
  | { k: "nil" }
  | { k: "scalar"; text: string; zero: boolean }
  | { k: "ptr"; elem: GoVal }
  | { k: "struct"; type: string; fields: Array<{ name: string; v: GoVal }> }
  | { k: "slice"; type: string; elems: GoVal[] }
  | { k: "map"; type: string; entries: Array<{ key: string; v: GoVal }> };

/** Go's type text as cmp prints it (`[]core.Container`, `map[string]string`, `*core.Probe`). */
function goTypeName(t: string): string {
  if (t.startsWith("*")) return "*" + goTypeName(t.slice(1));
  if (t.startsWith("[]")) return "[]" + goTypeName(t.slice(2));
  if (t.startsWith("map[")) return t;
  if (t.startsWith("metav1.")) return "v1." + t.slice(7);
  if (t === "resource.Quantity" || t === "intstr.IntOrString" || t === "resource.int64Amount") return t;
  if (GO_STRUCTS.has(t) || t in GO_ALIASES) return "core." + t;
  return t;
}

const ZERO_STRUCT = (v: GoVal) => v.k === "struct" && v.fields.every((f) => isGoZero(f.v));
function isGoZero(v: GoVal): boolean {
  return v.k === "nil" || (v.k === "scalar" && v.zero) || ZERO_STRUCT(v);
}

function goQuantity(raw: unknown): GoVal {
  const text = typeof raw === "number" ? String(raw) : String(raw ?? "");
  const q = tryParseQuantity(text.trim());
  if (!q) return { k: "scalar", text: goQuote(text), zero: false };
  const s = q.toString();
  return {
    k: "struct",
    type: "resource.Quantity",
    fields: [
      {
        name: "i",
        v: {
          k: "struct",
          type: "resource.int64Amount",
          fields: [
            { name: "value", v: { k: "scalar", text: q.unscaled.toString(), zero: q.unscaled === 0n } },
            { name: "scale", v: { k: "scalar", text: String(q.exp), zero: q.exp === 0 } },
          ],
        },
      },
      { name: "s", v: { k: "scalar", text: goQuote(s), zero: false } },
      { name: "Format", v: { k: "scalar", text: goQuote(q.format), zero: false } },
    ],
  };
}

/** A JSON value seen through a Go type. */
function toGo(json: unknown, type: string): GoVal {
  if (type.startsWith("*")) {
    if (json === undefined || json === null) return { k: "nil" };
    return { k: "ptr", elem: toGo(json, type.slice(1)) };
  }
  if (type.startsWith("[]")) {
    if (!Array.isArray(json)) return { k: "nil" };
    return { k: "slice", type: goTypeName(type), elems: json.map((e) => toGo(e, type.slice(2))) };
  }
  const underlying = GO_ALIASES[type] ?? type;
  if (underlying.startsWith("map[")) {
    if (!json || typeof json !== "object") return { k: "nil" };
    const quantities = underlying.includes("Quantity");
    const keys = Object.keys(json as object).sort();
    return {
      k: "map",
      type: goTypeName(type),
      entries: keys.map((key) => ({
        key: quantities ? "s" + goQuote(key) : goQuote(key),
        v: quantities ? goQuantity((json as Record<string, unknown>)[key]) : toGo((json as Record<string, unknown>)[key], "string"),
      })),
    };
  }
  if (type === "resource.Quantity") return goQuantity(json);
  if (type === "intstr.IntOrString") {
    const fields =
      typeof json === "number"
        ? [{ name: "IntVal", v: { k: "scalar", text: String(json), zero: json === 0 } as GoVal }]
        : [
            { name: "Type", v: { k: "scalar", text: "1", zero: false } as GoVal },
            { name: "StrVal", v: { k: "scalar", text: goQuote(String(json ?? "")), zero: !json } as GoVal },
          ];
    return { k: "struct", type: "intstr.IntOrString", fields };
  }
  if (underlying === "string") return { k: "scalar", text: goQuote(typeof json === "string" ? json : ""), zero: !json };
  if (underlying === "bool") return { k: "scalar", text: json === true ? "true" : "false", zero: json !== true };
  if (/^u?int(8|16|32|64)?$/.test(underlying) || underlying === "float64") {
    const n = typeof json === "number" ? json : 0;
    return { k: "scalar", text: String(n), zero: n === 0 };
  }
  const fields = GO_STRUCTS.get(type);
  if (fields) {
    const o = json && typeof json === "object" ? (json as Record<string, unknown>) : {};
    return {
      k: "struct",
      type: goTypeName(type),
      fields: fields.map(([j, name, t]) => ({ name, v: toGo(j === "" ? o : o[j], t) })),
    };
  }
  return { k: "scalar", text: goQuote(JSON.stringify(json ?? null)), zero: json === undefined || json === null };
}

function podSpecToGo(spec: PodSpec): GoVal {
  const s: Record<string, unknown> = { ...spec };
  s.securityContext = {
    ...(spec.securityContext ?? {}),
    hostNetwork: spec.hostNetwork,
    hostPID: spec.hostPID,
    hostIPC: spec.hostIPC,
    shareProcessNamespace: spec.shareProcessNamespace,
    hostUsers: spec.hostUsers,
  };
  return toGo(s, "PodSpec");
}

function goSig(v: GoVal): string {
  switch (v.k) {
    case "nil":
      return "nil";
    case "scalar":
      return v.text;
    case "ptr":
      return "&" + goSig(v.elem);
    case "struct":
      return v.type + "{" + v.fields.map((f) => f.name + ":" + goSig(f.v)).join(",") + "}";
    case "slice":
      return "[" + v.elems.map(goSig).join(",") + "]";
    case "map":
      return "{" + v.entries.map((e) => e.key + ":" + goSig(e.v)).join(",") + "}";
  }
}

/** cmp's compact value text; `typed`: composite values carry their type (inserted/removed values). */
function goFormat(v: GoVal, typed: boolean, showType: boolean): string {
  switch (v.k) {
    case "nil":
      return "nil";
    case "scalar":
      return v.text;
    case "ptr":
      return "&" + goFormat(v.elem, typed, showType);
    case "struct": {
      const body = v.fields.filter((f) => !isGoZero(f.v)).map((f) => `${f.name}: ${goFormat(f.v, typed, typed)}`);
      return (showType ? v.type : "") + "{" + body.join(", ") + "}";
    }
    case "slice":
      return (showType ? v.type : "") + "{" + v.elems.map((e) => goFormat(e, typed, false)).join(", ") + "}";
    case "map":
      return (showType ? v.type : "") + "{" + v.entries.map((e) => `${e.key}: ${goFormat(e.v, typed, false)}`).join(", ") + "}";
  }
}

interface DiffRecord {
  mark: " " | "-" | "+";
  key: string;
  /** A single-line value, or a nested list. */
  line?: string;
  nested?: { prefix: string; records: DiffRecord[] };
  ellipsis?: string;
}

const composite = (v: GoVal) => v.k === "struct" || v.k === "slice" || v.k === "map" || (v.k === "ptr" && v.elem.k === "struct");

/** Records for one differing value under `key` (leaf -/+ lines or a nested list). */
function diffValue(key: string, a: GoVal, b: GoVal, showTypeInPrefix: boolean): DiffRecord[] {
  if (composite(a) && composite(b) && a.k === b.k && (a.k !== "ptr" || (b as { elem: GoVal }).elem.k === "struct")) {
    let prefix = "";
    let x = a;
    let y = b;
    if (a.k === "ptr" && b.k === "ptr") {
      prefix = "&";
      x = a.elem;
      y = b.elem;
    }
    const type = x.k === "struct" || x.k === "slice" || x.k === "map" ? x.type : "";
    return [{ mark: " ", key, nested: { prefix: prefix + (showTypeInPrefix || prefix ? type : "") + "{", records: diffChildren(x, y) } }];
  }
  const out: DiffRecord[] = [];
  out.push({ mark: "-", key, line: goFormat(a, true, showTypeInPrefix) });
  out.push({ mark: "+", key, line: goFormat(b, true, showTypeInPrefix) });
  return out;
}

interface Rec {
  key: string;
  equal: boolean;
  a?: GoVal;
  b?: GoVal;
}

function diffChildren(a: GoVal, b: GoVal): DiffRecord[] {
  let recs: Rec[] = [];
  let name = "field";
  let keyed = true;
  if (a.k === "struct" && b.k === "struct") {
    recs = a.fields.map((f, i) => ({ key: f.name, equal: goSig(f.v) === goSig(b.fields[i].v), a: f.v, b: b.fields[i].v }));
  } else if (a.k === "map" && b.k === "map") {
    name = "entry";
    const keys = [...new Set([...a.entries.map((e) => e.key), ...b.entries.map((e) => e.key)])].sort();
    recs = keys.map((key) => {
      const x = a.entries.find((e) => e.key === key)?.v;
      const y = b.entries.find((e) => e.key === key)?.v;
      return { key, equal: !!x && !!y && goSig(x) === goSig(y), a: x, b: y };
    });
  } else if (a.k === "slice" && b.k === "slice") {
    name = "element";
    keyed = false;
    recs = editScript(a.elems, b.elems);
  }
  return formatDiffList(recs, name, keyed);
}

/** An edit script over slice elements: equal runs, paired modifications, removals and insertions. */
function editScript(xs: GoVal[], ys: GoVal[]): Rec[] {
  if (xs.length === ys.length) return xs.map((x, i) => ({ key: "", equal: goSig(x) === goSig(ys[i]), a: x, b: ys[i] }));
  const n = xs.length;
  const m = ys.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = goSig(xs[i]) === goSig(ys[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: Rec[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && goSig(xs[i]) === goSig(ys[j])) {
      out.push({ key: "", equal: true, a: xs[i++], b: ys[j++] });
    } else if (j < m && (i >= n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      out.push({ key: "", equal: false, b: ys[j++] });
    } else {
      out.push({ key: "", equal: false, a: xs[i++] });
    }
  }
  return out;
}

function ellipsisText(n: number, name: string): string {
  let plural = name;
  if (n > 1) {
    plural += "s";
    if (plural.endsWith("ys")) plural = plural.slice(0, -2) + "ies";
  }
  return `... // ${n} identical ${plural}`;
}

const NUM_CONTEXT_RECORDS = 2;

function formatDiffList(recs: Rec[], name: string, keyed: boolean): DiffRecord[] {
  // coalesce adjacent records into equal / unequal groups
  const groups: Array<{ equal: boolean; recs: Rec[] }> = [];
  for (const r of recs) {
    const last = groups[groups.length - 1];
    if (last && last.equal === r.equal) last.recs.push(r);
    else groups.push({ equal: r.equal, recs: [r] });
  }
  const out: DiffRecord[] = [];
  const same = (r: Rec): DiffRecord => ({ mark: " ", key: r.key, line: goFormat(r.a!, false, false) });
  groups.forEach((g, gi) => {
    if (g.equal) {
      const numEqual = g.recs.length;
      let lo = 0;
      let hi = 0;
      while (lo < NUM_CONTEXT_RECORDS && lo + hi < numEqual && gi !== 0) lo++;
      while (hi < NUM_CONTEXT_RECORDS && lo + hi < numEqual && gi !== groups.length - 1) hi++;
      if (numEqual - (lo + hi) === 1) hi++;
      for (const r of g.recs.slice(0, lo)) out.push(same(r));
      if (numEqual > lo + hi) out.push({ mark: " ", key: "", ellipsis: ellipsisText(numEqual - lo - hi, name) });
      for (const r of g.recs.slice(numEqual - hi)) out.push(same(r));
      return;
    }
    for (const r of g.recs) {
      if (r.a && r.b) out.push(...diffValue(r.key, r.a, r.b, keyed));
      else if (r.a) out.push({ mark: "-", key: r.key, line: goFormat(r.a, true, keyed) });
      else if (r.b) out.push({ mark: "+", key: r.key, line: goFormat(r.b, true, keyed) });
    }
  });
  return out;
}

function renderRecords(recs: DiffRecord[], depth: number, lines: string[]): void {
  // align keys over runs of single-line keyed records
  const pad = new Array<number>(recs.length).fill(0);
  let start = 0;
  let max = 0;
  const flush = (end: number) => {
    for (let j = start; j < end; j++) pad[j] = max - [...recs[j].key].length;
  };
  recs.forEach((r, i) => {
    if (!r.key || r.line === undefined) {
      flush(i);
      start = i + 1;
      max = 0;
    } else max = Math.max(max, [...r.key].length);
  });
  flush(recs.length);
  const indent = "\t".repeat(depth);
  recs.forEach((r, i) => {
    const lead = `${r.mark} ${indent}`;
    if (r.ellipsis) {
      lines.push(lead + r.ellipsis);
      return;
    }
    const keyText = r.key ? `${r.key}: ${" ".repeat(pad[i])}` : "";
    if (r.line !== undefined) {
      lines.push(lead + keyText + r.line + ",");
      return;
    }
    lines.push(lead + keyText + r.nested!.prefix);
    renderRecords(r.nested!.records, depth + 1, lines);
    lines.push(`  ${indent}},`);
  });
}

/** cmp.Diff(old, new) of two v1 PodSpecs rendered as the internal core.PodSpec. */
export function podSpecDiff(oldSpec: PodSpec, newSpec: PodSpec): string {
  const a = podSpecToGo(oldSpec);
  const b = podSpecToGo(newSpec);
  const lines = ["  core.PodSpec{"];
  renderRecords(diffChildren(a, b), 1, lines);
  lines.push("  }");
  return lines.join("\n") + "\n";
}
