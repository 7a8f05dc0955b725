// HorizontalPodAutoscaler describer (describe.go's describeHorizontalPodAutoscalerV2): the metrics
// as "current / target", replica bounds, behavior, and conditions. kubectl reads the autoscaling/v2
// object first.
import { getJson, groupPath, type Describer } from "./context";
import { describeEvents, eventsFor, refOf } from "./events";
import { printAnnotationsMultiline, printLabelsMultiline, quantityPtr as quantity, rfc1123z, type Obj } from "./format";
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbedString, type PrefixWriter } from "./writer";

export const describeHorizontalPodAutoscaler: Describer = async (ctx, ns, name) => {
  const hpa = await getJson(ctx, groupPath("autoscaling/v2", "horizontalpodautoscalers", ns, name));
  const events = await eventsFor(ctx, refOf(hpa, "HorizontalPodAutoscaler"));
  return renderHorizontalPodAutoscaler(hpa, events, ctx.nowMs);
};

/** %q of a Go string. */
function quote(s: string): string {
  return JSON.stringify(s);
}

export function renderHorizontalPodAutoscaler(hpa: Obj, events: Obj[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    const spec = hpa.spec ?? {};
    const status = hpa.status ?? {};
    const current: Obj[] = status.currentMetrics ?? [];
    w.write(LEVEL_0, `Name:\t${hpa.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${hpa.metadata?.namespace ?? ""}\n`);
    printLabelsMultiline(w, "Labels", hpa.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", hpa.metadata?.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(hpa.metadata?.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Reference:\t${spec.scaleTargetRef?.kind ?? ""}/${spec.scaleTargetRef?.name ?? ""}\n`);
    w.write(LEVEL_0, "Metrics:\t( current / target )\n");
    (spec.metrics ?? []).forEach((m: Obj, i: number) => {
      const cur = current[i];
      switch (m.type) {
        case "External": {
          const name = quote(m.external?.metric?.name ?? "");
          if (m.external?.target?.averageValue !== undefined) {
            const c = cur?.external?.current?.averageValue !== undefined ? quantity(cur.external.current.averageValue) : "<unknown>";
            w.write(LEVEL_1, `${name} (target average value):\t${c} / ${quantity(m.external.target.averageValue)}\n`);
          } else {
            const c = cur?.external ? quantity(cur.external.current?.value) : "<unknown>";
            w.write(LEVEL_1, `${name} (target value):\t${c} / ${quantity(m.external?.target?.value)}\n`);
          }
          break;
        }
        case "Pods": {
          const c = cur?.pods ? quantity(cur.pods.current?.averageValue) : "<unknown>";
          w.write(LEVEL_1, `${quote(m.pods?.metric?.name ?? "")} on pods:\t${c} / ${quantity(m.pods?.target?.averageValue)}\n`);
          break;
        }
        case "Object": {
          w.write(LEVEL_1, `"${m.object?.metric?.name ?? ""}" on ${m.object?.describedObject?.kind ?? ""}/${m.object?.describedObject?.name ?? ""} `);
          if (m.object?.target?.type === "AverageValue") {
            const c = cur?.object ? quantity(cur.object.current?.averageValue) : "<unknown>";
            w.write(LEVEL_0, `(target average value):\t${c} / ${quantity(m.object.target.averageValue)}\n`);
          } else {
            const c = cur?.object ? quantity(cur.object.current?.value) : "<unknown>";
            w.write(LEVEL_0, `(target value):\t${c} / ${quantity(m.object?.target?.value)}\n`);
          }
          break;
        }
        case "Resource":
          describeResourceMetric(w, `resource ${m.resource?.name ?? ""} on pods`, m.resource?.target, cur?.resource);
          break;
        case "ContainerResource":
          describeResourceMetric(w, `resource ${m.containerResource?.name ?? ""} of container "${m.containerResource?.container ?? ""}" on pods`, m.containerResource?.target, cur?.containerResource);
          break;
        default:
          w.write(LEVEL_1, `<unknown metric type ${quote(String(m.type ?? ""))}>\n`);
      }
    });
    w.write(LEVEL_0, `Min replicas:\t${spec.minReplicas ?? "<unset>"}\n`);
    w.write(LEVEL_0, `Max replicas:\t${spec.maxReplicas ?? 0}\n`);
    if (spec.behavior) {
      w.write(LEVEL_0, "Behavior:\n");
      printDirectionBehavior(w, "Scale Up", spec.behavior.scaleUp);
      printDirectionBehavior(w, "Scale Down", spec.behavior.scaleDown);
    }
    w.write(LEVEL_0, `${spec.scaleTargetRef?.kind ?? ""} pods:\t`);
    w.write(LEVEL_0, `${status.currentReplicas ?? 0} current / ${status.desiredReplicas ?? 0} desired\n`);
    const conditions: Obj[] = status.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, "Conditions:\n");
      w.write(LEVEL_1, "Type\tStatus\tReason\tMessage\n");
      w.write(LEVEL_1, "----\t------\t------\t-------\n");
      for (const c of conditions) w.write(LEVEL_1, `${c.type ?? ""}\t${c.status ?? ""}\t${c.reason ?? ""}\t${c.message ?? ""}\n`);
    }
    if (events) describeEvents(events, w, nowMs);
  });
}

/** A Resource or ContainerResource metric: an average value, or a utilization percentage of the request. */
function describeResourceMetric(w: PrefixWriter, label: string, target: Obj | undefined, cur: Obj | undefined): void {
  w.write(LEVEL_1, label);
  if (target?.averageValue !== undefined) {
    const c = cur ? quantity(cur.current?.averageValue) : "<unknown>";
    w.write(LEVEL_0, `:\t${c} / ${quantity(target.averageValue)}\n`);
    return;
  }
  const utilization = cur?.current?.averageUtilization;
  const c = cur && utilization !== undefined && utilization !== null ? `${utilization}% (${quantity(cur.current?.averageValue)})` : "<unknown>";
  const t = target?.averageUtilization !== undefined && target?.averageUtilization !== null ? `${target.averageUtilization}%` : "<auto>";
  w.write(LEVEL_1, `(as a percentage of request):\t${c} / ${t}\n`);
}

function printDirectionBehavior(w: PrefixWriter, direction: string, rules: Obj | undefined): void {
  if (!rules) return;
  w.write(LEVEL_1, `${direction}:\n`);
  if (rules.stabilizationWindowSeconds !== undefined && rules.stabilizationWindowSeconds !== null) w.write(LEVEL_2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds\n`);
  if ((rules.policies ?? []).length > 0) {
    w.write(LEVEL_2, `Select Policy: ${rules.selectPolicy ?? "Max"}\n`);
    w.write(LEVEL_2, "Policies:\n");
    for (const p of rules.policies) w.write(LEVEL_3, `- Type: ${p.type ?? ""}\tValue: ${p.value ?? 0}\tPeriod: ${p.periodSeconds ?? 0} seconds\n`);
  }
}
