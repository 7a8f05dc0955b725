// PersistentVolumes and claims: static binding (class, access modes, capacity, volume mode,
// selector, requested volume), dynamic provisioning through the local-path `standard` class
// (WaitForFirstConsumer) and Immediate classes, reclaim policies, and the protection finalizers.
import { describe, expect, it } from "vitest";
import { create, eventsFor, pod, podPath, pvPath, pvcPath, sandbox, scPath, type Sandbox } from "./services-storage-support";

interface ClaimOptions {
  storage?: string;
  modes?: string[];
  className?: string | null;
  volumeName?: string;
  selector?: Record<string, unknown>;
  volumeMode?: string;
}

function claim(name: string, o: ClaimOptions = {}) {
  return {
    apiVersion: "v1",
    kind: "PersistentVolumeClaim",
    metadata: { name },
    spec: {
      accessModes: o.modes ?? ["ReadWriteOnce"],
      resources: { requests: { storage: o.storage ?? "1Gi" } },
      ...(o.className !== null ? { storageClassName: o.className ?? "manual" } : {}),
      ...(o.volumeName ? { volumeName: o.volumeName } : {}),
      ...(o.selector ? { selector: o.selector } : {}),
      ...(o.volumeMode ? { volumeMode: o.volumeMode } : {}),
    },
  };
}

interface VolumeOptions {
  capacity?: string;
  modes?: string[];
  className?: string;
  policy?: string;
  path?: string;
  labels?: Record<string, string>;
  volumeMode?: string;
  claimRef?: Record<string, string>;
}

function volume(name: string, o: VolumeOptions = {}) {
  return {
    apiVersion: "v1",
    kind: "PersistentVolume",
    metadata: { name, ...(o.labels ? { labels: o.labels } : {}) },
    spec: {
      capacity: { storage: o.capacity ?? "10Gi" },
      accessModes: o.modes ?? ["ReadWriteOnce"],
      storageClassName: o.className ?? "manual",
      persistentVolumeReclaimPolicy: o.policy ?? "Retain",
      hostPath: { path: o.path ?? `/mnt/${name}` },
      ...(o.volumeMode ? { volumeMode: o.volumeMode } : {}),
      ...(o.claimRef ? { claimRef: o.claimRef } : {}),
    },
  };
}

const phase = (c: Sandbox, path: string) => c.get(path).status?.phase;
const reasons = (c: Sandbox, name: string, ns?: string) => eventsFor(c, name, ns).map((e) => e.reason);

describe("a fresh sandbox", () => {
  it("has no claims or volumes, and nothing is written", () => {
    const c = sandbox();
    const before = c.cluster.store.resourceVersion;
    c.step();
    expect(c.cluster.store.resourceVersion).toBe(before);
  });
});

describe("admission", () => {
  it("adds the protection finalizers on create", () => {
    const c = sandbox();
    expect(create(c, pvcPath(), claim("data")).metadata.finalizers).toEqual(["kubernetes.io/pvc-protection"]);
    expect(create(c, pvPath(), volume("pv1")).metadata.finalizers).toEqual(["kubernetes.io/pv-protection"]);
  });
});

describe("static binding", () => {
  it("makes a new volume Available", () => {
    const c = sandbox();
    create(c, pvPath(), volume("pv1"));
    expect(phase(c, pvPath("pv1"))).toBe("Pending");
    c.step();
    expect(phase(c, pvPath("pv1"))).toBe("Available");
  });

  it("binds a claim to the smallest volume that fits, and both say so", () => {
    const c = sandbox();
    create(c, pvPath(), volume("big", { capacity: "50Gi" }));
    create(c, pvPath(), volume("small", { capacity: "2Gi" }));
    create(c, pvPath(), volume("fits", { capacity: "5Gi" }));
    c.step();
    const pvc = create(c, pvcPath(), claim("data", { storage: "3Gi" }));
    c.step();
    const pv = c.get(pvPath("fits"));
    expect(pv.status.phase).toBe("Bound");
    expect(pv.spec.claimRef).toMatchObject({ kind: "PersistentVolumeClaim", namespace: "default", name: "data", uid: pvc.metadata.uid, apiVersion: "v1" });
    expect(pv.metadata.annotations).toEqual({ "pv.kubernetes.io/bound-by-controller": "yes" });
    const bound = c.get(pvcPath("data"));
    expect(bound.spec.volumeName).toBe("fits");
    expect(bound.metadata.annotations).toEqual({ "pv.kubernetes.io/bind-completed": "yes", "pv.kubernetes.io/bound-by-controller": "yes" });
    expect(bound.status).toEqual({ phase: "Bound", accessModes: ["ReadWriteOnce"], capacity: { storage: "5Gi" } });
    expect(phase(c, pvPath("big"))).toBe("Available");
    expect(phase(c, pvPath("small"))).toBe("Available");
  });

  it.each([
    ["another class", { className: "fast" }, {}],
    ["too few access modes", { modes: ["ReadWriteOnce"] }, { modes: ["ReadWriteMany"] }],
    ["too small", { capacity: "500Mi" }, {}],
    ["another volume mode", { volumeMode: "Block" }, {}],
    ["labels the selector does not match", { labels: { tier: "slow" } }, { selector: { matchLabels: { tier: "fast" } } }],
  ] as Array<[string, VolumeOptions, ClaimOptions]>)("does not bind a volume with %s", (_why, v, cl) => {
    const c = sandbox();
    create(c, pvPath(), volume("pv1", v));
    create(c, pvcPath(), claim("data", cl));
    c.step();
    expect(phase(c, pvcPath("data"))).toBe("Pending");
    expect(phase(c, pvPath("pv1"))).toBe("Available");
  });

  it("prefers the volume with the fewest access modes, and matches the selector", () => {
    const c = sandbox();
    create(c, pvPath(), volume("many", { modes: ["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany"], capacity: "1Gi" }));
    create(c, pvPath(), volume("one", { modes: ["ReadWriteOnce"], capacity: "5Gi", labels: { tier: "fast" } }));
    create(c, pvcPath(), claim("data", { selector: { matchLabels: { tier: "fast" } } }));
    create(c, pvcPath(), claim("other"));
    c.step();
    expect(c.get(pvcPath("data")).spec.volumeName).toBe("one");
    expect(c.get(pvcPath("other")).spec.volumeName).toBe("many");
  });

  it.each([
    ["a class that does not exist", { className: "manual" }, "Warning", "ProvisioningFailed", 'storageclass.storage.k8s.io "manual" not found'],
    ["no class", { className: "" }, "Normal", "FailedBinding", "no persistent volumes available for this claim and no storage class is set"],
  ] as Array<[string, ClaimOptions, string, string, string]>)("records why a claim of %s stays Pending", (_what, cl, type, reason, message) => {
    const c = sandbox();
    create(c, pvcPath(), claim("data", cl));
    c.step();
    c.step(1000);
    expect(phase(c, pvcPath("data"))).toBe("Pending");
    expect(eventsFor(c, "data")).toEqual([{ type, reason, message, source: { component: "persistentvolume-controller" } }]);
  });

  it("binds a claim to the volume it names, or says why it cannot", () => {
    const c = sandbox();
    create(c, pvPath(), volume("tiny", { capacity: "100Mi" }));
    create(c, pvPath(), volume("named", { capacity: "1Gi" }));
    create(c, pvcPath(), claim("too-big", { volumeName: "tiny", storage: "1Gi" }));
    create(c, pvcPath(), claim("wants-named", { volumeName: "named" }));
    c.step();
    const wants = c.get(pvcPath("wants-named"));
    expect(wants.status.phase).toBe("Bound");
    // The user chose the volume, so the claim is not marked bound-by-controller; the volume's claimRef is.
    expect(wants.metadata.annotations).toEqual({ "pv.kubernetes.io/bind-completed": "yes" });
    expect(c.get(pvPath("named")).metadata.annotations).toEqual({ "pv.kubernetes.io/bound-by-controller": "yes" });
    expect(phase(c, pvcPath("too-big"))).toBe("Pending");
    expect(eventsFor(c, "too-big")).toEqual([
      { type: "Warning", reason: "VolumeMismatch", message: 'Cannot bind to requested volume "tiny": requested PV is too small', source: { component: "persistentvolume-controller" } },
    ]);
  });

  it("binds a volume pre-bound to a claim by its claimRef", () => {
    const c = sandbox();
    create(c, pvPath(), volume("reserved", { capacity: "1Gi", claimRef: { namespace: "default", name: "data" } }));
    create(c, pvPath(), volume("smaller", { capacity: "1Gi" }));
    create(c, pvcPath(), claim("data"));
    c.step();
    expect(c.get(pvcPath("data")).spec.volumeName).toBe("reserved");
  });
});

describe("reclaiming", () => {
  function boundPair(c: Sandbox, v: VolumeOptions) {
    create(c, pvPath(), volume("pv1", v));
    create(c, pvcPath(), claim("data"));
    c.step();
    expect(phase(c, pvcPath("data"))).toBe("Bound");
  }

  it("keeps a Retain volume as Released with its claimRef", () => {
    const c = sandbox();
    boundPair(c, { policy: "Retain" });
    expect(c.request("DELETE", pvcPath("data")).status).toBe(200);
    c.step();
    expect(c.request("GET", pvcPath("data")).status).toBe(404);
    const pv = c.get(pvPath("pv1"));
    expect(pv.status.phase).toBe("Released");
    expect(pv.spec.claimRef.name).toBe("data");
  });

  it("deletes a Delete hostPath volume under /tmp", () => {
    const c = sandbox();
    boundPair(c, { policy: "Delete", path: "/tmp/data" });
    expect(c.request("DELETE", pvcPath("data")).status).toBe(200);
    c.step();
    expect(c.request("GET", pvPath("pv1")).status).toBe(404);
  });

  it("fails a Delete hostPath volume elsewhere, as the host_path deleter does", () => {
    const c = sandbox();
    boundPair(c, { policy: "Delete", path: "/mnt/data" });
    expect(c.request("DELETE", pvcPath("data")).status).toBe(200);
    c.step();
    const pv = c.get(pvPath("pv1"));
    expect(pv.status).toMatchObject({ phase: "Failed", message: "host_path deleter only supports /tmp/.+ but received provided /mnt/data" });
    expect(eventsFor(c, "pv1", "default")).toEqual([
      { type: "Warning", reason: "VolumeFailedDelete", message: "host_path deleter only supports /tmp/.+ but received provided /mnt/data", source: { component: "persistentvolume-controller" } },
    ]);
  });

  it("makes a volume Available again once its claimRef is removed", () => {
    const c = sandbox();
    boundPair(c, { policy: "Retain" });
    expect(c.request("DELETE", pvcPath("data")).status).toBe(200);
    c.step();
    const pv = c.get(pvPath("pv1"));
    delete pv.spec.claimRef;
    expect(c.request("PUT", pvPath("pv1"), pv).status).toBe(200);
    c.step();
    expect(phase(c, pvPath("pv1"))).toBe("Available");
  });
});

describe("protection", () => {
  it("keeps a claim in use by a scheduled pod until the pod is gone", () => {
    const c = sandbox();
    create(c, pvPath(), volume("pv1", { policy: "Retain" }));
    create(c, pvcPath(), claim("data"));
    create(c, podPath(), pod("user", { node: "node01", claims: ["data"] }));
    c.step();
    expect(c.request("DELETE", pvcPath("data")).status).toBe(200);
    c.step();
    const terminating = c.get(pvcPath("data"));
    expect(terminating.metadata.deletionTimestamp).toBeDefined();
    expect(terminating.metadata.finalizers).toEqual(["kubernetes.io/pvc-protection"]);
    c.cluster.store.delete("pods", "default", "user");
    c.step();
    expect(c.request("GET", pvcPath("data")).status).toBe(404);
    expect(phase(c, pvPath("pv1"))).toBe("Released");
  });

  it("keeps a bound volume until its claim is gone", () => {
    const c = sandbox();
    create(c, pvPath(), volume("pv1", { policy: "Retain" }));
    create(c, pvcPath(), claim("data"));
    c.step();
    expect(c.request("DELETE", pvPath("pv1")).status).toBe(200);
    c.step();
    expect(c.get(pvPath("pv1")).metadata.finalizers).toEqual(["kubernetes.io/pv-protection"]);
    expect(c.request("DELETE", pvcPath("data")).status).toBe(200);
    c.step();
    expect(c.request("GET", pvPath("pv1")).status).toBe(404);
  });
});

describe("dynamic provisioning through the local-path `standard` class (WaitForFirstConsumer)", () => {
  const LOCAL_PATH_SOURCE = /^rancher\.io\/local-path_local-path-provisioner-[a-z0-9]{10}-[a-z0-9]{5}_[0-9a-f-]{36}$/;

  it("waits for a consumer, then provisions pvc-<uid> on the node the scheduler chose and binds it", () => {
    const c = sandbox({ scheduler: true });
    const pvc = create(c, pvcPath(), claim("data", { className: null }));
    expect(pvc.spec.storageClassName).toBe("standard");
    c.step();
    c.step(10_000);
    expect(phase(c, pvcPath("data"))).toBe("Pending");
    expect(eventsFor(c, "data")).toEqual([{ type: "Normal", reason: "WaitForFirstConsumer", message: "waiting for first consumer to be created before binding", source: { component: "persistentvolume-controller" } }]);

    create(c, podPath(), pod("user", { claims: ["data"] }));
    const wake = c.step();
    // The scheduler picks a node for the pod and asks for the volume there; the pod waits for it.
    const node = c.get(pvcPath("data")).metadata.annotations["volume.kubernetes.io/selected-node"];
    expect(node).toMatch(/^node0[12]$/);
    expect(c.get(pvcPath("data")).metadata.annotations).toEqual({
      "volume.kubernetes.io/selected-node": node,
      "volume.beta.kubernetes.io/storage-provisioner": "rancher.io/local-path",
      "volume.kubernetes.io/storage-provisioner": "rancher.io/local-path",
    });
    expect(reasons(c, "data")).toEqual(["WaitForFirstConsumer", "ExternalProvisioning", "Provisioning"]);
    expect(wake! - c.nowMs).toBeGreaterThanOrEqual(1500);
    expect(wake! - c.nowMs).toBeLessThan(3500);
    expect(phase(c, pvcPath("data"))).toBe("Pending");

    c.step(wake! - c.nowMs);
    const name = `pvc-${pvc.metadata.uid}`;
    const pv = c.get(pvPath(name));
    expect(pv.metadata.annotations).toEqual({ "local.path.provisioner/selected-node": node, "pv.kubernetes.io/provisioned-by": "rancher.io/local-path" });
    expect(pv.spec).toMatchObject({
      accessModes: ["ReadWriteOnce"],
      capacity: { storage: "1Gi" },
      claimRef: { apiVersion: "v1", kind: "PersistentVolumeClaim", name: "data", namespace: "default", uid: pvc.metadata.uid },
      hostPath: { path: `/var/local-path-provisioner/${name}_default_data`, type: "DirectoryOrCreate" },
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: [node] }] }] } },
      persistentVolumeReclaimPolicy: "Delete",
      storageClassName: "standard",
      volumeMode: "Filesystem",
    });
    expect(pv.status.phase).toBe("Bound");
    const bound = c.get(pvcPath("data"));
    expect(bound.spec.volumeName).toBe(name);
    expect(bound.status).toEqual({ phase: "Bound", accessModes: ["ReadWriteOnce"], capacity: { storage: "1Gi" } });
    expect(c.get(podPath("user")).spec.nodeName).toBe(node);
    const events = eventsFor(c, "data");
    expect(events.map((e) => e.reason)).toEqual(["WaitForFirstConsumer", "ExternalProvisioning", "Provisioning", "ProvisioningSucceeded"]);
    expect(events[1].message).toBe(
      "Waiting for a volume to be created either by the external provisioner 'rancher.io/local-path' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
    );
    expect(events[2].message).toBe('External provisioner is provisioning volume for claim "default/data"');
    expect(events[3].message).toBe(`Successfully provisioned volume ${name}`);
    expect(events[3].source.component).toMatch(LOCAL_PATH_SOURCE);
  });

  it("deletes the provisioned volume with its claim (reclaimPolicy Delete)", () => {
    const c = sandbox({ scheduler: true });
    const pvc = create(c, pvcPath(), claim("data", { className: "standard" }));
    create(c, podPath(), pod("user", { claims: ["data"] }));
    c.step();
    c.step(5000);
    expect(phase(c, pvcPath("data"))).toBe("Bound");
    c.cluster.store.delete("pods", "default", "user");
    expect(c.request("DELETE", pvcPath("data")).status).toBe(200);
    c.step();
    expect(c.request("GET", pvcPath("data")).status).toBe(404);
    expect(c.request("GET", pvPath(`pvc-${pvc.metadata.uid}`)).status).toBe(404);
  });

  it("binds a matching static volume of the class, pre-bound by the scheduler, instead of provisioning", () => {
    const c = sandbox({ scheduler: true });
    create(c, pvPath(), volume("local", { className: "standard", capacity: "2Gi" }));
    create(c, pvcPath(), claim("data", { className: "standard" }));
    c.step();
    expect(phase(c, pvcPath("data"))).toBe("Pending");
    create(c, podPath(), pod("user", { claims: ["data"] }));
    c.step();
    const bound = c.get(pvcPath("data"));
    expect(bound.spec.volumeName).toBe("local");
    expect(bound.metadata.annotations).toEqual({ "pv.kubernetes.io/bind-completed": "yes", "pv.kubernetes.io/bound-by-controller": "yes" });
    expect(reasons(c, "data")).toEqual(["WaitForFirstConsumer"]);
  });

  it("leaves the claim of a pod that names its node (bypassing the scheduler) Pending", () => {
    const c = sandbox({ scheduler: true });
    create(c, pvcPath(), claim("data", { className: "standard" }));
    create(c, podPath(), pod("pinned", { node: "node01", claims: ["data"] }));
    c.step();
    c.step(60_000);
    expect(phase(c, pvcPath("data"))).toBe("Pending");
    expect(reasons(c, "data")).toEqual(["WaitForFirstConsumer"]);
  });
});

describe("an Immediate class", () => {
  it("provisions at once, without a pod", () => {
    const c = sandbox();
    create(c, scPath(), { apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata: { name: "instant" }, provisioner: "rancher.io/local-path", reclaimPolicy: "Retain", volumeBindingMode: "Immediate" });
    const pvc = create(c, pvcPath(), claim("data", { className: "instant" }));
    c.step();
    expect(reasons(c, "data")).toEqual(["ExternalProvisioning", "Provisioning"]);
    c.step(5000);
    const pv = c.get(pvPath(`pvc-${pvc.metadata.uid}`));
    expect(pv.spec.persistentVolumeReclaimPolicy).toBe("Retain");
    expect(pv.spec.nodeAffinity).toBeUndefined();
    expect(phase(c, pvcPath("data"))).toBe("Bound");
  });

  it("waits on a provisioner nobody runs", () => {
    const c = sandbox();
    create(c, scPath(), { apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata: { name: "ebs" }, provisioner: "ebs.csi.aws.com", volumeBindingMode: "Immediate" });
    create(c, pvcPath(), claim("data", { className: "ebs" }));
    c.step();
    c.step(60_000);
    expect(phase(c, pvcPath("data"))).toBe("Pending");
    expect(eventsFor(c, "data").map((e) => e.message)).toEqual([
      "Waiting for a volume to be created either by the external provisioner 'ebs.csi.aws.com' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
    ]);
  });
});
