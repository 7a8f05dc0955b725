// Lesson checks are data (schema.ts); this evaluates them against a cluster and the learner's
// command log. Pure: objects are read with GETs through the cluster's own API server (as the
// learner's kubectl sees them), the clock arrives as nowMs. Objects being deleted (with a
// deletionTimestamp, shown as Terminating) count as gone.
import type { Cluster } from "../cluster/cluster";
import type { KindDef, KubeObject } from "../kinds/types";
import { KUBERNETES_ADMIN } from "../cluster/users";
import { parseQuantity } from "../machinery/quantity";
import { impersonatedUser } from "../machinery/rbac";
import { parsePath, type Check, type FieldCondition, type PathSegment } from "./schema";

/** One line of the learner's command log (what `Sandbox.runCommand` records). */
export interface CommandLogEntry {
  command: string;
  exitCode: number;
}

export interface CheckContext {
  cluster: Cluster;
  nowMs: number;
  commands: readonly CommandLogEntry[];
}

export interface CheckResult {
  name: string;
  passed: boolean;
  /** What is still missing ("" once the check passes). */
  message: string;
}

/** Evaluates one check. Never throws: a check that cannot be evaluated fails with its message. */
export function evaluateCheck(check: Check, ctx: CheckContext): CheckResult {
  const name = check.title ?? describeCheck(check);
  let outcome: Outcome;
  try {
    outcome = evaluate(check, ctx);
  } catch (e) {
    outcome = { passed: false, detail: (e as Error).message };
  }
  return { name, passed: outcome.passed, message: outcome.passed ? "" : (check.message ?? outcome.detail) };
}

export function evaluateChecks(checks: readonly Check[], ctx: CheckContext): CheckResult[] {
  return checks.map((c) => evaluateCheck(c, ctx));
}

interface Outcome {
  passed: boolean;
  /** Used when the check itself has no message (children of all/any/not). */
  detail: string;
}

function evaluate(check: Check, ctx: CheckContext): Outcome {
  switch (check.type) {
    case "exists": {
      const objs = findObjects(ctx, check);
      return { passed: objs.length > 0, detail: `no ${targetText(check)} yet` };
    }
    case "notExists": {
      const objs = findObjects(ctx, check);
      return { passed: objs.length === 0, detail: `${targetText(check)} still exists` };
    }
    case "fields": {
      const objs = findObjects(ctx, check);
      if (!objs.length) return { passed: false, detail: `no ${targetText(check)} yet` };
      for (const o of objs) {
        const failed = check.where.find((c) => !conditionHolds(o, c));
        if (failed) return { passed: false, detail: `${objectText(o)}: ${conditionText(failed)} does not hold yet` };
      }
      return { passed: true, detail: "" };
    }
    case "count": {
      const objs = findObjects(ctx, check).filter((o) => (check.where ?? []).every((c) => conditionHolds(o, c)));
      let n = objs.length;
      if (check.distinct) {
        const segs = parsePath(check.distinct);
        const values = new Set<string>();
        for (const o of objs) for (const v of resolvePath(o, segs)) if (v !== undefined && v !== null && v !== "") values.add(JSON.stringify(v));
        n = values.size;
      }
      const passed = withinBounds(n, check);
      return { passed, detail: `found ${n} ${check.distinct ? `distinct ${check.distinct} among ${targetText(check)}` : targetText(check)}, expected ${boundsText(check)}` };
    }
    case "condition": {
      const objs = findObjects(ctx, check);
      if (!objs.length) return { passed: false, detail: `no ${targetText(check)} yet` };
      const want = check.status === undefined ? "True" : typeof check.status === "boolean" ? (check.status ? "True" : "False") : check.status;
      for (const o of objs) {
        const conds = ((o as any).status?.conditions ?? []) as { type?: string; status?: string; reason?: string }[];
        const c = conds.find((x) => x.type === check.condition);
        if (!c || c.status !== want || (check.reason !== undefined && c.reason !== check.reason)) {
          return { passed: false, detail: `${objectText(o)}: condition ${check.condition} is not ${want}${check.reason ? ` (${check.reason})` : ""} yet` };
        }
      }
      return { passed: true, detail: "" };
    }
    case "event": {
      const ns = check.namespace ?? "default";
      const list = get(ctx, `/api/v1/namespaces/${encodeURIComponent(ns)}/events`);
      const re = check.messageRegex !== undefined ? new RegExp(check.messageRegex) : undefined;
      const found = (list?.items ?? []).some(
        (e: any) =>
          e.reason === check.reason &&
          (check.involvedObject?.kind === undefined || e.involvedObject?.kind?.toLowerCase() === check.involvedObject.kind.toLowerCase()) &&
          nameMatches(e.involvedObject?.name, check.involvedObject ?? {}) &&
          (!re || re.test(e.message ?? "")),
      );
      return { passed: found, detail: `no ${check.reason} event${involvedText(check.involvedObject)} yet` };
    }
    case "rollout":
      return evaluateRollout(check, ctx);
    case "commandUsed": {
      const re = new RegExp(check.pattern);
      const mustSucceed = check.succeeded ?? true;
      const used = ctx.commands.some((c) => (!mustSucceed || c.exitCode === 0) && c.command.split("\n").some((line) => re.test(line.trim())));
      return { passed: used, detail: "the command this step teaches has not been run yet" };
    }
    case "access":
      return evaluateAccess(check, ctx);
    case "all": {
      for (const c of check.checks) {
        const r = evaluateCheck(c, ctx);
        if (!r.passed) return { passed: false, detail: r.message };
      }
      return { passed: true, detail: "" };
    }
    case "any": {
      const results = check.checks.map((c) => evaluateCheck(c, ctx));
      return { passed: results.some((r) => r.passed), detail: results[0]?.message ?? "" };
    }
    case "not": {
      const r = evaluateCheck(check.check, ctx);
      return { passed: !r.passed, detail: `${r.name} should not hold` };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Reading objects
// ---------------------------------------------------------------------------------------------

interface Target {
  kind: string;
  apiVersion?: string;
  name?: string;
  selector?: string;
  namePrefix?: string;
  nameRegex?: string;
  namespace?: string;
}

/** A name against `name`, `namePrefix` and `nameRegex` (each only when given). */
function nameMatches(name: unknown, t: { name?: string; namePrefix?: string; nameRegex?: string }): boolean {
  if (t.name === undefined && t.namePrefix === undefined && t.nameRegex === undefined) return true;
  if (typeof name !== "string") return false;
  return (t.name === undefined || name === t.name) && (t.namePrefix === undefined || name.startsWith(t.namePrefix)) && (t.nameRegex === undefined || new RegExp(t.nameRegex).test(name));
}

function namePatternText(t: { namePrefix?: string; nameRegex?: string }): string {
  return t.namePrefix !== undefined ? `named ${t.namePrefix}*` : t.nameRegex !== undefined ? `with names matching /${t.nameRegex}/` : "";
}

function involvedText(o: { kind?: string; name?: string; namePrefix?: string; nameRegex?: string } | undefined): string {
  if (!o) return "";
  if (o.name) return ` for ${o.name}`;
  const p = namePatternText(o);
  return p ? ` for ${o.kind ?? "an object"} ${p}` : "";
}

function get(ctx: CheckContext, path: string, query: Record<string, string> = {}): any {
  const r = ctx.cluster.handle({ method: "GET", path, query: new URLSearchParams(query), headers: { accept: "application/json" }, user: KUBERNETES_ADMIN, nowMs: ctx.nowMs });
  if ("watch" in r) return undefined;
  if (r.status === 404) return undefined;
  if (r.status !== 200) throw new Error(`cannot read ${path}: ${(r.body as any)?.message ?? r.status}`);
  return r.body;
}

/** The kind a check names: `Deployment`, `deployments`, `deploy`; core group first (Event is core/v1). */
export function resolveKind(cluster: Cluster, kind: string, apiVersion?: string): KindDef | undefined {
  const k = kind.toLowerCase();
  const candidates = cluster.kinds
    .all()
    .filter((d) => !d.virtual && (d.kind.toLowerCase() === k || d.plural === k || d.singular === k || (d.shortNames ?? []).includes(k)))
    .filter((d) => !apiVersion || (d.group ? `${d.group}/${d.version}` : d.version) === apiVersion);
  candidates.sort((a, b) => (a.group === "" ? 0 : 1) - (b.group === "" ? 0 : 1));
  return candidates[0];
}

function collectionPath(def: KindDef, namespace: string | undefined): string {
  const base = def.group ? `/apis/${def.group}/${def.version}` : `/api/${def.version}`;
  return def.namespaced && namespace ? `${base}/namespaces/${encodeURIComponent(namespace)}/${def.plural}` : `${base}/${def.plural}`;
}

function findObjects(ctx: CheckContext, t: Target): KubeObject[] {
  const def = resolveKind(ctx.cluster, t.kind, t.apiVersion);
  if (!def) throw new Error(`no kind ${t.kind} in this cluster`);
  const ns = def.namespaced ? (t.namespace ?? "default") : undefined;
  let objs: KubeObject[];
  if (t.name) {
    const o = get(ctx, `${collectionPath(def, ns)}/${encodeURIComponent(t.name)}`);
    objs = o ? [o] : [];
  } else {
    const list = get(ctx, collectionPath(def, ns), t.selector ? { labelSelector: t.selector } : {});
    objs = list?.items ?? [];
  }
  return objs.filter((o) => !o.metadata?.deletionTimestamp && (t.name !== undefined || nameMatches(o.metadata?.name, t)));
}

function targetText(t: Target): string {
  const pattern = namePatternText(t);
  const what = t.name
    ? `${t.kind} ${t.name}`
    : [`${t.kind} objects`, pattern, t.selector ? `labelled ${t.selector}` : ""].filter(Boolean).join(" ");
  return t.namespace ? `${what} in namespace ${t.namespace}` : what;
}

const objectText = (o: KubeObject) => `${o.kind} ${o.metadata.name}`;

// ---------------------------------------------------------------------------------------------
// Paths and conditions
// ---------------------------------------------------------------------------------------------

/** Every value a path reaches in an object (filters and [*] may reach several; none when absent). */
export function resolvePath(obj: unknown, segs: readonly PathSegment[]): unknown[] {
  let current: unknown[] = [obj];
  for (const seg of segs) {
    const next: unknown[] = [];
    for (const v of current) {
      if (v === undefined || v === null) continue;
      if ("key" in seg) {
        if (typeof v === "object" && !Array.isArray(v) && seg.key in (v as object)) next.push((v as Record<string, unknown>)[seg.key]);
      } else if ("index" in seg) {
        if (Array.isArray(v) && seg.index < v.length) next.push(v[seg.index]);
      } else if ("all" in seg) {
        if (Array.isArray(v)) next.push(...v);
        else if (typeof v === "object") next.push(...Object.values(v as object));
      } else if (Array.isArray(v)) {
        for (const el of v) {
          const got = resolvePath(el, seg.filter.path.map((key) => ({ key })));
          if (got.some((x) => scalarText(x) === seg.filter.value)) next.push(el);
        }
      }
    }
    current = next;
  }
  return current.filter((v) => v !== undefined);
}

function scalarText(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return undefined;
}

function looselyEqual(a: unknown, b: unknown): boolean {
  const sa = scalarText(a);
  const sb = scalarText(b);
  if (sa !== undefined && sb !== undefined) return sa === sb;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** a - b as numbers, or as Kubernetes quantities (128Mi, 500m); undefined when not comparable. */
function compare(a: unknown, b: unknown): number | undefined {
  const na = typeof a === "number" ? a : undefined;
  const nb = typeof b === "number" ? b : undefined;
  if (na !== undefined && nb !== undefined) return na - nb;
  const sa = scalarText(a);
  const sb = scalarText(b);
  if (sa === undefined || sb === undefined) return undefined;
  try {
    return parseQuantity(sa).cmp(parseQuantity(sb));
  } catch {
    return undefined;
  }
}

export function conditionHolds(obj: unknown, c: FieldCondition): boolean {
  const values = resolvePath(obj, parsePath(c.path));
  if (c.valueFrom !== undefined) {
    // The other field of the same object; absent (or reaching several values) means the condition cannot hold.
    const other = resolvePath(obj, parsePath(c.valueFrom)).filter((v) => v !== null);
    if (other.length !== 1) return false;
    c = { path: c.path, op: c.op, value: other[0] };
  }
  switch (c.op) {
    case "exists":
      return values.some((v) => v !== null);
    case "absent":
      return values.every((v) => v === null);
  }
  if (!values.length) return false;
  return values.every((v) => {
    switch (c.op) {
      case "equals":
        return looselyEqual(v, c.value);
      case "regex": {
        const s = scalarText(v);
        return s !== undefined && new RegExp(c.value as string).test(s);
      }
      case "oneOf":
        return (c.value as unknown[]).some((x) => looselyEqual(v, x));
      case "gte": {
        const d = compare(v, c.value);
        return d !== undefined && d >= 0;
      }
      case "lte": {
        const d = compare(v, c.value);
        return d !== undefined && d <= 0;
      }
      case "contains":
        if (typeof v === "string") return typeof c.value === "string" && v.includes(c.value);
        if (Array.isArray(v)) return v.some((x) => looselyEqual(x, c.value));
        if (v && typeof v === "object") return typeof c.value === "string" && c.value in v;
        return false;
    }
    return false;
  });
}

function conditionText(c: FieldCondition): string {
  if (c.valueFrom !== undefined) return `${c.path} ${c.op} ${c.valueFrom}`;
  return c.value === undefined ? `${c.path} ${c.op}` : `${c.path} ${c.op} ${JSON.stringify(c.value)}`;
}

function withinBounds(n: number, b: { min?: number; max?: number; equals?: number }): boolean {
  return (b.min === undefined || n >= b.min) && (b.max === undefined || n <= b.max) && (b.equals === undefined || n === b.equals);
}

function boundsText(b: { min?: number; max?: number; equals?: number }): string {
  if (b.equals !== undefined) return `${b.equals}`;
  if (b.min !== undefined && b.max !== undefined) return `between ${b.min} and ${b.max}`;
  return b.min !== undefined ? `at least ${b.min}` : `at most ${b.max}`;
}

// ---------------------------------------------------------------------------------------------
// Rollouts
// ---------------------------------------------------------------------------------------------

const REVISION_ANNOTATION = "deployment.kubernetes.io/revision";

function evaluateRollout(check: Extract<Check, { type: "rollout" }>, ctx: CheckContext): Outcome {
  const ns = check.namespace ?? "default";
  const d = get(ctx, `/apis/apps/v1/namespaces/${encodeURIComponent(ns)}/deployments/${encodeURIComponent(check.deployment)}`);
  if (!d || d.metadata?.deletionTimestamp) return { passed: false, detail: `no Deployment ${check.deployment} yet` };
  if (check.revisions) {
    const rsList = get(ctx, `/apis/apps/v1/namespaces/${encodeURIComponent(ns)}/replicasets`);
    const owned = (rsList?.items ?? []).filter(
      (rs: any) => !rs.metadata.deletionTimestamp && rs.metadata.annotations?.[REVISION_ANNOTATION] && (rs.metadata.ownerReferences ?? []).some((r: any) => r.controller && r.uid === d.metadata.uid),
    );
    if (!withinBounds(owned.length, check.revisions)) {
      return { passed: false, detail: `Deployment ${check.deployment} has ${owned.length} revisions, expected ${boundsText(check.revisions)}` };
    }
  }
  if (check.image !== undefined) {
    const containers = (d.spec?.template?.spec?.containers ?? []) as { name: string; image?: string }[];
    const c = check.container ? containers.find((x) => x.name === check.container) : containers[0];
    if (c?.image !== check.image) return { passed: false, detail: `Deployment ${check.deployment} does not run ${check.image} yet` };
  }
  if (check.paused !== undefined && !!d.spec?.paused !== check.paused) {
    return { passed: false, detail: `Deployment ${check.deployment} is ${d.spec?.paused ? "" : "not "}paused` };
  }
  if (check.complete !== undefined && rolloutComplete(d) !== check.complete) {
    return { passed: false, detail: check.complete ? `the rollout of Deployment ${check.deployment} has not finished` : `the rollout of Deployment ${check.deployment} has already finished` };
  }
  return { passed: true, detail: "" };
}

/** kubectl rollout status's test: the controller saw the latest spec, and every replica is updated and available. */
function rolloutComplete(d: any): boolean {
  const want = d.spec?.replicas ?? 1;
  const s = d.status ?? {};
  return (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0) && (s.updatedReplicas ?? 0) === want && (s.replicas ?? 0) === want && (s.availableReplicas ?? 0) === want;
}

// ---------------------------------------------------------------------------------------------
// Access (RBAC)
// ---------------------------------------------------------------------------------------------

type AccessCheck = Extract<Check, { type: "access" }>;

/** Asks the authorizer with a SubjectAccessReview (answered without storing anything), as `kubectl auth can-i --as` would. */
function evaluateAccess(check: AccessCheck, ctx: CheckContext): Outcome {
  const want = check.allowed ?? true;
  // `deployments.apps` names its group; a bare plural is resolved like kubectl does (core group first).
  const dot = check.resource.indexOf(".");
  const resource = dot < 0 ? check.resource : check.resource.slice(0, dot);
  const def = resolveKind(ctx.cluster, resource);
  const group = dot < 0 ? (def?.group ?? "") : check.resource.slice(dot + 1);
  const namespaced = def ? def.namespaced : true;
  const user = impersonatedUser(check.as, check.groups ?? []);
  const body = {
    apiVersion: "authorization.k8s.io/v1",
    kind: "SubjectAccessReview",
    spec: {
      user: user.username,
      groups: user.groups,
      resourceAttributes: { verb: check.verb, group, resource, subresource: check.subresource, name: check.name, namespace: namespaced ? (check.namespace ?? "default") : undefined },
    },
  };
  const r = ctx.cluster.handle({
    method: "POST",
    path: "/apis/authorization.k8s.io/v1/subjectaccessreviews",
    query: new URLSearchParams(),
    headers: { accept: "application/json", "content-type": "application/json" },
    body: new TextEncoder().encode(JSON.stringify(body)),
    user: KUBERNETES_ADMIN,
    nowMs: ctx.nowMs,
  });
  if ("watch" in r || r.status !== 201) throw new Error(`cannot ask the authorizer: ${(r as any).body?.message ?? (r as any).status}`);
  const allowed = !!(r.body as any)?.status?.allowed;
  return { passed: allowed === want, detail: `${check.as} ${allowed ? "may" : "may not"} ${check.verb} ${check.resource}${namespaced ? ` in namespace ${check.namespace ?? "default"}` : ""}` };
}

function accessText(check: AccessCheck): string {
  const what = `${check.verb} ${check.resource}${check.subresource ? `/${check.subresource}` : ""}${check.name ? ` ${check.name}` : ""}`;
  return `${check.as} ${(check.allowed ?? true) ? "may" : "may not"} ${what}${check.namespace ? ` in namespace ${check.namespace}` : ""}`;
}

// ---------------------------------------------------------------------------------------------
// Default names
// ---------------------------------------------------------------------------------------------

/** A short description of a check, used as its name when the lesson gives none. */
export function describeCheck(check: Check): string {
  switch (check.type) {
    case "exists":
      return `${targetText(check)} exists`;
    case "notExists":
      return `${targetText(check)} is gone`;
    case "fields":
      return `${targetText(check)}: ${check.where.map(conditionText).join(", ")}`;
    case "count":
      return `${boundsText(check)} ${check.distinct ? `distinct ${check.distinct} of ` : ""}${targetText(check)}`;
    case "condition":
      return `${targetText(check)} is ${check.condition}`;
    case "event":
      return `a ${check.reason} event${involvedText(check.involvedObject)}`;
    case "rollout":
      return `rollout of Deployment ${check.deployment}`;
    case "commandUsed":
      return "the command this step teaches was used";
    case "access":
      return accessText(check);
    case "all":
      return check.checks.map(describeCheck).join(" and ");
    case "any":
      return check.checks.map(describeCheck).join(" or ");
    case "not":
      return `not (${describeCheck(check.check)})`;
  }
}
