// The volumes lesson: correct work done another way passes; wrong work fails with the step's message.
// Each replay runs the lesson's reference solutions, replacing the solution of one step with the learner's lines.
import { describe, expect, test } from "vitest";
import { failures, tryStep, readLesson, startLesson } from "./harness";
import type { CheckResult } from "../../../src/engine/lessons/checks";

const TWO_CONTAINERS_MOUNT_MESSAGE =
  "The shared-data volume is not mounted in both containers yet: nginx-container should see it where nginx serves its pages from, debian-container where its command writes.";

describe("volumes: alternative solutions", () => {
  test("the two-containers pod piped to kubectl create, volumes after the containers, passes", async () => {
    const { results } = await tryStep("volumes", "emptydir", [
      `cat <<EOF | kubectl create -f -
apiVersion: v1
kind: Pod
metadata: { name: two-containers }
spec:
  restartPolicy: Never
  containers:
  - name: nginx-container
    image: nginx
    volumeMounts: [{ name: shared-data, mountPath: /usr/share/nginx/html/ }]
  - name: debian-container
    image: debian
    command: ["/bin/sh"]
    args: ["-c", "echo Hello from the debian container > /pod-data/index.html"]
    volumeMounts: [{ mountPath: /pod-data, name: shared-data }]
  volumes:
  - name: shared-data
    emptyDir: { medium: Memory }
EOF`,
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("the seeded file changed with sed, then applied, passes", async () => {
    const { results } = await tryStep("volumes", "emptydir", [
      "sed -i '/restartPolicy/a\\  volumes:\\n  - name: shared-data\\n    emptyDir: {}' two-containers.yaml",
      "sed -i '/image: nginx/a\\    volumeMounts:\\n    - { name: shared-data, mountPath: /usr/share/nginx/html }' two-containers.yaml",
      "sed -i '/image: debian/a\\    volumeMounts:\\n    - { name: shared-data, mountPath: /pod-data }' two-containers.yaml",
      "kubectl apply -f two-containers.yaml",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("the seeded file applied unchanged fails: no volume, no mounts", async () => {
    const { results } = await tryStep("volumes", "emptydir", ["kubectl apply -f two-containers.yaml"]);
    expect(failures(results)).toEqual(["There is no pod two-containers with an emptyDir volume called shared-data yet.", TWO_CONTAINERS_MOUNT_MESSAGE]);
  });

  test("mounting the volume in the nginx container only fails on the mounts", async () => {
    const { results } = await tryStep("volumes", "emptydir", [
      `cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata: { name: two-containers }
spec:
  restartPolicy: Never
  volumes: [{ name: shared-data, emptyDir: {} }]
  containers:
  - name: nginx-container
    image: nginx
    volumeMounts: [{ name: shared-data, mountPath: /usr/share/nginx/html }]
  - name: debian-container
    image: debian
    command: ["/bin/sh"]
    args: ["-c", "echo Hello from the debian container > /pod-data/index.html"]
EOF`,
    ]);
    expect(failures(results)).toEqual([TWO_CONTAINERS_MOUNT_MESSAGE]);
  });

  test("the volume with its size in bytes and an explicit Retain policy, made with kubectl create, passes", async () => {
    const { results } = await tryStep("volumes", "persistent-volume", [
      `kubectl create -f - <<EOF
apiVersion: v1
kind: PersistentVolume
metadata: { name: task-pv-volume }
spec:
  capacity: { storage: "10737418240" }
  accessModes: [ReadWriteOnce]
  persistentVolumeReclaimPolicy: Retain
  storageClassName: manual
  hostPath: { path: /mnt/data, type: DirectoryOrCreate }
EOF`,
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("a volume without the storage class fails", async () => {
    const { results } = await tryStep("volumes", "persistent-volume", [
      `cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: PersistentVolume
metadata: { name: task-pv-volume }
spec:
  capacity: { storage: 10Gi }
  accessModes: [ReadWriteOnce]
  hostPath: { path: /mnt/data }
EOF`,
    ]);
    expect(failures(results)).toEqual([
      "There is no PersistentVolume task-pv-volume yet with 10Gi of capacity, the access mode ReadWriteOnce, the storage class manual and the host path /mnt/data.",
    ]);
  });

  test("a claim that names its volume, asking for 3072Mi, passes", async () => {
    const { results } = await tryStep("volumes", "claim", [
      `cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: task-pv-claim }
spec:
  storageClassName: manual
  volumeName: task-pv-volume
  accessModes: [ReadWriteOnce]
  resources: { requests: { storage: 3072Mi } }
EOF`,
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("a claim without a storage class gets the default class and is not bound to task-pv-volume", async () => {
    const { results, session } = await tryStep("volumes", "claim", [
      `cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: task-pv-claim }
spec:
  accessModes: [ReadWriteOnce]
  resources: { requests: { storage: 3Gi } }
EOF`,
    ]);
    expect(failures(results)).toEqual([
      "The claim task-pv-claim is not bound to task-pv-volume yet. Compare the claim's storage class, size and access modes with the volume's.",
    ]);
    expect((await session.run("kubectl get pvc task-pv-claim -o jsonpath='{.spec.storageClassName} {.status.phase}'")).stdout).toBe("standard Pending");
  });

  test("a claim asking for ReadWriteMany is not bound: the volume is ReadWriteOnce only", async () => {
    const { results } = await tryStep("volumes", "claim", [
      `cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: task-pv-claim }
spec:
  storageClassName: manual
  accessModes: [ReadWriteMany]
  resources: { requests: { storage: 3Gi } }
EOF`,
    ]);
    expect(failures(results)).toEqual([
      "There is no PersistentVolumeClaim task-pv-claim asking for 3Gi with the access mode ReadWriteOnce yet.",
      "The claim task-pv-claim is not bound to task-pv-volume yet. Compare the claim's storage class, size and access modes with the volume's.",
    ]);
  });

  test("the pod made with kubectl run --overrides, other volume and container names, passes", async () => {
    const { results } = await tryStep("volumes", "pod-with-claim", [
      `kubectl run task-pv-pod --image=nginx:1.27 --overrides='{"spec":{"volumes":[{"name":"www","persistentVolumeClaim":{"claimName":"task-pv-claim"}}],"containers":[{"name":"web","image":"nginx:1.27","volumeMounts":[{"name":"www","mountPath":"/usr/share/nginx/html"}]}]}}'`,
      "kubectl wait --for=condition=Ready pod/task-pv-pod --timeout=60s",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("a pod that mounts the claim elsewhere fails", async () => {
    const { results } = await tryStep("volumes", "pod-with-claim", [
      `kubectl run task-pv-pod --image=nginx --overrides='{"spec":{"volumes":[{"name":"www","persistentVolumeClaim":{"claimName":"task-pv-claim"}}],"containers":[{"name":"task-pv-pod","image":"nginx","volumeMounts":[{"name":"www","mountPath":"/data"}]}]}}'`,
    ]);
    expect(failures(results)).toEqual(["There is no nginx pod task-pv-pod yet that mounts a volume from the claim task-pv-claim at /usr/share/nginx/html."]);
  });

  test("naming the standard class explicitly and running nginx passes", async () => {
    const { results } = await tryStep("volumes", "dynamic", [
      `cat <<EOF | kubectl create -f -
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: dynamic-claim }
spec:
  storageClassName: standard
  accessModes: [ReadWriteOnce]
  resources: { requests: { storage: 1Gi } }
EOF`,
      `kubectl run dynamic-pod --image=nginx --overrides='{"spec":{"volumes":[{"name":"data","persistentVolumeClaim":{"claimName":"dynamic-claim"}}],"containers":[{"name":"dynamic-pod","image":"nginx","volumeMounts":[{"name":"data","mountPath":"/data"}]}]}}'`,
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("a claim without a pod stays Pending: nothing is provisioned", async () => {
    const { results } = await tryStep("volumes", "dynamic", [
      `cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: dynamic-claim }
spec:
  accessModes: [ReadWriteOnce]
  resources: { requests: { storage: 1Gi } }
EOF`,
    ]);
    expect(failures(results)).toEqual([
      "There is no claim dynamic-claim of 1Gi in the standard class that is Bound yet. A claim of this class waits for its first consumer.",
      "No PersistentVolume has been provisioned for dynamic-claim yet.",
      "There is no pod dynamic-pod running with a volume from the claim dynamic-claim yet.",
    ]);
  });

  test("a merge patch found by jsonpath, then deleting pod and claim in one command, passes", async () => {
    const { results } = await tryStep("volumes", "retain", [
      `PV=$(kubectl get pv -o jsonpath='{.items[?(@.spec.claimRef.name=="dynamic-claim")].metadata.name}')`,
      `kubectl patch pv "$PV" --type=merge -p '{"spec":{"persistentVolumeReclaimPolicy":"Retain"}}'`,
      "kubectl delete pod/dynamic-pod pvc/dynamic-claim",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("deleting the claim without changing the policy fails: the volume went with it", async () => {
    const { results, session } = await tryStep("volumes", "retain", ["kubectl delete pod dynamic-pod", "kubectl delete pvc dynamic-claim"]);
    expect(failures(results)).toEqual([
      "The volume that was provisioned for dynamic-claim is not kept as a Released volume with the reclaim policy Retain. If it is gone already, it was deleted with its claim.",
    ]);
    expect((await session.run("kubectl get pv -o name")).stdout).toBe("persistentvolume/task-pv-volume\n");
  });

  test("deleting the Released volume and creating it again passes", async () => {
    const { results } = await tryStep("volumes", "reuse", [
      "kubectl delete pod task-pv-pod",
      "kubectl delete pvc task-pv-claim",
      "kubectl get pv task-pv-volume -o yaml > pv.yaml",
      "kubectl delete pv task-pv-volume",
      `cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: PersistentVolume
metadata: { name: task-pv-volume }
spec:
  storageClassName: manual
  capacity: { storage: 10Gi }
  accessModes: [ReadWriteOnce]
  hostPath: { path: /mnt/data }
EOF`,
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("deleting only the pod fails: the claim still holds the volume", async () => {
    const { results } = await tryStep("volumes", "reuse", ["kubectl delete pod task-pv-pod"]);
    expect(failures(results)).toEqual([
      "The claim task-pv-claim still exists.",
      "The PersistentVolume task-pv-volume is not Available for a new claim yet (with its reclaim policy still Retain).",
    ]);
  });
});

describe("volumes: starting state", () => {
  test("two-containers.yaml is in the learner's home, no pod or volume exists, standard is the default class", async () => {
    const s = startLesson(readLesson("volumes"));
    expect((await s.run("grep -c '^  - name: ' two-containers.yaml")).stdout).toBe("2\n");
    expect((await s.run("kubectl get pods,pv,pvc")).stderr).toBe("No resources found\n");
    expect((await s.run("kubectl get storageclass --no-headers | awk '{print $1, $2}'")).stdout).toBe("standard (default)\n");
  });
});
