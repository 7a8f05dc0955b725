// PodDisruptionBudget and PriorityClass describers (describe.go).
import { getJson, groupPath, type Describer } from "./context";
import { describeEvents, eventsFor, refOf } from "./events";
import { formatLabelSelector, intOrString, type Obj } from "./format";
import { formatLabels } from "../../machinery/labels";
import { LEVEL_0, LEVEL_2, tabbedString } from "./writer";

export const describePodDisruptionBudget: Describer = async (ctx, ns, name) => {
  const pdb = await getJson(ctx, groupPath("policy/v1", "poddisruptionbudgets", ns, name));
  const events = await eventsFor(ctx, refOf(pdb, "PodDisruptionBudget"));
  return renderPodDisruptionBudget(pdb, events, ctx.nowMs);
};

export function renderPodDisruptionBudget(pdb: Obj, events: Obj[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    const spec = pdb.spec ?? {};
    const status = pdb.status ?? {};
    w.write(LEVEL_0, `Name:\t${pdb.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${pdb.metadata?.namespace ?? ""}\n`);
    if (spec.minAvailable !== undefined && spec.minAvailable !== null) w.write(LEVEL_0, `Min available:\t${intOrString(spec.minAvailable)}\n`);
    else if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) w.write(LEVEL_0, `Max unavailable:\t${intOrString(spec.maxUnavailable)}\n`);
    w.write(LEVEL_0, spec.selector ? `Selector:\t${formatLabelSelector(spec.selector)}\n` : "Selector:\t<unset>\n");
    w.write(LEVEL_0, "Status:\n");
    w.write(LEVEL_2, `Allowed disruptions:\t${status.disruptionsAllowed ?? 0}\n`);
    w.write(LEVEL_2, `Current:\t${status.currentHealthy ?? 0}\n`);
    w.write(LEVEL_2, `Desired:\t${status.desiredHealthy ?? 0}\n`);
    w.write(LEVEL_2, `Total:\t${status.expectedPods ?? 0}\n`);
    if (events) describeEvents(events, w, nowMs);
  });
}

export const describePriorityClass: Describer = async (ctx, _ns, name) => {
  const pc = await getJson(ctx, groupPath("scheduling.k8s.io/v1", "priorityclasses", undefined, name));
  const events = await eventsFor(ctx, refOf(pc, "PriorityClass"));
  return renderPriorityClass(pc, events, ctx.nowMs);
};

export function renderPriorityClass(pc: Obj, events: Obj[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pc.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Value:\t${pc.value ?? 0}\n`);
    w.write(LEVEL_0, `GlobalDefault:\t${pc.globalDefault === true}\n`);
    w.write(LEVEL_0, `PreemptionPolicy:\t${pc.preemptionPolicy ?? ""}\n`);
    w.write(LEVEL_0, `Description:\t${pc.description ?? ""}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(pc.metadata?.annotations)}\n`);
    if (events) describeEvents(events, w, nowMs);
  });
}
