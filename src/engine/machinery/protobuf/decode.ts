/**
 * Decodes `application/vnd.kubernetes.protobuf` request bodies into the JSON form of the object.
 *
 * Envelope: 4-byte magic `k8s\0`, then a runtime.Unknown message
 *   {1: typeMeta {1: apiVersion, 2: kind}, 2: raw, 3: contentEncoding, 4: contentType}
 * where `raw` is the typed message (e.g. k8s.io.api.apps.v1.Deployment), described by messages.ts.
 *
 * JSON shaping follows what Go's JSON encoding of the same object would produce, minus empty values:
 * - Go marshals every non-pointer field, so zero values ("" / 0 / false / empty object) of fields
 *   not marked keepZero are dropped; pointer (keepZero) fields are kept exactly as sent.
 * - Repeated fields become arrays (packed or unpacked), maps become objects; list items and map
 *   values are kept even when empty.
 * - Special shapes: Time/MicroTime -> RFC 3339 string, Quantity -> string, IntOrString -> number or
 *   string, FieldsV1 -> its JSON, bytes -> base64.
 * - Unknown field numbers are skipped. Any malformed input raises ProtobufDecodeError.
 */
import { MESSAGES, ROOT_MESSAGES, type FieldDef, type MessageDef } from "./messages";
import { MAX_BODY_BYTES, MAX_DEPTH, WIRE_FIXED32, WIRE_FIXED64, WIRE_LEN, WIRE_VARINT, WireReader } from "./wire";

export class ProtobufDecodeError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ProtobufDecodeError";
  }
}

export const KUBERNETES_PROTOBUF_MAGIC = Uint8Array.of(0x6b, 0x38, 0x73, 0x00); // "k8s\0"

/** Content types the envelope's `raw` may declare. */
const RAW_CONTENT_TYPES = new Set(["", "application/vnd.kubernetes.protobuf"]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Per-message accumulator: values by field, before zero-dropping (lets repeated occurrences merge). */
type Acc = Map<FieldDef, unknown>;

export function isSupportedProtobufKind(apiVersion: string, kind: string): boolean {
  return ROOT_MESSAGES.has(`${apiVersion} ${kind}`);
}

/** Decodes a `k8s\0`-framed runtime.Unknown body into a plain JSON object (apiVersion/kind set). Throws ProtobufDecodeError for malformed input or an unsupported kind. */
export function decodeKubernetesProtobuf(body: Uint8Array): Record<string, unknown> {
  try {
    return decodeEnvelope(body);
  } catch (err) {
    if (err instanceof ProtobufDecodeError) throw err;
    // WireFormatError, RangeError (e.g. stack), TypeError, SyntaxError from FieldsV1 JSON, ...
    const message = err instanceof Error ? err.message : String(err);
    throw new ProtobufDecodeError(`malformed protobuf body: ${message}`, { cause: err });
  }
}

function decodeEnvelope(body: Uint8Array): Record<string, unknown> {
  if (!(body instanceof Uint8Array)) throw new ProtobufDecodeError("protobuf body must be a Uint8Array");
  if (body.length > MAX_BODY_BYTES) throw new ProtobufDecodeError(`protobuf body exceeds ${MAX_BODY_BYTES} bytes`);
  if (body.length < 4 || KUBERNETES_PROTOBUF_MAGIC.some((b, i) => body[i] !== b)) {
    throw new ProtobufDecodeError("missing k8s\\0 protobuf magic prefix");
  }

  const r = new WireReader(body, 4);
  let apiVersion = "";
  let kind = "";
  let raw: Uint8Array = new Uint8Array(0);
  let contentEncoding = "";
  let contentType = "";
  while (!r.eof()) {
    const { field, wire } = r.tag();
    if (field >= 1 && field <= 4 && wire !== WIRE_LEN) {
      throw new ProtobufDecodeError(`runtime.Unknown field ${field} has wire type ${wire}`);
    }
    switch (field) {
      case 1: {
        const tm = r.sub();
        while (!tm.eof()) {
          const t = tm.tag();
          if ((t.field === 1 || t.field === 2) && t.wire === WIRE_LEN) {
            if (t.field === 1) apiVersion = tm.string();
            else kind = tm.string();
          } else tm.skip(t.wire);
        }
        break;
      }
      case 2:
        raw = r.bytes();
        break;
      case 3:
        contentEncoding = r.string();
        break;
      case 4:
        contentType = r.string();
        break;
      default:
        r.skip(wire);
    }
  }

  if (!kind || !apiVersion) throw new ProtobufDecodeError("protobuf envelope has no apiVersion/kind");
  if (contentEncoding !== "") throw new ProtobufDecodeError(`unsupported protobuf contentEncoding ${JSON.stringify(contentEncoding)}`);
  if (!RAW_CONTENT_TYPES.has(contentType)) throw new ProtobufDecodeError(`unsupported protobuf raw contentType ${JSON.stringify(contentType)}`);
  const root = ROOT_MESSAGES.get(`${apiVersion} ${kind}`);
  if (!root) throw new ProtobufDecodeError(`protobuf decoding is not supported for ${apiVersion}, Kind=${kind}`);

  const acc: Acc = new Map();
  decodeInto(new WireReader(raw), root, acc, 1);
  return { apiVersion, kind, ...finalize(root, acc) };
}

/** Reads all fields of `msg` from `r` into `acc` (merging, like proto's repeated-occurrence semantics). */
function decodeInto(r: WireReader, msg: MessageDef, acc: Acc, depth: number): void {
  if (depth > MAX_DEPTH) throw new ProtobufDecodeError(`protobuf message nesting exceeds ${MAX_DEPTH}`);
  while (!r.eof()) {
    const { field, wire } = r.tag();
    const f = msg.fields.get(field);
    if (!f) {
      r.skip(wire);
      continue;
    }
    if (f.map) {
      expectWire(f, msg, wire, WIRE_LEN);
      let obj = acc.get(f) as JsonObject | undefined;
      if (!obj) acc.set(f, (obj = {}));
      const [key, value] = readMapEntry(r.sub(), f, depth + 1);
      setKey(obj, key, value);
    } else if (f.repeated) {
      let arr = acc.get(f) as Json[] | undefined;
      if (!arr) acc.set(f, (arr = []));
      if (f.kind === "scalar" && wire === WIRE_LEN && f.type !== "string" && f.type !== "bytes") {
        // packed repeated numeric field
        const packed = r.sub();
        while (!packed.eof()) arr.push(readScalar(packed, f.type));
      } else {
        arr.push(readValue(r, f, msg, wire, depth));
      }
    } else if (f.kind === "message") {
      expectWire(f, msg, wire, WIRE_LEN);
      let sub = acc.get(f) as Acc | undefined;
      if (!sub) acc.set(f, (sub = new Map()));
      decodeInto(r.sub(), messageDef(f.type), sub, depth + 1);
    } else {
      acc.set(f, readValue(r, f, msg, wire, depth));
    }
  }
}

/** Reads one scalar, special or (finalized) message value of field `f`. */
function readValue(r: WireReader, f: FieldDef, msg: MessageDef, wire: number, depth: number): Json {
  if (f.kind === "scalar") {
    expectWire(f, msg, wire, scalarWire(f.type));
    return readScalar(r, f.type);
  }
  expectWire(f, msg, wire, WIRE_LEN);
  if (f.kind === "special") return readSpecial(r.sub(), f.type, depth + 1);
  const def = messageDef(f.type);
  const acc: Acc = new Map();
  decodeInto(r.sub(), def, acc, depth + 1);
  return finalize(def, acc);
}

function readMapEntry(r: WireReader, f: FieldDef, depth: number): [string, Json] {
  if (depth > MAX_DEPTH) throw new ProtobufDecodeError(`protobuf message nesting exceeds ${MAX_DEPTH}`);
  let key = "";
  let value: Json | undefined;
  let valueAcc: Acc | undefined;
  while (!r.eof()) {
    const { field, wire } = r.tag();
    if (field === 1) {
      if (wire !== WIRE_LEN) throw new ProtobufDecodeError(`map key of ${f.json} has wire type ${wire}`);
      key = r.string();
    } else if (field === 2) {
      if (f.kind === "scalar") {
        if (wire !== scalarWire(f.type)) throw new ProtobufDecodeError(`map value of ${f.json} has wire type ${wire}`);
        value = readScalar(r, f.type);
      } else {
        if (wire !== WIRE_LEN) throw new ProtobufDecodeError(`map value of ${f.json} has wire type ${wire}`);
        if (f.kind === "special") value = readSpecial(r.sub(), f.type, depth + 1);
        else decodeInto(r.sub(), messageDef(f.type), (valueAcc ??= new Map()), depth + 1);
      }
    } else r.skip(wire);
  }
  if (f.kind === "message") return [key, finalize(messageDef(f.type), valueAcc ?? new Map())];
  // A missing value is Go's zero value for the type.
  if (value === undefined) value = f.kind === "scalar" ? zeroScalar(f.type) : specialOfEmpty(f.type);
  return [key, value];
}

/** Turns an accumulator into JSON, dropping Go zero values of non-pointer fields. */
function finalize(msg: MessageDef, acc: Acc): JsonObject {
  const out: JsonObject = {};
  const fields = [...acc.keys()].sort((a, b) => a.num - b.num);
  for (const f of fields) {
    const v = acc.get(f);
    if (f.map) {
      if (Object.keys(v as JsonObject).length > 0) out[f.json!] = v as JsonObject;
    } else if (f.repeated) {
      if ((v as Json[]).length > 0) out[f.json!] = v as Json[];
    } else if (f.kind === "message") {
      const obj = finalize(messageDef(f.type), v as Acc);
      if (f.json === null) Object.assign(out, obj);
      else if (f.keepZero || Object.keys(obj).length > 0) out[f.json] = obj;
    } else {
      const value = v as Json;
      if (value === null) continue; // zero Time etc.: JSON null, treated as empty
      if (f.keepZero || !isZero(value, f.type)) out[f.json!] = value;
    }
  }
  return out;
}

function isZero(v: Json, type: string): boolean {
  if (type === "Quantity") return v === "" || v === "0";
  return v === "" || v === 0 || v === false;
}

function expectWire(f: FieldDef, msg: MessageDef, got: number, want: number): void {
  if (got !== want) {
    throw new ProtobufDecodeError(`${msg.name}.${f.json ?? "(inline)"} (field ${f.num}) has wire type ${got}, expected ${want}`);
  }
}

function messageDef(name: string): MessageDef {
  const def = MESSAGES.get(name);
  if (!def) throw new ProtobufDecodeError(`no protobuf message definition for ${name}`);
  return def;
}

function scalarWire(type: string): number {
  switch (type) {
    case "string":
    case "bytes":
      return WIRE_LEN;
    case "double":
      return WIRE_FIXED64;
    case "float":
      return WIRE_FIXED32;
    default:
      return WIRE_VARINT;
  }
}

function readScalar(r: WireReader, type: string): Json {
  switch (type) {
    case "string":
      return r.string();
    case "bytes":
      return base64(r.bytes());
    case "int32":
      return r.int32();
    case "int64":
      return r.int64();
    case "uint32":
      return r.uint64() >>> 0;
    case "uint64":
      return r.uint64();
    case "bool":
      return r.bool();
    case "double":
      return finiteOrThrow(r.double());
    case "float":
      return finiteOrThrow(r.float());
    default:
      throw new ProtobufDecodeError(`unknown scalar type ${type}`);
  }
}

function zeroScalar(type: string): Json {
  if (type === "string" || type === "bytes") return "";
  if (type === "bool") return false;
  return 0;
}

function finiteOrThrow(n: number): number {
  if (!Number.isFinite(n)) throw new ProtobufDecodeError("non-finite floating point value");
  return n;
}

// ---- special shapes (apimachinery types with custom JSON) ----

function readSpecial(r: WireReader, type: string, depth: number): Json {
  if (depth > MAX_DEPTH) throw new ProtobufDecodeError(`protobuf message nesting exceeds ${MAX_DEPTH}`);
  switch (type) {
    case "Time":
    case "MicroTime":
      return readTimestamp(r, type === "MicroTime");
    case "Quantity": {
      // resource.Quantity {1: string}; an absent string is the zero Quantity, "0".
      let s = "0";
      while (!r.eof()) {
        const { field, wire } = r.tag();
        if (field === 1 && wire === WIRE_LEN) s = r.string();
        else r.skip(wire);
      }
      return s;
    }
    case "IntOrString": {
      // intstr.IntOrString {1: type (0 = Int, 1 = String), 2: intVal, 3: strVal}
      let kind = 0;
      let intVal = 0;
      let strVal = "";
      while (!r.eof()) {
        const { field, wire } = r.tag();
        if (field === 1 && wire === WIRE_VARINT) kind = r.int64();
        else if (field === 2 && wire === WIRE_VARINT) intVal = r.int32();
        else if (field === 3 && wire === WIRE_LEN) strVal = r.string();
        else r.skip(wire);
      }
      return kind === 1 ? strVal : intVal;
    }
    case "FieldsV1": {
      // metav1.FieldsV1 {1: Raw} where Raw is JSON.
      let raw: Uint8Array | null = null;
      while (!r.eof()) {
        const { field, wire } = r.tag();
        if (field === 1 && wire === WIRE_LEN) raw = r.bytes();
        else r.skip(wire);
      }
      if (!raw || raw.length === 0) return null;
      return JSON.parse(new TextDecoder().decode(raw)) as Json;
    }
    default:
      throw new ProtobufDecodeError(`unknown special type ${type}`);
  }
}

function specialOfEmpty(type: string): Json {
  return readSpecial(new WireReader(new Uint8Array(0)), type, 0);
}

const ZERO_TIME_SECONDS = -62135596800; // 0001-01-01T00:00:00Z, Go's zero time.Time
const MAX_TIME_SECONDS = 253402300799; // 9999-12-31T23:59:59Z

/**
 * metav1.Time / MicroTime {1: seconds, 2: nanos}. An empty message is the zero time (JSON null).
 * Time drops the nanos (as apimachinery's Time.Unmarshal does); MicroTime keeps microseconds.
 */
function readTimestamp(r: WireReader, micro: boolean): Json {
  if (r.eof()) return null;
  let seconds = 0;
  let nanos = 0;
  while (!r.eof()) {
    const { field, wire } = r.tag();
    if (field === 1 && wire === WIRE_VARINT) seconds = r.int64();
    else if (field === 2 && wire === WIRE_VARINT) nanos = r.int32();
    else r.skip(wire);
  }
  if (seconds === ZERO_TIME_SECONDS && (!micro || nanos === 0)) return null;
  if (seconds < ZERO_TIME_SECONDS || seconds > MAX_TIME_SECONDS || !Number.isSafeInteger(seconds)) {
    throw new ProtobufDecodeError(`timestamp ${seconds} is out of range`);
  }
  if (nanos < 0 || nanos > 999_999_999) throw new ProtobufDecodeError(`timestamp nanos ${nanos} is out of range`);
  const iso = new Date(seconds * 1000).toISOString(); // YYYY-MM-DDTHH:MM:SS.000Z for years 0..9999
  const base = iso.slice(0, 19);
  if (!micro) return `${base}Z`;
  return `${base}.${String(Math.floor(nanos / 1000)).padStart(6, "0")}Z`;
}

function base64(bytes: Uint8Array): string {
  let binary = "";
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/** Sets a map key without letting "__proto__" reach the prototype setter. */
function setKey(obj: JsonObject, key: string, value: Json): void {
  if (key === "__proto__") Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}
