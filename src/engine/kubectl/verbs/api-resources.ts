// `kubectl api-resources` and `kubectl api-versions` (k8s.io/kubectl/pkg/cmd/apiresources): the
// server's preferred resources as a table (-o wide adds VERBS and CATEGORIES, -o name prints
// `resource.group`), filtered by --api-group, --namespaced, --verbs, --categories, sorted by group
// then name (or --sort-by name|kind); and every group/version the server serves, sorted.
import type { KubectlCommand } from "../command";
import { KubectlError, UsageError } from "../command";
import type { ApiResource } from "../client";
import { newTableTabWriter } from "../printers/tabwriter";
import { AGGREGATED_V2 } from "../../apiserver/discovery";

const EXAMPLE = `  # Print the supported API resources
  kubectl api-resources
  
  # Print the supported API resources with more information
  kubectl api-resources -o wide
  
  # Print the supported API resources sorted by a column
  kubectl api-resources --sort-by=name
  
  # Print the supported namespaced resources
  kubectl api-resources --namespaced=true
  
  # Print the supported non-namespaced resources
  kubectl api-resources --namespaced=false
  
  # Print the supported API resources with a specific APIGroup
  kubectl api-resources --api-group=rbac.authorization.k8s.io`;

/** Byte-wise strings.Compare. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const apiResourcesCommand: KubectlCommand = {
  name: "api-resources",
  short: "Print the supported API resources on the server",
  long: "Print the supported API resources on the server.",
  example: EXAMPLE,
  usage: "api-resources [flags] [options]",
  flags: [
    { name: "no-headers", type: "bool", usage: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: "output", shorthand: "o", type: "string", usage: "Output format. One of: (wide, name)." },
    { name: "api-group", type: "string", usage: "Limit to resources in the specified API group." },
    { name: "namespaced", type: "bool", default: true, usage: "If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default." },
    { name: "verbs", type: "stringSlice", usage: "Limit to resources that support the specified verbs." },
    { name: "sort-by", type: "string", usage: "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'." },
    { name: "cached", type: "bool", usage: "Use the cached list of resources if available." },
    { name: "categories", type: "stringSlice", usage: "Limit to resources that belong to the specified categories." },
  ],
  async run({ env, flags, args, client }) {
    if (args.length) throw new UsageError(`unexpected arguments: [${args.join(" ")}]`);
    const output = flags.string("output");
    if (!["", "wide", "name"].includes(output)) throw new KubectlError(`--output ${output} is not available`);
    const sortBy = flags.string("sort-by");
    if (sortBy && sortBy !== "name" && sortBy !== "kind") throw new KubectlError("--sort-by accepts only name or kind");
    const groupChanged = flags.changed("api-group");
    const nsChanged = flags.changed("namespaced");
    const verbs = flags.strings("verbs");
    const categories = flags.strings("categories");
    // Like kubectl, a fresh discovery unless --cached.
    const resources = preferredResources(await (flags.bool("cached") ? client.resources() : client.refreshResources())).filter(
      (r) =>
        r.verbs.length > 0 &&
        (!groupChanged || r.group === flags.string("api-group")) &&
        (!nsChanged || r.namespaced === flags.bool("namespaced")) &&
        verbs.every((v) => r.verbs.includes(v)) &&
        categories.every((c) => r.categories.includes(c)),
    );
    const key = (r: ApiResource) => (sortBy === "name" ? r.resource : sortBy === "kind" ? r.kind : r.group);
    resources.sort((a, b) => compare(key(a), key(b)) || compare(a.resource, b.resource));
    const w = newTableTabWriter(env.stdout);
    if (!flags.bool("no-headers") && output !== "name") {
      const headers = ["NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND", ...(output === "wide" ? ["VERBS", "CATEGORIES"] : [])];
      w.write(headers.join("\t") + "\n");
    }
    for (const r of resources) {
      const gv = r.group ? `${r.group}/${r.version}` : r.version;
      if (output === "name") w.write(`${r.resource}${r.group ? `.${r.group}` : ""}\n`);
      else {
        const cells = [r.resource, r.shortNames.join(","), gv, String(r.namespaced), r.kind];
        if (output === "wide") cells.push(r.verbs.join(","), r.categories.join(","));
        w.write(cells.join("\t") + "\n");
      }
    }
    w.flush();
  },
};

/**
 * discovery's ServerPreferredResources: per group, each resource once, from the preferred version
 * (the first one discovery lists), or from the only version that serves it; no subresources.
 */
export function preferredResources(all: readonly ApiResource[]): ApiResource[] {
  const preferredVersion = new Map<string, string>();
  for (const r of all) if (!preferredVersion.has(r.group)) preferredVersion.set(r.group, r.version);
  const chosen = new Map<string, ApiResource>();
  for (const r of all) {
    if (r.resource.includes("/")) continue;
    const key = `${r.group}/${r.resource}`;
    if (chosen.has(key) && r.version !== preferredVersion.get(r.group)) continue;
    chosen.set(key, r);
  }
  return [...chosen.values()];
}

export const apiVersionsCommand: KubectlCommand = {
  name: "api-versions",
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  long: 'Print the supported API versions on the server, in the form of "group/version".',
  example: "  # Print the supported API versions\n  kubectl api-versions",
  usage: "api-versions [options]",
  async run({ env, args, client }) {
    if (args.length) throw new UsageError(`unexpected arguments: [${args.join(" ")}]`);
    const versions: string[] = [];
    for (const path of ["/api", "/apis"]) {
      const doc = await client.request<{ items?: { metadata?: { name?: string }; versions?: { version: string }[] }[] }>("GET", path, { headers: { accept: `${AGGREGATED_V2},application/json` } });
      for (const g of doc.items ?? []) {
        const group = g.metadata?.name ?? "";
        for (const v of g.versions ?? []) versions.push(group ? `${group}/${v.version}` : v.version);
      }
    }
    versions.sort(compare);
    env.stdout.write(versions.map((v) => `${v}\n`).join(""));
  },
};
