// Lookup of kind descriptions by group/version/kind, by resource and by the names kubectl users
// type. One registry per cluster: the built-in kinds plus the custom resources its CRDs establish.
import type { KindDef } from "./types";

export class KindRegistry {
  private readonly defs: KindDef[] = [];
  private readonly byResourceKey = new Map<string, KindDef>();
  private readonly byGvk = new Map<string, KindDef>();

  constructor(defs: readonly KindDef[]) {
    for (const d of defs) this.add(d);
  }

  add(def: KindDef): void {
    const rk = `${def.group}/${def.version}/${def.plural}`;
    const existing = this.byResourceKey.get(rk);
    if (existing) this.defs.splice(this.defs.indexOf(existing), 1);
    this.defs.push(def);
    this.byResourceKey.set(rk, def);
    this.byGvk.set(`${def.group}/${def.version}/${def.kind}`, def);
  }

  remove(group: string, version: string, plural: string): void {
    const def = this.byResourceKey.get(`${group}/${version}/${plural}`);
    if (!def) return;
    this.defs.splice(this.defs.indexOf(def), 1);
    this.byResourceKey.delete(`${group}/${version}/${plural}`);
    this.byGvk.delete(`${group}/${version}/${def.kind}`);
  }

  all(): readonly KindDef[] {
    return this.defs;
  }

  byResource(group: string, version: string, plural: string): KindDef | undefined {
    return this.byResourceKey.get(`${group}/${version}/${plural}`);
  }

  byKind(group: string, version: string, kind: string): KindDef | undefined {
    return this.byGvk.get(`${group}/${version}/${kind}`);
  }

  /** apiVersion "apps/v1" + kind "Deployment". */
  byApiVersionKind(apiVersion: string, kind: string): KindDef | undefined {
    const [group, version] = apiVersion.includes("/") ? apiVersion.split("/", 2) : ["", apiVersion];
    return this.byKind(group, version, kind);
  }

  /** Every version of a group's resource ("deployments" in "apps"), preferred first. */
  versionsOf(group: string, plural: string): KindDef[] {
    return this.defs.filter((d) => d.group === group && d.plural === plural);
  }

  groups(): Array<{ group: string; versions: string[] }> {
    const out = new Map<string, string[]>();
    for (const d of this.defs) {
      if (d.hidden) continue;
      const vs = out.get(d.group) ?? [];
      if (!vs.includes(d.version)) vs.push(d.version);
      out.set(d.group, vs);
    }
    return [...out].map(([group, versions]) => ({ group, versions }));
  }
}

/** The storage key of a resource: "pods", "deployments.apps". Versions of one resource share storage. */
export const storageResource = (def: Pick<KindDef, "group" | "plural">) => (def.group ? `${def.plural}.${def.group}` : def.plural);
