// Role, ClusterRole, RoleBinding and ClusterRoleBinding describers (describe.go). Rules are broken
// down to one verb per resource (rbac.BreakdownRule), simple ones merged back per resource
// (rbac.CompactRules) and sorted by PolicyRule.String(), whose first field is the verbs.
import { getJson, groupPath, type Describer } from "./context";
import { goList, printAnnotationsMultiline, printLabelsMultiline, type Obj } from "./format";
import { compareGoStrings } from "../../machinery/labels";
import { LEVEL_0, LEVEL_1, tabbedString } from "./writer";

export interface Rule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

export function breakdownRule(rule: Obj): Rule[] {
  const out: Rule[] = [];
  const verbs: string[] = rule.verbs ?? [];
  for (const group of rule.apiGroups ?? [])
    for (const resource of rule.resources ?? [])
      for (const verb of verbs) {
        if ((rule.resourceNames ?? []).length > 0) {
          for (const rn of rule.resourceNames) out.push({ verbs: [verb], apiGroups: [group], resources: [resource], resourceNames: [rn], nonResourceURLs: [] });
        } else out.push({ verbs: [verb], apiGroups: [group], resources: [resource], resourceNames: [], nonResourceURLs: [] });
      }
  for (const url of rule.nonResourceURLs ?? []) for (const verb of verbs) out.push({ verbs: [verb], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [url] });
  return out;
}

/** rbac.CompactRules: rules naming one group, one resource and at most one name merge their verbs. */
export function compactRules(rules: Rule[]): Rule[] {
  const compacted: Rule[] = [];
  const simple = new Map<string, Rule>();
  for (const r of rules) {
    const isSimple = r.resourceNames.length <= 1 && r.nonResourceURLs.length === 0 && r.apiGroups.length === 1 && r.resources.length === 1;
    if (!isSimple) {
      compacted.push(r);
      continue;
    }
    const key = JSON.stringify([r.apiGroups[0], r.resources[0], r.resourceNames.length > 0, r.resourceNames[0] ?? ""]);
    const existing = simple.get(key);
    if (existing) {
      for (const v of r.verbs) if (!existing.verbs.includes(v)) existing.verbs.push(v);
    } else simple.set(key, { ...r, verbs: [...r.verbs] });
  }
  return [...compacted, ...simple.values()];
}

/** PolicyRule.String() (generated): the sort key kubectl uses. */
export function ruleString(r: Rule): string {
  return `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`;
}

/** CombineResourceGroup: `resource.group/subresource`. */
export function combineResourceGroup(resources: string[], groups: string[]): string {
  if (resources.length === 0) return "";
  const [res, sub] = resources[0].split(/\/(.*)/s);
  let out = res;
  if (groups.length > 0 && groups[0] !== "") out += `.${groups[0]}`;
  if (sub !== undefined) out += `/${sub}`;
  return out;
}

function renderRole(role: Obj): string {
  const rules = compactRules((role.rules ?? []).flatMap(breakdownRule));
  // sort.Stable by the rule's String().
  rules.sort((a, b) => compareGoStrings(ruleString(a), ruleString(b)));
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${role.metadata?.name ?? ""}\n`);
    printLabelsMultiline(w, "Labels", role.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", role.metadata?.annotations);
    w.write(LEVEL_0, "PolicyRule:\n");
    w.write(LEVEL_1, "Resources\tNon-Resource URLs\tResource Names\tVerbs\n");
    w.write(LEVEL_1, "---------\t-----------------\t--------------\t-----\n");
    for (const r of rules) w.write(LEVEL_1, `${combineResourceGroup(r.resources, r.apiGroups)}\t${goList(r.nonResourceURLs)}\t${goList(r.resourceNames)}\t${goList(r.verbs)}\n`);
  });
}

function renderBinding(binding: Obj): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${binding.metadata?.name ?? ""}\n`);
    printLabelsMultiline(w, "Labels", binding.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", binding.metadata?.annotations);
    w.write(LEVEL_0, "Role:\n");
    w.write(LEVEL_1, `Kind:\t${binding.roleRef?.kind ?? ""}\n`);
    w.write(LEVEL_1, `Name:\t${binding.roleRef?.name ?? ""}\n`);
    w.write(LEVEL_0, "Subjects:\n");
    w.write(LEVEL_1, "Kind\tName\tNamespace\n");
    w.write(LEVEL_1, "----\t----\t---------\n");
    for (const s of binding.subjects ?? []) w.write(LEVEL_1, `${s.kind ?? ""}\t${s.name ?? ""}\t${s.namespace ?? ""}\n`);
  });
}

export { renderRole, renderBinding };

export const describeRole: Describer = async (ctx, ns, name) => renderRole(await getJson(ctx, groupPath("rbac.authorization.k8s.io/v1", "roles", ns, name)));
export const describeClusterRole: Describer = async (ctx, _ns, name) => renderRole(await getJson(ctx, groupPath("rbac.authorization.k8s.io/v1", "clusterroles", undefined, name)));
export const describeRoleBinding: Describer = async (ctx, ns, name) => renderBinding(await getJson(ctx, groupPath("rbac.authorization.k8s.io/v1", "rolebindings", ns, name)));
export const describeClusterRoleBinding: Describer = async (ctx, _ns, name) => renderBinding(await getJson(ctx, groupPath("rbac.authorization.k8s.io/v1", "clusterrolebindings", undefined, name)));
