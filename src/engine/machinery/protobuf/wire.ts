/**
 * Minimal protobuf wire-format reader (proto2, as used by Kubernetes' generated.proto).
 *
 * Only what the Kubernetes decoder needs: varints, length-delimited fields, fixed32/fixed64
 * (skipped or read as floats) and tag parsing. Every read is bounds-checked; group wire
 * types (3, 4) are rejected. Errors are thrown as `WireFormatError`, which the decoder turns
 * into its public error type.
 *
 * Runs in Workers: Uint8Array / DataView / TextDecoder only.
 */

/** Hard cap on the size of a body we are willing to decode (the apiserver's request limit is 3 MiB). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;
/** Hard cap on nesting of length-delimited messages (Kubernetes objects nest ~15 levels deep). */
export const MAX_DEPTH = 40;

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_LEN = 2;
export const WIRE_FIXED32 = 5;

export class WireFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WireFormatError";
  }
}

const utf8 = new TextDecoder("utf-8");

export interface Tag {
  field: number;
  wire: number;
}

/** A cursor over `buf[pos, end)`. `sub()` returns a reader bounded to one length-delimited field. */
export class WireReader {
  pos: number;
  readonly end: number;

  constructor(
    readonly buf: Uint8Array,
    start = 0,
    end = buf.length,
  ) {
    if (start < 0 || end > buf.length || start > end) throw new WireFormatError("reader bounds out of range");
    this.pos = start;
    this.end = end;
  }

  eof(): boolean {
    return this.pos >= this.end;
  }

  /** Reads a varint as two unsigned 32-bit halves (protobuf varints are at most 10 bytes). */
  varint64(): { lo: number; hi: number } {
    let lo = 0;
    let hi = 0;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new WireFormatError("truncated varint");
      const b = this.buf[this.pos++];
      if (i < 4) lo |= (b & 0x7f) << (7 * i);
      else if (i === 4) {
        lo |= (b & 0x0f) << 28;
        hi |= (b & 0x7f) >>> 4;
      } else hi |= (b & 0x7f) << (7 * i - 32);
      if ((b & 0x80) === 0) {
        if (i === 9 && b > 1) throw new WireFormatError("varint overflows 64 bits");
        return { lo: lo >>> 0, hi: hi >>> 0 };
      }
    }
    throw new WireFormatError("varint longer than 10 bytes");
  }

  /** Varint as a non-negative integer that must fit in 32 bits (lengths, tags). */
  uint32(): number {
    const { lo, hi } = this.varint64();
    if (hi !== 0) throw new WireFormatError("varint does not fit in 32 bits");
    return lo;
  }

  /** proto `int32`: negative values are sign-extended to 10 bytes; the low 32 bits carry the value. */
  int32(): number {
    return this.varint64().lo | 0;
  }

  /** proto `int64` as a JS number (values beyond 2^53 lose precision, as JSON.parse would). */
  int64(): number {
    const { lo, hi } = this.varint64();
    return (hi | 0) * 0x1_0000_0000 + lo;
  }

  uint64(): number {
    const { lo, hi } = this.varint64();
    return hi * 0x1_0000_0000 + lo;
  }

  bool(): boolean {
    const { lo, hi } = this.varint64();
    return lo !== 0 || hi !== 0;
  }

  private need(n: number): void {
    if (n < 0 || this.end - this.pos < n) throw new WireFormatError("truncated field");
  }

  /** The raw bytes of a length-delimited field (a view, not a copy). */
  bytes(): Uint8Array {
    const len = this.uint32();
    this.need(len);
    const out = this.buf.subarray(this.pos, this.pos + len);
    this.pos += len;
    return out;
  }

  /** A reader bounded to the next length-delimited field. */
  sub(): WireReader {
    const len = this.uint32();
    this.need(len);
    const r = new WireReader(this.buf, this.pos, this.pos + len);
    this.pos += len;
    return r;
  }

  string(): string {
    return utf8.decode(this.bytes());
  }

  double(): number {
    this.need(8);
    const v = new DataView(this.buf.buffer, this.buf.byteOffset + this.pos, 8).getFloat64(0, true);
    this.pos += 8;
    return v;
  }

  float(): number {
    this.need(4);
    const v = new DataView(this.buf.buffer, this.buf.byteOffset + this.pos, 4).getFloat32(0, true);
    this.pos += 4;
    return v;
  }

  tag(): Tag {
    const key = this.uint32();
    const field = key >>> 3;
    const wire = key & 7;
    if (field === 0) throw new WireFormatError("field number 0 is invalid");
    if (wire !== WIRE_VARINT && wire !== WIRE_FIXED64 && wire !== WIRE_LEN && wire !== WIRE_FIXED32) {
      throw new WireFormatError(`unsupported wire type ${wire} for field ${field}`);
    }
    return { field, wire };
  }

  /** Skips the value of a field whose tag was just read. */
  skip(wire: number): void {
    switch (wire) {
      case WIRE_VARINT:
        this.varint64();
        return;
      case WIRE_FIXED64:
        this.need(8);
        this.pos += 8;
        return;
      case WIRE_LEN: {
        const len = this.uint32();
        this.need(len);
        this.pos += len;
        return;
      }
      case WIRE_FIXED32:
        this.need(4);
        this.pos += 4;
        return;
      default:
        throw new WireFormatError(`cannot skip wire type ${wire}`);
    }
  }
}
