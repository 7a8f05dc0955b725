# kubectl describe on settled objects.
## describing the fresh cluster
kubectl describe node controlplane
kubectl describe node node01
kubectl describe ns default
kubectl describe ns kube-system
kubectl describe svc kubernetes
kubectl describe deploy coredns -n kube-system
kubectl describe ds kube-proxy -n kube-system
kubectl describe sa default
kubectl describe cm kube-root-ca.crt
kubectl describe clusterrole view
kubectl describe clusterrolebinding cluster-admin
kubectl describe storageclass
kubectl describe pod etcd-controlplane -n kube-system
kubectl describe pods -n kube-system -l k8s-app=kube-dns
kubectl describe pod nosuch
kubectl describe nosuchtype x
kubectl describe

## describing workloads
kubectl create deployment web --image=nginx:1.27 --replicas=2
kubectl expose deployment web --port=80
@advance 60
kubectl describe deployment web
kubectl describe rs
kubectl describe pods -l app=web
kubectl describe svc web
kubectl describe endpoints web
kubectl describe deploy/web svc/web
kubectl set image deployment/web nginx=nginx:1.28
@advance 60
kubectl describe deployment web
kubectl create configmap settings --from-literal=mode=dev
kubectl describe configmap settings
kubectl create secret generic pw --from-literal=password=abc123
kubectl describe secret pw
kubectl autoscale deployment web --min=1 --max=3 --cpu-percent=50
@advance 60
kubectl describe hpa web
kubectl create job hello --image=busybox:1.36 -- echo hello
@advance 60
kubectl describe job hello
kubectl create cronjob tick --image=busybox:1.36 --schedule='*/5 * * * *' -- date
kubectl describe cronjob tick
kubectl create quota q --hard=pods=10
@advance 10
kubectl describe quota q
kubectl describe ns default
