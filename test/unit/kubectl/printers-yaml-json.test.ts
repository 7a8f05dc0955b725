// The YAML and JSON kubectl prints (sigs.k8s.io/yaml over go-yaml v2; encoding/json). Every expected
// text below was printed by kubectl 1.32 (`kubectl get cm edge -o yaml` / `-o json`) for the same data.
import { describe, expect, it } from "vitest";
import { toYaml, yamlKeyLess, YamlPrinter } from "../../../src/engine/kubectl/printers/yaml";
import { toGoJson, JsonPrinter } from "../../../src/engine/kubectl/printers/json";

const sink = () => {
  let text = "";
  return { write: (t: string) => void (text += t), get text() { return text; } };
};

describe("YAML as kubectl prints it", () => {
  it("quotes, folds and blocks strings exactly like kubectl 1.32", () => {
    const data = {
      "at": "@x",
      "bad-oct": "089",
      "base60": "1:20",
      "bin": "0b101",
      "bool": "true",
      "brace": "{a}",
      "bt": "`x",
      "colon": "a: b",
      "colon2": "a:b",
      "cr": "a\rb",
      "dash": "-",
      "dash2": "- x",
      "dashes": "---x",
      "dashx": "-x",
      "date": "2024-01-01",
      "dotnum": ".5",
      "dots": "...",
      "dq": "say \"hi\"",
      "emoji": "😀 hi",
      "empty": "",
      "exp": "1e3",
      "float": "1.5",
      "hash": "a #b",
      "hash2": "a#b",
      "hex": "0x1F",
      "html": "<b>&amp;",
      "inf": ".inf",
      "lead": " x",
      "long": "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq rrrr ssss tttt uuuu vvvv",
      "longd": "true aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp\tqqqq rrrr ssss tttt uuuu vvvv",
      "longq": "'aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq rrrr ssss tttt uuuu vvvv",
      "multi": "line1\nline2\n",
      "multi2": "line1\nline2",
      "multi3": "a\n\n",
      "multi4": "\nlead",
      "multi5": "trail \nx",
      "nbsp": "a b",
      "neg": "-1.5e3",
      "null": "null",
      "num": "123",
      "oct": "0755",
      "on": "ON",
      "pct": "%x",
      "plus": "+1",
      "ques": "?x",
      "quote": "it's",
      "qx": "? x",
      "star": "*x",
      "tab": "a\tb",
      "tilde": "~",
      "trail": "x ",
      "ts": "2024-01-01T10:00:00Z",
      "under": "1_000",
      "uni": "héllo wörld",
      "y": "y",
      "yes": "yes",
    };
    expect(toYaml({ data })).toBe(
      "data:\n" +
      "  at: '@x'\n" +
      "  bad-oct: \"089\"\n" +
      "  base60: \"1:20\"\n" +
      "  bin: \"0b101\"\n" +
      "  bool: \"true\"\n" +
      "  brace: '{a}'\n" +
      "  bt: '`x'\n" +
      "  colon: 'a: b'\n" +
      "  colon2: a:b\n" +
      "  cr: \"a\\rb\"\n" +
      "  dash: '-'\n" +
      "  dash2: '- x'\n" +
      "  dashes: '---x'\n" +
      "  dashx: -x\n" +
      "  date: \"2024-01-01\"\n" +
      "  dotnum: \".5\"\n" +
      "  dots: '...'\n" +
      "  dq: say \"hi\"\n" +
      "  emoji: \"\\U0001F600 hi\"\n" +
      "  empty: \"\"\n" +
      "  exp: \"1e3\"\n" +
      "  float: \"1.5\"\n" +
      "  hash: 'a #b'\n" +
      "  hash2: a#b\n" +
      "  hex: \"0x1F\"\n" +
      "  html: <b>&amp;\n" +
      "  inf: \".inf\"\n" +
      "  lead: ' x'\n" +
      "  long: aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo\n" +
      "    pppp qqqq rrrr ssss tttt uuuu vvvv\n" +
      "  longd: \"true aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn\n" +
      "    oooo pppp\\tqqqq rrrr ssss tttt uuuu vvvv\"\n" +
      "  longq: '''aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn\n" +
      "    oooo pppp qqqq rrrr ssss tttt uuuu vvvv'\n" +
      "  multi: |\n" +
      "    line1\n" +
      "    line2\n" +
      "  multi2: |-\n" +
      "    line1\n" +
      "    line2\n" +
      "  multi3: |+\n" +
      "    a\n" +
      "\n" +
      "  multi4: |2-\n" +
      "\n" +
      "    lead\n" +
      "  multi5: \"trail \\nx\"\n" +
      "  nbsp: a b\n" +
      "  neg: \"-1.5e3\"\n" +
      "  \"null\": \"null\"\n" +
      "  num: \"123\"\n" +
      "  oct: \"0755\"\n" +
      "  \"on\": \"ON\"\n" +
      "  pct: '%x'\n" +
      "  plus: \"+1\"\n" +
      "  ques: ?x\n" +
      "  quote: it's\n" +
      "  qx: '? x'\n" +
      "  star: '*x'\n" +
      "  tab: \"a\\tb\"\n" +
      "  tilde: \"~\"\n" +
      "  trail: 'x '\n" +
      "  ts: \"2024-01-01T10:00:00Z\"\n" +
      "  under: \"1_000\"\n" +
      "  uni: héllo wörld\n" +
      "  \"y\": \"y\"\n" +
      "  \"yes\": \"yes\"\n" +
      "",
    );
  });

  it("sorts keys in go-yaml's natural order (a9 before a10, upper case first)", () => {
    // kubectl 1.32: labels {A: z, a9: "y", a10: x, b-1: q}
    expect(toYaml({ labels: { a10: "x", "b-1": "q", a9: "y", A: "z" } })).toBe('labels:\n  A: z\n  a9: "y"\n  a10: x\n  b-1: q\n');
    expect(yamlKeyLess("a9", "a10")).toBe(true);
    expect(yamlKeyLess("a10", "a9")).toBe(false);
  });

  it("prints empty maps inline, nulls as null, sequences in maps unindented", () => {
    // kubectl 1.32: kubectl create deployment web2 --image=nginx --dry-run=client -o yaml
    const obj = {
      kind: "Deployment",
      apiVersion: "apps/v1",
      metadata: { name: "web2", creationTimestamp: null, labels: { app: "web2" } },
      spec: { replicas: 1, selector: { matchLabels: { app: "web2" } }, template: { metadata: { creationTimestamp: null, labels: { app: "web2" } }, spec: { containers: [{ name: "nginx", image: "nginx", resources: {} }] } }, strategy: {} },
      status: {},
    };
    expect(toYaml(obj)).toBe(
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web2\n  name: web2\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: web2\n  strategy: {}\n  template:\n    metadata:\n      creationTimestamp: null\n      labels:\n        app: web2\n    spec:\n      containers:\n      - image: nginx\n        name: nginx\n        resources: {}\nstatus: {}\n",
    );
    expect(toYaml({ args: [] })).toBe("args: []\n");
  });

  it("keeps no caller key order: YAML always goes through a generic map", () => {
    expect(toYaml({ kind: "Deployment", apiVersion: "apps/v1" })).toBe("apiVersion: apps/v1\nkind: Deployment\n");
  });

  it("separates documents with --- and drops managedFields unless asked", () => {
    const out = sink();
    const p = new YamlPrinter();
    const obj = { kind: "ConfigMap", metadata: { name: "a", managedFields: [{ manager: "x" }] } };
    p.print(obj, out);
    p.print(obj, out);
    expect(out.text).toBe("kind: ConfigMap\nmetadata:\n  name: a\n---\nkind: ConfigMap\nmetadata:\n  name: a\n");
  });
});

describe("JSON as kubectl prints it", () => {
  it("indents by four spaces, sorts map keys and escapes HTML characters like Go", () => {
    // kubectl 1.32 -o json printed "html": "\u003cb\u003e\u0026amp;"
    expect(toGoJson({ z: 1, html: "<b>&amp;", a: {}, l: [] }, { indent: 4 })).toBe('{\n    "a": {},\n    "html": "\\u003cb\\u003e\\u0026amp;",\n    "l": [],\n    "z": 1\n}');
  });

  it("keeps a typed object's key order when asked (objects built client-side)", () => {
    const out = sink();
    new JsonPrinter({ sortKeys: false }).print({ kind: "Deployment", apiVersion: "apps/v1", metadata: { name: "web" } }, out);
    expect(out.text).toBe('{\n    "kind": "Deployment",\n    "apiVersion": "apps/v1",\n    "metadata": {\n        "name": "web"\n    }\n}\n');
  });

  it("prints watch events compact on one line", () => {
    const out = sink();
    new JsonPrinter().printEvent("ADDED", { metadata: { name: "a" }, kind: "Pod" }, out);
    expect(out.text).toBe('{"type":"ADDED","object":{"kind":"Pod","metadata":{"name":"a"}}}\n');
  });
});
