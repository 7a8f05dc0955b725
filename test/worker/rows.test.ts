// Rows written are billed: a WITHOUT ROWID table writes one row per object instead of two
// (table plus primary-key index).
import { expect, test } from "vitest";
import { env } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { newSession } from "./helpers";

test("storing one object writes one row", async () => {
  const s = await newSession();
  const written = await runInDurableObject(env.SANDBOX.get(env.SANDBOX.idFromName(s.id)), (_i, state) => {
    const cursor = state.storage.sql.exec("INSERT INTO objects (key, resource, namespace, name, body) VALUES ('x/y/z', 'x', 'y', 'z', '{}')");
    cursor.toArray();
    return cursor.rowsWritten;
  });
  expect(written).toBe(1);
});
