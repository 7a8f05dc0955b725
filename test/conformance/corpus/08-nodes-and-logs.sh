# Nodes, scheduling, logs, exec and top.
## cordon, taint and drain
kubectl create deployment web --image=nginx:1.27 --replicas=2
@advance 60
kubectl cordon node01
kubectl cordon node01
kubectl get nodes
kubectl uncordon node01
kubectl taint nodes node01 dedicated=db:NoSchedule
kubectl taint nodes node01 dedicated=db:NoSchedule
kubectl describe node node01 | grep Taints
kubectl taint nodes node01 dedicated=db:NoSchedule-
kubectl taint nodes node01 dedicated-
kubectl drain node02 --ignore-daemonsets
@advance 60
# Replacement pods get names drawn when the ReplicaSet reacts, which real time interleaves
# differently on the two sandboxes: compare where they run, not their names.
kubectl get pods -o wide --no-headers | grep -c node02
kubectl get pods --no-headers | wc -l
kubectl get nodes
kubectl uncordon node02
kubectl drain node02
kubectl label node node01 disktype=ssd
kubectl get nodes -l disktype=ssd
kubectl get nodes -L disktype

## logs and exec
kubectl run hello --image=busybox:1.36 --restart=Never -- sh -c 'echo one; echo two; echo three'
kubectl run web --image=nginx:1.27 --env=MODE=test
@advance 60
kubectl logs hello
kubectl logs hello --tail=1
kubectl logs pod/hello
kubectl logs nosuch
kubectl logs web
# exec streams over SPDY/WebSocket, which the sandbox's HTTP API does not offer to real kubectl;
# the emulated exec is pinned by test/unit/kubectl/exec*.test.ts instead.
kubectl get pods

## metrics
kubectl create deployment web --image=nginx:1.27 --replicas=2
@advance 120
kubectl top nodes --no-headers | wc -l
kubectl top pods -n kube-system --no-headers | wc -l
kubectl top pod nosuch
