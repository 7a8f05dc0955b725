// The sandbox Durable Object's SQLite tables: the source of truth for its cluster.
import { sqliteTable, text } from "drizzle-orm/sqlite-core";

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
} as const;

export type MetaKey = (typeof META_KEYS)[keyof typeof META_KEYS];
