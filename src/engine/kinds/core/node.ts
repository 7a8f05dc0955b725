// core/v1 Node (cluster-scoped): schema, SetDefaults_NodeStatus, the node strategy, ValidateNode /
// ValidateNodeUpdate and printNode (STATUS from the Ready condition plus SchedulingDisabled, ROLES
// from node-role.kubernetes.io/* and kubernetes.io/role labels).
import type { KindDef, KubeObject } from "../types";
import { bool, int, int64, kindSchema, list, obj, quantityMap, str, strEnum, strList, time } from "../schema";
import { ObjectMeta } from "../common/meta";
import { age, ageColumn, col, nameColumn } from "../common/print";
import { child, duplicate, forbidden, GoValue, goQuote, index, invalid, notSupported, required, type FieldError } from "../../machinery/field-errors";
import { isQualifiedName, isValidLabelValue } from "../../machinery/names";
import { validateCIDR, isIPv4 } from "./service";
import { validateResourceQuantityValue } from "./resourcequota";

export interface Taint {
  key?: string;
  value?: string;
  effect?: string;
  timeAdded?: string;
}

export interface NodeCondition {
  type?: string;
  status?: string;
  lastHeartbeatTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export interface Node extends KubeObject {
  spec?: {
    podCIDR?: string;
    podCIDRs?: string[];
    providerID?: string;
    unschedulable?: boolean;
    taints?: Taint[];
    configSource?: unknown;
    externalID?: string;
  };
  status?: {
    capacity?: Record<string, string>;
    allocatable?: Record<string, string>;
    phase?: string;
    conditions?: NodeCondition[];
    addresses?: Array<{ type?: string; address?: string }>;
    daemonEndpoints?: { kubeletEndpoint?: { Port?: number } };
    nodeInfo?: {
      machineID?: string;
      systemUUID?: string;
      bootID?: string;
      kernelVersion?: string;
      osImage?: string;
      containerRuntimeVersion?: string;
      kubeletVersion?: string;
      kubeProxyVersion?: string;
      operatingSystem?: string;
      architecture?: string;
    };
    images?: Array<{ names?: string[]; sizeBytes?: number }>;
    volumesInUse?: string[];
    volumesAttached?: Array<{ name?: string; devicePath?: string }>;
    config?: unknown;
    runtimeHandlers?: unknown[];
    features?: unknown;
  };
}

const LABEL_NODE_ROLE_PREFIX = "node-role.kubernetes.io/";
const NODE_LABEL_ROLE = "kubernetes.io/role";

// ---------------------------------------------------------------------------------------------
// Schema
// ---------------------------------------------------------------------------------------------

export const Taint = obj(
  {
    effect: strEnum(["NoExecute", "NoSchedule", "PreferNoSchedule"], "Required. The effect of the taint on pods that do not tolerate the taint. Valid effects are NoSchedule, PreferNoSchedule and NoExecute.\n\nPossible enum values:\n - `\"NoExecute\"` Evict any already-running pods that do not tolerate the taint. Currently enforced by NodeController.\n - `\"NoSchedule\"` Do not allow new pods to schedule onto the node unless they tolerate the taint, but allow all pods submitted to Kubelet without going through the scheduler to start, and allow all already-running pods to continue running. Enforced by the scheduler.\n - `\"PreferNoSchedule\"` Like TaintEffectNoSchedule, but the scheduler tries not to schedule new pods onto the node, rather than prohibiting new pods from scheduling onto the node entirely. Enforced by the scheduler."),
    key: str("Required. The taint key to be applied to a node."),
    timeAdded: time("TimeAdded represents the time at which the taint was added. It is only written for NoExecute taints."),
    value: str("The taint value corresponding to the taint key."),
  },
  { id: "io.k8s.api.core.v1.Taint", desc: "The node this Taint is attached to has the \"effect\" on any pod that does not tolerate the Taint.", required: ["effect", "key"] },
);

export const ConfigMapNodeConfigSource = obj(
  {
    kubeletConfigKey: str("KubeletConfigKey declares which key of the referenced ConfigMap corresponds to the KubeletConfiguration structure This field is required in all cases."),
    name: str("Name is the metadata.name of the referenced ConfigMap. This field is required in all cases."),
    namespace: str("Namespace is the metadata.namespace of the referenced ConfigMap. This field is required in all cases."),
    resourceVersion: str("ResourceVersion is the metadata.ResourceVersion of the referenced ConfigMap. This field is forbidden in Node.Spec, and required in Node.Status."),
    uid: str("UID is the metadata.UID of the referenced ConfigMap. This field is forbidden in Node.Spec, and required in Node.Status."),
  },
  { id: "io.k8s.api.core.v1.ConfigMapNodeConfigSource", desc: "ConfigMapNodeConfigSource contains the information to reference a ConfigMap as a config source for the Node. This API is deprecated since 1.22: https://git.k8s.io/enhancements/keps/sig-node/281-dynamic-kubelet-configuration", required: ["kubeletConfigKey", "name", "namespace"] },
);

export const NodeConfigSource = obj(
  {
    configMap: ConfigMapNodeConfigSource.describe("ConfigMap is a reference to a Node's ConfigMap"),
  },
  { id: "io.k8s.api.core.v1.NodeConfigSource", desc: "NodeConfigSource specifies a source of node configuration. Exactly one subfield (excluding metadata) must be non-nil. This API is deprecated since 1.22" },
);

export const NodeSpec = obj(
  {
    configSource: NodeConfigSource.describe("Deprecated: Previously used to specify the source of the node's configuration for the DynamicKubeletConfig feature. This feature is removed."),
    externalID: str("Deprecated. Not all kubelets will set this field. Remove field after 1.13. see: https://issues.k8s.io/61966"),
    podCIDR: str("PodCIDR represents the pod IP range assigned to the node."),
    podCIDRs: strList({ strategy: "merge", listType: "set", desc: "podCIDRs represents the IP ranges assigned to the node for usage by Pods on that node. If this field is specified, the 0th entry must match the podCIDR field. It may contain at most 1 value for each of IPv4 and IPv6." }),
    providerID: str("ID of the node assigned by the cloud provider in the format: <ProviderName>://<ProviderSpecificNodeID>"),
    taints: list(Taint, { listType: "atomic", desc: "If specified, the node's taints." }),
    unschedulable: bool("Unschedulable controls node schedulability of new pods. By default, node is schedulable. More info: https://kubernetes.io/docs/concepts/nodes/node/#manual-node-administration"),
  },
  { id: "io.k8s.api.core.v1.NodeSpec", desc: "NodeSpec describes the attributes that a node is created with." },
);

export const NodeCondition = obj(
  {
    lastHeartbeatTime: time("Last time we got an update on a given condition."),
    lastTransitionTime: time("Last time the condition transit from one status to another."),
    message: str("Human readable message indicating details about last transition."),
    reason: str("(brief) reason for the condition's last transition."),
    status: str("Status of the condition, one of True, False, Unknown."),
    type: str("Type of node condition."),
  },
  { id: "io.k8s.api.core.v1.NodeCondition", desc: "NodeCondition contains condition information for a node.", required: ["status", "type"] },
);

export const NodeAddress = obj(
  {
    address: str("The node address."),
    type: str("Node address type, one of Hostname, ExternalIP or InternalIP."),
  },
  { id: "io.k8s.api.core.v1.NodeAddress", desc: "NodeAddress contains information for the node's address.", required: ["address", "type"] },
);

export const DaemonEndpoint = obj(
  {
    Port: int("Port number of the given endpoint."),
  },
  { id: "io.k8s.api.core.v1.DaemonEndpoint", desc: "DaemonEndpoint contains information about a single Daemon endpoint.", required: ["Port"] },
);

export const NodeDaemonEndpoints = obj(
  {
    kubeletEndpoint: DaemonEndpoint.describe("Endpoint on which Kubelet is listening."),
  },
  { id: "io.k8s.api.core.v1.NodeDaemonEndpoints", desc: "NodeDaemonEndpoints lists ports opened by daemons running on the Node." },
);

export const NodeSystemInfo = obj(
  {
    architecture: str("The Architecture reported by the node"),
    bootID: str("Boot ID reported by the node."),
    containerRuntimeVersion: str("ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2)."),
    kernelVersion: str("Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64)."),
    kubeProxyVersion: str("Deprecated: KubeProxy Version reported by the node."),
    kubeletVersion: str("Kubelet Version reported by the node."),
    machineID: str("MachineID reported by the node. For unique machine identification in the cluster this field is preferred. Learn more from man(5) machine-id: http://man7.org/linux/man-pages/man5/machine-id.5.html"),
    operatingSystem: str("The Operating System reported by the node"),
    osImage: str("OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy))."),
    systemUUID: str("SystemUUID reported by the node. For unique machine identification MachineID is preferred. This field is specific to Red Hat hosts https://access.redhat.com/documentation/en-us/red_hat_subscription_management/1/html/rhsm/uuid"),
  },
  { id: "io.k8s.api.core.v1.NodeSystemInfo", desc: "NodeSystemInfo is a set of ids/uuids to uniquely identify the node.", required: ["architecture", "bootID", "containerRuntimeVersion", "kernelVersion", "kubeProxyVersion", "kubeletVersion", "machineID", "operatingSystem", "osImage", "systemUUID"] },
);

export const ContainerImage = obj(
  {
    names: strList({ listType: "atomic", desc: "Names by which this image is known. e.g. [\"kubernetes.example/hyperkube:v1.0.7\", \"cloud-vendor.registry.example/cloud-vendor/hyperkube:v1.0.7\"]" }),
    sizeBytes: int64("The size of the image in bytes."),
  },
  { id: "io.k8s.api.core.v1.ContainerImage", desc: "Describe a container image" },
);

export const AttachedVolume = obj(
  {
    devicePath: str("DevicePath represents the device path where the volume should be available"),
    name: str("Name of the attached volume"),
  },
  { id: "io.k8s.api.core.v1.AttachedVolume", desc: "AttachedVolume describes a volume attached to a node", required: ["devicePath", "name"] },
);

export const NodeConfigStatus = obj(
  {
    active: NodeConfigSource.describe("Active reports the checkpointed config the node is actively using. Active will represent either the current version of the Assigned config, or the current LastKnownGood config, depending on whether attempting to use the Assigned config results in an error."),
    assigned: NodeConfigSource.describe("Assigned reports the checkpointed config the node will try to use. When Node.Spec.ConfigSource is updated, the node checkpoints the associated config payload to local disk, along with a record indicating intended config. The node refers to this record to choose its config checkpoint, and reports this record in Assigned. Assigned only updates in the status after the record has been checkpointed to disk. When the Kubelet is restarted, it tries to make the Assigned config the Active config by loading and validating the checkpointed payload identified by Assigned."),
    error: str("Error describes any problems reconciling the Spec.ConfigSource to the Active config. Errors may occur, for example, attempting to checkpoint Spec.ConfigSource to the local Assigned record, attempting to checkpoint the payload associated with Spec.ConfigSource, attempting to load or validate the Assigned config, etc. Errors may occur at different points while syncing config. Earlier errors (e.g. download or checkpointing errors) will not result in a rollback to LastKnownGood, and may resolve across Kubelet retries. Later errors (e.g. loading or validating a checkpointed config) will result in a rollback to LastKnownGood. In the latter case, it is usually possible to resolve the error by fixing the config assigned in Spec.ConfigSource. You can find additional information for debugging by searching the error message in the Kubelet log. Error is a human-readable description of the error state; machines can check whether or not Error is empty, but should not rely on the stability of the Error text across Kubelet versions."),
    lastKnownGood: NodeConfigSource.describe("LastKnownGood reports the checkpointed config the node will fall back to when it encounters an error attempting to use the Assigned config. The Assigned config becomes the LastKnownGood config when the node determines that the Assigned config is stable and correct. This is currently implemented as a 10-minute soak period starting when the local record of Assigned config is updated. If the Assigned config is Active at the end of this period, it becomes the LastKnownGood. Note that if Spec.ConfigSource is reset to nil (use local defaults), the LastKnownGood is also immediately reset to nil, because the local default config is always assumed good. You should not make assumptions about the node's method of determining config stability and correctness, as this may change or become configurable in the future."),
  },
  { id: "io.k8s.api.core.v1.NodeConfigStatus", desc: "NodeConfigStatus describes the status of the config assigned by Node.Spec.ConfigSource." },
);

export const NodeRuntimeHandlerFeatures = obj(
  {
    recursiveReadOnlyMounts: bool("RecursiveReadOnlyMounts is set to true if the runtime handler supports RecursiveReadOnlyMounts."),
    userNamespaces: bool("UserNamespaces is set to true if the runtime handler supports UserNamespaces, including for volumes."),
  },
  { id: "io.k8s.api.core.v1.NodeRuntimeHandlerFeatures", desc: "NodeRuntimeHandlerFeatures is a set of features implemented by the runtime handler." },
);

export const NodeRuntimeHandler = obj(
  {
    features: NodeRuntimeHandlerFeatures.describe("Supported features."),
    name: str("Runtime handler name. Empty for the default runtime handler."),
  },
  { id: "io.k8s.api.core.v1.NodeRuntimeHandler", desc: "NodeRuntimeHandler is a set of runtime handler information." },
);

export const NodeFeatures = obj(
  {
    supplementalGroupsPolicy: bool("SupplementalGroupsPolicy is set to true if the runtime supports SupplementalGroupsPolicy and ContainerUser."),
  },
  { id: "io.k8s.api.core.v1.NodeFeatures", desc: "NodeFeatures describes the set of features implemented by the CRI implementation. The features contained in the NodeFeatures should depend only on the cri implementation independent of runtime handlers." },
);

export const NodeStatus = obj(
  {
    addresses: list(NodeAddress, { mergeKey: "type", strategy: "merge", listType: "map", listMapKeys: ["type"], desc: "List of addresses reachable to the node. Queried from cloud provider, if available. More info: https://kubernetes.io/docs/reference/node/node-status/#addresses Note: This field is declared as mergeable, but the merge key is not sufficiently unique, which can cause data corruption when it is merged. Callers should instead use a full-replacement patch. See https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change during the lifetime of a Node. However, there are some exceptions where this may not be possible, such as Pods that inherit a Node's address in its own status or consumers of the downward API (status.hostIP)." }),
    allocatable: quantityMap("Allocatable represents the resources of a node that are available for scheduling. Defaults to Capacity."),
    capacity: quantityMap("Capacity represents the total resources of a node. More info: https://kubernetes.io/docs/reference/node/node-status/#capacity"),
    conditions: list(NodeCondition, { mergeKey: "type", strategy: "merge", listType: "map", listMapKeys: ["type"], desc: "Conditions is an array of current observed node conditions. More info: https://kubernetes.io/docs/reference/node/node-status/#condition" }),
    config: NodeConfigStatus.describe("Status of the config assigned to the node via the dynamic Kubelet config feature."),
    daemonEndpoints: NodeDaemonEndpoints.describe("Endpoints of daemons running on the Node."),
    features: NodeFeatures.describe("Features describes the set of features implemented by the CRI implementation."),
    images: list(ContainerImage, { listType: "atomic", desc: "List of container images on this node" }),
    nodeInfo: NodeSystemInfo.describe("Set of ids/uuids to uniquely identify the node. More info: https://kubernetes.io/docs/reference/node/node-status/#info"),
    phase: strEnum(["Pending", "Running", "Terminated"], "NodePhase is the recently observed lifecycle phase of the node. More info: https://kubernetes.io/docs/concepts/nodes/node/#phase The field is never populated, and now is deprecated.\n\nPossible enum values:\n - `\"Pending\"` means the node has been created/added by the system, but not configured.\n - `\"Running\"` means the node has been configured and has Kubernetes components running.\n - `\"Terminated\"` means the node has been removed from the cluster."),
    runtimeHandlers: list(NodeRuntimeHandler, { listType: "atomic", desc: "The available runtime handlers." }),
    volumesAttached: list(AttachedVolume, { listType: "atomic", desc: "List of volumes that are attached to the node." }),
    volumesInUse: strList({ listType: "atomic", desc: "List of attachable volumes in use (mounted) by the node." }),
  },
  { id: "io.k8s.api.core.v1.NodeStatus", desc: "NodeStatus is information about the current status of a node." },
);

// ---------------------------------------------------------------------------------------------
// Behaviour
// ---------------------------------------------------------------------------------------------

/** %#v of a core.Taint, the value of the duplicate-taint error. */
function goTaint(t: Taint): GoValue {
  const added = t.timeAdded ? `time.Date(${t.timeAdded})` : "(*v1.Time)(nil)";
  return new GoValue(`core.Taint{Key:${goQuote(t.key ?? "")}, Value:${goQuote(t.value ?? "")}, Effect:${goQuote(t.effect ?? "")}, TimeAdded:${added}}`);
}

/** validateNodeTaints (the real server reports them under metadata.taints). */
function validateTaints(taints: Taint[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const unique = new Map<string, Set<string>>();
  taints.forEach((t, i) => {
    const p = index(path, i);
    for (const msg of isQualifiedName(t.key ?? "")) errs.push(invalid(child(p, "key"), t.key ?? "", msg));
    const valueErrs = isValidLabelValue(t.value ?? "");
    if (valueErrs.length) errs.push(invalid(child(p, "value"), t.value ?? "", valueErrs.join(";")));
    if (!t.effect) errs.push(required(child(p, "effect")));
    else if (!["NoSchedule", "PreferNoSchedule", "NoExecute"].includes(t.effect)) {
      errs.push(notSupported(child(p, "effect"), t.effect, ["NoSchedule", "PreferNoSchedule", "NoExecute"]));
    }
    const keys = unique.get(t.effect ?? "") ?? new Set<string>();
    if (keys.has(t.key ?? "")) {
      errs.push({ ...duplicate(p, goTaint(t)), detail: "taints must be unique by key and effect pair" });
      return;
    }
    keys.add(t.key ?? "");
    unique.set(t.effect ?? "", keys);
  });
  return errs;
}

function validateNodeResources(node: Node): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(node.status?.capacity ?? {})) errs.push(...validateResourceQuantityValue(k, v, `status.capacity.${k}`));
  for (const [k, v] of Object.entries(node.status?.allocatable ?? {})) errs.push(...validateResourceQuantityValue(k, v, `status.allocatable.${k}`));
  return errs;
}

export function validateNode(node: Node, old: Node | undefined): FieldError[] {
  const errs: FieldError[] = [];
  const spec = node.spec ?? {};
  if (spec.taints?.length) errs.push(...validateTaints(spec.taints, "metadata.taints"));
  errs.push(...validateNodeResources(node));
  if (!old) {
    const cidrs = spec.podCIDRs ?? [];
    cidrs.forEach((c, i) => errs.push(...validateCIDR(index("spec.podCIDRs", i), c)));
    if (cidrs.length > 1) {
      const v4 = cidrs.filter((c) => isIPv4(c.split("/")[0])).length;
      if (cidrs.length > 2 || v4 !== 1) errs.push(invalid("spec.podCIDRs", [...cidrs], "may specify no more than one CIDR for each IP family"));
      const seen = new Set<string>();
      cidrs.forEach((c, i) => {
        if (seen.has(c)) errs.push(duplicate(index("spec.podCIDRs", i), c));
        seen.add(c);
      });
    }
    return errs;
  }
  const seenAddr = new Set<string>();
  (node.status?.addresses ?? []).forEach((a, i) => {
    const k = `${a.type}\u0000${a.address}`;
    if (seenAddr.has(k)) {
      errs.push(duplicate(index("status.addresses", i), new GoValue(`core.NodeAddress{Type:${goQuote(a.type ?? "")}, Address:${goQuote(a.address ?? "")}}`)));
    }
    seenAddr.add(k);
  });
  const oldSpec = old.spec ?? {};
  const oldCIDRs = oldSpec.podCIDRs ?? [];
  if (oldCIDRs.length) {
    const cidrs = spec.podCIDRs ?? [];
    const msg = 'node updates may not change podCIDR except from "" to valid';
    if (oldCIDRs.length !== cidrs.length) errs.push(forbidden("spec.podCIDRs", msg));
    else oldCIDRs.forEach((c, i) => c !== cidrs[i] && errs.push(forbidden("spec.podCIDRs", msg)));
  }
  if (oldSpec.providerID && oldSpec.providerID !== spec.providerID) {
    errs.push(forbidden("spec.providerID", 'node updates may not change providerID except from "" to valid'));
  }
  if ((spec.externalID ?? "") !== (oldSpec.externalID ?? "")) errs.push(forbidden("spec.externalID", "may not be updated"));
  return errs;
}

/** printNode's STATUS: Ready / NotReady / Unknown, plus SchedulingDisabled. */
export function nodeStatus(node: Node): string {
  const status: string[] = [];
  const ready = (node.status?.conditions ?? []).filter((c) => c.type === "Ready").pop();
  if (ready) status.push(ready.status === "True" ? "Ready" : "NotReady");
  if (!status.length) status.push("Unknown");
  if (node.spec?.unschedulable) status.push("SchedulingDisabled");
  return status.join(",");
}

/** findNodeRoles: sorted, unique; "<none>" when there are none. */
export function nodeRoles(node: Node): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(LABEL_NODE_ROLE_PREFIX)) {
      const role = k.slice(LABEL_NODE_ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === NODE_LABEL_ROLE && v !== "") roles.add(v);
  }
  return [...roles].sort().join(",") || "<none>";
}

const nodeAddress = (node: Node, type: string) => (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? "<none>";

export const node: KindDef<Node> = {
  group: "",
  version: "v1",
  kind: "Node",
  plural: "nodes",
  singular: "node",
  shortNames: ["no"],
  namespaced: false,
  statusSubresource: true,
  // nodeStrategy.PrepareForCreate keeps the status the kubelet registers with.
  keepStatusOnCreate: true,
  extraSubresources: [{ name: "proxy", kind: "NodeProxyOptions", verbs: ["create", "delete", "get", "patch", "update"] }],
  schema: kindSchema(
    "io.k8s.api.core.v1.Node",
    "Node is a worker node in Kubernetes. Each node will have a unique identifier in the cache (i.e. in etcd).",
    {
      spec: NodeSpec.describe("Spec defines the behavior of a node. https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status"),
      status: NodeStatus.describe("Most recently observed status of the node. Populated by the system. Read-only. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status"),
    },
    ObjectMeta,
  ),
  applyDefaults(node) {
    const st = node.status;
    if (st && st.allocatable === undefined && st.capacity !== undefined) st.allocatable = { ...st.capacity };
  },
  prepareForCreate(node) {
    // dropDisabledFields: the dynamic kubelet config fields are gone.
    if (node.spec) delete node.spec.configSource;
    if (node.status) delete node.status.config;
  },
  prepareForUpdate(node, old) {
    if (node.spec && old.spec?.configSource === undefined) delete node.spec.configSource;
  },
  validate: (node, ctx) => validateNode(node, ctx.old as Node | undefined),
  columns: [
    nameColumn(),
    col("Status", "string", "The status of the node"),
    col("Roles", "string", "The roles of the node"),
    ageColumn(),
    col("Version", "string", "Kubelet Version reported by the node."),
    col(
      "Internal-IP",
      "string",
      "List of addresses reachable to the node. Queried from cloud provider, if available. More info: https://kubernetes.io/docs/reference/node/node-status/#addresses Note: This field is declared as mergeable, but the merge key is not sufficiently unique, which can cause data corruption when it is merged. Callers should instead use a full-replacement patch. See https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change during the lifetime of a Node. However, there are some exceptions where this may not be possible, such as Pods that inherit a Node's address in its own status or consumers of the downward API (status.hostIP).",
      1,
    ),
    col(
      "External-IP",
      "string",
      "List of addresses reachable to the node. Queried from cloud provider, if available. More info: https://kubernetes.io/docs/reference/node/node-status/#addresses Note: This field is declared as mergeable, but the merge key is not sufficiently unique, which can cause data corruption when it is merged. Callers should instead use a full-replacement patch. See https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change during the lifetime of a Node. However, there are some exceptions where this may not be possible, such as Pods that inherit a Node's address in its own status or consumers of the downward API (status.hostIP).",
      1,
    ),
    col("OS-Image", "string", "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).", 1),
    col("Kernel-Version", "string", "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", 1),
    col("Container-Runtime", "string", "ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).", 1),
  ],
  printRow(node, ctx) {
    const info = node.status?.nodeInfo ?? {};
    return [
      node.metadata.name ?? "",
      nodeStatus(node),
      nodeRoles(node),
      age(node, ctx.nowMs),
      info.kubeletVersion ?? "",
      nodeAddress(node, "InternalIP"),
      nodeAddress(node, "ExternalIP"),
      info.osImage || "<unknown>",
      info.kernelVersion || "<unknown>",
      info.containerRuntimeVersion || "<unknown>",
    ];
  },
  fieldSelectors: {
    "spec.unschedulable": (node) => String(node.spec?.unschedulable ?? false),
  },
};
