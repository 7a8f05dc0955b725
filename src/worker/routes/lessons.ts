// /api/lessons: the lesson catalog, and one lesson as a learner's browser receives it (no solutions).
import { Hono } from "hono";
import type { Env } from "../sandbox";
import { lessonCatalog } from "../lessons";
import { lessonSummary, lessonView } from "../../engine/lessons/catalog";
import { statusResponse } from "../http";

export const lessons = new Hono<{ Bindings: Env }>();

export const lessonNotFound = (id: string) => statusResponse(404, "NotFound", `lesson "${id}" not found; GET /api/lessons lists the lessons`);

lessons.get("/", (c) => c.json({ lessons: lessonCatalog().lessons.map(lessonSummary) }));

lessons.get("/:id", (c) => {
  const loaded = lessonCatalog().byId.get(c.req.param("id"));
  return loaded ? c.json(lessonView(loaded)) : lessonNotFound(c.req.param("id"));
});
