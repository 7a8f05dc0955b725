import { describe, expect, test } from "vitest";
import { base64Utf8, secret, type Secret } from "../../../src/engine/kinds/core/secret";
import type { AdmissionContext } from "../../../src/engine/kinds/types";
import { Rng } from "../../../src/engine/machinery/rng";
import { fieldErrorString } from "../../../src/engine/machinery/field-errors";

const NOW = Date.parse("2024-05-01T12:00:00Z");
const ctx: AdmissionContext = { nowMs: NOW, rng: new Rng("s"), list: () => [], get: () => undefined };
const mk = (extra: Partial<Secret>): Secret => ({ apiVersion: "v1", kind: "Secret", metadata: { name: "s", namespace: "default", creationTimestamp: "2024-05-01T11:59:30Z" }, ...extra });
const b64 = (s: string) => base64Utf8(s);
const errors = (s: Secret, old?: Secret) => secret.validate!(s, { nowMs: NOW, old }).map(fieldErrorString);

describe("Secret", () => {
  test("defaults the type to Opaque", () => {
    const s = mk({});
    secret.applyDefaults!(s, { nowMs: NOW });
    expect(s.type).toBe("Opaque");
  });

  test("stringData is merged into data as base64, overriding keys, and dropped", () => {
    const s = mk({ data: { user: b64("old"), keep: b64("k") }, stringData: { user: "admin", "päss": "s3crét" } });
    secret.prepareForCreate!(s, ctx);
    expect(s.stringData).toBeUndefined();
    expect(s.data).toEqual({ user: "YWRtaW4=", keep: "aw==", "päss": "czNjcsOpdA==" });
  });

  test("stringData is merged on update too", () => {
    const s = mk({ stringData: { token: "abc" } });
    secret.prepareForUpdate!(s, mk({}), ctx);
    expect(s.data).toEqual({ token: "YWJj" });
  });

  test.each<[string, Partial<Secret>, string[]]>([
    ["an Opaque secret with anything", { type: "Opaque", data: { a: b64("x") } }, []],
    ["a bad key", { type: "Opaque", data: { "a b": b64("x") } }, ["data[a b]: Invalid value: \"a b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"]],
    ["a TLS secret without keys", { type: "kubernetes.io/tls", data: {} }, ["data[tls.crt]: Required value", "data[tls.key]: Required value"]],
    ["a TLS secret with both keys", { type: "kubernetes.io/tls", data: { "tls.crt": b64("c"), "tls.key": b64("k") } }, []],
    ["a dockerconfigjson secret without its key", { type: "kubernetes.io/dockerconfigjson", data: {} }, ["data[.dockerconfigjson]: Required value"]],
    [
      "a dockerconfigjson secret that is not JSON",
      { type: "kubernetes.io/dockerconfigjson", data: { ".dockerconfigjson": b64("auths") } },
      ['data[.dockerconfigjson]: Invalid value: "<secret contents redacted>": invalid character \'a\' looking for beginning of value'],
    ],
    ["a valid dockerconfigjson secret", { type: "kubernetes.io/dockerconfigjson", data: { ".dockerconfigjson": b64('{"auths":{}}') } }, []],
    ["a basic-auth secret without username and password", { type: "kubernetes.io/basic-auth", data: {} }, ["data[username]: Required value", "data[password]: Required value"]],
    ["an ssh-auth secret without a key", { type: "kubernetes.io/ssh-auth", data: {} }, ["data[ssh-privatekey]: Required value"]],
    ["a service account token without its annotation", { type: "kubernetes.io/service-account-token" }, ["metadata.annotations[kubernetes.io/service-account.name]: Required value"]],
  ])("validates %s", (_, extra, expected) => {
    expect(errors(mk(extra))).toEqual(expected);
  });

  test("the type and an immutable secret's data may not change", () => {
    const old = mk({ type: "Opaque", immutable: true, data: { a: b64("1") } });
    const next = mk({ type: "kubernetes.io/tls", immutable: false, data: { a: b64("2"), "tls.crt": b64("c"), "tls.key": b64("k") } });
    expect(errors(next, old)).toEqual([
      'type: Invalid value: "kubernetes.io/tls": field is immutable',
      "immutable: Forbidden: field is immutable when `immutable` is set",
      "data: Forbidden: field is immutable when `immutable` is set",
    ]);
  });

  test("prints NAME TYPE DATA AGE and selects on type", () => {
    const s = mk({ type: "kubernetes.io/tls", data: { "tls.crt": "", "tls.key": "" } });
    expect(secret.printRow(s, { nowMs: NOW })).toEqual(["s", "kubernetes.io/tls", 2, "30s"]);
    expect(secret.fieldSelectors!.type(s)).toBe("kubernetes.io/tls");
  });
});
