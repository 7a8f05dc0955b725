import { defineConfig } from "vitest/config";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
// @ts-expect-error -- a plain .mjs script without type declarations
import { bundleLessons } from "./scripts/bundle-lessons.mjs";

// The Worker serves lessons from a module generated from lessons/ (it has no filesystem).
bundleLessons();

// Three projects: the pure engine in plain Node (fast), the Cloudflare shell inside
// workerd, and conformance runs of real kubectl against `wrangler dev` over TLS.
// CI asks for a JSON report beside the normal output to print its closing `N passed, N failed` line.
const jsonReport = process.env.VITEST_JSON_REPORT;

export default defineConfig(async () => ({
  test: {
    reporters: jsonReport ? ["default", "json"] : ["default"],
    outputFile: jsonReport ? { json: jsonReport } : undefined,
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        plugins: [
          cloudflareTest({
            wrangler: { configPath: "./wrangler.toml" },
            // The classroom database's migrations, applied by the setup file in each test file's storage.
            miniflare: { bindings: { TEST_MIGRATIONS: await readD1Migrations("./migrations/classrooms") } },
          }),
        ],
        test: {
          name: "worker",
          include: ["test/worker/**/*.test.ts"],
          setupFiles: ["test/worker/apply-migrations.ts"],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "conformance",
          include: ["test/conformance/**/*.test.ts"],
          globalSetup: ["test/conformance/global-setup.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
}));
