/**
 * Protobuf message tables for the Kubernetes types kubectl sends as `application/vnd.kubernetes.protobuf`.
 *
 * Facts come from Kubernetes 1.32 (k8s.io/api and k8s.io/apimachinery v0.32.x): field numbers and
 * proto types from each package's `generated.proto`, JSON names, `,inline` and pointer-ness from
 * the Go structs' `json:"…"` / `protobuf:"…"` tags in types.go. Everything reachable from the root
 * kinds in ROOT_MESSAGES is listed.
 *
 * Table grammar — one message per line (continuation lines are indented), `#` starts a comment:
 *
 *     MessageName jsonName=fieldNumber:type ...
 *
 *   type      string | int32 | int64 | bool | bytes | double | float
 *             | Time | MicroTime | Quantity | IntOrString | FieldsV1   (special shapes, see decode.ts)
 *             | <MessageName>
 *   []type    repeated field (a JSON array)
 *   {type}    map<string, type>, encoded as repeated {1: key, 2: value} entries (a JSON object)
 *   type?     keepZero: the Go field is a pointer (proto2 presence), so a zero value / empty
 *             object that is on the wire is kept; otherwise Go zero values are dropped
 *   ...=N:T   json ",inline": message T's fields are merged into the enclosing JSON object
 */

export type ScalarType = "string" | "int32" | "int64" | "uint32" | "uint64" | "bool" | "bytes" | "double" | "float";
export type SpecialType = "Time" | "MicroTime" | "Quantity" | "IntOrString" | "FieldsV1";

export interface FieldDef {
  /** JSON property name; `null` for an inlined message. */
  json: string | null;
  num: number;
  kind: "scalar" | "special" | "message";
  /** Scalar type, special type, or message name. */
  type: string;
  repeated: boolean;
  map: boolean;
  keepZero: boolean;
}

export interface MessageDef {
  name: string;
  fields: Map<number, FieldDef>;
}

const SCALARS = new Set<string>(["string", "int32", "int64", "uint32", "uint64", "bool", "bytes", "double", "float"]);
const SPECIALS = new Set<string>(["Time", "MicroTime", "Quantity", "IntOrString", "FieldsV1"]);

/** "apiVersion kind" -> root message name. */
const ROOTS = `
apps/v1                      Deployment StatefulSet DaemonSet ReplicaSet
v1                           Pod Service ConfigMap Secret Namespace ServiceAccount ResourceQuota LimitRange
v1                           PersistentVolumeClaim
batch/v1                     Job CronJob
autoscaling/v1               HorizontalPodAutoscaler
authorization.k8s.io/v1      SelfSubjectAccessReview SelfSubjectRulesReview
authentication.k8s.io/v1     TokenRequest SelfSubjectReview
rbac.authorization.k8s.io/v1 Role RoleBinding ClusterRole ClusterRoleBinding
networking.k8s.io/v1         Ingress
scheduling.k8s.io/v1         PriorityClass
policy/v1                    PodDisruptionBudget
`;

const TABLE = `
# meta/v1 — k8s.io/apimachinery/pkg/apis/meta/v1/generated.proto
ObjectMeta name=1:string generateName=2:string namespace=3:string selfLink=4:string uid=5:string
    resourceVersion=6:string generation=7:int64 creationTimestamp=8:Time deletionTimestamp=9:Time?
    deletionGracePeriodSeconds=10:int64? labels=11:{string} annotations=12:{string}
    ownerReferences=13:[]OwnerReference finalizers=14:[]string managedFields=17:[]ManagedFieldsEntry
OwnerReference kind=1:string name=3:string uid=4:string apiVersion=5:string controller=6:bool?
    blockOwnerDeletion=7:bool?
ManagedFieldsEntry manager=1:string operation=2:string apiVersion=3:string time=4:Time? fieldsType=6:string
    fieldsV1=7:FieldsV1? subresource=8:string
LabelSelector matchLabels=1:{string} matchExpressions=2:[]LabelSelectorRequirement
LabelSelectorRequirement key=1:string operator=2:string values=3:[]string
Condition type=1:string status=2:string observedGeneration=3:int64 lastTransitionTime=4:Time reason=5:string
    message=6:string
FieldSelectorRequirement key=1:string operator=2:string values=3:[]string
# core/v1 — k8s.io/api/core/v1/generated.proto
PodTemplateSpec metadata=1:ObjectMeta spec=2:PodSpec
PodSpec volumes=1:[]Volume containers=2:[]Container restartPolicy=3:string
    terminationGracePeriodSeconds=4:int64? activeDeadlineSeconds=5:int64? dnsPolicy=6:string
    nodeSelector=7:{string} serviceAccountName=8:string serviceAccount=9:string nodeName=10:string
    hostNetwork=11:bool hostPID=12:bool hostIPC=13:bool securityContext=14:PodSecurityContext?
    imagePullSecrets=15:[]LocalObjectReference hostname=16:string subdomain=17:string affinity=18:Affinity?
    schedulerName=19:string initContainers=20:[]Container automountServiceAccountToken=21:bool?
    tolerations=22:[]Toleration hostAliases=23:[]HostAlias priorityClassName=24:string priority=25:int32?
    dnsConfig=26:PodDNSConfig? shareProcessNamespace=27:bool? readinessGates=28:[]PodReadinessGate
    runtimeClassName=29:string? enableServiceLinks=30:bool? preemptionPolicy=31:string? overhead=32:{Quantity}
    topologySpreadConstraints=33:[]TopologySpreadConstraint ephemeralContainers=34:[]EphemeralContainer
    setHostnameAsFQDN=35:bool? os=36:PodOS? hostUsers=37:bool? schedulingGates=38:[]PodSchedulingGate
    resourceClaims=39:[]PodResourceClaim resources=40:ResourceRequirements?
Volume name=1:string ...=2:VolumeSource
VolumeSource hostPath=1:HostPathVolumeSource? emptyDir=2:EmptyDirVolumeSource?
    gcePersistentDisk=3:GCEPersistentDiskVolumeSource?
    awsElasticBlockStore=4:AWSElasticBlockStoreVolumeSource? gitRepo=5:GitRepoVolumeSource?
    secret=6:SecretVolumeSource? nfs=7:NFSVolumeSource? iscsi=8:ISCSIVolumeSource?
    glusterfs=9:GlusterfsVolumeSource? persistentVolumeClaim=10:PersistentVolumeClaimVolumeSource?
    rbd=11:RBDVolumeSource? flexVolume=12:FlexVolumeSource? cinder=13:CinderVolumeSource?
    cephfs=14:CephFSVolumeSource? flocker=15:FlockerVolumeSource? downwardAPI=16:DownwardAPIVolumeSource?
    fc=17:FCVolumeSource? azureFile=18:AzureFileVolumeSource? configMap=19:ConfigMapVolumeSource?
    vsphereVolume=20:VsphereVirtualDiskVolumeSource? quobyte=21:QuobyteVolumeSource?
    azureDisk=22:AzureDiskVolumeSource? photonPersistentDisk=23:PhotonPersistentDiskVolumeSource?
    portworxVolume=24:PortworxVolumeSource? scaleIO=25:ScaleIOVolumeSource?
    projected=26:ProjectedVolumeSource? storageos=27:StorageOSVolumeSource? csi=28:CSIVolumeSource?
    ephemeral=29:EphemeralVolumeSource? image=30:ImageVolumeSource?
HostPathVolumeSource path=1:string type=2:string?
EmptyDirVolumeSource medium=1:string sizeLimit=2:Quantity?
GCEPersistentDiskVolumeSource pdName=1:string fsType=2:string partition=3:int32 readOnly=4:bool
AWSElasticBlockStoreVolumeSource volumeID=1:string fsType=2:string partition=3:int32 readOnly=4:bool
GitRepoVolumeSource repository=1:string revision=2:string directory=3:string
SecretVolumeSource secretName=1:string items=2:[]KeyToPath defaultMode=3:int32? optional=4:bool?
KeyToPath key=1:string path=2:string mode=3:int32?
NFSVolumeSource server=1:string path=2:string readOnly=3:bool
ISCSIVolumeSource targetPortal=1:string iqn=2:string lun=3:int32 iscsiInterface=4:string fsType=5:string
    readOnly=6:bool portals=7:[]string chapAuthDiscovery=8:bool secretRef=10:LocalObjectReference?
    chapAuthSession=11:bool initiatorName=12:string?
LocalObjectReference name=1:string
GlusterfsVolumeSource endpoints=1:string path=2:string readOnly=3:bool
PersistentVolumeClaimVolumeSource claimName=1:string readOnly=2:bool
RBDVolumeSource monitors=1:[]string image=2:string fsType=3:string pool=4:string user=5:string
    keyring=6:string secretRef=7:LocalObjectReference? readOnly=8:bool
FlexVolumeSource driver=1:string fsType=2:string secretRef=3:LocalObjectReference? readOnly=4:bool
    options=5:{string}
CinderVolumeSource volumeID=1:string fsType=2:string readOnly=3:bool secretRef=4:LocalObjectReference?
CephFSVolumeSource monitors=1:[]string path=2:string user=3:string secretFile=4:string
    secretRef=5:LocalObjectReference? readOnly=6:bool
FlockerVolumeSource datasetName=1:string datasetUUID=2:string
DownwardAPIVolumeSource items=1:[]DownwardAPIVolumeFile defaultMode=2:int32?
DownwardAPIVolumeFile path=1:string fieldRef=2:ObjectFieldSelector? resourceFieldRef=3:ResourceFieldSelector?
    mode=4:int32?
ObjectFieldSelector apiVersion=1:string fieldPath=2:string
ResourceFieldSelector containerName=1:string resource=2:string divisor=3:Quantity
FCVolumeSource targetWWNs=1:[]string lun=2:int32? fsType=3:string readOnly=4:bool wwids=5:[]string
AzureFileVolumeSource secretName=1:string shareName=2:string readOnly=3:bool
ConfigMapVolumeSource ...=1:LocalObjectReference items=2:[]KeyToPath defaultMode=3:int32? optional=4:bool?
VsphereVirtualDiskVolumeSource volumePath=1:string fsType=2:string storagePolicyName=3:string
    storagePolicyID=4:string
QuobyteVolumeSource registry=1:string volume=2:string readOnly=3:bool user=4:string group=5:string
    tenant=6:string
AzureDiskVolumeSource diskName=1:string diskURI=2:string cachingMode=3:string? fsType=4:string?
    readOnly=5:bool? kind=6:string?
PhotonPersistentDiskVolumeSource pdID=1:string fsType=2:string
ProjectedVolumeSource sources=1:[]VolumeProjection defaultMode=2:int32?
VolumeProjection secret=1:SecretProjection? downwardAPI=2:DownwardAPIProjection?
    configMap=3:ConfigMapProjection? serviceAccountToken=4:ServiceAccountTokenProjection?
    clusterTrustBundle=5:ClusterTrustBundleProjection?
SecretProjection ...=1:LocalObjectReference items=2:[]KeyToPath optional=4:bool?
DownwardAPIProjection items=1:[]DownwardAPIVolumeFile
ConfigMapProjection ...=1:LocalObjectReference items=2:[]KeyToPath optional=4:bool?
ServiceAccountTokenProjection audience=1:string expirationSeconds=2:int64? path=3:string
ClusterTrustBundleProjection name=1:string? signerName=2:string? labelSelector=3:LabelSelector? path=4:string
    optional=5:bool?
PortworxVolumeSource volumeID=1:string fsType=2:string readOnly=3:bool
ScaleIOVolumeSource gateway=1:string system=2:string secretRef=3:LocalObjectReference? sslEnabled=4:bool
    protectionDomain=5:string storagePool=6:string storageMode=7:string volumeName=8:string fsType=9:string
    readOnly=10:bool
StorageOSVolumeSource volumeName=1:string volumeNamespace=2:string fsType=3:string readOnly=4:bool
    secretRef=5:LocalObjectReference?
CSIVolumeSource driver=1:string readOnly=2:bool? fsType=3:string? volumeAttributes=4:{string}
    nodePublishSecretRef=5:LocalObjectReference?
EphemeralVolumeSource volumeClaimTemplate=1:PersistentVolumeClaimTemplate?
PersistentVolumeClaimTemplate metadata=1:ObjectMeta spec=2:PersistentVolumeClaimSpec
PersistentVolumeClaimSpec accessModes=1:[]string resources=2:VolumeResourceRequirements volumeName=3:string
    selector=4:LabelSelector? storageClassName=5:string? volumeMode=6:string?
    dataSource=7:TypedLocalObjectReference? dataSourceRef=8:TypedObjectReference?
    volumeAttributesClassName=9:string?
VolumeResourceRequirements limits=1:{Quantity} requests=2:{Quantity}
TypedLocalObjectReference apiGroup=1:string? kind=2:string name=3:string
TypedObjectReference apiGroup=1:string? kind=2:string name=3:string namespace=4:string?
ImageVolumeSource reference=1:string pullPolicy=2:string
Container name=1:string image=2:string command=3:[]string args=4:[]string workingDir=5:string
    ports=6:[]ContainerPort env=7:[]EnvVar resources=8:ResourceRequirements volumeMounts=9:[]VolumeMount
    livenessProbe=10:Probe? readinessProbe=11:Probe? lifecycle=12:Lifecycle? terminationMessagePath=13:string
    imagePullPolicy=14:string securityContext=15:SecurityContext? stdin=16:bool stdinOnce=17:bool tty=18:bool
    envFrom=19:[]EnvFromSource terminationMessagePolicy=20:string volumeDevices=21:[]VolumeDevice
    startupProbe=22:Probe? resizePolicy=23:[]ContainerResizePolicy restartPolicy=24:string?
ContainerPort name=1:string hostPort=2:int32 containerPort=3:int32 protocol=4:string hostIP=5:string
EnvFromSource prefix=1:string configMapRef=2:ConfigMapEnvSource? secretRef=3:SecretEnvSource?
ConfigMapEnvSource ...=1:LocalObjectReference optional=2:bool?
SecretEnvSource ...=1:LocalObjectReference optional=2:bool?
EnvVar name=1:string value=2:string valueFrom=3:EnvVarSource?
EnvVarSource fieldRef=1:ObjectFieldSelector? resourceFieldRef=2:ResourceFieldSelector?
    configMapKeyRef=3:ConfigMapKeySelector? secretKeyRef=4:SecretKeySelector?
ConfigMapKeySelector ...=1:LocalObjectReference key=2:string optional=3:bool?
SecretKeySelector ...=1:LocalObjectReference key=2:string optional=3:bool?
ResourceRequirements limits=1:{Quantity} requests=2:{Quantity} claims=3:[]ResourceClaim
ResourceClaim name=1:string request=2:string
ContainerResizePolicy resourceName=1:string restartPolicy=2:string
VolumeMount name=1:string readOnly=2:bool mountPath=3:string subPath=4:string mountPropagation=5:string?
    subPathExpr=6:string recursiveReadOnly=7:string?
VolumeDevice name=1:string devicePath=2:string
Probe ...=1:ProbeHandler initialDelaySeconds=2:int32 timeoutSeconds=3:int32 periodSeconds=4:int32
    successThreshold=5:int32 failureThreshold=6:int32 terminationGracePeriodSeconds=7:int64?
ProbeHandler exec=1:ExecAction? httpGet=2:HTTPGetAction? tcpSocket=3:TCPSocketAction? grpc=4:GRPCAction?
ExecAction command=1:[]string
HTTPGetAction path=1:string port=2:IntOrString host=3:string scheme=4:string httpHeaders=5:[]HTTPHeader
HTTPHeader name=1:string value=2:string
TCPSocketAction port=1:IntOrString host=2:string
GRPCAction port=1:int32 service=2:string?
Lifecycle postStart=1:LifecycleHandler? preStop=2:LifecycleHandler?
LifecycleHandler exec=1:ExecAction? httpGet=2:HTTPGetAction? tcpSocket=3:TCPSocketAction? sleep=4:SleepAction?
SleepAction seconds=1:int64
SecurityContext capabilities=1:Capabilities? privileged=2:bool? seLinuxOptions=3:SELinuxOptions?
    runAsUser=4:int64? runAsNonRoot=5:bool? readOnlyRootFilesystem=6:bool? allowPrivilegeEscalation=7:bool?
    runAsGroup=8:int64? procMount=9:string? windowsOptions=10:WindowsSecurityContextOptions?
    seccompProfile=11:SeccompProfile? appArmorProfile=12:AppArmorProfile?
Capabilities add=1:[]string drop=2:[]string
SELinuxOptions user=1:string role=2:string type=3:string level=4:string
WindowsSecurityContextOptions gmsaCredentialSpecName=1:string? gmsaCredentialSpec=2:string?
    runAsUserName=3:string? hostProcess=4:bool?
SeccompProfile type=1:string localhostProfile=2:string?
AppArmorProfile type=1:string localhostProfile=2:string?
EphemeralContainer ...=1:EphemeralContainerCommon targetContainerName=2:string
EphemeralContainerCommon name=1:string image=2:string command=3:[]string args=4:[]string workingDir=5:string
    ports=6:[]ContainerPort env=7:[]EnvVar resources=8:ResourceRequirements volumeMounts=9:[]VolumeMount
    livenessProbe=10:Probe? readinessProbe=11:Probe? lifecycle=12:Lifecycle? terminationMessagePath=13:string
    imagePullPolicy=14:string securityContext=15:SecurityContext? stdin=16:bool stdinOnce=17:bool tty=18:bool
    envFrom=19:[]EnvFromSource terminationMessagePolicy=20:string volumeDevices=21:[]VolumeDevice
    startupProbe=22:Probe? resizePolicy=23:[]ContainerResizePolicy restartPolicy=24:string?
PodSecurityContext seLinuxOptions=1:SELinuxOptions? runAsUser=2:int64? runAsNonRoot=3:bool?
    supplementalGroups=4:[]int64 fsGroup=5:int64? runAsGroup=6:int64? sysctls=7:[]Sysctl
    windowsOptions=8:WindowsSecurityContextOptions? fsGroupChangePolicy=9:string?
    seccompProfile=10:SeccompProfile? appArmorProfile=11:AppArmorProfile? supplementalGroupsPolicy=12:string?
    seLinuxChangePolicy=13:string?
Sysctl name=1:string value=2:string
Affinity nodeAffinity=1:NodeAffinity? podAffinity=2:PodAffinity? podAntiAffinity=3:PodAntiAffinity?
NodeAffinity requiredDuringSchedulingIgnoredDuringExecution=1:NodeSelector?
    preferredDuringSchedulingIgnoredDuringExecution=2:[]PreferredSchedulingTerm
NodeSelector nodeSelectorTerms=1:[]NodeSelectorTerm
NodeSelectorTerm matchExpressions=1:[]NodeSelectorRequirement matchFields=2:[]NodeSelectorRequirement
NodeSelectorRequirement key=1:string operator=2:string values=3:[]string
PreferredSchedulingTerm weight=1:int32 preference=2:NodeSelectorTerm
PodAffinity requiredDuringSchedulingIgnoredDuringExecution=1:[]PodAffinityTerm
    preferredDuringSchedulingIgnoredDuringExecution=2:[]WeightedPodAffinityTerm
PodAffinityTerm labelSelector=1:LabelSelector? namespaces=2:[]string topologyKey=3:string
    namespaceSelector=4:LabelSelector? matchLabelKeys=5:[]string mismatchLabelKeys=6:[]string
WeightedPodAffinityTerm weight=1:int32 podAffinityTerm=2:PodAffinityTerm
PodAntiAffinity requiredDuringSchedulingIgnoredDuringExecution=1:[]PodAffinityTerm
    preferredDuringSchedulingIgnoredDuringExecution=2:[]WeightedPodAffinityTerm
Toleration key=1:string operator=2:string value=3:string effect=4:string tolerationSeconds=5:int64?
HostAlias ip=1:string hostnames=2:[]string
PodDNSConfig nameservers=1:[]string searches=2:[]string options=3:[]PodDNSConfigOption
PodDNSConfigOption name=1:string value=2:string?
PodReadinessGate conditionType=1:string
TopologySpreadConstraint maxSkew=1:int32 topologyKey=2:string whenUnsatisfiable=3:string
    labelSelector=4:LabelSelector? minDomains=5:int32? nodeAffinityPolicy=6:string? nodeTaintsPolicy=7:string?
    matchLabelKeys=8:[]string
PodOS name=1:string
PodSchedulingGate name=1:string
PodResourceClaim name=1:string resourceClaimName=3:string? resourceClaimTemplateName=4:string?
PersistentVolumeClaim metadata=1:ObjectMeta spec=2:PersistentVolumeClaimSpec
    status=3:PersistentVolumeClaimStatus
PersistentVolumeClaimStatus phase=1:string accessModes=2:[]string capacity=3:{Quantity}
    conditions=4:[]PersistentVolumeClaimCondition allocatedResources=5:{Quantity}
    allocatedResourceStatuses=7:{string} currentVolumeAttributesClassName=8:string?
    modifyVolumeStatus=9:ModifyVolumeStatus?
PersistentVolumeClaimCondition type=1:string status=2:string lastProbeTime=3:Time lastTransitionTime=4:Time
    reason=5:string message=6:string
ModifyVolumeStatus targetVolumeAttributesClassName=1:string status=2:string
Pod metadata=1:ObjectMeta spec=2:PodSpec status=3:PodStatus
PodStatus phase=1:string conditions=2:[]PodCondition message=3:string reason=4:string hostIP=5:string
    podIP=6:string startTime=7:Time? containerStatuses=8:[]ContainerStatus qosClass=9:string
    initContainerStatuses=10:[]ContainerStatus nominatedNodeName=11:string podIPs=12:[]PodIP
    ephemeralContainerStatuses=13:[]ContainerStatus resize=14:string
    resourceClaimStatuses=15:[]PodResourceClaimStatus hostIPs=16:[]HostIP
PodCondition type=1:string status=2:string lastProbeTime=3:Time lastTransitionTime=4:Time reason=5:string
    message=6:string
HostIP ip=1:string
PodIP ip=1:string
ContainerStatus name=1:string state=2:ContainerState lastState=3:ContainerState ready=4:bool
    restartCount=5:int32 image=6:string imageID=7:string containerID=8:string started=9:bool?
    allocatedResources=10:{Quantity} resources=11:ResourceRequirements? volumeMounts=12:[]VolumeMountStatus
    user=13:ContainerUser? allocatedResourcesStatus=14:[]ResourceStatus
ContainerState waiting=1:ContainerStateWaiting? running=2:ContainerStateRunning?
    terminated=3:ContainerStateTerminated?
ContainerStateWaiting reason=1:string message=2:string
ContainerStateRunning startedAt=1:Time
ContainerStateTerminated exitCode=1:int32 signal=2:int32 reason=3:string message=4:string startedAt=5:Time
    finishedAt=6:Time containerID=7:string
VolumeMountStatus name=1:string mountPath=2:string readOnly=3:bool recursiveReadOnly=4:string?
ContainerUser linux=1:LinuxContainerUser?
LinuxContainerUser uid=1:int64 gid=2:int64 supplementalGroups=3:[]int64
ResourceStatus name=1:string resources=2:[]ResourceHealth
ResourceHealth resourceID=1:string health=2:string
PodResourceClaimStatus name=1:string resourceClaimName=2:string?
Service metadata=1:ObjectMeta spec=2:ServiceSpec status=3:ServiceStatus
ServiceSpec ports=1:[]ServicePort selector=2:{string} clusterIP=3:string type=4:string externalIPs=5:[]string
    sessionAffinity=7:string loadBalancerIP=8:string loadBalancerSourceRanges=9:[]string
    externalName=10:string externalTrafficPolicy=11:string healthCheckNodePort=12:int32
    publishNotReadyAddresses=13:bool sessionAffinityConfig=14:SessionAffinityConfig? ipFamilyPolicy=17:string?
    clusterIPs=18:[]string ipFamilies=19:[]string allocateLoadBalancerNodePorts=20:bool?
    loadBalancerClass=21:string? internalTrafficPolicy=22:string? trafficDistribution=23:string?
ServicePort name=1:string protocol=2:string port=3:int32 targetPort=4:IntOrString nodePort=5:int32
    appProtocol=6:string?
SessionAffinityConfig clientIP=1:ClientIPConfig?
ClientIPConfig timeoutSeconds=1:int32?
ServiceStatus loadBalancer=1:LoadBalancerStatus conditions=2:[]Condition
LoadBalancerStatus ingress=1:[]LoadBalancerIngress
LoadBalancerIngress ip=1:string hostname=2:string ipMode=3:string? ports=4:[]PortStatus
PortStatus port=1:int32 protocol=2:string error=3:string?
ConfigMap metadata=1:ObjectMeta data=2:{string} binaryData=3:{bytes} immutable=4:bool?
Secret metadata=1:ObjectMeta data=2:{bytes} type=3:string stringData=4:{string} immutable=5:bool?
Namespace metadata=1:ObjectMeta spec=2:NamespaceSpec status=3:NamespaceStatus
NamespaceSpec finalizers=1:[]string
NamespaceStatus phase=1:string conditions=2:[]NamespaceCondition
NamespaceCondition type=1:string status=2:string lastTransitionTime=4:Time reason=5:string message=6:string
ServiceAccount metadata=1:ObjectMeta secrets=2:[]ObjectReference imagePullSecrets=3:[]LocalObjectReference
    automountServiceAccountToken=4:bool?
ObjectReference kind=1:string namespace=2:string name=3:string uid=4:string apiVersion=5:string
    resourceVersion=6:string fieldPath=7:string
ResourceQuota metadata=1:ObjectMeta spec=2:ResourceQuotaSpec status=3:ResourceQuotaStatus
ResourceQuotaSpec hard=1:{Quantity} scopes=2:[]string scopeSelector=3:ScopeSelector?
ScopeSelector matchExpressions=1:[]ScopedResourceSelectorRequirement
ScopedResourceSelectorRequirement scopeName=1:string operator=2:string values=3:[]string
ResourceQuotaStatus hard=1:{Quantity} used=2:{Quantity}
LimitRange metadata=1:ObjectMeta spec=2:LimitRangeSpec
LimitRangeSpec limits=1:[]LimitRangeItem
LimitRangeItem type=1:string max=2:{Quantity} min=3:{Quantity} default=4:{Quantity}
    defaultRequest=5:{Quantity} maxLimitRequestRatio=6:{Quantity}
# apps/v1
Deployment metadata=1:ObjectMeta spec=2:DeploymentSpec status=3:DeploymentStatus
DeploymentSpec replicas=1:int32? selector=2:LabelSelector? template=3:PodTemplateSpec
    strategy=4:DeploymentStrategy minReadySeconds=5:int32 revisionHistoryLimit=6:int32? paused=7:bool
    progressDeadlineSeconds=9:int32?
DeploymentStrategy type=1:string rollingUpdate=2:RollingUpdateDeployment?
RollingUpdateDeployment maxUnavailable=1:IntOrString? maxSurge=2:IntOrString?
DeploymentStatus observedGeneration=1:int64 replicas=2:int32 updatedReplicas=3:int32 availableReplicas=4:int32
    unavailableReplicas=5:int32 conditions=6:[]DeploymentCondition readyReplicas=7:int32
    collisionCount=8:int32?
DeploymentCondition type=1:string status=2:string reason=4:string message=5:string lastUpdateTime=6:Time
    lastTransitionTime=7:Time
StatefulSet metadata=1:ObjectMeta spec=2:StatefulSetSpec status=3:StatefulSetStatus
StatefulSetSpec replicas=1:int32? selector=2:LabelSelector? template=3:PodTemplateSpec
    volumeClaimTemplates=4:[]PersistentVolumeClaim serviceName=5:string podManagementPolicy=6:string
    updateStrategy=7:StatefulSetUpdateStrategy revisionHistoryLimit=8:int32? minReadySeconds=9:int32
    persistentVolumeClaimRetentionPolicy=10:StatefulSetPersistentVolumeClaimRetentionPolicy?
    ordinals=11:StatefulSetOrdinals?
StatefulSetUpdateStrategy type=1:string rollingUpdate=2:RollingUpdateStatefulSetStrategy?
RollingUpdateStatefulSetStrategy partition=1:int32? maxUnavailable=2:IntOrString?
StatefulSetPersistentVolumeClaimRetentionPolicy whenDeleted=1:string whenScaled=2:string
StatefulSetOrdinals start=1:int32
StatefulSetStatus observedGeneration=1:int64 replicas=2:int32 readyReplicas=3:int32 currentReplicas=4:int32
    updatedReplicas=5:int32 currentRevision=6:string updateRevision=7:string collisionCount=9:int32?
    conditions=10:[]StatefulSetCondition availableReplicas=11:int32
StatefulSetCondition type=1:string status=2:string lastTransitionTime=3:Time reason=4:string message=5:string
DaemonSet metadata=1:ObjectMeta spec=2:DaemonSetSpec status=3:DaemonSetStatus
DaemonSetSpec selector=1:LabelSelector? template=2:PodTemplateSpec updateStrategy=3:DaemonSetUpdateStrategy
    minReadySeconds=4:int32 revisionHistoryLimit=6:int32?
DaemonSetUpdateStrategy type=1:string rollingUpdate=2:RollingUpdateDaemonSet?
RollingUpdateDaemonSet maxUnavailable=1:IntOrString? maxSurge=2:IntOrString?
DaemonSetStatus currentNumberScheduled=1:int32 numberMisscheduled=2:int32 desiredNumberScheduled=3:int32
    numberReady=4:int32 observedGeneration=5:int64 updatedNumberScheduled=6:int32 numberAvailable=7:int32
    numberUnavailable=8:int32 collisionCount=9:int32? conditions=10:[]DaemonSetCondition
DaemonSetCondition type=1:string status=2:string lastTransitionTime=3:Time reason=4:string message=5:string
ReplicaSet metadata=1:ObjectMeta spec=2:ReplicaSetSpec status=3:ReplicaSetStatus
ReplicaSetSpec replicas=1:int32? selector=2:LabelSelector? template=3:PodTemplateSpec minReadySeconds=4:int32
ReplicaSetStatus replicas=1:int32 fullyLabeledReplicas=2:int32 observedGeneration=3:int64
    readyReplicas=4:int32 availableReplicas=5:int32 conditions=6:[]ReplicaSetCondition
ReplicaSetCondition type=1:string status=2:string lastTransitionTime=3:Time reason=4:string message=5:string
# batch/v1
Job metadata=1:ObjectMeta spec=2:JobSpec status=3:JobStatus
JobSpec parallelism=1:int32? completions=2:int32? activeDeadlineSeconds=3:int64? selector=4:LabelSelector?
    manualSelector=5:bool? template=6:PodTemplateSpec backoffLimit=7:int32? ttlSecondsAfterFinished=8:int32?
    completionMode=9:string? suspend=10:bool? podFailurePolicy=11:PodFailurePolicy?
    backoffLimitPerIndex=12:int32? maxFailedIndexes=13:int32? podReplacementPolicy=14:string?
    managedBy=15:string? successPolicy=16:SuccessPolicy?
PodFailurePolicy rules=1:[]PodFailurePolicyRule
PodFailurePolicyRule action=1:string onExitCodes=2:PodFailurePolicyOnExitCodesRequirement?
    onPodConditions=3:[]PodFailurePolicyOnPodConditionsPattern
PodFailurePolicyOnExitCodesRequirement containerName=1:string? operator=2:string values=3:[]int32
PodFailurePolicyOnPodConditionsPattern type=1:string status=2:string
SuccessPolicy rules=1:[]SuccessPolicyRule
SuccessPolicyRule succeededIndexes=1:string? succeededCount=2:int32?
JobStatus conditions=1:[]JobCondition startTime=2:Time? completionTime=3:Time? active=4:int32
    succeeded=5:int32 failed=6:int32 completedIndexes=7:string
    uncountedTerminatedPods=8:UncountedTerminatedPods? ready=9:int32? failedIndexes=10:string?
    terminating=11:int32?
JobCondition type=1:string status=2:string lastProbeTime=3:Time lastTransitionTime=4:Time reason=5:string
    message=6:string
UncountedTerminatedPods succeeded=1:[]string failed=2:[]string
CronJob metadata=1:ObjectMeta spec=2:CronJobSpec status=3:CronJobStatus
CronJobSpec schedule=1:string startingDeadlineSeconds=2:int64? concurrencyPolicy=3:string suspend=4:bool?
    jobTemplate=5:JobTemplateSpec successfulJobsHistoryLimit=6:int32? failedJobsHistoryLimit=7:int32?
    timeZone=8:string?
JobTemplateSpec metadata=1:ObjectMeta spec=2:JobSpec
CronJobStatus active=1:[]ObjectReference lastScheduleTime=4:Time? lastSuccessfulTime=5:Time?
# autoscaling/v1
HorizontalPodAutoscaler metadata=1:ObjectMeta spec=2:HorizontalPodAutoscalerSpec
    status=3:HorizontalPodAutoscalerStatus
HorizontalPodAutoscalerSpec scaleTargetRef=1:CrossVersionObjectReference minReplicas=2:int32?
    maxReplicas=3:int32 targetCPUUtilizationPercentage=4:int32?
CrossVersionObjectReference kind=1:string name=2:string apiVersion=3:string
HorizontalPodAutoscalerStatus observedGeneration=1:int64? lastScaleTime=2:Time? currentReplicas=3:int32
    desiredReplicas=4:int32 currentCPUUtilizationPercentage=5:int32?
# authorization.k8s.io/v1
SelfSubjectAccessReview metadata=1:ObjectMeta spec=2:SelfSubjectAccessReviewSpec
    status=3:SubjectAccessReviewStatus
SelfSubjectAccessReviewSpec resourceAttributes=1:ResourceAttributes?
    nonResourceAttributes=2:NonResourceAttributes?
ResourceAttributes namespace=1:string verb=2:string group=3:string version=4:string resource=5:string
    subresource=6:string name=7:string fieldSelector=8:FieldSelectorAttributes?
    labelSelector=9:LabelSelectorAttributes?
FieldSelectorAttributes rawSelector=1:string requirements=2:[]FieldSelectorRequirement
LabelSelectorAttributes rawSelector=1:string requirements=2:[]LabelSelectorRequirement
NonResourceAttributes path=1:string verb=2:string
SubjectAccessReviewStatus allowed=1:bool reason=2:string evaluationError=3:string denied=4:bool
SelfSubjectRulesReview metadata=1:ObjectMeta spec=2:SelfSubjectRulesReviewSpec
    status=3:SubjectRulesReviewStatus
SelfSubjectRulesReviewSpec namespace=1:string
SubjectRulesReviewStatus resourceRules=1:[]ResourceRule nonResourceRules=2:[]NonResourceRule incomplete=3:bool
    evaluationError=4:string
ResourceRule verbs=1:[]string apiGroups=2:[]string resources=3:[]string resourceNames=4:[]string
NonResourceRule verbs=1:[]string nonResourceURLs=2:[]string
# authentication.k8s.io/v1
TokenRequest metadata=1:ObjectMeta spec=2:TokenRequestSpec status=3:TokenRequestStatus
TokenRequestSpec audiences=1:[]string boundObjectRef=3:BoundObjectReference? expirationSeconds=4:int64?
BoundObjectReference kind=1:string apiVersion=2:string name=3:string uid=4:string
TokenRequestStatus token=1:string expirationTimestamp=2:Time
SelfSubjectReview metadata=1:ObjectMeta status=2:SelfSubjectReviewStatus
SelfSubjectReviewStatus userInfo=1:UserInfo
UserInfo username=1:string uid=2:string groups=3:[]string
# rbac.authorization.k8s.io/v1
Role metadata=1:ObjectMeta rules=2:[]PolicyRule
PolicyRule verbs=1:[]string apiGroups=2:[]string resources=3:[]string resourceNames=4:[]string
    nonResourceURLs=5:[]string
RoleBinding metadata=1:ObjectMeta subjects=2:[]Subject roleRef=3:RoleRef
Subject kind=1:string apiGroup=2:string name=3:string namespace=4:string
RoleRef apiGroup=1:string kind=2:string name=3:string
ClusterRole metadata=1:ObjectMeta rules=2:[]PolicyRule aggregationRule=3:AggregationRule?
AggregationRule clusterRoleSelectors=1:[]LabelSelector
ClusterRoleBinding metadata=1:ObjectMeta subjects=2:[]Subject roleRef=3:RoleRef
# networking.k8s.io/v1
Ingress metadata=1:ObjectMeta spec=2:IngressSpec status=3:IngressStatus
IngressSpec defaultBackend=1:IngressBackend? tls=2:[]IngressTLS rules=3:[]IngressRule
    ingressClassName=4:string?
IngressBackend resource=3:TypedLocalObjectReference? service=4:IngressServiceBackend?
IngressServiceBackend name=1:string port=2:ServiceBackendPort
ServiceBackendPort name=1:string number=2:int32
IngressTLS hosts=1:[]string secretName=2:string
IngressRule host=1:string ...=2:IngressRuleValue
IngressRuleValue http=1:HTTPIngressRuleValue?
HTTPIngressRuleValue paths=1:[]HTTPIngressPath
HTTPIngressPath path=1:string backend=2:IngressBackend pathType=3:string?
IngressStatus loadBalancer=1:IngressLoadBalancerStatus
IngressLoadBalancerStatus ingress=1:[]IngressLoadBalancerIngress
IngressLoadBalancerIngress ip=1:string hostname=2:string ports=4:[]IngressPortStatus
IngressPortStatus port=1:int32 protocol=2:string error=3:string?
# scheduling.k8s.io/v1
PriorityClass metadata=1:ObjectMeta value=2:int32 globalDefault=3:bool description=4:string
    preemptionPolicy=5:string?
# policy/v1
PodDisruptionBudget metadata=1:ObjectMeta spec=2:PodDisruptionBudgetSpec status=3:PodDisruptionBudgetStatus
PodDisruptionBudgetSpec minAvailable=1:IntOrString? selector=2:LabelSelector? maxUnavailable=3:IntOrString?
    unhealthyPodEvictionPolicy=4:string?
PodDisruptionBudgetStatus observedGeneration=1:int64 disruptedPods=2:{Time} disruptionsAllowed=3:int32
    currentHealthy=4:int32 desiredHealthy=5:int32 expectedPods=6:int32 conditions=7:[]Condition
`;

function parseTable(text: string): Map<string, MessageDef> {
  const messages = new Map<string, MessageDef>();
  let current: MessageDef | null = null;
  for (const rawLine of text.split("\n")) {
    const line = rawLine.replace(/#.*$/, "");
    if (line.trim() === "") continue;
    const tokens = line.trim().split(/\s+/);
    if (!/^\s/.test(line)) {
      const name = tokens.shift()!;
      if (messages.has(name)) throw new Error(`protobuf table: duplicate message ${name}`);
      current = { name, fields: new Map() };
      messages.set(name, current);
    }
    if (!current) throw new Error(`protobuf table: continuation line before any message: ${rawLine}`);
    for (const token of tokens) {
      const m = /^(\.\.\.|[A-Za-z_][A-Za-z0-9_]*)=(\d+):(\[\]|\{)?([A-Za-z0-9]+)(\})?(\?)?$/.exec(token);
      if (!m || (m[3] === "{") !== (m[5] === "}")) throw new Error(`protobuf table: bad field ${token} in ${current.name}`);
      const num = Number(m[2]);
      if (current.fields.has(num)) throw new Error(`protobuf table: duplicate field ${num} in ${current.name}`);
      const type = m[4];
      current.fields.set(num, {
        json: m[1] === "..." ? null : m[1],
        num,
        kind: SCALARS.has(type) ? "scalar" : SPECIALS.has(type) ? "special" : "message",
        type,
        repeated: m[3] === "[]",
        map: m[3] === "{",
        keepZero: m[6] === "?",
      });
    }
  }
  for (const msg of messages.values()) {
    for (const f of msg.fields.values()) {
      if (f.kind === "message" && !messages.has(f.type)) {
        throw new Error(`protobuf table: ${msg.name}.${f.json ?? "(inline)"} references unknown message ${f.type}`);
      }
      if (f.json === null && (f.kind !== "message" || f.repeated || f.map)) {
        throw new Error(`protobuf table: inline field ${f.num} of ${msg.name} must be a singular message`);
      }
    }
  }
  return messages;
}

function parseRoots(text: string, messages: Map<string, MessageDef>): Map<string, MessageDef> {
  const roots = new Map<string, MessageDef>();
  for (const line of text.split("\n")) {
    const [apiVersion, ...kinds] = line.trim().split(/\s+/);
    if (!apiVersion) continue;
    for (const kind of kinds) {
      const msg = messages.get(kind);
      if (!msg) throw new Error(`protobuf table: root ${apiVersion} ${kind} has no message`);
      roots.set(`${apiVersion} ${kind}`, msg);
    }
  }
  return roots;
}

/** All message definitions, by name. */
export const MESSAGES: ReadonlyMap<string, MessageDef> = parseTable(TABLE);

/** Top-level kinds the decoder accepts, keyed by `${apiVersion} ${kind}`. */
export const ROOT_MESSAGES: ReadonlyMap<string, MessageDef> = parseRoots(ROOTS, MESSAGES as Map<string, MessageDef>);
