// `kubectl create priorityclass` (pkg/cmd/create/create_priorityclass.go).
import type { KubeObject } from "../client";
import { objectMeta, typed } from "./common";

export interface PriorityClassOptions {
  name: string;
  value: number;
  globalDefault: boolean;
  description: string;
  preemptionPolicy: string;
}

export function generatePriorityClass(o: PriorityClassOptions): KubeObject {
  const pc = typed("PriorityClass", "scheduling.k8s.io/v1", objectMeta({ name: o.name }));
  pc.value = o.value;
  if (o.globalDefault) pc.globalDefault = true;
  if (o.description) pc.description = o.description;
  pc.preemptionPolicy = o.preemptionPolicy;
  return pc;
}
