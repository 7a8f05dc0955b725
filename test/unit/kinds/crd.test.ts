import { describe, expect, test } from "vitest";
import {
  customResourceDefinition,
  evalJsonPath,
  isCustomResourceKind,
  kindDefFromCrd,
  type CustomResourceDefinition,
} from "../../../src/engine/kinds/apiextensions/crd";
import type { AdmissionContext, KubeObject } from "../../../src/engine/kinds/types";
import { fieldErrorString } from "../../../src/engine/machinery/field-errors";
import { Rng } from "../../../src/engine/machinery/rng";
import { decodeObject } from "../../../src/engine/apiserver/decode";
import { kindSchemaOf } from "../../../src/engine/apiserver/schemas";

const NOW = Date.parse("2024-05-01T12:00:00Z");

const cronTabSchema = {
  type: "object",
  properties: {
    spec: {
      type: "object",
      required: ["cronSpec"],
      properties: {
        cronSpec: { type: "string", pattern: "^(\\d+|\\*)(/\\d+)?(\\s+(\\d+|\\*)(/\\d+)?){4}$" },
        image: { type: "string" },
        replicas: { type: "integer", minimum: 1, maximum: 10, default: 1 },
        mode: { type: "string", enum: ["fast", "slow"] },
      },
    },
    status: { type: "object", properties: { replicas: { type: "integer" }, ready: { type: "boolean" } } },
  },
};

function crd(overrides: Partial<NonNullable<CustomResourceDefinition["spec"]>> = {}, name = "crontabs.stable.example.com"): CustomResourceDefinition {
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name, creationTimestamp: "2024-05-01T11:00:00Z" },
    spec: {
      group: "stable.example.com",
      scope: "Namespaced",
      names: { plural: "crontabs", singular: "crontab", kind: "CronTab", shortNames: ["ct"] },
      versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: structuredClone(cronTabSchema) } }],
      ...overrides,
    },
  } as CustomResourceDefinition;
}

function ctxWith(objs: KubeObject[] = []): AdmissionContext {
  return { nowMs: NOW, rng: new Rng("crd"), list: (r) => (r === "customresourcedefinitions.apiextensions.k8s.io" ? objs : []), get: () => undefined };
}

function created(c: CustomResourceDefinition, others: KubeObject[] = []): CustomResourceDefinition {
  customResourceDefinition.applyDefaults!(c, { nowMs: NOW });
  customResourceDefinition.prepareForCreate!(c, ctxWith(others));
  return c;
}
const errors = (c: CustomResourceDefinition, old?: CustomResourceDefinition) => customResourceDefinition.validate!(created(c), { nowMs: NOW, old }).map(fieldErrorString);

describe("CustomResourceDefinition description", () => {
  test("is cluster-scoped with short names crd and crds and a status subresource", () => {
    expect([customResourceDefinition.shortNames, customResourceDefinition.categories, customResourceDefinition.namespaced, customResourceDefinition.statusSubresource]).toEqual([
      ["crd", "crds"],
      ["api-extensions"],
      false,
      true,
    ]);
  });

  test("publishes JSONSchemaProps as one recursive definition", () => {
    const defs = kindSchemaOf(customResourceDefinition as never).definitions;
    expect(Object.keys(defs).filter((k) => k.startsWith("__"))).toEqual([]);
    expect(defs["io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps"]).toBeDefined();
  });
});

describe("CustomResourceDefinition defaulting and status", () => {
  test("defaults singular, listKind, conversion and storedVersions", () => {
    const c = crd({ names: { plural: "crontabs", kind: "CronTab" } });
    customResourceDefinition.applyDefaults!(c, { nowMs: NOW });
    expect(c.spec!.names).toEqual({ plural: "crontabs", kind: "CronTab", singular: "crontab", listKind: "CronTabList" });
    expect(c.spec!.conversion).toEqual({ strategy: "None" });
    expect(c.status!.storedVersions).toEqual(["v1"]);
  });

  test("is established on create with accepted names", () => {
    const c = created(crd());
    expect(c.status).toEqual({
      storedVersions: ["v1"],
      acceptedNames: { plural: "crontabs", singular: "crontab", kind: "CronTab", shortNames: ["ct"], listKind: "CronTabList" },
      conditions: [
        { type: "NamesAccepted", status: "True", lastTransitionTime: "2024-05-01T12:00:00Z", reason: "NoConflicts", message: "no conflicts found" },
        { type: "Established", status: "True", lastTransitionTime: "2024-05-01T12:00:00Z", reason: "InitialNamesAccepted", message: "the initial names have been accepted" },
      ],
    });
  });

  test("does not accept a plural another CRD of the group already has", () => {
    const other = created(crd({ names: { plural: "crontabs", singular: "crontab2", kind: "CronTab2" } }, "crontabs.stable.example.com"));
    other.metadata.name = "other.stable.example.com";
    const c = created(crd(), [other]);
    expect(c.status!.conditions).toEqual([
      { type: "NamesAccepted", status: "False", lastTransitionTime: "2024-05-01T12:00:00Z", reason: "PluralConflict", message: '"crontabs" is already in use' },
      { type: "Established", status: "False", lastTransitionTime: "2024-05-01T12:00:00Z", reason: "NotAccepted", message: "not all names are accepted" },
    ]);
  });

  test("adds a new storage version to storedVersions on update", () => {
    const old = created(crd());
    const c = crd({
      versions: [
        { name: "v1", served: true, storage: false, schema: { openAPIV3Schema: structuredClone(cronTabSchema) } },
        { name: "v2", served: true, storage: true, schema: { openAPIV3Schema: structuredClone(cronTabSchema) } },
      ],
    });
    customResourceDefinition.applyDefaults!(c, { nowMs: NOW });
    customResourceDefinition.prepareForUpdate!(c, old, ctxWith());
    expect(c.status!.storedVersions).toEqual(["v1", "v2"]);
    expect(c.status!.conditions).toEqual(old.status!.conditions);
  });
});

describe("CustomResourceDefinition validation", () => {
  test("accepts a complete CRD", () => {
    expect(errors(crd())).toEqual([]);
  });

  test.each<[string, CustomResourceDefinition, string[]]>([
    ["requires the name to be plural.group", crd({}, "crontab.stable.example.com"), ['metadata.name: Invalid value: "crontab.stable.example.com": must be spec.names.plural+"."+spec.group']],
    [
      "requires a group with a dot",
      crd({ group: "example" }, "crontabs.example"),
      ['spec.group: Invalid value: "example": should be a domain with at least one dot'],
    ],
    ["requires a known scope", crd({ scope: "Global" }), ['spec.scope: Unsupported value: "Global": supported values: "Cluster", "Namespaced"']],
    ["requires schemas", crd({ versions: [{ name: "v1", served: true, storage: true }] }), ["spec.versions[0].schema.openAPIV3Schema: Required value: schemas are required"]],
    [
      "requires exactly one storage version",
      crd({ versions: [{ name: "v1", served: true, storage: false, schema: { openAPIV3Schema: { type: "object" } } }] }),
      [
        'spec.versions: Invalid value: []apiextensions.CustomResourceDefinitionVersion{apiextensions.CustomResourceDefinitionVersion{Name:"v1", Served:true, Storage:false, Deprecated:false, DeprecationWarning:(*string)(nil), Schema:(*apiextensions.CustomResourceValidation)(nil), Subresources:(*apiextensions.CustomResourceSubresources)(nil), AdditionalPrinterColumns:[]apiextensions.CustomResourceColumnDefinition(nil), SelectableFields:[]apiextensions.SelectableField(nil)}}: must have exactly one version marked as storage version',
        "status.storedVersions: Invalid value: []string(nil): must have at least one stored version",
      ],
    ],
    [
      "reports structural schema errors under spec.validation for identical schemas",
      crd({ versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: { properties: { spec: { properties: { replicas: {} } } } } } }] }),
      [
        "spec.validation.openAPIV3Schema.properties[spec].properties[replicas].type: Required value: must not be empty for specified object fields",
        "spec.validation.openAPIV3Schema.properties[spec].type: Required value: must not be empty for specified object fields",
        "spec.validation.openAPIV3Schema.type: Required value: must not be empty at the root",
      ],
    ],
    [
      "rejects unknown types",
      crd({ versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: { type: "object", properties: { spec: { type: "dict" } } } } }] }),
      ['spec.validation.openAPIV3Schema.properties[spec].type: Unsupported value: "dict": supported values: "array", "boolean", "integer", "number", "object", "string"'],
    ],
    [
      "validates printer columns",
      crd({ versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: { type: "object" } }, additionalPrinterColumns: [{ name: "Spec", type: "text", jsonPath: "spec" }] }] }),
      [
        'spec.additionalPrinterColumns[0].type: Invalid value: "text": must be one of boolean,date,integer,number,string',
        'spec.additionalPrinterColumns[0].JSONPath: Invalid value: "spec": must be a simple json path starting with .',
      ],
    ],
    [
      "validates names",
      crd({ names: { plural: "CronTabs", singular: "crontab", kind: "CronTab", listKind: "CronTab" } }, "CronTabs.stable.example.com"),
      [
        `spec.names.plural: Invalid value: "CronTabs": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
        'spec.names.listKind: Invalid value: "CronTab": kind and listKind may not be the same',
      ],
    ],
  ])("%s", (_n, c, expected) => {
    const errs = errors(c).filter((e) => !e.startsWith("status.acceptedNames"));
    expect(errs).toEqual(expected);
  });

  test("makes group and plural immutable", () => {
    const old = created(crd());
    const c = crd({ names: { plural: "crons", singular: "crontab", kind: "CronTab" } }, "crons.stable.example.com");
    expect(errors(c, old)).toContain('spec.names.plural: Invalid value: "crons": field is immutable');
  });

  test("prints NAME and CREATED AT", () => {
    expect(customResourceDefinition.columns.map((c) => c.name)).toEqual(["Name", "Created At"]);
    expect(customResourceDefinition.printRow(crd(), { nowMs: NOW })).toEqual(["crontabs.stable.example.com", "2024-05-01T11:00:00Z"]);
  });
});

describe("custom resource kinds", () => {
  const withColumns = () =>
    created(
      crd({
        versions: [
          {
            name: "v1",
            served: true,
            storage: true,
            schema: { openAPIV3Schema: structuredClone(cronTabSchema) },
            subresources: { status: {}, scale: { specReplicasPath: ".spec.replicas", statusReplicasPath: ".status.replicas" } },
            additionalPrinterColumns: [
              { name: "Spec", type: "string", jsonPath: ".spec.cronSpec" },
              { name: "Replicas", type: "integer", jsonPath: ".spec.replicas" },
              { name: "Ready", type: "boolean", jsonPath: ".status.ready", priority: 1 },
              { name: "Age", type: "date", jsonPath: ".metadata.creationTimestamp" },
            ],
            selectableFields: [{ jsonPath: ".spec.image" }],
          },
          { name: "v1beta1", served: true, storage: false, schema: { openAPIV3Schema: structuredClone(cronTabSchema) } },
        ],
      }),
    );
  const cr = (spec: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    ({ apiVersion: "stable.example.com/v1", kind: "CronTab", metadata: { name: "my-cron", namespace: "default", creationTimestamp: "2024-05-01T11:30:00Z" }, spec, ...extra }) as KubeObject;

  test("describes the resource from the CRD's names, scope and subresources", () => {
    const def = kindDefFromCrd(withColumns(), "v1");
    expect([def.group, def.version, def.kind, def.plural, def.singular, def.shortNames, def.namespaced, def.statusSubresource, def.tracksGeneration]).toEqual([
      "stable.example.com",
      "v1",
      "CronTab",
      "crontabs",
      "crontab",
      ["ct"],
      true,
      true,
      true,
    ]);
    expect(def.scaleSubresource).toEqual({ specReplicasPath: ".spec.replicas", statusReplicasPath: ".status.replicas" });
    expect(isCustomResourceKind(def)).toBe(true);
    expect(kindSchemaOf(def).definitions["com.example.stable.v1.CronTab"]).toBeDefined();
  });

  test("converts between served versions through the storage version", () => {
    const def = kindDefFromCrd(withColumns(), "v1beta1");
    expect(def.conversion?.storageVersion).toBe("v1");
    expect(def.conversion!.fromStorage(cr({})).apiVersion).toBe("stable.example.com/v1beta1");
    expect(kindDefFromCrd(withColumns(), "v1").conversion).toBeUndefined();
  });

  test("applies schema defaults", () => {
    const def = kindDefFromCrd(withColumns(), "v1");
    const o = cr({ cronSpec: "* * * * */5" });
    def.applyDefaults!(o, { nowMs: NOW });
    expect(o.spec).toEqual({ cronSpec: "* * * * */5", replicas: 1 });
  });

  test.each<[string, Record<string, unknown>, string[]]>([
    ["accepts a valid object", { cronSpec: "* * * * */5", replicas: 3 }, []],
    ["requires required fields", { replicas: 3 }, ["spec.cronSpec: Required value"]],
    ["reports wrong types with kube-openapi's wording", { cronSpec: "* * * * *", replicas: "three" }, ['spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"']],
    ["checks bounds", { cronSpec: "* * * * *", replicas: 11 }, ["spec.replicas: Invalid value: 11: spec.replicas in body should be less than or equal to 10"]],
    ["checks enums", { cronSpec: "* * * * *", mode: "medium" }, ['spec.mode: Unsupported value: "medium": supported values: "fast", "slow"']],
    ["checks patterns", { cronSpec: "bad" }, [`spec.cronSpec: Invalid value: "bad": spec.cronSpec in body should match '^(\\d+|\\*)(/\\d+)?(\\s+(\\d+|\\*)(/\\d+)?){4}$'`]],
  ])("validation %s", (_n, spec, expected) => {
    const def = kindDefFromCrd(withColumns(), "v1");
    expect(def.validate!(cr(spec), { nowMs: NOW }).map(fieldErrorString)).toEqual(expected);
  });

  test("prunes unknown fields when decoded", () => {
    const def = kindDefFromCrd(withColumns(), "v1");
    const { object, unknownFields } = decodeObject(def, cr({ cronSpec: "* * * * *", extra: 1 }), "Warn");
    expect(unknownFields).toEqual(["spec.extra"]);
    expect(object.spec).toEqual({ cronSpec: "* * * * *" });
  });

  test("prints additionalPrinterColumns", () => {
    const def = kindDefFromCrd(withColumns(), "v1");
    expect(def.columns.map((c) => [c.name, c.type, c.priority])).toEqual([
      ["Name", "string", 0],
      ["Spec", "string", 0],
      ["Replicas", "integer", 0],
      ["Ready", "boolean", 1],
      ["Age", "date", 0],
    ]);
    expect(def.columns[1].description).toBe("Custom resource definition column (in JSONPath format): .spec.cronSpec");
    expect(def.printRow(cr({ cronSpec: "* * * * */5", replicas: 3 }, { status: { ready: true } }), { nowMs: NOW })).toEqual(["my-cron", "* * * * */5", 3, true, "30m"]);
    expect(def.printRow(cr({}), { nowMs: NOW })).toEqual(["my-cron", null, null, null, "30m"]);
  });

  test("prints NAME AGE without additionalPrinterColumns", () => {
    const def = kindDefFromCrd(created(crd()), "v1");
    expect(def.columns.map((c) => [c.name, c.type])).toEqual([
      ["Name", "string"],
      ["Age", "date"],
    ]);
    expect(def.printRow(cr({}), { nowMs: NOW })).toEqual(["my-cron", "30m"]);
  });

  test("serves selectable fields as field selectors", () => {
    const def = kindDefFromCrd(withColumns(), "v1");
    expect(def.fieldSelectors!["spec.image"](cr({ image: "busybox" }))).toBe("busybox");
  });

  test.each<[string, unknown[]]>([
    [".spec.replicas", [3]],
    [".status.conditions[?(@.type==\"Ready\")].status", ["True"]],
    [".status.conditions[*].type", ["Ready", "Synced"]],
    [".status.conditions[1].reason", ["Done"]],
    [".metadata.labels['app.kubernetes.io/name']", ["cron"]],
    [".spec.missing", []],
  ])("evaluates JSONPath %s", (path, expected) => {
    const o = {
      metadata: { labels: { "app.kubernetes.io/name": "cron" } },
      spec: { replicas: 3 },
      status: { conditions: [{ type: "Ready", status: "True" }, { type: "Synced", status: "False", reason: "Done" }] },
    };
    expect(evalJsonPath(o, path)).toEqual(expected);
  });
});
