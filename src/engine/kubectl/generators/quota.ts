// `kubectl create quota` (pkg/cmd/create/create_quota.go): --hard resource=quantity pairs, --scopes.
import type { KubeObject } from "../client";
import { canonicalQuantity, QuantityParseError } from "../../machinery/quantity";
import { GeneratorError, objectMeta, sortedMap, typed } from "./common";

export interface QuotaOptions {
  name: string;
  namespace?: string;
  hard: string;
  scopes: string;
}

export function generateQuota(o: QuotaOptions): KubeObject {
  if (!o.name) throw new GeneratorError("name must be specified");
  const spec: KubeObject = {};
  if (o.hard) spec.hard = sortedMap(resourceList(o.hard));
  if (o.scopes) {
    const scopes = o.scopes.split(",");
    if (scopes.includes("")) throw new GeneratorError('invalid resource quota scope ""');
    spec.scopes = scopes;
  }
  return { ...typed("ResourceQuota", "v1", objectMeta({ name: o.name, namespace: o.namespace })), spec, status: {} };
}

/** populateResourceListV1: `name=quantity,...`, quantities in canonical form. */
export function resourceList(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const statement of spec.split(",")) {
    const parts = statement.split("=");
    if (parts.length !== 2) throw new GeneratorError(`Invalid argument syntax ${statement}, expected <resource>=<value>`);
    try {
      out[parts[0]] = canonicalQuantity(parts[1]);
    } catch (e) {
      if (e instanceof QuantityParseError) throw new GeneratorError(e.message);
      throw e;
    }
  }
  return out;
}
