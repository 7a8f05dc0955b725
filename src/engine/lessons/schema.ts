// The lesson file format (`lessons/<id>/lesson.yaml`) as a zod schema. Objects are strict, so a
// misspelt key is reported instead of silently ignored. `lessons/README.md` documents the format
// for instructors; keep the two in step.
import { z } from "zod";

export const FIELD_OPS = ["equals", "regex", "oneOf", "gte", "lte", "exists", "absent", "contains"] as const;
export type FieldOp = (typeof FIELD_OPS)[number];

/** The ops that can compare with another field of the same object (`valueFrom`). */
export const VALUE_FROM_OPS: readonly FieldOp[] = ["equals", "gte", "lte", "contains"];

export const CHECK_TYPES = ["exists", "notExists", "fields", "count", "condition", "event", "rollout", "commandUsed", "access", "all", "any", "not"] as const;
export type CheckType = (typeof CHECK_TYPES)[number];

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const id = z.string().regex(DNS_LABEL, "must be lower-case letters, digits and '-' (like a Kubernetes name)").max(63);

const regexString = z.string().refine(
  (s) => {
    try {
      new RegExp(s);
      return true;
    } catch {
      return false;
    }
  },
  { message: "is not a valid regular expression" },
);

/** A field path: `spec.replicas`, `spec.containers[0].image`, `spec.containers[name=web].image`, `metadata.labels["app.kubernetes.io/name"]`. */
const fieldPath = z.string().min(1).refine((p) => parsePathOrError(p) === undefined, { message: "is not a valid field path (e.g. spec.containers[name=web].image)" });

/** Minimum / maximum / exact number, for counts and revisions. */
const bounds = {
  min: z.number().int().nonnegative().optional(),
  max: z.number().int().nonnegative().optional(),
  equals: z.number().int().nonnegative().optional(),
};
const hasBound = (c: { min?: number; max?: number; equals?: number }) => c.min !== undefined || c.max !== undefined || c.equals !== undefined;

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const fieldConditionSchema = z
  .strictObject({
    path: fieldPath,
    op: z.enum(FIELD_OPS),
    value: z.unknown().optional(),
    /** Compare with the value at this path of the same object instead of a fixed value (`status.readyReplicas` equals `spec.replicas`). */
    valueFrom: fieldPath.optional(),
  })
  .superRefine((c, ctx) => {
    const needsValue = c.op !== "exists" && c.op !== "absent";
    if (c.valueFrom !== undefined) {
      if (c.value !== undefined) ctx.addIssue({ code: "custom", path: ["valueFrom"], message: "give either value or valueFrom, not both" });
      if (!VALUE_FROM_OPS.includes(c.op)) ctx.addIssue({ code: "custom", path: ["valueFrom"], message: `valueFrom works with ${VALUE_FROM_OPS.join(", ")}, not ${c.op}` });
      return;
    }
    if (needsValue && c.value === undefined) ctx.addIssue({ code: "custom", path: ["value"], message: `op ${c.op} needs a value (or valueFrom)` });
    if (!needsValue && c.value !== undefined) ctx.addIssue({ code: "custom", path: ["value"], message: `op ${c.op} takes no value` });
    if (c.op === "oneOf" && !Array.isArray(c.value)) ctx.addIssue({ code: "custom", path: ["value"], message: "op oneOf needs a list of values" });
    if (c.op === "regex" && (typeof c.value !== "string" || !regexString.safeParse(c.value).success)) ctx.addIssue({ code: "custom", path: ["value"], message: "op regex needs a valid regular expression" });
    if ((c.op === "gte" || c.op === "lte") && typeof c.value !== "number" && typeof c.value !== "string") ctx.addIssue({ code: "custom", path: ["value"], message: `op ${c.op} needs a number or a quantity such as 128Mi` });
  });
export type FieldCondition = z.infer<typeof fieldConditionSchema>;

/** Which objects a check looks at. */
const target = {
  kind: z.string().min(1),
  /** Needed only to tell apart kinds that share a name across groups. */
  apiVersion: z.string().optional(),
  name: z.string().min(1).optional(),
  /** A label selector, as for `kubectl get -l`. */
  selector: z.string().min(1).optional(),
  /** Objects whose name starts with this (pods of a Deployment: `web-`). Combines with selector. */
  namePrefix: z.string().min(1).optional(),
  /** Objects whose name matches this regular expression. Combines with selector. */
  nameRegex: regexString.optional(),
  /** Defaults to `default` for namespaced kinds. */
  namespace: z.string().min(1).optional(),
};

const common = {
  /** Shown to the learner as the check's name. Defaults to a description of the check. */
  title: z.string().min(1).optional(),
  /** What is still missing, in the learner's terms, without giving the solution away. */
  message: z.string().min(1).optional(),
};

function nameXorSelector(c: { name?: string; selector?: string; namePrefix?: string; nameRegex?: string }, ctx: z.RefinementCtx, required: boolean) {
  if (c.name && c.selector) ctx.addIssue({ code: "custom", path: ["selector"], message: "give either name or selector, not both" });
  if (c.name && (c.namePrefix || c.nameRegex)) ctx.addIssue({ code: "custom", path: [c.namePrefix ? "namePrefix" : "nameRegex"], message: "give either name or namePrefix/nameRegex, not both" });
  if (required && !c.name && !c.selector && !c.namePrefix && !c.nameRegex) ctx.addIssue({ code: "custom", path: ["name"], message: "give a name, a selector, namePrefix or nameRegex" });
}

const existsCheck = z.strictObject({ type: z.literal("exists"), ...common, ...target }).superRefine((c, ctx) => nameXorSelector(c, ctx, false));
const notExistsCheck = z.strictObject({ type: z.literal("notExists"), ...common, ...target }).superRefine((c, ctx) => nameXorSelector(c, ctx, false));
const fieldsCheck = z
  .strictObject({ type: z.literal("fields"), ...common, ...target, where: z.array(fieldConditionSchema).min(1) })
  .superRefine((c, ctx) => nameXorSelector(c, ctx, true));
const countCheck = z
  .strictObject({
    type: z.literal("count"),
    ...common,
    ...target,
    where: z.array(fieldConditionSchema).optional(),
    /** Count the distinct values of this path among the matching objects instead of the objects. */
    distinct: fieldPath.optional(),
    ...bounds,
  })
  .superRefine((c, ctx) => {
    if (c.name) ctx.addIssue({ code: "custom", path: ["name"], message: "count takes a selector, namePrefix or nameRegex, not a name" });
    if (!hasBound(c)) ctx.addIssue({ code: "custom", path: ["min"], message: "give min, max or equals" });
  });
const conditionCheck = z
  .strictObject({
    type: z.literal("condition"),
    ...common,
    ...target,
    condition: z.string().min(1),
    /** "True", "False" or "Unknown"; YAML's true/false are accepted. Defaults to "True". */
    status: z.union([z.enum(["True", "False", "Unknown"]), z.boolean()]).optional(),
    reason: z.string().optional(),
  })
  .superRefine((c, ctx) => nameXorSelector(c, ctx, true));
const eventCheck = z.strictObject({
  type: z.literal("event"),
  ...common,
  reason: z.string().min(1),
  namespace: z.string().min(1).optional(),
  involvedObject: z
    .strictObject({
      kind: z.string().min(1).optional(),
      name: z.string().min(1).optional(),
      /** The involved object's name starts with this (pods of a Deployment have generated names: `web-`). */
      namePrefix: z.string().min(1).optional(),
      /** The involved object's name matches this regular expression. */
      nameRegex: regexString.optional(),
    })
    .refine((o) => [o.name, o.namePrefix, o.nameRegex].filter((x) => x !== undefined).length <= 1, { message: "give one of name, namePrefix or nameRegex", path: ["name"] })
    .optional(),
  /** A regular expression the event's message must match. */
  messageRegex: regexString.optional(),
});
const rolloutCheck = z
  .strictObject({
    type: z.literal("rollout"),
    ...common,
    deployment: z.string().min(1),
    namespace: z.string().min(1).optional(),
    /** The number of revisions `kubectl rollout history` lists. */
    revisions: z.strictObject(bounds).refine(hasBound, { message: "give min, max or equals" }).optional(),
    /** The image the Deployment's pod template runs now (of `container`, or of its only/first container). */
    image: z.string().min(1).optional(),
    container: z.string().min(1).optional(),
    paused: z.boolean().optional(),
    /** The rollout finished: every replica updated and available, nothing old left. */
    complete: z.boolean().optional(),
  })
  .refine((c) => c.revisions || c.image || c.paused !== undefined || c.complete !== undefined, { message: "give revisions, image, paused or complete", path: ["revisions"] });
const commandUsedCheck = z.strictObject({
  type: z.literal("commandUsed"),
  ...common,
  /** A regular expression tested against each line the learner ran. */
  pattern: regexString,
  /** Count only commands that exited 0 (default true). */
  succeeded: z.boolean().optional(),
});

/** What the API server's authorizer (RBAC) answers for a user: `kubectl auth can-i VERB RESOURCE --as=USER`. */
const accessCheck = z.strictObject({
  type: z.literal("access"),
  ...common,
  /** The user asked about: a user name, or a service account as `system:serviceaccount:<namespace>:<name>`. */
  as: z.string().min(1),
  /** The user's groups (a service account gets its own groups when none are given, as with `--as`). */
  groups: z.array(z.string().min(1)).optional(),
  verb: z.string().min(1),
  /** Plural, as kubectl accepts it: `pods`, `deployments`, or with its group: `deployments.apps`. */
  resource: z.string().min(1),
  subresource: z.string().min(1).optional(),
  name: z.string().min(1).optional(),
  /** Defaults to `default`; ignored for cluster-wide resources (nodes, namespaces, ...). */
  namespace: z.string().min(1).optional(),
  /** Whether the answer must be yes (default) or no. */
  allowed: z.boolean().optional(),
});

export type Check =
  | z.infer<typeof existsCheck>
  | z.infer<typeof notExistsCheck>
  | z.infer<typeof fieldsCheck>
  | z.infer<typeof countCheck>
  | z.infer<typeof conditionCheck>
  | z.infer<typeof eventCheck>
  | z.infer<typeof rolloutCheck>
  | z.infer<typeof commandUsedCheck>
  | z.infer<typeof accessCheck>
  | { type: "all"; title?: string; message?: string; checks: Check[] }
  | { type: "any"; title?: string; message?: string; checks: Check[] }
  | { type: "not"; title?: string; message?: string; check: Check };

export const checkSchema: z.ZodType<Check> = z.lazy(() =>
  z.discriminatedUnion(
    "type",
    [
      existsCheck,
      notExistsCheck,
      fieldsCheck,
      countCheck,
      conditionCheck,
      eventCheck,
      rolloutCheck,
      commandUsedCheck,
      accessCheck,
      z.strictObject({ type: z.literal("all"), ...common, checks: z.array(checkSchema).min(1) }),
      z.strictObject({ type: z.literal("any"), ...common, checks: z.array(checkSchema).min(1) }),
      z.strictObject({ type: z.literal("not"), ...common, check: checkSchema }),
    ],
  ),
) as z.ZodType<Check>;

/** A step's checks are shown to the learner one by one: each needs a message. */
const topLevelCheck = checkSchema.superRefine((c, ctx) => {
  if (!c.message) ctx.addIssue({ code: "custom", path: ["message"], message: "every check of a step needs a message telling the learner what is still missing" });
});

/** Inline Markdown, or the path of a Markdown file in the lesson's folder (`steps/01-scale.md`). */
const instructions = z.string().min(1);
export const isInstructionsFile = (s: string) => /^[\w./-]+\.md$/.test(s) && !s.includes("\n");

const taint = z.strictObject({
  key: z.string().min(1),
  value: z.string().optional(),
  effect: z.enum(["NoSchedule", "PreferNoSchedule", "NoExecute"]),
});

const manifest = z.union([z.strictObject({ file: z.string().min(1) }), z.strictObject({ inline: z.string().min(1) })], {
  error: () => "expected {file: <path in the lesson folder>} or {inline: <YAML>}",
});

const seededFile = z
  .strictObject({
    /** Where the file appears in the learner's shell (relative paths are under /root). */
    path: z.string().min(1),
    /** A file in the lesson's folder to copy, or the content inline. */
    file: z.string().min(1).optional(),
    content: z.string().optional(),
  })
  .refine((f) => (f.file === undefined) !== (f.content === undefined), { message: "give either file or content", path: ["file"] });

export const stepSchema = z.strictObject({
  id,
  title: z.string().min(1),
  instructions,
  hints: z.array(z.string().min(1)).default([]),
  points: z.number().int().nonnegative().default(10),
  checks: z.array(topLevelCheck).min(1),
  /** The reference solution: the shell lines a learner would type, in order. */
  solution: z.array(z.string().min(1)).min(1),
});
export type Step = z.infer<typeof stepSchema>;

export const MAX_WORKERS = 5;

export const lessonSchema = z
  .strictObject({
    id,
    title: z.string().min(1),
    summary: z.string().min(1),
    level: z.enum(["beginner", "intermediate", "advanced"]),
    estimatedMinutes: z.number().int().positive(),
    tags: z.array(z.string().min(1)).default([]),
    prerequisites: z.array(id).default([]),
    cluster: z
      .strictObject({
        nodes: z
          .strictObject({
            /** Worker nodes besides the control-plane node (named node01, node02, ...). */
            workers: z.number().int().min(0).max(MAX_WORKERS).default(2),
            labels: z.record(z.string(), z.record(z.string(), z.string())).default({}),
            taints: z.record(z.string(), z.array(taint)).default({}),
          })
          .default({ workers: 2, labels: {}, taints: {} }),
        manifests: z.array(manifest).default([]),
        files: z.array(seededFile).default([]),
        /** Moves the learner's clock forward from the moment the cluster was prepared. */
        clockOffsetSeconds: z.number().int().nonnegative().default(0),
      })
      .default({ nodes: { workers: 2, labels: {}, taints: {} }, manifests: [], files: [], clockOffsetSeconds: 0 }),
    steps: z.array(stepSchema).min(1),
  })
  .superRefine((l, ctx) => {
    const nodeNames = lessonNodeNames(l.cluster.nodes.workers);
    for (const key of ["labels", "taints"] as const) {
      for (const node of Object.keys(l.cluster.nodes[key])) {
        if (!nodeNames.includes(node)) ctx.addIssue({ code: "custom", path: ["cluster", "nodes", key, node], message: `no node ${node}; this cluster's nodes are ${nodeNames.join(", ")}` });
      }
    }
    const seen = new Map<string, number>();
    l.steps.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: "custom", path: ["steps", i, "id"], message: `duplicate step id ${s.id} (also steps[${seen.get(s.id)}])` });
      seen.set(s.id, i);
    });
    if (l.prerequisites.includes(l.id)) ctx.addIssue({ code: "custom", path: ["prerequisites"], message: "a lesson cannot be its own prerequisite" });
  });
export type Lesson = z.infer<typeof lessonSchema>;
export type LessonCluster = Lesson["cluster"];

/** The node names of a cluster with `workers` workers (the bootstrap's naming). */
export function lessonNodeNames(workers: number): string[] {
  return ["controlplane", ...Array.from({ length: workers }, (_, i) => `node${String(i + 1).padStart(2, "0")}`)];
}

// ---------------------------------------------------------------------------------------------
// Field paths
// ---------------------------------------------------------------------------------------------

export type PathSegment = { key: string } | { index: number } | { filter: { path: string[]; value: string } } | { all: true };

/**
 * Parses `spec.containers[name=web].image`, `items[0]`, `metadata.labels["app.kubernetes.io/name"]`,
 * `spec.containers[*].image` into segments. Returns the segments or an error message.
 */
export function parsePath(path: string): PathSegment[] {
  const r = parsePathInternal(path);
  if (typeof r === "string") throw new Error(r);
  return r;
}

export function parsePathOrError(path: string): string | undefined {
  const r = parsePathInternal(path);
  return typeof r === "string" ? r : undefined;
}

function parsePathInternal(path: string): PathSegment[] | string {
  const out: PathSegment[] = [];
  let i = 0;
  const ident = /^[A-Za-z0-9_$-]+/;
  let expectKey = true;
  while (i < path.length) {
    const c = path[i];
    if (c === ".") {
      if (expectKey) return `unexpected '.' at ${i}`;
      expectKey = true;
      i++;
      continue;
    }
    if (c === "[") {
      const end = path.indexOf("]", i);
      if (end < 0) return `unclosed '[' at ${i}`;
      const inner = path.slice(i + 1, end).trim();
      let seg: PathSegment;
      if (inner === "*") seg = { all: true };
      else if (/^\d+$/.test(inner)) seg = { index: Number(inner) };
      else if (/^(["']).*\1$/.test(inner)) seg = { key: inner.slice(1, -1) };
      else {
        const eq = inner.indexOf("=");
        if (eq <= 0) return `expected [N], [*], ["key"] or [field=value] at ${i}`;
        const fp = inner.slice(0, eq).trim();
        let value = inner.slice(eq + 1).trim();
        if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
        if (!/^[A-Za-z0-9_$.-]+$/.test(fp)) return `bad filter field '${fp}'`;
        seg = { filter: { path: fp.split("."), value } };
      }
      out.push(seg);
      i = end + 1;
      expectKey = false;
      continue;
    }
    if (!expectKey) return `expected '.' or '[' at ${i}`;
    const m = ident.exec(path.slice(i));
    if (!m) return `unexpected '${c}' at ${i}`;
    out.push({ key: m[0] });
    i += m[0].length;
    expectKey = false;
  }
  if (expectKey) return "path ends with '.'";
  return out;
}
