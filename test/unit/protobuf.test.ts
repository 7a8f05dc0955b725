import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  ProtobufDecodeError,
  decodeKubernetesProtobuf,
  isSupportedProtobufKind,
} from "../../src/engine/machinery/protobuf/decode";
import { MESSAGES, ROOT_MESSAGES } from "../../src/engine/machinery/protobuf/messages";
import { MAX_BODY_BYTES } from "../../src/engine/machinery/protobuf/wire";

// Fixtures are request bodies captured from kubectl v1.32.5 against a throwaway HTTPS server.
// <name>.b64 is the body as sent (Content-Type: application/vnd.kubernetes.protobuf);
// <name>.json is `kubectl ... --dry-run=client -o json` for the same command, minus empty
// fields (SelfSubject*Review and TokenRequest have no dry-run and were written by hand).
const FIXTURES = new URL("./fixtures/protobuf/", import.meta.url);

function fixtureBody(name: string): Uint8Array {
  const b64 = readFileSync(new URL(`${name}.b64`, FIXTURES), "utf8").replace(/\s+/g, "");
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

function fixtureJson(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`${name}.json`, FIXTURES), "utf8"));
}

const KUBECTL_FIXTURES: Array<[fixture: string, what: string]> = [
  ["deployment", "the Deployment kubectl create deployment sends"],
  ["deployment-multi-image", "the Deployment kubectl create deployment --image=a --image=b sends"],
  ["service-clusterip", "the Service kubectl create service clusterip sends"],
  ["service-headless", "the headless Service kubectl create service clusterip --clusterip=None sends"],
  ["service-nodeport", "the Service kubectl create service nodeport sends"],
  ["service-loadbalancer", "the Service kubectl create service loadbalancer sends"],
  ["service-externalname", "the Service kubectl create service externalname sends"],
  ["configmap", "the ConfigMap kubectl create configmap sends, keeping an empty value"],
  ["secret-generic", "the Secret kubectl create secret generic sends (data as base64)"],
  ["secret-docker-registry", "the Secret kubectl create secret docker-registry sends"],
  ["secret-tls", "the Secret kubectl create secret tls sends"],
  ["job", "the Job kubectl create job sends"],
  ["job-from-cronjob", "the Job kubectl create job --from=cronjob/x sends (ownerReferences)"],
  ["cronjob", "the CronJob kubectl create cronjob sends"],
  ["namespace", "the Namespace kubectl create namespace sends"],
  ["hpa", "the HorizontalPodAutoscaler kubectl autoscale sends"],
  ["selfsubjectaccessreview", "the SelfSubjectAccessReview kubectl auth can-i create pods sends"],
  ["selfsubjectaccessreview-subresource", "the SelfSubjectAccessReview kubectl auth can-i --subresource sends"],
  ["selfsubjectaccessreview-nonresource", "the SelfSubjectAccessReview kubectl auth can-i get /logs sends"],
  ["selfsubjectaccessreview-name", "the SelfSubjectAccessReview kubectl auth can-i delete deployments.apps/web -A sends"],
  ["selfsubjectrulesreview", "the SelfSubjectRulesReview kubectl auth can-i --list sends"],
  ["tokenrequest", "the TokenRequest kubectl create token sends"],
  ["serviceaccount", "the ServiceAccount kubectl create serviceaccount sends"],
  ["role", "the Role kubectl create role sends"],
  ["rolebinding", "the RoleBinding kubectl create rolebinding sends"],
  ["clusterrole", "the ClusterRole kubectl create clusterrole --non-resource-url sends"],
  ["clusterrole-aggregation", "the ClusterRole kubectl create clusterrole --aggregation-rule sends"],
  ["clusterrolebinding", "the ClusterRoleBinding kubectl create clusterrolebinding sends"],
  ["quota", "the ResourceQuota kubectl create quota sends (Quantity values)"],
  ["ingress", "the Ingress kubectl create ingress sends"],
  ["priorityclass", "the PriorityClass kubectl create priorityclass sends"],
  ["poddisruptionbudget-min-available", "the PodDisruptionBudget kubectl create pdb --min-available=50% sends"],
  ["poddisruptionbudget-max-unavailable", "the PodDisruptionBudget kubectl create pdb --max-unavailable=0 sends (pointer zero kept)"],
];

describe("decodeKubernetesProtobuf on real kubectl 1.32 request bodies", () => {
  it.each(KUBECTL_FIXTURES)("decodes %s: %s", (fixture) => {
    expect(decodeKubernetesProtobuf(fixtureBody(fixture))).toEqual(fixtureJson(fixture));
  });

  it("puts apiVersion and kind from the envelope's typeMeta first", () => {
    const obj = decodeKubernetesProtobuf(fixtureBody("deployment"));
    expect(Object.keys(obj).slice(0, 2)).toEqual(["apiVersion", "kind"]);
  });

  it("survives every truncation of a real body with a decoded object or a ProtobufDecodeError", () => {
    for (const fixture of ["deployment", "job-from-cronjob", "ingress", "quota"]) {
      const body = fixtureBody(fixture);
      for (let n = 0; n < body.length; n++) {
        expectObjectOrDecodeError(body.subarray(0, n));
      }
    }
  });

  it("survives random byte corruption of real bodies", () => {
    const rand = prng(42);
    for (const [fixture] of KUBECTL_FIXTURES) {
      const original = fixtureBody(fixture);
      for (let i = 0; i < 200; i++) {
        const body = original.slice();
        const flips = 1 + Math.floor(rand() * 4);
        for (let j = 0; j < flips; j++) body[4 + Math.floor(rand() * (body.length - 4))] = Math.floor(rand() * 256);
        expectObjectOrDecodeError(body);
      }
    }
  });
});

// ---- a tiny protobuf encoder for hand-built messages ----

type Part = Uint8Array;
function varint(n: number | bigint): Part {
  let v = BigInt.asUintN(64, BigInt(n));
  const out: number[] = [];
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v !== 0n) b |= 0x80;
    out.push(b);
  } while (v !== 0n);
  return Uint8Array.from(out);
}
function cat(...parts: Part[]): Part {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
const key = (field: number, wire: number) => varint(field * 8 + wire);
const int = (field: number, n: number | bigint) => cat(key(field, 0), varint(n));
const bytesField = (field: number, b: Part) => cat(key(field, 2), varint(b.length), b);
const str = (field: number, s: string) => bytesField(field, new TextEncoder().encode(s));
const msg = (field: number, ...parts: Part[]) => bytesField(field, cat(...parts));
const entry = (field: number, k: string, v: Part) => msg(field, str(1, k), v);
const fixed32 = (field: number) => cat(key(field, 5), Uint8Array.of(1, 2, 3, 4));
const fixed64 = (field: number) => cat(key(field, 1), Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8));

function frame(apiVersion: string, kind: string, raw: Part, extra: Part[] = []): Uint8Array {
  return cat(
    Uint8Array.of(0x6b, 0x38, 0x73, 0x00),
    msg(1, str(1, apiVersion), str(2, kind)),
    bytesField(2, raw),
    str(3, ""),
    str(4, ""),
    ...extra,
  );
}

function expectObjectOrDecodeError(body: Uint8Array): void {
  try {
    const out = decodeKubernetesProtobuf(body);
    expect(typeof out).toBe("object");
    JSON.stringify(out);
  } catch (err) {
    if (!(err instanceof ProtobufDecodeError)) throw new Error(`non-ProtobufDecodeError thrown: ${String(err)}`);
  }
}

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("decodeKubernetesProtobuf special shapes", () => {
  it("renders Time as an RFC 3339 string and drops the zero Time", () => {
    // Job{metadata{name, creationTimestamp=zero}, status{startTime=2024-01-02T03:04:05Z (nanos dropped)}}
    const body = frame(
      "batch/v1",
      "Job",
      cat(msg(1, str(1, "j"), msg(8)), msg(3, msg(2, int(1, 1704164645), int(2, 999)))),
    );
    expect(decodeKubernetesProtobuf(body)).toEqual({
      apiVersion: "batch/v1",
      kind: "Job",
      metadata: { name: "j" },
      status: { startTime: "2024-01-02T03:04:05Z" },
    });
  });

  it("renders IntOrString as a number or a string", () => {
    // Service{spec{ports: [{port 80, targetPort int 8080}, {port 443, targetPort "https"}]}}
    const body = frame(
      "v1",
      "Service",
      msg(2, msg(1, int(3, 80), msg(4, int(1, 0), int(2, 8080))), msg(1, int(3, 443), msg(4, int(1, 1), str(3, "https")))),
    );
    expect(decodeKubernetesProtobuf(body)).toEqual({
      apiVersion: "v1",
      kind: "Service",
      spec: { ports: [{ port: 80, targetPort: 8080 }, { port: 443, targetPort: "https" }] },
    });
  });

  it("renders Quantity maps, bytes maps as base64, and merges inline volume sources", () => {
    // Pod{spec{volumes[{name:"cfg", (inline VolumeSource){configMap{(inline LocalObjectReference){name:"c"}, defaultMode:420}}}],
    //          containers[{name:"a", resources{limits{cpu: "500m"}}}]}}
    const body = frame(
      "v1",
      "Pod",
      msg(
        2,
        msg(1, str(1, "cfg"), msg(2, msg(19, msg(1, str(1, "c")), int(3, 420)))),
        msg(2, str(1, "a"), msg(8, entry(1, "cpu", msg(2, str(1, "500m"))))),
      ),
    );
    expect(decodeKubernetesProtobuf(body)).toEqual({
      apiVersion: "v1",
      kind: "Pod",
      spec: {
        volumes: [{ name: "cfg", configMap: { name: "c", defaultMode: 420 } }],
        containers: [{ name: "a", resources: { limits: { cpu: "500m" } } }],
      },
    });
    const secret = frame("v1", "Secret", cat(entry(2, "bin", bytesField(2, Uint8Array.of(0, 255, 10))), entry(2, "empty", new Uint8Array(0))));
    expect(decodeKubernetesProtobuf(secret)).toEqual({ apiVersion: "v1", kind: "Secret", data: { bin: "AP8K", empty: "" } });
  });

  it("keeps zero values of pointer fields and drops those of value fields", () => {
    // Deployment{spec{replicas:0 (pointer), minReadySeconds:0, paused:false, strategy{}}}
    // Job{spec{suspend:false, backoffLimit:0 (pointers)}}
    const deploy = frame("apps/v1", "Deployment", msg(2, int(1, 0), int(5, 0), int(7, 0), msg(4)));
    expect(decodeKubernetesProtobuf(deploy)).toEqual({ apiVersion: "apps/v1", kind: "Deployment", spec: { replicas: 0 } });
    const job = frame("batch/v1", "Job", msg(2, int(10, 0), int(7, 0)));
    expect(decodeKubernetesProtobuf(job)).toEqual({ apiVersion: "batch/v1", kind: "Job", spec: { suspend: false, backoffLimit: 0 } });
    // A pointer-to-struct that is present but empty is `{}` in JSON too: PodSpec.securityContext.
    const pod = frame("v1", "Pod", msg(2, msg(14)));
    expect(decodeKubernetesProtobuf(pod)).toEqual({ apiVersion: "v1", kind: "Pod", spec: { securityContext: {} } });
  });

  it("decodes negative int32/int64 values (10-byte varints)", () => {
    // Pod{spec{containers[{name:"a", securityContext{runAsUser:-1}}], priority:-5}}
    const body = frame("v1", "Pod", msg(2, msg(2, str(1, "a"), msg(15, int(4, -1))), int(25, -5)));
    expect(decodeKubernetesProtobuf(body)).toEqual({
      apiVersion: "v1",
      kind: "Pod",
      spec: { containers: [{ name: "a", securityContext: { runAsUser: -1 } }], priority: -5 },
    });
  });

  it("keeps empty strings and empty messages inside lists", () => {
    // Pod{spec{containers[{name:"a", args:["", "x"]}], readinessGates[{}]}}
    const body = frame("v1", "Pod", msg(2, msg(2, str(1, "a"), str(4, ""), str(4, "x")), msg(28)));
    expect(decodeKubernetesProtobuf(body)).toEqual({
      apiVersion: "v1",
      kind: "Pod",
      spec: { containers: [{ name: "a", args: ["", "x"] }], readinessGates: [{}] },
    });
  });

  it("accepts packed repeated numeric fields", () => {
    // Pod{spec{securityContext{supplementalGroups: packed [1, 2, 300]}}}
    const packed = cat(varint(1), varint(2), varint(300));
    const body = frame("v1", "Pod", msg(2, msg(14, bytesField(4, packed))));
    expect(decodeKubernetesProtobuf(body)).toEqual({
      apiVersion: "v1",
      kind: "Pod",
      spec: { securityContext: { supplementalGroups: [1, 2, 300] } },
    });
  });

  it("merges a message field that occurs twice, like proto2 does", () => {
    const body = frame("v1", "ConfigMap", cat(msg(1, str(1, "a")), msg(1, entry(11, "k", str(2, "v")))));
    expect(decodeKubernetesProtobuf(body)).toEqual({
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "a", labels: { k: "v" } },
    });
  });

  it("skips unknown fields of every wire type, in the envelope and in the object", () => {
    const unknowns = cat(int(90, 7), fixed64(91), str(92, "x"), fixed32(93));
    const body = frame("v1", "ConfigMap", cat(unknowns, msg(1, str(1, "c"), unknowns), entry(2, "a", str(2, "b"))), [unknowns]);
    expect(decodeKubernetesProtobuf(body)).toEqual({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { a: "b" } });
  });

  it("decodes managedFields' FieldsV1 as JSON", () => {
    const fields = new TextEncoder().encode('{"f:data":{".":{}}}');
    const body = frame(
      "v1",
      "ConfigMap",
      msg(1, str(1, "c"), msg(17, str(1, "kubectl"), str(2, "Update"), str(3, "v1"), str(6, "FieldsV1"), msg(7, bytesField(1, fields)))),
    );
    expect(decodeKubernetesProtobuf(body)).toEqual({
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: {
        name: "c",
        managedFields: [{ manager: "kubectl", operation: "Update", apiVersion: "v1", fieldsType: "FieldsV1", fieldsV1: { "f:data": { ".": {} } } }],
      },
    });
  });

  it("does not let a map key named __proto__ touch the prototype", () => {
    const body = frame("v1", "ConfigMap", entry(2, "__proto__", str(2, "x")));
    const out = decodeKubernetesProtobuf(body) as { data: Record<string, string> };
    expect(Object.getPrototypeOf(out.data)).toBe(Object.prototype);
    expect(Object.keys(out.data)).toEqual(["__proto__"]);
    expect(out.data["__proto__"]).toBe("x");
  });
});

describe("decodeKubernetesProtobuf rejects malformed input with ProtobufDecodeError", () => {
  const cases: Array<[string, Uint8Array]> = [
    ["an empty body", new Uint8Array(0)],
    ["a JSON body", new TextEncoder().encode('{"kind":"ConfigMap"}')],
    ["a body with only the magic", Uint8Array.of(0x6b, 0x38, 0x73, 0x00)],
    ["a truncated varint", cat(Uint8Array.of(0x6b, 0x38, 0x73, 0x00), Uint8Array.of(0x0a, 0xff))],
    ["a length past the end", cat(Uint8Array.of(0x6b, 0x38, 0x73, 0x00), Uint8Array.of(0x0a, 0x7f, 0x00))],
    ["a huge length", cat(Uint8Array.of(0x6b, 0x38, 0x73, 0x00), key(2, 2), varint(2n ** 40n))],
    ["an 11-byte varint", cat(Uint8Array.of(0x6b, 0x38, 0x73, 0x00), key(9, 0), new Uint8Array(10).fill(0xff), Uint8Array.of(1))],
    ["a group wire type", cat(Uint8Array.of(0x6b, 0x38, 0x73, 0x00), key(9, 3))],
    ["field number 0", cat(Uint8Array.of(0x6b, 0x38, 0x73, 0x00), key(0, 0), varint(1))],
    ["an unsupported kind", frame("example.com/v1", "Widget", new Uint8Array(0))],
    ["a missing typeMeta", cat(Uint8Array.of(0x6b, 0x38, 0x73, 0x00), bytesField(2, new Uint8Array(0)))],
    ["a gzip contentEncoding", cat(frame("v1", "ConfigMap", new Uint8Array(0)), str(3, "gzip"))],
    ["a JSON raw contentType", cat(frame("v1", "ConfigMap", new Uint8Array(0)), str(4, "application/json"))],
    ["a known field with the wrong wire type", frame("v1", "ConfigMap", int(1, 5))],
    ["a string where a message belongs", frame("apps/v1", "Deployment", msg(2, str(3, "\u0001\u0002")))],
    ["invalid FieldsV1 JSON", frame("v1", "ConfigMap", msg(1, msg(17, msg(7, str(1, "{nope")))))],
    ["a Time past year 9999", frame("batch/v1", "Job", msg(3, msg(2, int(1, 253402300800))))],
    ["a body over the size limit", cat(frame("v1", "ConfigMap", new Uint8Array(0)), str(99, "x".repeat(MAX_BODY_BYTES)))],
  ];
  it.each(cases)("rejects %s", (_what, body) => {
    expect(() => decodeKubernetesProtobuf(body)).toThrow(ProtobufDecodeError);
  });

  it("names the unsupported kind", () => {
    expect(() => decodeKubernetesProtobuf(frame("example.com/v1", "Widget", new Uint8Array(0)))).toThrow(/example\.com\/v1.*Widget/);
  });

  it("throws nothing but ProtobufDecodeError on random garbage", () => {
    const rand = prng(7);
    for (let i = 0; i < 2000; i++) {
      const len = Math.floor(rand() * 64);
      const garbage = Uint8Array.from({ length: len }, () => Math.floor(rand() * 256));
      // Half of the cases get a valid envelope around random raw bytes, to reach the typed decoder.
      const body = i % 2 === 0 ? cat(Uint8Array.of(0x6b, 0x38, 0x73, 0x00), garbage) : frame("apps/v1", "Deployment", garbage);
      expectObjectOrDecodeError(body);
    }
  });
});

describe("isSupportedProtobufKind", () => {
  it("accepts the kinds kubectl's typed clients send", () => {
    for (const [apiVersion, kind] of [
      ["apps/v1", "Deployment"],
      ["v1", "Service"],
      ["v1", "ConfigMap"],
      ["v1", "Secret"],
      ["v1", "Namespace"],
      ["v1", "ServiceAccount"],
      ["v1", "ResourceQuota"],
      ["batch/v1", "Job"],
      ["batch/v1", "CronJob"],
      ["autoscaling/v1", "HorizontalPodAutoscaler"],
      ["authorization.k8s.io/v1", "SelfSubjectAccessReview"],
      ["authorization.k8s.io/v1", "SelfSubjectRulesReview"],
      ["authentication.k8s.io/v1", "TokenRequest"],
      ["rbac.authorization.k8s.io/v1", "Role"],
      ["rbac.authorization.k8s.io/v1", "RoleBinding"],
      ["rbac.authorization.k8s.io/v1", "ClusterRole"],
      ["rbac.authorization.k8s.io/v1", "ClusterRoleBinding"],
      ["networking.k8s.io/v1", "Ingress"],
      ["scheduling.k8s.io/v1", "PriorityClass"],
      ["policy/v1", "PodDisruptionBudget"],
    ]) {
      expect(isSupportedProtobufKind(apiVersion, kind), `${apiVersion} ${kind}`).toBe(true);
    }
  });

  it("rejects other kinds and versions", () => {
    expect(isSupportedProtobufKind("apps/v1beta1", "Deployment")).toBe(false);
    expect(isSupportedProtobufKind("v1", "Deployment")).toBe(false);
    expect(isSupportedProtobufKind("example.com/v1", "Widget")).toBe(false);
  });
});

describe("protobuf message tables", () => {
  it("resolve every referenced message (checked when the module loads)", () => {
    expect(MESSAGES.size).toBeGreaterThan(200);
    expect(ROOT_MESSAGES.get("apps/v1 Deployment")?.name).toBe("Deployment");
  });

  it("record field numbers, JSON names and pointer-ness from generated.proto / types.go", () => {
    const spec = MESSAGES.get("DeploymentSpec")!;
    expect(spec.fields.get(1)).toMatchObject({ json: "replicas", type: "int32", keepZero: true });
    expect(spec.fields.get(5)).toMatchObject({ json: "minReadySeconds", type: "int32", keepZero: false });
    expect(MESSAGES.get("Volume")!.fields.get(2)).toMatchObject({ json: null, type: "VolumeSource" });
    expect(MESSAGES.get("ObjectMeta")!.fields.get(11)).toMatchObject({ json: "labels", type: "string", map: true });
    expect(MESSAGES.get("PodSpec")!.fields.get(9)).toMatchObject({ json: "serviceAccount" });
  });
});
