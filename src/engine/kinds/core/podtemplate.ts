// PodTemplate (core/v1): a stored pod template. Strategy from pkg/registry/core/podtemplate
// (generation bumps on template changes), ValidatePodTemplate, printPodTemplate.
import type { KindDef, KubeObject } from "../types";
import { kindSchema } from "../schema";
import { ObjectMeta } from "../common/meta";
import { col, nameColumn } from "../common/print";
import { formatLabels } from "../../machinery/labels";
import { applyPodTemplateSpecDefaults, dropDisabledTemplateFields, PodTemplateSpec, validatePodTemplateSpec, type PodTemplateSpec as PodTemplateSpecT } from "../common/pod";

export interface PodTemplate extends KubeObject {
  template?: PodTemplateSpecT;
}

export const PodTemplateSchema = kindSchema(
  "io.k8s.api.core.v1.PodTemplate",
  "PodTemplate describes a template for creating copies of a predefined pod.",
  {
    template: PodTemplateSpec.describe(
      "Template defines the pods that will be created from this pod template. https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status",
    ),
  },
  ObjectMeta.describe("Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata"),
);

export const podTemplate: KindDef<PodTemplate> = {
  group: "",
  version: "v1",
  kind: "PodTemplate",
  plural: "podtemplates",
  singular: "podtemplate",
  namespaced: true,
  schema: PodTemplateSchema,
  tracksGeneration: true,
  applyDefaults(pt, ctx) {
    // PodTemplate.Template is a non-pointer struct: always present.
    if (!pt.template || typeof pt.template !== "object") pt.template = {};
    applyPodTemplateSpecDefaults(pt.template, ctx);
  },
  prepareForCreate(pt) {
    dropDisabledTemplateFields(pt.template);
  },
  prepareForUpdate(pt, old) {
    dropDisabledTemplateFields(pt.template, old.template);
  },
  validate(pt) {
    return validatePodTemplateSpec(pt.template, "template");
  },
  columns: [
    nameColumn(),
    col("Containers", "string", "Names of each container in the template."),
    col("Images", "string", "Images referenced by each container in the template."),
    col("Pod Labels", "string", "The labels for the pod template."),
  ],
  printRow(pt) {
    const cs = pt.template?.spec?.containers ?? [];
    return [
      pt.metadata.name ?? "",
      cs.map((c) => c?.name ?? "").join(","),
      cs.map((c) => c?.image ?? "").join(","),
      formatLabels(pt.template?.metadata?.labels),
    ];
  },
};
