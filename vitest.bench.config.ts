// Benchmarks of the pure engine (test/bench/*.bench.ts), run by `npm run bench` (scripts/bench.mjs).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [],
    environment: "node",
    // One child process running one file at a time: its CPU time is the benchmark's alone.
    pool: "forks",
    fileParallelism: false,
    // The heap measurement collects garbage before and after.
    execArgv: ["--expose-gc"],
    benchmark: { include: ["test/bench/**/*.bench.ts"] },
  },
});
