// `kubectl certificate approve|deny NAME...|-f FILE`: adds the Approved/Denied condition to
// CertificateSigningRequests through their approval subresource, as kubectl does (already approved:
// nothing sent unless --force; approved and denied exclude each other). Against a server that does
// not serve CSRs, the builder's "doesn't have a resource type" error is what kubectl prints too.
import type { CommandRun, KubectlCommand } from "../command";
import { KubectlError } from "../command";
import { formatError, ServerError, type KubeObject } from "../client";
import { collectInfos, reportErrors } from "../infos";
import { genericPrinter, printObject } from "../printers/print-flags";
import { rfc3339 } from "../../machinery/time";
import { ALLOW_MISSING_TEMPLATE_KEYS_FLAG, KUSTOMIZE_FLAG, OUTPUT_FLAG, RECURSIVE_FLAG, SHOW_MANAGED_FIELDS_FLAG, TEMPLATE_FLAG, filenameFlag } from "../common-flags";

const CSR = "certificatesigningrequests.certificates.k8s.io";

function certificateVerb(spec: KubectlCommand, condition: "Approved" | "Denied", excluded: "Approved" | "Denied", reason: string, message: string, operation: string): KubectlCommand {
  return {
    ...spec,
    async run(run) {
      return modify(run, condition, excluded, reason, message, operation);
    },
  };
}

async function modify(run: CommandRun, condition: string, excluded: string, reason: string, message: string, operation: string): Promise<number> {
  const { flags, env, client } = run;
  const filenames = flags.strings("filename");
  if (!run.args.length && !filenames.length) throw new KubectlError("one or more CSRs must be specified as <name> or -f <filename>");
  const chosen = genericPrinter({ output: flags.string("output"), outputChanged: flags.changed("output"), template: flags.string("template"), allowMissingKeys: flags.bool("allow-missing-template-keys"), showManagedFields: flags.bool("show-managed-fields"), files: env.files, operation });
  const found = await collectInfos(run, filenames.length ? [] : run.args.map((n) => `${CSR}/${n}`), { filenames, recursive: flags.bool("recursive"), fetch: true });
  const errors: unknown[] = [...found.errors];
  let done = 0;
  for (const info of found.infos) {
    try {
      if (info.mapping.kind !== "CertificateSigningRequest") throw new KubectlError(`can only handle CertificateSigningRequest.certificates.k8s.io objects, got ${info.mapping.kind}${info.mapping.group ? `.${info.mapping.group}` : ""}`);
      let csr: KubeObject;
      try {
        csr = await client.request("GET", `/apis/certificates.k8s.io/v1/certificatesigningrequests/${encodeURIComponent(info.name)}`);
      } catch (e) {
        if (e instanceof ServerError && e.code === 404) throw new KubectlError(`could not find v1 version of ${info.name}: ${e.message}`);
        throw e;
      }
      const conditions = (csr.status?.conditions ?? []) as KubeObject[];
      const clash = conditions.find((c) => c.type === excluded);
      if (clash) throw new KubectlError(`certificate signing request ${JSON.stringify(info.name)} is already ${clash.type}`);
      const has = conditions.some((c) => c.type === condition);
      let result = csr;
      if (!has || flags.bool("force")) {
        const updated = { ...csr, status: { ...(csr.status ?? {}), conditions: has ? conditions : [...conditions, { type: condition, status: "True", reason, message, lastUpdateTime: rfc3339(env.host.now()) }] } };
        result = await client.request("PUT", `/apis/certificates.k8s.io/v1/certificatesigningrequests/${encodeURIComponent(info.name)}/approval`, { body: updated });
      }
      done++;
      printObject(chosen, result, env.stdout);
    } catch (e) {
      errors.push(e);
    }
  }
  if (done === 0 && !errors.length) env.stdout.write("No resources found\n");
  return reportErrors(run, errors, formatError);
}

const approveCommand = certificateVerb(
  {
  name: "approve",
  short: "Approve a certificate signing request",
  long: `Approve a certificate signing request.

 kubectl certificate approve allows a cluster admin to approve a certificate signing request (CSR). This action tells a certificate signing controller to issue a certificate to the requester with the attributes requested in the CSR.

 SECURITY NOTICE: Depending on the requested attributes, the issued certificate can potentially grant a requester access to cluster resources or to authenticate as a requested identity. Before approving a CSR, ensure you understand what the signed certificate can do.`,
  example: `  # Approve CSR 'csr-sqgzp'
  kubectl certificate approve csr-sqgzp`,
  usage: "certificate approve (-f FILENAME | NAME) [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    filenameFlag("Filename, directory, or URL to files identifying the resource to update", "stringArray"),
    { name: "force", type: "bool", usage: "Update the CSR even if it is already approved." },
    KUSTOMIZE_FLAG,
    OUTPUT_FLAG,
    RECURSIVE_FLAG,
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
  ],
  },
  "Approved",
  "Denied",
  "KubectlApprove",
  "This CSR was approved by kubectl certificate approve.",
  "approved",
);

const denyCommand = certificateVerb(
  {
  name: "deny",
  short: "Deny a certificate signing request",
  long: `Deny a certificate signing request.

 kubectl certificate deny allows a cluster admin to deny a certificate signing request (CSR). This action tells a certificate signing controller to not to issue a certificate to the requester.`,
  example: `  # Deny CSR 'csr-sqgzp'
  kubectl certificate deny csr-sqgzp`,
  usage: "certificate deny (-f FILENAME | NAME) [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    filenameFlag("Filename, directory, or URL to files identifying the resource to update", "stringArray"),
    { name: "force", type: "bool", usage: "Update the CSR even if it is already denied." },
    KUSTOMIZE_FLAG,
    OUTPUT_FLAG,
    RECURSIVE_FLAG,
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
  ],
  },
  "Denied",
  "Approved",
  "KubectlDeny",
  "This CSR was denied by kubectl certificate deny.",
  "denied",
);

export const certificateCommand: KubectlCommand = {
  name: "certificate",
  short: "Modify certificate resources",
  long: `Modify certificate resources.`,
  usage: "certificate SUBCOMMAND [options]",
  subcommands: [approveCommand, denyCommand],
};
