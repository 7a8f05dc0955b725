// Lesson files: every lesson under lessons/ loads, and a malformed lesson is refused with messages
// naming the file, the path inside it and the reason.
import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { loadLesson, LessonError, validateCatalog, validateLesson } from "../../../src/engine/lessons/loader";
import { CHECK_TYPES, checkSchema } from "../../../src/engine/lessons/schema";
import { LESSONS_ROOT, lessonFiles, lessonIds, readLesson } from "./harness";

describe("the shipped lessons", () => {
  test("include the cluster tour and deployments", () => {
    expect(lessonIds()).toEqual(expect.arrayContaining(["cluster-tour", "deployments"]));
  });

  test.each(lessonIds())("%s loads, with its instructions, manifests and files", (id) => {
    const l = readLesson(id);
    expect(l.lesson.id).toBe(id);
    expect(l.lesson.steps.length).toBeGreaterThanOrEqual(3);
    for (const s of l.lesson.steps) {
      expect(l.instructions[s.id], `instructions of step ${s.id}`).toMatch(/^# /);
      expect(s.hints.length, `hints of step ${s.id}`).toBeGreaterThan(0);
    }
  });

  test("prerequisites name lessons that exist", () => {
    expect(validateCatalog(lessonIds().map(readLesson))).toEqual([]);
  });
});

const minimal = () => ({
  id: "demo",
  title: "Demo",
  summary: "A demo",
  level: "beginner",
  estimatedMinutes: 5,
  steps: [
    { id: "one", title: "One", instructions: "Create a pod.", solution: ["kubectl run web --image=nginx"], checks: [{ type: "exists", kind: "Pod", name: "web", message: "There is no pod web yet." }] },
    { id: "two", title: "Two", instructions: "steps/02.md", solution: ["kubectl scale deploy web --replicas=3"], checks: [{ type: "exists", kind: "Pod", name: "web", message: "m" }] },
    {
      id: "three",
      title: "Three",
      instructions: "Scale.",
      solution: ["kubectl scale deploy web --replicas=3"],
      checks: [{ type: "fields", kind: "Deployment", name: "web", message: "m", where: [{ path: "spec.replicas", op: "equals", value: 3 }] }],
    },
  ],
});

function problems(doc: unknown, extra: Record<string, string> = { "steps/02.md": "# Two\n" }): string[] {
  try {
    loadLesson({ id: "demo", files: { "lesson.yaml": typeof doc === "string" ? doc : stringify(doc), ...extra } });
  } catch (e) {
    if (e instanceof LessonError) return e.problems;
    throw e;
  }
  return [];
}

describe("a malformed lesson", () => {
  test("a minimal lesson loads, with defaults", () => {
    const l = loadLesson({ id: "demo", files: { "lesson.yaml": stringify(minimal()), "steps/02.md": "# Two\n" } });
    expect(l.instructions).toEqual({ one: "Create a pod.", two: "# Two\n", three: "Scale." });
    expect(l.lesson.cluster.nodes.workers).toBe(2);
    expect(l.lesson.steps[0].points).toBe(10);
  });

  test("an unknown field operator names file, path and the allowed values", () => {
    const doc = minimal();
    (doc.steps[2].checks[0] as any).where[0].op = "equal";
    expect(problems(doc)).toEqual(["lessons/demo/lesson.yaml: steps[2].checks[0].where[0].op: expected one of equals|regex|oneOf|gte|lte|exists|absent|contains"]);
  });

  test("an unknown check type", () => {
    const doc = minimal();
    (doc.steps[1].checks[0] as any).type = "exist";
    expect(problems(doc)).toEqual(["lessons/demo/lesson.yaml: steps[1].checks[0].type: expected one of exists|notExists|fields|count|condition|event|rollout|commandUsed|all|any|not"]);
  });

  test("a misspelt key, a missing message, a missing field", () => {
    const doc = minimal() as any;
    doc.steps[0].checks[0].nmae = "web";
    doc.steps[1].checks[0].message = undefined;
    doc.steps[2].solution = undefined;
    doc.level = "expert";
    expect(problems(doc)).toEqual([
      "lessons/demo/lesson.yaml: level: expected one of beginner|intermediate|advanced",
      "lessons/demo/lesson.yaml: steps[0].checks[0]: unknown key nmae (check the spelling against lessons/README.md)",
      "lessons/demo/lesson.yaml: steps[1].checks[0].message: every check of a step needs a message telling the learner what is still missing",
      "lessons/demo/lesson.yaml: steps[2].solution: required (expected array)",
    ]);
  });

  test("bad paths, regular expressions and counts", () => {
    const doc = minimal() as any;
    doc.steps[2].checks = [
      { type: "fields", kind: "Pod", name: "x", message: "m", where: [{ path: "spec..image", op: "regex", value: "(" }] },
      { type: "count", kind: "Pod", selector: "app=web", message: "m" },
      { type: "fields", kind: "Pod", name: "x", message: "m", where: [{ path: "spec.nodeName", op: "exists", value: "node01" }] },
    ];
    expect(problems(doc)).toEqual([
      "lessons/demo/lesson.yaml: steps[2].checks[0].where[0].path: is not a valid field path (e.g. spec.containers[name=web].image)",
      "lessons/demo/lesson.yaml: steps[2].checks[0].where[0].value: op regex needs a valid regular expression",
      "lessons/demo/lesson.yaml: steps[2].checks[1].min: give min, max or equals",
      "lessons/demo/lesson.yaml: steps[2].checks[2].where[0].value: op exists takes no value",
    ]);
  });

  test("duplicate step ids and taints on a node the cluster does not have", () => {
    const doc = minimal() as any;
    doc.steps[1].id = "one";
    doc.cluster = { nodes: { workers: 1, taints: { node02: [{ key: "gpu", effect: "NoSchedule" }] } } };
    expect(problems(doc)).toEqual([
      "lessons/demo/lesson.yaml: cluster.nodes.taints.node02: no node node02; this cluster's nodes are controlplane, node01",
      "lessons/demo/lesson.yaml: steps[1].id: duplicate step id one (also steps[0])",
    ]);
  });

  test("a missing instructions file, a bad manifest, an id that is not the folder's", () => {
    const doc = minimal() as any;
    doc.id = "other";
    doc.cluster = { manifests: [{ file: "manifests/app.yaml" }, { inline: "apiVersion: v1\nkind: ConfigMap\n" }, { file: "../secret.yaml" }] };
    expect(problems(doc, { "manifests/app.yaml": "kind: [\n" })).toEqual([
      "lessons/demo/lesson.yaml: id: is other but the folder is demo; they must match",
      "lessons/demo/lesson.yaml: steps[1].instructions: file steps/02.md not found in lessons/demo/",
      expect.stringMatching(/^lessons\/demo\/manifests\/app\.yaml: document 1: line \d+, column \d+: /),
      "lessons/demo/lesson.yaml cluster.manifests[1].inline: document 1: missing metadata.name",
      "lessons/demo/lesson.yaml: cluster.manifests[2].file: ../secret.yaml must be a relative path inside lessons/demo/",
    ]);
  });

  test("YAML that does not parse names the line", () => {
    expect(problems("id: demo\nsteps: [\n")).toEqual([expect.stringMatching(/^lessons\/demo\/lesson\.yaml: line \d+, column \d+: /)]);
  });

  test("a lesson folder without lesson.yaml", () => {
    expect(() => loadLesson({ id: "demo", files: {} })).toThrow("lessons/demo/lesson.yaml: file not found");
  });
});

test("lessonFiles reads nested folders", () => {
  expect(Object.keys(lessonFiles("deployments"))).toEqual(expect.arrayContaining(["lesson.yaml", "steps/01-scale.md", "manifests/web.yaml"]));
});

describe("lessons/README.md", () => {
  const readme = readFileSync(join(LESSONS_ROOT, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);

  test("its lesson.yaml example is a valid lesson", () => {
    const doc = parse(blocks[0]);
    expect(validateLesson(doc, "README.md").problems).toEqual([]);
  });

  test("every check example is a valid check with a message", () => {
    const checks = blocks.slice(1).flatMap((b) => parse(b) as unknown[]);
    expect(checks.length).toBeGreaterThanOrEqual(11);
    const types = new Set<string>();
    for (const c of checks) {
      const r = checkSchema.safeParse(c);
      expect(r.success, JSON.stringify(c)).toBe(true);
      expect((c as { message?: string }).message).toBeTruthy();
      types.add((c as { type: string }).type);
    }
    expect([...types].sort()).toEqual([...CHECK_TYPES].sort());
  });
});
