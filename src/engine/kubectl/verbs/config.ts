// `kubectl config`: reads and writes the kubeconfig in the sandbox's filesystem (--kubeconfig, else
// $KUBECONFIG, else ~/.kube/config) the way clientcmd does: the file is loaded into clientcmd's
// internal Config (maps of clusters, users and contexts; unknown fields dropped), changed, and written
// back as clientcmd writes it (the v1 Config as sorted YAML). `config view` redacts like
// RedactSecrets + ShortenConfig unless --raw.
import type { CommandRun, KubectlCommand } from "../command";
import { KubectlError, UsageError, renderHelp } from "../command";
import { GLOBAL_FLAGS } from "../globals";
import { parseGoBool } from "../flags";
import { kubeconfigPath } from "../kubeconfig";
import { toYaml } from "../printers/yaml";
import { genericPrinter, printObject } from "../printers/print-flags";
import { newTableTabWriter } from "../printers/tabwriter";
import { parse } from "yaml";
import { defaultSubCommandRun } from "./group";
import { ALLOW_MISSING_TEMPLATE_KEYS_FLAG, SHOW_MANAGED_FIELDS_FLAG, TEMPLATE_FLAG } from "../common-flags";

type Fields = Record<string, unknown>;

/** clientcmd's internal Config. */
interface Config {
  preferences: Fields;
  clusters: Map<string, Fields>;
  users: Map<string, Fields>;
  contexts: Map<string, Fields>;
  currentContext: string;
  extensions?: unknown[];
}

/** v1 field order (json tags) of each stanza; what is not listed is dropped on load. */
const CLUSTER_FIELDS = ["server", "tls-server-name", "insecure-skip-tls-verify", "certificate-authority", "certificate-authority-data", "proxy-url", "disable-compression", "extensions"];
const USER_FIELDS = ["client-certificate", "client-certificate-data", "client-key", "client-key-data", "token", "tokenFile", "as", "as-uid", "as-groups", "as-user-extra", "username", "password", "auth-provider", "exec", "extensions"];
const CONTEXT_FIELDS = ["cluster", "user", "namespace", "extensions"];
/** Fields the v1 types always write (no omitempty). */
const ALWAYS = new Set(["server", "cluster", "user"]);

function pick(src: unknown, fields: readonly string[]): Fields {
  const out: Fields = {};
  if (!src || typeof src !== "object") return out;
  for (const f of fields) {
    const v = (src as Fields)[f];
    if (v !== undefined && v !== null) out[f] = v;
  }
  return out;
}

function toMap(list: unknown, key: string, fields: readonly string[]): Map<string, Fields> {
  const m = new Map<string, Fields>();
  if (!Array.isArray(list)) return m;
  for (const e of list) if (e && typeof e === "object" && typeof (e as Fields).name === "string") m.set((e as Fields).name as string, pick((e as Fields)[key], fields));
  return m;
}

function readConfig(run: CommandRun): { config: Config; path: string } {
  const path = kubeconfigPath(run.env, run.flags);
  const text = run.env.files.read(path);
  let doc: Fields = {};
  if (text !== undefined && text.trim() !== "") {
    try {
      const parsed = parse(text, { maxAliasCount: 100 });
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) doc = parsed as Fields;
    } catch (e) {
      throw new KubectlError(`error loading config file "${path}": ${(e as Error).message}`);
    }
  }
  return {
    path,
    config: {
      preferences: (doc.preferences && typeof doc.preferences === "object" ? doc.preferences : {}) as Fields,
      clusters: toMap(doc.clusters, "cluster", CLUSTER_FIELDS),
      users: toMap(doc.users, "user", USER_FIELDS),
      contexts: toMap(doc.contexts, "context", CONTEXT_FIELDS),
      currentContext: typeof doc["current-context"] === "string" ? (doc["current-context"] as string) : "",
      extensions: Array.isArray(doc.extensions) ? doc.extensions : undefined,
    },
  };
}

function ordered(fields: Fields, order: readonly string[]): Fields {
  const out: Fields = {};
  for (const f of order) {
    const v = fields[f];
    if (ALWAYS.has(f)) out[f] = v ?? "";
    else if (v !== undefined && v !== "" && v !== false && !(Array.isArray(v) && v.length === 0)) out[f] = v;
  }
  return out;
}

const sortedNames = (m: Map<string, Fields>) => [...m.keys()].sort();

/** The v1 Config as clientcmd serializes it (struct field order; null lists when empty). */
function toV1(c: Config): Fields {
  const list = (m: Map<string, Fields>, key: string, order: readonly string[]) => (m.size ? sortedNames(m).map((name) => ({ name, [key]: ordered(m.get(name)!, order) })) : null);
  const out: Fields = {
    kind: "Config",
    apiVersion: "v1",
    preferences: c.preferences,
    clusters: list(c.clusters, "cluster", CLUSTER_FIELDS),
    users: list(c.users, "user", USER_FIELDS),
    contexts: list(c.contexts, "context", CONTEXT_FIELDS),
    "current-context": c.currentContext,
  };
  if (c.extensions?.length) out.extensions = c.extensions;
  return out;
}

function writeConfig(run: CommandRun, path: string, c: Config): void {
  try {
    run.env.files.write(path, toYaml(toV1(c)));
  } catch (e) {
    throw new KubectlError(`error: open ${path}: ${(e as Error).message}`);
  }
}

/** cmd.Help() then `error: msg` (config's helpErrorf). */
function helpError(run: CommandRun, message: string): KubectlError {
  run.env.stdout.write(renderHelp(run.command, run.path, [...(run.command.flags ?? []), ...GLOBAL_FLAGS]));
  return new KubectlError(message);
}

const goList = (xs: readonly string[]) => `[${xs.join(" ")}]`;

// ---------------------------------------------------------------------------------------------
// view
// ---------------------------------------------------------------------------------------------

async function runView(run: CommandRun): Promise<void> {
  const { flags } = run;
  const { config } = readConfig(run);
  if (flags.bool("minify")) {
    if (flags.string("context")) config.currentContext = flags.string("context");
    if (!config.currentContext) throw new KubectlError("current-context must exist in order to minify");
    const ctx = config.contexts.get(config.currentContext);
    if (!ctx) throw new KubectlError(`cannot locate context ${config.currentContext}`);
    const keep = (m: Map<string, Fields>, name: unknown) => {
      const v = m.get(String(name ?? ""));
      m.clear();
      if (v) m.set(String(name), v);
    };
    config.contexts = new Map([[config.currentContext, ctx]]);
    keep(config.clusters, ctx.cluster);
    keep(config.users, ctx.user);
  }
  if (!flags.bool("raw") && !flags.bool("flatten")) {
    for (const u of config.users.values()) {
      for (const f of ["client-certificate-data", "client-key-data"]) if (u[f]) u[f] = "DATA+OMITTED";
      for (const f of ["token", "password"]) if (u[f]) u[f] = "REDACTED";
    }
    for (const c of config.clusters.values()) if (c["certificate-authority-data"]) c["certificate-authority-data"] = "DATA+OMITTED";
  }
  const chosen = genericPrinter({
    output: flags.string("output"),
    outputChanged: flags.changed("output"),
    template: flags.string("template"),
    allowMissingKeys: flags.bool("allow-missing-template-keys"),
    showManagedFields: flags.bool("show-managed-fields"),
    files: run.env.files,
    sortJsonKeys: false,
  });
  printObject(chosen, toV1(config), run.env.stdout);
}

// ---------------------------------------------------------------------------------------------
// reading
// ---------------------------------------------------------------------------------------------

async function runCurrentContext(run: CommandRun): Promise<void> {
  const { config } = readConfig(run);
  if (!config.currentContext) throw new KubectlError("current-context is not set");
  run.env.stdout.write(`${config.currentContext}\n`);
}

async function runGetContexts(run: CommandRun): Promise<number> {
  const { flags, env } = run;
  const output = flags.string("output");
  if (output !== "" && output !== "name") throw new KubectlError(`--output ${output} is not available in kubectl config get-contexts; resetting to default output format`);
  const nameOnly = output === "name";
  const { config } = readConfig(run);
  const errors: string[] = [];
  let names: string[];
  if (!run.args.length) names = [...config.contexts.keys()];
  else {
    names = [];
    for (const n of run.args) {
      if (config.contexts.has(n)) names.push(n);
      else errors.push(`context ${n} not found`);
    }
  }
  const w = newTableTabWriter(env.stdout);
  if (!flags.bool("no-headers") && !nameOnly) w.write("CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n");
  for (const name of names.sort()) {
    const c = config.contexts.get(name)!;
    if (nameOnly) w.write(`${name}\n`);
    else w.write(`${config.currentContext === name ? "*" : " "}\t${name}\t${c.cluster ?? ""}\t${c.user ?? ""}\t${c.namespace ?? ""}\n`);
  }
  w.flush();
  if (errors.length === 1) throw new KubectlError(errors[0]);
  if (errors.length > 1) throw new KubectlError(`[${errors.join(", ")}]`);
  return 0;
}

function listNames(run: CommandRun, m: Map<string, Fields>): void {
  run.env.stdout.write("NAME\n" + sortedNames(m).map((n) => `${n}\n`).join(""));
}

// ---------------------------------------------------------------------------------------------
// changing
// ---------------------------------------------------------------------------------------------

async function runUseContext(run: CommandRun): Promise<void> {
  if (run.args.length !== 1) throw helpError(run, `Unexpected args: ${goList(run.args)}`);
  const name = run.args[0];
  if (!name) throw new KubectlError("empty context names are not allowed");
  const { config, path } = readConfig(run);
  if (!config.contexts.has(name)) throw new KubectlError(`no context exists with the name: ${JSON.stringify(name)}`);
  config.currentContext = name;
  writeConfig(run, path, config);
  run.env.stdout.write(`Switched to context ${JSON.stringify(name)}.\n`);
}

async function runSetContext(run: CommandRun): Promise<void> {
  const { flags, args } = run;
  if (args.length > 1) throw helpError(run, `Unexpected args: ${goList(args)}`);
  const current = flags.bool("current");
  const given = args[0] ?? "";
  if (!given && !current) throw new KubectlError("you must specify a non-empty context name or --current");
  if (given && current) throw new KubectlError("you cannot specify both a context name and --current");
  const { config, path } = readConfig(run);
  let name = given;
  if (current) {
    if (!config.currentContext) throw new KubectlError("no current context is set");
    name = config.currentContext;
  }
  const exists = config.contexts.has(name);
  const ctx = { ...(config.contexts.get(name) ?? {}) };
  if (flags.changed("cluster")) ctx.cluster = flags.string("cluster");
  if (flags.changed("user")) ctx.user = flags.string("user");
  if (flags.changed("namespace")) ctx.namespace = flags.string("namespace");
  config.contexts.set(name, ctx);
  writeConfig(run, path, config);
  run.env.stdout.write(`Context ${JSON.stringify(name)} ${exists ? "modified" : "created"}.\n`);
}

async function runSetCluster(run: CommandRun): Promise<void> {
  const { flags, args } = run;
  if (args.length !== 1 || !args[0]) throw helpError(run, `Unexpected args: ${goList(args)}`);
  const { config, path } = readConfig(run);
  const name = args[0];
  const exists = config.clusters.has(name);
  const c = { ...(config.clusters.get(name) ?? {}) };
  if (flags.changed("server")) c.server = flags.string("server");
  if (flags.changed("tls-server-name")) c["tls-server-name"] = flags.string("tls-server-name");
  if (flags.changed("insecure-skip-tls-verify")) {
    c["insecure-skip-tls-verify"] = flags.bool("insecure-skip-tls-verify");
    if (flags.bool("insecure-skip-tls-verify")) {
      delete c["certificate-authority"];
      delete c["certificate-authority-data"];
    }
  }
  if (flags.changed("certificate-authority")) {
    const ca = flags.string("certificate-authority");
    if (flags.bool("embed-certs")) {
      const data = run.env.files.read(ca);
      if (data === undefined) throw new KubectlError(`could not read certificate-authority data from ${ca}: open ${ca}: no such file or directory`);
      c["certificate-authority-data"] = btoa(data);
      delete c["certificate-authority"];
    } else {
      c["certificate-authority"] = ca;
      delete c["certificate-authority-data"];
    }
    if (ca) c["insecure-skip-tls-verify"] = false;
  }
  if (flags.changed("proxy-url")) c["proxy-url"] = flags.string("proxy-url");
  config.clusters.set(name, c);
  writeConfig(run, path, config);
  run.env.stdout.write(`Cluster ${JSON.stringify(name)} ${exists ? "set" : "set"}.\n`);
}

async function runSetCredentials(run: CommandRun): Promise<void> {
  const { flags, args } = run;
  if (args.length !== 1 || !args[0]) throw helpError(run, `Unexpected args: ${goList(args)}`);
  const { config, path } = readConfig(run);
  const name = args[0];
  const u = { ...(config.users.get(name) ?? {}) };
  for (const f of ["client-certificate", "client-key"]) {
    if (!flags.changed(f)) continue;
    const file = flags.string(f);
    if (flags.bool("embed-certs")) {
      const data = run.env.files.read(file);
      if (data === undefined) throw new KubectlError(`error reading ${f} data from ${file}: open ${file}: no such file or directory`);
      u[`${f}-data`] = btoa(data);
      delete u[f];
    } else {
      u[f] = file;
      delete u[`${f}-data`];
    }
  }
  if (flags.changed("token")) {
    u.token = flags.string("token");
    delete u.tokenFile;
  }
  if (flags.changed("username")) u.username = flags.string("username");
  if (flags.changed("password")) u.password = flags.string("password");
  if (flags.changed("auth-provider")) u["auth-provider"] = { name: flags.string("auth-provider"), config: Object.fromEntries(flags.strings("auth-provider-arg").map((a) => [a.split("=")[0], a.split("=").slice(1).join("=")])) };
  if (flags.changed("exec-command")) {
    const exec: Fields = { ...((u.exec as Fields) ?? {}), command: flags.string("exec-command") };
    if (flags.changed("exec-api-version")) exec.apiVersion = flags.string("exec-api-version");
    if (flags.changed("exec-arg")) exec.args = flags.strings("exec-arg");
    if (flags.changed("exec-env")) exec.env = flags.strings("exec-env").map((e) => ({ name: e.split("=")[0], value: e.split("=").slice(1).join("=") }));
    u.exec = exec;
  }
  config.users.set(name, u);
  writeConfig(run, path, config);
  run.env.stdout.write(`User ${JSON.stringify(name)} set.\n`);
}

async function runDelete(run: CommandRun, what: "cluster" | "context" | "user"): Promise<void> {
  const { config, path } = readConfig(run);
  if (what === "user" && run.args.length === 0) throw new UsageError("user to delete is required");
  if (run.args.length !== 1) throw new UsageError("");
  const name = run.args[0];
  const m = what === "cluster" ? config.clusters : what === "context" ? config.contexts : config.users;
  if (!m.has(name)) throw new KubectlError(`cannot delete ${what} ${name}, not in ${path}`);
  m.delete(name);
  writeConfig(run, path, config);
  if (what === "context" && config.currentContext === name) run.env.stderr.write(`warning: this removed your active context, use "kubectl config use-context" to select a different one\n`);
  run.env.stdout.write(`deleted ${what} ${name} from ${path}\n`);
}

async function runRenameContext(run: CommandRun): Promise<void> {
  if (run.args.length !== 2) throw helpError(run, `Unexpected args: ${goList(run.args)}`);
  const [from, to] = run.args;
  if (!to) throw new KubectlError("You must specify a new non-empty context name");
  const { config, path } = readConfig(run);
  const ctx = config.contexts.get(from);
  if (!ctx) throw new KubectlError(`cannot rename the context ${JSON.stringify(from)}, it's not in ${path}`);
  if (config.contexts.has(to)) throw new KubectlError(`cannot rename the context ${JSON.stringify(from)}, the context ${JSON.stringify(to)} already exists in ${path}`);
  config.contexts.delete(from);
  config.contexts.set(to, ctx);
  if (config.currentContext === from) config.currentContext = to;
  writeConfig(run, path, config);
  run.env.stdout.write(`Context ${JSON.stringify(from)} renamed to ${JSON.stringify(to)}.\n`);
}

/**
 * `config set` / `config unset` over the v1 field names: `current-context`,
 * `clusters|users|contexts.<name>[.<field>]`, `preferences.<field>`.
 */
async function runSetProperty(run: CommandRun, unset: boolean): Promise<void> {
  const { args, flags } = run;
  const want = unset ? 1 : 2;
  if (args.length !== want) throw helpError(run, `Unexpected args: ${goList(args)}`);
  const property = args[0];
  if (!property) throw new KubectlError("you must specify a property");
  const value = args[1];
  const { config, path } = readConfig(run);
  const steps = property.split(".");
  const section = steps[0];
  const maps: Record<string, [Map<string, Fields>, readonly string[]]> = { clusters: [config.clusters, CLUSTER_FIELDS], users: [config.users, USER_FIELDS], contexts: [config.contexts, CONTEXT_FIELDS] };
  if (section === "current-context" && steps.length === 1) {
    config.currentContext = unset ? "" : value;
  } else if (section === "preferences" && steps.length === 2) {
    if (unset) delete config.preferences[steps[1]];
    else config.preferences[steps[1]] = parseGoBool(value) ?? value;
  } else if (maps[section]) {
    const [m, fields] = maps[section];
    if (steps.length === 1) {
      if (!unset) throw new KubectlError(`can't set a map to a value: map[${sortedNames(m).join(" ")}]`);
      m.clear();
    } else if (steps.length === 2) {
      if (!unset) throw new KubectlError(`can't set a map to a value: map[${sortedNames(m).join(" ")}]`);
      m.delete(steps[1]);
    } else {
      const field = steps.slice(2).join(".");
      if (!fields.includes(field)) throw new KubectlError(`unable to locate path ${JSON.stringify(field)} under ${section}`);
      const entry = { ...(m.get(steps[1]) ?? {}) };
      if (unset) delete entry[field];
      else if (field === "insecure-skip-tls-verify" || field === "disable-compression") {
        const b = parseGoBool(value);
        if (b === undefined) throw new KubectlError(`strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax`);
        entry[field] = b;
      } else if (field.endsWith("-data") && !flags.bool("set-raw-bytes")) {
        try {
          atob(value);
        } catch {
          throw new KubectlError(`error decoding input value: illegal base64 data at input byte 0`);
        }
        entry[field] = value;
      } else if (field.endsWith("-data")) entry[field] = btoa(value);
      else entry[field] = value;
      m.set(steps[1], entry);
    }
  } else {
    throw new KubectlError(`unable to parse ${property} after [] at api.Config`);
  }
  writeConfig(run, path, config);
  run.env.stdout.write(`Property ${JSON.stringify(property)} ${unset ? "unset" : "set"}.\n`);
}

// ---------------------------------------------------------------------------------------------
// The commands (help texts as kubectl 1.32 prints them).
// ---------------------------------------------------------------------------------------------

const currentContextCmd: KubectlCommand = {
  name: "current-context",
  short: "Display the current-context",
  long: `Display the current-context.`,
  example: `  # Display the current-context
  kubectl config current-context`,
  usage: "config current-context [flags] [options]",
  async run(run) {
    return runCurrentContext(run);
  },
};

const deleteClusterCmd: KubectlCommand = {
  name: "delete-cluster",
  short: "Delete the specified cluster from the kubeconfig",
  long: `Delete the specified cluster from the kubeconfig.`,
  example: `  # Delete the minikube cluster
  kubectl config delete-cluster minikube`,
  usage: "config delete-cluster NAME [options]",
  async run(run) {
    return runDelete(run, "cluster");
  },
};

const deleteContextCmd: KubectlCommand = {
  name: "delete-context",
  short: "Delete the specified context from the kubeconfig",
  long: `Delete the specified context from the kubeconfig.`,
  example: `  # Delete the context for the minikube cluster
  kubectl config delete-context minikube`,
  usage: "config delete-context NAME [options]",
  async run(run) {
    return runDelete(run, "context");
  },
};

const deleteUserCmd: KubectlCommand = {
  name: "delete-user",
  short: "Delete the specified user from the kubeconfig",
  long: `Delete the specified user from the kubeconfig.`,
  example: `  # Delete the minikube user
  kubectl config delete-user minikube`,
  usage: "config delete-user NAME [options]",
  async run(run) {
    return runDelete(run, "user");
  },
};

const getClustersCmd: KubectlCommand = {
  name: "get-clusters",
  short: "Display clusters defined in the kubeconfig",
  long: `Display clusters defined in the kubeconfig.`,
  example: `  # List the clusters that kubectl knows about
  kubectl config get-clusters`,
  usage: "config get-clusters [flags] [options]",
  async run(run) {
    return listNames(run, readConfig(run).config.clusters);
  },
};

const getContextsCmd: KubectlCommand = {
  name: "get-contexts",
  short: "Describe one or many contexts",
  long: `Display one or many contexts from the kubeconfig file.`,
  example: `  # List all the contexts in your kubeconfig file
  kubectl config get-contexts
  
  # Describe one context in your kubeconfig file
  kubectl config get-contexts my-context`,
  usage: "config get-contexts [(-o|--output=)name)] [options]",
  flags: [
    { name: "no-headers", type: "bool", usage: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: "output", shorthand: "o", type: "string", usage: "Output format. One of: (name)." },
  ],
  async run(run) {
    return runGetContexts(run);
  },
};

const getUsersCmd: KubectlCommand = {
  name: "get-users",
  short: "Display users defined in the kubeconfig",
  long: `Display users defined in the kubeconfig.`,
  example: `  # List the users that kubectl knows about
  kubectl config get-users`,
  usage: "config get-users [flags] [options]",
  async run(run) {
    return listNames(run, readConfig(run).config.users);
  },
};

const renameContextCmd: KubectlCommand = {
  name: "rename-context",
  short: "Rename a context from the kubeconfig file",
  long: `Renames a context from the kubeconfig file.

 CONTEXT_NAME is the context name that you want to change.

 NEW_NAME is the new name you want to set.

 Note: If the context being renamed is the 'current-context', this field will also be updated.`,
  example: `  # Rename the context 'old-name' to 'new-name' in your kubeconfig file
  kubectl config rename-context old-name new-name`,
  usage: "config rename-context CONTEXT_NAME NEW_NAME [options]",
  async run(run) {
    return runRenameContext(run);
  },
};

const setCmd: KubectlCommand = {
  name: "set",
  short: "Set an individual value in a kubeconfig file",
  long: `Set an individual value in a kubeconfig file.

 PROPERTY_NAME is a dot delimited name where each token represents either an attribute name or a map key.  Map keys may not contain dots.

 PROPERTY_VALUE is the new value you want to set. Binary fields such as 'certificate-authority-data' expect a base64 encoded string unless the --set-raw-bytes flag is used.

 Specifying an attribute name that already exists will merge new fields on top of existing values.`,
  example: `  # Set the server field on the my-cluster cluster to https://1.2.3.4
  kubectl config set clusters.my-cluster.server https://1.2.3.4
  
  # Set the certificate-authority-data field on the my-cluster cluster
  kubectl config set clusters.my-cluster.certificate-authority-data $(echo "cert_data_here" | base64 -i -)
  
  # Set the cluster field in the my-context context to my-cluster
  kubectl config set contexts.my-context.cluster my-cluster
  
  # Set the client-key-data field in the cluster-admin user using --set-raw-bytes option
  kubectl config set users.cluster-admin.client-key-data cert_data_here --set-raw-bytes=true`,
  usage: "config set PROPERTY_NAME PROPERTY_VALUE [options]",
  flags: [
    { name: "set-raw-bytes", type: "bool", usage: "When writing a []byte PROPERTY_VALUE, write the given string directly without base64 decoding." },
  ],
  async run(run) {
    return runSetProperty(run, false);
  },
};

const setClusterCmd: KubectlCommand = {
  name: "set-cluster",
  short: "Set a cluster entry in kubeconfig",
  long: `Set a cluster entry in kubeconfig.

 Specifying a name that already exists will merge new fields on top of existing values for those fields.`,
  example: `  # Set only the server field on the e2e cluster entry without touching other values
  kubectl config set-cluster e2e --server=https://1.2.3.4
  
  # Embed certificate authority data for the e2e cluster entry
  kubectl config set-cluster e2e --embed-certs --certificate-authority=~/.kube/e2e/kubernetes.ca.crt
  
  # Disable cert checking for the e2e cluster entry
  kubectl config set-cluster e2e --insecure-skip-tls-verify=true
  
  # Set the custom TLS server name to use for validation for the e2e cluster entry
  kubectl config set-cluster e2e --tls-server-name=my-cluster-name
  
  # Set the proxy URL for the e2e cluster entry
  kubectl config set-cluster e2e --proxy-url=https://1.2.3.4`,
  usage: "config set-cluster NAME [--server=server] [--certificate-authority=path/to/certificate/authority] [--insecure-skip-tls-verify=true] [--tls-server-name=example.com] [options]",
  flags: [
    { name: "certificate-authority", type: "string", usage: "Path to certificate-authority file for the cluster entry in kubeconfig" },
    { name: "embed-certs", type: "bool", usage: "embed-certs for the cluster entry in kubeconfig" },
    { name: "insecure-skip-tls-verify", type: "bool", usage: "insecure-skip-tls-verify for the cluster entry in kubeconfig" },
    { name: "proxy-url", type: "string", usage: "proxy-url for the cluster entry in kubeconfig" },
    { name: "server", type: "string", usage: "server for the cluster entry in kubeconfig" },
    { name: "tls-server-name", type: "string", usage: "tls-server-name for the cluster entry in kubeconfig" },
  ],
  async run(run) {
    return runSetCluster(run);
  },
};

const setContextCmd: KubectlCommand = {
  name: "set-context",
  short: "Set a context entry in kubeconfig",
  long: `Set a context entry in kubeconfig.

 Specifying a name that already exists will merge new fields on top of existing values for those fields.`,
  example: `  # Set the user field on the gce context entry without touching other values
  kubectl config set-context gce --user=cluster-admin`,
  usage: "config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace] [options]",
  flags: [
    { name: "cluster", type: "string", usage: "cluster for the context entry in kubeconfig" },
    { name: "current", type: "bool", usage: "Modify the current context" },
    { name: "namespace", type: "string", usage: "namespace for the context entry in kubeconfig" },
    { name: "user", type: "string", usage: "user for the context entry in kubeconfig" },
  ],
  async run(run) {
    return runSetContext(run);
  },
};

const setCredentialsCmd: KubectlCommand = {
  name: "set-credentials",
  short: "Set a user entry in kubeconfig",
  long: `Set a user entry in kubeconfig.

 Specifying a name that already exists will merge new fields on top of existing values.

        Client-certificate flags:
        --client-certificate=certfile --client-key=keyfile
        
        Bearer token flags:
        --token=bearer_token
        
        Basic auth flags:
        --username=basic_user --password=basic_password
        
 Bearer token and basic auth are mutually exclusive.`,
  example: `  # Set only the "client-key" field on the "cluster-admin"
  # entry, without touching other values
  kubectl config set-credentials cluster-admin --client-key=~/.kube/admin.key
  
  # Set basic auth for the "cluster-admin" entry
  kubectl config set-credentials cluster-admin --username=admin --password=uXFGweU9l35qcif
  
  # Embed client certificate data in the "cluster-admin" entry
  kubectl config set-credentials cluster-admin --client-certificate=~/.kube/admin.crt --embed-certs=true
  
  # Enable the Google Compute Platform auth provider for the "cluster-admin" entry
  kubectl config set-credentials cluster-admin --auth-provider=gcp
  
  # Enable the OpenID Connect auth provider for the "cluster-admin" entry with additional arguments
  kubectl config set-credentials cluster-admin --auth-provider=oidc --auth-provider-arg=client-id=foo --auth-provider-arg=client-secret=bar
  
  # Remove the "client-secret" config value for the OpenID Connect auth provider for the "cluster-admin" entry
  kubectl config set-credentials cluster-admin --auth-provider=oidc --auth-provider-arg=client-secret-
  
  # Enable new exec auth plugin for the "cluster-admin" entry
  kubectl config set-credentials cluster-admin --exec-command=/path/to/the/executable --exec-api-version=client.authentication.k8s.io/v1beta1
  
  # Enable new exec auth plugin for the "cluster-admin" entry with interactive mode
  kubectl config set-credentials cluster-admin --exec-command=/path/to/the/executable --exec-api-version=client.authentication.k8s.io/v1beta1 --exec-interactive-mode=Never
  
  # Define new exec auth plugin arguments for the "cluster-admin" entry
  kubectl config set-credentials cluster-admin --exec-arg=arg1 --exec-arg=arg2
  
  # Create or update exec auth plugin environment variables for the "cluster-admin" entry
  kubectl config set-credentials cluster-admin --exec-env=key1=val1 --exec-env=key2=val2
  
  # Remove exec auth plugin environment variables for the "cluster-admin" entry
  kubectl config set-credentials cluster-admin --exec-env=var-to-remove-`,
  usage: "config set-credentials NAME [--client-certificate=path/to/certfile] [--client-key=path/to/keyfile] [--token=bearer_token] [--username=basic_user] [--password=basic_password] [--auth-provider=provider_name] [--auth-provider-arg=key=value] [--exec-command=exec_command] [--exec-api-version=exec_api_version] [--exec-arg=arg] [--exec-env=key=value] [options]",
  flags: [
    { name: "auth-provider", type: "string", usage: "Auth provider for the user entry in kubeconfig" },
    { name: "auth-provider-arg", type: "stringArray", usage: "'key=value' arguments for the auth provider" },
    { name: "client-certificate", type: "string", usage: "Path to client-certificate file for the user entry in kubeconfig" },
    { name: "client-key", type: "string", usage: "Path to client-key file for the user entry in kubeconfig" },
    { name: "embed-certs", type: "bool", usage: "Embed client cert/key for the user entry in kubeconfig" },
    { name: "exec-api-version", type: "string", usage: "API version of the exec credential plugin for the user entry in kubeconfig" },
    { name: "exec-arg", type: "stringArray", usage: "New arguments for the exec credential plugin command for the user entry in kubeconfig" },
    { name: "exec-command", type: "string", usage: "Command for the exec credential plugin for the user entry in kubeconfig" },
    { name: "exec-env", type: "stringArray", usage: "'key=value' environment values for the exec credential plugin" },
    { name: "exec-interactive-mode", type: "string", usage: "InteractiveMode of the exec credentials plugin for the user entry in kubeconfig" },
    { name: "exec-provide-cluster-info", type: "bool", usage: "ProvideClusterInfo of the exec credentials plugin for the user entry in kubeconfig" },
    { name: "password", type: "string", usage: "password for the user entry in kubeconfig" },
    { name: "token", type: "string", usage: "token for the user entry in kubeconfig" },
    { name: "username", type: "string", usage: "username for the user entry in kubeconfig" },
  ],
  async run(run) {
    return runSetCredentials(run);
  },
};

const unsetCmd: KubectlCommand = {
  name: "unset",
  short: "Unset an individual value in a kubeconfig file",
  long: `Unset an individual value in a kubeconfig file.

 PROPERTY_NAME is a dot delimited name where each token represents either an attribute name or a map key.  Map keys may not contain dots.`,
  example: `  # Unset the current-context
  kubectl config unset current-context
  
  # Unset namespace in foo context
  kubectl config unset contexts.foo.namespace`,
  usage: "config unset PROPERTY_NAME [options]",
  async run(run) {
    return runSetProperty(run, true);
  },
};

const useContextCmd: KubectlCommand = {
  name: "use-context",
  aliases: ["use"],
  short: "Set the current-context in a kubeconfig file",
  long: `Set the current-context in a kubeconfig file.`,
  example: `  # Use the context for the minikube cluster
  kubectl config use-context minikube`,
  usage: "config use-context CONTEXT_NAME [options]",
  async run(run) {
    return runUseContext(run);
  },
};

const viewCmd: KubectlCommand = {
  name: "view",
  short: "Display merged kubeconfig settings or a specified kubeconfig file",
  long: `Display merged kubeconfig settings or a specified kubeconfig file.

 You can use --output jsonpath={...} to extract specific values using a jsonpath expression.`,
  example: `  # Show merged kubeconfig settings
  kubectl config view
  
  # Show merged kubeconfig settings, raw certificate data, and exposed secrets
  kubectl config view --raw
  
  # Get the password for the e2e user
  kubectl config view -o jsonpath='{.users[?(@.name == "e2e")].user.password}'`,
  usage: "config view [flags] [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    { name: "flatten", type: "bool", usage: "Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)" },
    { name: "merge", type: "bool", default: true, usage: "Merge the full hierarchy of kubeconfig files" },
    { name: "minify", type: "bool", usage: "Remove all information not used by current-context from the output" },
    { name: "output", shorthand: "o", type: "string", default: "yaml", usage: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)." },
    { name: "raw", type: "bool", usage: "Display raw byte data and sensitive data" },
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
  ],
  async run(run) {
    return runView(run);
  },
};

export const configCommand: KubectlCommand = {
  name: "config",
  short: "Modify kubeconfig files",
  long: `Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".

 The loading order follows these rules:

  1.  If the --kubeconfig flag is set, then only that file is loaded. The flag may only be set once and no merging takes place.
  2.  If $KUBECONFIG environment variable is set, then it is used as a list of paths (normal path delimiting rules for your system). These paths are merged. When a value is modified, it is modified in the file that defines the stanza. When a value is created, it is created in the first file that exists. If no files in the chain exist, then it creates the last file in the list.
  3.  Otherwise, \${HOME}/.kube/config is used and no merging takes place.`,
  usage: "config SUBCOMMAND [options]",
  subcommands: [currentContextCmd, deleteClusterCmd, deleteContextCmd, deleteUserCmd, getClustersCmd, getContextsCmd, getUsersCmd, renameContextCmd, setCmd, setClusterCmd, setContextCmd, setCredentialsCmd, unsetCmd, useContextCmd, viewCmd],
  run: defaultSubCommandRun,
};
