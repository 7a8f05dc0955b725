// The controllers that follow node health, disruption budgets and autoscaling, in the order they
// run: node conditions and taints first (so the taint eviction controller and the scheduler see
// them in the same pass), then the disruption budgets evictions spend, then the autoscaler.
import type { Controller } from "./types";
import { nodeLifecycleController } from "./node-lifecycle";
import { taintEvictionController } from "./taint-eviction";
import { disruptionController } from "./disruption";
import { horizontalPodAutoscalerController } from "./hpa";

export const NODE_AND_AUTOSCALING_CONTROLLERS: readonly Controller[] = [nodeLifecycleController, taintEvictionController, disruptionController, horizontalPodAutoscalerController];
