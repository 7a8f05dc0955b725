// Commands that need a local process, a local port or a TTY stream, which a browser sandbox does not
// have: they keep kubectl's help (so `--help` reads as it does everywhere) and, when run, say in one
// line that they are not available here and what to do instead (exit 1).
import type { KubectlCommand } from "../command";
import { KubectlError, UsageError } from "../command";
import { defaultSubCommandRun } from "./group";
import { filenameFlag } from "../common-flags";

function unavailable(what: string, instead: string): () => Promise<number> {
  return async () => {
    throw new KubectlError(`${what} is not available in the browser sandbox: ${instead}`);
  };
}

export const portForwardCommand: KubectlCommand = {
  name: "port-forward",
  short: "Forward one or more local ports to a pod",
  long: `Forward one or more local ports to a pod.

 Use resource type/name such as deployment/mydeployment to select a pod. Resource type defaults to 'pod' if omitted.

 If there are multiple pods matching the criteria, a pod will be selected automatically. The forwarding session ends when the selected pod terminates, and a rerun of the command is needed to resume forwarding.`,
  example: `  # Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in the pod
  kubectl port-forward pod/mypod 5000 6000
  
  # Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in a pod selected by the deployment
  kubectl port-forward deployment/mydeployment 5000 6000
  
  # Listen on port 8443 locally, forwarding to the targetPort of the service's port named "https" in a pod selected by the service
  kubectl port-forward service/myservice 8443:https
  
  # Listen on port 8888 locally, forwarding to 5000 in the pod
  kubectl port-forward pod/mypod 8888:5000
  
  # Listen on port 8888 on all addresses, forwarding to 5000 in the pod
  kubectl port-forward --address 0.0.0.0 pod/mypod 8888:5000
  
  # Listen on port 8888 on localhost and selected IP, forwarding to 5000 in the pod
  kubectl port-forward --address localhost,10.19.21.23 pod/mypod 8888:5000
  
  # Listen on a random port locally, forwarding to 5000 in the pod
  kubectl port-forward pod/mypod :5000`,
  usage: "port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]",
  flags: [
    { name: "address", type: "stringArray", default: ["localhost"], usage: "Addresses to listen on (comma separated). Only accepts IP addresses or localhost as a value. When localhost is supplied, kubectl will try to bind on both 127.0.0.1 and ::1 and will fail if neither of these addresses are available to bind." },
    { name: "pod-running-timeout", type: "duration", default: 60000, usage: "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running" },
  ],
  run: unavailable("kubectl port-forward", "there is no local port to forward to; reach the pod from inside the cluster instead, e.g. `kubectl exec <pod> -- wget -qO- <service>:<port>`"),
};

export const attachCommand: KubectlCommand = {
  name: "attach",
  short: "Attach to a running container",
  long: `Attach to a process that is already running inside an existing container.`,
  example: `  # Get output from running pod mypod; use the 'kubectl.kubernetes.io/default-container' annotation
  # for selecting the container to be attached or the first container in the pod will be chosen
  kubectl attach mypod
  
  # Get output from ruby-container from pod mypod
  kubectl attach mypod -c ruby-container
  
  # Switch to raw terminal mode; sends stdin to 'bash' in ruby-container from pod mypod
  # and sends stdout/stderr from 'bash' back to the client
  kubectl attach mypod -c ruby-container -i -t
  
  # Get output from the first pod of a replica set named nginx
  kubectl attach rs/nginx`,
  usage: "attach (POD | TYPE/NAME) -c CONTAINER [options]",
  flags: [
    { name: "container", shorthand: "c", type: "string", usage: "Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen" },
    { name: "pod-running-timeout", type: "duration", default: 60000, usage: "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running" },
    { name: "quiet", shorthand: "q", type: "bool", usage: "Only print output from the remote session" },
    { name: "stdin", shorthand: "i", type: "bool", usage: "Pass stdin to the container" },
    { name: "tty", shorthand: "t", type: "bool", usage: "Stdin is a TTY" },
  ],
  run: unavailable("kubectl attach", "there is no interactive terminal stream; read the container's output with `kubectl logs -f <pod>` instead"),
};

export const proxyCommand: KubectlCommand = {
  name: "proxy",
  short: "Run a proxy to the Kubernetes API server",
  long: `Creates a proxy server or application-level gateway between localhost and the Kubernetes API server. It also allows serving static content over specified HTTP path. All incoming data enters through one port and gets forwarded to the remote Kubernetes API server port, except for the path matching the static content path.`,
  example: `  # To proxy all of the Kubernetes API and nothing else
  kubectl proxy --api-prefix=/
  
  # To proxy only part of the Kubernetes API and also some static files
  # You can get pods info with 'curl localhost:8001/api/v1/pods'
  kubectl proxy --www=/my/files --www-prefix=/static/ --api-prefix=/api/
  
  # To proxy the entire Kubernetes API at a different root
  # You can get pods info with 'curl localhost:8001/custom/api/v1/pods'
  kubectl proxy --api-prefix=/custom/
  
  # Run a proxy to the Kubernetes API server on port 8011, serving static content from ./local/www/
  kubectl proxy --port=8011 --www=./local/www/
  
  # Run a proxy to the Kubernetes API server on an arbitrary local port
  # The chosen port for the server will be output to stdout
  kubectl proxy --port=0
  
  # Run a proxy to the Kubernetes API server, changing the API prefix to k8s-api
  # This makes e.g. the pods API available at localhost:8001/k8s-api/v1/pods/
  kubectl proxy --api-prefix=/k8s-api`,
  usage: "proxy [--port=PORT] [--www=static-dir] [--www-prefix=prefix] [--api-prefix=prefix] [options]",
  flags: [
    { name: "accept-hosts", type: "string", default: "^localhost$,^127\\.0\\.0\\.1$,^\\[::1\\]$", usage: "Regular expression for hosts that the proxy should accept." },
    { name: "accept-paths", type: "string", default: "^.*", usage: "Regular expression for paths that the proxy should accept." },
    { name: "address", type: "string", default: "127.0.0.1", usage: "The IP address on which to serve on." },
    { name: "api-prefix", type: "string", default: "/", usage: "Prefix to serve the proxied API under." },
    { name: "append-server-path", type: "bool", usage: "If true, enables automatic path appending of the kube context server path to each request." },
    { name: "disable-filter", type: "bool", usage: "If true, disable request filtering in the proxy. This is dangerous, and can leave you vulnerable to XSRF attacks, when used with an accessible port." },
    { name: "keepalive", type: "duration", usage: "keepalive specifies the keep-alive period for an active network connection. Set to 0 to disable keepalive." },
    { name: "port", shorthand: "p", type: "int", default: 8001, usage: "The port on which to run the proxy. Set to 0 to pick a random port." },
    { name: "reject-methods", type: "string", default: "^$", usage: "Regular expression for HTTP methods that the proxy should reject (example --reject-methods='POST,PUT,PATCH'). " },
    { name: "reject-paths", type: "string", default: "^/api/.*/pods/.*/exec,^/api/.*/pods/.*/attach", usage: "Regular expression for paths that the proxy should reject. Paths specified here will be rejected even accepted by --accept-paths." },
    { name: "unix-socket", shorthand: "u", type: "string", usage: "Unix socket on which to run the proxy." },
    { name: "www", shorthand: "w", type: "string", usage: "Also serve static files from the given directory under the specified prefix." },
    { name: "www-prefix", shorthand: "P", type: "string", default: "/static/", usage: "Prefix to serve static files under, if static file directory is specified." },
  ],
  run: unavailable("kubectl proxy", "there is no local port to serve on; call the API with kubectl itself, e.g. `kubectl get --raw /api/v1/namespaces`"),
};

export const cpCommand: KubectlCommand = {
  name: "cp",
  short: "Copy files and directories to and from containers",
  long: `Copy files and directories to and from containers.`,
  example: `  # !!!Important Note!!!
  # Requires that the 'tar' binary is present in your container
  # image.  If 'tar' is not present, 'kubectl cp' will fail.
  #
  # For advanced use cases, such as symlinks, wildcard expansion or
  # file mode preservation, consider using 'kubectl exec'.
  
  # Copy /tmp/foo local file to /tmp/bar in a remote pod in namespace <some-namespace>
  tar cf - /tmp/foo | kubectl exec -i -n <some-namespace> <some-pod> -- tar xf - -C /tmp/bar
  
  # Copy /tmp/foo from a remote pod to /tmp/bar locally
  kubectl exec -n <some-namespace> <some-pod> -- tar cf - /tmp/foo | tar xf - -C /tmp/bar
  
  # Copy /tmp/foo_dir local directory to /tmp/bar_dir in a remote pod in the default namespace
  kubectl cp /tmp/foo_dir <some-pod>:/tmp/bar_dir
  
  # Copy /tmp/foo local file to /tmp/bar in a remote pod in a specific container
  kubectl cp /tmp/foo <some-pod>:/tmp/bar -c <specific-container>
  
  # Copy /tmp/foo local file to /tmp/bar in a remote pod in namespace <some-namespace>
  kubectl cp /tmp/foo <some-namespace>/<some-pod>:/tmp/bar
  
  # Copy /tmp/foo from a remote pod to /tmp/bar locally
  kubectl cp <some-namespace>/<some-pod>:/tmp/foo /tmp/bar`,
  usage: "cp <file-spec-src> <file-spec-dest> [options]",
  flags: [
    { name: "container", shorthand: "c", type: "string", usage: "Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen" },
    { name: "no-preserve", type: "bool", usage: "The copied file/directory's ownership and permissions will not be preserved in the container" },
    { name: "retries", type: "int", usage: "Set number of retries to complete a copy operation from a container. Specify 0 to disable or any negative value for infinite retrying. The default is 0 (no retry)." },
  ],
  run: unavailable("kubectl cp", "files cannot be streamed into or out of containers here; read one with `kubectl exec <pod> -- cat <file>`, or put files in a ConfigMap mounted by the pod"),
};

export const debugCommand: KubectlCommand = {
  name: "debug",
  short: "Create debugging sessions for troubleshooting workloads and nodes",
  long: `Debug cluster resources using interactive debugging containers.

 'debug' provides automation for common debugging tasks for cluster objects identified by resource and name. Pods will be used by default if no resource is specified.

 The action taken by 'debug' varies depending on what resource is specified. Supported actions include:

  *  Workload: Create a copy of an existing pod with certain attributes changed, for example changing the image tag to a new version.
  *  Workload: Add an ephemeral container to an already running pod, for example to add debugging utilities without restarting the pod.
  *  Node: Create a new pod that runs in the node's host namespaces and can access the node's filesystem.`,
  example: `  # Create an interactive debugging session in pod mypod and immediately attach to it.
  kubectl debug mypod -it --image=busybox
  
  # Create an interactive debugging session for the pod in the file pod.yaml and immediately attach to it.
  # (requires the EphemeralContainers feature to be enabled in the cluster)
  kubectl debug -f pod.yaml -it --image=busybox
  
  # Create a debug container named debugger using a custom automated debugging image.
  kubectl debug --image=myproj/debug-tools -c debugger mypod
  
  # Create a copy of mypod adding a debug container and attach to it
  kubectl debug mypod -it --image=busybox --copy-to=my-debugger
  
  # Create a copy of mypod changing the command of mycontainer
  kubectl debug mypod -it --copy-to=my-debugger --container=mycontainer -- sh
  
  # Create a copy of mypod changing all container images to busybox
  kubectl debug mypod --copy-to=my-debugger --set-image=*=busybox
  
  # Create a copy of mypod adding a debug container and changing container images
  kubectl debug mypod -it --copy-to=my-debugger --image=debian --set-image=app=app:debug,sidecar=sidecar:debug
  
  # Create an interactive debugging session on a node and immediately attach to it.
  # The container will run in the host namespaces and the host's filesystem will be mounted at /host
  kubectl debug node/mynode -it --image=busybox`,
  usage: "debug (POD | TYPE[[.VERSION].GROUP]/NAME) [ -- COMMAND [args...] ] [options]",
  flags: [
    { name: "arguments-only", type: "bool", usage: "If specified, everything after -- will be passed to the new container as Args instead of Command." },
    { name: "attach", type: "bool", usage: "If true, wait for the container to start running, and then attach as if 'kubectl attach ...' were called.  Default false, unless '-i/--stdin' is set, in which case the default is true." },
    { name: "container", shorthand: "c", type: "string", usage: "Container name to use for debug container." },
    { name: "copy-to", type: "string", usage: "Create a copy of the target Pod with this name." },
    { name: "custom", type: "string", usage: "Path to a JSON or YAML file containing a partial container spec to customize built-in debug profiles." },
    { name: "env", type: "stringArray", usage: "Environment variables to set in the container." },
    filenameFlag("identifying the resource to debug", "stringArray"),
    { name: "image", type: "string", usage: "Container image to use for debug container." },
    { name: "image-pull-policy", type: "string", usage: "The image pull policy for the container. If left empty, this value will not be specified by the client and defaulted by the server." },
    { name: "keep-annotations", type: "bool", usage: "If true, keep the original pod annotations.(This flag only works when used with '--copy-to')" },
    { name: "keep-init-containers", type: "bool", default: true, usage: "Run the init containers for the pod. Defaults to true.(This flag only works when used with '--copy-to')" },
    { name: "keep-labels", type: "bool", usage: "If true, keep the original pod labels.(This flag only works when used with '--copy-to')" },
    { name: "keep-liveness", type: "bool", usage: "If true, keep the original pod liveness probes.(This flag only works when used with '--copy-to')" },
    { name: "keep-readiness", type: "bool", usage: "If true, keep the original pod readiness probes.(This flag only works when used with '--copy-to')" },
    { name: "keep-startup", type: "bool", usage: "If true, keep the original startup probes.(This flag only works when used with '--copy-to')" },
    { name: "profile", type: "string", default: "legacy", usage: "Options are \"legacy\", \"general\", \"baseline\", \"netadmin\", \"restricted\" or \"sysadmin\"." },
    { name: "quiet", shorthand: "q", type: "bool", usage: "If true, suppress informational messages." },
    { name: "replace", type: "bool", usage: "When used with '--copy-to', delete the original Pod." },
    { name: "same-node", type: "bool", usage: "When used with '--copy-to', schedule the copy of target Pod on the same node." },
    { name: "set-image", type: "stringArray", usage: "When used with '--copy-to', a list of name=image pairs for changing container images, similar to how 'kubectl set image' works." },
    { name: "share-processes", type: "bool", default: true, usage: "When used with '--copy-to', enable process namespace sharing in the copy." },
    { name: "stdin", shorthand: "i", type: "bool", usage: "Keep stdin open on the container(s) in the pod, even if nothing is attached." },
    { name: "target", type: "string", usage: "When using an ephemeral container, target processes in this container name." },
    { name: "tty", shorthand: "t", type: "bool", usage: "Allocate a TTY for the debugging container." },
  ],
  run: unavailable("kubectl debug", "there is no interactive terminal stream; run commands with `kubectl exec <pod> -- <command>`, or start a helper pod with `kubectl run tmp --image=busybox --restart=Never -- sleep 3600`"),
};

const SHELLS = ["bash", "zsh", "fish", "powershell"];

export const completionCommand: KubectlCommand = {
  name: "completion",
  short: "Output shell completion code for the specified shell (bash, zsh, fish, or powershell)",
  long: `Output shell completion code for the specified shell (bash, zsh, fish, or powershell). The shell code must be evaluated to provide interactive completion of kubectl commands.  This can be done by sourcing it from the .bash_profile.

 Detailed instructions on how to do this are available here:

        for macOS:
        https://kubernetes.io/docs/tasks/tools/install-kubectl-macos/#enable-shell-autocompletion
        
        for linux:
        https://kubernetes.io/docs/tasks/tools/install-kubectl-linux/#enable-shell-autocompletion
        
        for windows:
        https://kubernetes.io/docs/tasks/tools/install-kubectl-windows/#enable-shell-autocompletion
        
 Note for zsh users: [1] zsh completions are only supported in versions of zsh >= 5.2.`,
  example: `  # Installing bash completion on macOS using homebrew
  ## If running Bash 3.2 included with macOS
  brew install bash-completion
  ## or, if running Bash 4.1+
  brew install bash-completion@2
  ## If kubectl is installed via homebrew, this should start working immediately
  ## If you've installed via other means, you may need add the completion to your completion directory
  kubectl completion bash > $(brew --prefix)/etc/bash_completion.d/kubectl
  
  
  # Installing bash completion on Linux
  ## If bash-completion is not installed on Linux, install the 'bash-completion' package
  ## via your distribution's package manager.
  ## Load the kubectl completion code for bash into the current shell
  source <(kubectl completion bash)
  ## Write bash completion code to a file and source it from .bash_profile
  kubectl completion bash > ~/.kube/completion.bash.inc
  printf "
  # kubectl shell completion
  source '$HOME/.kube/completion.bash.inc'
  " >> $HOME/.bash_profile
  source $HOME/.bash_profile
  
  # Load the kubectl completion code for zsh[1] into the current shell
  source <(kubectl completion zsh)
  # Set the kubectl completion code for zsh[1] to autoload on startup
  kubectl completion zsh > "\${fpath[1]}/_kubectl"
  
  
  # Load the kubectl completion code for fish[2] into the current shell
  kubectl completion fish | source
  # To load completions for each session, execute once:
  kubectl completion fish > ~/.config/fish/completions/kubectl.fish
  
  # Load the kubectl completion code for powershell into the current shell
  kubectl completion powershell | Out-String | Invoke-Expression
  # Set kubectl completion code for powershell to run on startup
  ## Save completion code to a script and execute in the profile
  kubectl completion powershell > $HOME\\.kube\\completion.ps1
  Add-Content $PROFILE "$HOME\\.kube\\completion.ps1"
  ## Execute completion code in the profile
  Add-Content $PROFILE "if (Get-Command kubectl -ErrorAction SilentlyContinue) {
  kubectl completion powershell | Out-String | Invoke-Expression
  }"
  ## Add completion code directly to the $PROFILE script
  kubectl completion powershell >> $PROFILE`,
  usage: "completion SHELL [options]",
  async run({ args }) {
    if (args.length === 0) throw new UsageError("Shell not specified.");
    if (args.length > 1) throw new UsageError("Too many arguments. Expected only the shell type.");
    if (!SHELLS.includes(args[0])) throw new UsageError(`Unsupported shell type ${JSON.stringify(args[0])}.`);
    throw new KubectlError("kubectl completion is not available in the browser sandbox: this terminal completes kubectl commands with the Tab key already");
  },
};

const pluginListCommand: KubectlCommand = {
  name: "list",
  short: "List all visible plugin executables on a user's PATH",
  long: `List all available plugin files on a user's PATH. To see plugins binary names without the full path use --name-only flag.

 Available plugin files are those that are: - executable - anywhere on the user's PATH - begin with "kubectl-"`,
  example: `  # List all available plugins
  kubectl plugin list
  
  # List only binary names of available plugins without paths
  kubectl plugin list --name-only`,
  usage: "plugin list [flags] [options]",
  flags: [
    { name: "name-only", type: "bool", usage: "If true, display only the binary name of each plugin, rather than its full path" },
  ],
  async run() {
    // There are no executables on the sandbox's PATH, so no plugins: what kubectl says then.
    throw new KubectlError("unable to find any kubectl plugins in your PATH");
  },
};

export const pluginCommand: KubectlCommand = {
  name: "plugin",
  short: "Provides utilities for interacting with plugins",
  long: `Provides utilities for interacting with plugins.

 Plugins provide extended functionality that is not part of the major command-line distribution. Please refer to the documentation and examples for more information about how write your own plugins.

 The easiest way to discover and install plugins is via the kubernetes sub-project krew: [krew.sigs.k8s.io]. To install krew, visit https://krew.sigs.k8s.io/docs/user-guide/setup/install`,
  example: `  # List all available plugins
  kubectl plugin list
  
  # List only binary names of available plugins without paths
  kubectl plugin list --name-only`,
  usage: "plugin [flags] [options]",
  subcommands: [pluginListCommand],
  run: defaultSubCommandRun,
};

export const kustomizeCommand: KubectlCommand = {
  name: "kustomize",
  short: "Build a kustomization target from a directory or URL",
  long: `Build a set of KRM resources using a 'kustomization.yaml' file. The DIR argument must be a path to a directory containing 'kustomization.yaml', or a git repository URL with a path suffix specifying same with respect to the repository root. If DIR is omitted, '.' is assumed.`,
  example: `  # Build the current working directory
  kubectl kustomize
  
  # Build some shared configuration directory
  kubectl kustomize /home/config/production
  
  # Build from github
  kubectl kustomize https://github.com/kubernetes-sigs/kustomize.git/examples/helloWorld?ref=v1.0.6`,
  usage: "kustomize DIR [flags] [options]",
  flags: [
    { name: "as-current-user", type: "bool", usage: "use the uid and gid of the command executor to run the function in the container" },
    { name: "enable-alpha-plugins", type: "bool", usage: "enable kustomize plugins" },
    { name: "enable-helm", type: "bool", usage: "Enable use of the Helm chart inflator generator." },
    { name: "env", shorthand: "e", type: "stringArray", usage: "a list of environment variables to be used by functions" },
    { name: "helm-api-versions", type: "stringArray", usage: "Kubernetes api versions used by Helm for Capabilities.APIVersions" },
    { name: "helm-command", type: "string", default: "helm", usage: "helm command (path to executable)" },
    { name: "helm-debug", type: "bool", usage: "Enable debug output from the Helm chart inflator generator." },
    { name: "helm-kube-version", type: "string", usage: "Kubernetes version used by Helm for Capabilities.KubeVersion" },
    { name: "load-restrictor", type: "string", default: "LoadRestrictionsRootOnly", usage: "if set to 'LoadRestrictionsNone', local kustomizations may load files from outside their root. This does, however, break the relocatability of the kustomization." },
    { name: "mount", type: "stringArray", usage: "a list of storage options read from the filesystem" },
    { name: "network", type: "bool", usage: "enable network access for functions that declare it" },
    { name: "network-name", type: "string", default: "bridge", usage: "the docker network to run the container in" },
    { name: "output", shorthand: "o", type: "string", usage: "If specified, write output to this path." },
  ],
  run: unavailable("kubectl kustomize", "kustomize builds are not supported here; write the manifests out and apply them with `kubectl apply -f <file>`"),
};
