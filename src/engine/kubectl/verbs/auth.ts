// `kubectl auth can-i` (SelfSubjectAccessReview, or SelfSubjectRulesReview with --list), `auth whoami`
// (SelfSubjectReview) and `auth reconcile`'s help. --as / --as-group impersonate through the
// client's headers, so the server answers for that user.
import type { CommandRun, KubectlCommand } from "../command";
import { KubectlError } from "../command";
import type { KubeObject } from "../client";
import { genericPrinter, printObject } from "../printers/print-flags";
import { newTableTabWriter } from "../printers/tabwriter";
import { breakdownRule, combineResourceGroup, compactRules, ruleString, type Rule } from "../describe/rbac";
import { goList } from "../describe/format";
import { compareGoStrings } from "../../machinery/labels";
import { defaultSubCommandRun } from "./group";
import { ALLOW_MISSING_TEMPLATE_KEYS_FLAG, DRY_RUN_FLAG, KUSTOMIZE_FLAG, OUTPUT_FLAG, RECURSIVE_FLAG, SHOW_MANAGED_FIELDS_FLAG, TEMPLATE_FLAG, filenameFlag } from "../common-flags";

const RESOURCE_VERBS = new Set(["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection", "use", "bind", "impersonate", "*", "approve", "sign", "escalate", "attest"]);
const NON_RESOURCE_VERBS = new Set(["get", "put", "post", "head", "options", "delete", "patch", "*"]);
/** Resources the server authorizes but discovery does not list (the impersonate verb's users and groups). */
const NON_STANDARD = new Set(["users", "groups"]);

/** printers.WarningPrinter without colour. */
const warn = (run: CommandRun, msg: string) => run.env.stderr.write(`Warning: ${msg}\n`);

const canICommand: KubectlCommand = {
  name: "can-i",
  short: "Check whether an action is allowed",
  long: `Check whether an action is allowed.

 VERB is a logical Kubernetes API verb like 'get', 'list', 'watch', 'delete', etc. TYPE is a Kubernetes resource. Shortcuts and groups will be resolved. NONRESOURCEURL is a partial URL that starts with "/". NAME is the name of a particular Kubernetes resource. This command pairs nicely with impersonation. See --as global flag.`,
  example: `  # Check to see if I can create pods in any namespace
  kubectl auth can-i create pods --all-namespaces
  
  # Check to see if I can list deployments in my current namespace
  kubectl auth can-i list deployments.apps
  
  # Check to see if service account "foo" of namespace "dev" can list pods in the namespace "prod"
  # You must be allowed to use impersonation for the global option "--as"
  kubectl auth can-i list pods --as=system:serviceaccount:dev:foo -n prod
  
  # Check to see if I can do everything in my current namespace ("*" means all)
  kubectl auth can-i '*' '*'
  
  # Check to see if I can get the job named "bar" in namespace "foo"
  kubectl auth can-i list jobs.batch/bar -n foo
  
  # Check to see if I can read pod logs
  kubectl auth can-i get pods --subresource=log
  
  # Check to see if I can access the URL /logs/
  kubectl auth can-i get /logs/
  
  # Check to see if I can approve certificates.k8s.io
  kubectl auth can-i approve certificates.k8s.io
  
  # List all allowed actions in namespace "foo"
  kubectl auth can-i --list --namespace=foo`,
  usage: "auth can-i VERB [TYPE | TYPE/NAME | NONRESOURCEURL] [options]",
  flags: [
    { name: "all-namespaces", shorthand: "A", type: "bool", usage: "If true, check the specified action in all namespaces." },
    { name: "list", type: "bool", usage: "If true, prints all allowed actions." },
    { name: "no-headers", type: "bool", usage: "If true, prints allowed actions without headers" },
    { name: "quiet", shorthand: "q", type: "bool", usage: "If true, suppress output and just return the exit code." },
    { name: "subresource", type: "string", usage: "SubResource such as pod/log or deployment/scale" },
  ],
  async run(run) {
    return canI(run);
  },
};

async function canI(run: CommandRun): Promise<number> {
  const { flags, args, env, client } = run;
  const list = flags.bool("list");
  const quiet = flags.bool("quiet");
  const all = flags.bool("all-namespaces");
  const subresource = flags.string("subresource");
  let verb = "";
  let nonResourceURL = "";
  let resource: { group: string; resource: string; namespaced: boolean } | undefined;
  let resourceName = "";
  if (list) {
    if (args.length) throw new KubectlError("list option must be specified with no arguments");
  } else {
    if (args.length !== 2) throw new KubectlError("you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.");
    verb = args[0];
    if (args[1].startsWith("/")) nonResourceURL = args[1];
    else {
      const [typed, ...name] = args[1].split("/");
      resourceName = name.join("/");
      if (typed === "*") resource = { group: "", resource: "*", namespaced: true };
      else {
        const m = await client.tryResolve(typed.toLowerCase());
        if (m) resource = { group: m.group, resource: m.resource, namespaced: m.namespaced };
        else {
          const [res, ...g] = typed.toLowerCase().split(".");
          const group = g.join(".");
          if (!NON_STANDARD.has(typed.toLowerCase())) warn(run, group ? `the server doesn't have a resource type '${res}' in group '${group}'\n` : `the server doesn't have a resource type '${res}'\n`);
          resource = { group: "", resource: typed, namespaced: true };
        }
      }
    }
  }
  const namespace = all ? "" : run.namespace;
  // Validate
  if (list) {
    if (quiet || all || subresource) throw new KubectlError("list option can't be specified with neither quiet, all-namespaces nor subresource options");
    return listRules(run, namespace);
  }
  if (nonResourceURL) {
    if (subresource) throw new KubectlError("--subresource can not be used with NonResourceURL");
    if (!NON_RESOURCE_VERBS.has(verb)) warn(run, `verb '${verb}' is not a known verb\n`);
  } else if (resource && !all) {
    if (!resource.namespaced) warn(run, resource.group ? `resource '${resource.resource}' is not namespace scoped in group '${resource.group}'\n` : `resource '${resource.resource}' is not namespace scoped\n`);
    if (!RESOURCE_VERBS.has(verb)) warn(run, `verb '${verb}' is not a known verb\n`);
  }
  if (flags.bool("no-headers")) throw new KubectlError("--no-headers cannot be set without --list specified");
  const spec = nonResourceURL
    ? { nonResourceAttributes: { verb, path: nonResourceURL } }
    : { resourceAttributes: { namespace, verb, group: resource?.group ?? "", resource: resource?.resource ?? "", subresource, name: resourceName } };
  const review = await client.request("POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", { body: { kind: "SelfSubjectAccessReview", apiVersion: "authorization.k8s.io/v1", metadata: {}, spec } });
  const status = review.status ?? {};
  if (!quiet) {
    if (status.allowed) env.stdout.write("yes\n");
    else env.stdout.write(`no${status.reason ? ` - ${status.reason}` : ""}${status.evaluationError ? ` - ${status.evaluationError}` : ""}\n`);
  }
  return status.allowed ? 0 : 1;
}

async function listRules(run: CommandRun, namespace: string): Promise<number> {
  const review = await run.client.request("POST", "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews", { body: { kind: "SelfSubjectRulesReview", apiVersion: "authorization.k8s.io/v1", metadata: {}, spec: { namespace } } });
  const status = review.status ?? {};
  if (status.incomplete) warn(run, `the list may be incomplete: ${status.evaluationError ?? ""}`);
  const policy: KubeObject[] = [
    ...((status.resourceRules ?? []) as KubeObject[]).map((r) => ({ verbs: r.verbs, apiGroups: r.apiGroups, resources: r.resources, resourceNames: r.resourceNames })),
    ...((status.nonResourceRules ?? []) as KubeObject[]).map((r) => ({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs })),
  ];
  const rules: Rule[] = compactRules(policy.flatMap((r) => breakdownRule(r)));
  const sorted = rules.map((r, i) => [r, i] as const).sort((a, b) => compareGoStrings(ruleString(a[0]), ruleString(b[0])) || a[1] - b[1]).map(([r]) => r);
  const w = newTableTabWriter(run.env.stdout);
  if (!run.flags.bool("no-headers")) w.write("Resources\tNon-Resource URLs\tResource Names\tVerbs\n");
  for (const r of sorted) w.write(`${combineResourceGroup(r.resources, r.apiGroups)}\t${goList(r.nonResourceURLs)}\t${goList(r.resourceNames)}\t${goList(r.verbs)}\n`);
  w.flush();
  return 0;
}

const whoamiCommand: KubectlCommand = {
  name: "whoami",
  short: "Experimental: Check self subject attributes",
  long: `Experimental: Check who you are and your attributes (groups, extra).

        This command is helpful to get yourself aware of the current user attributes,
        especially when dynamic authentication, e.g., token webhook, auth proxy, or OIDC provider,
        is enabled in the Kubernetes cluster.`,
  example: `  # Get your subject attributes
  kubectl auth whoami
  
  # Get your subject attributes in JSON format
  kubectl auth whoami -o json`,
  usage: "auth whoami [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    OUTPUT_FLAG,
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
  ],
  async run(run) {
    const { flags, env } = run;
    if (run.args.length) throw new KubectlError(`unknown command ${JSON.stringify(run.args.join(" "))} for "kubectl auth whoami"`);
    const review = await run.client.request("POST", "/apis/authentication.k8s.io/v1/selfsubjectreviews", { body: { kind: "SelfSubjectReview", apiVersion: "authentication.k8s.io/v1", metadata: {} } });
    if (flags.string("output") || flags.string("template")) {
      const chosen = genericPrinter({ output: flags.string("output"), outputChanged: flags.changed("output"), template: flags.string("template"), allowMissingKeys: flags.bool("allow-missing-template-keys"), showManagedFields: flags.bool("show-managed-fields"), files: env.files, sortJsonKeys: false });
      printObject(chosen, review, env.stdout);
      return 0;
    }
    const ui = review.status?.userInfo ?? {};
    const w = newTableTabWriter(env.stdout);
    w.write("ATTRIBUTE\tVALUE\n");
    if (ui.username) w.write(`Username\t${ui.username}\n`);
    if (ui.uid) w.write(`UID\t${ui.uid}\n`);
    if ((ui.groups ?? []).length) w.write(`Groups\t${goList(ui.groups)}\n`);
    for (const k of Object.keys(ui.extra ?? {}).sort()) w.write(`Extra: ${k}\t${goList(ui.extra[k])}\n`);
    w.flush();
    return 0;
  },
};

const reconcileCommand: KubectlCommand = {
  name: "reconcile",
  short: "Reconciles rules for RBAC role, role binding, cluster role, and cluster role binding objects",
  long: `Reconciles rules for RBAC role, role binding, cluster role, and cluster role binding objects.

 Missing objects are created, and the containing namespace is created for namespaced objects, if required.

 Existing roles are updated to include the permissions in the input objects, and remove extra permissions if --remove-extra-permissions is specified.

 Existing bindings are updated to include the subjects in the input objects, and remove extra subjects if --remove-extra-subjects is specified.

 This is preferred to 'apply' for RBAC resources so that semantically-aware merging of rules and subjects is done.`,
  example: `  # Reconcile RBAC resources from a file
  kubectl auth reconcile -f my-rbac-rules.yaml`,
  usage: "auth reconcile -f FILENAME [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    DRY_RUN_FLAG,
    filenameFlag("Filename, directory, or URL to files identifying the resource to reconcile.", "stringArray"),
    KUSTOMIZE_FLAG,
    OUTPUT_FLAG,
    RECURSIVE_FLAG,
    { name: "remove-extra-permissions", type: "bool", usage: "If true, removes extra permissions added to roles" },
    { name: "remove-extra-subjects", type: "bool", usage: "If true, removes extra subjects added to rolebindings" },
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
  ],
  async run() {
    throw new KubectlError("kubectl auth reconcile is not available in the browser sandbox: create or update the RBAC objects with `kubectl apply -f <file>` instead");
  },
};

export const authCommand: KubectlCommand = {
  name: "auth",
  short: "Inspect authorization",
  long: `Inspect authorization.`,
  usage: "auth [flags] [options]",
  subcommands: [canICommand, reconcileCommand, whoamiCommand],
  run: defaultSubCommandRun,
};
