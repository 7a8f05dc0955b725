// The lesson catalog as the Worker and the sandboxes see it: loaded once per isolate from the
// module scripts/bundle-lessons.mjs generates from lessons/. `npm test` fails on any problem with the
// lesson files; here a broken lesson is only left out (and logged), so the rest keep working.
import { loadCatalog, type LessonCatalog } from "../engine/lessons/catalog";
import { LESSON_CATALOG, LESSON_FILES } from "./lessons.generated";

let catalog: LessonCatalog | undefined;

export function lessonCatalog(): LessonCatalog {
  if (!catalog) {
    catalog = loadCatalog(LESSON_FILES, LESSON_CATALOG);
    if (catalog.problems.length) console.warn(`lessons: ${catalog.problems.length} problem(s):\n${catalog.problems.join("\n")}`);
  }
  return catalog;
}
