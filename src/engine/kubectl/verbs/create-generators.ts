// The `kubectl create <generator>` subcommands: each reads its flags, builds the object with a pure
// generator (../generators), and hands it to the common tail (save-config, create, print).
import type { KubeObject } from "../client";
import { resourcePath, ServerError } from "../client";
import type { CommandRun, KubectlCommand } from "../command";
import { KubectlError } from "../command";
import { dryRunStrategy, send } from "../infos";
import { parseResourceArgs } from "../builder";
import { objectPrinter } from "./object-output";
import { helpOnStderr, nameFromArgs, sendGenerated, validationDirective } from "./create-common";
import * as H from "./create-help";
import type { HelpText } from "./create-help";
import { generateDeployment } from "../generators/deployment";
import { generateService, type ServiceType } from "../generators/service";
import { generateConfigMap } from "../generators/configmap";
import { generateDockerRegistrySecret, generateGenericSecret, generateTlsSecret } from "../generators/secret";
import { generateJob, generateJobFromCronJob } from "../generators/job";
import { generateCronJob } from "../generators/cronjob";
import { generateNamespace, generateServiceAccount } from "../generators/namespace";
import {
  dedupe,
  generateClusterRole,
  generateRole,
  normalizeVerbs,
  parseResourceArgs as parseRoleResources,
  RawError,
  validateClusterRoleShape,
  validateNonResourceURLs,
  validateResources,
  validateRole,
  verbWarnings,
  type ResolvedResource,
  type ResourceArg,
} from "../generators/role";
import { generateClusterRoleBinding, generateRoleBinding } from "../generators/rolebinding";
import { generateQuota } from "../generators/quota";
import { generateIngress } from "../generators/ingress";
import { generatePriorityClass } from "../generators/priorityclass";
import { generatePdb } from "../generators/poddisruptionbudget";

interface GeneratorDef {
  name: string;
  aliases?: string[];
  short: string;
  help: HelpText;
  requiredFlags?: string[];
  /** kubectl's prefix for a failed create, or none when the server's error is printed as is. */
  failure?: string;
  separator?: string;
  /** Builds the object (throws kubectl's validation errors). `namespace` is set only when --namespace was given. */
  build(run: CommandRun, name: string, namespace: string | undefined): Promise<KubeObject> | KubeObject;
}

/** The arguments after `--` (a generator's command). */
function commandArgs(run: CommandRun): string[] {
  return run.args.length > 1 ? run.args.slice(1) : [];
}

function generator(def: GeneratorDef): KubectlCommand {
  return {
    name: def.name,
    aliases: def.aliases,
    short: def.short,
    long: def.help.long,
    example: def.help.example,
    usage: def.help.usage,
    flags: def.help.flags,
    requiredFlags: def.requiredFlags,
    async run(run) {
      const name = nameFromArgs(run);
      const dryRun = dryRunStrategy(run);
      const printer = objectPrinter(run, "created", dryRun);
      validationDirective(run);
      let obj: KubeObject;
      try {
        obj = await def.build(run, name, run.namespaceExplicit ? run.namespace : undefined);
      } catch (e) {
        if (e instanceof RawError) {
          run.env.stderr.write(`${e.message}\n`);
          return 1;
        }
        throw e;
      }
      await sendGenerated(run, obj, { failure: def.failure, separator: def.separator, dryRun, printer });
    },
  };
}

const deployment = generator({
  name: "deployment",
  aliases: ["deploy"],
  short: "Create a deployment with the specified name",
  help: H.CREATE_DEPLOYMENT_HELP,
  requiredFlags: ["image"],
  failure: "failed to create deployment",
  build(run, name, namespace) {
    const images = run.flags.strings("image");
    const command = commandArgs(run);
    if (images.length > 1 && command.length) throw new KubectlError("cannot specify multiple --image options and command");
    return generateDeployment({ name, namespace, images, port: run.flags.int("port"), replicas: run.flags.int("replicas"), command, seed: `${name}|${run.env.host.now()}` });
  },
});

function serviceCommand(type: ServiceType, help: HelpText, short: string, requiredFlags?: string[]): KubectlCommand {
  return generator({
    name: type.toLowerCase(),
    short,
    help,
    requiredFlags,
    failure: `failed to create ${type} service`,
    build(run, name, namespace) {
      const has = (f: string) => help.flags.some((s) => s.name === f);
      return generateService({
        name,
        namespace,
        type,
        tcp: run.flags.strings("tcp"),
        clusterIP: has("clusterip") ? run.flags.string("clusterip") : "",
        nodePort: has("node-port") ? run.flags.int("node-port") : 0,
        externalName: has("external-name") ? run.flags.string("external-name") : "",
      });
    },
  });
}

const serviceGroup: KubectlCommand = {
  name: "service",
  aliases: ["svc"],
  short: "Create a service using a specified subcommand",
  long: H.CREATE_SERVICE_HELP.long,
  usage: H.CREATE_SERVICE_HELP.usage,
  subcommands: [
    serviceCommand("ClusterIP", H.CREATE_SERVICE_CLUSTERIP_HELP, "Create a ClusterIP service"),
    serviceCommand("ExternalName", H.CREATE_SERVICE_EXTERNALNAME_HELP, "Create an ExternalName service", ["external-name"]),
    serviceCommand("LoadBalancer", H.CREATE_SERVICE_LOADBALANCER_HELP, "Create a LoadBalancer service"),
    serviceCommand("NodePort", H.CREATE_SERVICE_NODEPORT_HELP, "Create a NodePort service"),
  ],
};
serviceGroup.run = helpOnStderr(serviceGroup, "kubectl create service");

const configmap = generator({
  name: "configmap",
  aliases: ["cm"],
  short: "Create a config map from a local file, directory or literal value",
  help: H.CREATE_CONFIGMAP_HELP,
  failure: "failed to create configmap",
  build(run, name, namespace) {
    const f = run.flags;
    return generateConfigMap({
      name,
      namespace,
      fromFile: f.strings("from-file"),
      fromLiteral: f.strings("from-literal"),
      fromEnvFile: f.strings("from-env-file"),
      appendHash: f.bool("append-hash"),
      files: run.env.files,
      vars: run.env.vars,
    });
  },
});

const secretGeneric = generator({
  name: "generic",
  short: "Create a secret from a local file, directory, or literal value",
  help: H.CREATE_SECRET_GENERIC_HELP,
  failure: "failed to create secret",
  separator: " ",
  build(run, name, namespace) {
    const f = run.flags;
    return generateGenericSecret({
      name,
      namespace,
      type: f.string("type"),
      fromFile: f.strings("from-file"),
      fromLiteral: f.strings("from-literal"),
      fromEnvFile: f.strings("from-env-file"),
      appendHash: f.bool("append-hash"),
      files: run.env.files,
      vars: run.env.vars,
    });
  },
});

const secretDockerRegistry = generator({
  name: "docker-registry",
  short: "Create a secret for use with a Docker registry",
  help: H.CREATE_SECRET_DOCKER_REGISTRY_HELP,
  failure: "failed to create secret",
  separator: " ",
  build(run, name, namespace) {
    const f = run.flags;
    return generateDockerRegistrySecret({
      name,
      namespace,
      username: f.string("docker-username"),
      password: f.string("docker-password"),
      email: f.string("docker-email"),
      server: f.string("docker-server"),
      fromFile: f.strings("from-file"),
      appendHash: f.bool("append-hash"),
      files: run.env.files,
    });
  },
});

const secretTls = generator({
  name: "tls",
  short: "Create a TLS secret",
  help: H.CREATE_SECRET_TLS_HELP,
  failure: "failed to create secret",
  separator: " ",
  build(run, name, namespace) {
    const f = run.flags;
    return generateTlsSecret({ name, namespace, cert: f.string("cert"), key: f.string("key"), appendHash: f.bool("append-hash"), files: run.env.files });
  },
});

const secretGroup: KubectlCommand = {
  name: "secret",
  short: "Create a secret using a specified subcommand",
  long: H.CREATE_SECRET_HELP.long,
  usage: H.CREATE_SECRET_HELP.usage,
  subcommands: [secretDockerRegistry, secretGeneric, secretTls],
};
secretGroup.run = helpOnStderr(secretGroup, "kubectl create secret");

const job = generator({
  name: "job",
  short: "Create a job with the specified name",
  help: H.CREATE_JOB_HELP,
  failure: "failed to create job",
  async build(run, name, namespace) {
    const image = run.flags.string("image");
    const from = run.flags.string("from");
    const command = commandArgs(run);
    if ((!image && !from) || (image && from)) throw new KubectlError("either --image or --from must be specified");
    if (command.length && from) throw new KubectlError("cannot specify --from and command");
    if (image) return generateJob({ name, namespace, image, command });
    return generateJobFromCronJob(name, namespace, await fetchFrom(run, from));
  },
});

/** `--from=cronjob/NAME`: the one object it names, which must be a CronJob. */
async function fetchFrom(run: CommandRun, from: string): Promise<KubeObject> {
  const parsed = parseResourceArgs([from]);
  if (parsed.kind === "types") for (const t of parsed.types) await run.client.resolve(t);
  if (parsed.kind !== "pairs") throw new KubectlError("from must be an existing cronjob");
  const { type, name } = parsed.pairs[0];
  const mapping = await run.client.resolve(type);
  const obj = await run.client.request("GET", resourcePath(mapping, mapping.namespaced ? run.namespace : undefined, name));
  if (obj.kind !== "CronJob") throw new KubectlError(`unknown object type *${mapping.version}.${obj.kind}`);
  return obj;
}

const cronjob = generator({
  name: "cronjob",
  aliases: ["cj"],
  short: "Create a cron job with the specified name",
  help: H.CREATE_CRONJOB_HELP,
  requiredFlags: ["image", "schedule"],
  failure: "failed to create cronjob",
  build(run, name, namespace) {
    const restart = run.flags.string("restart") || "OnFailure";
    return generateCronJob({ name, namespace, image: run.flags.string("image"), schedule: run.flags.string("schedule"), restart, command: commandArgs(run) });
  },
});

const namespaceCmd = generator({
  name: "namespace",
  aliases: ["ns"],
  short: "Create a namespace with the specified name",
  help: H.CREATE_NAMESPACE_HELP,
  build: (_run, name) => generateNamespace(name),
});

const serviceaccount = generator({
  name: "serviceaccount",
  aliases: ["sa"],
  short: "Create a service account with the specified name",
  help: H.CREATE_SERVICEACCOUNT_HELP,
  failure: "failed to create serviceaccount",
  build: (_run, name, namespace) => generateServiceAccount(name, namespace),
});

/** mapper.ResourceFor for each `--resource`: the resolved group and plural, or the mapper's miss. */
async function resolveRoleResources(run: CommandRun, args: ResourceArg[]): Promise<ResolvedResource[]> {
  const out: ResolvedResource[] = [];
  for (const a of args) {
    if (!a.resource || a.resource === "*") {
      out.push(a);
      continue;
    }
    const found = await run.client.tryResolve(a.group ? `${a.resource}.${a.group}` : a.resource);
    if (found) out.push({ ...a, group: found.group, resource: found.resource });
    else out.push({ ...a, notFound: `the server doesn't have a resource type "${a.resource}"` });
  }
  return out;
}

const role = generator({
  name: "role",
  short: "Create a role with single rule",
  help: H.CREATE_ROLE_HELP,
  async build(run, name, namespace) {
    const verbs = normalizeVerbs(run.flags.strings("verb"));
    const resources = parseRoleResources(run.flags.strings("resource"));
    const resourceNames = dedupe(run.flags.strings("resource-name"));
    validateRole({ name, verbs, resources, resourceNames });
    for (const w of verbWarnings(verbs)) run.env.stderr.write(`${w}\n`);
    if (!resources.length) throw new KubectlError("at least one resource must be specified");
    const resolved = await resolveRoleResources(run, resources);
    validateResources(verbs, resolved);
    return generateRole({ name, namespace, verbs, resources: resolved, resourceNames });
  },
});

const clusterrole = generator({
  name: "clusterrole",
  short: "Create a cluster role",
  help: H.CREATE_CLUSTERROLE_HELP,
  async build(run, name) {
    const verbs = normalizeVerbs(run.flags.strings("verb"));
    const resourceArgs = parseRoleResources(run.flags.strings("resource"));
    const resourceNames = dedupe(run.flags.strings("resource-name"));
    const nonResourceURLs = dedupe(run.flags.strings("non-resource-url"));
    const aggregationRule = run.flags.map("aggregation-rule");
    const shape = validateClusterRoleShape({ name, verbs, resources: resourceArgs, resourceNames, nonResourceURLs, aggregationRule });
    let resources: ResolvedResource[] = resourceArgs;
    if (shape === "rules" && resourceArgs.length) {
      for (const w of verbWarnings(verbs)) run.env.stderr.write(`${w}\n`);
      resources = await resolveRoleResources(run, resourceArgs);
      validateResources(verbs, resources);
    }
    if (shape === "rules") validateNonResourceURLs(verbs, nonResourceURLs);
    return generateClusterRole({ name, verbs, resources, resourceNames, nonResourceURLs, aggregationRule });
  },
});

const rolebinding = generator({
  name: "rolebinding",
  short: "Create a role binding for a particular role or cluster role",
  help: H.CREATE_ROLEBINDING_HELP,
  failure: "failed to create rolebinding",
  build(run, name, namespace) {
    const f = run.flags;
    return generateRoleBinding({ name, namespace, role: f.string("role"), clusterRole: f.string("clusterrole"), users: f.strings("user"), groups: f.strings("group"), serviceAccounts: f.strings("serviceaccount") });
  },
});

const clusterrolebinding = generator({
  name: "clusterrolebinding",
  short: "Create a cluster role binding for a particular cluster role",
  help: H.CREATE_CLUSTERROLEBINDING_HELP,
  requiredFlags: ["clusterrole"],
  failure: "failed to create clusterrolebinding",
  build(run, name) {
    const f = run.flags;
    return generateClusterRoleBinding({ name, role: "", clusterRole: f.string("clusterrole"), users: f.strings("user"), groups: f.strings("group"), serviceAccounts: f.strings("serviceaccount") });
  },
});

const quota = generator({
  name: "quota",
  aliases: ["resourcequota"],
  short: "Create a quota with the specified name",
  help: H.CREATE_QUOTA_HELP,
  failure: "failed to create quota",
  build: (run, name, namespace) => generateQuota({ name, namespace, hard: run.flags.string("hard"), scopes: run.flags.string("scopes") }),
});

const ingress = generator({
  name: "ingress",
  aliases: ["ing"],
  short: "Create an ingress with the specified name",
  help: H.CREATE_INGRESS_HELP,
  failure: "failed to create ingress",
  build(run, name, namespace) {
    const f = run.flags;
    return generateIngress({ name, namespace, ingressClass: f.string("class"), rules: f.strings("rule"), defaultBackend: f.string("default-backend"), annotations: f.strings("annotation") });
  },
});

const priorityclass = generator({
  name: "priorityclass",
  aliases: ["pc"],
  short: "Create a priority class with the specified name",
  help: H.CREATE_PRIORITYCLASS_HELP,
  failure: "failed to create priorityclass",
  build(run, name) {
    const f = run.flags;
    return generatePriorityClass({ name, value: f.int("value"), globalDefault: f.bool("global-default"), description: f.string("description"), preemptionPolicy: f.string("preemption-policy") });
  },
});

const pdb = generator({
  name: "poddisruptionbudget",
  aliases: ["pdb"],
  short: "Create a pod disruption budget with the specified name",
  help: H.CREATE_PODDISRUPTIONBUDGET_HELP,
  failure: "failed to create poddisruptionbudgets",
  build(run, name, namespace) {
    const f = run.flags;
    return generatePdb({ name, namespace, selector: f.string("selector"), minAvailable: f.string("min-available"), maxUnavailable: f.string("max-unavailable") });
  },
});

/** The kinds a token may be bound to, and their API versions (create_token.go). */
const BOUND_OBJECT_KINDS: Record<string, string> = { Node: "v1", Pod: "v1", Secret: "v1" };

const token: KubectlCommand = {
  name: "token",
  short: "Request a service account token",
  long: H.CREATE_TOKEN_HELP.long,
  example: H.CREATE_TOKEN_HELP.example,
  usage: H.CREATE_TOKEN_HELP.usage,
  flags: H.CREATE_TOKEN_HELP.flags,
  async run(run) {
    const name = nameFromArgs(run);
    const f = run.flags;
    const printer = objectPrinter(run, "", "none");
    const durationMs = f.duration("duration");
    const audiences = f.strings("audience");
    const kind = f.string("bound-object-kind");
    const boundName = f.string("bound-object-name");
    const boundUid = f.string("bound-object-uid");
    if (durationMs < 0) throw new KubectlError("--duration must be greater than or equal to 0");
    if (durationMs % 1000 !== 0) throw new KubectlError("--duration cannot be expressed in units less than seconds");
    if (audiences.some((a) => a === "")) throw new KubectlError("--audience must not be an empty string");
    if (!kind) {
      if (boundName) throw new KubectlError("--bound-object-name can only be set if --bound-object-kind is provided");
      if (boundUid) throw new KubectlError("--bound-object-uid can only be set if --bound-object-kind is provided");
    } else {
      if (!(kind in BOUND_OBJECT_KINDS)) throw new KubectlError(`supported --bound-object-kind values are ${Object.keys(BOUND_OBJECT_KINDS).join(", ")}`);
      if (!boundName) throw new KubectlError("--bound-object-name is required if --bound-object-kind is provided");
    }
    const spec: KubeObject = { audiences: audiences.length ? audiences : null };
    if (durationMs > 0) spec.expirationSeconds = durationMs / 1000;
    if (kind) {
      const ref: KubeObject = { kind, apiVersion: BOUND_OBJECT_KINDS[kind], name: boundName };
      if (boundUid) ref.uid = boundUid;
      spec.boundObjectRef = ref;
    }
    const request = { kind: "TokenRequest", apiVersion: "authentication.k8s.io/v1", metadata: { creationTimestamp: null }, spec, status: { token: "", expirationTimestamp: null } };
    let response: KubeObject;
    try {
      response = await send(run, "POST", `/api/v1/namespaces/${encodeURIComponent(run.namespace)}/serviceaccounts/${encodeURIComponent(name)}/token`, { body: request });
    } catch (e) {
      if (e instanceof ServerError) throw new KubectlError(`failed to create token: ${e.status.message ?? ""}`);
      throw e;
    }
    const tokenText: string = response.status?.token ?? "";
    if (!tokenText) throw new KubectlError("failed to create token: no token in server response");
    if (run.flags.changed("output")) printer.print(response, `tokenrequest.authentication.k8s.io/${name}`, true);
    // kubectl ends the token with a newline only on a terminal; the sandbox's stdout is a pipe.
    else run.env.stdout.write(tokenText);
  },
};

/** The generators as `kubectl create` lists them (cobra sorts subcommands by name). */
export const GENERATOR_COMMANDS: KubectlCommand[] = [
  clusterrole,
  clusterrolebinding,
  configmap,
  cronjob,
  deployment,
  ingress,
  job,
  namespaceCmd,
  pdb,
  priorityclass,
  quota,
  role,
  rolebinding,
  secretGroup,
  serviceGroup,
  serviceaccount,
  token,
];
