# Shell idioms from tutorials around kubectl.
## pipes, substitution and redirection
kubectl get pods -n kube-system -o name | grep etcd
kubectl get pods -n kube-system --no-headers | awk '{print $1}' | sort | head -3
kubectl get nodes --no-headers | cut -d' ' -f1
kubectl get ns -o name | sed 's|namespace/||'
NS=kube-system; kubectl get deploy -n $NS -o name
kubectl get pods -n kube-system -o name | head -1 | xargs kubectl get -n kube-system
POD=$(kubectl get pods -n kube-system -l component=etcd -o jsonpath='{.items[0].metadata.name}'); echo $POD
kubectl get nodes > nodes.txt && wc -l nodes.txt
kubectl get ns --no-headers >> nodes.txt; wc -l < nodes.txt
kubectl get pods nosuch 2>/dev/null || echo missing
kubectl get pods nosuch 2>&1 | head -1
kubectl get ns default && echo ok
kubectl get ns nosuch && echo never
kubectl get ns nosuch; echo "exit $?"
export KUBECTL_X=1; echo $KUBECTL_X
# (`k` and aliases are interactive-shell features; bash -c has neither, so they are pinned by the
# shell's unit tests instead.)
for ns in default kube-system; do kubectl get ns $ns -o name; done
kubectl get cm -n kube-system -o name | wc -l
printf 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: from-echo\n' | kubectl apply -f -
kubectl get ns from-echo -o name
kubectl delete ns from-echo --wait=false
kubectl get nodes -o json | grep -c '"kind": "Node"'
