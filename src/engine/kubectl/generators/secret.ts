// `kubectl create secret generic|docker-registry|tls` (pkg/cmd/create/create_secret*.go).
import type { KubeObject } from "../client";
import { isConfigMapKey } from "../../machinery/names";
import { base64, encodeHash, envFileEntries, fileSourceEntries, GeneratorError, goJson, goJsonSorted, objectMeta, parseLiteralSource, sha256Hex, sortedMap, typed, type SourceFiles } from "./common";

/** Secret data while it is built: key -> the value's text (encoded as base64 when printed). */
type SecretData = Record<string, string>;

function addKey(data: SecretData, key: string, value: string): void {
  const errs = isConfigMapKey(key);
  if (errs.length) throw new GeneratorError(`${JSON.stringify(key)} is not valid key name for a Secret ${errs.join(";")}`);
  if (key in data) throw new GeneratorError(`cannot add key ${key}, another key by that name already exists`);
  data[key] = value;
}

/** newSecretObj plus the data, in corev1.Secret's Go field order (data before type). */
async function secretObject(name: string, namespace: string | undefined, type: string, data: SecretData, appendHash: boolean): Promise<KubeObject> {
  const encoded: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) encoded[k] = base64(v);
  let finalName = name;
  if (appendHash) finalName = `${name}-${encodeHash(await sha256Hex(goJsonSorted({ kind: "Secret", type, name, data: encoded })))}`;
  const secret = typed("Secret", "v1", objectMeta({ name: finalName, namespace }));
  if (Object.keys(encoded).length) secret.data = sortedMap(encoded);
  if (type) secret.type = type;
  return secret;
}

export interface GenericSecretOptions {
  name: string;
  namespace?: string;
  type: string;
  fromFile: string[];
  fromLiteral: string[];
  fromEnvFile: string[];
  appendHash: boolean;
  files: SourceFiles;
  vars: Record<string, string>;
}

export async function generateGenericSecret(o: GenericSecretOptions): Promise<KubeObject> {
  if (!o.name) throw new GeneratorError("name must be specified");
  if (o.fromEnvFile.length && (o.fromFile.length || o.fromLiteral.length)) throw new GeneratorError("from-env-file cannot be combined with from-file or from-literal");
  const data: SecretData = {};
  for (const source of o.fromLiteral) addKey(data, ...parseLiteralSource(source));
  for (const source of o.fromFile) for (const [k, v] of fileSourceEntries(o.files, source)) addKey(data, k, v);
  for (const path of o.fromEnvFile) for (const [k, v] of envFileEntries(o.files, path, "secret", o.vars)) addKey(data, k, v);
  return secretObject(o.name, o.namespace, o.type, data, o.appendHash);
}

export interface DockerRegistrySecretOptions {
  name: string;
  namespace?: string;
  username: string;
  password: string;
  email: string;
  server: string;
  fromFile: string[];
  appendHash: boolean;
  files: SourceFiles;
}

export async function generateDockerRegistrySecret(o: DockerRegistrySecretOptions): Promise<KubeObject> {
  if (!o.name) throw new GeneratorError("name must be specified");
  if (!o.fromFile.length && (!o.username || !o.password || !o.server)) {
    throw new GeneratorError("either --from-file or the combination of --docker-username, --docker-password and --docker-server is required");
  }
  const data: SecretData = {};
  if (o.fromFile.length) {
    for (const source of o.fromFile) for (const [k, v] of fileSourceEntries(o.files, source)) addKey(data, k, v);
  } else {
    // DockerConfigEntry: every field omitempty, in this order.
    const entry: Record<string, string> = {};
    if (o.username) entry.username = o.username;
    if (o.password) entry.password = o.password;
    if (o.email) entry.email = o.email;
    const auth = base64(`${o.username}:${o.password}`);
    if (auth) entry.auth = auth;
    data[".dockerconfigjson"] = goJson({ auths: { [o.server]: entry } });
  }
  return secretObject(o.name, o.namespace, "kubernetes.io/dockerconfigjson", data, o.appendHash);
}

export interface TlsSecretOptions {
  name: string;
  namespace?: string;
  cert: string;
  key: string;
  appendHash: boolean;
  files: SourceFiles;
}

export async function generateTlsSecret(o: TlsSecretOptions): Promise<KubeObject> {
  if (!o.key || !o.cert) throw new GeneratorError("key and cert must be specified");
  const cert = readFile(o.files, o.cert);
  const key = readFile(o.files, o.key);
  checkKeyPair(cert, key);
  const data: SecretData = { "tls.crt": cert, "tls.key": key };
  return secretObject(o.name, o.namespace, "kubernetes.io/tls", data, o.appendHash);
}

function readFile(files: SourceFiles, path: string): string {
  const text = files.isDirectory(path) ? undefined : files.read(path);
  if (text === undefined) {
    const why = files.isDirectory(path) ? `read ${path}: is a directory` : `open ${path}: no such file or directory`;
    throw new GeneratorError(`Cannot read file ${path}, ${why}`);
  }
  return text;
}

/**
 * The part of tls.X509KeyPair this sandbox can check: the certificate input holds a CERTIFICATE PEM
 * block and the key input a PRIVATE KEY block (that the two match is not checked).
 */
function checkKeyPair(cert: string, key: string): void {
  const blocks = (text: string) => [...text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g)].map((m) => m[1]);
  const certBlocks = blocks(cert);
  if (!certBlocks.includes("CERTIFICATE")) {
    if (!certBlocks.length) throw new GeneratorError("tls: failed to find any PEM data in certificate input");
    throw new GeneratorError(`tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [${certBlocks.join(" ")}]`);
  }
  const keyBlocks = blocks(key);
  if (!keyBlocks.some((b) => b === "PRIVATE KEY" || b.endsWith(" PRIVATE KEY"))) {
    if (!keyBlocks.length) throw new GeneratorError("tls: failed to find any PEM data in key input");
    if (keyBlocks.includes("CERTIFICATE")) throw new GeneratorError("tls: found a certificate rather than a key in the PEM for the private key");
    throw new GeneratorError(`tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: [${keyBlocks.join(" ")}]`);
  }
}
