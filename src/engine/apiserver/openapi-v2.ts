// GET /openapi/v2: the Swagger 2.0 document. kubectl only reads it as a fallback (client-side
// validation of kinds the OpenAPI v3 documents do not know, and patch metadata when v3 has none);
// both skip kinds the document does not define, which is what a typo'd `kind:` needs in order to
// reach kubectl's "no matches for kind" message. So the document names the API and defines no
// paths or definitions: OpenAPI v3 (openapi.ts) describes every kind.
export const OPENAPI_V2_PROTOBUF = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

const TITLE = "Kubernetes";

/** Protobuf length-delimited field (wire type 2) with a short payload. */
function field(num: number, payload: Uint8Array): Uint8Array {
  if (payload.length > 127) throw new Error("payload too long for a one-byte length");
  return Uint8Array.from([(num << 3) | 2, payload.length, ...payload]);
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/** gnostic openapi_v2.Document { swagger = 1; info = 2 { title = 1; version = 2 } }. */
export function openApiV2Protobuf(version: string): Uint8Array {
  const info = new Uint8Array([...field(1, utf8(TITLE)), ...field(2, utf8(version))]);
  return new Uint8Array([...field(1, utf8("2.0")), ...field(2, info)]);
}

export function openApiV2Json(version: string): Record<string, unknown> {
  return { swagger: "2.0", info: { title: TITLE, version }, paths: {}, definitions: {} };
}

/** Whether the Accept header asks for the protobuf form (as kubectl's discovery client does). */
export function wantsOpenApiV2Protobuf(accept: string | undefined): boolean {
  return !!accept && /application\/com\.github\.proto-openapi\.spec\.v2[.@]v1\.0\+protobuf/.test(accept);
}
