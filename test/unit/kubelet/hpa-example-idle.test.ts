// The HorizontalPodAutoscaler walkthrough (kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale-walkthrough):
// php-apache (registry.k8s.io/hpa-example, 200m CPU requested) idles at about 1m CPU, so the HPA shows
// `cpu: 0%/50%` and keeps one replica until load arrives.
import { expect, test } from "vitest";
import { testCluster } from "../../support/cluster";
import { workloadUsage } from "../../../src/engine/kubelet/workloads";

const phpApache = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "php-apache" },
  spec: {
    selector: { matchLabels: { run: "php-apache" } },
    template: {
      metadata: { labels: { run: "php-apache" } },
      spec: { containers: [{ name: "php-apache", image: "registry.k8s.io/hpa-example", ports: [{ containerPort: 80 }], resources: { limits: { cpu: "500m" }, requests: { cpu: "200m" } } }] },
    },
  },
};

test("an idle php-apache container uses about 1m CPU", () => {
  const pod = { apiVersion: "v1", kind: "Pod", metadata: { name: "php-apache-x", namespace: "default" }, spec: phpApache.spec.template.spec };
  expect(workloadUsage(pod, "php-apache")?.cpuNanos).toBe(1e6);
  expect(workloadUsage({ ...pod, metadata: { ...pod.metadata, annotations: { "kubeplay.dev/cpu-usage": "400m" } } }, "php-apache")?.cpuNanos).toBe(4e8);
});

test.each(["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8"])("kubectl autoscale php-apache --cpu-percent=50: idle, the HPA reads zero utilization and keeps 1 replica (seed %s)", (seed) => {
  const c = testCluster({ seed });
  expect(c.request("POST", "/apis/apps/v1/namespaces/default/deployments", phpApache).status).toBe(201);
  c.cluster.advance(c.nowMs, c.nowMs + 60_000);
  c.nowMs += 60_000;
  const hpa = {
    apiVersion: "autoscaling/v2",
    kind: "HorizontalPodAutoscaler",
    metadata: { name: "php-apache" },
    spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "php-apache" }, minReplicas: 1, maxReplicas: 10, metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 50 } } }] },
  };
  expect(c.request("POST", "/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers", hpa).status).toBe(201);
  c.cluster.advance(c.nowMs, c.nowMs + 120_000);
  c.nowMs += 120_000;
  const status = c.get("/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/php-apache").status;
  expect(status.currentMetrics[0].resource.current.averageUtilization).toBe(0);
  expect(status.desiredReplicas).toBe(1);
  expect(c.get("/apis/apps/v1/namespaces/default/deployments/php-apache").spec.replicas).toBe(1);
});
