import type { KindDef, KubeObject } from "../types";
import { bool, bytesMap, kindSchema, stringMap } from "../schema";
import { ObjectMeta } from "../common/meta";
import { age, ageColumn, col, nameColumn } from "../common/print";
import { invalid, key, type FieldError } from "../../machinery/field-errors";
import { isConfigMapKey } from "./configmap-keys";

export interface ConfigMap extends KubeObject {
  data?: Record<string, string>;
  binaryData?: Record<string, string>;
  immutable?: boolean;
}

export const configMap: KindDef<ConfigMap> = {
  group: "",
  version: "v1",
  kind: "ConfigMap",
  plural: "configmaps",
  singular: "configmap",
  shortNames: ["cm"],
  namespaced: true,
  schema: kindSchema(
    "io.k8s.api.core.v1.ConfigMap",
    "ConfigMap holds configuration data for pods to consume.",
    {
      binaryData: bytesMap(
        "BinaryData contains the binary data. Each key must consist of alphanumeric characters, '-', '_' or '.'. BinaryData can contain byte sequences that are not in the UTF-8 range. The keys stored in BinaryData must not overlap with the ones in the Data field, this is enforced during validation process. Using this field will require 1.10+ apiserver and kubelet.",
      ),
      data: stringMap(
        "Data contains the configuration data. Each key must consist of alphanumeric characters, '-', '_' or '.'. Values with non-UTF-8 byte sequences must use the BinaryData field. The keys stored in Data must not overlap with the keys in the BinaryData field, this is enforced during validation process.",
      ),
      immutable: bool(
        "Immutable, if set to true, ensures that data stored in the ConfigMap cannot be updated (only object metadata can be modified). If not set to true, the field can be modified at any time. Defaulted to nil.",
      ),
    },
    ObjectMeta,
  ),
  validate(cm, ctx) {
    const errs: FieldError[] = [];
    for (const k of Object.keys(cm.data ?? {})) {
      for (const msg of isConfigMapKey(k)) errs.push(invalid(key("data", k), k, msg));
    }
    for (const k of Object.keys(cm.binaryData ?? {})) {
      for (const msg of isConfigMapKey(k)) errs.push(invalid(key("binaryData", k), k, msg));
      if (cm.data && k in cm.data) errs.push(invalid(key("data", k), k, "duplicate of key present in binaryData"));
    }
    const old = ctx.old as ConfigMap | undefined;
    if (old?.immutable) {
      if (JSON.stringify(old.data ?? {}) !== JSON.stringify(cm.data ?? {}) || JSON.stringify(old.binaryData ?? {}) !== JSON.stringify(cm.binaryData ?? {})) {
        errs.push({ type: "FieldValueForbidden", field: "data", detail: "field is immutable when `immutable` is set", hasValue: false });
      }
      if (!cm.immutable) errs.push({ type: "FieldValueForbidden", field: "immutable", detail: "field is immutable when `immutable` is set", hasValue: false });
    }
    return errs;
  },
  columns: [nameColumn(), col("Data", "integer", "Data contains the configuration data. Each key must consist of alphanumeric characters, '-', '_' or '.'. Values with non-UTF-8 byte sequences must use the BinaryData field. The keys stored in Data must not overlap with the keys in the BinaryData field, this is enforced during validation process."), ageColumn()],
  printRow: (cm, ctx) => [cm.metadata.name!, Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length, age(cm, ctx.nowMs)],
};
