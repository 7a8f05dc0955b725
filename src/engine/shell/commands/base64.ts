// base64 [-d] [-w COLS] [FILE] — UTF-8 text in and out.
import type { CommandFn } from "../types";
import { command, parseOptions, readInput } from "./util";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

export function encodeBase64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63] + (i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : "=") + (i + 2 < bytes.length ? ALPHABET[n & 63] : "=");
  }
  return out;
}

export function decodeBase64(text: string, ignoreGarbage = false): Uint8Array | undefined {
  let clean = text.replace(/\s+/g, "");
  if (ignoreGarbage) clean = clean.replace(/[^A-Za-z0-9+/=]/g, "");
  if (/[^A-Za-z0-9+/=]/.test(clean) || /=[^=]/.test(clean)) return undefined;
  const bytes: number[] = [];
  let bits = 0;
  let acc = 0;
  for (const c of clean.replace(/=+$/, "")) {
    acc = (acc << 6) | ALPHABET.indexOf(c);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((acc >> bits) & 255);
    }
  }
  if (clean.replace(/=+$/, "").length % 4 === 1) return undefined;
  return new Uint8Array(bytes);
}

export const base64: CommandFn = command(async (ctx) => {
  const o = parseOptions(ctx, { flags: "di", values: "w", long: { decode: "d", wrap: "w", "ignore-garbage": "i" } });
  if (o.operands.length > 1) {
    ctx.stderr.write(`base64: extra operand ‘${o.operands[1]}’\nTry 'base64 --help' for more information.\n`);
    return 1;
  }
  const text = await readInput(ctx, o.operands[0] ?? "-");
  if (text === undefined) return 1;
  if (o.has("d")) {
    const bytes = decodeBase64(text, o.has("i"));
    if (!bytes) {
      ctx.stderr.write("base64: invalid input\n");
      return 1;
    }
    ctx.stdout.write(new TextDecoder().decode(bytes));
    return 0;
  }
  const wrapRaw = o.get("w") ?? "76";
  if (!/^\d+$/.test(wrapRaw)) {
    ctx.stderr.write(`base64: invalid wrap size: ‘${wrapRaw}’\n`);
    return 1;
  }
  const wrap = Number(wrapRaw);
  const enc = encodeBase64(new TextEncoder().encode(text));
  if (wrap === 0) ctx.stdout.write(enc);
  else {
    let out = "";
    for (let i = 0; i < enc.length; i += wrap) out += enc.slice(i, i + wrap) + "\n";
    ctx.stdout.write(out);
  }
  return 0;
});
