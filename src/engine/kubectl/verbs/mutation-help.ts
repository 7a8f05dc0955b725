// Help texts and flags of the verbs that change objects, generated from `kubectl <verb> --help` of
// kubectl 1.32 (facts, copied verbatim: help output must match byte for byte). Flag types follow the
// kubectl sources where help cannot tell (stringSlice vs stringArray, values of flags given bare).
import type { FlagSpec } from "../flags";
import { parseGoDuration } from "../../machinery/duration";
import { ALLOW_MISSING_TEMPLATE_KEYS_FLAG, DRY_RUN_FLAG, FIELD_SELECTOR_FLAG, KUSTOMIZE_FLAG, OUTPUT_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, SHOW_MANAGED_FIELDS_FLAG, TEMPLATE_FLAG, VALIDATE_FLAG, fieldManagerFlag, filenameFlag } from "../common-flags";

// `kubectl apply --help` (kubectl 1.32), verbatim.
export const APPLY_HELP = {
  long: "Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn't exist yet. To use 'apply', always create the resource initially with either 'apply' or 'create --save-config'.\n\n JSON and YAML formats are accepted.\n\n Alpha Disclaimer: the --prune functionality is not yet complete. Do not use unless you are aware of what the current state is. See https://issues.k8s.io/34274.",
  example: "  # Apply the configuration in pod.json to a pod\n  kubectl apply -f ./pod.json\n  \n  # Apply resources from a directory containing kustomization.yaml - e.g. dir/kustomization.yaml\n  kubectl apply -k dir/\n  \n  # Apply the JSON passed into stdin to a pod\n  cat pod.json | kubectl apply -f -\n  \n  # Apply the configuration from all files that end with '.json'\n  kubectl apply -f '*.json'\n  \n  # Note: --prune is still in Alpha\n  # Apply the configuration in manifest.yaml that matches label app=nginx and delete all other resources that are not in the file and match label app=nginx\n  kubectl apply --prune -f manifest.yaml -l app=nginx\n  \n  # Apply the configuration in manifest.yaml and delete all the other config maps that are not in the file\n  kubectl apply --prune -f manifest.yaml --all --prune-allowlist=core/v1/ConfigMap",
  usage: "apply (-f FILENAME | -k DIRECTORY) [options]",
  flags: [
    {name: "all", type: "bool", usage: "Select all resources in the namespace of the specified resource types."},
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    {name: "cascade", type: "string", default: "background", noOptDefVal: "background", usage: "Must be \"background\", \"orphan\", or \"foreground\". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background."},
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-client-side-apply"),
    filenameFlag("The files that contain the configurations to apply."),
    {name: "force", type: "bool", usage: "If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation."},
    {name: "force-conflicts", type: "bool", usage: "If true, server-side apply will force the changes against conflicts."},
    {name: "grace-period", type: "int", default: -1, usage: "Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion)."},
    {name: "kustomize", shorthand: "k", type: "string", usage: "Process a kustomization directory. This flag can't be used together with -f or -R."},
    {name: "openapi-patch", type: "bool", default: true, usage: "If true, use openapi to calculate diff when the openapi presents and the resource can be found in the openapi spec. Otherwise, fall back to use baked-in types."},
    OUTPUT_FLAG,
    {name: "overwrite", type: "bool", default: true, usage: "Automatically resolve conflicts between the modified and live configuration by using values from the modified configuration"},
    {name: "prune", type: "bool", usage: "Automatically delete resource objects, that do not appear in the configs and are created by either apply or create --save-config. Should be used with either -l or --all."},
    {name: "prune-allowlist", type: "stringArray", usage: "Overwrite the default allowlist with <group/version/kind> for --prune"},
    RECURSIVE_FLAG,
    SELECTOR_FLAG,
    {name: "server-side", type: "bool", usage: "If true, apply runs in the server instead of the client."},
    SHOW_MANAGED_FIELDS_FLAG,
    {name: "subresource", type: "string", usage: "If specified, apply will operate on the subresource of the requested object.  Only allowed when using --server-side. This flag is beta and may change in the future."},
    TEMPLATE_FLAG,
    {name: "timeout", type: "duration", default: parseGoDuration("0s"), usage: "The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object"},
    VALIDATE_FLAG,
    {name: "wait", type: "bool", usage: "If true, wait for resources to be gone before returning. This waits for finalizers."},
  ] as FlagSpec[],
};

// `kubectl apply view-last-applied --help` (kubectl 1.32), verbatim.
export const APPLY_VIEW_HELP = {
  long: "View the latest last-applied-configuration annotations by type/name or file.\n\n The default output will be printed to stdout in YAML format. You can use the -o option to change the output format.",
  example: "  # View the last-applied-configuration annotations by type/name in YAML\n  kubectl apply view-last-applied deployment/nginx\n  \n  # View the last-applied-configuration annotations by file in JSON\n  kubectl apply view-last-applied -f deploy.yaml -o json",
  usage: "apply view-last-applied (TYPE [NAME | -l label] | TYPE/NAME | -f FILENAME) [options]",
  flags: [
    {name: "all", type: "bool", usage: "Select all resources in the namespace of the specified resource types"},
    filenameFlag("Filename, directory, or URL to files that contains the last-applied-configuration annotations"),
    KUSTOMIZE_FLAG,
    {name: "output", shorthand: "o", type: "string", default: "yaml", usage: "Output format. Must be one of (yaml, json)"},
    RECURSIVE_FLAG,
    SELECTOR_FLAG,
  ] as FlagSpec[],
};

// `kubectl apply set-last-applied --help` (kubectl 1.32), verbatim.
export const APPLY_SET_HELP = {
  long: "Set the latest last-applied-configuration annotations by setting it to match the contents of a file. This results in the last-applied-configuration being updated as though 'kubectl apply -f<file> ' was run, without updating any other parts of the object.",
  example: "  # Set the last-applied-configuration of a resource to match the contents of a file\n  kubectl apply set-last-applied -f deploy.yaml\n  \n  # Execute set-last-applied against each configuration file in a directory\n  kubectl apply set-last-applied -f path/\n  \n  # Set the last-applied-configuration of a resource to match the contents of a file; will create the annotation if it does not already exist\n  kubectl apply set-last-applied -f deploy.yaml --create-annotation=true",
  usage: "apply set-last-applied -f FILENAME [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    {name: "create-annotation", type: "bool", usage: "Will create 'last-applied-configuration' annotations if current objects doesn't have one"},
    DRY_RUN_FLAG,
    filenameFlag("Filename, directory, or URL to files that contains the last-applied-configuration annotations"),
    OUTPUT_FLAG,
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
  ] as FlagSpec[],
};

// `kubectl apply edit-last-applied --help` (kubectl 1.32), verbatim.
export const APPLY_EDIT_HELP = {
  long: "Edit the latest last-applied-configuration annotations of resources from the default editor.\n\n The edit-last-applied command allows you to directly edit any API resource you can retrieve via the command-line tools. It will open the editor defined by your KUBE_EDITOR, or EDITOR environment variables, or fall back to 'vi' for Linux or 'notepad' for Windows. You can edit multiple objects, although changes are applied one at a time. The command accepts file names as well as command-line arguments, although the files you point to must be previously saved versions of resources.\n\n The default format is YAML. To edit in JSON, specify \"-o json\".\n\n The flag --windows-line-endings can be used to force Windows line endings, otherwise the default for your operating system will be used.\n\n In the event an error occurs while updating, a temporary file will be created on disk that contains your unapplied changes. The most common error when updating a resource is another editor changing the resource on the server. When this occurs, you will have to apply your changes to the newer version of the resource, or update your temporary saved copy to include the latest resource version.",
  example: "  # Edit the last-applied-configuration annotations by type/name in YAML\n  kubectl apply edit-last-applied deployment/nginx\n  \n  # Edit the last-applied-configuration annotations by file in JSON\n  kubectl apply edit-last-applied -f deploy.yaml -o json",
  usage: "apply edit-last-applied (RESOURCE/NAME | -f FILENAME) [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    fieldManagerFlag("kubectl-client-side-apply"),
    filenameFlag("Filename, directory, or URL to files to use to edit the resource"),
    KUSTOMIZE_FLAG,
    OUTPUT_FLAG,
    RECURSIVE_FLAG,
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
    VALIDATE_FLAG,
    {name: "windows-line-endings", type: "bool", usage: "Defaults to the line ending native to your platform."},
  ] as FlagSpec[],
};

// `kubectl delete --help` (kubectl 1.32), verbatim.
export const DELETE_HELP = {
  long: "Delete resources by file names, stdin, resources and names, or by resources and label selector.\n\n JSON and YAML formats are accepted. Only one type of argument may be specified: file names, resources and names, or resources and label selector.\n\n Some resources, such as pods, support graceful deletion. These resources define a default period before they are forcibly terminated (the grace period) but you may override that value with the --grace-period flag, or pass --now to set a grace-period of 1. Because these resources often represent entities in the cluster, deletion may not be acknowledged immediately. If the node hosting a pod is down or cannot reach the API server, termination may take significantly longer than the grace period. To force delete a resource, you must specify the --force flag. Note: only a subset of resources support graceful deletion. In absence of the support, the --grace-period flag is ignored.\n\n IMPORTANT: Force deleting pods does not wait for confirmation that the pod's processes have been terminated, which can leave those processes running until the node detects the deletion and completes graceful deletion. If your processes use shared storage or talk to a remote API and depend on the name of the pod to identify themselves, force deleting those pods may result in multiple processes running on different machines using the same identification which may lead to data corruption or inconsistency. Only force delete pods when you are sure the pod is terminated, or if your application can tolerate multiple copies of the same pod running at once. Also, if you force delete pods, the scheduler may place new pods on those nodes before the node has released those resources and causing those pods to be evicted immediately.\n\n Note that the delete command does NOT do resource version checks, so if someone submits an update to a resource right when you submit a delete, their update will be lost along with the rest of the resource.\n\n After a CustomResourceDefinition is deleted, invalidation of discovery cache may take up to 6 hours. If you don't want to wait, you might want to run \"kubectl api-resources\" to refresh the discovery cache.",
  example: "  # Delete a pod using the type and name specified in pod.json\n  kubectl delete -f ./pod.json\n  \n  # Delete resources from a directory containing kustomization.yaml - e.g. dir/kustomization.yaml\n  kubectl delete -k dir\n  \n  # Delete resources from all files that end with '.json'\n  kubectl delete -f '*.json'\n  \n  # Delete a pod based on the type and name in the JSON passed into stdin\n  cat pod.json | kubectl delete -f -\n  \n  # Delete pods and services with same names \"baz\" and \"foo\"\n  kubectl delete pod,service baz foo\n  \n  # Delete pods and services with label name=myLabel\n  kubectl delete pods,services -l name=myLabel\n  \n  # Delete a pod with minimal delay\n  kubectl delete pod foo --now\n  \n  # Force delete a pod on a dead node\n  kubectl delete pod foo --force\n  \n  # Delete all pods\n  kubectl delete pods --all\n  \n  # Delete all pods only if the user confirms the deletion\n  kubectl delete pods --all --interactive",
  usage: "delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]",
  flags: [
    {name: "all", type: "bool", usage: "Delete all resources, in the namespace of the specified resource types."},
    {name: "all-namespaces", shorthand: "A", type: "bool", usage: "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace."},
    {name: "cascade", type: "string", default: "background", noOptDefVal: "background", usage: "Must be \"background\", \"orphan\", or \"foreground\". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background."},
    DRY_RUN_FLAG,
    FIELD_SELECTOR_FLAG,
    filenameFlag("containing the resource to delete."),
    {name: "force", type: "bool", usage: "If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation."},
    {name: "grace-period", type: "int", default: -1, usage: "Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion)."},
    {name: "ignore-not-found", type: "bool", usage: "Treat \"resource not found\" as a successful delete. Defaults to \"true\" when --all is specified."},
    {name: "interactive", shorthand: "i", type: "bool", usage: "If true, delete resource only when user confirms."},
    {name: "kustomize", shorthand: "k", type: "string", usage: "Process a kustomization directory. This flag can't be used together with -f or -R."},
    {name: "now", type: "bool", usage: "If true, resources are signaled for immediate shutdown (same as --grace-period=1)."},
    {name: "output", shorthand: "o", type: "string", usage: "Output mode. Use \"-o name\" for shorter output (resource/name)."},
    {name: "raw", type: "string", usage: "Raw URI to DELETE to the server.  Uses the transport specified by the kubeconfig file."},
    RECURSIVE_FLAG,
    SELECTOR_FLAG,
    {name: "timeout", type: "duration", default: parseGoDuration("0s"), usage: "The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object"},
    {name: "wait", type: "bool", default: true, usage: "If true, wait for resources to be gone before returning. This waits for finalizers."},
  ] as FlagSpec[],
};

// `kubectl replace --help` (kubectl 1.32), verbatim.
export const REPLACE_HELP = {
  long: "Replace a resource by file name or stdin.\n\n JSON and YAML formats are accepted. If replacing an existing resource, the complete resource spec must be provided. This can be obtained by\n\n        $ kubectl get TYPE NAME -o yaml",
  example: "  # Replace a pod using the data in pod.json\n  kubectl replace -f ./pod.json\n  \n  # Replace a pod based on the JSON passed into stdin\n  cat pod.json | kubectl replace -f -\n  \n  # Update a single-container pod's image version (tag) to v4\n  kubectl get pod mypod -o yaml | sed 's/\\(image: myimage\\):.*$/\\1:v4/' | kubectl replace -f -\n  \n  # Force replace, delete and then re-create the resource\n  kubectl replace --force -f ./pod.json",
  usage: "replace -f FILENAME [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    {name: "cascade", type: "string", default: "background", noOptDefVal: "background", usage: "Must be \"background\", \"orphan\", or \"foreground\". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background."},
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-replace"),
    filenameFlag("The files that contain the configurations to replace."),
    {name: "force", type: "bool", usage: "If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation."},
    {name: "grace-period", type: "int", default: -1, usage: "Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion)."},
    {name: "kustomize", shorthand: "k", type: "string", usage: "Process a kustomization directory. This flag can't be used together with -f or -R."},
    OUTPUT_FLAG,
    {name: "raw", type: "string", usage: "Raw URI to PUT to the server.  Uses the transport specified by the kubeconfig file."},
    RECURSIVE_FLAG,
    {name: "save-config", type: "bool", usage: "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."},
    SHOW_MANAGED_FIELDS_FLAG,
    {name: "subresource", type: "string", usage: "If specified, replace will operate on the subresource of the requested object. This flag is beta and may change in the future."},
    TEMPLATE_FLAG,
    {name: "timeout", type: "duration", default: parseGoDuration("0s"), usage: "The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object"},
    VALIDATE_FLAG,
    {name: "wait", type: "bool", usage: "If true, wait for resources to be gone before returning. This waits for finalizers."},
  ] as FlagSpec[],
};

// `kubectl patch --help` (kubectl 1.32), verbatim.
export const PATCH_HELP = {
  long: "Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.\n\n JSON and YAML formats are accepted.\n\n Note: Strategic merge patch is not supported for custom resources.",
  example: "  # Partially update a node using a strategic merge patch, specifying the patch as JSON\n  kubectl patch node k8s-node-1 -p '{\"spec\":{\"unschedulable\":true}}'\n  \n  # Partially update a node using a strategic merge patch, specifying the patch as YAML\n  kubectl patch node k8s-node-1 -p $'spec:\\n unschedulable: true'\n  \n  # Partially update a node identified by the type and name specified in \"node.json\" using strategic merge patch\n  kubectl patch -f node.json -p '{\"spec\":{\"unschedulable\":true}}'\n  \n  # Update a container's image; spec.containers[*].name is required because it's a merge key\n  kubectl patch pod valid-pod -p '{\"spec\":{\"containers\":[{\"name\":\"kubernetes-serve-hostname\",\"image\":\"new image\"}]}}'\n  \n  # Update a container's image using a JSON patch with positional arrays\n  kubectl patch pod valid-pod --type='json' -p='[{\"op\": \"replace\", \"path\": \"/spec/containers/0/image\", \"value\":\"new image\"}]'\n  \n  # Update a deployment's replicas through the 'scale' subresource using a merge patch\n  kubectl patch deployment nginx-deployment --subresource='scale' --type='merge' -p '{\"spec\":{\"replicas\":2}}'",
  usage: "patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-patch"),
    filenameFlag("Filename, directory, or URL to files identifying the resource to update"),
    KUSTOMIZE_FLAG,
    {name: "local", type: "bool", usage: "If true, patch will operate on the content of the file, not the server-side resource."},
    OUTPUT_FLAG,
    {name: "patch", shorthand: "p", type: "string", usage: "The patch to be applied to the resource JSON file."},
    {name: "patch-file", type: "string", usage: "A file containing a patch to be applied to the resource."},
    RECURSIVE_FLAG,
    SHOW_MANAGED_FIELDS_FLAG,
    {name: "subresource", type: "string", usage: "If specified, patch will operate on the subresource of the requested object. This flag is beta and may change in the future."},
    TEMPLATE_FLAG,
    {name: "type", type: "string", default: "strategic", usage: "The type of patch being provided; one of [json merge strategic]"},
  ] as FlagSpec[],
};

// `kubectl edit --help` (kubectl 1.32), verbatim.
export const EDIT_HELP = {
  long: "Edit a resource from the default editor.\n\n The edit command allows you to directly edit any API resource you can retrieve via the command-line tools. It will open the editor defined by your KUBE_EDITOR, or EDITOR environment variables, or fall back to 'vi' for Linux or 'notepad' for Windows. When attempting to open the editor, it will first attempt to use the shell that has been defined in the 'SHELL' environment variable. If this is not defined, the default shell will be used, which is '/bin/bash' for Linux or 'cmd' for Windows.\n\n You can edit multiple objects, although changes are applied one at a time. The command accepts file names as well as command-line arguments, although the files you point to must be previously saved versions of resources.\n\n Editing is done with the API version used to fetch the resource. To edit using a specific API version, fully-qualify the resource, version, and group.\n\n The default format is YAML. To edit in JSON, specify \"-o json\".\n\n The flag --windows-line-endings can be used to force Windows line endings, otherwise the default for your operating system will be used.\n\n In the event an error occurs while updating, a temporary file will be created on disk that contains your unapplied changes. The most common error when updating a resource is another editor changing the resource on the server. When this occurs, you will have to apply your changes to the newer version of the resource, or update your temporary saved copy to include the latest resource version.",
  example: "  # Edit the service named 'registry'\n  kubectl edit svc/registry\n  \n  # Use an alternative editor\n  KUBE_EDITOR=\"nano\" kubectl edit svc/registry\n  \n  # Edit the job 'myjob' in JSON using the v1 API format\n  kubectl edit job.v1.batch/myjob -o json\n  \n  # Edit the deployment 'mydeployment' in YAML and save the modified config in its annotation\n  kubectl edit deployment/mydeployment -o yaml --save-config\n  \n  # Edit the 'status' subresource for the 'mydeployment' deployment\n  kubectl edit deployment mydeployment --subresource='status'",
  usage: "edit (RESOURCE/NAME | -f FILENAME) [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    fieldManagerFlag("kubectl-edit"),
    filenameFlag("Filename, directory, or URL to files to use to edit the resource"),
    KUSTOMIZE_FLAG,
    OUTPUT_FLAG,
    {name: "output-patch", type: "bool", usage: "Output the patch if the resource is edited."},
    RECURSIVE_FLAG,
    {name: "save-config", type: "bool", usage: "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."},
    SHOW_MANAGED_FIELDS_FLAG,
    {name: "subresource", type: "string", usage: "If specified, edit will operate on the subresource of the requested object. This flag is beta and may change in the future."},
    TEMPLATE_FLAG,
    VALIDATE_FLAG,
    {name: "windows-line-endings", type: "bool", usage: "Defaults to the line ending native to your platform."},
  ] as FlagSpec[],
};

// `kubectl scale --help` (kubectl 1.32), verbatim.
export const SCALE_HELP = {
  long: "Set a new size for a deployment, replica set, replication controller, or stateful set.\n\n Scale also allows users to specify one or more preconditions for the scale action.\n\n If --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is guaranteed that the precondition holds true when the scale is sent to the server.",
  example: "  # Scale a replica set named 'foo' to 3\n  kubectl scale --replicas=3 rs/foo\n  \n  # Scale a resource identified by type and name specified in \"foo.yaml\" to 3\n  kubectl scale --replicas=3 -f foo.yaml\n  \n  # If the deployment named mysql's current size is 2, scale mysql to 3\n  kubectl scale --current-replicas=2 --replicas=3 deployment/mysql\n  \n  # Scale multiple replication controllers\n  kubectl scale --replicas=5 rc/example1 rc/example2 rc/example3\n  \n  # Scale stateful set named 'web' to 3\n  kubectl scale --replicas=3 statefulset/web",
  usage: "scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]",
  flags: [
    {name: "all", type: "bool", usage: "Select all resources in the namespace of the specified resource types"},
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    {name: "current-replicas", type: "int", default: -1, usage: "Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition."},
    DRY_RUN_FLAG,
    filenameFlag("Filename, directory, or URL to files identifying the resource to set a new size"),
    KUSTOMIZE_FLAG,
    OUTPUT_FLAG,
    RECURSIVE_FLAG,
    {name: "replicas", type: "int", usage: "The new desired number of replicas. Required."},
    {name: "resource-version", type: "string", usage: "Precondition for resource version. Requires that the current resource version match this value in order to scale."},
    SELECTOR_FLAG,
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
    {name: "timeout", type: "duration", default: parseGoDuration("0s"), usage: "The length of time to wait before giving up on a scale operation, zero means don't wait. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h)."},
  ] as FlagSpec[],
};

// `kubectl label --help` (kubectl 1.32), verbatim.
export const LABEL_HELP = {
  long: "Update the labels on a resource.\n\n  *  A label key and value must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters each.\n  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.\n  *  If --overwrite is true, then existing labels can be overwritten, otherwise attempting to overwrite a label will result in an error.\n  *  If --resource-version is specified, then updates will use this resource version, otherwise the existing resource-version will be used.",
  example: "  # Update pod 'foo' with the label 'unhealthy' and the value 'true'\n  kubectl label pods foo unhealthy=true\n  \n  # Update pod 'foo' with the label 'status' and the value 'unhealthy', overwriting any existing value\n  kubectl label --overwrite pods foo status=unhealthy\n  \n  # Update all pods in the namespace\n  kubectl label pods --all status=unhealthy\n  \n  # Update a pod identified by the type and name in \"pod.json\"\n  kubectl label -f pod.json status=unhealthy\n  \n  # Update pod 'foo' only if the resource is unchanged from version 1\n  kubectl label pods foo status=unhealthy --resource-version=1\n  \n  # Update pod 'foo' by removing a label named 'bar' if it exists\n  # Does not require the --overwrite flag\n  kubectl label pods foo bar-",
  usage: "label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]",
  flags: [
    {name: "all", type: "bool", usage: "Select all resources, in the namespace of the specified resource types"},
    {name: "all-namespaces", shorthand: "A", type: "bool", usage: "If true, check the specified action in all namespaces."},
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-label"),
    FIELD_SELECTOR_FLAG,
    filenameFlag("Filename, directory, or URL to files identifying the resource to update the labels"),
    KUSTOMIZE_FLAG,
    {name: "list", type: "bool", usage: "If true, display the labels for a given resource."},
    {name: "local", type: "bool", usage: "If true, label will NOT contact api-server but run locally."},
    OUTPUT_FLAG,
    {name: "overwrite", type: "bool", usage: "If true, allow labels to be overwritten, otherwise reject label updates that overwrite existing labels."},
    RECURSIVE_FLAG,
    {name: "resource-version", type: "string", usage: "If non-empty, the labels update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource."},
    SELECTOR_FLAG,
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
  ] as FlagSpec[],
};

// `kubectl annotate --help` (kubectl 1.32), verbatim.
export const ANNOTATE_HELP = {
  long: "Update the annotations on one or more resources.\n\n All Kubernetes objects support the ability to store additional data with the object as annotations. Annotations are key/value pairs that can be larger than labels and include arbitrary string values such as structured JSON. Tools and system extensions may use annotations to store their own data.\n\n Attempting to set an annotation that already exists will fail unless --overwrite is set. If --resource-version is specified and does not match the current resource version on the server the command will fail.\n\nUse \"kubectl api-resources\" for a complete list of supported resources.",
  example: "  # Update pod 'foo' with the annotation 'description' and the value 'my frontend'\n  # If the same annotation is set multiple times, only the last value will be applied\n  kubectl annotate pods foo description='my frontend'\n  \n  # Update a pod identified by type and name in \"pod.json\"\n  kubectl annotate -f pod.json description='my frontend'\n  \n  # Update pod 'foo' with the annotation 'description' and the value 'my frontend running nginx', overwriting any existing value\n  kubectl annotate --overwrite pods foo description='my frontend running nginx'\n  \n  # Update all pods in the namespace\n  kubectl annotate pods --all description='my frontend running nginx'\n  \n  # Update pod 'foo' only if the resource is unchanged from version 1\n  kubectl annotate pods foo description='my frontend running nginx' --resource-version=1\n  \n  # Update pod 'foo' by removing an annotation named 'description' if it exists\n  # Does not require the --overwrite flag\n  kubectl annotate pods foo description-",
  usage: "annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]",
  flags: [
    {name: "all", type: "bool", usage: "Select all resources, in the namespace of the specified resource types."},
    {name: "all-namespaces", shorthand: "A", type: "bool", usage: "If true, check the specified action in all namespaces."},
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-annotate"),
    FIELD_SELECTOR_FLAG,
    filenameFlag("Filename, directory, or URL to files identifying the resource to update the annotation"),
    KUSTOMIZE_FLAG,
    {name: "list", type: "bool", usage: "If true, display the annotations for a given resource."},
    {name: "local", type: "bool", usage: "If true, annotation will NOT contact api-server but run locally."},
    OUTPUT_FLAG,
    {name: "overwrite", type: "bool", usage: "If true, allow annotations to be overwritten, otherwise reject annotation updates that overwrite existing annotations."},
    RECURSIVE_FLAG,
    {name: "resource-version", type: "string", usage: "If non-empty, the annotation update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource."},
    SELECTOR_FLAG,
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
  ] as FlagSpec[],
};

// `kubectl set --help` (kubectl 1.32), verbatim.
export const SET_HELP = {
  long: "Configure application resources.\n\n These commands help you make changes to existing application resources.",
  usage: "set SUBCOMMAND [options]",
  flags: [
  ] as FlagSpec[],
};

// `kubectl set image --help` (kubectl 1.32), verbatim.
export const SET_IMAGE_HELP = {
  long: "Update existing container image(s) of resources.\n\n Possible resources include (case insensitive):\n\n        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)",
  example: "  # Set a deployment's nginx container image to 'nginx:1.9.1', and its busybox container image to 'busybox'\n  kubectl set image deployment/nginx busybox=busybox nginx=nginx:1.9.1\n  \n  # Update all deployments' and rc's nginx container's image to 'nginx:1.9.1'\n  kubectl set image deployments,rc nginx=nginx:1.9.1 --all\n  \n  # Update image of all containers of daemonset abc to 'nginx:1.9.1'\n  kubectl set image daemonset abc *=nginx:1.9.1\n  \n  # Print result (in yaml format) of updating nginx container image from local file, without hitting the server\n  kubectl set image -f path/to/file.yaml nginx=nginx:1.9.1 --local -o yaml",
  usage: "set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N [options]",
  flags: [
    {name: "all", type: "bool", usage: "Select all resources, in the namespace of the specified resource types"},
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-set"),
    filenameFlag("Filename, directory, or URL to files identifying the resource to get from a server."),
    KUSTOMIZE_FLAG,
    {name: "local", type: "bool", usage: "If true, set image will NOT contact api-server but run locally."},
    OUTPUT_FLAG,
    RECURSIVE_FLAG,
    SELECTOR_FLAG,
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
  ] as FlagSpec[],
};

// `kubectl set env --help` (kubectl 1.32), verbatim.
export const SET_ENV_HELP = {
  long: "Update environment variables on a pod template.\n\n List environment variable definitions in one or more pods, pod templates. Add, update, or remove container environment variable definitions in one or more pod templates (within replication controllers or deployment configurations). View or modify the environment variable definitions on all containers in the specified pods or pod templates, or just those that match a wildcard.\n\n If \"--env -\" is passed, environment variables can be read from STDIN using the standard env syntax.\n\n Possible resources include (case insensitive):\n\n        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)",
  example: "  # Update deployment 'registry' with a new environment variable\n  kubectl set env deployment/registry STORAGE_DIR=/local\n  \n  # List the environment variables defined on a deployments 'sample-build'\n  kubectl set env deployment/sample-build --list\n  \n  # List the environment variables defined on all pods\n  kubectl set env pods --all --list\n  \n  # Output modified deployment in YAML, and does not alter the object on the server\n  kubectl set env deployment/sample-build STORAGE_DIR=/data -o yaml\n  \n  # Update all containers in all replication controllers in the project to have ENV=prod\n  kubectl set env rc --all ENV=prod\n  \n  # Import environment from a secret\n  kubectl set env --from=secret/mysecret deployment/myapp\n  \n  # Import environment from a config map with a prefix\n  kubectl set env --from=configmap/myconfigmap --prefix=MYSQL_ deployment/myapp\n  \n  # Import specific keys from a config map\n  kubectl set env --keys=my-example-key --from=configmap/myconfigmap deployment/myapp\n  \n  # Remove the environment variable ENV from container 'c1' in all deployment configs\n  kubectl set env deployments --all --containers=\"c1\" ENV-\n  \n  # Remove the environment variable ENV from a deployment definition on disk and\n  # update the deployment config on the server\n  kubectl set env -f deploy.json ENV-\n  \n  # Set some of the local shell environment into a deployment config on the server\n  env | grep RAILS_ | kubectl set env -e - deployment/registry",
  usage: "set env RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N [options]",
  flags: [
    {name: "all", type: "bool", usage: "If true, select all resources in the namespace of the specified resource types"},
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    {name: "containers", shorthand: "c", type: "string", default: "*", usage: "The names of containers in the selected pod templates to change - may use wildcards"},
    DRY_RUN_FLAG,
    {name: "env", shorthand: "e", type: "stringArray", usage: "Specify a key-value pair for an environment variable to set into each container."},
    fieldManagerFlag("kubectl-set"),
    filenameFlag("Filename, directory, or URL to files the resource to update the env"),
    {name: "from", type: "string", usage: "The name of a resource from which to inject environment variables"},
    {name: "keys", type: "stringSlice", usage: "Comma-separated list of keys to import from specified resource"},
    KUSTOMIZE_FLAG,
    {name: "list", type: "bool", usage: "If true, display the environment and any changes in the standard format. this flag will removed when we have kubectl view env."},
    {name: "local", type: "bool", usage: "If true, set env will NOT contact api-server but run locally."},
    OUTPUT_FLAG,
    {name: "overwrite", type: "bool", default: true, usage: "If true, allow environment to be overwritten, otherwise reject updates that overwrite existing environment."},
    {name: "prefix", type: "string", usage: "Prefix to append to variable names"},
    RECURSIVE_FLAG,
    {name: "resolve", type: "bool", usage: "If true, show secret or configmap references when listing variables"},
    SELECTOR_FLAG,
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
  ] as FlagSpec[],
};

// `kubectl set resources --help` (kubectl 1.32), verbatim.
export const SET_RESOURCES_HELP = {
  long: "Specify compute resource requirements (CPU, memory) for any resource that defines a pod template.  If a pod is successfully scheduled, it is guaranteed the amount of resource requested, but may burst up to its specified limits.\n\n For each compute resource, if a limit is specified and a request is omitted, the request will default to the limit.\n\n Possible resources include (case insensitive): Use \"kubectl api-resources\" for a complete list of supported resources..",
  example: "  # Set a deployments nginx container cpu limits to \"200m\" and memory to \"512Mi\"\n  kubectl set resources deployment nginx -c=nginx --limits=cpu=200m,memory=512Mi\n  \n  # Set the resource request and limits for all containers in nginx\n  kubectl set resources deployment nginx --limits=cpu=200m,memory=512Mi --requests=cpu=100m,memory=256Mi\n  \n  # Remove the resource requests for resources on containers in nginx\n  kubectl set resources deployment nginx --limits=cpu=0,memory=0 --requests=cpu=0,memory=0\n  \n  # Print the result (in yaml format) of updating nginx container limits from a local, without hitting the server\n  kubectl set resources -f path/to/file.yaml --limits=cpu=200m,memory=512Mi --local -o yaml",
  usage: "set resources (-f FILENAME | TYPE NAME)  ([--limits=LIMITS & --requests=REQUESTS] [options]",
  flags: [
    {name: "all", type: "bool", usage: "Select all resources, in the namespace of the specified resource types"},
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    {name: "containers", shorthand: "c", type: "string", default: "*", usage: "The names of containers in the selected pod templates to change, all containers are selected by default - may use wildcards"},
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-set"),
    filenameFlag("Filename, directory, or URL to files identifying the resource to get from a server."),
    KUSTOMIZE_FLAG,
    {name: "limits", type: "string", usage: "The resource requirement requests for this container.  For example, 'cpu=100m,memory=256Mi'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges."},
    {name: "local", type: "bool", usage: "If true, set resources will NOT contact api-server but run locally."},
    OUTPUT_FLAG,
    RECURSIVE_FLAG,
    {name: "requests", type: "string", usage: "The resource requirement requests for this container.  For example, 'cpu=100m,memory=256Mi'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges."},
    SELECTOR_FLAG,
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
  ] as FlagSpec[],
};

// `kubectl set selector --help` (kubectl 1.32), verbatim.
export const SET_SELECTOR_HELP = {
  long: "Set the selector on a resource. Note that the new selector will overwrite the old selector if the resource had one prior to the invocation of 'set selector'.\n\n A selector must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters. If --resource-version is specified, then updates will use this resource version, otherwise the existing resource-version will be used. Note: currently selectors can only be set on Service objects.",
  example: "  # Set the labels and selector before creating a deployment/service pair\n  kubectl create service clusterip my-svc --clusterip=\"None\" -o yaml --dry-run=client | kubectl set selector --local -f - 'environment=qa' -o yaml | kubectl create -f -\n  kubectl create deployment my-dep -o yaml --dry-run=client | kubectl label --local -f - environment=qa -o yaml | kubectl create -f -",
  usage: "set selector (-f FILENAME | TYPE NAME) EXPRESSIONS [--resource-version=version] [options]",
  flags: [
    {name: "all", type: "bool", usage: "Select all resources in the namespace of the specified resource types"},
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-set"),
    filenameFlag("identifying the resource."),
    {name: "local", type: "bool", usage: "If true, annotation will NOT contact api-server but run locally."},
    OUTPUT_FLAG,
    {name: "recursive", shorthand: "R", type: "bool", default: true, usage: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."},
    {name: "resource-version", type: "string", usage: "If non-empty, the selectors update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource."},
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
  ] as FlagSpec[],
};

// `kubectl set serviceaccount --help` (kubectl 1.32), verbatim.
export const SET_SA_HELP = {
  long: "Update the service account of pod template resources.\n\n Possible resources (case insensitive) can be:\n\n replicationcontroller (rc), deployment (deploy), daemonset (ds), job, replicaset (rs), statefulset",
  example: "  # Set deployment nginx-deployment's service account to serviceaccount1\n  kubectl set serviceaccount deployment nginx-deployment serviceaccount1\n  \n  # Print the result (in YAML format) of updated nginx deployment with the service account from local file, without hitting the API server\n  kubectl set sa -f nginx-deployment.yaml serviceaccount1 --local --dry-run=client -o yaml",
  usage: "set serviceaccount (-f FILENAME | TYPE NAME) SERVICE_ACCOUNT [options]",
  flags: [
    {name: "all", type: "bool", usage: "Select all resources, in the namespace of the specified resource types"},
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-set"),
    filenameFlag("Filename, directory, or URL to files identifying the resource to get from a server."),
    KUSTOMIZE_FLAG,
    {name: "local", type: "bool", usage: "If true, set serviceaccount will NOT contact api-server but run locally."},
    OUTPUT_FLAG,
    RECURSIVE_FLAG,
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
  ] as FlagSpec[],
};

// `kubectl set subject --help` (kubectl 1.32), verbatim.
export const SET_SUBJECT_HELP = {
  long: "Update the user, group, or service account in a role binding or cluster role binding.",
  example: "  # Update a cluster role binding for serviceaccount1\n  kubectl set subject clusterrolebinding admin --serviceaccount=namespace:serviceaccount1\n  \n  # Update a role binding for user1, user2, and group1\n  kubectl set subject rolebinding admin --user=user1 --user=user2 --group=group1\n  \n  # Print the result (in YAML format) of updating rolebinding subjects from a local, without hitting the server\n  kubectl create rolebinding admin --role=admin --user=admin -o yaml --dry-run=client | kubectl set subject --local -f - --user=foo -o yaml",
  usage: "set subject (-f FILENAME | TYPE NAME) [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none] [options]",
  flags: [
    {name: "all", type: "bool", usage: "Select all resources, in the namespace of the specified resource types"},
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-set"),
    filenameFlag("Filename, directory, or URL to files the resource to update the subjects"),
    {name: "group", type: "stringArray", usage: "Groups to bind to the role"},
    KUSTOMIZE_FLAG,
    {name: "local", type: "bool", usage: "If true, set subject will NOT contact api-server but run locally."},
    OUTPUT_FLAG,
    RECURSIVE_FLAG,
    SELECTOR_FLAG,
    {name: "serviceaccount", type: "stringArray", usage: "Service accounts to bind to the role"},
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
    {name: "user", type: "stringArray", usage: "Usernames to bind to the role"},
  ] as FlagSpec[],
};

// `kubectl rollout --help` (kubectl 1.32), verbatim.
export const ROLLOUT_HELP = {
  long: "Manage the rollout of one or many resources.\n        \n Valid resource types include:\n\n  *  deployments\n  *  daemonsets\n  *  statefulsets",
  example: "  # Rollback to the previous deployment\n  kubectl rollout undo deployment/abc\n  \n  # Check the rollout status of a daemonset\n  kubectl rollout status daemonset/foo\n  \n  # Restart a deployment\n  kubectl rollout restart deployment/abc\n  \n  # Restart deployments with the 'app=nginx' label\n  kubectl rollout restart deployment --selector=app=nginx",
  usage: "rollout SUBCOMMAND [options]",
  flags: [
  ] as FlagSpec[],
};

// `kubectl rollout status --help` (kubectl 1.32), verbatim.
export const ROLLOUT_STATUS_HELP = {
  long: "Show the status of the rollout.\n\n By default 'rollout status' will watch the status of the latest rollout until it's done. If you don't want to wait for the rollout to finish then you can use --watch=false. Note that if a new rollout starts in-between, then 'rollout status' will continue watching the latest revision. If you want to pin to a specific revision and abort if it is rolled over by another revision, use --revision=N where N is the revision you need to watch for.",
  example: "  # Watch the rollout status of a deployment\n  kubectl rollout status deployment/nginx",
  usage: "rollout status (TYPE NAME | TYPE/NAME) [flags] [options]",
  flags: [
    filenameFlag("Filename, directory, or URL to files identifying the resource to get from a server."),
    KUSTOMIZE_FLAG,
    RECURSIVE_FLAG,
    {name: "revision", type: "int", usage: "Pin to a specific revision for showing its status. Defaults to 0 (last revision)."},
    SELECTOR_FLAG,
    {name: "timeout", type: "duration", default: parseGoDuration("0s"), usage: "The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h)."},
    {name: "watch", shorthand: "w", type: "bool", default: true, usage: "Watch the status of the rollout until it's done."},
  ] as FlagSpec[],
};

// `kubectl rollout history --help` (kubectl 1.32), verbatim.
export const ROLLOUT_HISTORY_HELP = {
  long: "View previous rollout revisions and configurations.",
  example: "  # View the rollout history of a deployment\n  kubectl rollout history deployment/abc\n  \n  # View the details of daemonset revision 3\n  kubectl rollout history daemonset/abc --revision=3",
  usage: "rollout history (TYPE NAME | TYPE/NAME) [flags] [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    filenameFlag("Filename, directory, or URL to files identifying the resource to get from a server."),
    KUSTOMIZE_FLAG,
    OUTPUT_FLAG,
    RECURSIVE_FLAG,
    {name: "revision", type: "int", usage: "See the details, including podTemplate of the revision specified"},
    SELECTOR_FLAG,
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
  ] as FlagSpec[],
};

// `kubectl rollout undo --help` (kubectl 1.32), verbatim.
export const ROLLOUT_UNDO_HELP = {
  long: "Roll back to a previous rollout.",
  example: "  # Roll back to the previous deployment\n  kubectl rollout undo deployment/abc\n  \n  # Roll back to daemonset revision 3\n  kubectl rollout undo daemonset/abc --to-revision=3\n  \n  # Roll back to the previous deployment with dry-run\n  kubectl rollout undo --dry-run=server deployment/abc",
  usage: "rollout undo (TYPE NAME | TYPE/NAME) [flags] [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    DRY_RUN_FLAG,
    filenameFlag("Filename, directory, or URL to files identifying the resource to get from a server."),
    KUSTOMIZE_FLAG,
    OUTPUT_FLAG,
    RECURSIVE_FLAG,
    SELECTOR_FLAG,
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
    {name: "to-revision", type: "int", usage: "The revision to rollback to. Default to 0 (last revision)."},
  ] as FlagSpec[],
};

// `kubectl rollout pause --help` (kubectl 1.32), verbatim.
export const ROLLOUT_PAUSE_HELP = {
  long: "Mark the provided resource as paused.\n\n Paused resources will not be reconciled by a controller. Use \"kubectl rollout resume\" to resume a paused resource. Currently only deployments support being paused.",
  example: "  # Mark the nginx deployment as paused\n  # Any current state of the deployment will continue its function; new updates\n  # to the deployment will not have an effect as long as the deployment is paused\n  kubectl rollout pause deployment/nginx",
  usage: "rollout pause RESOURCE [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    fieldManagerFlag("kubectl-rollout"),
    filenameFlag("Filename, directory, or URL to files identifying the resource to get from a server."),
    KUSTOMIZE_FLAG,
    OUTPUT_FLAG,
    RECURSIVE_FLAG,
    SELECTOR_FLAG,
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
  ] as FlagSpec[],
};

// `kubectl rollout resume --help` (kubectl 1.32), verbatim.
export const ROLLOUT_RESUME_HELP = {
  long: "Resume a paused resource.\n\n Paused resources will not be reconciled by a controller. By resuming a resource, we allow it to be reconciled again. Currently only deployments support being resumed.",
  example: "  # Resume an already paused deployment\n  kubectl rollout resume deployment/nginx",
  usage: "rollout resume RESOURCE [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    fieldManagerFlag("kubectl-rollout"),
    filenameFlag("Filename, directory, or URL to files identifying the resource to get from a server."),
    KUSTOMIZE_FLAG,
    OUTPUT_FLAG,
    RECURSIVE_FLAG,
    SELECTOR_FLAG,
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
  ] as FlagSpec[],
};

// `kubectl rollout restart --help` (kubectl 1.32), verbatim.
export const ROLLOUT_RESTART_HELP = {
  long: "Restart a resource.\n\n        Resource rollout will be restarted.",
  example: "  # Restart all deployments in the test-namespace namespace\n  kubectl rollout restart deployment -n test-namespace\n  \n  # Restart a deployment\n  kubectl rollout restart deployment/nginx\n  \n  # Restart a daemon set\n  kubectl rollout restart daemonset/abc\n  \n  # Restart deployments with the app=nginx label\n  kubectl rollout restart deployment --selector=app=nginx",
  usage: "rollout restart RESOURCE [options]",
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    fieldManagerFlag("kubectl-rollout"),
    filenameFlag("Filename, directory, or URL to files identifying the resource to get from a server."),
    KUSTOMIZE_FLAG,
    OUTPUT_FLAG,
    RECURSIVE_FLAG,
    SELECTOR_FLAG,
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
  ] as FlagSpec[],
};

