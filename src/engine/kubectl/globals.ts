// kubectl's global flags (`kubectl options`): accepted by every command. Only a few mean anything
// here (--namespace, --context, --as, --as-group, --kubeconfig, -v); the rest are parsed and
// ignored, as flags about transport and logging have nothing to act on inside the sandbox.
import type { FlagSpec } from "./flags";

export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: "as", type: "string", usage: "Username to impersonate for the operation. User could be a regular user or a service account in a namespace." },
  { name: "as-group", type: "stringArray", usage: "Group to impersonate for the operation, this flag can be repeated to specify multiple groups." },
  { name: "as-uid", type: "string", usage: "UID to impersonate for the operation." },
  { name: "cache-dir", type: "string", default: "/root/.kube/cache", usage: "Default cache directory" },
  { name: "certificate-authority", type: "string", usage: "Path to a cert file for the certificate authority" },
  { name: "client-certificate", type: "string", usage: "Path to a client certificate file for TLS" },
  { name: "client-key", type: "string", usage: "Path to a client key file for TLS" },
  { name: "cluster", type: "string", usage: "The name of the kubeconfig cluster to use" },
  { name: "context", type: "string", usage: "The name of the kubeconfig context to use" },
  { name: "disable-compression", type: "bool", usage: "If true, opt-out of response compression for all requests to the server" },
  { name: "insecure-skip-tls-verify", type: "bool", usage: "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure" },
  { name: "kubeconfig", type: "string", usage: "Path to the kubeconfig file to use for CLI requests." },
  { name: "log-flush-frequency", type: "duration", default: 5000, usage: "Maximum number of seconds between log flushes" },
  { name: "match-server-version", type: "bool", usage: "Require server version to match client version" },
  { name: "namespace", shorthand: "n", type: "string", usage: "If present, the namespace scope for this CLI request" },
  { name: "password", type: "string", usage: "Password for basic authentication to the API server" },
  { name: "profile", type: "string", default: "none", usage: "Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)" },
  { name: "profile-output", type: "string", default: "profile.pprof", usage: "Name of the file to write the profile to" },
  { name: "request-timeout", type: "string", default: "0", usage: "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests." },
  { name: "server", shorthand: "s", type: "string", usage: "The address and port of the Kubernetes API server" },
  { name: "tls-server-name", type: "string", usage: "Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used" },
  { name: "token", type: "string", usage: "Bearer token for authentication to the API server" },
  { name: "user", type: "string", usage: "The name of the kubeconfig user to use" },
  { name: "username", type: "string", usage: "Username for basic authentication to the API server" },
  { name: "v", shorthand: "v", type: "int", usage: "number for the log level verbosity" },
  { name: "vmodule", type: "string", defaultText: "", usage: "comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)" },
  { name: "warnings-as-errors", type: "bool", usage: "Treat warnings received from the server as errors and exit with a non-zero exit code" },
];
