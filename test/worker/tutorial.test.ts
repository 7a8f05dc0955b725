// A tutorial script, pasted into the terminal unchanged: here-documents, pipes, redirection,
// `--dry-run=client -o yaml > file`, an edit of that file and an apply (issue 4's "Done when").
import { describe, expect, test } from "vitest";
import { call, newSession } from "./helpers";

const TUTORIAL = `# Write a Deployment manifest without creating anything
kubectl create deployment web --image=nginx:1.27 --dry-run=client -o yaml > web.yaml
grep -c 'image: nginx:1.27' web.yaml
# Edit it: two replicas
sed -i 's/replicas: 1/replicas: 2/' web.yaml
kubectl apply -f web.yaml
# A Service from a here-document, through a pipe
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
EOF
kubectl get deploy web -o jsonpath='{.spec.replicas}{"\\n"}'
kubectl get svc --no-headers | grep web | awk '{print $1, $2}'
kubectl get deploy,svc -o name | sort > objects.txt && cat objects.txt
kubectl apply -f web.yaml && echo "applied again"
`;

describe("a tutorial script", () => {
  test("runs unchanged through the command endpoint", async () => {
    const s = await newSession();
    const r = await call(`/api/sessions/${s.id}/commands`, { method: "POST", token: s.token, body: JSON.stringify({ command: TUTORIAL }), headers: { "content-type": "application/json" } });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({
      stdout: [
        "1",
        "deployment.apps/web created",
        "service/web created",
        "2",
        "web ClusterIP",
        "deployment.apps/web",
        "service/kubernetes",
        "service/web",
        // As with real kubectl: the dry-run YAML's `creationTimestamp: null` makes every apply a patch.
        "deployment.apps/web configured",
        "applied again",
        "",
      ].join("\n"),
      stderr: "",
      exitCode: 0,
    });
  });
});
