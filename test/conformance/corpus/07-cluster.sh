# Discovery, configuration, authorization and explain.
## what the cluster serves
kubectl api-resources
kubectl api-resources --namespaced=false
kubectl api-resources --api-group=apps
kubectl api-resources -o name | head -20
kubectl api-resources -o wide | grep deployments
kubectl api-resources --verbs=list --namespaced -o name | wc -l
kubectl api-versions
kubectl version --client
kubectl version
kubectl version -o json | grep -c gitVersion
kubectl cluster-info
kubectl explain pods
kubectl explain pods.spec.containers.resources
kubectl explain deployment.spec.strategy
kubectl explain svc --recursive | head -30
kubectl explain nosuch

## kubeconfig
kubectl config current-context | sed 's/kubeplay-.*/kubeplay-X/'
kubectl config get-contexts | wc -l
kubectl config view -o jsonpath='{.contexts[0].context.namespace}'
kubectl config view --minify -o jsonpath='{.users[0].user.token}'
kubectl create namespace team
kubectl config set-context --current --namespace=team
kubectl config view --minify -o jsonpath='{..namespace}'
kubectl get pods
kubectl create configmap here --from-literal=a=b
kubectl get cm
kubectl config set-context --current --namespace=default
kubectl get cm here
kubectl config use-context nosuch

## authorization
kubectl auth can-i create deployments
kubectl auth can-i '*' '*'
kubectl auth can-i list pods --as=system:serviceaccount:default:default
kubectl auth can-i get secrets --as=jane -n default
kubectl create role pod-reader --verb=get,list --resource=pods
kubectl create rolebinding jane-reads --role=pod-reader --user=jane
kubectl auth can-i list pods --as=jane
kubectl auth can-i delete pods --as=jane
kubectl auth can-i list pods --as=jane -n kube-system
kubectl get pods --as=jane
kubectl get secrets --as=jane
kubectl auth whoami
