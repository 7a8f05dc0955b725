# kubectl diff: the live object against what apply would make of it, as `diff -u -N` shows it.
## diff before and after apply, client-side and server-side
kubectl create deployment web --image=nginx:1.27 --replicas=2 --dry-run=client -o yaml > web.yaml
kubectl diff -f web.yaml
kubectl apply -f web.yaml
@advance 30
kubectl diff -f web.yaml
sed -i 's/nginx:1.27/nginx:1.28/; s/replicas: 2/replicas: 4/' web.yaml
kubectl diff -f web.yaml
kubectl diff -f web.yaml --server-side --force-conflicts --field-manager=kubectl-client-side-apply
cat web.yaml | kubectl diff -f - --concurrency=2 > /dev/null; echo "exit $?"

## secrets are masked; directories, selectors and managed fields
mkdir -p app
cat <<'EOF' > app/secret.yaml
apiVersion: v1
kind: Secret
metadata:
  name: creds
  labels:
    app: shop
stringData:
  user: admin
  password: s3cret
EOF
cat <<'EOF' > app/config.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  labels:
    app: shop
    tier: front
data:
  color: blue
EOF
kubectl diff -f app/secret.yaml
kubectl diff -f app/ -l tier=front --show-managed-fields
kubectl apply -f app/
sed -i 's/s3cret/changed/; s/user: admin/user: admin\n  token: abc/' app/secret.yaml
kubectl diff -R -f app
kubectl diff -f app/ -l tier=back

## what kubectl diff refuses
kubectl diff
kubectl diff deployment web
kubectl diff -f web.yaml --concurrency=many
