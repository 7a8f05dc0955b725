// ConfigMap, Secret and ServiceAccount describers (describe.go). Go ranges over the data maps, so
// real kubectl prints their keys in a random order; here they come sorted.
import { corePath, getJson, listAll, type Describer } from "./context";
import { describeEvents, eventsFor, searchEvents, refOf } from "./events";
import { printAnnotationsMultiline, printLabelsMultiline, sortStrings, type Obj } from "./format";
import { LEVEL_0, tabbedString } from "./writer";

export const describeConfigMap: Describer = async (ctx, ns, name) => {
  const cm = await getJson(ctx, corePath("configmaps", ns, name));
  // Unlike the other describers, a failed event search fails the ConfigMap's description.
  const events = ctx.settings.showEvents ? await searchEvents(ctx, refOf(cm, "ConfigMap")) : undefined;
  return renderConfigMap(cm, events, ctx.nowMs);
};

export function renderConfigMap(cm: Obj, events: Obj[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${cm.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${cm.metadata?.namespace ?? ""}\n`);
    printLabelsMultiline(w, "Labels", cm.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", cm.metadata?.annotations);
    w.write(LEVEL_0, "\nData\n====\n");
    const data: Record<string, string> = cm.data ?? {};
    for (const k of sortStrings(Object.keys(data))) {
      w.write(LEVEL_0, `${k}:\n----\n`);
      w.write(LEVEL_0, `${data[k]}\n`);
      w.write(LEVEL_0, "\n");
    }
    w.write(LEVEL_0, "\nBinaryData\n====\n");
    const binary: Record<string, string> = cm.binaryData ?? {};
    for (const k of sortStrings(Object.keys(binary))) w.write(LEVEL_0, `${k}: ${base64Length(binary[k])} bytes\n`);
    w.write(LEVEL_0, "\n");
    if (events) describeEvents(events, w, nowMs);
  });
}

/** Length in bytes of base64-encoded data. */
function base64Length(b64: string): number {
  const s = String(b64 ?? "").replace(/\s/g, "");
  const padding = s.endsWith("==") ? 2 : s.endsWith("=") ? 1 : 0;
  return Math.max(0, Math.floor((s.length * 3) / 4) - padding);
}

/** Base64 data decoded as text (the service account token key is shown in full). */
function base64Text(b64: string): string {
  const bin = atob(String(b64 ?? "").replace(/\s/g, ""));
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

export const describeSecret: Describer = async (ctx, ns, name) => {
  const secret = await getJson(ctx, corePath("secrets", ns, name));
  return renderSecret(secret);
};

export function renderSecret(secret: Obj): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${secret.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${secret.metadata?.namespace ?? ""}\n`);
    printLabelsMultiline(w, "Labels", secret.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", secret.metadata?.annotations);
    w.write(LEVEL_0, `\nType:\t${secret.type ?? ""}\n`);
    w.write(LEVEL_0, "\nData\n====\n");
    const data: Record<string, string> = secret.data ?? {};
    for (const k of sortStrings(Object.keys(data))) {
      if (k === "token" && secret.type === "kubernetes.io/service-account-token") w.write(LEVEL_0, `${k}:\t${base64Text(data[k])}\n`);
      else w.write(LEVEL_0, `${k}:\t${base64Length(data[k])} bytes\n`);
    }
  });
}

export const describeServiceAccount: Describer = async (ctx, ns, name) => {
  const sa = await getJson(ctx, corePath("serviceaccounts", ns, name));
  const tokens: Obj[] = [];
  const missing = new Set<string>();
  let secrets: Obj[] | undefined;
  try {
    secrets = await listAll(ctx, corePath("secrets", ns));
  } catch {
    // kubectl describes the account even when its secrets cannot be listed.
  }
  if (secrets) {
    const existing = new Set<string>();
    for (const s of secrets) {
      if (s.type === "kubernetes.io/service-account-token") {
        const ann = s.metadata?.annotations ?? {};
        if (ann["kubernetes.io/service-account.name"] === sa.metadata?.name && ann["kubernetes.io/service-account.uid"] === sa.metadata?.uid) tokens.push(s);
      }
      existing.add(s.metadata?.name);
    }
    for (const s of [...(sa.secrets ?? []), ...(sa.imagePullSecrets ?? [])]) if (!existing.has(s.name)) missing.add(s.name);
  }
  const events = await eventsFor(ctx, refOf(sa, "ServiceAccount"));
  return renderServiceAccount(sa, tokens, missing, events, ctx.nowMs);
};

export function renderServiceAccount(sa: Obj, tokens: Obj[], missing: Set<string>, events: Obj[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${sa.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${sa.metadata?.namespace ?? ""}\n`);
    printLabelsMultiline(w, "Labels", sa.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", sa.metadata?.annotations);
    const emptyHeader = "                   ";
    // The three headers, in the sorted order kubectl prints them.
    const sections: [string, string[]][] = [
      ["Image pull secrets:", (sa.imagePullSecrets ?? []).map((s: Obj) => s.name ?? "")],
      ["Mountable secrets: ", (sa.secrets ?? []).map((s: Obj) => s.name ?? "")],
      ["Tokens:            ", tokens.map((s) => s.metadata?.name ?? "")],
    ];
    for (const [header, names] of sections) {
      if (names.length === 0) {
        w.write(LEVEL_0, `${header}\t<none>\n`);
        continue;
      }
      let prefix = header;
      for (const n of names) {
        w.write(LEVEL_0, `${prefix}\t${n}${missing.has(n) ? " (not found)" : ""}\n`);
        prefix = emptyHeader;
      }
    }
    if (events) describeEvents(events, w, nowMs);
  });
}
