// The lesson catalog: lessons/catalog.yaml orders the lesson folders, every folder is listed once,
// and the API's views of a lesson never carry its reference solutions.
import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { lessonSummary, lessonView, loadCatalog } from "../../../src/engine/lessons/catalog";
import { gradeLesson } from "../../../src/engine/lessons/grade";
import { LESSONS_ROOT, lessonFiles, lessonIds, startLesson } from "./harness";

const minimal = (id: string, points = 10) => ({
  "lesson.yaml": `id: ${id}\ntitle: ${id}\nsummary: s\nlevel: beginner\nestimatedMinutes: 5\nsteps:\n  - id: one\n    title: One\n    instructions: Do it.\n    points: ${points}\n    checks:\n      - { type: exists, kind: Namespace, name: ${id}, message: "No namespace ${id} yet." }\n    solution: [ "kubectl create namespace ${id}" ]\n  - id: two\n    title: Two\n    instructions: Again.\n    checks:\n      - { type: exists, kind: ConfigMap, name: two, message: "No ConfigMap two yet." }\n    solution: [ "kubectl create configmap two" ]\n`,
});

describe("loadCatalog", () => {
  test("orders lessons as the catalog lists them", () => {
    const c = loadCatalog({ a: minimal("a"), b: minimal("b") }, "lessons: [b, a]\n");
    expect(c.lessons.map((l) => l.lesson.id)).toEqual(["b", "a"]);
    expect(c.problems).toEqual([]);
    expect(c.byId.get("a")?.lesson.title).toBe("a");
  });

  test("reports unlisted folders (appended), listed ids without a folder, duplicates and broken lessons", () => {
    const broken = { "lesson.yaml": "id: c\ntitle: c\n" };
    const c = loadCatalog({ a: minimal("a"), b: minimal("b"), c: broken }, "lessons: [a, ghost, a]\n");
    expect(c.lessons.map((l) => l.lesson.id)).toEqual(["a", "b"]);
    expect(c.problems).toContain("lessons/catalog.yaml: lessons[1]: no folder lessons/ghost");
    expect(c.problems).toContain("lessons/catalog.yaml: lessons[2]: a is listed twice");
    expect(c.problems).toContain("lessons/catalog.yaml: lessons/b is not listed; add it where learners should meet it");
    expect(c.problems.some((p) => p.startsWith("lessons/c/lesson.yaml: summary: required"))).toBe(true);
  });

  test("reports a missing or malformed catalog file", () => {
    expect(loadCatalog({}, "").problems).toEqual(["lessons/catalog.yaml: file not found or empty; it lists the lesson ids in the order learners see them"]);
    expect(loadCatalog({}, "- a\n").problems).toEqual(['lessons/catalog.yaml: expected "lessons:" followed by a list of lesson ids']);
  });

  test("summarises a lesson and serves it without solutions", () => {
    const [l] = loadCatalog({ a: minimal("a", 15) }, "lessons: [a]").lessons;
    expect(lessonSummary(l)).toEqual({ id: "a", title: "a", summary: "s", level: "beginner", estimatedMinutes: 5, tags: [], prerequisites: [], steps: 2, maxScore: 25 });
    const view = lessonView(l);
    expect(JSON.stringify(view)).not.toContain("kubectl create namespace");
    expect(view.steps[0]).toEqual({ id: "one", title: "One", instructions: "Do it.", hints: [], points: 15, checks: [{ name: "Namespace a exists", message: "No namespace a yet." }] });
  });
});

describe("the lessons/ folder", () => {
  test("catalog.yaml lists every lesson folder once, and every lesson loads", () => {
    const folders = Object.fromEntries(lessonIds().map((id) => [id, lessonFiles(id)]));
    const c = loadCatalog(folders, readFileSync(join(LESSONS_ROOT, "catalog.yaml"), "utf8"));
    expect(c.problems).toEqual([]);
  });
});

describe("gradeLesson", () => {
  test("grades every step on its own and adds the points of the steps that pass", async () => {
    const [l] = loadCatalog({ a: minimal("a", 15) }, "lessons: [a]").lessons;
    const s = startLesson(l);
    await s.run("kubectl create configmap two");
    const ctx = { cluster: s.client.cluster, nowMs: s.client.nowMs, commands: s.commands };
    expect(gradeLesson(l, ctx)).toEqual({
      lesson: "a",
      steps: [
        { id: "one", passed: false, points: 15, checks: [{ name: "Namespace a exists", passed: false, message: "No namespace a yet." }] },
        { id: "two", passed: true, points: 10, checks: [{ name: "ConfigMap two exists", passed: true, message: "" }] },
      ],
      score: 10,
      maxScore: 25,
    });
  });
});
