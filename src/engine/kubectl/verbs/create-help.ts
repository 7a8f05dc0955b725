// Help texts and flags of `kubectl create` and its generators, `run`, `expose` and `autoscale`, taken
// from `kubectl <command> --help` of kubectl 1.32 (facts, verbatim: help output must match byte for byte).
// Flag types follow the kubectl sources where help cannot tell (stringSlice vs stringArray).
import type { FlagSpec } from "../flags";
import { parseGoDuration } from "../../machinery/duration";
import { ALLOW_MISSING_TEMPLATE_KEYS_FLAG, DRY_RUN_FLAG, KUSTOMIZE_FLAG, OUTPUT_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, SHOW_MANAGED_FIELDS_FLAG, TEMPLATE_FLAG, VALIDATE_FLAG, fieldManagerFlag, filenameFlag } from "../common-flags";

export interface HelpText {
  long: string;
  example?: string;
  usage: string;
  flags: FlagSpec[];
}

// `kubectl autoscale --help`
export const AUTOSCALE_HELP: HelpText = {
  long: "Creates an autoscaler that automatically chooses and sets the number of pods that run in a Kubernetes cluster.\n\n Looks up a deployment, replica set, stateful set, or replication controller by name and creates an autoscaler that uses the given resource as a reference. An autoscaler can automatically increase or decrease number of pods deployed within the system as needed.",
  example: "  # Auto scale a deployment \"foo\", with the number of pods between 2 and 10, no target CPU utilization specified so a default autoscaling policy will be used\n  kubectl autoscale deployment foo --min=2 --max=10\n  \n  # Auto scale a replication controller \"foo\", with the number of pods between 1 and 5, target CPU utilization at 80%\n  kubectl autoscale rc foo --max=5 --cpu-percent=80",
  usage: "autoscale (-f FILENAME | TYPE NAME | TYPE/NAME) [--min=MINPODS] --max=MAXPODS [--cpu-percent=CPU] [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    {"name":"cpu-percent","type":"int","default":-1,"usage":"The target average CPU utilization (represented as a percent of requested CPU) over all the pods. If it's not specified or negative, a default autoscaling policy will be used."},
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-autoscale"),
    filenameFlag("Filename, directory, or URL to files identifying the resource to autoscale."),
    KUSTOMIZE_FLAG,
    {"name":"max","type":"int","default":-1,"usage":"The upper limit for the number of pods that can be set by the autoscaler. Required."},
    {"name":"min","type":"int","default":-1,"usage":"The lower limit for the number of pods that can be set by the autoscaler. If it's not specified or negative, the server will apply a default value."},
    {"name":"name","type":"string","usage":"The name for the newly created object. If not specified, the name of the input resource will be used."},
    OUTPUT_FLAG,
    RECURSIVE_FLAG,
    {"name":"save-config","type":"bool","usage":"If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."},
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
  ],
};

// `kubectl create --help`
export const CREATE_HELP: HelpText = {
  long: "Create a resource from a file or from stdin.\n\n JSON and YAML formats are accepted.",
  example: "  # Create a pod using the data in pod.json\n  kubectl create -f ./pod.json\n  \n  # Create a pod based on the JSON passed into stdin\n  cat pod.json | kubectl create -f -\n  \n  # Edit the data in registry.yaml in JSON then create the resource using the edited data\n  kubectl create -f registry.yaml --edit -o json",
  usage: "create -f FILENAME [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    DRY_RUN_FLAG,
    {"name":"edit","type":"bool","usage":"Edit the API resource before creating"},
    fieldManagerFlag("kubectl-create"),
    filenameFlag("Filename, directory, or URL to files to use to create the resource"),
    KUSTOMIZE_FLAG,
    OUTPUT_FLAG,
    {"name":"raw","type":"string","usage":"Raw URI to POST to the server.  Uses the transport specified by the kubeconfig file."},
    RECURSIVE_FLAG,
    {"name":"save-config","type":"bool","usage":"If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."},
    SELECTOR_FLAG,
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
    VALIDATE_FLAG,
    {"name":"windows-line-endings","type":"bool","usage":"Only relevant if --edit=true. Defaults to the line ending native to your platform."},
  ],
};

// `kubectl create clusterrole --help`
export const CREATE_CLUSTERROLE_HELP: HelpText = {
  long: "Create a cluster role.",
  example: "  # Create a cluster role named \"pod-reader\" that allows user to perform \"get\", \"watch\" and \"list\" on pods\n  kubectl create clusterrole pod-reader --verb=get,list,watch --resource=pods\n  \n  # Create a cluster role named \"pod-reader\" with ResourceName specified\n  kubectl create clusterrole pod-reader --verb=get --resource=pods --resource-name=readablepod --resource-name=anotherpod\n  \n  # Create a cluster role named \"foo\" with API Group specified\n  kubectl create clusterrole foo --verb=get,list,watch --resource=rs.apps\n  \n  # Create a cluster role named \"foo\" with SubResource specified\n  kubectl create clusterrole foo --verb=get,list,watch --resource=pods,pods/status\n  \n  # Create a cluster role name \"foo\" with NonResourceURL specified\n  kubectl create clusterrole \"foo\" --verb=get --non-resource-url=/logs/*\n  \n  # Create a cluster role name \"monitoring\" with AggregationRule specified\n  kubectl create clusterrole monitoring --aggregation-rule=\"rbac.example.com/aggregate-to-monitoring=true\"",
  usage: "create clusterrole NAME --verb=verb --resource=resource.group [--resource-name=resourcename] [--dry-run=server|client|none] [options]",
  flags: [
    {"name":"aggregation-rule","type":"stringToString","defaultText":"","usage":"An aggregation label selector for combining ClusterRoles."},
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-create"),
    {"name":"non-resource-url","type":"stringSlice","usage":"A partial url that user should have access to."},
    OUTPUT_FLAG,
    {"name":"resource","type":"stringSlice","usage":"Resource that the rule applies to"},
    {"name":"resource-name","type":"stringArray","usage":"Resource in the white list that the rule applies to, repeat this flag for multiple items"},
    {"name":"save-config","type":"bool","usage":"If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."},
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
    VALIDATE_FLAG,
    {"name":"verb","type":"stringSlice","usage":"Verb that applies to the resources contained in the rule"},
  ],
};

// `kubectl create clusterrolebinding --help`
export const CREATE_CLUSTERROLEBINDING_HELP: HelpText = {
  long: "Create a cluster role binding for a particular cluster role.",
  example: "  # Create a cluster role binding for user1, user2, and group1 using the cluster-admin cluster role\n  kubectl create clusterrolebinding cluster-admin --clusterrole=cluster-admin --user=user1 --user=user2 --group=group1",
  usage: "create clusterrolebinding NAME --clusterrole=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none] [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    {"name":"clusterrole","type":"string","usage":"ClusterRole this ClusterRoleBinding should reference"},
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-create"),
    {"name":"group","type":"stringArray","usage":"Groups to bind to the clusterrole. The flag can be repeated to add multiple groups."},
    OUTPUT_FLAG,
    {"name":"save-config","type":"bool","usage":"If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."},
    {"name":"serviceaccount","type":"stringArray","usage":"Service accounts to bind to the clusterrole, in the format <namespace>:<name>. The flag can be repeated to add multiple service accounts."},
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
    {"name":"user","type":"stringArray","usage":"Usernames to bind to the clusterrole. The flag can be repeated to add multiple users."},
    VALIDATE_FLAG,
  ],
};

// `kubectl create configmap --help`
export const CREATE_CONFIGMAP_HELP: HelpText = {
  long: "Create a config map based on a file, directory, or specified literal value.\n\n A single config map may package one or more key/value pairs.\n\n When creating a config map based on a file, the key will default to the basename of the file, and the value will default to the file content.  If the basename is an invalid key, you may specify an alternate key.\n\n When creating a config map based on a directory, each file whose basename is a valid key in the directory will be packaged into the config map.  Any directory entries except regular files are ignored (e.g. subdirectories, symlinks, devices, pipes, etc).",
  example: "  # Create a new config map named my-config based on folder bar\n  kubectl create configmap my-config --from-file=path/to/bar\n  \n  # Create a new config map named my-config with specified keys instead of file basenames on disk\n  kubectl create configmap my-config --from-file=key1=/path/to/bar/file1.txt --from-file=key2=/path/to/bar/file2.txt\n  \n  # Create a new config map named my-config with key1=config1 and key2=config2\n  kubectl create configmap my-config --from-literal=key1=config1 --from-literal=key2=config2\n  \n  # Create a new config map named my-config from the key=value pairs in the file\n  kubectl create configmap my-config --from-file=path/to/bar\n  \n  # Create a new config map named my-config from an env file\n  kubectl create configmap my-config --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env",
  usage: "create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    {"name":"append-hash","type":"bool","usage":"Append a hash of the configmap to its name."},
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-create"),
    {"name":"from-env-file","type":"stringSlice","usage":"Specify the path to a file to read lines of key=val pairs to create a configmap."},
    {"name":"from-file","type":"stringSlice","usage":"Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key and file path, in which case the given key will be used.  Specifying a directory will iterate each named file in the directory whose basename is a valid configmap key."},
    {"name":"from-literal","type":"stringArray","usage":"Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)"},
    OUTPUT_FLAG,
    {"name":"save-config","type":"bool","usage":"If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."},
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
    VALIDATE_FLAG,
  ],
};

// `kubectl create cronjob --help`
export const CREATE_CRONJOB_HELP: HelpText = {
  long: "Create a cron job with the specified name.",
  example: "  # Create a cron job\n  kubectl create cronjob my-job --image=busybox --schedule=\"*/1 * * * *\"\n  \n  # Create a cron job with a command\n  kubectl create cronjob my-job --image=busybox --schedule=\"*/1 * * * *\" -- date",
  usage: "create cronjob NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...] [flags] [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-create"),
    {"name":"image","type":"string","usage":"Image name to run."},
    OUTPUT_FLAG,
    {"name":"restart","type":"string","usage":"job's restart policy. supported values: OnFailure, Never"},
    {"name":"save-config","type":"bool","usage":"If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."},
    {"name":"schedule","type":"string","usage":"A schedule in the Cron format the job should be run with."},
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
    VALIDATE_FLAG,
  ],
};

// `kubectl create deployment --help`
export const CREATE_DEPLOYMENT_HELP: HelpText = {
  long: "Create a deployment with the specified name.",
  example: "  # Create a deployment named my-dep that runs the busybox image\n  kubectl create deployment my-dep --image=busybox\n  \n  # Create a deployment with a command\n  kubectl create deployment my-dep --image=busybox -- date\n  \n  # Create a deployment named my-dep that runs the nginx image with 3 replicas\n  kubectl create deployment my-dep --image=nginx --replicas=3\n  \n  # Create a deployment named my-dep that runs the busybox image and expose port 5701\n  kubectl create deployment my-dep --image=busybox --port=5701\n  \n  # Create a deployment named my-dep that runs multiple containers\n  kubectl create deployment my-dep --image=busybox:latest --image=ubuntu:latest --image=nginx",
  usage: "create deployment NAME --image=image -- [COMMAND] [args...] [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-create"),
    {"name":"image","type":"stringSlice","usage":"Image names to run. A deployment can have multiple images set for multi-container pod."},
    OUTPUT_FLAG,
    {"name":"port","type":"int","default":-1,"usage":"The containerPort that this deployment exposes."},
    {"name":"replicas","shorthand":"r","type":"int","default":1,"usage":"Number of replicas to create. Default is 1."},
    {"name":"save-config","type":"bool","usage":"If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."},
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
    VALIDATE_FLAG,
  ],
};

// `kubectl create ingress --help`
export const CREATE_INGRESS_HELP: HelpText = {
  long: "Create an ingress with the specified name.",
  example: "  # Create a single ingress called 'simple' that directs requests to foo.com/bar to svc\n  # svc1:8080 with a TLS secret \"my-cert\"\n  kubectl create ingress simple --rule=\"foo.com/bar=svc1:8080,tls=my-cert\"\n  \n  # Create a catch all ingress of \"/path\" pointing to service svc:port and Ingress Class as \"otheringress\"\n  kubectl create ingress catch-all --class=otheringress --rule=\"/path=svc:port\"\n  \n  # Create an ingress with two annotations: ingress.annotation1 and ingress.annotations2\n  kubectl create ingress annotated --class=default --rule=\"foo.com/bar=svc:port\" \\\n  --annotation ingress.annotation1=foo \\\n  --annotation ingress.annotation2=bla\n  \n  # Create an ingress with the same host and multiple paths\n  kubectl create ingress multipath --class=default \\\n  --rule=\"foo.com/=svc:port\" \\\n  --rule=\"foo.com/admin/=svcadmin:portadmin\"\n  \n  # Create an ingress with multiple hosts and the pathType as Prefix\n  kubectl create ingress ingress1 --class=default \\\n  --rule=\"foo.com/path*=svc:8080\" \\\n  --rule=\"bar.com/admin*=svc2:http\"\n  \n  # Create an ingress with TLS enabled using the default ingress certificate and different path types\n  kubectl create ingress ingtls --class=default \\\n  --rule=\"foo.com/=svc:https,tls\" \\\n  --rule=\"foo.com/path/subpath*=othersvc:8080\"\n  \n  # Create an ingress with TLS enabled using a specific secret and pathType as Prefix\n  kubectl create ingress ingsecret --class=default \\\n  --rule=\"foo.com/*=svc:8080,tls=secret1\"\n  \n  # Create an ingress with a default backend\n  kubectl create ingress ingdefault --class=default \\\n  --default-backend=defaultsvc:http \\\n  --rule=\"foo.com/*=svc:8080,tls=secret1\"",
  usage: "create ingress NAME --rule=host/path=service:port[,tls[=secret]]  [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    {"name":"annotation","type":"stringArray","usage":"Annotation to insert in the ingress object, in the format annotation=value"},
    {"name":"class","type":"string","usage":"Ingress Class to be used"},
    {"name":"default-backend","type":"string","usage":"Default service for backend, in format of svcname:port"},
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-create"),
    OUTPUT_FLAG,
    {"name":"rule","type":"stringArray","usage":"Rule in format host/path=service:port[,tls=secretname]. Paths containing the leading character '*' are considered pathType=Prefix. tls argument is optional."},
    {"name":"save-config","type":"bool","usage":"If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."},
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
    VALIDATE_FLAG,
  ],
};

// `kubectl create job --help`
export const CREATE_JOB_HELP: HelpText = {
  long: "Create a job with the specified name.",
  example: "  # Create a job\n  kubectl create job my-job --image=busybox\n  \n  # Create a job with a command\n  kubectl create job my-job --image=busybox -- date\n  \n  # Create a job from a cron job named \"a-cronjob\"\n  kubectl create job test-job --from=cronjob/a-cronjob",
  usage: "create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...] [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-create"),
    {"name":"from","type":"string","usage":"The name of the resource to create a Job from (only cronjob is supported)."},
    {"name":"image","type":"string","usage":"Image name to run."},
    OUTPUT_FLAG,
    {"name":"save-config","type":"bool","usage":"If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."},
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
    VALIDATE_FLAG,
  ],
};

// `kubectl create namespace --help`
export const CREATE_NAMESPACE_HELP: HelpText = {
  long: "Create a namespace with the specified name.",
  example: "  # Create a new namespace named my-namespace\n  kubectl create namespace my-namespace",
  usage: "create namespace NAME [--dry-run=server|client|none] [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-create"),
    OUTPUT_FLAG,
    {"name":"save-config","type":"bool","usage":"If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."},
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
    VALIDATE_FLAG,
  ],
};

// `kubectl create poddisruptionbudget --help`
export const CREATE_PODDISRUPTIONBUDGET_HELP: HelpText = {
  long: "Create a pod disruption budget with the specified name, selector, and desired minimum available pods.",
  example: "  # Create a pod disruption budget named my-pdb that will select all pods with the app=rails label\n  # and require at least one of them being available at any point in time\n  kubectl create poddisruptionbudget my-pdb --selector=app=rails --min-available=1\n  \n  # Create a pod disruption budget named my-pdb that will select all pods with the app=nginx label\n  # and require at least half of the pods selected to be available at any point in time\n  kubectl create pdb my-pdb --selector=app=nginx --min-available=50%",
  usage: "create poddisruptionbudget NAME --selector=SELECTOR --min-available=N [--dry-run=server|client|none] [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-create"),
    {"name":"max-unavailable","type":"string","usage":"The maximum number or percentage of unavailable pods this budget requires."},
    {"name":"min-available","type":"string","usage":"The minimum number or percentage of available pods this budget requires."},
    OUTPUT_FLAG,
    {"name":"save-config","type":"bool","usage":"If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."},
    {"name":"selector","type":"string","usage":"A label selector to use for this budget. Only equality-based selector requirements are supported."},
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
    VALIDATE_FLAG,
  ],
};

// `kubectl create priorityclass --help`
export const CREATE_PRIORITYCLASS_HELP: HelpText = {
  long: "Create a priority class with the specified name, value, globalDefault and description.",
  example: "  # Create a priority class named high-priority\n  kubectl create priorityclass high-priority --value=1000 --description=\"high priority\"\n  \n  # Create a priority class named default-priority that is considered as the global default priority\n  kubectl create priorityclass default-priority --value=1000 --global-default=true --description=\"default priority\"\n  \n  # Create a priority class named high-priority that cannot preempt pods with lower priority\n  kubectl create priorityclass high-priority --value=1000 --description=\"high priority\" --preemption-policy=\"Never\"",
  usage: "create priorityclass NAME --value=VALUE --global-default=BOOL [--dry-run=server|client|none] [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    {"name":"description","type":"string","usage":"description is an arbitrary string that usually provides guidelines on when this priority class should be used."},
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-create"),
    {"name":"global-default","type":"bool","usage":"global-default specifies whether this PriorityClass should be considered as the default priority."},
    OUTPUT_FLAG,
    {"name":"preemption-policy","type":"string","default":"PreemptLowerPriority","usage":"preemption-policy is the policy for preempting pods with lower priority."},
    {"name":"save-config","type":"bool","usage":"If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."},
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
    VALIDATE_FLAG,
    {"name":"value","type":"int","usage":"the value of this priority class."},
  ],
};

// `kubectl create quota --help`
export const CREATE_QUOTA_HELP: HelpText = {
  long: "Create a resource quota with the specified name, hard limits, and optional scopes.",
  example: "  # Create a new resource quota named my-quota\n  kubectl create quota my-quota --hard=cpu=1,memory=1G,pods=2,services=3,replicationcontrollers=2,resourcequotas=1,secrets=5,persistentvolumeclaims=10\n  \n  # Create a new resource quota named best-effort\n  kubectl create quota best-effort --hard=pods=100 --scopes=BestEffort",
  usage: "create quota NAME [--hard=key1=value1,key2=value2] [--scopes=Scope1,Scope2] [--dry-run=server|client|none] [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-create"),
    {"name":"hard","type":"string","usage":"A comma-delimited set of resource=quantity pairs that define a hard limit."},
    OUTPUT_FLAG,
    {"name":"save-config","type":"bool","usage":"If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."},
    {"name":"scopes","type":"string","usage":"A comma-delimited set of quota scopes that must all match each object tracked by the quota."},
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
    VALIDATE_FLAG,
  ],
};

// `kubectl create role --help`
export const CREATE_ROLE_HELP: HelpText = {
  long: "Create a role with single rule.",
  example: "  # Create a role named \"pod-reader\" that allows user to perform \"get\", \"watch\" and \"list\" on pods\n  kubectl create role pod-reader --verb=get --verb=list --verb=watch --resource=pods\n  \n  # Create a role named \"pod-reader\" with ResourceName specified\n  kubectl create role pod-reader --verb=get --resource=pods --resource-name=readablepod --resource-name=anotherpod\n  \n  # Create a role named \"foo\" with API Group specified\n  kubectl create role foo --verb=get,list,watch --resource=rs.apps\n  \n  # Create a role named \"foo\" with SubResource specified\n  kubectl create role foo --verb=get,list,watch --resource=pods,pods/status",
  usage: "create role NAME --verb=verb --resource=resource.group/subresource [--resource-name=resourcename] [--dry-run=server|client|none] [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-create"),
    OUTPUT_FLAG,
    {"name":"resource","type":"stringSlice","usage":"Resource that the rule applies to"},
    {"name":"resource-name","type":"stringArray","usage":"Resource in the white list that the rule applies to, repeat this flag for multiple items"},
    {"name":"save-config","type":"bool","usage":"If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."},
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
    VALIDATE_FLAG,
    {"name":"verb","type":"stringSlice","usage":"Verb that applies to the resources contained in the rule"},
  ],
};

// `kubectl create rolebinding --help`
export const CREATE_ROLEBINDING_HELP: HelpText = {
  long: "Create a role binding for a particular role or cluster role.",
  example: "  # Create a role binding for user1, user2, and group1 using the admin cluster role\n  kubectl create rolebinding admin --clusterrole=admin --user=user1 --user=user2 --group=group1\n  \n  # Create a role binding for service account monitoring:sa-dev using the admin role\n  kubectl create rolebinding admin-binding --role=admin --serviceaccount=monitoring:sa-dev",
  usage: "create rolebinding NAME --clusterrole=NAME|--role=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none] [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    {"name":"clusterrole","type":"string","usage":"ClusterRole this RoleBinding should reference"},
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-create"),
    {"name":"group","type":"stringArray","usage":"Groups to bind to the role. The flag can be repeated to add multiple groups."},
    OUTPUT_FLAG,
    {"name":"role","type":"string","usage":"Role this RoleBinding should reference"},
    {"name":"save-config","type":"bool","usage":"If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."},
    {"name":"serviceaccount","type":"stringArray","usage":"Service accounts to bind to the role, in the format <namespace>:<name>. The flag can be repeated to add multiple service accounts."},
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
    {"name":"user","type":"stringArray","usage":"Usernames to bind to the role. The flag can be repeated to add multiple users."},
    VALIDATE_FLAG,
  ],
};

// `kubectl create secret --help`
export const CREATE_SECRET_HELP: HelpText = {
  long: "Create a secret with specified type.\n\n A docker-registry type secret is for accessing a container registry.\n\n A generic type secret indicate an Opaque secret type.\n\n A tls type secret holds TLS certificate and its associated key.",
  usage: "create secret (docker-registry | generic | tls) [options]",
  flags: [
  ],
};

// `kubectl create secret docker-registry --help`
export const CREATE_SECRET_DOCKER_REGISTRY_HELP: HelpText = {
  long: "Create a new secret for use with Docker registries.\n        \n        Dockercfg secrets are used to authenticate against Docker registries.\n        \n        When using the Docker command line to push images, you can authenticate to a given registry by running:\n        '$ docker login DOCKER_REGISTRY_SERVER --username=DOCKER_USER --password=DOCKER_PASSWORD --email=DOCKER_EMAIL'.\n        \n That produces a ~/.dockercfg file that is used by subsequent 'docker push' and 'docker pull' commands to authenticate to the registry. The email address is optional.\n\n        When creating applications, you may have a Docker registry that requires authentication.  In order for the\n        nodes to pull images on your behalf, they must have the credentials.  You can provide this information\n        by creating a dockercfg secret and attaching it to your service account.",
  example: "  # If you do not already have a .dockercfg file, create a dockercfg secret directly\n  kubectl create secret docker-registry my-secret --docker-server=DOCKER_REGISTRY_SERVER --docker-username=DOCKER_USER --docker-password=DOCKER_PASSWORD --docker-email=DOCKER_EMAIL\n  \n  # Create a new secret named my-secret from ~/.docker/config.json\n  kubectl create secret docker-registry my-secret --from-file=path/to/.docker/config.json",
  usage: "create secret docker-registry NAME --docker-username=user --docker-password=password --docker-email=email [--docker-server=string] [--from-file=[key=]source] [--dry-run=server|client|none] [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    {"name":"append-hash","type":"bool","usage":"Append a hash of the secret to its name."},
    {"name":"docker-email","type":"string","usage":"Email for Docker registry"},
    {"name":"docker-password","type":"string","usage":"Password for Docker registry authentication"},
    {"name":"docker-server","type":"string","default":"https://index.docker.io/v1/","usage":"Server location for Docker registry"},
    {"name":"docker-username","type":"string","usage":"Username for Docker registry authentication"},
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-create"),
    {"name":"from-file","type":"stringSlice","usage":"Key files can be specified using their file path, in which case a default name of .dockerconfigjson will be given to them, or optionally with a name and file path, in which case the given name will be used. Specifying a directory will iterate each named file in the directory that is a valid secret key. For this command, the key should always be .dockerconfigjson."},
    OUTPUT_FLAG,
    {"name":"save-config","type":"bool","usage":"If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."},
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
    VALIDATE_FLAG,
  ],
};

// `kubectl create secret generic --help`
export const CREATE_SECRET_GENERIC_HELP: HelpText = {
  long: "Create a secret based on a file, directory, or specified literal value.\n\n A single secret may package one or more key/value pairs.\n\n When creating a secret based on a file, the key will default to the basename of the file, and the value will default to the file content. If the basename is an invalid key or you wish to chose your own, you may specify an alternate key.\n\n When creating a secret based on a directory, each file whose basename is a valid key in the directory will be packaged into the secret. Any directory entries except regular files are ignored (e.g. subdirectories, symlinks, devices, pipes, etc).",
  example: "  # Create a new secret named my-secret with keys for each file in folder bar\n  kubectl create secret generic my-secret --from-file=path/to/bar\n  \n  # Create a new secret named my-secret with specified keys instead of names on disk\n  kubectl create secret generic my-secret --from-file=ssh-privatekey=path/to/id_rsa --from-file=ssh-publickey=path/to/id_rsa.pub\n  \n  # Create a new secret named my-secret with key1=supersecret and key2=topsecret\n  kubectl create secret generic my-secret --from-literal=key1=supersecret --from-literal=key2=topsecret\n  \n  # Create a new secret named my-secret using a combination of a file and a literal\n  kubectl create secret generic my-secret --from-file=ssh-privatekey=path/to/id_rsa --from-literal=passphrase=topsecret\n  \n  # Create a new secret named my-secret from env files\n  kubectl create secret generic my-secret --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env",
  usage: "create secret generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    {"name":"append-hash","type":"bool","usage":"Append a hash of the secret to its name."},
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-create"),
    {"name":"from-env-file","type":"stringSlice","usage":"Specify the path to a file to read lines of key=val pairs to create a secret."},
    {"name":"from-file","type":"stringSlice","usage":"Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name and file path, in which case the given name will be used.  Specifying a directory will iterate each named file in the directory that is a valid secret key."},
    {"name":"from-literal","type":"stringArray","usage":"Specify a key and literal value to insert in secret (i.e. mykey=somevalue)"},
    OUTPUT_FLAG,
    {"name":"save-config","type":"bool","usage":"If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."},
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
    {"name":"type","type":"string","usage":"The type of secret to create"},
    VALIDATE_FLAG,
  ],
};

// `kubectl create secret tls --help`
export const CREATE_SECRET_TLS_HELP: HelpText = {
  long: "Create a TLS secret from the given public/private key pair.\n\n The public/private key pair must exist beforehand. The public key certificate must be .PEM encoded and match the given private key.",
  example: "  # Create a new TLS secret named tls-secret with the given key pair\n  kubectl create secret tls tls-secret --cert=path/to/tls.crt --key=path/to/tls.key",
  usage: "create secret tls NAME --cert=path/to/cert/file --key=path/to/key/file [--dry-run=server|client|none] [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    {"name":"append-hash","type":"bool","usage":"Append a hash of the secret to its name."},
    {"name":"cert","type":"string","usage":"Path to PEM encoded public key certificate."},
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-create"),
    {"name":"key","type":"string","usage":"Path to private key associated with given certificate."},
    OUTPUT_FLAG,
    {"name":"save-config","type":"bool","usage":"If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."},
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
    VALIDATE_FLAG,
  ],
};

// `kubectl create service --help`
export const CREATE_SERVICE_HELP: HelpText = {
  long: "Create a service using a specified subcommand.",
  usage: "create service [flags] [options]",
  flags: [
  ],
};

// `kubectl create service clusterip --help`
export const CREATE_SERVICE_CLUSTERIP_HELP: HelpText = {
  long: "Create a ClusterIP service with the specified name.",
  example: "  # Create a new ClusterIP service named my-cs\n  kubectl create service clusterip my-cs --tcp=5678:8080\n  \n  # Create a new ClusterIP service named my-cs (in headless mode)\n  kubectl create service clusterip my-cs --clusterip=\"None\"",
  usage: "create service clusterip NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none] [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    {"name":"clusterip","type":"string","usage":"Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing)."},
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-create"),
    OUTPUT_FLAG,
    {"name":"save-config","type":"bool","usage":"If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."},
    SHOW_MANAGED_FIELDS_FLAG,
    {"name":"tcp","type":"stringSlice","usage":"Port pairs can be specified as '<port>:<targetPort>'."},
    TEMPLATE_FLAG,
    VALIDATE_FLAG,
  ],
};

// `kubectl create service externalname --help`
export const CREATE_SERVICE_EXTERNALNAME_HELP: HelpText = {
  long: "Create an ExternalName service with the specified name.\n\n ExternalName service references to an external DNS address instead of only pods, which will allow application authors to reference services that exist off platform, on other clusters, or locally.",
  example: "  # Create a new ExternalName service named my-ns\n  kubectl create service externalname my-ns --external-name bar.com",
  usage: "create service externalname NAME --external-name external.name [--dry-run=server|client|none] [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    DRY_RUN_FLAG,
    {"name":"external-name","type":"string","usage":"External name of service"},
    fieldManagerFlag("kubectl-create"),
    OUTPUT_FLAG,
    {"name":"save-config","type":"bool","usage":"If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."},
    SHOW_MANAGED_FIELDS_FLAG,
    {"name":"tcp","type":"stringSlice","usage":"Port pairs can be specified as '<port>:<targetPort>'."},
    TEMPLATE_FLAG,
    VALIDATE_FLAG,
  ],
};

// `kubectl create service loadbalancer --help`
export const CREATE_SERVICE_LOADBALANCER_HELP: HelpText = {
  long: "Create a LoadBalancer service with the specified name.",
  example: "  # Create a new LoadBalancer service named my-lbs\n  kubectl create service loadbalancer my-lbs --tcp=5678:8080",
  usage: "create service loadbalancer NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-create"),
    OUTPUT_FLAG,
    {"name":"save-config","type":"bool","usage":"If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."},
    SHOW_MANAGED_FIELDS_FLAG,
    {"name":"tcp","type":"stringSlice","usage":"Port pairs can be specified as '<port>:<targetPort>'."},
    TEMPLATE_FLAG,
    VALIDATE_FLAG,
  ],
};

// `kubectl create service nodeport --help`
export const CREATE_SERVICE_NODEPORT_HELP: HelpText = {
  long: "Create a NodePort service with the specified name.",
  example: "  # Create a new NodePort service named my-ns\n  kubectl create service nodeport my-ns --tcp=5678:8080",
  usage: "create service nodeport NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-create"),
    {"name":"node-port","type":"int","usage":"Port used to expose the service on each node in a cluster."},
    OUTPUT_FLAG,
    {"name":"save-config","type":"bool","usage":"If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."},
    SHOW_MANAGED_FIELDS_FLAG,
    {"name":"tcp","type":"stringSlice","usage":"Port pairs can be specified as '<port>:<targetPort>'."},
    TEMPLATE_FLAG,
    VALIDATE_FLAG,
  ],
};

// `kubectl create serviceaccount --help`
export const CREATE_SERVICEACCOUNT_HELP: HelpText = {
  long: "Create a service account with the specified name.",
  example: "  # Create a new service account named my-service-account\n  kubectl create serviceaccount my-service-account",
  usage: "create serviceaccount NAME [--dry-run=server|client|none] [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-create"),
    OUTPUT_FLAG,
    {"name":"save-config","type":"bool","usage":"If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."},
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
    VALIDATE_FLAG,
  ],
};

// `kubectl create token --help`
export const CREATE_TOKEN_HELP: HelpText = {
  long: "Request a service account token.",
  example: "  # Request a token to authenticate to the kube-apiserver as the service account \"myapp\" in the current namespace\n  kubectl create token myapp\n  \n  # Request a token for a service account in a custom namespace\n  kubectl create token myapp --namespace myns\n  \n  # Request a token with a custom expiration\n  kubectl create token myapp --duration 10m\n  \n  # Request a token with a custom audience\n  kubectl create token myapp --audience https://example.com\n  \n  # Request a token bound to an instance of a Secret object\n  kubectl create token myapp --bound-object-kind Secret --bound-object-name mysecret\n  \n  # Request a token bound to an instance of a Secret object with a specific UID\n  kubectl create token myapp --bound-object-kind Secret --bound-object-name mysecret --bound-object-uid 0d4691ed-659b-4935-a832-355f77ee47cc",
  usage: "create token SERVICE_ACCOUNT_NAME [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    {"name":"audience","type":"stringArray","usage":"Audience of the requested token. If unset, defaults to requesting a token for use with the Kubernetes API server. May be repeated to request a token valid for multiple audiences."},
    {"name":"bound-object-kind","type":"string","usage":"Kind of an object to bind the token to. Supported kinds are Node, Pod, Secret. If set, --bound-object-name must be provided."},
    {"name":"bound-object-name","type":"string","usage":"Name of an object to bind the token to. The token will expire when the object is deleted. Requires --bound-object-kind."},
    {"name":"bound-object-uid","type":"string","usage":"UID of an object to bind the token to. Requires --bound-object-kind and --bound-object-name. If unset, the UID of the existing object is used."},
    {"name":"duration","type":"duration","default":parseGoDuration("0s"),"usage":"Requested lifetime of the issued token. If not set or if set to 0, the lifetime will be determined by the server automatically. The server may return a token with a longer or shorter lifetime."},
    OUTPUT_FLAG,
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
  ],
};

// `kubectl expose --help`
export const EXPOSE_HELP: HelpText = {
  long: "Expose a resource as a new Kubernetes service.\n\n Looks up a deployment, service, replica set, replication controller or pod by name and uses the selector for that resource as the selector for a new service on the specified port. A deployment or replica set will be exposed as a service only if its selector is convertible to a selector that service supports, i.e. when the selector contains only the matchLabels component. Note that if no port is specified via --port and the exposed resource has multiple ports, all will be re-used by the new service. Also if no labels are specified, the new service will re-use the labels from the resource it exposes.\n\n Possible resources include (case insensitive):\n\n pod (po), service (svc), replicationcontroller (rc), deployment (deploy), replicaset (rs)",
  example: "  # Create a service for a replicated nginx, which serves on port 80 and connects to the containers on port 8000\n  kubectl expose rc nginx --port=80 --target-port=8000\n  \n  # Create a service for a replication controller identified by type and name specified in \"nginx-controller.yaml\", which serves on port 80 and connects to the containers on port 8000\n  kubectl expose -f nginx-controller.yaml --port=80 --target-port=8000\n  \n  # Create a service for a pod valid-pod, which serves on port 444 with the name \"frontend\"\n  kubectl expose pod valid-pod --port=444 --name=frontend\n  \n  # Create a second service based on the above service, exposing the container port 8443 as port 443 with the name \"nginx-https\"\n  kubectl expose service nginx --port=443 --target-port=8443 --name=nginx-https\n  \n  # Create a service for a replicated streaming application on port 4100 balancing UDP traffic and named 'video-stream'.\n  kubectl expose rc streamer --port=4100 --protocol=UDP --name=video-stream\n  \n  # Create a service for a replicated nginx using replica set, which serves on port 80 and connects to the containers on port 8000\n  kubectl expose rs nginx --port=80 --target-port=8000\n  \n  # Create a service for an nginx deployment, which serves on port 80 and connects to the containers on port 8000\n  kubectl expose deployment nginx --port=80 --target-port=8000",
  usage: "expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    {"name":"cluster-ip","type":"string","usage":"ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service."},
    DRY_RUN_FLAG,
    {"name":"external-ip","type":"string","usage":"Additional external IP address (not managed by Kubernetes) to accept for the service. If this IP is routed to a node, the service can be accessed by this IP in addition to its generated service IP."},
    fieldManagerFlag("kubectl-expose"),
    filenameFlag("Filename, directory, or URL to files identifying the resource to expose a service"),
    KUSTOMIZE_FLAG,
    {"name":"labels","shorthand":"l","type":"string","usage":"Labels to apply to the service created by this call."},
    {"name":"load-balancer-ip","type":"string","usage":"IP to assign to the LoadBalancer. If empty, an ephemeral IP will be created and used (cloud-provider specific)."},
    {"name":"name","type":"string","usage":"The name for the newly created object."},
    OUTPUT_FLAG,
    {"name":"override-type","type":"string","default":"merge","usage":"The method used to override the generated object: json, merge, or strategic."},
    {"name":"overrides","type":"string","usage":"An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field."},
    {"name":"port","type":"string","usage":"The port that the service should serve on. Copied from the resource being exposed, if unspecified"},
    {"name":"protocol","type":"string","usage":"The network protocol for the service to be created. Default is 'TCP'."},
    RECURSIVE_FLAG,
    {"name":"save-config","type":"bool","usage":"If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."},
    {"name":"selector","type":"string","usage":"A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the replication controller or replica set.)"},
    {"name":"session-affinity","type":"string","usage":"If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'"},
    SHOW_MANAGED_FIELDS_FLAG,
    {"name":"target-port","type":"string","usage":"Name or number for the port on the container that the service should direct traffic to. Optional."},
    TEMPLATE_FLAG,
    {"name":"type","type":"string","usage":"Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'."},
  ],
};

// `kubectl run --help`
export const RUN_HELP: HelpText = {
  long: "Create and run a particular image in a pod.",
  example: "  # Start a nginx pod\n  kubectl run nginx --image=nginx\n  \n  # Start a hazelcast pod and let the container expose port 5701\n  kubectl run hazelcast --image=hazelcast/hazelcast --port=5701\n  \n  # Start a hazelcast pod and set environment variables \"DNS_DOMAIN=cluster\" and \"POD_NAMESPACE=default\" in the container\n  kubectl run hazelcast --image=hazelcast/hazelcast --env=\"DNS_DOMAIN=cluster\" --env=\"POD_NAMESPACE=default\"\n  \n  # Start a hazelcast pod and set labels \"app=hazelcast\" and \"env=prod\" in the container\n  kubectl run hazelcast --image=hazelcast/hazelcast --labels=\"app=hazelcast,env=prod\"\n  \n  # Dry run; print the corresponding API objects without creating them\n  kubectl run nginx --image=nginx --dry-run=client\n  \n  # Start a nginx pod, but overload the spec with a partial set of values parsed from JSON\n  kubectl run nginx --image=nginx --overrides='{ \"apiVersion\": \"v1\", \"spec\": { ... } }'\n  \n  # Start a busybox pod and keep it in the foreground, don't restart it if it exits\n  kubectl run -i -t busybox --image=busybox --restart=Never\n  \n  # Start the nginx pod using the default command, but use custom arguments (arg1 .. argN) for that command\n  kubectl run nginx --image=nginx -- <arg1> <arg2> ... <argN>\n  \n  # Start the nginx pod using a different command and custom arguments\n  kubectl run nginx --image=nginx --command -- <cmd> <arg1> ... <argN>",
  usage: "run NAME --image=image [--env=\"key=value\"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    {"name":"annotations","type":"stringArray","usage":"Annotations to apply to the pod."},
    {"name":"attach","type":"bool","usage":"If true, wait for the Pod to start running, and then attach to the Pod as if 'kubectl attach ...' were called.  Default false, unless '-i/--stdin' is set, in which case the default is true. With '--restart=Never' the exit code of the container process is returned."},
    {"name":"cascade","type":"string","default":"background","usage":"Must be \"background\", \"orphan\", or \"foreground\". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background."},
    {"name":"command","type":"bool","usage":"If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default."},
    DRY_RUN_FLAG,
    {"name":"env","type":"stringArray","usage":"Environment variables to set in the container."},
    {"name":"expose","type":"bool","usage":"If true, create a ClusterIP service associated with the pod.  Requires `--port`."},
    fieldManagerFlag("kubectl-run"),
    filenameFlag("to use to replace the resource."),
    {"name":"force","type":"bool","usage":"If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation."},
    {"name":"grace-period","type":"int","default":-1,"usage":"Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion)."},
    {"name":"image","type":"string","usage":"The image for the container to run."},
    {"name":"image-pull-policy","type":"string","usage":"The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server."},
    {"name":"kustomize","shorthand":"k","type":"string","usage":"Process a kustomization directory. This flag can't be used together with -f or -R."},
    {"name":"labels","shorthand":"l","type":"string","usage":"Comma separated labels to apply to the pod. Will override previous values."},
    {"name":"leave-stdin-open","type":"bool","usage":"If the pod is started in interactive mode or with stdin, leave stdin open after the first attach completes. By default, stdin will be closed after the first attach completes."},
    OUTPUT_FLAG,
    {"name":"override-type","type":"string","default":"merge","usage":"The method used to override the generated object: json, merge, or strategic."},
    {"name":"overrides","type":"string","usage":"An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field."},
    {"name":"pod-running-timeout","type":"duration","default":parseGoDuration("1m0s"),"usage":"The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running"},
    {"name":"port","type":"string","usage":"The port that this container exposes."},
    {"name":"privileged","type":"bool","usage":"If true, run the container in privileged mode."},
    {"name":"quiet","shorthand":"q","type":"bool","usage":"If true, suppress prompt messages."},
    RECURSIVE_FLAG,
    {"name":"restart","type":"string","default":"Always","usage":"The restart policy for this Pod.  Legal values [Always, OnFailure, Never]."},
    {"name":"rm","type":"bool","usage":"If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with '--attach' or with '-i/--stdin'."},
    {"name":"save-config","type":"bool","usage":"If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."},
    SHOW_MANAGED_FIELDS_FLAG,
    {"name":"stdin","shorthand":"i","type":"bool","usage":"Keep stdin open on the container in the pod, even if nothing is attached."},
    TEMPLATE_FLAG,
    {"name":"timeout","type":"duration","default":parseGoDuration("0s"),"usage":"The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object"},
    {"name":"tty","shorthand":"t","type":"bool","usage":"Allocate a TTY for the container in the pod."},
    {"name":"wait","type":"bool","usage":"If true, wait for resources to be gone before returning. This waits for finalizers."},
  ],
};
