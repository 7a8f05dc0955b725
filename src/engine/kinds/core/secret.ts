// core/v1 Secret: schema, SetDefaults_Secret (type Opaque), the v1->internal conversion that merges
// stringData into data (base64) and drops stringData, ValidateSecret / ValidateSecretUpdate
// (per-type required keys, immutability) and printSecret.
import type { KindDef, KubeObject } from "../types";
import { bool, bytesMap, kindSchema, stringMap, str } from "../schema";
import { ObjectMeta } from "../common/meta";
import { age, ageColumn, col, nameColumn } from "../common/print";
import { forbidden, invalid, key, required, tooLong, type FieldError } from "../../machinery/field-errors";
import { isConfigMapKey } from "./configmap-keys";

export interface Secret extends KubeObject {
  type?: string;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  immutable?: boolean;
}

/** core.MaxSecretSize */
export const MAX_SECRET_SIZE = 1 * 1024 * 1024;

export const SecretType = {
  Opaque: "Opaque",
  ServiceAccountToken: "kubernetes.io/service-account-token",
  Dockercfg: "kubernetes.io/dockercfg",
  DockerConfigJson: "kubernetes.io/dockerconfigjson",
  BasicAuth: "kubernetes.io/basic-auth",
  SSHAuth: "kubernetes.io/ssh-auth",
  TLS: "kubernetes.io/tls",
  BootstrapToken: "bootstrap.kubernetes.io/token",
} as const;

// ---------------------------------------------------------------------------------------------
// Behaviour
// ---------------------------------------------------------------------------------------------

/** Standard base64 of a string's UTF-8 bytes (what []byte(stringData[k]) serialises to). */
export function base64Utf8(s: string): string {
  const bytes = new TextEncoder().encode(s);
  const abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += abc[(n >> 18) & 63] + abc[(n >> 12) & 63];
    out += i + 1 < bytes.length ? abc[(n >> 6) & 63] : "=";
    out += i + 2 < bytes.length ? abc[n & 63] : "=";
  }
  return out;
}

/** Decodes standard base64 to bytes (undefined when malformed). */
export function decodeBase64(s: string): Uint8Array | undefined {
  if (s.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return undefined;
  const abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const pad = s.endsWith("==") ? 2 : s.endsWith("=") ? 1 : 0;
  const out = new Uint8Array((s.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < s.length; i += 4) {
    const n = [0, 1, 2, 3].reduce((acc, j) => (acc << 6) | Math.max(0, abc.indexOf(s[i + j])), 0);
    for (const b of [(n >> 16) & 255, (n >> 8) & 255, n & 255]) if (o < out.length) out[o++] = b;
  }
  return out;
}

const decodedLength = (b64: string) => decodeBase64(b64)?.length ?? Math.floor((b64.length * 3) / 4);

/** Convert_v1_Secret_To_core_Secret: stringData overwrites data keys and is never stored. */
export function mergeStringData(secret: Secret): void {
  if (secret.stringData && Object.keys(secret.stringData).length) {
    secret.data = { ...(secret.data ?? {}) };
    for (const [k, v] of Object.entries(secret.stringData)) secret.data[k] = base64Utf8(v);
  }
  delete secret.stringData;
}

/**
 * encoding/json's error for content that is not a JSON object (json.Unmarshal into
 * map[string]interface{}), for the .dockercfg / .dockerconfigjson checks. Covers the usual cases.
 */
export function goJsonObjectError(text: string): string | undefined {
  try {
    const v = JSON.parse(text);
    if (v === null || (typeof v === "object" && !Array.isArray(v))) return undefined;
    const kind = Array.isArray(v) ? "array" : typeof v === "boolean" ? "bool" : typeof v;
    return `json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`;
  } catch {
    const trimmed = text.replace(/^[ \t\r\n]+/, "");
    if (!trimmed) return "unexpected end of JSON input";
    const c = trimmed[0];
    if (!"{[\"-0123456789tfn".includes(c)) return `invalid character ${goQuoteRune(c)} looking for beginning of value`;
    return "unexpected end of JSON input";
  }
}

function goQuoteRune(c: string): string {
  if (c === "'") return "'\\''";
  if (c === "\\") return "'\\\\'";
  return `'${c}'`;
}

export function validateSecret(secret: Secret, old: Secret | undefined): FieldError[] {
  const errs: FieldError[] = [];
  const data = secret.data ?? {};
  if (old) {
    if ((secret.type ?? "") !== (old.type ?? "")) errs.push(invalid("type", secret.type ?? "", "field is immutable"));
    if (old.immutable) {
      if (!secret.immutable) errs.push(forbidden("immutable", "field is immutable when `immutable` is set"));
      if (JSON.stringify(sorted(old.data)) !== JSON.stringify(sorted(secret.data))) errs.push(forbidden("data", "field is immutable when `immutable` is set"));
    }
  }
  let total = 0;
  for (const k of Object.keys(data).sort()) {
    for (const msg of isConfigMapKey(k)) errs.push(invalid(key("data", k), k, msg));
    total += decodedLength(data[k]);
  }
  if (total > MAX_SECRET_SIZE) errs.push(tooLong("data", MAX_SECRET_SIZE));
  const has = (k: string) => Object.prototype.hasOwnProperty.call(data, k);
  const text = (k: string) => new TextDecoder().decode(decodeBase64(data[k]) ?? new Uint8Array());
  switch (secret.type) {
    case SecretType.ServiceAccountToken: {
      const name = "kubernetes.io/service-account.name";
      if (!secret.metadata.annotations?.[name]) errs.push(required(`metadata.annotations[${name}]`));
      break;
    }
    case SecretType.Opaque:
    case "":
    case undefined:
      break;
    case SecretType.Dockercfg:
    case SecretType.DockerConfigJson: {
      const k = secret.type === SecretType.Dockercfg ? ".dockercfg" : ".dockerconfigjson";
      if (!has(k)) {
        errs.push(required(key("data", k)));
        break;
      }
      const why = goJsonObjectError(text(k));
      if (why) errs.push(invalid(key("data", k), "<secret contents redacted>", why));
      break;
    }
    case SecretType.BasicAuth:
      if (!has("username") && !has("password")) errs.push(required(key("data", "username")), required(key("data", "password")));
      break;
    case SecretType.SSHAuth:
      if (!data["ssh-privatekey"]) errs.push(required(key("data", "ssh-privatekey")));
      break;
    case SecretType.TLS:
      if (!has("tls.crt")) errs.push(required(key("data", "tls.crt")));
      if (!has("tls.key")) errs.push(required(key("data", "tls.key")));
      break;
  }
  return errs;
}

function sorted(m: Record<string, string> | undefined): Array<[string, string]> {
  return Object.entries(m ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export const secret: KindDef<Secret> = {
  group: "",
  version: "v1",
  kind: "Secret",
  plural: "secrets",
  singular: "secret",
  namespaced: true,
  schema: kindSchema(
    "io.k8s.api.core.v1.Secret",
    "Secret holds secret data of a certain type. The total bytes of the values in the Data field must be less than MaxSecretSize bytes.",
    {
      data: bytesMap("Data contains the secret data. Each key must consist of alphanumeric characters, '-', '_' or '.'. The serialized form of the secret data is a base64 encoded string, representing the arbitrary (possibly non-string) data value here. Described in https://tools.ietf.org/html/rfc4648#section-4"),
      immutable: bool("Immutable, if set to true, ensures that data stored in the Secret cannot be updated (only object metadata can be modified). If not set to true, the field can be modified at any time. Defaulted to nil."),
      stringData: stringMap("stringData allows specifying non-binary secret data in string form. It is provided as a write-only input field for convenience. All keys and values are merged into the data field on write, overwriting any existing values. The stringData field is never output when reading from the API."),
      type: str("Used to facilitate programmatic handling of secret data. More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types"),
    },
    ObjectMeta,
  ),
  applyDefaults(s) {
    if (!s.type) s.type = SecretType.Opaque;
  },
  prepareForCreate: (s) => mergeStringData(s),
  prepareForUpdate: (s) => mergeStringData(s),
  validate: (s, ctx) => validateSecret(s, ctx.old as Secret | undefined),
  columns: [
    nameColumn(),
    col("Type", "string", "Used to facilitate programmatic handling of secret data. More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types"),
    col(
      "Data",
      "string",
      "Data contains the secret data. Each key must consist of alphanumeric characters, '-', '_' or '.'. The serialized form of the secret data is a base64 encoded string, representing the arbitrary (possibly non-string) data value here. Described in https://tools.ietf.org/html/rfc4648#section-4",
    ),
    ageColumn(),
  ],
  printRow: (s, ctx) => [s.metadata.name ?? "", s.type ?? "", Object.keys(s.data ?? {}).length, age(s, ctx.nowMs)],
  fieldSelectors: {
    type: (s) => s.type ?? "",
  },
};
