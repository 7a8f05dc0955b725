// The sandbox Durable Object's SQLite tables: the source of truth for its cluster.
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** One row per Kubernetes object, keyed by resource/namespace/name. */
export const objects = sqliteTable("objects", {
  key: text("key").primaryKey(),
  resource: text("resource").notNull(),
  namespace: text("namespace").notNull(),
  name: text("name").notNull(),
  body: text("body").notNull(),
});

/** Small sandbox-wide values: resourceVersion counter, seed, expiry, clock offset. */
export const meta = sqliteTable("meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

export const META_KEYS = {
  resourceVersion: "resourceVersion",
  seed: "seed",
  createdAtMs: "createdAtMs",
  lastUsedMs: "lastUsedMs",
  clockOffsetMs: "clockOffsetMs",
  idleTtlMs: "idleTtlMs",
  nodes: "nodes",
  /** The learner's shell state (cwd, variables, aliases, history) as JSON. */
  shell: "shell",
  /** The lesson the sandbox was prepared for (absent for a free sandbox). */
  lesson: "lesson",
  /** The command log's last sequence number when the lesson (re)started: checks read commands after it. */
  lessonStartSeq: "lessonStartSeq",
  /** The last Check's outcome as JSON: `{"at", "score", "maxScore", "passed": [step ids]}`. */
  lessonCheck: "lessonCheck",
  /** The classroom learner who created the sandbox (their Checks are recorded against them). */
  owner: "owner",
} as const;

export type MetaKey = (typeof META_KEYS)[keyof typeof META_KEYS];

/** The learner's shell filesystem: one row per file or directory (content null). */
export const files = sqliteTable("files", {
  path: text("path").primaryKey(),
  content: text("content"),
  mtimeMs: integer("mtime_ms").notNull(),
});

/**
 * Command lines run through the command endpoint or the terminal, oldest first: what lesson checks
 * and instructors read. Bounded (LIMITS.shell.commandLog): the oldest rows are dropped.
 */
export const commands = sqliteTable("commands", {
  seq: integer("seq").primaryKey(),
  command: text("command").notNull(),
  startedAtMs: integer("started_at_ms").notNull(),
  finishedAtMs: integer("finished_at_ms").notNull(),
  exitCode: integer("exit_code").notNull(),
});
