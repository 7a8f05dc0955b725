import { defineConfig } from "drizzle-kit";

// Migrations of the sandbox Durable Object's SQLite database (applied in its constructor).
export default defineConfig({
  dialect: "sqlite",
  driver: "durable-sqlite",
  schema: "./src/worker/db/schema.ts",
  out: "./migrations/sandbox",
});
