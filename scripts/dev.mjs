#!/usr/bin/env node
// Starts the app (web + API) with `wrangler dev`, offline and quiet. `--tls` serves HTTPS with a
// self-signed certificate on port 8443 (kubectl sends credentials only over TLS). Any further
// arguments go to wrangler and override these defaults: `npm run start:tls -- --port 9443`.
import { spawn, spawnSync } from "node:child_process";
import { bundleLessons } from "./bundle-lessons.mjs";
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

/** The value of `--flag value` or `--flag=value` in wrangler's arguments. */
function flagValue(list, flag) {
  for (let i = 0; i < list.length; i++) {
    if (list[i] === flag) return list[i + 1];
    if (list[i].startsWith(`${flag}=`)) return list[i].slice(flag.length + 1);
  }
  return undefined;
}

const require = createRequire(import.meta.url);
const wrangler = require.resolve("wrangler/bin/wrangler.js");
const env = {
  ...process.env,
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_HIDE_BANNER: "true",
};

// The lessons are bundled into the Worker, and the local classroom database gets its migrations,
// before the server starts (wrangler's build step re-bundles the lessons when they change).
bundleLessons();
const persistTo = flagValue(wranglerArgs, "--persist-to");
const migrate = spawnSync(process.execPath, [wrangler, "d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo], { stdio: ["ignore", "ignore", "inherit"], env });
if (migrate.status !== 0) {
  console.error("kubeplay: applying the classroom database migrations failed (wrangler d1 migrations apply DB --local)");
  process.exit(migrate.status ?? 1);
}

const child = spawn(process.execPath, [wrangler, ...wranglerArgs], { stdio: "inherit", env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
