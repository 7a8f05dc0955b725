// One HTTPS dev server for the whole conformance run; each test file creates its own sandboxes.
import type { TestProject } from "vitest/node";
import { startDevServer, type DevServer } from "../support/dev-server";
import { findKubectls } from "../support/kubectl";

declare module "vitest" {
  export interface ProvidedContext {
    origin: string;
    /** The dev server's log file. */
    devLog: string;
    kubectls: Array<[string, string]>;
  }
}

let server: DevServer | undefined;

export default async function setup(project: TestProject) {
  const kubectls = [...findKubectls()];
  if (!kubectls.length) {
    const msg = "conformance: no kubectl binaries found beside the kubectl on PATH; the conformance suite is SKIPPED";
    if (process.env.REQUIRE_KUBECTL === "1") throw new Error(`${msg.replace("is SKIPPED", "cannot run")} and REQUIRE_KUBECTL=1`);
    console.warn(`\n*** ${msg} ***\n`);
  }
  // KUBEPLAY_DEV_ORIGIN reuses a dev server that is already running (while iterating on one file).
  const reuse = process.env.KUBEPLAY_DEV_ORIGIN;
  if (!reuse) server = await startDevServer();
  project.provide("origin", reuse ?? server!.origin);
  project.provide("devLog", server ? `${server.stateDir}/dev.log` : "(the reused dev server's own log)");
  project.provide("kubectls", kubectls);
  return async () => {
    await server?.stop();
  };
}
