// `kubectl create job` (pkg/cmd/create/create_job.go): a Job running one image with
// restartPolicy Never, or a Job made from a CronJob's jobTemplate (`--from=cronjob/NAME`).
import type { KubeObject } from "../client";
import { container, objectMeta, podSpec, podTemplate, sortedMap, typed } from "./common";

export interface JobOptions {
  name: string;
  namespace?: string;
  image: string;
  command: string[];
}

export function generateJob(o: JobOptions): KubeObject {
  const job = typed("Job", "batch/v1", objectMeta({ name: o.name, namespace: o.namespace }));
  job.spec = { template: podTemplate(undefined, podSpec({ containers: [container({ name: o.name, image: o.image, command: o.command })], restartPolicy: "Never" })) };
  job.status = {};
  return job;
}

/**
 * createJobFromCronJob: the CronJob's job template with `cronjob.kubernetes.io/instantiate: manual`
 * and a controller reference to the CronJob (without blockOwnerDeletion, as kubectl leaves it out).
 */
export function generateJobFromCronJob(name: string, namespace: string | undefined, cronJob: KubeObject): KubeObject {
  const tmpl = cronJob.spec?.jobTemplate ?? {};
  const annotations = sortedMap<string>({ "cronjob.kubernetes.io/instantiate": "manual", ...((tmpl.metadata?.annotations ?? {}) as Record<string, string>) });
  const ownerReferences = [{ apiVersion: "batch/v1", kind: "CronJob", name: cronJob.metadata?.name, uid: cronJob.metadata?.uid, controller: true }];
  const job = typed("Job", "batch/v1", objectMeta({ name, namespace, labels: tmpl.metadata?.labels, annotations, ownerReferences }));
  job.spec = structuredClone(tmpl.spec ?? {});
  // The template is decoded into a Go struct and encoded again: its ObjectMeta shows a null creationTimestamp.
  if (job.spec.template) job.spec.template = { ...job.spec.template, metadata: { ...objectMeta({}), ...(job.spec.template.metadata ?? {}) } };
  job.status = {};
  return job;
}
