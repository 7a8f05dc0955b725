// `kubectl create cronjob` (pkg/cmd/create/create_cronjob.go createCronJob).
import type { KubeObject } from "../client";
import { container, objectMeta, podSpec, podTemplate, typed } from "./common";

export interface CronJobOptions {
  name: string;
  namespace?: string;
  image: string;
  schedule: string;
  /** The pod's restartPolicy (kubectl defaults it to OnFailure). */
  restart: string;
  command: string[];
}

export function generateCronJob(o: CronJobOptions): KubeObject {
  const cj = typed("CronJob", "batch/v1", objectMeta({ name: o.name, namespace: o.namespace }));
  const pod = podSpec({ containers: [container({ name: o.name, image: o.image, command: o.command })], restartPolicy: o.restart });
  cj.spec = {
    schedule: o.schedule,
    jobTemplate: { metadata: objectMeta({ name: o.name }), spec: { template: podTemplate(undefined, pod) } },
  };
  cj.status = {};
  return cj;
}
