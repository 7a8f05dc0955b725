import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { KindRegistry } from "../../src/engine/kinds/registry";
import type { KindDef } from "../../src/engine/kinds/types";
import { int, intOrString, kindSchema, list, obj, quantity, quantityMap, str, strEnum, stringMap } from "../../src/engine/kinds/schema";
import { LabelSelector, ObjectMeta } from "../../src/engine/kinds/common/meta";
import { configMap } from "../../src/engine/kinds/core/configmap";
import { openApiDocument, openApiIndex, sha512Hex } from "../../src/engine/apiserver/openapi";

// ---------------------------------------------------------------------------------------------
// Small kinds built for the tests
// ---------------------------------------------------------------------------------------------

const printing = { columns: [], printRow: () => [] } as Pick<KindDef, "columns" | "printRow">;

const Port = obj(
  { containerPort: int("Number of port to expose."), name: str("Port name."), protocol: strEnum(["TCP", "UDP", "SCTP"], "Protocol for port.") },
  { id: "io.k8s.api.core.v1.ContainerPort", desc: "ContainerPort represents a network port in a single container.", required: ["containerPort"] },
);
const Container = obj(
  {
    name: str("Name of the container."),
    image: str("Container image name."),
    ports: list(Port, { mergeKey: "containerPort", strategy: "merge", listType: "map", listMapKeys: ["containerPort", "protocol"], desc: "List of ports to expose from the container." }),
    resources: obj({ limits: quantityMap("Limits describes the maximum amount of compute resources allowed.") }, { id: "io.k8s.api.core.v1.ResourceRequirements", desc: "ResourceRequirements describes the compute resource requirements." }).describe("Compute Resources required by this container."),
  },
  { id: "io.k8s.api.core.v1.Container", desc: "A single application container that you want to run within a pod.", required: ["name"] },
);
const RollingUpdate = obj(
  { maxSurge: intOrString("The maximum number of pods that can be scheduled above the desired number of pods."), maxUnavailable: intOrString("The maximum number of pods that can be unavailable during the update.") },
  { id: "io.k8s.api.apps.v1.RollingUpdateDeployment", desc: "Spec to control the desired behavior of rolling update." },
);
const Strategy = obj(
  { type: strEnum(["Recreate", "RollingUpdate"], "Type of deployment."), rollingUpdate: RollingUpdate.describe("Rolling update config params.") },
  { id: "io.k8s.api.apps.v1.DeploymentStrategy", desc: "DeploymentStrategy describes how to replace existing pods with new ones.", strategy: "retainKeys" },
);
const DeploymentSpec = obj(
  {
    replicas: int("Number of desired pods."),
    selector: LabelSelector.describe("Label selector for pods."),
    strategy: Strategy.describe("The deployment strategy to use to replace existing pods with new ones."),
    template: obj(
      { metadata: ObjectMeta.describe("Standard object's metadata."), spec: obj({ containers: list(Container, { mergeKey: "name", strategy: "merge", desc: "List of containers belonging to the pod." }) }, { id: "io.k8s.api.core.v1.PodSpec", desc: "PodSpec is a description of a pod." }).describe("Specification of the desired behavior of the pod.") },
      { id: "io.k8s.api.core.v1.PodTemplateSpec", desc: "PodTemplateSpec describes the data a pod should have when created from a template" },
    ).describe("Template describes the pods that will be created."),
  },
  { id: "io.k8s.api.apps.v1.DeploymentSpec", desc: "DeploymentSpec is the specification of the desired behavior of the Deployment.", required: ["selector", "template"] },
);

const deployment: KindDef = {
  ...printing,
  group: "apps",
  version: "v1",
  kind: "Deployment",
  plural: "deployments",
  singular: "deployment",
  namespaced: true,
  statusSubresource: true,
  scaleSubresource: { specReplicasPath: "spec.replicas", statusReplicasPath: "status.replicas" },
  schema: kindSchema(
    "io.k8s.api.apps.v1.Deployment",
    "Deployment enables declarative updates for Pods and ReplicaSets.",
    {
      spec: DeploymentSpec.describe("Specification of the desired behavior of the Deployment."),
      status: obj({ replicas: int("Total number of non-terminated pods targeted by this deployment.") }, { id: "io.k8s.api.apps.v1.DeploymentStatus", desc: "DeploymentStatus is the most recently observed status of the Deployment." }).describe("Most recently observed status of the Deployment."),
    },
    ObjectMeta,
  ),
};

const node: KindDef = {
  ...printing,
  group: "",
  version: "v1",
  kind: "Node",
  plural: "nodes",
  singular: "node",
  namespaced: false,
  statusSubresource: true,
  schema: kindSchema(
    "io.k8s.api.core.v1.Node",
    "Node is a worker node in Kubernetes.",
    { status: obj({ capacity: quantityMap("Capacity represents the total resources of a node."), ephemeral: quantity("A single quantity.") }, { id: "io.k8s.api.core.v1.NodeStatus", desc: "NodeStatus is information about the current status of a node." }).describe("Most recently observed status of the node.") },
    ObjectMeta,
  ),
};

const review: KindDef = {
  ...printing,
  group: "authorization.k8s.io",
  version: "v1",
  kind: "SelfSubjectAccessReview",
  plural: "selfsubjectaccessreviews",
  singular: "selfsubjectaccessreview",
  namespaced: false,
  verbs: ["create"],
  schema: kindSchema("io.k8s.api.authorization.v1.SelfSubjectAccessReview", "SelfSubjectAccessReview checks whether or the current user can perform an action.", { spec: obj({ verb: str("Verb.") }).describe("Spec holds information about the request being evaluated.") }, ObjectMeta),
};

const crontab: KindDef = {
  ...printing,
  group: "stable.example.com",
  version: "v1",
  kind: "CronTab",
  plural: "crontabs",
  singular: "crontab",
  namespaced: true,
  schema: kindSchema("com.example.stable.v1.CronTab", "", { spec: obj({ cronSpec: str(), replicas: intOrString(), labels: stringMap() }) }, ObjectMeta),
};

type Doc = { openapi: string; paths: Record<string, any>; components: { schemas: Record<string, any> } };
const docOf = (reg: KindRegistry, key: string) => openApiDocument(reg, key)!.body as Doc;
const ref = (name: string) => `#/components/schemas/${name}`;

function refsIn(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) v.forEach((x) => refsIn(x, out));
  else if (v && typeof v === "object") {
    for (const [k, x] of Object.entries(v)) {
      if (k === "$ref" && typeof x === "string") out.push(x);
      else refsIn(x, out);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// What kubectl does with the documents, in miniature
// ---------------------------------------------------------------------------------------------

/** explain v2 (plaintext.tmpl): the GVK of the first get/post/put/patch/delete on the resource's paths. */
function explainGvk(doc: Doc, group: string, version: string, resource: string) {
  const prefix = group ? `/apis/${group}` : "/api";
  for (const p of [`${prefix}/${version}/${resource}`, `${prefix}/${version}/${resource}/{name}`, `${prefix}/${version}/namespaces/{namespace}/${resource}`, `${prefix}/${version}/namespaces/{namespace}/${resource}/{name}`]) {
    for (const m of ["get", "post", "put", "patch", "delete"]) {
      const gvk = doc.paths[p]?.[m]?.["x-kubernetes-group-version-kind"];
      if (gvk) return gvk;
    }
  }
  return undefined;
}

/** apimachinery strategicpatch.PatchMetaFromOpenAPIV3: traverse properties, read extensions on the field, then resolve allOf[0]/$ref. */
function patchMetaAt(doc: Doc, kindSchema: any, path: string[]) {
  let s = kindSchema;
  let meta: { mergeKey?: string; strategy?: string } = {};
  for (const key of path) {
    if (!s.properties?.[key]) throw new Error(`unable to find api field "${key}"`);
    s = s.properties[key];
    meta = { mergeKey: s["x-kubernetes-patch-merge-key"], strategy: s["x-kubernetes-patch-strategy"] };
    if (s.items) s = s.items;
    if (s.allOf?.length) s = s.allOf[0];
    if (s.$ref) s = doc.components.schemas[s.$ref.replace("#/components/schemas/", "")];
    if (!s) throw new Error("unresolved ref");
  }
  return meta;
}

// ---------------------------------------------------------------------------------------------

describe("GET /openapi/v3", () => {
  const reg = new KindRegistry([configMap, node, deployment, review]);

  test("lists every group-version plus api, apis, the groups and version, with content hashes", () => {
    const index = openApiIndex(reg) as { paths: Record<string, { serverRelativeURL: string }> };
    expect(Object.keys(index.paths)).toEqual(["api", "api/v1", "apis", "apis/apps", "apis/apps/v1", "apis/authorization.k8s.io", "apis/authorization.k8s.io/v1", "version"]);
    for (const [key, { serverRelativeURL }] of Object.entries(index.paths)) {
      const m = /^\/openapi\/v3\/(.+)\?hash=([0-9A-F]{128})$/.exec(serverRelativeURL);
      expect(m?.[1]).toBe(key);
      expect(openApiDocument(reg, key)!.hash).toBe(m![2]);
    }
  });

  test("the hash is the upper-case SHA-512 of the served JSON", () => {
    const doc = openApiDocument(reg, "api/v1")!;
    expect(doc.json).toBe(JSON.stringify(doc.body));
    expect(doc.hash).toBe(createHash("sha512").update(doc.json).digest("hex").toUpperCase());
    for (const s of ["", "abc", "x".repeat(111), "x".repeat(112), "x".repeat(239), "ü€😀".repeat(40)]) {
      expect(sha512Hex(s)).toBe(createHash("sha512").update(s).digest("hex").toUpperCase());
    }
  });

  test("unknown paths are undefined; the query string and slashes are ignored", () => {
    expect(openApiDocument(reg, "apis/batch/v1")).toBeUndefined();
    expect(openApiDocument(reg, "apis/apps/v2")).toBeUndefined();
    expect(openApiDocument(reg, "apis/apps/v1?hash=0000")!.hash).toBe(openApiDocument(reg, "apis/apps/v1")!.hash);
    expect(openApiDocument(reg, "/api/v1/")!.hash).toBe(openApiDocument(reg, "api/v1")!.hash);
  });

  test("root documents describe /api/, /apis/, /apis/<group>/ and /version/", () => {
    expect(docOf(reg, "api").paths["/api/"].get.responses["200"].content["application/json"].schema.$ref).toBe(ref("io.k8s.apimachinery.pkg.apis.meta.v1.APIVersions"));
    expect(docOf(reg, "apis").paths["/apis/"].get.operationId).toBe("getAPIVersions");
    expect(docOf(reg, "apis/apps").paths["/apis/apps/"].get.operationId).toBe("getAppsAPIGroup");
    expect(docOf(reg, "version").paths["/version/"].get.responses["200"].content["application/json"].schema.$ref).toBe(ref("io.k8s.apimachinery.pkg.version.Info"));
  });
});

describe("components", () => {
  const reg = new KindRegistry([configMap, node, deployment, review, crontab]);
  const apps = docOf(reg, "apis/apps/v1");
  const core = docOf(reg, "api/v1");
  const S = apps.components.schemas;

  test("is an OpenAPI 3.0 document whose every $ref points at a component", () => {
    for (const key of ["api", "apis", "apis/apps", "version", "api/v1", "apis/apps/v1", "apis/authorization.k8s.io/v1", "apis/stable.example.com/v1"]) {
      const d = docOf(reg, key);
      expect(d.openapi).toBe("3.0.0");
      for (const r of refsIn(d)) {
        expect(r.startsWith("#/components/schemas/")).toBe(true);
        expect(d.components.schemas[r.slice("#/components/schemas/".length)], `${key}: ${r}`).toBeDefined();
      }
    }
  });

  test("names kinds, lists and meta types like Kubernetes and tags them with their GVK", () => {
    for (const n of ["Deployment", "DeploymentList", "DeploymentSpec", "DeploymentStrategy"]) expect(S[`io.k8s.api.apps.v1.${n}`]).toBeDefined();
    for (const n of ["ObjectMeta", "ListMeta", "DeleteOptions", "Status", "Patch", "WatchEvent", "APIResourceList", "LabelSelector"]) {
      expect(S[`io.k8s.apimachinery.pkg.apis.meta.v1.${n}`], n).toBeDefined();
    }
    expect(S["io.k8s.api.core.v1.Container"].required).toEqual(["name"]);
    expect(S["io.k8s.api.apps.v1.Deployment"]["x-kubernetes-group-version-kind"]).toEqual([{ group: "apps", kind: "Deployment", version: "v1" }]);
    expect(S["io.k8s.api.apps.v1.DeploymentList"]["x-kubernetes-group-version-kind"]).toEqual([{ group: "apps", kind: "DeploymentList", version: "v1" }]);
    expect(S["io.k8s.api.apps.v1.DeploymentList"].properties.items.items).toEqual({ allOf: [{ $ref: ref("io.k8s.api.apps.v1.Deployment") }], default: {} });
    expect(S["io.k8s.api.apps.v1.DeploymentList"].required).toEqual(["items"]);
    expect(S["io.k8s.api.apps.v1.DeploymentSpec"]["x-kubernetes-group-version-kind"]).toBeUndefined();
  });

  test("fields referring to shared types use allOf with the field's description", () => {
    const spec = S["io.k8s.api.apps.v1.Deployment"].properties.spec;
    expect(spec).toEqual({ allOf: [{ $ref: ref("io.k8s.api.apps.v1.DeploymentSpec") }], description: "Specification of the desired behavior of the Deployment." });
    const meta = S["io.k8s.api.apps.v1.Deployment"].properties.metadata;
    expect(meta.allOf).toEqual([{ $ref: ref("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta") }]);
    expect(meta.description).toMatch(/^Standard object's metadata/);
    expect(S["io.k8s.api.apps.v1.Deployment"].description).toBe("Deployment enables declarative updates for Pods and ReplicaSets.");
  });

  test("int-or-string and quantities refer to the apimachinery types; zod's integer bounds are gone", () => {
    expect(S["io.k8s.api.apps.v1.RollingUpdateDeployment"].properties.maxSurge).toEqual({
      allOf: [{ $ref: ref("io.k8s.apimachinery.pkg.util.intstr.IntOrString") }],
      description: "The maximum number of pods that can be scheduled above the desired number of pods.",
    });
    expect(S["io.k8s.apimachinery.pkg.util.intstr.IntOrString"]).toMatchObject({ format: "int-or-string", oneOf: [{ type: "integer" }, { type: "string" }] });
    expect(S["io.k8s.api.core.v1.ResourceRequirements"].properties.limits.additionalProperties).toEqual({ $ref: ref("io.k8s.apimachinery.pkg.api.resource.Quantity") });
    expect(core.components.schemas["io.k8s.api.core.v1.NodeStatus"].properties.ephemeral).toEqual({ allOf: [{ $ref: ref("io.k8s.apimachinery.pkg.api.resource.Quantity") }], description: "A single quantity." });
    expect(S["io.k8s.api.apps.v1.DeploymentSpec"].properties.replicas).toEqual({ description: "Number of desired pods.", format: "int32", type: "integer" });
    const text = JSON.stringify(apps);
    expect(text).not.toContain("9007199254740991");
    expect(text).not.toContain("x-kubernetes-quantity");
    expect(text).not.toContain("#/definitions/");
  });

  test("custom resources keep the CRD form of int-or-string", () => {
    const ct = docOf(reg, "apis/stable.example.com/v1").components.schemas["com.example.stable.v1.CronTab"];
    const replicas = ct.properties.spec.properties.replicas;
    expect(replicas).toEqual({ anyOf: [{ type: "integer" }, { type: "string" }], "x-kubernetes-int-or-string": true });
    expect(ct["x-kubernetes-group-version-kind"]).toEqual([{ group: "stable.example.com", kind: "CronTab", version: "v1" }]);
  });

  test("patch metadata, list types and enums stay on the fields (retainKeys moved from the type to its field)", () => {
    const ports = S["io.k8s.api.core.v1.Container"].properties.ports;
    expect(ports).toMatchObject({
      type: "array",
      "x-kubernetes-patch-merge-key": "containerPort",
      "x-kubernetes-patch-strategy": "merge",
      "x-kubernetes-list-type": "map",
      "x-kubernetes-list-map-keys": ["containerPort", "protocol"],
      items: { allOf: [{ $ref: ref("io.k8s.api.core.v1.ContainerPort") }], default: {} },
    });
    expect(S["io.k8s.api.core.v1.ContainerPort"].properties.protocol.enum).toEqual(["TCP", "UDP", "SCTP"]);
    expect(S["io.k8s.api.apps.v1.DeploymentSpec"].properties.strategy["x-kubernetes-patch-strategy"]).toBe("retainKeys");
    expect(S["io.k8s.api.apps.v1.DeploymentStrategy"]["x-kubernetes-patch-strategy"]).toBeUndefined();
    expect(S["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"].properties.ownerReferences).toMatchObject({ "x-kubernetes-patch-merge-key": "uid", "x-kubernetes-list-type": "map" });
  });

  test("kubectl apply's strategic-merge lookup walks to the containers merge key", () => {
    const root = S["io.k8s.api.apps.v1.Deployment"];
    expect(patchMetaAt(apps, root, ["spec", "template", "spec", "containers"])).toEqual({ mergeKey: "name", strategy: "merge" });
    expect(patchMetaAt(apps, root, ["spec", "template", "spec", "containers", "ports"])).toEqual({ mergeKey: "containerPort", strategy: "merge" });
    expect(patchMetaAt(apps, root, ["spec", "strategy"])).toEqual({ mergeKey: undefined, strategy: "retainKeys" });
    expect(patchMetaAt(apps, root, ["metadata", "labels"])).toEqual({});
  });

  test("the ConfigMap kind renders as the real document does", () => {
    const cm = core.components.schemas["io.k8s.api.core.v1.ConfigMap"];
    expect(cm.properties.data).toMatchObject({ type: "object", additionalProperties: { type: "string" } });
    expect(cm.properties.binaryData.additionalProperties).toEqual({ format: "byte", type: "string" });
    expect(cm.properties.immutable.type).toBe("boolean");
    expect(core.components.schemas["io.k8s.api.core.v1.ConfigMapList"]).toBeDefined();
  });
});

describe("paths", () => {
  const reg = new KindRegistry([configMap, node, deployment, review, crontab]);
  const apps = docOf(reg, "apis/apps/v1");
  const core = docOf(reg, "api/v1");
  const gvk = { group: "apps", kind: "Deployment", version: "v1" };

  test("namespaced resources have collection, item, all-namespaces, status, scale and watch paths", () => {
    expect(Object.keys(apps.paths)).toEqual([
      "/apis/apps/v1/",
      "/apis/apps/v1/deployments",
      "/apis/apps/v1/namespaces/{namespace}/deployments",
      "/apis/apps/v1/namespaces/{namespace}/deployments/{name}",
      "/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale",
      "/apis/apps/v1/namespaces/{namespace}/deployments/{name}/status",
      "/apis/apps/v1/watch/deployments",
      "/apis/apps/v1/watch/namespaces/{namespace}/deployments",
      "/apis/apps/v1/watch/namespaces/{namespace}/deployments/{name}",
    ]);
    const coll = apps.paths["/apis/apps/v1/namespaces/{namespace}/deployments"];
    expect(Object.keys(coll).sort()).toEqual(["delete", "get", "parameters", "post"]);
    expect(coll.parameters.map((p: any) => p.name)).toEqual(["namespace", "pretty"]);
    expect(coll.get["x-kubernetes-action"]).toBe("list");
    expect(coll.get.operationId).toBe("listAppsV1NamespacedDeployment");
    expect(coll.get.responses["200"].content["application/json"].schema.$ref).toBe(ref("io.k8s.api.apps.v1.DeploymentList"));
    expect(coll.post["x-kubernetes-action"]).toBe("post");
    expect(coll.post.requestBody.content["*/*"].schema.$ref).toBe(ref("io.k8s.api.apps.v1.Deployment"));
    expect(coll.delete["x-kubernetes-action"]).toBe("deletecollection");

    const item = apps.paths["/apis/apps/v1/namespaces/{namespace}/deployments/{name}"];
    expect(Object.keys(item).sort()).toEqual(["delete", "get", "parameters", "patch", "put"]);
    expect(item.parameters.map((p: any) => p.name)).toEqual(["name", "namespace", "pretty"]);
    for (const m of ["get", "put", "patch", "delete"]) expect(item[m]["x-kubernetes-group-version-kind"]).toEqual(gvk);
    expect(item.get["x-kubernetes-action"]).toBe("get");
    expect(item.put["x-kubernetes-action"]).toBe("put");
    expect(item.delete.requestBody.content["*/*"].schema.$ref).toBe(ref("io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"));

    const scale = apps.paths["/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale"];
    expect(scale.patch["x-kubernetes-group-version-kind"]).toEqual({ group: "autoscaling", kind: "Scale", version: "v1" });
    expect(scale.get.responses["200"].content["application/json"].schema.$ref).toBe(ref("io.k8s.api.autoscaling.v1.Scale"));
    expect(apps.components.schemas["io.k8s.api.autoscaling.v1.Scale"]["x-kubernetes-group-version-kind"]).toEqual([{ group: "autoscaling", kind: "Scale", version: "v1" }]);
    expect(apps.paths["/apis/apps/v1/namespaces/{namespace}/deployments/{name}/status"].put.operationId).toBe("replaceAppsV1NamespacedDeploymentStatus");
    expect(apps.paths["/apis/apps/v1/watch/namespaces/{namespace}/deployments/{name}"].get["x-kubernetes-action"]).toBe("watch");
    expect(apps.paths["/apis/apps/v1/deployments"].get.operationId).toBe("listAppsV1DeploymentForAllNamespaces");
  });

  test("every operation but the discovery one carries x-kubernetes-action and a GVK", () => {
    for (const d of [apps, core]) {
      for (const [p, item] of Object.entries(d.paths)) {
        for (const [m, op] of Object.entries(item as Record<string, any>)) {
          if (m === "parameters" || p.endsWith("/v1/")) continue;
          expect(op["x-kubernetes-action"], `${m} ${p}`).toBeTruthy();
          expect(Object.keys(op["x-kubernetes-group-version-kind"]).sort()).toEqual(["group", "kind", "version"]);
        }
      }
    }
  });

  test("PATCH declares fieldValidation, dryRun, fieldManager and force and takes all four patch types", () => {
    const patch = apps.paths["/apis/apps/v1/namespaces/{namespace}/deployments/{name}"].patch;
    expect(patch["x-kubernetes-action"]).toBe("patch");
    expect(patch.parameters.map((p: any) => p.name)).toEqual(["dryRun", "fieldManager", "fieldValidation", "force"]);
    expect(patch.parameters.every((p: any) => p.in === "query")).toBe(true);
    expect(Object.keys(patch.requestBody.content)).toEqual([
      "application/apply-patch+yaml",
      "application/json-patch+json",
      "application/merge-patch+json",
      "application/strategic-merge-patch+json",
    ]);
    expect(patch.requestBody.content["application/apply-patch+yaml"].schema.$ref).toBe(ref("io.k8s.apimachinery.pkg.apis.meta.v1.Patch"));
    const put = apps.paths["/apis/apps/v1/namespaces/{namespace}/deployments/{name}"].put;
    expect(put.parameters.map((p: any) => p.name)).toEqual(["dryRun", "fieldManager", "fieldValidation"]);
  });

  test("custom resources do not advertise strategic merge patch", () => {
    const ct = docOf(reg, "apis/stable.example.com/v1");
    const patch = ct.paths["/apis/stable.example.com/v1/namespaces/{namespace}/crontabs/{name}"].patch;
    expect(Object.keys(patch.requestBody.content)).not.toContain("application/strategic-merge-patch+json");
    expect(patch.parameters.map((p: any) => p.name)).toContain("fieldValidation");
    expect(patch.operationId).toBe("patchStableExampleComV1NamespacedCronTab");
    expect(patch.tags).toEqual(["stableExampleCom_v1"]);
  });

  test("cluster-scoped resources have no namespace segment; verbs limit the operations", () => {
    expect(core.paths["/api/v1/nodes/{name}"].parameters.map((p: any) => p.name)).toEqual(["name", "pretty"]);
    expect(core.paths["/api/v1/nodes"].get.operationId).toBe("listCoreV1Node");
    expect(core.paths["/api/v1/nodes/{name}/status"]).toBeDefined();
    expect(core.paths["/api/v1/namespaces/{namespace}/configmaps/{name}"].patch.operationId).toBe("patchCoreV1NamespacedConfigMap");
    const authz = docOf(reg, "apis/authorization.k8s.io/v1");
    expect(Object.keys(authz.paths)).toEqual(["/apis/authorization.k8s.io/v1/", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"]);
    expect(Object.keys(authz.paths["/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"]).sort()).toEqual(["parameters", "post"]);
  });

  test("kubectl explain finds each kind's GVK and its component", () => {
    const cases: Array<[Doc, string, string, string, string]> = [
      [core, "", "v1", "configmaps", "io.k8s.api.core.v1.ConfigMap"],
      [core, "", "v1", "nodes", "io.k8s.api.core.v1.Node"],
      [apps, "apps", "v1", "deployments", "io.k8s.api.apps.v1.Deployment"],
      [docOf(reg, "apis/authorization.k8s.io/v1"), "authorization.k8s.io", "v1", "selfsubjectaccessreviews", "io.k8s.api.authorization.v1.SelfSubjectAccessReview"],
    ];
    for (const [doc, group, version, resource, component] of cases) {
      const found = explainGvk(doc, group, version, resource);
      expect(found, resource).toBeDefined();
      const matches = Object.entries(doc.components.schemas).filter(([, s]) => (s["x-kubernetes-group-version-kind"] ?? []).some((g: any) => JSON.stringify(g) === JSON.stringify(found)));
      expect(matches.map(([k]) => k)).toEqual([component]);
    }
  });
});

describe("caching", () => {
  test("repeated GETs return the very same document", () => {
    const reg = new KindRegistry([configMap, deployment]);
    const a = openApiDocument(reg, "apis/apps/v1")!;
    expect(openApiDocument(reg, "apis/apps/v1")).toBe(a);
    expect(openApiIndex(reg)).toEqual(openApiIndex(reg));
  });

  test("a custom resource added at runtime shows up; removing it restores the old hashes", () => {
    const reg = new KindRegistry([configMap, deployment]);
    const before = openApiIndex(reg) as { paths: Record<string, unknown> };
    expect(before.paths["apis/stable.example.com/v1"]).toBeUndefined();
    reg.add(crontab);
    const during = openApiIndex(reg) as { paths: Record<string, unknown> };
    expect(during.paths["apis/stable.example.com/v1"]).toBeDefined();
    expect(during.paths["apis/stable.example.com"]).toBeDefined();
    expect(during.paths["apis/apps/v1"]).toEqual(before.paths["apis/apps/v1"]);
    expect(openApiDocument(reg, "apis/stable.example.com/v1")).toBeDefined();
    reg.remove("stable.example.com", "v1", "crontabs");
    expect(openApiIndex(reg)).toEqual(before);
    expect(openApiDocument(reg, "apis/stable.example.com/v1")).toBeUndefined();
  });

  test("a kind added to an existing group-version changes that document's hash only", () => {
    const reg = new KindRegistry([configMap, deployment]);
    const before = openApiIndex(reg) as { paths: Record<string, { serverRelativeURL: string }> };
    reg.add(node);
    const after = openApiIndex(reg) as { paths: Record<string, { serverRelativeURL: string }> };
    expect(after.paths["api/v1"].serverRelativeURL).not.toBe(before.paths["api/v1"].serverRelativeURL);
    expect(after.paths["apis/apps/v1"]).toEqual(before.paths["apis/apps/v1"]);
    expect(Object.keys(docOf(reg, "api/v1").paths)).toContain("/api/v1/nodes/{name}");
  });

  test("hashes depend on content, not on registry identity or kind order", () => {
    const a = new KindRegistry([configMap, node, deployment]);
    const b = new KindRegistry([deployment, node, configMap]);
    expect(openApiIndex(a)).toEqual(openApiIndex(b));
  });
});
