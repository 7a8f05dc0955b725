// `kubectl create poddisruptionbudget` (pkg/cmd/create/create_pdb.go).
import type { KubeObject } from "../client";
import { LabelSelectorParseError, parseToLabelSelector } from "../../machinery/labels";
import { GeneratorError, intOrString, labelSelector, objectMeta, typed } from "./common";

export interface PdbOptions {
  name: string;
  namespace?: string;
  selector: string;
  minAvailable: string;
  maxUnavailable: string;
}

/** PodDisruptionBudgetOpts.Validate. */
export function validatePdb(o: PdbOptions): void {
  if (!o.name) throw new GeneratorError("name must be specified");
  if (!o.selector) throw new GeneratorError("a selector must be specified");
  if (!o.maxUnavailable && !o.minAvailable) throw new GeneratorError("one of min-available or max-unavailable must be specified");
  if (o.maxUnavailable && o.minAvailable) throw new GeneratorError("min-available and max-unavailable cannot be both specified");
  const re = /^[0-9]+%?$/;
  if (o.minAvailable && !re.test(o.minAvailable)) throw new GeneratorError("invalid format specified for min-available");
  if (o.maxUnavailable && !re.test(o.maxUnavailable)) throw new GeneratorError("invalid format specified for max-unavailable");
}

export function generatePdb(o: PdbOptions): KubeObject {
  validatePdb(o);
  let sel;
  try {
    sel = parseToLabelSelector(o.selector);
  } catch (e) {
    if (e instanceof LabelSelectorParseError) throw new GeneratorError(e.message);
    throw e;
  }
  const spec: KubeObject = {};
  if (o.minAvailable) spec.minAvailable = intOrString(o.minAvailable);
  spec.selector = labelSelector(sel.matchLabels, sel.matchExpressions);
  if (o.maxUnavailable) spec.maxUnavailable = intOrString(o.maxUnavailable);
  const pdb = typed("PodDisruptionBudget", "policy/v1", objectMeta({ name: o.name, namespace: o.namespace }));
  pdb.spec = spec;
  pdb.status = { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 };
  return pdb;
}
