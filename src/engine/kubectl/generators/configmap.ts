// `kubectl create configmap` (pkg/cmd/create/create_configmap.go): keys from files, directories,
// literals or an env file; `--append-hash` appends kubectl's content hash to the name.
import type { KubeObject } from "../client";
import { encodeHash, envFileEntries, fileSourceEntries, GeneratorError, goJsonSorted, objectMeta, parseLiteralSource, sha256Hex, sortedMap, typed, type SourceFiles } from "./common";
import { isConfigMapKey } from "../../machinery/names";

export interface ConfigMapOptions {
  name: string;
  namespace?: string;
  fromFile: string[];
  fromLiteral: string[];
  fromEnvFile: string[];
  appendHash: boolean;
  files: SourceFiles;
  /** Environment variables, for env-file lines that name a variable without a value. */
  vars: Record<string, string>;
}

/** ConfigMapOptions.Validate. */
export function validateConfigMap(o: ConfigMapOptions): void {
  if (!o.name) throw new GeneratorError("name must be specified");
  if (o.fromEnvFile.length && (o.fromFile.length || o.fromLiteral.length)) throw new GeneratorError("from-env-file cannot be combined with from-file or from-literal");
}

export async function generateConfigMap(o: ConfigMapOptions): Promise<KubeObject> {
  validateConfigMap(o);
  const data: Record<string, string> = {};
  const add = (key: string, value: string) => {
    const errs = isConfigMapKey(key);
    if (errs.length) throw new GeneratorError(`${JSON.stringify(key)} is not a valid key name for a ConfigMap: ${errs.join(",")}`);
    if (key in data) throw new GeneratorError(`cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ConfigMap ${JSON.stringify(o.name)}`);
    data[key] = value;
  };
  for (const source of o.fromFile) for (const [k, v] of fileSourceEntries(o.files, source)) add(k, v);
  for (const source of o.fromLiteral) add(...parseLiteralSource(source));
  for (const path of o.fromEnvFile) for (const [k, v] of envFileEntries(o.files, path, "config", o.vars)) add(k, v);
  let name = o.name;
  if (o.appendHash) name = `${name}-${encodeHash(await sha256Hex(goJsonSorted({ kind: "ConfigMap", name, data })))}`;
  const cm = typed("ConfigMap", "v1", objectMeta({ name, namespace: o.namespace }));
  if (Object.keys(data).length) cm.data = sortedMap(data);
  return cm;
}
