// `kubectl create` (generators and -f) against outputs recorded from real kubectl 1.32.5: every case
// in fixtures/create-recorded.ts runs through the emulation with the same files in the working
// directory, and must print the same stdout and stderr with the same exit code.
import { describe, expect, it } from "vitest";
import { kubectlTester } from "../../support/kubectl-env";
import { CREATE_RECORDED } from "./fixtures/create-recorded";
import { WORK_FILES } from "./fixtures/work-files";

describe("kubectl create, as recorded from kubectl 1.32", () => {
  const t = kubectlTester();
  for (const [path, text] of Object.entries(WORK_FILES)) t.files.set(path, text);
  for (const c of CREATE_RECORDED.filter((c) => c.argv[0] === "create")) {
    it(c.argv.join(" "), async () => {
      const r = await t.kubectl(c.argv);
      expect({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }).toEqual({ stdout: c.stdout, stderr: c.stderr, exitCode: c.exitCode });
    });
  }
});

describe("kubectl create generators, beyond the recorded cases", () => {
  it("-o jsonpath prints from the client-built object (kubectl 1.32 prints `nginx`)", async () => {
    const t = kubectlTester();
    expect(await t.kubectl(["create", "deploy", "web", "--image=nginx", "--dry-run=client", "-o", "jsonpath={.spec.template.spec.containers[0].name}"])).toEqual({ stdout: "nginx", stderr: "", exitCode: 0 });
  });

  it("an image name with `.` or `_` becomes a DNS-safe container name with a 5-character random suffix", async () => {
    // kubectl 1.32 printed e.g. `my-app-v1-h494m busybox` (the suffix is random there, seeded here).
    const t = kubectlTester();
    const r = await t.kubectl(["create", "deployment", "web", "--image=registry.k8s.io/my_app.v1:1.0", "--image=busybox", "--dry-run=client", "-o", "jsonpath={.spec.template.spec.containers[*].name}"]);
    expect(r.stdout).toMatch(/^my-app-v1-[bcdfghjklmnpqrstvwxz2456789]{5} busybox$/);
  });

  it("a bare --dry-run is the deprecated spelling of --dry-run=client, with klog's warning", async () => {
    const t = kubectlTester();
    const r = await t.kubectl("create ns x --dry-run");
    expect(r.stdout).toBe("namespace/x created (dry run)\n");
    expect(r.stderr).toMatch(/^W\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ helpers\.go:702\] --dry-run is deprecated and can be replaced with --dry-run=client\.\n$/);
  });

  it("create secret tls checks that the files hold a certificate and a key", async () => {
    const t = kubectlTester();
    t.files.set("/root/tls.crt", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
    t.files.set("/root/tls.key", "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n");
    const ok = await t.kubectl("create secret tls t1 --cert=tls.crt --key=tls.key --dry-run=client -o yaml");
    expect(ok.stdout).toContain("type: kubernetes.io/tls\n");
    expect(ok.stdout).toContain("  tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUIKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=\n");
    // Go's crypto/tls wording when the certificate file holds only a key.
    expect(await t.kubectl("create secret tls t1 --cert=tls.key --key=tls.key")).toEqual({
      stdout: "",
      stderr: 'error: tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [PRIVATE KEY]\n',
      exitCode: 1,
    });
  });
});
