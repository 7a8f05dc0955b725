# Creating workloads imperatively and reading them back.
## a deployment created imperatively
kubectl create deployment web --image=nginx:1.27 --replicas=3
@advance 60
kubectl get deployments
kubectl get deploy web -o wide
kubectl get rs
kubectl get pods
kubectl get pods -o wide
kubectl get pods -l app=web
kubectl get pods -l app=web --show-labels
kubectl get pods -l 'app!=web'
kubectl get all
kubectl get deploy web -o jsonpath='{.spec.replicas}'
kubectl get deploy web -o jsonpath='{.spec.template.spec.containers[0].image}'
kubectl get pods -o jsonpath='{.items[*].status.phase}'
kubectl get deploy web -o yaml
kubectl get rs -o name
kubectl get pods --no-headers | wc -l
kubectl get pods | grep web | wc -l
kubectl get deploy web -o custom-columns=NAME:.metadata.name,REPLICAS:.spec.replicas,IMAGE:.spec.template.spec.containers[0].image
kubectl scale deployment web --replicas=5
@advance 60
kubectl get deploy web
kubectl get pods --no-headers | wc -l
kubectl scale deployment web --replicas=2
@advance 60
kubectl get deploy web
kubectl scale deploy/web --current-replicas=3 --replicas=4
kubectl scale deploy nosuch --replicas=2
kubectl delete deployment web
@advance 60
kubectl get deploy
kubectl get pods

## a pod with kubectl run
kubectl run nginx --image=nginx:1.27
@advance 30
kubectl get pods
kubectl get pod nginx -o wide
kubectl get pod nginx -o jsonpath='{.status.phase}'
kubectl get pod nginx -o jsonpath='{.spec.containers[0].image}'
kubectl label pod nginx tier=frontend
kubectl get pods --show-labels
kubectl label pod nginx tier=backend
kubectl label pod nginx tier=backend --overwrite
kubectl get pods -l tier=backend
kubectl label pod nginx tier-
kubectl annotate pod nginx owner=alice
kubectl get pod nginx -o jsonpath='{.metadata.annotations.owner}'
kubectl annotate pod nginx owner-
kubectl delete pod nginx
kubectl get pods
kubectl delete pod nginx

## kubectl run with labels, env and a command
kubectl run busy --image=busybox:1.36 --restart=Never --labels=app=busy,tier=tools --env=GREETING=hello -- sleep 3600
@advance 30
kubectl get pods --show-labels
kubectl get pod busy -o jsonpath='{.spec.containers[0].args}'
kubectl get pod busy -o jsonpath='{.spec.containers[0].env}'
kubectl get pod busy -o jsonpath='{.spec.restartPolicy}'
kubectl run job-like --image=busybox:1.36 --restart=OnFailure -- echo done
@advance 30
kubectl get pods

## replica sets keep pods alive
cat <<EOF | kubectl apply -f -
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: frontend
  labels:
    tier: frontend
spec:
  replicas: 3
  selector:
    matchLabels:
      tier: frontend
  template:
    metadata:
      labels:
        tier: frontend
    spec:
      containers:
      - name: php-redis
        image: us-docker.pkg.dev/google-samples/containers/gke/gb-frontend:v5
EOF
@advance 60
kubectl get rs
kubectl get rs frontend -o wide
kubectl get pods -l tier=frontend --no-headers | wc -l
kubectl delete pods -l tier=frontend
@advance 60
kubectl get rs frontend
kubectl scale rs frontend --replicas=1
@advance 60
kubectl get pods -l tier=frontend --no-headers | wc -l
kubectl delete rs frontend
