// `kubectl create deployment`: an apps/v1 Deployment labelled app=<name>, one container per image
// (pkg/cmd/create/create_deployment.go createDeployment/buildPodSpec).
import type { KubeObject } from "../client";
import { container, containerNameFromImage, objectMeta, podSpec, podTemplate, typed } from "./common";

export interface DeploymentOptions {
  name: string;
  /** Set only when --namespace was given (kubectl leaves it empty otherwise). */
  namespace?: string;
  images: string[];
  /** -1: no port. */
  port: number;
  replicas: number;
  command: string[];
  /** Seeds the suffix of sanitized container names. */
  seed: string;
}

export function generateDeployment(o: DeploymentOptions): KubeObject {
  const labels = { app: o.name };
  const containers = o.images.map((image, i) =>
    container({ name: containerNameFromImage(image, o.seed), image, command: o.command, ports: i === 0 && o.port >= 0 ? [{ containerPort: o.port }] : undefined }),
  );
  const deploy = typed("Deployment", "apps/v1", objectMeta({ name: o.name, namespace: o.namespace, labels }));
  deploy.spec = {
    replicas: o.replicas,
    selector: { matchLabels: labels },
    template: podTemplate(labels, podSpec({ containers })),
    strategy: {},
  };
  deploy.status = {};
  return deploy;
}
