// `kubectl create namespace` and `kubectl create serviceaccount`: just a name.
import type { KubeObject } from "../client";
import { objectMeta, typed } from "./common";

export function generateNamespace(name: string): KubeObject {
  return { ...typed("Namespace", "v1", objectMeta({ name })), spec: {}, status: {} };
}

export function generateServiceAccount(name: string, namespace?: string): KubeObject {
  return typed("ServiceAccount", "v1", objectMeta({ name, namespace }));
}
