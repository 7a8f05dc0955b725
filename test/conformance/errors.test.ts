// The exact stderr, stdout and exit code of common mistakes, with every kubectl version. kubectl
// prints a Status as "Error from server (<reason>): <message>" (cmd/util/helpers.go), an Invalid
// Status as "The <Kind> "<name>" is invalid: <causes>", and its own errors as "error: ...".
import { beforeAll, expect, it } from "vitest";
import { hasKubectl, PRIMARY } from "./sandbox";
import { allVersions, describe, lines, sandboxFor, type Env } from "./output";

const versions = allVersions();

const deployment = (name: string, spec: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
${spec}`;

const SELECTOR_MISMATCH = deployment(
  "web",
  `  selector:
    matchLabels: {app: web}
  template:
    metadata: {labels: {app: x}}
    spec:
      containers: [{name: c, image: nginx}]
`,
);

const NO_SELECTOR = deployment(
  "nosel",
  `  template:
    metadata: {labels: {app: x}}
    spec:
      containers: [{name: c, image: nginx}]
`,
);

const UNKNOWN_FIELD = deployment(
  "strict",
  `  foo: 1
  selector:
    matchLabels: {app: strict}
  template:
    metadata: {labels: {app: strict}}
    spec:
      containers: [{name: c, image: nginx}]
`,
);

const fails = (stderr: string) => ({ code: 1, stdout: "", stderr });

describe.skipIf(!hasKubectl())("errors", () => {
  describe.each(versions.length ? versions : [PRIMARY])("kubectl %s", (version) => {
    let env: Env;
    beforeAll(async () => {
      env = await sandboxFor(version);
      await env.k.ok(["create", "deployment", "exists", "--image=nginx"]);
      await env.k.ok(["create", "namespace", "taken"]);
    });

    it("an unknown resource type", async () => {
      const [get, explain] = await Promise.all([env.k.run(["get", "foo"]), env.k.run(["explain", "foo"])]);
      expect(get).toEqual(fails('error: the server doesn\'t have a resource type "foo"\n'));
      // explain reports the RESTMapper's NoResourceMatchError, which checkErr prints without "error: ".
      expect(explain).toEqual(fails('the server doesn\'t have a resource type "foo"\n'));
    });

    it("NotFound for get, describe and delete; an empty namespace is not an error", async () => {
      const [pod, deploy, describePod, del, empty] = await Promise.all([
        env.k.run(["get", "pod", "nope"]),
        env.k.run(["get", "deployment", "nope", "-n", "kube-system"]),
        env.k.run(["describe", "pod", "nope"]),
        env.k.run(["delete", "configmap", "nope"]),
        env.k.run(["get", "pods", "-n", "nowhere"]),
      ]);
      expect(pod).toEqual(fails('Error from server (NotFound): pods "nope" not found\n'));
      expect(deploy).toEqual(fails('Error from server (NotFound): deployments.apps "nope" not found\n'));
      expect(describePod).toEqual(fails('Error from server (NotFound): pods "nope" not found\n'));
      expect(del).toEqual(fails('Error from server (NotFound): configmaps "nope" not found\n'));
      expect(empty).toEqual({ code: 0, stdout: "", stderr: "No resources found in nowhere namespace.\n" });
    });

    it("creating in a namespace that does not exist", async () => {
      expect(await env.k.run(["create", "configmap", "x", "-n", "nowhere"])).toEqual(fails('error: failed to create configmap: namespaces "nowhere" not found\n'));
      const cm = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: nowhere\n";
      expect(await env.k.run(["apply", "-f", "-"], { stdin: cm })).toEqual(fails('Error from server (NotFound): error when creating "STDIN": namespaces "nowhere" not found\n'));
    });

    it("AlreadyExists, from a generator and from a plain create", async () => {
      const [ns, deploy] = await Promise.all([env.k.run(["create", "namespace", "taken"]), env.k.run(["create", "deployment", "exists", "--image=nginx"])]);
      expect(ns).toEqual(fails('Error from server (AlreadyExists): namespaces "taken" already exists\n'));
      expect(deploy).toEqual(fails('error: failed to create deployment: deployments.apps "exists" already exists\n'));
    });

    it("a Deployment whose selector does not match its template labels", async () => {
      const expected = fails('The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`\n');
      expect(await env.k.run(["create", "-f", "-"], { stdin: SELECTOR_MISMATCH })).toEqual(expected);
      expect(await env.k.run(["apply", "-f", "-"], { stdin: SELECTOR_MISMATCH })).toEqual(expected);
      expect(await env.k.run(["get", "deployment", "web"])).toEqual(fails('Error from server (NotFound): deployments.apps "web" not found\n'));
    });

    it("several causes are listed one per line", async () => {
      expect(await env.k.run(["create", "-f", "-"], { stdin: NO_SELECTOR })).toEqual(
        fails(
          lines(
            'The Deployment "nosel" is invalid: ',
            "* spec.selector: Required value",
            '* spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`',
          ),
        ),
      );
    });

    it("changing an immutable field", async () => {
      const r = await env.k.run(["patch", "deployment", "exists", "-p", '{"spec":{"selector":{"matchLabels":{"app":"other"}}}}']);
      expect(r).toEqual(
        fails(
          lines(
            'The Deployment "exists" is invalid: ',
            '* spec.template.metadata.labels: Invalid value: map[string]string{"app":"exists"}: `selector` does not match template `labels`',
            '* spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"other"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
          ),
        ),
      );
    });

    it("a Pod without an image", async () => {
      const pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: noimage\nspec:\n  containers: [{name: c}]\n";
      expect(await env.k.run(["create", "-f", "-"], { stdin: pod })).toEqual(fails('The Pod "noimage" is invalid: spec.containers[0].image: Required value\n'));
    });

    it("an unknown field is rejected by strict validation (kubectl's default), warned about or ignored on request", async () => {
      expect(await env.k.run(["create", "-f", "-"], { stdin: UNKNOWN_FIELD })).toEqual(
        fails('Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.foo"\n'),
      );
      expect(await env.k.run(["create", "-f", "-", "--validate=warn"], { stdin: UNKNOWN_FIELD })).toEqual({ code: 0, stdout: "deployment.apps/strict created\n", stderr: 'Warning: unknown field "spec.foo"\n' });
      expect(await env.k.run(["apply", "-f", "-", "--validate=false"], { stdin: UNKNOWN_FIELD.replace("name: strict", "name: lax") })).toEqual({ code: 0, stdout: "deployment.apps/lax created\n", stderr: "" });
    });

    it("a kind that does not exist in the apiVersion", async () => {
      const typo = "apiVersion: apps/v1\nkind: Deploymnet\nmetadata:\n  name: typo\n";
      expect(await env.k.run(["apply", "-f", "-"], { stdin: typo })).toEqual(
        fails(lines('error: resource mapping not found for name: "typo" namespace: "" from "STDIN": no matches for kind "Deploymnet" in version "apps/v1"', "ensure CRDs are installed first")),
      );
    });

    it("a field selector the kind does not support, and one that does not parse", async () => {
      const [pods, cms, job, unparsable] = await Promise.all([
        env.k.run(["get", "pods", "--field-selector=foo=bar"]),
        env.k.run(["get", "configmaps", "--field-selector=data.x=1"]),
        env.k.run(["get", "jobs", "--field-selector=spec.parallelism=1"]),
        env.k.run(["get", "pods", "--field-selector=status.phase"]),
      ]);
      expect(pods).toEqual(fails('Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "foo=bar": field label not supported: foo\n'));
      expect(cms).toEqual(
        fails('Error from server (BadRequest): Unable to find "/v1, Resource=configmaps" that match label selector "", field selector "data.x=1": "data.x" is not a known field selector: only "metadata.name", "metadata.namespace"\n'),
      );
      expect(job).toEqual(fails('Error from server (BadRequest): Unable to find "batch/v1, Resource=jobs" that match label selector "", field selector "spec.parallelism=1": field label "spec.parallelism" not supported for batchv1.Job\n'));
      expect(unparsable).toEqual(fails('Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "status.phase": invalid selector: \'status.phase\'; can\'t understand \'status.phase\'\n'));
    });

    it("a label selector that does not parse", async () => {
      expect(await env.k.run(["get", "pods", "-l", "tier in (a,b"])).toEqual(
        fails('Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "tier in (a,b", field selector "": unable to parse requirement: found \'\', expected: \',\' or \')\'\n'),
      );
    });

    it("a label value that is a number (YAML 5, not \"5\") is refused by kubectl's decoder", async () => {
      const cm = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: numeric\n  labels:\n    tier: 5\n";
      const expected = fails('error: unable to decode "STDIN": json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string\n');
      expect(await env.k.run(["create", "-f", "-"], { stdin: cm })).toEqual(expected);
      expect(await env.k.run(["apply", "-f", "-"], { stdin: cm })).toEqual(expected);
    });

    it("a label value the server rejects", async () => {
      const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: badlabel\n  labels:\n    tier: "-web-"\n';
      expect(await env.k.run(["create", "-f", "-"], { stdin: cm })).toEqual(
        fails(
          `The ConfigMap "badlabel" is invalid: metadata.labels: Invalid value: "-web-": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n`,
        ),
      );
    });

    it("an invalid object name", async () => {
      expect(await env.k.run(["create", "configmap", "Bad_Name"])).toEqual(
        fails(
          `error: failed to create configmap: ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n`,
        ),
      );
    });

    it("Forbidden for an impersonated user without the permission", async () => {
      const r = await env.k.run(["get", "pods", "--as=jane"]);
      expect(r).toEqual(fails('Error from server (Forbidden): pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "default"\n'));
      expect(await env.k.run(["auth", "can-i", "list", "pods", "--as=jane"])).toEqual({ code: 1, stdout: "no\n", stderr: "" });
      const del = await env.k.run(["delete", "deployment", "exists", "--as=system:serviceaccount:default:default"]);
      expect(del).toEqual(
        fails('Error from server (Forbidden): deployments.apps "exists" is forbidden: User "system:serviceaccount:default:default" cannot delete resource "deployments" in API group "apps" in the namespace "default"\n'),
      );
    });
  });
});
