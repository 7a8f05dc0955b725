// configmaps-secrets: correct work done another way passes; wrong work fails with the step's message.
// Each replay runs the lesson's reference solutions, replacing the solution of one step with the learner's lines.
import { describe, expect, test } from "vitest";
import { failures, tryStep as tryLessonStep } from "./harness";

/** Replays the lesson up to and including `stepId`, typing `lines` for that step (the harness's tryStep). */
const tryStep = (stepId: string, lines: string[]) => tryLessonStep("configmaps-secrets", stepId, lines);

describe("configmaps-secrets: alternative solutions", () => {
  test("literals: a ConfigMap manifest applied from a here-document passes", async () => {
    const { results } = await tryStep("literals", [
      `cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: ConfigMap
metadata:
  name: special-config
data:
  SPECIAL_LEVEL: very
  SPECIAL_TYPE: charm
EOF`,
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("literals: an env file with --from-env-file passes", async () => {
    const { results } = await tryStep("literals", ["printf 'SPECIAL_LEVEL=very\\nSPECIAL_TYPE=charm\\n' > special.env", "kubectl create configmap special-config --from-env-file=special.env"]);
    expect(failures(results)).toEqual([]);
  });

  test("literals: a ConfigMap with only one of the keys fails", async () => {
    const { results } = await tryStep("literals", ["kubectl create configmap special-config --from-literal=SPECIAL_LEVEL=very"]);
    expect(failures(results)).toEqual(["There is no ConfigMap special-config holding SPECIAL_LEVEL=very and SPECIAL_TYPE=charm yet."]);
  });

  test("from-files: one --from-file per file passes", async () => {
    const { results } = await tryStep("from-files", [
      "cd configure-pod-container/configmap",
      "kubectl create configmap game-config --from-file=game.properties --from-file=ui.properties",
      "cd",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("from-files: --from-env-file (one key per line) fails", async () => {
    const { results } = await tryStep("from-files", [
      "kubectl create configmap game-config --from-env-file=configure-pod-container/configmap/game.properties --from-env-file=configure-pod-container/configmap/ui.properties",
    ]);
    expect(failures(results)).toEqual([
      "There is no ConfigMap game-config with one key per file (game.properties and ui.properties, each holding the whole file) yet.",
    ]);
  });

  test("env: kubectl run with --overrides, envFrom listed first, passes", async () => {
    const overrides = JSON.stringify({
      spec: {
        containers: [
          {
            name: "dapi-test-pod",
            image: "busybox:1.36",
            command: ["sleep", "3600"],
            envFrom: [{ configMapRef: { name: "special-config" } }],
            env: [{ name: "SPECIAL_LEVEL_KEY", valueFrom: { configMapKeyRef: { name: "special-config", key: "SPECIAL_LEVEL" } } }],
          },
        ],
      },
    });
    const { results } = await tryStep("env", [`kubectl run dapi-test-pod --image=busybox:1.36 --overrides='${overrides}' --command -- sleep 3600`, "kubectl wait --for=condition=Ready pod/dapi-test-pod --timeout=60s"]);
    expect(failures(results)).toEqual([]);
  });

  test("env: copying the value into the manifest instead of referencing the ConfigMap fails", async () => {
    const { results } = await tryStep("env", [
      `cat > env-pod.yaml <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: dapi-test-pod
spec:
  containers:
  - name: test-container
    image: busybox:1.36
    command: ["sleep", "3600"]
    env:
    - name: SPECIAL_LEVEL_KEY
      value: very
    envFrom:
    - configMapRef:
        name: special-config
EOF`,
      "kubectl create -f env-pod.yaml",
    ]);
    expect(failures(results)).toEqual(["The dapi-test-pod has no variable SPECIAL_LEVEL_KEY taken from the SPECIAL_LEVEL key of special-config yet."]);
  });

  test("env: a reference to a missing key leaves the pod in CreateContainerConfigError and fails", async () => {
    const { results, session } = await tryStep("env", [
      `cat > env-pod.yaml <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: dapi-test-pod
spec:
  containers:
  - name: test-container
    image: busybox:1.36
    command: ["sleep", "3600"]
    env:
    - name: SPECIAL_LEVEL_KEY
      valueFrom:
        configMapKeyRef:
          name: special-config
          key: special.how
    envFrom:
    - configMapRef:
        name: special-config
EOF`,
      "kubectl create -f env-pod.yaml",
    ]);
    expect(failures(results)).toEqual([
      "The dapi-test-pod has no variable SPECIAL_LEVEL_KEY taken from the SPECIAL_LEVEL key of special-config yet.",
      "The dapi-test-pod is not Running and Ready yet. If it is stuck, `kubectl describe pod dapi-test-pod` says why.",
    ]);
    expect((await session.run("kubectl get pod dapi-test-pod")).stdout).toContain("CreateContainerConfigError");
  });

  test("volume: another volume name, mounted read-only, passes", async () => {
    const { results } = await tryStep("volume", [
      `cat <<EOF | kubectl create -f -
apiVersion: v1
kind: Pod
metadata:
  name: config-volume-pod
spec:
  volumes:
  - name: game
    configMap:
      name: game-config
  containers:
  - name: app
    image: busybox:1.36
    command: ["sleep", "3600"]
    volumeMounts:
    - name: game
      mountPath: /etc/config
      readOnly: true
EOF`,
      "kubectl wait --for=condition=Ready pod/config-volume-pod --timeout=60s",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("volume: mounting the ConfigMap somewhere else fails", async () => {
    const { results } = await tryStep("volume", [
      `cat <<EOF | kubectl create -f -
apiVersion: v1
kind: Pod
metadata:
  name: config-volume-pod
spec:
  volumes:
  - name: config-volume
    configMap:
      name: game-config
  containers:
  - name: app
    image: busybox:1.36
    command: ["sleep", "3600"]
    volumeMounts:
    - name: config-volume
      mountPath: /config
EOF`,
    ]);
    expect(failures(results)).toEqual(["The config-volume-pod does not mount the game-config ConfigMap at /etc/config yet."]);
  });

  test("secret: a manifest with base64 data made by echo -n passes", async () => {
    const { results } = await tryStep("secret", [
      "U=$(echo -n 'my-app' | base64)",
      "P=$(echo -n '39528$vdg7Jb' | base64)",
      `cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Secret
metadata:
  name: test-secret
data:
  username: $U
  password: $P
EOF`,
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("secret: a manifest with stringData (plain text) passes", async () => {
    const { results } = await tryStep("secret", [
      `cat <<'EOF' > secret.yaml
apiVersion: v1
kind: Secret
metadata:
  name: test-secret
type: Opaque
stringData:
  username: my-app
  password: 39528$vdg7Jb
EOF`,
      "kubectl apply -f secret.yaml",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("secret: encoding with a plain echo (the newline ends up in the secret) fails", async () => {
    const { results, session } = await tryStep("secret", [
      "U=$(echo 'my-app' | base64)",
      "P=$(echo '39528$vdg7Jb' | base64)",
      `cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Secret
metadata:
  name: test-secret
data:
  username: $U
  password: $P
EOF`,
    ]);
    expect(failures(results)).toEqual([
      "There is no Secret test-secret whose username is exactly my-app and whose password is exactly 39528$vdg7Jb yet. Decode what is stored to see what is wrong (a stray newline?).",
    ]);
    expect((await session.run("kubectl get secret test-secret -o jsonpath='{.data.username}'")).stdout).toBe("bXktYXBwCg==");
  });

  test("secret: a password typed in double quotes loses its $vdg7Jb to the shell and fails", async () => {
    const { results } = await tryStep("secret", [`kubectl create secret generic test-secret --from-literal=username=my-app --from-literal=password="39528$vdg7Jb"`]);
    expect(failures(results)).toEqual([
      "There is no Secret test-secret whose username is exactly my-app and whose password is exactly 39528$vdg7Jb yet. Decode what is stored to see what is wrong (a stray newline?).",
    ]);
  });

  test("secret-pod: loading the whole Secret with envFrom instead of SECRET_USERNAME fails on the variable only", async () => {
    const { results } = await tryStep("secret-pod", [
      `cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: secret-test-pod
spec:
  containers:
  - name: test-container
    image: nginx:1.27
    envFrom:
    - secretRef:
        name: test-secret
    volumeMounts:
    - name: secret-volume
      mountPath: /etc/secret-volume
  volumes:
  - name: secret-volume
    secret:
      secretName: test-secret
EOF`,
      "kubectl wait --for=condition=Ready pod/secret-test-pod --timeout=60s",
    ]);
    expect(failures(results)).toEqual(["The secret-test-pod has no variable SECRET_USERNAME taken from the username key of test-secret yet."]);
  });
});
