// Keeps the kind registry in step with CustomResourceDefinitions: every served version of an
// established CRD becomes a kind the API server serves generically.
import type { Cluster } from "./cluster";
import { BUILTIN_KINDS } from "../kinds/all";
import { kindDefFromCrd } from "../kinds/apiextensions/crd";

export function syncCustomResourceKinds(cluster: Cluster): void {
  const builtin = new Set(BUILTIN_KINDS);
  const wanted = new Map<string, ReturnType<typeof kindDefFromCrd>>();
  for (const crd of cluster.store.list("customresourcedefinitions.apiextensions.k8s.io")) {
    if (crd.metadata.deletionTimestamp) continue;
    // A CRD whose names clashed is not Established and serves nothing.
    const established = (crd.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === "Established" && c.status === "True");
    if (!established) continue;
    for (const v of (crd.spec?.versions ?? []) as Array<{ name: string; served?: boolean }>) {
      if (v.served === false) continue;
      const def = kindDefFromCrd(crd as never, v.name);
      wanted.set(`${def.group}/${def.version}/${def.plural}`, def);
    }
  }
  for (const def of [...cluster.kinds.all()]) {
    if (builtin.has(def)) continue;
    if (!wanted.has(`${def.group}/${def.version}/${def.plural}`)) cluster.kinds.remove(def.group, def.version, def.plural);
  }
  for (const def of wanted.values()) cluster.kinds.add(def);
}
