// Namespace (with its resource quotas and limit ranges), ResourceQuota and LimitRange describers
// (describe.go).
import { ServerError } from "../client";
import { corePath, getJson, listAll, type Describer } from "./context";
import { printAnnotationsMultiline, printLabelsMultiline, rfc1123z, sortStrings, type Obj } from "./format";
import { newQuantity, parseQuantity } from "../../machinery/quantity";
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from "./writer";

/** A list the server may not serve: NotFound means "no such resource here", shown as nothing. */
async function optionalList(run: () => Promise<Obj[]>): Promise<Obj[] | undefined> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof ServerError && e.reason === "NotFound") return undefined;
    throw e;
  }
}

export const describeNamespace: Describer = async (ctx, _ns, name) => {
  const ns = await getJson(ctx, corePath("namespaces", undefined, name));
  const quotas = await optionalList(() => listAll(ctx, corePath("resourcequotas", name)));
  const limitRanges = await optionalList(() => listAll(ctx, corePath("limitranges", name)));
  return renderNamespace(ns, quotas, limitRanges);
};

export function renderNamespace(ns: Obj, quotas: Obj[] | undefined, limitRanges: Obj[] | undefined): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ns.metadata?.name ?? ""}\n`);
    printLabelsMultiline(w, "Labels", ns.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", ns.metadata?.annotations);
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ""}\n`);
    const conditions: Obj[] = ns.status?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, "Conditions:\n");
      w.write(LEVEL_1, "Type\tStatus\tLastTransitionTime\tReason\tMessage\n");
      w.write(LEVEL_1, "----\t------\t------------------\t------\t-------\n");
      for (const c of conditions) w.write(LEVEL_1, `${c.type ?? ""}\t${c.status ?? ""}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ""}\t${c.message ?? ""}\n`);
    }
    if (quotas) {
      w.write(LEVEL_0, "\n");
      describeResourceQuotas(quotas, w);
    }
    if (limitRanges) {
      w.write(LEVEL_0, "\n");
      describeLimitRanges(limitRanges, w);
    }
  });
}

function str(v: unknown): string {
  if (v === undefined || v === null) return "0";
  try {
    return parseQuantity(String(v)).toString();
  } catch {
    return String(v);
  }
}

function scopeHelp(scope: string): string {
  switch (scope) {
    case "Terminating":
      return "Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.";
    case "NotTerminating":
      return "Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.";
    case "BestEffort":
      return "Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.";
    case "NotBestEffort":
      return "Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.";
    default:
      return "";
  }
}

function describeResourceQuotas(quotas: Obj[], w: PrefixWriter): void {
  if (quotas.length === 0) {
    w.write(LEVEL_0, "No resource quota.\n");
    return;
  }
  const sorted = [...quotas].sort((a, b) => ((a.metadata?.name ?? "") < (b.metadata?.name ?? "") ? -1 : 1));
  w.write(LEVEL_0, "Resource Quotas\n");
  for (const q of sorted) {
    w.write(LEVEL_1, `Name:\t${q.metadata?.name ?? ""}\n`);
    const scopes = sortStrings(q.spec?.scopes ?? []);
    if (scopes.length > 0) {
      w.write(LEVEL_1, `Scopes:\t${scopes.join(", ")}\n`);
      for (const s of scopes) {
        const help = scopeHelp(s);
        if (help) w.write(LEVEL_1, `* ${help}\n`);
      }
    }
    w.write(LEVEL_1, "Resource\tUsed\tHard\n");
    w.write(LEVEL_1, "--------\t---\t---\n");
    const hard = q.status?.hard ?? {};
    for (const r of sortStrings(Object.keys(hard))) w.write(LEVEL_1, `${r}\t${str(q.status?.used?.[r])}\t${str(hard[r])}\n`);
  }
}

function describeLimitRanges(limitRanges: Obj[], w: PrefixWriter): void {
  if (limitRanges.length === 0) {
    w.write(LEVEL_0, "No LimitRange resource.\n");
    return;
  }
  w.write(LEVEL_0, "Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n");
  w.write(LEVEL_0, " ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n");
  for (const lr of limitRanges) describeLimitRangeSpec(lr.spec ?? {}, " ", w);
}

/**
 * describeLimitRangeSpec. Go ranges over a map of the resource names, so their order varies from
 * run to run in real kubectl; here they come in the order the item first names them.
 */
function describeLimitRangeSpec(spec: Obj, prefix: string, w: PrefixWriter): void {
  for (const item of spec.limits ?? []) {
    const fields = [item.max, item.min, item.default, item.defaultRequest, item.maxLimitRequestRatio].map((m) => (m ?? {}) as Record<string, unknown>);
    const names = new Set<string>();
    for (const m of fields) for (const k of Object.keys(m)) names.add(k);
    const [max, min, def, defReq, ratio] = fields;
    const v = (m: Record<string, unknown>, k: string) => (k in m ? str(m[k]) : "-");
    for (const k of names) {
      w.write(LEVEL_0, `${prefix}${item.type ?? ""}\t${k}\t${v(min, k)}\t${v(max, k)}\t${v(defReq, k)}\t${v(def, k)}\t${v(ratio, k)}\n`);
    }
  }
}

export const describeLimitRange: Describer = async (ctx, ns, name) => {
  const lr = await getJson(ctx, corePath("limitranges", ns, name));
  return renderLimitRange(lr);
};

export function renderLimitRange(lr: Obj): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${lr.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${lr.metadata?.namespace ?? ""}\n`);
    w.write(LEVEL_0, "Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n");
    w.write(LEVEL_0, "----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n");
    describeLimitRangeSpec(lr.spec ?? {}, "", w);
  });
}

export const describeResourceQuota: Describer = async (ctx, ns, name) => {
  const rq = await getJson(ctx, corePath("resourcequotas", ns, name));
  return renderResourceQuota(rq);
};

export function renderResourceQuota(rq: Obj): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rq.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${rq.metadata?.namespace ?? ""}\n`);
    const scopes = sortStrings(rq.spec?.scopes ?? []);
    if (scopes.length > 0) {
      w.write(LEVEL_0, `Scopes:\t${scopes.join(", ")}\n`);
      for (const s of scopes) {
        const help = scopeHelp(s);
        if (help) w.write(LEVEL_0, ` * ${help}\n`);
      }
    }
    w.write(LEVEL_0, "Resource\tUsed\tHard\n");
    w.write(LEVEL_0, "--------\t----\t----\n");
    const hard = rq.status?.hard ?? {};
    for (const r of sortStrings(Object.keys(hard))) {
      w.write(LEVEL_0, `${r}\t${usedInHardFormat(rq.status?.used?.[r], hard[r])}\t${str(hard[r])}\n`);
    }
  });
}

/** describeQuota prints the used amount in the hard amount's format when they differ (NewQuantity(used.Value(), hard.Format)). */
function usedInHardFormat(used: unknown, hard: unknown): string {
  let u;
  let h;
  try {
    u = parseQuantity(String(used ?? "0"));
    h = parseQuantity(String(hard ?? "0"));
  } catch {
    return str(used);
  }
  if (used === undefined || used === null) u = newQuantity(0);
  if (u.format === h.format) return u.toString();
  return newQuantity(BigInt(Math.ceil(u.value())), h.format).toString();
}
