// kubectl config against the sandbox's kubeconfig file. Expected outputs were taken from kubectl 1.32.5
// run on a copy of the same kubeconfig (`--kubeconfig`), including the file it wrote back.
import { describe, expect, it } from "vitest";
import { kubectlTester } from "../../support/kubectl-env";

const KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
  - name: kubeplay-30b56866
    cluster:
      server: https://127.0.0.1:24443/clusters/30b56866
      insecure-skip-tls-verify: true
contexts:
  - name: kubeplay-30b56866
    context:
      cluster: kubeplay-30b56866
      user: kubeplay-30b56866
      namespace: default
current-context: kubeplay-30b56866
users:
  - name: kubeplay-30b56866
    user:
      token: kp.secret
preferences: {}
`;

function setup() {
  const t = kubectlTester();
  t.files.set("/root/.kube/config", KUBECONFIG);
  return t;
}

describe("kubectl config", () => {
  it("views the config with the token redacted, or raw", async () => {
    const t = setup();
    const view = (token: string) => `apiVersion: v1
clusters:
- cluster:
    insecure-skip-tls-verify: true
    server: https://127.0.0.1:24443/clusters/30b56866
  name: kubeplay-30b56866
contexts:
- context:
    cluster: kubeplay-30b56866
    namespace: default
    user: kubeplay-30b56866
  name: kubeplay-30b56866
current-context: kubeplay-30b56866
kind: Config
preferences: {}
users:
- name: kubeplay-30b56866
  user:
    token: ${token}
`;
    expect(await t.kubectl("config view")).toEqual({ stdout: view("REDACTED"), stderr: "", exitCode: 0 });
    expect((await t.kubectl("config view --minify")).stdout).toBe(view("REDACTED"));
    expect((await t.kubectl("config view --raw")).stdout).toBe(view("kp.secret"));
    expect((await t.kubectl(["config", "view", "-o", "jsonpath={.users[*].name}"])).stdout).toBe("kubeplay-30b56866");
  });

  it("prints JSON in the v1 Config's field order", async () => {
    const t = setup();
    const r = await t.kubectl("config view -o json");
    expect(r.stdout.split("\n").slice(0, 5).join("\n")).toBe('{\n    "kind": "Config",\n    "apiVersion": "v1",\n    "preferences": {},\n    "clusters": [');
    expect(r.stdout.endsWith('    "current-context": "kubeplay-30b56866"\n}\n')).toBe(true);
  });

  it("switches namespaces with set-context --current and lists contexts", async () => {
    const t = setup();
    expect((await t.kubectl("config set-context --current --namespace=kube-system")).stdout).toBe('Context "kubeplay-30b56866" modified.\n');
    expect((await t.kubectl("config set-context dev --cluster=x --user=y")).stdout).toBe('Context "dev" created.\n');
    expect((await t.kubectl("config get-contexts")).stdout).toBe(
      "CURRENT   NAME                CLUSTER             AUTHINFO            NAMESPACE\n" +
        "          dev                 x                   y                   \n" +
        "*         kubeplay-30b56866   kubeplay-30b56866   kubeplay-30b56866   kube-system\n",
    );
    expect((await t.kubectl("config get-contexts -o name")).stdout).toBe("dev\nkubeplay-30b56866\n");
    // Other commands now use the namespace the context names.
    expect((await t.kubectl("logs nope")).stderr).toBe('error: error from server (NotFound): pods "nope" not found in namespace "kube-system"\n');
    // The file is rewritten the way clientcmd writes it: sorted keys, go-yaml's list style and quoting ("y" reads as a bool in YAML 1.1).
    expect(t.files.get("/root/.kube/config")).toContain("contexts:\n- context:\n    cluster: x\n    user: \"y\"\n  name: dev\n- context:\n    cluster: kubeplay-30b56866\n    namespace: kube-system\n");
  });

  it("uses, renames and deletes contexts with kubectl's messages", async () => {
    const t = setup();
    expect(await t.kubectl("config use-context nope")).toEqual({ stdout: "", stderr: 'error: no context exists with the name: "nope"\n', exitCode: 1 });
    await t.kubectl("config set-context dev --cluster=x --user=y");
    expect((await t.kubectl("config use-context dev")).stdout).toBe('Switched to context "dev".\n');
    expect((await t.kubectl("config current-context")).stdout).toBe("dev\n");
    expect((await t.kubectl("config rename-context dev dev2")).stdout).toBe('Context "dev" renamed to "dev2".\n');
    expect(await t.kubectl("config delete-context dev2")).toEqual({
      stdout: "deleted context dev2 from /root/.kube/config\n",
      stderr: 'warning: this removed your active context, use "kubectl config use-context" to select a different one\n',
      exitCode: 0,
    });
    expect(await t.kubectl("config get-contexts nope")).toEqual({ stdout: "CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n", stderr: "error: context nope not found\n", exitCode: 1 });
  });

  it("sets and unsets properties", async () => {
    const t = setup();
    expect((await t.kubectl("config set clusters.foo.server https://x")).stdout).toBe('Property "clusters.foo.server" set.\n');
    expect((await t.kubectl("config get-clusters")).stdout).toBe("NAME\nfoo\nkubeplay-30b56866\n");
    expect((await t.kubectl("config unset clusters.foo")).stdout).toBe('Property "clusters.foo" unset.\n');
    expect((await t.kubectl("config set foo bar")).stderr).toBe("error: unable to parse foo after [] at api.Config\n");
  });

  it("shows an empty config like clientcmd", async () => {
    const t = setup();
    t.files.delete("/root/.kube/config");
    expect((await t.kubectl("config view")).stdout).toBe('apiVersion: v1\nclusters: null\ncontexts: null\ncurrent-context: ""\nkind: Config\npreferences: {}\nusers: null\n');
    expect((await t.kubectl("config current-context")).stderr).toBe("error: current-context is not set\n");
    expect((await t.kubectl("config view --minify")).stderr).toBe("error: current-context must exist in order to minify\n");
  });
});
