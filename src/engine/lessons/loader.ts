// Loads one lesson from the contents of its folder (`lessons/<id>/lesson.yaml`, its Markdown and
// manifests), validating it. Pure: the caller reads the files. Every error names the file, the path
// inside it and the reason: `lessons/deployments/lesson.yaml: steps[2].checks[0].where[0].op: expected
// one of equals|regex|...`.
import { parseAllDocuments, parseDocument } from "yaml";
import type { z } from "zod";
import { isInstructionsFile, lessonSchema, type Lesson } from "./schema";

/** Object manifests applied before the learner arrives, in order, with the file they came from. */
export interface LessonManifest {
  source: string;
  object: Record<string, any>;
}

export interface LoadedLesson {
  lesson: Lesson;
  /** Where the lesson lives, e.g. `lessons/deployments`. */
  dir: string;
  /** Each step's instructions as Markdown, by step id. */
  instructions: Record<string, string>;
  manifests: LessonManifest[];
  /** Files seeded into the learner's shell: absolute path -> content. */
  files: { path: string; content: string }[];
}

export class LessonError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "LessonError";
  }
}

/** `steps[2].checks[0].op` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else if (typeof p === "string" && /^[A-Za-z_$][\w$-]*$/.test(p)) out += out ? `.${p}` : p;
    else out += `[${JSON.stringify(String(p))}]`;
  }
  return out || "(top level)";
}

/** A zod issue as one line a lesson author can act on. */
function issueText(issue: z.core.$ZodIssue): { path: PropertyKey[]; reason: string } {
  const path = [...issue.path];
  switch (issue.code) {
    case "invalid_value":
      if (issue.values.length > 1) return { path, reason: `expected one of ${issue.values.map(String).join("|")}` };
      return { path, reason: `expected ${JSON.stringify(issue.values[0])}` };
    case "unrecognized_keys":
      return { path, reason: `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")} (check the spelling against lessons/README.md)` };
    case "invalid_union": {
      const disc = (issue as { discriminator?: string }).discriminator;
      if (disc) return { path: path[path.length - 1] === disc ? path : [...path, disc], reason: `expected one of ${discriminatorValues(disc)}` };
      return { path, reason: issue.message };
    }
    case "invalid_type":
      return { path, reason: (issue as { input?: unknown }).input === undefined ? `required (expected ${issue.expected})` : `expected ${issue.expected}` };
    default:
      return { path, reason: issue.message };
  }
}

function discriminatorValues(disc: string): string {
  if (disc === "type") return "exists|notExists|fields|count|condition|event|rollout|commandUsed|all|any|not";
  return "a known value";
}

/** Validates a parsed lesson.yaml; problems are `file: path: reason` lines. */
export function validateLesson(doc: unknown, file: string): { lesson?: Lesson; problems: string[] } {
  const r = lessonSchema.safeParse(doc);
  if (r.success) return { lesson: r.data, problems: [] };
  const problems = r.error.issues.map((i) => {
    const { path, reason } = issueText(i);
    return `${file}: ${formatPath(path)}: ${reason}`;
  });
  return { problems: [...new Set(problems)] };
}

/**
 * Loads a lesson from its folder's files (`files` maps paths relative to the folder, e.g.
 * `lesson.yaml`, `steps/01-scale.md`, to their text). Throws a LessonError listing every problem.
 */
export function loadLesson(opts: { id: string; files: Record<string, string>; root?: string }): LoadedLesson {
  const dir = `${opts.root ?? "lessons"}/${opts.id}`;
  const yamlFile = `${dir}/lesson.yaml`;
  const text = opts.files["lesson.yaml"];
  if (text === undefined) throw new LessonError([`${yamlFile}: file not found`]);
  const parsed = parseDocument(text, { prettyErrors: true });
  if (parsed.errors.length) throw new LessonError(parsed.errors.map((e) => `${yamlFile}: ${yamlPosition(e.linePos?.[0])}${e.message.split("\n")[0]}`));
  const { lesson, problems } = validateLesson(parsed.toJS(), yamlFile);
  if (!lesson) throw new LessonError(problems);

  if (lesson.id !== opts.id) problems.push(`${yamlFile}: id: is ${lesson.id} but the folder is ${opts.id}; they must match`);

  const fileIn = (path: string, where: string): string | undefined => {
    const key = normalize(path);
    if (key === undefined) {
      problems.push(`${yamlFile}: ${where}: ${path} must be a relative path inside ${dir}/`);
      return undefined;
    }
    const content = opts.files[key];
    if (content === undefined) problems.push(`${yamlFile}: ${where}: file ${key} not found in ${dir}/`);
    return content;
  };

  const instructions: Record<string, string> = {};
  lesson.steps.forEach((s, i) => {
    instructions[s.id] = isInstructionsFile(s.instructions) ? (fileIn(s.instructions, `steps[${i}].instructions`) ?? "") : s.instructions;
  });

  const manifests: LessonManifest[] = [];
  lesson.cluster.manifests.forEach((m, i) => {
    const where = `cluster.manifests[${i}]`;
    const source = "file" in m ? `${dir}/${normalize(m.file) ?? m.file}` : `${yamlFile} ${where}.inline`;
    const content = "file" in m ? fileIn(m.file, `${where}.file`) : m.inline;
    if (content === undefined) return;
    const docs = parseAllDocuments(content, { prettyErrors: true });
    const list = Array.isArray(docs) ? docs : [docs];
    list.forEach((d, j) => {
      if (d.errors.length) {
        problems.push(`${source}: document ${j + 1}: ${yamlPosition(d.errors[0].linePos?.[0])}${d.errors[0].message.split("\n")[0]}`);
        return;
      }
      const obj = d.toJS();
      if (obj === null || obj === undefined) return; // an empty document (a trailing ---)
      const missing = ["apiVersion", "kind"].filter((k) => typeof obj?.[k] !== "string");
      if (typeof obj?.metadata?.name !== "string") missing.push("metadata.name");
      if (missing.length) problems.push(`${source}: document ${j + 1}: missing ${missing.join(", ")}`);
      else manifests.push({ source, object: obj });
    });
  });

  const files: LoadedLesson["files"] = [];
  lesson.cluster.files.forEach((f, i) => {
    const content = f.file !== undefined ? fileIn(f.file, `cluster.files[${i}].file`) : f.content;
    if (content === undefined) return;
    const path = f.path.startsWith("/") ? f.path : `/root/${f.path}`;
    if (normalizeAbsolute(path) === undefined) problems.push(`${yamlFile}: cluster.files[${i}].path: ${f.path} is not a valid file path`);
    else files.push({ path: normalizeAbsolute(path)!, content });
  });

  if (problems.length) throw new LessonError(problems);
  return { lesson, dir, instructions, manifests, files };
}

/** Checks what only the whole catalog can tell: unique ids and prerequisites that exist. */
export function validateCatalog(lessons: readonly LoadedLesson[]): string[] {
  const problems: string[] = [];
  const ids = new Set(lessons.map((l) => l.lesson.id));
  for (const l of lessons) {
    l.lesson.prerequisites.forEach((p, i) => {
      if (!ids.has(p)) problems.push(`${l.dir}/lesson.yaml: prerequisites[${i}]: no lesson ${p}`);
    });
  }
  return problems;
}

function yamlPosition(pos: { line: number; col: number } | undefined): string {
  return pos ? `line ${pos.line}, column ${pos.col}: ` : "";
}

/** `./steps/01.md` -> `steps/01.md`; undefined for absolute paths or paths leaving the folder. */
function normalize(path: string): string | undefined {
  if (path.startsWith("/")) return undefined;
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") return undefined;
    out.push(part);
  }
  return out.length ? out.join("/") : undefined;
}

function normalizeAbsolute(path: string): string | undefined {
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (!out.length) return undefined;
      out.pop();
    } else out.push(part);
  }
  return out.length ? "/" + out.join("/") : undefined;
}
