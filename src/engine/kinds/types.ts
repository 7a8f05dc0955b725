// The one description of a Kubernetes kind. Every layer (store, API server, discovery,
// OpenAPI, Tables, protobuf, kubectl emulation, lessons) reads this and nothing else.
import type { z } from "zod";
import type { FieldError } from "../machinery/field-errors";

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  managedFields?: ManagedFieldsEntry[];
  [key: string]: unknown;
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ManagedFieldsEntry {
  manager?: string;
  operation?: "Apply" | "Update";
  apiVersion?: string;
  time?: string;
  fieldsType?: "FieldsV1";
  fieldsV1?: Record<string, unknown>;
  subresource?: string;
}

/** Any Kubernetes object as JSON. Kinds narrow it with their own interfaces where they need to. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [key: string]: any;
}

/** meta.k8s.io/v1 TableColumnDefinition. priority 1 columns are shown only by `-o wide`. */
export interface ColumnDefinition {
  name: string;
  type: "string" | "integer" | "number" | "boolean" | "date";
  format: "" | "name" | "date";
  description: string;
  priority: 0 | 1;
}

export type Cell = string | number | boolean | null;

export interface PrintContext {
  /** Simulated time, for AGE and other durations. */
  nowMs: number;
}

export interface DefaultContext {
  nowMs: number;
}

/** Seeded randomness (never Math.random): the cluster's persisted generator. */
export interface RandomSource {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

/** What a kind's strategy hooks may see and use on a write. Read-only access to the store. */
export interface AdmissionContext {
  nowMs: number;
  rng: RandomSource;
  /** Stored objects of a resource ("pods", "deployments.apps"), optionally in one namespace. */
  list(resource: string, namespace?: string): readonly KubeObject[];
  get(resource: string, namespace: string, name: string): KubeObject | undefined;
}

/** Kinds served without storage (SelfSubjectAccessReview, metrics): the API server calls these instead. */
export interface VirtualKind {
  /** Answer a create (POST) by computing the object to return; nothing is stored. */
  create?(obj: KubeObject, ctx: AdmissionContext & { user: UserInfo }): KubeObject;
  /** Compute the objects of a list/get (for metrics). */
  list?(namespace: string | undefined, ctx: AdmissionContext): KubeObject[];
  /** The NotFound a get of a missing object answers (default: `<plural>.<group> "<name>" not found`). */
  notFound?(namespace: string | undefined, name: string, ctx: AdmissionContext): { group: string; resource: string; name: string };
}

export interface UserInfo {
  username: string;
  groups: string[];
}

export interface ValidateContext {
  nowMs: number;
  /** The stored object on update; undefined on create. */
  old?: KubeObject;
  /** Whether this is the status subresource being written. */
  subresource?: "status" | "scale";
}

export interface ScaleSubresource {
  /** JSON path-ish dotted paths into the object, as a CRD's scale subresource declares them. */
  specReplicasPath: string;
  statusReplicasPath: string;
  labelSelectorPath?: string;
}

export interface KindDef<T extends KubeObject = KubeObject> {
  group: string; // "" for the core group
  version: string;
  kind: string;
  /** Resource name in URLs: "deployments". */
  plural: string;
  singular: string;
  shortNames?: string[];
  /** e.g. ["all"] for the kinds `kubectl get all` lists. */
  categories?: string[];
  namespaced: boolean;
  /** Discovery verbs; defaults to the full set. */
  verbs?: string[];
  /** Zod description of the whole object: types, descriptions (explain), patch strategies. */
  schema: z.ZodType;
  /** Has a status subresource: a main-resource write keeps the stored status, a status write keeps the rest. */
  statusSubresource?: boolean;
  scaleSubresource?: ScaleSubresource;
  /** Sets metadata.generation and bumps it when anything but metadata and status changes. */
  tracksGeneration?: boolean;
  /** Extra subresources named in discovery (e.g. pods/log), handled elsewhere. */
  extraSubresources?: Array<{ name: string; kind: string; group?: string; version?: string; verbs: string[] }>;
  /** Server-side defaulting (SetDefaults_*). Mutates obj. */
  applyDefaults?(obj: T, ctx: DefaultContext): void;
  /** Validation for create, and for update when ctx.old is set. Field paths as the API server names them. */
  validate?(obj: T, ctx: ValidateContext): FieldError[];
  /**
   * Strategy hook run after defaulting and before validation on create (e.g. set the initial
   * status, allocate a Service's ClusterIP and NodePorts). The API server already clears status for
   * kinds with a status subresource and sets uid, creationTimestamp and generation.
   */
  prepareForCreate?(obj: T, ctx: AdmissionContext): void;
  /** Strategy hook run after defaulting and before validation on update (e.g. keep allocated IPs). */
  prepareForUpdate?(obj: T, old: T, ctx: AdmissionContext): void;
  /** How metadata.name is validated (ValidateObjectMeta's nameFn). Default "subdomain". */
  nameValidation?: "subdomain" | "label" | "dns1035" | "path-segment";
  /** Served without storage. */
  virtual?: VirtualKind;
  /**
   * Several versions of one resource share storage (HPA autoscaling/v1 and v2). The stored form is
   * the storage version's; a non-storage version converts on the way in and out.
   */
  conversion?: {
    storageVersion: string;
    /** Storage shared with another group's resource (events.k8s.io Events are stored as core Events). */
    storageResource?: string;
    toStorage(obj: KubeObject): KubeObject;
    fromStorage(obj: KubeObject): KubeObject;
  };
  /** Keep the status a client sends on create (Nodes register with their status). */
  keepStatusOnCreate?: boolean;
  /**
   * Strategy hook for status subresource writes (PrepareForUpdate of the status strategy). `obj` is
   * the stored object with the new status; `input` is what the client sent (e.g. the Deployment
   * status strategy keeps the annotations the controller sent along).
   */
  prepareForStatusUpdate?(obj: T, old: T, ctx: AdmissionContext, input: T): void;
  /**
   * Graceful deletion (pods): the grace period to wait, given the one the client asked for. 0 or an
   * absent hook deletes at once (when no finalizers hold the object).
   */
  deletionGracePeriodSeconds?(obj: T, requestedSeconds: number | undefined): number;
  /**
   * DefaultGarbageCollectionPolicy: "Orphan" for kinds whose served version orphans dependents when
   * a delete names no policy (batch/v1 Job and v1 ReplicationController, for backwards compatibility).
   */
  defaultPropagationPolicy?: "Orphan";
  /** Server-side printer (pkg/printers/internalversion/printers.go). */
  columns: ColumnDefinition[];
  printRow(obj: T, ctx: PrintContext): Cell[];
  /** Field selectors beyond metadata.name and metadata.namespace, as the real server supports. */
  fieldSelectors?: Record<string, (obj: T) => string | undefined>;
  /** Cluster-scoped objects with a built-in lifecycle the store must not allow deleting, etc. */
  hidden?: boolean; // not listed in discovery (e.g. Binding is create-only subresource-like)
}

export function apiVersionOf(def: Pick<KindDef, "group" | "version">): string {
  return def.group ? `${def.group}/${def.version}` : def.version;
}

/** "deployments.apps" / "pods": how error messages name a resource. */
export function qualifiedResource(def: Pick<KindDef, "group" | "plural">): string {
  return def.group ? `${def.plural}.${def.group}` : def.plural;
}

/** "Deployment.apps" / "Pod": how invalid-object messages name a kind. */
export function qualifiedKind(def: Pick<KindDef, "group" | "kind">): string {
  return def.group ? `${def.kind}.${def.group}` : def.kind;
}
