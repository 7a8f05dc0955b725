// What kube-controller-manager puts in every namespace: the "default" ServiceAccount (serviceaccount
// controller) and the kube-root-ca.crt ConfigMap (root-ca-cert-publisher), recreated if deleted.
import type { Controller, ReconcileResult } from "./types";
import { controllerWriteOptions } from "./client";
import { createObject } from "../apiserver/writes";
import type { KindDef } from "../kinds/types";

const ROOT_CA = "kube-root-ca.crt";
const CA_DESCRIPTION =
  "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.";

export const namespaceDefaults: Controller = {
  name: "namespace-defaults",
  reconcile(ctx): ReconcileResult {
    const { store, kinds } = ctx.state;
    const sa = kinds.byKind("", "v1", "ServiceAccount") as KindDef | undefined;
    const cm = kinds.byKind("", "v1", "ConfigMap") as KindDef | undefined;
    const ca = store.get("configmaps", "kube-system", ROOT_CA)?.data?.["ca.crt"] as string | undefined;
    let changed = false;
    const opts = controllerWriteOptions(ctx, "kube-controller-manager");
    for (const ns of store.list("namespaces")) {
      if (ns.metadata.deletionTimestamp) continue;
      const name = ns.metadata.name!;
      if (sa && !store.get("serviceaccounts", name, "default")) {
        createObject(ctx.state, sa, name, { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "default" } }, opts);
        changed = true;
      }
      if (cm && ca && !store.get("configmaps", name, ROOT_CA)) {
        createObject(ctx.state, cm, name, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: ROOT_CA, annotations: { "kubernetes.io/description": CA_DESCRIPTION } }, data: { "ca.crt": ca } }, opts);
        changed = true;
      }
    }
    return { changed };
  },
};
