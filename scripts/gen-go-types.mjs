#!/usr/bin/env node
// Writes src/engine/kubectl/typed/go-types.generated.ts: for the Go structs kubectl decodes built-in
// objects into (k8s.io/api core, apps, batch, rbac v1 and metav1), each struct's JSON fields in Go
// field order with their Go types and whether they are `omitempty`. kubectl's typed round trip
// (src/engine/kubectl/typed/round-trip.ts) reads this table: field order is what `-o json` prints,
// omitempty decides which zero values are printed (`creationTimestamp: null`, `strategy: {}`).
//
// Usage (point it at release-1.32 checkouts or exported files):
//   node scripts/gen-go-types.mjs <k8s.io/api dir> <k8s.io/apimachinery dir>
// It reads <api>/{core,apps,batch,rbac}/v1/types.go and <apimachinery>/pkg/apis/meta/v1/types.go.
//
// Type notation in the table (one string per struct, fields separated by spaces):
//   field   = jsonName ":" type ["?" when omitempty]; an embedded `json:",inline"` struct is "^:" type
//   type    = "s" string | "i" integer | "f" float | "b" bool | "y" []byte | "t" metav1.Time/MicroTime
//           | "q" resource.Quantity | "x" intstr.IntOrString | "d" metav1.Duration
//           | "r" raw JSON (runtime.RawExtension, metav1.FieldsV1, interfaces)
//           | "*" type (pointer) | "[]" type (slice) | "{}" type (map with string keys)
//           | pkg "." Name (another struct in the table)
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [apiDir, machineryDir] = process.argv.slice(2);
if (!apiDir || !machineryDir) {
  console.error("usage: node scripts/gen-go-types.mjs <k8s.io/api dir> <k8s.io/apimachinery dir>");
  process.exit(2);
}

/** Package → file; import aliases are resolved per file. */
const SOURCES = [
  { pkg: "core", file: join(apiDir, "core/v1/types.go") },
  { pkg: "apps", file: join(apiDir, "apps/v1/types.go") },
  { pkg: "batch", file: join(apiDir, "batch/v1/types.go") },
  { pkg: "rbac", file: join(apiDir, "rbac/v1/types.go") },
  { pkg: "meta", file: join(machineryDir, "pkg/apis/meta/v1/types.go") },
];

const IMPORT_PKG = {
  "k8s.io/api/core/v1": "core",
  "k8s.io/apimachinery/pkg/apis/meta/v1": "meta",
};

/** Types with their own JSON encoding. */
const SPECIAL = {
  "meta.Time": "t",
  "meta.MicroTime": "t",
  "meta.Duration": "d",
  "meta.FieldsV1": "r",
  "resource.Quantity": "q",
  "intstr.IntOrString": "x",
  "runtime.RawExtension": "r",
  "types.UID": "s",
};

/** The kinds whose structs (and everything they reach) are written out. */
const ROOTS = [
  "core.Pod",
  "core.ReplicationController",
  "core.Service",
  "core.ServiceAccount",
  "core.ConfigMap",
  "core.Secret",
  "core.Namespace",
  "core.PersistentVolumeClaim",
  "apps.Deployment",
  "apps.ReplicaSet",
  "apps.StatefulSet",
  "apps.DaemonSet",
  "batch.Job",
  "batch.CronJob",
  "rbac.Role",
  "rbac.ClusterRole",
  "rbac.RoleBinding",
  "rbac.ClusterRoleBinding",
];

const structs = new Map(); // qualified name -> [{ json, type, omitempty, inline }]
const named = new Map(); // qualified name -> underlying type expression (qualified)

for (const { pkg, file } of SOURCES) {
  const text = readFileSync(file, "utf8");
  const aliases = { [pkg === "core" ? "v1" : "__self"]: pkg };
  for (const m of text.matchAll(/^\s*(?:(\w+)\s+)?"([^"]+)"\s*$/gm)) {
    const path = m[2];
    const alias = m[1] ?? path.split("/").pop();
    aliases[alias] = IMPORT_PKG[path] ?? path.split("/").pop();
  }
  const qualify = (expr) => qualifyType(expr, pkg, aliases);
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const start = lines[i].match(/^type (\w+) struct \{\s*$/);
    if (start) {
      const fields = [];
      let inComment = false;
      for (i++; i < lines.length && lines[i] !== "}"; i++) {
        const line = lines[i].trim();
        if (inComment) {
          if (line.endsWith("*/")) inComment = false;
          continue;
        }
        if (line.startsWith("/*")) {
          inComment = !line.endsWith("*/");
          continue;
        }
        if (!line || line.startsWith("//")) continue;
        const m = line.match(/^(?:(\w+)\s+)?([^\s`]+)\s+`([^`]*)`/);
        if (!m) throw new Error(`${file}:${i + 1}: cannot parse field: ${line}`);
        const tag = m[3].match(/json:"([^"]*)"/);
        if (!tag) throw new Error(`${file}:${i + 1}: no json tag: ${line}`);
        const [name, ...opts] = tag[1].split(",");
        if (name === "-") continue;
        const inline = opts.includes("inline");
        fields.push({ json: inline ? "^" : name || m[1], type: qualify(m[2]), omitempty: opts.includes("omitempty"), inline });
      }
      structs.set(`${pkg}.${start[1]}`, fields);
      continue;
    }
    const alias = lines[i].match(/^type (\w+) (?!struct\b)(?!interface\b)(\S+)\s*$/);
    if (alias) named.set(`${pkg}.${alias[1]}`, qualify(alias[2]));
  }
}

function qualifyType(expr, pkg, aliases) {
  if (expr.startsWith("*")) return "*" + qualifyType(expr.slice(1), pkg, aliases);
  if (expr.startsWith("[]")) return "[]" + qualifyType(expr.slice(2), pkg, aliases);
  if (expr.startsWith("map[")) {
    const close = expr.indexOf("]");
    return `map[${qualifyType(expr.slice(4, close), pkg, aliases)}]${qualifyType(expr.slice(close + 1), pkg, aliases)}`;
  }
  if (expr.includes(".")) {
    const [alias, name] = expr.split(".");
    return `${aliases[alias] ?? alias}.${name}`;
  }
  if (/^[a-z]/.test(expr)) return expr; // builtin
  return `${pkg}.${expr}`;
}

/** The table's notation for a qualified Go type expression; collects referenced structs. */
function notation(expr, reached) {
  if (expr.startsWith("*")) return "*" + notation(expr.slice(1), reached);
  if (expr === "[]byte") return "y";
  if (expr.startsWith("[]")) return "[]" + notation(expr.slice(2), reached);
  if (expr.startsWith("map[")) {
    const close = expr.indexOf("]");
    return "{}" + notation(expr.slice(close + 1), reached);
  }
  if (SPECIAL[expr]) return SPECIAL[expr];
  switch (expr) {
    case "string":
      return "s";
    case "int":
    case "int32":
    case "int64":
    case "uint32":
    case "uint64":
      return "i";
    case "float32":
    case "float64":
      return "f";
    case "bool":
      return "b";
    case "interface{}":
      return "r";
  }
  if (structs.has(expr)) {
    reached.push(expr);
    return expr;
  }
  if (named.has(expr)) return notation(named.get(expr), reached);
  throw new Error(`unknown type ${expr}`);
}

const out = new Map();
const queue = [...ROOTS];
while (queue.length) {
  const name = queue.shift();
  if (out.has(name)) continue;
  const fields = structs.get(name);
  if (!fields) throw new Error(`unknown struct ${name}`);
  const reached = [];
  out.set(name, fields.map((f) => `${f.json}:${notation(f.type, reached)}${f.omitempty ? "?" : ""}`).join(" "));
  queue.push(...reached);
}

const names = [...out.keys()].sort();
const body = names.map((n) => `  ${JSON.stringify(n)}: ${JSON.stringify(out.get(n))},`).join("\n");
const target = new URL("../src/engine/kubectl/typed/go-types.generated.ts", import.meta.url);
writeFileSync(
  target,
  `// Generated by scripts/gen-go-types.mjs from k8s.io/api and k8s.io/apimachinery release-1.32: do not edit.
// Each struct's JSON fields in Go order (notation explained in the script).
export const GO_STRUCTS: Readonly<Record<string, string>> = {
${body}
};
`,
);
console.log(`${names.length} structs written to ${target.pathname}`);
