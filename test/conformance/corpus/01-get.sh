# kubectl get: tables, output formats, selectors, several kinds.
## the fresh cluster
kubectl get nodes
kubectl get nodes -o wide
kubectl get nodes --show-labels
kubectl get nodes -L kubernetes.io/os
kubectl get ns
kubectl get namespaces --no-headers
kubectl get pods
kubectl get pods -A
kubectl get pods -n kube-system
kubectl get pods --all-namespaces -o wide
kubectl get svc
kubectl get svc -A
kubectl get all
kubectl get all -n kube-system
kubectl get deploy,svc -n kube-system
kubectl get deployments.apps -n kube-system
kubectl get deployment.v1.apps coredns -n kube-system
kubectl get ds -n kube-system
kubectl get cm -n kube-system
kubectl get sa
kubectl get endpoints -n kube-system
kubectl get storageclass
kubectl get priorityclasses
kubectl get clusterroles --no-headers | wc -l
kubectl get nodes -o name
kubectl get ns -o name
kubectl get pods -n kube-system -o name
kubectl get pods -n kube-system -l component=etcd
kubectl get pods -n kube-system -l 'tier in (control-plane)' -o name
kubectl get pods -n kube-system --field-selector spec.nodeName=controlplane -o name
kubectl get pods -A --field-selector status.phase=Running --no-headers | wc -l
kubectl get nodes -o jsonpath='{.items[*].metadata.name}'
kubectl get nodes -o jsonpath='{range .items[*]}{.metadata.name}{"\t"}{.status.nodeInfo.kubeletVersion}{"\n"}{end}'
kubectl get nodes -o jsonpath='{.items[0].status.conditions[?(@.type=="Ready")].status}'
kubectl get nodes -o custom-columns=NAME:.metadata.name,CPU:.status.capacity.cpu
kubectl get nodes -o custom-columns=NAME:.metadata.name --no-headers
kubectl get pods -n kube-system --sort-by=.metadata.name -o name
kubectl get nodes -o go-template='{{range .items}}{{.metadata.name}}{{"\n"}}{{end}}'
kubectl get ns default -o yaml
kubectl get ns default -o json
kubectl get svc kubernetes -o yaml
kubectl get node controlplane -o jsonpath='{.metadata.labels}'
kubectl get pods nosuchpod
kubectl get pods nosuch1 nosuch2
kubectl get nosuchtype
kubectl get
kubectl get pods,nosuchtype
kubectl get pod/
kubectl get pods foo/bar
kubectl get pods --ignore-not-found nosuchpod
kubectl get ns kube-system default
kubectl get -n nosuchns pods
kubectl get nodes -o nosuchformat
kubectl get pods -n kube-system -o jsonpath='{.items[*].spec.nodeName}' | tr ' ' '\n' | sort | uniq -c
