// kubectl's JSONPath, go-template, custom-columns and table printers on small objects. Every expected
// text was printed by kubectl 1.32 for a ConfigMap `small` (data a=1) or the deployments `web` (3
// replicas) and `api` (1 replica) of a test sandbox, except where a test says it derives a Go rule.
import { describe, expect, it } from "vitest";
import { JsonPathPrinter } from "../../../src/engine/kubectl/printers/jsonpath";
import { GoTemplatePrinter } from "../../../src/engine/kubectl/printers/go-template";
import { customColumnsFromSpec, customColumnsFromTemplate } from "../../../src/engine/kubectl/printers/custom-columns";
import { TablePrinter, type Table } from "../../../src/engine/kubectl/printers/table";
import { newTableTabWriter } from "../../../src/engine/kubectl/printers/tabwriter";
import { formatFloatG } from "../../../src/engine/kubectl/printers/gofmt";
import { goSort } from "../../../src/engine/machinery/gosort";
import { KubectlError } from "../../../src/engine/kubectl/command";

const sink = () => {
  let text = "";
  return { write: (t: string) => void (text += t), get text() { return text; } };
};

const small = { apiVersion: "v1", kind: "ConfigMap", data: { a: "1" }, metadata: { name: "small" } };
const deployments = {
  apiVersion: "v1",
  kind: "List",
  metadata: { resourceVersion: "" },
  items: [
    { kind: "Deployment", metadata: { name: "api", labels: { app: "api" } }, spec: { replicas: 1, template: { spec: { containers: [{ image: "nginx" }] } } } },
    { kind: "Deployment", metadata: { name: "web", labels: { app: "web" } }, spec: { replicas: 3, template: { spec: { containers: [{ image: "nginx" }] } } } },
  ],
};

function jsonpath(template: string, obj: unknown, opts = {}): string {
  const out = sink();
  new JsonPathPrinter(template, opts).print(obj, out);
  return out.text;
}

function errorOf(f: () => void): string {
  try {
    f();
  } catch (e) {
    if (e instanceof KubectlError) return e.message;
    throw e;
  }
  throw new Error("expected an error");
}

describe("jsonpath", () => {
  it("prints fields, ranges, text and JSON for maps", () => {
    expect(jsonpath("{.items[*].metadata.name}", deployments)).toBe("api web");
    expect(jsonpath('{range .items[*]}{.metadata.name}{"\\t"}{.spec.replicas}{"\\n"}{end}', deployments)).toBe("api\t1\nweb\t3\n");
    expect(jsonpath('{.metadata.name}{"\\t"}{.data}{"\\n"}', small)).toBe('small\t{"a":"1"}\n');
    expect(jsonpath("{range .data}{@}{end}", small)).toBe('{"a":"1"}');
    expect(jsonpath("{.data..a}", small)).toBe("1");
  });

  it("filters, slices and unions", () => {
    expect(jsonpath('{.items[?(@.metadata.labels.app=="web")].metadata.name}', deployments)).toBe("web");
    expect(jsonpath("{.items[?(@.spec.replicas>1)].metadata.name}", deployments)).toBe("web");
    expect(jsonpath("{.items[-1:].metadata.name}", deployments)).toBe("web");
    expect(jsonpath("{.items[0:2].metadata.name}", deployments)).toBe("api web");
    expect(jsonpath("{.metadata['name','namespace']}", { metadata: { name: "web", namespace: "default" } })).toBe("web default");
  });

  it("allows missing keys by default and reports them when told not to", () => {
    expect(jsonpath("{.data.b}", small)).toBe("");
    expect(errorOf(() => jsonpath("{.data.b}", small, { allowMissingKeys: false }))).toContain("Error executing template: b is not found.");
  });

  it("words parse errors like kubectl", () => {
    expect(errorOf(() => jsonpath("{.data.a", small))).toBe("error parsing jsonpath {.data.a, unclosed action");
    expect(errorOf(() => jsonpath("{#}", small))).toBe("error parsing jsonpath {#}, unrecognized character in action: U+0023 '#'");
  });

  it("words execution errors like kubectl, with the object dumped as Go's %#v", () => {
    expect(errorOf(() => jsonpath("{.data[5]}", small))).toBe(
      'error executing jsonpath "{.data[5]}": Error executing template: map[string]interface {} is not array or slice. Printing more information for debugging the template:\n\ttemplate was:\n\t\t{.data[5]}\n\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{"apiVersion":"v1", "data":map[string]interface {}{"a":"1"}, "kind":"ConfigMap", "metadata":map[string]interface {}{"name":"small"}}\n\n\n',
    );
    expect(errorOf(() => jsonpath("{.x}{end}", small))).toContain("Error executing template: not in range, nothing to end.");
    expect(errorOf(() => jsonpath("{.data.a[?(@.x==1)]}", small))).toContain("Error executing template: 1 is not array or slice and cannot be filtered.");
  });

  it("iterates a string's bytes with * (a Go reflect quirk kubectl has)", () => {
    expect(jsonpath("{.metadata.name.*}", small)).toBe("115 109 97 108 108");
  });
});

describe("go-template", () => {
  function template(t: string, obj: unknown): string {
    const out = sink();
    new GoTemplatePrinter(t).print(obj, out);
    return out.text;
  }

  it("ranges, indexes, formats and compares", () => {
    expect(template('{{range .items}}{{.metadata.name}} {{.spec.replicas}}{{"\\n"}}{{end}}', deployments)).toBe("api 1\nweb 3\n");
    const web = deployments.items[1];
    expect(template('{{index .metadata.labels "app"}} {{len .spec.template.spec.containers}} {{printf "%s-%v" .metadata.name .spec.replicas}}', web)).toBe("web 1 web-3");
    expect(template('{{if eq .metadata.name "web"}}yes{{else}}no{{end}} {{with .spec}}{{.replicas}}{{end}}', web)).toBe("yes 3");
    expect(template("{{eq .spec.replicas 3}}", web)).toBe("true");
    expect(template('{{.spec.replicas | printf "%5d|%-4s|%q"  "ab" }}', web)).toBe("%!d(string=   ab)|%!s(int64=3   )|%!q(MISSING)");
    expect(template("{{range $k, $v := .metadata.labels}}{{$k}}={{$v}};{{end}}", web)).toBe("app=web;");
    expect(template("{{- .metadata.name -}}   {{/* c */}} {{.kind}}", web)).toBe("web Deployment");
  });

  it("prints <no value> for missing keys and nulls", () => {
    expect(template("{{.metadata.missing}} {{.metadata.missing.x}} {{.spec.x}}", { metadata: {}, spec: { x: null } })).toBe("<no value> <no value> <no value>");
  });

  it("prints what ran, then kubectl's debugging text, and fails", () => {
    const out = sink();
    const p = new GoTemplatePrinter("a{{ .metadata.name.x }}");
    expect(() => p.print({ metadata: { name: "web" } }, out)).toThrow('error executing template "a{{ .metadata.name.x }}": template: output:1:13: executing "output" at <.metadata.name.x>: can\'t evaluate field x in type interface {}');
    expect(out.text).toBe(
      'aError executing template: template: output:1:13: executing "output" at <.metadata.name.x>: can\'t evaluate field x in type interface {}. Printing more information for debugging the template:\n\ttemplate was:\n\t\ta{{ .metadata.name.x }}\n\traw data was:\n\t\t{"metadata":{"name":"web"}}\n\tobject given to template engine was:\n\t\tmap[metadata:map[name:web]]\n\n',
    );
  });

  it("rejects unknown functions when parsing", () => {
    expect(errorOf(() => new GoTemplatePrinter("{{ foo }}"))).toBe('error parsing template {{ foo }}, template: output:1: function "foo" not defined');
  });
});

describe("custom-columns", () => {
  it("prints headers, <none> for missing fields and joins several values", () => {
    const out = sink();
    const w = newTableTabWriter(out);
    customColumnsFromSpec("NAME:.metadata.name,X:.foo,IMG:.spec.template.spec.containers[*].image").print(deployments, w);
    w.flush();
    expect(out.text).toBe("NAME   X        IMG\napi    <none>   nginx\nweb    <none>   nginx\n");
  });

  it("rejects malformed specs like kubectl", () => {
    expect(errorOf(() => customColumnsFromSpec("NAME"))).toBe("unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>");
    expect(errorOf(() => customColumnsFromSpec(""))).toBe("custom-columns format specified but no custom columns given");
    expect(errorOf(() => customColumnsFromTemplate("A B\n.a\n"))).toBe("number of headers (2) and field specifications (1) don't match");
  });
});

describe("the table printer", () => {
  const table: Table = {
    kind: "Table",
    apiVersion: "meta.k8s.io/v1",
    columnDefinitions: [
      { name: "Name", type: "string", format: "name" },
      { name: "Ready", type: "string" },
      { name: "Containers", type: "string", priority: 1 },
    ],
    rows: [
      { cells: ["web", "3/3", "nginx"], object: { metadata: { name: "web", namespace: "default", labels: { app: "web" } } } },
      { cells: ["api-long-name", "1/1", "nginx"], object: { metadata: { name: "api-long-name", namespace: "default", labels: {} } } },
    ],
  };

  function print(opts: ConstructorParameters<typeof TablePrinter>[0]): string {
    const out = sink();
    const w = newTableTabWriter(out);
    new TablePrinter(opts).print(table, w);
    w.flush();
    return out.text;
  }

  it("pads columns by three spaces (at least six wide) and hides priority columns unless wide", () => {
    expect(print({})).toBe("NAME            READY\nweb             3/3\napi-long-name   1/1\n");
    expect(print({ wide: true })).toBe("NAME            READY   CONTAINERS\nweb             3/3     nginx\napi-long-name   1/1     nginx\n");
  });

  it("adds NAMESPACE, label columns, LABELS and kind/ names", () => {
    expect(print({ withNamespace: true, columnLabels: ["app"], showLabels: true, withKind: true, kind: "Deployment.apps" })).toBe(
      "NAMESPACE   NAME                            READY   APP   LABELS\ndefault     deployment.apps/web             3/3     web   app=web\ndefault     deployment.apps/api-long-name   1/1           <none>\n",
    );
  });

  it("prints an EVENT column for watch events and no header for an empty table", () => {
    const out = sink();
    const w = newTableTabWriter(out);
    const p = new TablePrinter({});
    p.print({ ...table, rows: [] }, w);
    p.print(table, w, "ADDED");
    w.flush();
    expect(out.text).toBe("EVENT      NAME            READY\nADDED      web             3/3\nADDED      api-long-name   1/1\n");
  });
});

describe("Go formatting and sorting", () => {
  it("formats floats like strconv 'g'", () => {
    expect(formatFloatG(1000000)).toBe("1e+06");
    expect(formatFloatG(123456.5)).toBe("123456.5");
    expect(formatFloatG(0.00001)).toBe("1e-05");
    expect(formatFloatG(1.5)).toBe("1.5");
  });

  it("sorts like Go's sort.Sort: insertion sort (stable) up to 12 elements, pdqsort beyond", () => {
    const keys = [3, 1, 2, 1, 3, 2];
    const idx = goSort(keys.map((_, i) => i), (i, j) => keys[i] < keys[j]);
    expect(idx).toEqual([1, 3, 2, 5, 0, 4]);
    const many = Array.from({ length: 100 }, (_, i) => (i * 37) % 100);
    const order = goSort(many.map((_, i) => i), (i, j) => many[i] < many[j]);
    expect(order.map((i) => many[i])).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });
});
