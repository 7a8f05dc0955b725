import type { D1Migration } from "cloudflare:test";
import type { Env as SandboxEnv } from "../../src/worker/sandbox";

declare global {
  namespace Cloudflare {
    interface Env extends SandboxEnv {
      /** The classroom database's migrations (vitest.config.ts reads them; apply-migrations.ts applies them). */
      TEST_MIGRATIONS: D1Migration[];
    }
  }
}
