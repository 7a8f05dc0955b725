// Grades a lesson: every step's checks against the cluster and the learner's command log, in the
// shape POST /api/sessions/:id/checks answers. Steps are graded independently (a learner who did
// step 3 before step 2 sees step 3 pass); the score adds the points of the steps that pass.
import type { LoadedLesson } from "./loader";
import { evaluateChecks, type CheckContext, type CheckResult } from "./checks";
import { maxScore } from "./catalog";

export interface StepResult {
  id: string;
  passed: boolean;
  /** What the step is worth; it counts towards the score when it passed. */
  points: number;
  checks: CheckResult[];
}

export interface LessonResult {
  lesson: string;
  steps: StepResult[];
  score: number;
  maxScore: number;
}

export function gradeLesson(loaded: LoadedLesson, ctx: CheckContext): LessonResult {
  const steps = loaded.lesson.steps.map((s) => {
    const checks = evaluateChecks(s.checks, ctx);
    return { id: s.id, passed: checks.every((c) => c.passed), points: s.points, checks };
  });
  return { lesson: loaded.lesson.id, steps, score: steps.reduce((n, s) => n + (s.passed ? s.points : 0), 0), maxScore: maxScore(loaded) };
}
