# Manifests: here-documents, files, dry runs, apply/create/replace/delete -f.
## the tutorial flow: dry-run to a file, edit, apply
kubectl create deployment web --image=nginx:1.27 --dry-run=client -o yaml
kubectl create deployment web --image=nginx:1.27 --dry-run=client -o yaml > web.yaml
cat web.yaml
sed -i 's/replicas: 1/replicas: 2/' web.yaml
grep replicas web.yaml
kubectl apply -f web.yaml
kubectl apply -f web.yaml
@advance 60
kubectl get deploy web
sed -i 's/nginx:1.27/nginx:1.28/' web.yaml
kubectl apply -f web.yaml
kubectl diff -f web.yaml
@advance 60
kubectl get deploy web -o jsonpath='{.spec.template.spec.containers[0].image}'
kubectl get deploy web -o jsonpath='{.metadata.annotations}' | grep -c last-applied
kubectl delete -f web.yaml
kubectl delete -f web.yaml
kubectl apply -f nothere.yaml

## a pod from a here-document
cat <<EOF > pod.yaml
apiVersion: v1
kind: Pod
metadata:
  name: hello
  labels:
    app: hello
spec:
  containers:
  - name: hello
    image: busybox:1.36
    command: ["sh", "-c", "echo Hello Kubernetes! && sleep 3600"]
    resources:
      requests:
        cpu: 100m
        memory: 64Mi
EOF
kubectl create -f pod.yaml
kubectl create -f pod.yaml
@advance 30
kubectl get pod hello
kubectl get -f pod.yaml
kubectl get -f pod.yaml -o name
kubectl logs hello
kubectl replace -f pod.yaml
kubectl delete -f pod.yaml --wait=false
kubectl apply -f pod.yaml --dry-run=client
kubectl apply -f pod.yaml --dry-run=server

## several documents and a directory
mkdir -p manifests
cat <<'EOF' > manifests/cm.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  color: blue
  size: large
---
apiVersion: v1
kind: Secret
metadata:
  name: app-secret
type: Opaque
stringData:
  password: s3cr3t
EOF
cat <<'EOF' > manifests/svc.yaml
apiVersion: v1
kind: Service
metadata:
  name: app
spec:
  selector:
    app: app
  ports:
  - port: 80
    targetPort: 8080
EOF
kubectl apply -f manifests/
kubectl get cm,secret,svc
kubectl get cm app-config -o jsonpath='{.data.color}'
kubectl get secret app-secret -o jsonpath='{.data.password}' | base64 -d
kubectl get secret app-secret -o yaml
kubectl apply -f manifests/ --dry-run=client -o name
kubectl delete -f manifests/
kubectl get cm

## invalid manifests
cat <<'EOF' > bad.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: broken
spec:
  replicas: -1
  selector:
    matchLabels:
      app: broken
  template:
    metadata:
      labels:
        app: other
    spec:
      containers:
      - name: c
        image: nginx
EOF
kubectl apply -f bad.yaml
kubectl create -f bad.yaml
printf 'apiVersion: v1\nmetadata:\n  name: x\n' > nokind.yaml
kubectl apply -f nokind.yaml
printf 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: typo\nspec:\n  containers:\n  - name: c\n    image: nginx\n    imagePullPolicy: Sometimes\n' > typo.yaml
kubectl apply -f typo.yaml
printf 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: unknown\nspec:\n  containerz: []\n' > unknown.yaml
kubectl apply -f unknown.yaml
