import { defineConfig } from "drizzle-kit";

// Migrations of the classroom database (D1), applied by `wrangler d1 migrations apply DB` (the dev
// server's start script runs it) and by the worker tests' setup file.
export default defineConfig({
  dialect: "sqlite",
  schema: "./src/worker/db/classrooms.ts",
  out: "./migrations/classrooms",
});
