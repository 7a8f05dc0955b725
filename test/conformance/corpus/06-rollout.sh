# Rolling updates, history, undo, pause and resume.
## a rollout and its history
kubectl create deployment web --image=nginx:1.27 --replicas=3
@advance 60
kubectl rollout status deployment/web
kubectl rollout history deployment/web
kubectl set image deployment/web nginx=nginx:1.28
@advance 120
kubectl rollout status deployment/web
kubectl rollout history deployment/web
kubectl rollout history deployment/web --revision=2
kubectl get rs
kubectl annotate deployment/web kubernetes.io/change-cause='image 1.28'
kubectl rollout history deployment/web
kubectl rollout undo deployment/web
@advance 120
kubectl get deploy web -o jsonpath='{.spec.template.spec.containers[0].image}'
kubectl rollout history deployment/web
kubectl rollout undo deployment/web --to-revision=3
@advance 120
kubectl get deploy web -o jsonpath='{.spec.template.spec.containers[0].image}'
kubectl rollout undo deployment/web --to-revision=99
kubectl rollout pause deployment/web
kubectl rollout pause deployment/web
kubectl set image deployment/web nginx=nginx:1.26
kubectl set resources deployment/web -c nginx --limits=cpu=200m,memory=256Mi
@advance 60
kubectl rollout history deployment/web
kubectl rollout resume deployment/web
kubectl rollout resume deployment/web
@advance 120
kubectl rollout status deployment/web
kubectl rollout history deployment/web
kubectl rollout restart deployment/web
@advance 120
kubectl rollout status deployment/web --timeout=10s
kubectl rollout status deployment/nosuch
kubectl rollout history deployment/nosuch
kubectl set image deployment/web nosuchcontainer=nginx
kubectl set env deployment/web MODE=prod
kubectl set env deployment/web --list
kubectl set env deployment/web MODE-
kubectl rollout status deployment/web --watch=false

## a bad image stalls the rollout
kubectl create deployment web --image=nginx:1.27 --replicas=2
@advance 60
kubectl set image deployment/web nginx=nginx:does-not-exist
@advance 60
kubectl rollout status deployment/web --timeout=2s
kubectl get pods
kubectl rollout undo deployment/web
@advance 120
kubectl rollout status deployment/web

## statefulsets and daemonsets
cat <<EOF | kubectl apply -f -
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 3
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
      - name: db
        image: nginx:1.27
EOF
@advance 120
kubectl get sts
kubectl get pods -l app=db
kubectl rollout status statefulset/db
kubectl scale sts db --replicas=1
@advance 120
kubectl get pods -l app=db
kubectl rollout history statefulset/db
kubectl rollout status daemonset/kube-proxy -n kube-system
kubectl rollout history daemonset/kube-proxy -n kube-system
kubectl delete sts db --cascade=orphan
kubectl get pods -l app=db

## set --local changes manifests on the client, never the cluster
kubectl create deployment web --image=nginx:1.27 -o yaml --dry-run=client > web.yaml
kubectl set image --local -f web.yaml nginx=nginx:1.28 -o yaml
kubectl set resources --local -f web.yaml --limits=cpu=0.5,memory=256Mi -o json
kubectl set env --local -f web.yaml MODE=prod --dry-run=client
kubectl set sa --local -f web.yaml robot -o json
kubectl create service clusterip my-svc --clusterip="None" -o yaml --dry-run=client | kubectl set selector --local -f - 'environment=qa' -o yaml
kubectl create rolebinding admin --role=admin --user=admin -o yaml --dry-run=client | kubectl set subject --local -f - --user=foo --serviceaccount=:robot -o yaml
kubectl set image --local deployment/web nginx=nginx:1.28
kubectl set image --local -f web.yaml nginx=nginx:1.28 --dry-run=server
kubectl get deployments
