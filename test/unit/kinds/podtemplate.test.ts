import { describe, expect, test } from "vitest";
import { podTemplate, type PodTemplate } from "../../../src/engine/kinds/core/podtemplate";
import { fieldErrorString } from "../../../src/engine/machinery/field-errors";
import { validatePodTemplateSpec } from "../../../src/engine/kinds/common/pod";

const NOW = Date.UTC(2025, 0, 10, 12, 0, 0);
const pt = (template: Record<string, unknown>): PodTemplate => ({ apiVersion: "v1", kind: "PodTemplate", metadata: { name: "tpl", namespace: "default" }, template });

describe("PodTemplate", () => {
  test("defaults the template like a workload template, with creationTimestamp null", () => {
    const o = pt({ metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "web", image: "nginx" }] } });
    podTemplate.applyDefaults!(o, { nowMs: NOW });
    expect(o.template).toEqual({
      metadata: { labels: { app: "web" }, creationTimestamp: null },
      spec: {
        containers: [
          { name: "web", image: "nginx", imagePullPolicy: "Always", resources: {}, terminationMessagePath: "/dev/termination-log", terminationMessagePolicy: "File" },
        ],
        dnsPolicy: "ClusterFirst",
        restartPolicy: "Always",
        schedulerName: "default-scheduler",
        securityContext: {},
        terminationGracePeriodSeconds: 30,
      },
    });
  });

  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ["requires containers", { spec: {} }, ["template.spec.containers: Required value"]],
    [
      "reports bad template labels under template.labels",
      { metadata: { labels: { app: "-web" } }, spec: { containers: [{ name: "web", image: "nginx" }] } },
      [
        `template.labels: Invalid value: "-web": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      ],
    ],
    [
      "forbids ephemeral containers",
      { spec: { containers: [{ name: "web", image: "nginx" }], ephemeralContainers: [{ name: "dbg", image: "busybox" }] } },
      ["template.spec.ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template"],
    ],
  ];
  test.each(cases)("%s", (_n, template, expected) => {
    const o = pt(template);
    podTemplate.applyDefaults!(o, { nowMs: NOW });
    expect(podTemplate.validate!(o, { nowMs: NOW }).map(fieldErrorString)).toEqual(expected);
  });

  test("allows hostPort 0 under hostNetwork in templates but not other mismatches", () => {
    const errs = validatePodTemplateSpec(
      {
        spec: {
          hostNetwork: true,
          containers: [{ name: "a", image: "nginx", imagePullPolicy: "Always", terminationMessagePolicy: "File", ports: [{ containerPort: 80, protocol: "TCP" }, { containerPort: 81, hostPort: 82, protocol: "TCP" }] }],
          restartPolicy: "Always",
          dnsPolicy: "ClusterFirst",
          terminationGracePeriodSeconds: 30,
        },
      },
      "spec.template",
    ).map(fieldErrorString);
    expect(errs).toEqual(["spec.template.spec.containers[0].ports[1].hostPort: Invalid value: 82: must match `containerPort` when `hostNetwork` is true"]);
  });

  test("prints containers, images and pod labels", () => {
    const o = pt({ metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "a", image: "nginx" }, { name: "b", image: "busybox" }] } });
    expect(podTemplate.printRow(o, { nowMs: NOW })).toEqual(["tpl", "a,b", "nginx,busybox", "app=web"]);
  });
});
