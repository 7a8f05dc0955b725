// `kubectl version`: the client's build (kubectl 1.32.5, the binary the sandbox's output is compared
// with), kustomize's, and the server's GET /version.
import type { KubectlCommand } from "../command";
import { KubectlError } from "../command";
import { toYaml } from "../printers/yaml";

/** version.Get() of kubectl v1.32.5 (linux/amd64), field order as the Info struct marshals. */
export const CLIENT_VERSION = {
  major: "1",
  minor: "32",
  gitVersion: "v1.32.5",
  gitCommit: "9894294ef13a5b32803e3ca2c0d620a088cc84d1",
  gitTreeState: "clean",
  buildDate: "2025-05-15T09:12:10Z",
  goVersion: "go1.23.8",
  compiler: "gc",
  platform: "linux/amd64",
};
export const KUSTOMIZE_VERSION = "v5.5.0";

const INFO_FIELDS = Object.keys(CLIENT_VERSION);

export const versionCommand: KubectlCommand = {
  name: "version",
  short: "Print the client and server version information",
  long: `Print the client and server version information for the current context.`,
  example: `  # Print the client and server versions for the current context
  kubectl version`,
  usage: "version [flags] [options]",
  flags: [
    { name: "client", type: "bool", usage: "If true, shows client version only (no server required)." },
    { name: "output", shorthand: "o", type: "string", usage: "One of 'yaml' or 'json'." },
  ],
  async run({ env, flags, args, client }) {
    if (args.length) throw new KubectlError(`extra arguments: [${args.join(" ")}]`);
    const output = flags.string("output");
    if (output !== "" && output !== "yaml" && output !== "json") throw new KubectlError("--output must be 'yaml' or 'json'");
    const info: Record<string, unknown> = { clientVersion: CLIENT_VERSION, kustomizeVersion: KUSTOMIZE_VERSION };
    let server: Record<string, string> | undefined;
    if (!flags.bool("client")) {
      const raw = await client.request<Record<string, string>>("GET", "/version");
      server = {};
      for (const k of INFO_FIELDS) if (raw[k] !== undefined) server[k] = raw[k];
      info.serverVersion = server;
    }
    if (output === "") {
      env.stdout.write(`Client Version: ${CLIENT_VERSION.gitVersion}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
      if (server) env.stdout.write(`Server Version: ${server.gitVersion}\n`);
    } else if (output === "yaml") env.stdout.write(toYaml(info) + "\n");
    else env.stdout.write(JSON.stringify(info, null, 2) + "\n");
    if (server) {
      // printVersionSkewWarning: more than one minor version apart.
      const sm = Number(server.major);
      const sn = Number(String(server.minor).replace(/\D+$/, ""));
      const cn = Number(CLIENT_VERSION.minor);
      if (sm === Number(CLIENT_VERSION.major) && Number.isFinite(sn) && Math.abs(sn - cn) > 1) {
        env.stderr.write(`WARNING: version difference between client (${CLIENT_VERSION.major}.${cn}) and server (${sm}.${sn}) exceeds the supported minor version skew of +/-1\n`);
      }
    }
  },
};
