// The lesson catalog: every lesson folder loaded and validated, in the order `lessons/catalog.yaml`
// lists them, and the views the API serves (a summary per lesson; a lesson without its reference
// solutions). Pure: the caller hands over the folders' text (the Worker bundles it at build time,
// tests read it from disk).
import { parseDocument } from "yaml";
import { z } from "zod";
import { LessonError, loadLesson, validateCatalog, type LoadedLesson } from "./loader";
import { describeCheck } from "./checks";

export const CATALOG_FILE = "lessons/catalog.yaml";

const catalogSchema = z.strictObject({ lessons: z.array(z.string().min(1)) });

export interface LessonCatalog {
  /** The lessons that loaded, in catalog order. */
  lessons: LoadedLesson[];
  byId: ReadonlyMap<string, LoadedLesson>;
  /** Everything wrong with the lesson files (`npm test` requires none); the lessons above still load. */
  problems: string[];
}

/**
 * Loads every lesson folder (`folders` maps a lesson id to its files by relative path) and orders
 * them by `catalogYaml` (`lessons: [id, ...]`). A malformed lesson is left out and reported; a folder
 * the catalog does not list is appended (and reported), an id it lists without a folder reported.
 */
export function loadCatalog(folders: Readonly<Record<string, Record<string, string>>>, catalogYaml: string): LessonCatalog {
  const problems: string[] = [];
  const loaded = new Map<string, LoadedLesson>();
  for (const id of Object.keys(folders).sort()) {
    try {
      loaded.set(id, loadLesson({ id, files: folders[id] }));
    } catch (e) {
      if (e instanceof LessonError) problems.push(...e.problems);
      else problems.push(`lessons/${id}: ${(e as Error).message}`);
    }
  }

  let order: string[] = [];
  if (!catalogYaml.trim()) problems.push(`${CATALOG_FILE}: file not found or empty; it lists the lesson ids in the order learners see them`);
  else {
    const doc = parseDocument(catalogYaml);
    const parsed = doc.errors.length ? undefined : catalogSchema.safeParse(doc.toJS());
    if (!parsed?.success) problems.push(`${CATALOG_FILE}: expected "lessons:" followed by a list of lesson ids`);
    else order = parsed.data.lessons;
  }
  const seen = new Set<string>();
  order.forEach((id, i) => {
    if (seen.has(id)) problems.push(`${CATALOG_FILE}: lessons[${i}]: ${id} is listed twice`);
    else if (!(id in folders)) problems.push(`${CATALOG_FILE}: lessons[${i}]: no folder lessons/${id}`);
    seen.add(id);
  });
  for (const id of Object.keys(folders).sort()) {
    if (!seen.has(id)) {
      problems.push(`${CATALOG_FILE}: lessons/${id} is not listed; add it where learners should meet it`);
      order.push(id);
    }
  }

  const lessons = [...new Set(order)].map((id) => loaded.get(id)).filter((l): l is LoadedLesson => !!l);
  problems.push(...validateCatalog(lessons));
  return { lessons, byId: new Map(lessons.map((l) => [l.lesson.id, l])), problems };
}

/** What the catalog lists for a lesson. */
export interface LessonSummary {
  id: string;
  title: string;
  summary: string;
  level: string;
  estimatedMinutes: number;
  tags: string[];
  prerequisites: string[];
  steps: number;
  maxScore: number;
}

export const maxScore = (l: LoadedLesson) => l.lesson.steps.reduce((n, s) => n + s.points, 0);

export function lessonSummary(l: LoadedLesson): LessonSummary {
  const { id, title, summary, level, estimatedMinutes, tags, prerequisites, steps } = l.lesson;
  return { id, title, summary, level, estimatedMinutes, tags, prerequisites, steps: steps.length, maxScore: maxScore(l) };
}

/**
 * A lesson as a learner's browser receives it: everything but the reference solutions. Checks are
 * shown by name and message only (their expected values would give answers away).
 */
export function lessonView(l: LoadedLesson) {
  const { nodes } = l.lesson.cluster;
  const { steps: _count, ...summary } = lessonSummary(l);
  return {
    ...summary,
    cluster: { workers: nodes.workers, labels: nodes.labels, taints: nodes.taints, files: l.files.map((f) => f.path) },
    steps: l.lesson.steps.map((s) => ({
      id: s.id,
      title: s.title,
      instructions: l.instructions[s.id],
      hints: s.hints,
      points: s.points,
      checks: s.checks.map((c) => ({ name: c.title ?? describeCheck(c), message: c.message ?? "" })),
    })),
  };
}
