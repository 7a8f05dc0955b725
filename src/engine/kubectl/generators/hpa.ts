// `kubectl autoscale`'s HorizontalPodAutoscaler (autoscaling/v1; pkg/cmd/autoscale/autoscale.go
// createHorizontalPodAutoscaler).
import type { KubeObject } from "../client";
import { objectMeta, typed } from "./common";

export interface HpaOptions {
  /** --name, else the target's name. */
  name: string;
  target: { apiVersion: string; kind: string; name: string };
  /** -1 or 0: unset. */
  min: number;
  max: number;
  /** -1: unset. */
  cpuPercent: number;
}

export function generateHpa(o: HpaOptions): KubeObject {
  const hpa = typed("HorizontalPodAutoscaler", "autoscaling/v1", objectMeta({ name: o.name }));
  const spec: KubeObject = { scaleTargetRef: { kind: o.target.kind, name: o.target.name, apiVersion: o.target.apiVersion } };
  if (o.min > 0) spec.minReplicas = o.min;
  spec.maxReplicas = o.max;
  if (o.cpuPercent >= 0) spec.targetCPUUtilizationPercentage = o.cpuPercent;
  hpa.spec = spec;
  hpa.status = { currentReplicas: 0, desiredReplicas: 0 };
  return hpa;
}
