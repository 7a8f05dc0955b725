// core/v1 ServiceAccount: schema, the strategy (secret references keep only their name) and
// printServiceAccount. Tokens come from the serviceaccounts/token subresource (TokenRequest).
import type { KindDef, KubeObject } from "../types";
import { bool, kindSchema, list } from "../schema";
import { ObjectMeta } from "../common/meta";
import { LocalObjectReference, ObjectReference } from "../common/pod";
import { age, ageColumn, col, nameColumn } from "../common/print";

export interface ServiceAccount extends KubeObject {
  secrets?: Array<Record<string, unknown> & { name?: string }>;
  imagePullSecrets?: Array<{ name?: string }>;
  automountServiceAccountToken?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Behaviour
// ---------------------------------------------------------------------------------------------

/** cleanSecretReferences: only the name of each secret reference is kept. */
function cleanSecretReferences(sa: ServiceAccount): void {
  if (sa.secrets) sa.secrets = sa.secrets.map((s) => (s.name !== undefined ? { name: s.name } : {}));
}

export const serviceAccount: KindDef<ServiceAccount> = {
  group: "",
  version: "v1",
  kind: "ServiceAccount",
  plural: "serviceaccounts",
  singular: "serviceaccount",
  shortNames: ["sa"],
  namespaced: true,
  extraSubresources: [{ name: "token", kind: "TokenRequest", group: "authentication.k8s.io", version: "v1", verbs: ["create"] }],
  schema: kindSchema(
    "io.k8s.api.core.v1.ServiceAccount",
    "ServiceAccount binds together: * a name, understood by users, and perhaps by peripheral systems, for an identity * a principal that can be authenticated and authorized * a set of secrets",
    {
      automountServiceAccountToken: bool("AutomountServiceAccountToken indicates whether pods running as this service account should have an API token automatically mounted. Can be overridden at the pod level."),
      imagePullSecrets: list(LocalObjectReference, { listType: "atomic", desc: "ImagePullSecrets is a list of references to secrets in the same namespace to use for pulling any images in pods that reference this ServiceAccount. ImagePullSecrets are distinct from Secrets because Secrets can be mounted in the pod, but ImagePullSecrets are only accessed by the kubelet. More info: https://kubernetes.io/docs/concepts/containers/images/#specifying-imagepullsecrets-on-a-pod" }),
      secrets: list(ObjectReference, { mergeKey: "name", strategy: "merge", listType: "map", listMapKeys: ["name"], desc: "Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use. Pods are only limited to this list if this service account has a \"kubernetes.io/enforce-mountable-secrets\" annotation set to \"true\". The \"kubernetes.io/enforce-mountable-secrets\" annotation is deprecated since v1.32. Prefer separate namespaces to isolate access to mounted secrets. This field should not be used to find auto-generated service account token secrets for use outside of pods. Instead, tokens can be requested directly using the TokenRequest API, or service account token secrets can be manually created. More info: https://kubernetes.io/docs/concepts/configuration/secret" }),
    },
    ObjectMeta,
  ),
  prepareForCreate: (sa) => cleanSecretReferences(sa),
  prepareForUpdate: (sa) => cleanSecretReferences(sa),
  columns: [
    nameColumn(),
    col(
      "Secrets",
      "string",
      "Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use. Pods are only limited to this list if this service account has a \"kubernetes.io/enforce-mountable-secrets\" annotation set to \"true\". The \"kubernetes.io/enforce-mountable-secrets\" annotation is deprecated since v1.32. Prefer separate namespaces to isolate access to mounted secrets. This field should not be used to find auto-generated service account token secrets for use outside of pods. Instead, tokens can be requested directly using the TokenRequest API, or service account token secrets can be manually created. More info: https://kubernetes.io/docs/concepts/configuration/secret",
    ),
    ageColumn(),
  ],
  printRow: (sa, ctx) => [sa.metadata.name ?? "", (sa.secrets ?? []).length, age(sa, ctx.nowMs)],
};
