// What a command run in a container (`kubectl exec`, lessons) sees and gives back. Pure: the cluster
// arrives as lookups, time as nowMs, choices as hashes of the inputs.
import type { KubeObject } from "../../kinds/types";
import type { Container } from "../../kinds/common/pod";

/** The cluster as seen from inside a container. */
export interface ExecCluster {
  nowMs: number;
  configMap(namespace: string, name: string): KubeObject | undefined;
  secret(namespace: string, name: string): KubeObject | undefined;
  service(namespace: string, name: string): KubeObject | undefined;
  /** Services of a namespace (for the service environment variables). */
  services(namespace: string): readonly KubeObject[];
  /** Every Service (to find one by its ClusterIP). */
  allServices(): readonly KubeObject[];
  /** Every pod (backends, pod IPs). */
  allPods(): readonly KubeObject[];
  /** Every node (NodePorts answer on each node's addresses). */
  allNodes(): readonly KubeObject[];
  /** The EndpointSlices of a Service. */
  endpointSlices(namespace: string, service: string): readonly KubeObject[];
}

export interface ExecRequest {
  pod: KubeObject;
  container: Container;
  command: string[];
  cluster: ExecCluster;
  /** What `kubectl exec -i` sends on stdin (all of it: the process reads it to the end). */
  stdin?: string;
}

/** A command that ran: its output and exit status. */
export interface ExecOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** The runtime could not start the process (the message kubectl shows after "error: "). */
export interface ExecFailure {
  failure: string;
}

export type ExecResult = ExecOutput | ExecFailure;

/** One process's view: the pod, its container, its environment and its image's userland. */
export interface ExecContext {
  pod: KubeObject;
  container: Container;
  cluster: ExecCluster;
  env: Record<string, string>;
  /** busybox (ash, busybox applets), bash (GNU userland) or none (distroless). */
  shell: "busybox" | "bash" | "none";
  /** Whether an executable exists on the image's PATH. */
  has(name: string): boolean;
  hostname: string;
  namespace: string;
}

export const ok = (stdout = ""): ExecOutput => ({ stdout, stderr: "", exitCode: 0 });
export const fail = (stderr: string, exitCode = 1, stdout = ""): ExecOutput => ({ stdout, stderr, exitCode });
