# kubectl's own command lookup, help and flag errors (no cluster state involved).
## unknown commands and flags
kubectl gett pods
kubectl foo
kubectl get pods --foo
kubectl get -z
kubectl get -n
kubectl scale --replicas=abc deploy/x
kubectl options
kubectl
kubectl help
kubectl rollout foo
