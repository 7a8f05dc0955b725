// Classroom data in D1, through drizzle: creating classrooms and learners, the sandboxes learners
// create, their Check results, and the reads behind the instructor's progress and learner views.
// Times here are wall-clock times (when the learner did something), not sandbox simulated time.
import { drizzle } from "drizzle-orm/d1";
import { and, count, desc, eq, sql } from "drizzle-orm";
import { LIMITS } from "../engine/limits";
import * as tables from "./db/classrooms";
import { newInstructorToken, newJoinCode, newLearnerToken, randomHex, sha256Hex } from "./auth";
import type { LessonResult } from "../engine/lessons/grade";

export type Classroom = typeof tables.classrooms.$inferSelect;
export type Learner = typeof tables.learners.$inferSelect;
export type ProgressRow = typeof tables.progress.$inferSelect;
export type CheckRun = typeof tables.checkRuns.$inferSelect;
export type LearnerSandbox = typeof tables.learnerSandboxes.$inferSelect;

const db = (d1: D1Database) => drizzle(d1, { schema: tables });

export const classroomLessons = (c: Classroom): string[] => JSON.parse(c.lessons) as string[];

export async function createClassroom(d1: D1Database, name: string, lessons: string[], nowMs: number): Promise<{ classroom: Classroom; instructorToken: string }> {
  const instructorToken = newInstructorToken();
  const instructorTokenHash = await sha256Hex(instructorToken);
  // Join codes are short: on the rare collision with an existing one, draw again.
  for (let attempt = 0; ; attempt++) {
    const classroom: Classroom = { id: randomHex(16), name, lessons: JSON.stringify(lessons), joinCode: newJoinCode(), instructorTokenHash, createdAtMs: nowMs };
    try {
      await db(d1).insert(tables.classrooms).values(classroom).run();
      return { classroom, instructorToken };
    } catch (e) {
      if (attempt >= 4 || !/UNIQUE/i.test(String((e as Error).message))) throw e;
    }
  }
}

export async function findClassroom(d1: D1Database, id: string): Promise<Classroom | undefined> {
  return db(d1).select().from(tables.classrooms).where(eq(tables.classrooms.id, id)).get();
}

export async function findClassroomByJoinCode(d1: D1Database, joinCode: string): Promise<Classroom | undefined> {
  return db(d1).select().from(tables.classrooms).where(eq(tables.classrooms.joinCode, joinCode)).get();
}

export async function countLearners(d1: D1Database, classroomId: string): Promise<number> {
  const r = await db(d1).select({ n: count() }).from(tables.learners).where(eq(tables.learners.classroomId, classroomId)).get();
  return r?.n ?? 0;
}

export async function addLearner(d1: D1Database, classroomId: string, name: string, nowMs: number): Promise<{ learner: Learner; learnerToken: string }> {
  const id = randomHex(16);
  const learnerToken = newLearnerToken(id);
  const learner: Learner = { id, classroomId, name, tokenHash: await sha256Hex(learnerToken), createdAtMs: nowMs };
  await db(d1).insert(tables.learners).values(learner).run();
  return { learner, learnerToken };
}

export async function findLearner(d1: D1Database, id: string): Promise<Learner | undefined> {
  return db(d1).select().from(tables.learners).where(eq(tables.learners.id, id)).get();
}

export async function listLearners(d1: D1Database, classroomId: string): Promise<Learner[]> {
  return db(d1).select().from(tables.learners).where(eq(tables.learners.classroomId, classroomId)).orderBy(tables.learners.createdAtMs, tables.learners.id).all();
}

/** A sandbox a learner created; for a lesson, the lesson's progress row starts (first activity). */
export async function recordSandbox(d1: D1Database, learnerId: string, sandboxId: string, lesson: { id: string; maxScore: number } | undefined, nowMs: number): Promise<void> {
  const d = db(d1);
  const insertSandbox = d.insert(tables.learnerSandboxes).values({ sandboxId, learnerId, lesson: lesson?.id ?? null, createdAtMs: nowMs });
  if (!lesson) {
    await insertSandbox.run();
    return;
  }
  await d.batch([
    insertSandbox,
    d
      .insert(tables.progress)
      .values({ learnerId, lesson: lesson.id, passedSteps: "[]", score: 0, maxScore: lesson.maxScore, attempts: 0, firstActivityMs: nowMs, lastActivityMs: nowMs })
      .onConflictDoUpdate({ target: [tables.progress.learnerId, tables.progress.lesson], set: { lastActivityMs: nowMs } }),
  ]);
}

/** One Check a learner ran: kept as history, and folded into the learner's progress on the lesson. */
export async function recordCheck(d1: D1Database, learnerId: string, sandboxId: string, result: LessonResult, nowMs: number): Promise<void> {
  const d = db(d1);
  const key = and(eq(tables.progress.learnerId, learnerId), eq(tables.progress.lesson, result.lesson));
  const before = await d.select().from(tables.progress).where(key).get();
  // A step counts once it passed in any Check (a later experiment that breaks it does not take the points away).
  const passed = new Set<string>(before ? (JSON.parse(before.passedSteps) as string[]) : []);
  for (const st of result.steps) if (st.passed) passed.add(st.id);
  const score = result.steps.reduce((n, st) => n + (passed.has(st.id) ? st.points : 0), 0);
  const row: ProgressRow = {
    learnerId,
    lesson: result.lesson,
    passedSteps: JSON.stringify(result.steps.map((st) => st.id).filter((id) => passed.has(id))),
    score,
    maxScore: result.maxScore,
    attempts: (before?.attempts ?? 0) + 1,
    firstActivityMs: before?.firstActivityMs ?? nowMs,
    lastActivityMs: nowMs,
  };
  await d.batch([
    d.insert(tables.checkRuns).values({
      learnerId,
      sandboxId,
      lesson: result.lesson,
      atMs: nowMs,
      score: result.score,
      maxScore: result.maxScore,
      steps: JSON.stringify(result.steps.map((st) => ({ id: st.id, passed: st.passed, points: st.points }))),
    }),
    d.insert(tables.progress).values(row).onConflictDoUpdate({ target: [tables.progress.learnerId, tables.progress.lesson], set: row }),
    // The history is bounded per learner: the oldest runs go (their steps stay in the progress row).
    d.delete(tables.checkRuns).where(
      and(
        eq(tables.checkRuns.learnerId, learnerId),
        sql`${tables.checkRuns.id} <= (SELECT ${tables.checkRuns.id} FROM ${tables.checkRuns} WHERE ${tables.checkRuns.learnerId} = ${learnerId} ORDER BY ${tables.checkRuns.id} DESC LIMIT 1 OFFSET ${LIMITS.classrooms.checkRunsPerLearner})`,
      ),
    ),
  ]);
}

export async function classroomProgress(d1: D1Database, classroomId: string): Promise<ProgressRow[]> {
  return db(d1)
    .select({ progress: tables.progress })
    .from(tables.progress)
    .innerJoin(tables.learners, eq(tables.learners.id, tables.progress.learnerId))
    .where(eq(tables.learners.classroomId, classroomId))
    .all()
    .then((rows) => rows.map((r) => r.progress));
}

/** The learner's sandboxes, newest first. */
export async function learnerSandboxes(d1: D1Database, learnerId: string, limit: number): Promise<LearnerSandbox[]> {
  return db(d1).select().from(tables.learnerSandboxes).where(eq(tables.learnerSandboxes.learnerId, learnerId)).orderBy(desc(tables.learnerSandboxes.createdAtMs)).limit(limit).all();
}

/** The learner's most recent Checks, oldest first. */
export async function learnerCheckRuns(d1: D1Database, learnerId: string, limit: number): Promise<CheckRun[]> {
  const rows = await db(d1).select().from(tables.checkRuns).where(eq(tables.checkRuns.learnerId, learnerId)).orderBy(desc(tables.checkRuns.atMs), desc(tables.checkRuns.id)).limit(limit).all();
  return rows.reverse();
}
