# kubectl create generators, run and expose, client-side dry runs (no cluster changes).
## generators printing YAML
kubectl create deployment web --image=nginx --replicas=3 --port=80 --dry-run=client -o yaml
kubectl create deployment multi --image=nginx --image=redis --dry-run=client -o yaml
kubectl create deployment cmd --image=busybox --dry-run=client -o yaml -- sleep 3600
kubectl create service clusterip web --tcp=80:8080 --dry-run=client -o yaml
kubectl create service nodeport web --tcp=80:8080 --node-port=30080 --dry-run=client -o yaml
kubectl create service loadbalancer web --tcp=443:8443 --dry-run=client -o yaml
kubectl create service externalname db --external-name=db.example.com --dry-run=client -o yaml
kubectl create service clusterip headless --clusterip=None --dry-run=client -o yaml
kubectl create configmap app --from-literal=color=blue --from-literal=size=L --dry-run=client -o yaml
kubectl create secret generic creds --from-literal=user=admin --from-literal=password=s3cr3t --dry-run=client -o yaml
kubectl create secret docker-registry regcred --docker-server=registry.example.com --docker-username=u --docker-password=p --dry-run=client -o yaml
kubectl create job hello --image=busybox --dry-run=client -o yaml -- echo hi
kubectl create cronjob tick --image=busybox --schedule='*/5 * * * *' --dry-run=client -o yaml -- date
kubectl create namespace dev --dry-run=client -o yaml
kubectl create serviceaccount robot --dry-run=client -o yaml
kubectl create role pod-reader --verb=get,list,watch --resource=pods --dry-run=client -o yaml
kubectl create clusterrole node-reader --verb=get --resource=nodes --dry-run=client -o yaml
kubectl create rolebinding read-pods --role=pod-reader --user=jane --dry-run=client -o yaml
kubectl create clusterrolebinding read-nodes --clusterrole=node-reader --serviceaccount=default:robot --dry-run=client -o yaml
kubectl create quota small --hard=pods=4,requests.cpu=1 --dry-run=client -o yaml
kubectl create ingress web --rule=example.com/=web:80 --class=nginx --dry-run=client -o yaml
kubectl create priorityclass high --value=1000 --description='important' --dry-run=client -o yaml
kubectl create poddisruptionbudget web-pdb --selector=app=web --min-available=1 --dry-run=client -o yaml
kubectl run nginx --image=nginx --dry-run=client -o yaml
kubectl run nginx --image=nginx --port=80 --labels=app=web,tier=front --dry-run=client -o yaml
kubectl run tool --image=busybox --restart=Never --env=A=1 --env=B=2 --dry-run=client -o yaml -- sleep 10
kubectl run tool --image=busybox --command --dry-run=client -o yaml -- sh -c 'echo hi'
kubectl run nginx --image=nginx --dry-run=client -o json
kubectl run nginx --image=nginx --dry-run=client -o name
kubectl create deployment web --image=nginx --dry-run=client
kubectl create deployment web --image=nginx --dry-run=server
kubectl create deployment web --dry-run=client
kubectl create deployment --image=nginx
kubectl run --image=nginx
kubectl create service clusterip web --dry-run=client -o yaml
kubectl create secret generic empty --dry-run=client -o yaml

## generators that create
kubectl create namespace dev
kubectl create namespace dev
kubectl create deployment web --image=nginx:1.27 -n dev
kubectl create configmap app --from-literal=color=blue -n dev
echo 'size=large' > app.env
kubectl create configmap fromfile --from-file=app.env -n dev
kubectl create configmap fromenv --from-env-file=app.env -n dev
kubectl get cm -n dev
kubectl get cm fromfile -n dev -o jsonpath='{.data}'
kubectl get cm fromenv -n dev -o jsonpath='{.data}'
kubectl create secret generic creds --from-literal=password=hunter2 -n dev
kubectl get secret creds -n dev -o jsonpath='{.data.password}' | base64 -d
kubectl expose deployment web --port=80 --target-port=8080 -n dev
kubectl get svc -n dev
kubectl get svc web -n dev -o yaml
kubectl expose deployment web --port=80 --type=NodePort --name=web-np -n dev
kubectl get svc web-np -n dev -o jsonpath='{.spec.type}'
kubectl autoscale deployment web --min=2 --max=5 --cpu-percent=80 -n dev
kubectl get hpa -n dev
kubectl create job once --image=busybox -n dev -- echo hi
kubectl create cronjob tick --image=busybox --schedule='*/1 * * * *' -n dev -- date
kubectl create job manual --from=cronjob/tick -n dev
kubectl get jobs,cronjobs -n dev
kubectl create serviceaccount robot -n dev
kubectl create role pod-reader --verb=get,list --resource=pods -n dev
kubectl create rolebinding robot-reads --role=pod-reader --serviceaccount=dev:robot -n dev
kubectl get sa,role,rolebinding -n dev
kubectl delete namespace dev --wait=false
