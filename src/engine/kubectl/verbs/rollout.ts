// `kubectl rollout status|history|undo|pause|resume|restart` (k8s.io/kubectl/pkg/cmd/rollout and
// pkg/polymorphichelpers: the status viewers, history viewers, rollbackers, pausers, resumers and
// restarters of Deployments, DaemonSets and StatefulSets).
import type { CommandRun, KubectlCommand } from "../command";
import { KubectlError } from "../command";
import { ServerError, formatError, resourcePath, type KubeObject } from "../client";
import { ROLLOUT_HELP, ROLLOUT_HISTORY_HELP, ROLLOUT_PAUSE_HELP, ROLLOUT_RESTART_HELP, ROLLOUT_RESUME_HELP, ROLLOUT_STATUS_HELP, ROLLOUT_UNDO_HELP } from "./mutation-help";
import { collectInfos, dryRunStrategy, infoPath, kindName, reportErrors, send, successLine, type DryRun, type Info } from "../infos";
import { defaultSubCommandRun, printObjects, validateOutput } from "../output";
import { twoWayPatch } from "../patching";
import { describePodTemplate } from "../describe/pod";
import type { PrefixWriter } from "../describe/writer";
import { applyPatch, STRATEGIC_MERGE_PATCH_CONTENT_TYPE } from "../../machinery/patch";
import { builtinPatchMeta } from "../patching";
import { deepEqual } from "../../machinery/patch/json-util";

const REVISION_ANNOTATION = "deployment.kubernetes.io/revision";
const CHANGE_CAUSE_ANNOTATION = "kubernetes.io/change-cause";
const HASH_LABEL = "pod-template-hash";

async function infosFor(r: CommandRun): Promise<{ infos: Info[]; errors: unknown[] }> {
  if (!r.args.length && !r.flags.strings("filename").length && !r.flags.string("selector")) {
    throw new KubectlError("required resource not specified");
  }
  return collectInfos(r, r.args, { filenames: r.flags.strings("filename"), recursive: r.flags.bool("recursive"), selector: r.flags.string("selector"), fetch: true });
}

// ---------------------------------------------------------------- status

/** The status viewers: [message, done]; throws for states that end the wait with an error. */
export function rolloutStatus(obj: KubeObject, revision: number): [string, boolean] {
  const name = obj.metadata?.name ?? "";
  const gen = obj.metadata?.generation ?? 0;
  const st = obj.status ?? {};
  switch (obj.kind) {
    case "Deployment": {
      if (revision > 0) {
        const rev = Number(obj.metadata?.annotations?.[REVISION_ANNOTATION] ?? "0");
        if (rev !== revision) throw new KubectlError(`desired revision (${revision}) is different from the running revision (${rev})`);
      }
      if (gen <= (st.observedGeneration ?? 0)) {
        const cond = (st.conditions ?? []).find((c: KubeObject) => c.type === "Progressing");
        if (cond?.reason === "ProgressDeadlineExceeded") throw new KubectlError(`deployment "${name}" exceeded its progress deadline`);
        const replicas = obj.spec?.replicas;
        const updated = st.updatedReplicas ?? 0;
        if (replicas !== undefined && updated < replicas) return [`Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`, false];
        if ((st.replicas ?? 0) > updated) return [`Waiting for deployment "${name}" rollout to finish: ${(st.replicas ?? 0) - updated} old replicas are pending termination...\n`, false];
        if ((st.availableReplicas ?? 0) < updated) return [`Waiting for deployment "${name}" rollout to finish: ${st.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, false];
        return [`deployment "${name}" successfully rolled out\n`, true];
      }
      return ["Waiting for deployment spec update to be observed...\n", false];
    }
    case "DaemonSet": {
      if (obj.spec?.updateStrategy?.type !== "RollingUpdate") throw new KubectlError("rollout status is only available for RollingUpdate strategy type");
      if (gen <= (st.observedGeneration ?? 0)) {
        const desired = st.desiredNumberScheduled ?? 0;
        if ((st.updatedNumberScheduled ?? 0) < desired) return [`Waiting for daemon set "${name}" rollout to finish: ${st.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...\n`, false];
        if ((st.numberAvailable ?? 0) < desired) return [`Waiting for daemon set "${name}" rollout to finish: ${st.numberAvailable ?? 0} of ${desired} updated pods are available...\n`, false];
        return [`daemon set "${name}" successfully rolled out\n`, true];
      }
      return ["Waiting for daemon set spec update to be observed...\n", false];
    }
    case "StatefulSet": {
      const strategy = obj.spec?.updateStrategy;
      if (strategy?.type !== "RollingUpdate") throw new KubectlError("rollout status is only available for RollingUpdate strategy type");
      if (!st.observedGeneration || gen > st.observedGeneration) return ["Waiting for statefulset spec update to be observed...\n", false];
      const replicas = obj.spec?.replicas;
      if (replicas !== undefined && (st.readyReplicas ?? 0) < replicas) return [`Waiting for ${replicas - (st.readyReplicas ?? 0)} pods to be ready...\n`, false];
      if (strategy.rollingUpdate) {
        const partition = strategy.rollingUpdate.partition;
        if (replicas !== undefined && partition !== undefined && (st.updatedReplicas ?? 0) < replicas - partition) {
          return [`Waiting for partitioned roll out to finish: ${st.updatedReplicas ?? 0} out of ${replicas - partition} new pods have been updated...\n`, false];
        }
        return [`partitioned roll out complete: ${st.updatedReplicas ?? 0} new pods have been updated...\n`, true];
      }
      if (st.updateRevision !== st.currentRevision) return [`waiting for statefulset rolling update to complete ${st.updatedReplicas ?? 0} pods at revision ${st.updateRevision ?? ""}...\n`, false];
      return [`statefulset rolling update complete ${st.currentReplicas ?? 0} pods at revision ${st.currentRevision ?? ""}...\n`, true];
    }
  }
  throw new KubectlError(`no status viewer has been implemented for ${obj.kind}`);
}

const statusCommand: KubectlCommand = {
  name: "status",
  short: "Show the status of the rollout",
  ...ROLLOUT_STATUS_HELP,
  async run(r) {
    const revision = r.flags.int("revision");
    if (revision < 0) throw new KubectlError(`revision must be a positive integer: ${revision}`);
    const { infos, errors } = await infosFor(r);
    if (errors.length) return reportErrors(r, errors, formatError);
    if (!infos.length) {
      r.env.stderr.write(`No resources found in ${r.namespace} namespace.\n`);
      return 0;
    }
    for (const info of infos) {
      if (!["Deployment", "DaemonSet", "StatefulSet"].includes(info.mapping.kind)) {
        throw new KubectlError(`no status viewer has been implemented for ${info.mapping.kind}`);
      }
      const code = await watchStatus(r, info, revision);
      if (code) return code;
    }
    return 0;
  },
};

/** UntilWithSync over a watch of the one object: every ADDED/MODIFIED event prints its status. */
async function watchStatus(r: CommandRun, info: Info, revision: number): Promise<number> {
  const { env } = r;
  const timeout = r.flags.duration("timeout");
  const deadline = timeout > 0 ? env.host.now() + timeout : Infinity;
  const w = await r.client.watch(resourcePath(info.mapping, info.namespace), { fieldSelector: `metadata.name=${info.name}` });
  const queue = [...w.initial];
  let ended = false;
  const unsubscribe = w.subscribe(
    (e) => queue.push(e),
    () => (ended = true),
  );
  try {
    for (;;) {
      while (queue.length) {
        const e = queue.shift()!;
        if (e.type === "DELETED") throw new KubectlError("object has been deleted");
        if (e.type !== "ADDED" && e.type !== "MODIFIED") continue;
        const [message, done] = rolloutStatus({ ...(e.object as KubeObject), kind: info.mapping.kind }, revision);
        env.stdout.write(message);
        if (done || !r.flags.bool("watch")) return 0;
      }
      if (env.host.signal.aborted) return 1;
      if (ended) throw new KubectlError("watch closed before UntilWithSync timeout");
      const left = deadline - env.host.now();
      if (left <= 0) throw new KubectlError("timed out waiting for the condition");
      await env.host.sleep(Math.min(1000, left));
    }
  } finally {
    unsubscribe();
  }
}

// ---------------------------------------------------------------- history

interface Revision {
  revision: number;
  template: KubeObject;
  changeCause?: string;
  /** The ReplicaSet or ControllerRevision it came from. */
  source: KubeObject;
}

async function ownedBy(r: CommandRun, obj: KubeObject, path: string): Promise<KubeObject[]> {
  const list = await send(r, "GET", path);
  return (list.items ?? []).filter((i: KubeObject) => (i.metadata?.ownerReferences ?? []).some((o: KubeObject) => o.controller && o.uid === obj.metadata?.uid));
}

/** The history of a workload: ReplicaSets of a Deployment, ControllerRevisions of a DaemonSet/StatefulSet. */
async function history(r: CommandRun, info: Info): Promise<Revision[]> {
  const obj = info.object!;
  const ns = info.namespace;
  const out: Revision[] = [];
  if (info.mapping.kind === "Deployment") {
    for (const rs of await ownedBy(r, obj, resourcePath({ group: "apps", version: "v1", resource: "replicasets", namespaced: true }, ns))) {
      const v = Number(rs.metadata?.annotations?.[REVISION_ANNOTATION]);
      if (!Number.isInteger(v)) continue;
      const template = structuredClone(rs.spec?.template ?? {});
      const cause = rs.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION];
      template.metadata ??= {};
      if (cause) template.metadata.annotations = { ...(template.metadata.annotations ?? {}), [CHANGE_CAUSE_ANNOTATION]: cause };
      out.push({ revision: v, template, changeCause: cause, source: rs });
    }
  } else if (info.mapping.kind === "DaemonSet" || info.mapping.kind === "StatefulSet") {
    const meta = builtinPatchMeta(info.mapping)!;
    for (const cr of await ownedBy(r, obj, resourcePath({ group: "apps", version: "v1", resource: "controllerrevisions", namespaced: true }, ns))) {
      // The revision's data is a strategic merge patch of the pod template onto the object.
      const applied = applyPatch(STRATEGIC_MERGE_PATCH_CONTENT_TYPE, obj, cr.data ?? {}, meta) as KubeObject;
      out.push({ revision: cr.revision, template: applied.spec?.template ?? {}, changeCause: cr.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION], source: cr });
    }
  } else throw new KubectlError(`no history viewer has been implemented for ${info.mapping.kind}`);
  // One entry per revision number (a later one wins, as the map in Go), in increasing order.
  const byRev = new Map<number, Revision>();
  for (const h of out) byRev.set(h.revision, h);
  return [...byRev.values()].sort((a, b) => a.revision - b.revision);
}

/** describe.NewPrefixWriter: writes straight through (no tab alignment). */
function rawPrefixWriter(): PrefixWriter & { text: string } {
  const w = {
    text: "",
    write(level: number, text: string) {
      w.text += "  ".repeat(level) + text;
    },
    writeLine(text = "") {
      w.text += text + "\n";
    },
    flush() {},
  };
  return w;
}

function printTemplate(template: KubeObject): string {
  const w = rawPrefixWriter();
  describePodTemplate(template, w);
  return w.text;
}

/** REVISION / CHANGE-CAUSE, aligned like a tabwriter with padding 2. */
function historyTable(revs: Revision[]): string {
  const width = Math.max("REVISION".length, ...revs.map((h) => String(h.revision).length)) + 2;
  let out = `${"REVISION".padEnd(width)}CHANGE-CAUSE\n`;
  for (const h of revs) out += `${String(h.revision).padEnd(width)}${h.changeCause || "<none>"}\n`;
  return out;
}

const historyCommand: KubectlCommand = {
  name: "history",
  short: "View rollout history",
  ...ROLLOUT_HISTORY_HELP,
  async run(r) {
    const output = r.flags.string("output");
    validateOutput(output);
    const revision = r.flags.int("revision");
    if (revision < 0) throw new KubectlError(`revision must be a positive integer: ${revision}`);
    const { infos, errors } = await infosFor(r);
    const failures = [...errors];
    for (const info of infos) {
      try {
        const revs = await history(r, info);
        if (output) {
          const shown = revision > 0 ? revs.filter((h) => h.revision === revision) : revs;
          for (const h of shown) printObjects(r, [h.source], output);
          continue;
        }
        let text: string;
        if (!revs.length) text = "No rollout history found.";
        else if (revision > 0) {
          const h = revs.find((x) => x.revision === revision);
          if (!h) throw new KubectlError("unable to find the specified revision");
          text = printTemplate(h.template);
        } else text = historyTable(revs);
        r.env.stdout.write(`${kindName(info)} ${revision > 0 ? `with revision #${revision}` : ""}\n${text}\n`);
      } catch (e) {
        failures.push(e);
      }
    }
    return reportErrors(r, failures, formatError);
  },
};

// ---------------------------------------------------------------- undo

const SKIP_ANNOTATIONS = new Set([
  "kubectl.kubernetes.io/last-applied-configuration",
  REVISION_ANNOTATION,
  "deployment.kubernetes.io/revision-history",
  "deployment.kubernetes.io/desired-replicas",
  "deployment.kubernetes.io/max-replicas",
  "deprecated.deployment.rollback.to",
]);

function withoutHash(t: KubeObject): KubeObject {
  const c = structuredClone(t ?? {});
  if (c.metadata?.labels) {
    delete c.metadata.labels[HASH_LABEL];
  }
  return c;
}

async function rollback(r: CommandRun, info: Info, toRevision: number, dryRun: DryRun): Promise<string> {
  const obj = info.object!;
  if (toRevision < 0) throw new KubectlError(`unable to find specified revision ${toRevision} in history`);
  if (info.mapping.kind === "Deployment" && obj.spec?.paused) {
    throw new KubectlError("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
  }
  const revs = await history(r, info);
  let target: Revision | undefined;
  if (toRevision > 0) {
    target = revs.find((h) => h.revision === toRevision);
    if (!target) throw new KubectlError(`unable to find specified revision ${toRevision} in history`);
  } else {
    target = revs.length >= 2 ? revs[revs.length - 2] : undefined;
    if (!target) throw new KubectlError(`no rollout history found for ${info.mapping.kind === "Deployment" ? "deployment" : info.mapping.kind.toLowerCase()} "${info.name}"`);
  }
  if (info.mapping.kind === "Deployment") {
    const rsTemplate = structuredClone(target.source.spec?.template ?? {});
    if (dryRun === "client") return printTemplate(rsTemplate);
    if (deepEqual(withoutHash(rsTemplate), withoutHash(obj.spec?.template))) return `skipped rollback (current template already matches revision ${target.revision})`;
    const template = withoutHash(rsTemplate);
    const annotations: Record<string, string> = {};
    for (const [k, v] of Object.entries<string>(obj.metadata?.annotations ?? {})) if (SKIP_ANNOTATIONS.has(k)) annotations[k] = v;
    for (const [k, v] of Object.entries<string>(target.source.metadata?.annotations ?? {})) if (!SKIP_ANNOTATIONS.has(k)) annotations[k] = v;
    const patch = [
      { op: "replace", path: "/spec/template", value: template },
      { op: "replace", path: "/metadata/annotations", value: annotations },
    ];
    try {
      await send(r, "PATCH", infoPath(info), { query: { dryRun: dryRun === "server" ? "All" : undefined }, body: patch, contentType: "application/json-patch+json" });
    } catch (e) {
      throw new KubectlError(`failed restoring revision ${target.revision}: ${e instanceof Error ? e.message : String(e)}`);
    }
    return "rolled back";
  }
  // DaemonSet / StatefulSet: the revision's data is the patch that restores its template.
  if (dryRun === "client") return printTemplate(target.template);
  if (deepEqual(target.template, obj.spec?.template)) return `skipped rollback (current template already matches revision ${target.revision})`;
  try {
    await send(r, "PATCH", infoPath(info), { query: { dryRun: dryRun === "server" ? "All" : undefined }, body: target.source.data ?? {}, contentType: STRATEGIC_MERGE_PATCH_CONTENT_TYPE });
  } catch (e) {
    throw new KubectlError(`failed restoring revision ${target.revision}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return "rolled back";
}

const undoCommand: KubectlCommand = {
  name: "undo",
  short: "Undo a previous rollout",
  ...ROLLOUT_UNDO_HELP,
  async run(r) {
    const output = r.flags.string("output");
    validateOutput(output);
    const dryRun = dryRunStrategy(r);
    const { infos, errors } = await infosFor(r);
    const failures = [...errors];
    for (const info of infos) {
      try {
        if (!["Deployment", "DaemonSet", "StatefulSet"].includes(info.mapping.kind)) throw new KubectlError(`no rollbacker has been implemented for "${info.mapping.group}/${info.mapping.kind}"`);
        const result = await rollback(r, info, r.flags.int("to-revision"), dryRun);
        if (output === "name") r.env.stdout.write(`${kindName(info)}\n`);
        else if (output) printObjects(r, [info.object!], output);
        else r.env.stdout.write(successLine(info, result, dryRun));
      } catch (e) {
        failures.push(e);
      }
    }
    return reportErrors(r, failures, formatError);
  },
};

// ---------------------------------------------------------------- pause / resume / restart

type Mutator = (obj: KubeObject, r: CommandRun) => KubeObject;

function pauser(obj: KubeObject): KubeObject {
  if (obj.kind !== "Deployment") throw new Error(`pausing is not supported`);
  if (obj.spec?.paused) throw new Error("is already paused");
  return { ...obj, spec: { ...obj.spec, paused: true } };
}

function resumer(obj: KubeObject): KubeObject {
  if (obj.kind !== "Deployment") throw new Error(`resuming is not supported`);
  if (!obj.spec?.paused) throw new Error("is not paused");
  return { ...obj, spec: { ...obj.spec, paused: false } };
}

/** time.Now().Format(time.RFC3339) in UTC. */
function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function restarter(obj: KubeObject, r: CommandRun): KubeObject {
  if (obj.kind === "Deployment" && obj.spec?.paused) throw new Error("can't restart paused deployment (run rollout resume first)");
  if (!["Deployment", "DaemonSet", "StatefulSet"].includes(obj.kind)) throw new Error(`restarting is not supported`);
  const c = structuredClone(obj);
  c.spec.template.metadata ??= {};
  c.spec.template.metadata.annotations = { ...(c.spec.template.metadata.annotations ?? {}), "kubectl.kubernetes.io/restartedAt": rfc3339(r.env.host.now()) };
  return c;
}

function mutatingCommand(name: string, help: typeof ROLLOUT_PAUSE_HELP, short: string, mutate: Mutator, done: string, unchanged: string): KubectlCommand {
  return {
    name,
    short,
    ...help,
    async run(r) {
      const output = r.flags.string("output");
      validateOutput(output);
      const dryRun = hasDryRun(r) ? dryRunStrategy(r) : "none";
      const { infos, errors } = await infosFor(r);
      const failures = [...errors];
      for (const info of infos) {
        const obj = { ...info.object!, kind: info.mapping.kind };
        let modified: KubeObject;
        try {
          modified = mutate(obj, r);
        } catch (e) {
          const resource = info.mapping.group ? `${info.mapping.resource}.${info.mapping.group}` : info.mapping.resource;
          failures.push(new KubectlError(`${resource} "${info.name}" ${(e as Error).message}`));
          continue;
        }
        const { patch } = twoWayPatch(info.mapping, obj, modified);
        if (Object.keys(patch).length === 0) {
          r.env.stdout.write(successLine(info, unchanged, dryRun));
          continue;
        }
        let result = modified;
        if (dryRun !== "client") {
          try {
            result = await send(r, "PATCH", infoPath(info), {
              query: { dryRun: dryRun === "server" ? "All" : undefined, fieldManager: r.flags.string("field-manager") || undefined },
              body: patch,
              contentType: STRATEGIC_MERGE_PATCH_CONTENT_TYPE,
            });
          } catch (e) {
            failures.push(new KubectlError(`failed to patch: ${e instanceof ServerError ? e.status.message : (e as Error).message}`));
            continue;
          }
        }
        if (output === "name") r.env.stdout.write(`${kindName(info)}\n`);
        else if (output) printObjects(r, [result], output);
        else r.env.stdout.write(successLine(info, done, dryRun));
      }
      return reportErrors(r, failures, formatError);
    },
  };
}

function hasDryRun(r: CommandRun): boolean {
  return (r.command.flags ?? []).some((f) => f.name === "dry-run");
}

export const rolloutCommand: KubectlCommand = {
  name: "rollout",
  short: "Manage the rollout of a resource",
  ...ROLLOUT_HELP,
  flags: [],
  subcommands: [
    historyCommand,
    mutatingCommand("pause", ROLLOUT_PAUSE_HELP, "Mark the provided resource as paused", pauser, "paused", "already paused"),
    mutatingCommand("restart", ROLLOUT_RESTART_HELP, "Restart a resource", restarter, "restarted", "restarted"),
    mutatingCommand("resume", ROLLOUT_RESUME_HELP, "Resume a paused resource", resumer, "resumed", "already resumed"),
    statusCommand,
    undoCommand,
  ],
  run: defaultSubCommandRun("stdout"),
};
