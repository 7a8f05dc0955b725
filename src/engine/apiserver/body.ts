// Request bodies: JSON, YAML and Kubernetes protobuf, with the size and alias limits that keep a
// hostile body from hurting the sandbox.
import { parse as parseYaml } from "yaml";
import { ApiError, badRequest, tooLarge, unsupportedMediaType } from "../machinery/status";
import { decodeKubernetesProtobuf, ProtobufDecodeError } from "../machinery/protobuf/decode";
import { LIMITS } from "../limits";

export function mediaType(contentType: string | undefined): string {
  return (contentType ?? "").split(";")[0].trim().toLowerCase();
}

const decoder = new TextDecoder();

/** Parses a write body into a JSON value according to its Content-Type. */
export function parseBody(body: Uint8Array | undefined, contentType: string | undefined): unknown {
  if (!body || body.length === 0) throw badRequest("the request body is empty: send an object as JSON or YAML");
  if (body.length > LIMITS.maxRequestBodyBytes) throw tooLarge(LIMITS.maxRequestBodyBytes);
  const type = mediaType(contentType);
  if (type === "application/vnd.kubernetes.protobuf") {
    try {
      return decodeKubernetesProtobuf(body);
    } catch (e) {
      if (e instanceof ProtobufDecodeError) throw badRequest(`unable to decode the protobuf body: ${e.message}`);
      throw e;
    }
  }
  const text = decoder.decode(body);
  if (type === "application/yaml" || type === "application/apply-patch+yaml" || type === "text/yaml") return parseYamlDoc(text);
  if (type === "" || type === "application/json" || type.endsWith("+json") || type === "*/*") return parseJson(text);
  throw unsupportedMediaType(contentType ?? "");
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw badRequest(`couldn't get version/kind; json parse error: ${(e as Error).message}`);
  }
}

export function parseYamlDoc(text: string): unknown {
  try {
    return parseYaml(text, { maxAliasCount: LIMITS.maxYamlAliases, prettyErrors: false, version: "1.2" });
  } catch (e) {
    if (e instanceof ApiError) throw e;
    let msg = (e as Error).message.split("\n")[0];
    // go-yaml's billion-laughs guard, in its own words.
    if (/excessive alias count/i.test(msg)) msg = "document contains excessive aliasing";
    throw badRequest(`error converting YAML to JSON: yaml: ${msg}`);
  }
}
