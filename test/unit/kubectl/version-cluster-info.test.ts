// kubectl version, cluster-info, certificate and the commands a browser sandbox cannot run. Expected
// outputs were taken from kubectl 1.32.5 against the dev server.
import { describe, expect, it } from "vitest";
import { kubectlTester } from "../../support/kubectl-env";

describe("kubectl version", () => {
  const t = kubectlTester();
  it("prints client, kustomize and server versions", async () => {
    expect(await t.kubectl("version")).toEqual({ stdout: "Client Version: v1.32.5\nKustomize Version: v5.5.0\nServer Version: v1.32.2\n", stderr: "", exitCode: 0 });
    expect((await t.kubectl("version --client")).stdout).toBe("Client Version: v1.32.5\nKustomize Version: v5.5.0\n");
  });
  it("prints JSON in the Info struct's order and YAML with sorted keys", async () => {
    const json = (await t.kubectl("version -o json")).stdout;
    expect(json.startsWith('{\n  "clientVersion": {\n    "major": "1",\n    "minor": "32",\n    "gitVersion": "v1.32.5",\n    "gitCommit": "9894294ef13a5b32803e3ca2c0d620a088cc84d1",')).toBe(true);
    expect(json).toContain('  "kustomizeVersion": "v5.5.0",\n  "serverVersion": {\n    "major": "1",\n    "minor": "32",\n    "gitVersion": "v1.32.2",');
    const yaml = (await t.kubectl("version --client -o yaml")).stdout;
    expect(yaml).toBe('clientVersion:\n  buildDate: "2025-05-15T09:12:10Z"\n  compiler: gc\n  gitCommit: 9894294ef13a5b32803e3ca2c0d620a088cc84d1\n  gitTreeState: clean\n  gitVersion: v1.32.5\n  goVersion: go1.23.8\n  major: "1"\n  minor: "32"\n  platform: linux/amd64\nkustomizeVersion: v5.5.0\n\n');
  });
  it("rejects arguments and unknown formats", async () => {
    expect(await t.kubectl("version extra")).toEqual({ stdout: "", stderr: "error: extra arguments: [extra]\n", exitCode: 1 });
    expect((await t.kubectl("version -o foo")).stderr).toBe("error: --output must be 'yaml' or 'json'\n");
  });
});

describe("kubectl cluster-info", () => {
  const t = kubectlTester();
  it("names the control plane and the cluster services", async () => {
    expect(await t.kubectl("cluster-info")).toEqual({
      stdout:
        "Kubernetes control plane is running at https://127.0.0.1:8787/clusters/test\nCoreDNS is running at https://127.0.0.1:8787/clusters/test/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
      stderr: "",
      exitCode: 0,
    });
    expect((await t.kubectl("cluster-info -n default")).stdout).toBe("Kubernetes control plane is running at https://127.0.0.1:8787/clusters/test\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
  });
  it("dumps nodes, namespaced lists and logs, or writes them to a directory", async () => {
    const r = await t.kubectl("cluster-info dump");
    expect(r.stdout.startsWith('{\n    "kind": "NodeList",\n    "apiVersion": "v1",')).toBe(true);
    expect(r.stdout).toContain("==== START logs for container coredns of pod kube-system/coredns-");
    const d = await t.kubectl("cluster-info dump --output-directory=/tmp/dump");
    expect(d.stdout).toBe("Cluster info dumped to /tmp/dump\n");
    expect(t.files.get("/tmp/dump/nodes.json")).toContain('"kind": "NodeList"');
    expect(t.files.has("/tmp/dump/kube-system/pods.json")).toBe(true);
  });
});

describe("kubectl certificate", () => {
  const t = kubectlTester();
  it("needs names, and says what the server does not serve", async () => {
    expect((await t.kubectl("certificate approve")).stderr).toBe("error: one or more CSRs must be specified as <name> or -f <filename>\n");
    expect((await t.kubectl("certificate approve foo")).stderr).toBe('error: the server doesn\'t have a resource type "certificatesigningrequests"\n');
  });
});

describe("commands a browser sandbox cannot run", () => {
  const t = kubectlTester();
  for (const cmd of ["port-forward pod/web 8080:80", "attach web", "proxy", "cp web:/etc/hosts hosts", "debug web -it --image=busybox", "kustomize ."]) {
    it(`kubectl ${cmd} says so in one line and fails`, async () => {
      const r = await t.kubectl(cmd);
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/^error: kubectl [a-z-]+ is not available in the browser sandbox: [^\n]+\n$/);
    });
  }
  it("completion checks its argument like kubectl first", async () => {
    expect((await t.kubectl("completion")).stderr).toBe("error: Shell not specified.\nSee 'kubectl completion -h' for help and examples\n");
    expect((await t.kubectl("completion foo")).stderr).toBe("error: Unsupported shell type \"foo\".\nSee 'kubectl completion -h' for help and examples\n");
  });
  it("plugin list finds no plugins", async () => {
    expect(await t.kubectl("plugin list")).toEqual({ stdout: "", stderr: "error: unable to find any kubectl plugins in your PATH\n", exitCode: 1 });
  });
});
