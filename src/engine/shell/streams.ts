// Streams between commands: pipes, string sources and sinks.
import type { InputSource, OutputSink } from "./types";

/** An input that yields one string, then ends. */
export class StringSource implements InputSource {
  private done = false;
  constructor(private text: string) {}
  async read(): Promise<string | null> {
    if (this.done || this.text === "") {
      this.done = true;
      return null;
    }
    this.done = true;
    return this.text;
  }
}

/** An input that is already at its end. */
export const EMPTY_INPUT: InputSource = { read: async () => null };

/** A sink that keeps everything written (up to `limit` bytes; the rest is dropped and `overflow` set). */
export class StringSink implements OutputSink {
  text = "";
  overflow = false;
  constructor(private limit = Infinity) {}
  write(text: string): void {
    if (this.overflow) return;
    if (this.text.length + text.length > this.limit) {
      this.text += text.slice(0, Math.max(0, this.limit - this.text.length));
      this.overflow = true;
      return;
    }
    this.text += text;
  }
}

export const NULL_SINK: OutputSink = { write() {} };

/**
 * A pipe between two pipeline stages: writes are queued until read. Once the reader has finished,
 * the next write calls `onBrokenPipe` (bash's SIGPIPE: the writer is stopped) and is dropped.
 */
export class Pipe implements InputSource, OutputSink {
  private chunks: string[] = [];
  private writeClosed = false;
  private readClosed = false;
  private wake: (() => void) | undefined;
  onBrokenPipe: (() => void) | undefined;

  write(text: string): void {
    if (this.readClosed) {
      const f = this.onBrokenPipe;
      this.onBrokenPipe = undefined;
      f?.();
      return;
    }
    if (this.writeClosed || text === "") return;
    this.chunks.push(text);
    this.notify();
  }

  closeWrite(): void {
    this.writeClosed = true;
    this.notify();
  }

  /** The reader has finished: later writes break the pipe. */
  closeRead(): void {
    this.readClosed = true;
    this.chunks = [];
  }

  private notify(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  async read(): Promise<string | null> {
    for (;;) {
      if (this.chunks.length) {
        const out = this.chunks.join("");
        this.chunks = [];
        return out;
      }
      if (this.writeClosed || this.readClosed) return null;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}

/** Reads a whole input (up to `limit` characters; past it the rest is discarded and `truncated` is set). */
export async function readAll(input: InputSource, limit = Infinity): Promise<string> {
  let out = "";
  for (let c = await input.read(); c !== null; c = await input.read()) {
    if (out.length < limit) out += c.length + out.length > limit ? c.slice(0, limit - out.length) : c;
  }
  return out;
}

/** Yields an input line by line as it arrives (each line without its newline; `last` tells whether it had one). */
export async function* readLines(input: InputSource): AsyncGenerator<{ line: string; newline: boolean }> {
  let buf = "";
  for (let c = await input.read(); c !== null; c = await input.read()) {
    buf += c;
    let i: number;
    let start = 0;
    while ((i = buf.indexOf("\n", start)) >= 0) {
      yield { line: buf.slice(start, i), newline: true };
      start = i + 1;
    }
    buf = buf.slice(start);
  }
  if (buf !== "") yield { line: buf, newline: false };
}
