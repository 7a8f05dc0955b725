import type { Env as SandboxEnv } from "../../src/worker/sandbox";

declare global {
  namespace Cloudflare {
    interface Env extends SandboxEnv {}
  }
}
