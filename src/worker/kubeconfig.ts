// A complete kubeconfig for one sandbox, like kubeadm's admin.conf but with a bearer token.
import { stringify } from "yaml";

export function isLoopbackOrigin(origin: string): boolean {
  const host = new URL(origin).hostname;
  return host === "localhost" || host === "[::1]" || host === "::1" || /^127\./.test(host);
}

export function kubeconfigFor(server: string, token: string, id: string): string {
  const name = `kubeplay-${id.slice(0, 8)}`;
  const cluster: Record<string, unknown> = { server };
  if (isLoopbackOrigin(server)) cluster["insecure-skip-tls-verify"] = true;
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name, cluster }],
    contexts: [{ name, context: { cluster: name, user: name, namespace: "default" } }],
    "current-context": name,
    users: [{ name, user: { token } }],
    preferences: {},
  });
}
