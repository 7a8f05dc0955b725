// The classroom database (D1): classrooms, the learners who joined them, the sandboxes learners
// created, and every lesson Check a learner ran. Tokens are stored as SHA-256 hashes only.
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const classrooms = sqliteTable("classrooms", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  /** The lesson ids the classroom follows, as a JSON array, in order. */
  lessons: text("lessons").notNull(),
  joinCode: text("join_code").notNull().unique(),
  instructorTokenHash: text("instructor_token_hash").notNull(),
  createdAtMs: integer("created_at_ms").notNull(),
});

export const learners = sqliteTable(
  "learners",
  {
    id: text("id").primaryKey(),
    classroomId: text("classroom_id")
      .notNull()
      .references(() => classrooms.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdAtMs: integer("created_at_ms").notNull(),
  },
  (t) => [index("learners_classroom").on(t.classroomId)],
);

/** Sandboxes created with a learner's token: the newest is the learner's current one. */
export const learnerSandboxes = sqliteTable(
  "learner_sandboxes",
  {
    sandboxId: text("sandbox_id").primaryKey(),
    learnerId: text("learner_id")
      .notNull()
      .references(() => learners.id, { onDelete: "cascade" }),
    lesson: text("lesson"),
    createdAtMs: integer("created_at_ms").notNull(),
  },
  (t) => [index("learner_sandboxes_learner").on(t.learnerId, t.createdAtMs)],
);

/** Every Check a learner ran: the per-step results over time. */
export const checkRuns = sqliteTable(
  "check_runs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    learnerId: text("learner_id")
      .notNull()
      .references(() => learners.id, { onDelete: "cascade" }),
    sandboxId: text("sandbox_id").notNull(),
    lesson: text("lesson").notNull(),
    atMs: integer("at_ms").notNull(),
    score: integer("score").notNull(),
    maxScore: integer("max_score").notNull(),
    /** `[{"id","passed","points"}]` as JSON. */
    steps: text("steps").notNull(),
  },
  (t) => [index("check_runs_learner").on(t.learnerId, t.atMs)],
);

/**
 * One row per learner and lesson, kept current on every sandbox and Check, so the progress page
 * reads learners × lessons rows instead of every check run.
 */
export const progress = sqliteTable(
  "progress",
  {
    learnerId: text("learner_id")
      .notNull()
      .references(() => learners.id, { onDelete: "cascade" }),
    lesson: text("lesson").notNull(),
    /** Ids of the steps that passed in any Check so far, as a JSON array. */
    passedSteps: text("passed_steps").notNull(),
    /** Points of those steps. */
    score: integer("score").notNull(),
    maxScore: integer("max_score").notNull(),
    attempts: integer("attempts").notNull(),
    firstActivityMs: integer("first_activity_ms").notNull(),
    lastActivityMs: integer("last_activity_ms").notNull(),
  },
  (t) => [primaryKey({ columns: [t.learnerId, t.lesson] })],
);
