#!/usr/bin/env node
// Starts the app (web + API) with `wrangler dev`, offline and quiet. `--tls` serves HTTPS with a
// self-signed certificate on port 8443 (kubectl sends credentials only over TLS). Any further
// arguments go to wrangler and override these defaults: `npm run start:tls -- --port 9443`.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";

const args = process.argv.slice(2);
const tls = args[0] === "--tls";
const passthrough = tls ? args.slice(1) : args;
const has = (flag) => passthrough.some((a) => a === flag || a.startsWith(`${flag}=`));

const wranglerArgs = ["dev", "--show-interactive-dev-session=false"];
if (!has("--ip")) wranglerArgs.push("--ip", "127.0.0.1");
if (!has("--port")) wranglerArgs.push("--port", tls ? "8443" : "8787");
if (!has("--persist-to")) wranglerArgs.push("--persist-to", ".state");
if (tls && !has("--local-protocol")) wranglerArgs.push("--local-protocol", "https");
wranglerArgs.push(...passthrough);

const require = createRequire(import.meta.url);
const wrangler = require.resolve("wrangler/bin/wrangler.js");
const child = spawn(process.execPath, [wrangler, ...wranglerArgs], {
  stdio: "inherit",
  env: {
    ...process.env,
    CLOUDFLARE_CF_FETCH_ENABLED: "false",
    WRANGLER_SEND_METRICS: "false",
    WRANGLER_HIDE_BANNER: "true",
  },
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
