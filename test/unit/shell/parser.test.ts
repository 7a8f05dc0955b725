import { describe, expect, test } from "vitest";
import { parse, ShellSyntaxError } from "../../../src/engine/shell/parser";

/** The words of the first simple command, as raw text. */
function words(src: string): string[] {
  const list = parse(src);
  const cmd = list.items[0].andOr.first.commands[0];
  if (cmd.type !== "simple") throw new Error("not simple");
  return cmd.words.map((w) => w.raw);
}

function syntaxError(src: string): string {
  try {
    parse(src);
  } catch (e) {
    if (e instanceof ShellSyntaxError) return e.message;
    throw e;
  }
  throw new Error("no syntax error");
}

describe("parser", () => {
  test("splits words on blanks and keeps quoted blanks inside one word", () => {
    expect(words(`echo 'a b' "c d" e\\ f g`)).toEqual(["echo", "'a b'", '"c d"', "e\\ f", "g"]);
  });

  test("records quoting per part: single quotes literal, double quotes with expansions", () => {
    const cmd = parse(`echo 'x$HOME' "y$HOME" $(date) \`pwd\``).items[0].andOr.first.commands[0];
    if (cmd.type !== "simple") throw new Error();
    expect(cmd.words[1].parts).toEqual([{ k: "lit", v: "x$HOME", q: true }]);
    expect(cmd.words[2].parts).toEqual([
      { k: "lit", v: "y", q: true },
      { k: "param", name: "HOME", q: true },
    ]);
    expect(cmd.words[3].parts).toEqual([{ k: "cmd", src: "date", q: false }]);
    expect(cmd.words[4].parts).toEqual([{ k: "cmd", src: "pwd", q: false }]);
  });

  test("builds and-or lists of pipelines", () => {
    const list = parse("a | b && c || d; e");
    expect(list.items).toHaveLength(2);
    const ao = list.items[0].andOr;
    expect(ao.first.commands).toHaveLength(2);
    expect(ao.rest.map((r) => r.op)).toEqual(["&&", "||"]);
  });

  test("parses redirections with file descriptors", () => {
    const cmd = parse("cmd >out 2>&1 <in >>log &>all 2>/dev/null").items[0].andOr.first.commands[0];
    expect(cmd.redirs.map((r) => [r.fd ?? null, r.op, r.target?.raw])).toEqual([
      [null, ">", "out"],
      [2, ">&", "1"],
      [null, "<", "in"],
      [null, ">>", "log"],
      [null, "&>", "all"],
      [2, ">", "/dev/null"],
    ]);
  });

  test("reads here-document bodies after the line, literal when the delimiter is quoted", () => {
    const list = parse("cat <<EOF | grep a\nline $X\nEOF\ncat <<'END'\n$Y\nEND\ncat <<-T\n\t\ttabbed\n\tT\n");
    const docs = list.items.map((i) => i.andOr.first.commands[0].redirs[0].heredoc!);
    expect(docs.map((d) => [d.delim, d.quoted, d.body])).toEqual([
      ["EOF", false, "line $X\n"],
      ["END", true, "$Y\n"],
      ["T", false, "tabbed\n"],
    ]);
    expect(docs[0].parts).toEqual([
      { k: "lit", v: "line ", q: true },
      { k: "param", name: "X", q: true },
      { k: "lit", v: "\n", q: true },
    ]);
  });

  test("takes A=b before the command as assignments", () => {
    const cmd = parse("A=1 B=\"x y\" env").items[0].andOr.first.commands[0];
    if (cmd.type !== "simple") throw new Error();
    expect(cmd.assigns.map((a) => [a.name, a.value.raw])).toEqual([
      ["A", "1"],
      ["B", '"x y"'],
    ]);
    expect(cmd.words.map((w) => w.raw)).toEqual(["env"]);
  });

  test("ignores comments and joins lines ending in a backslash", () => {
    expect(words("echo a \\\n b # comment")).toEqual(["echo", "a", "b"]);
  });

  test("expands aliases in command position only", () => {
    const list = parse("k get k", { k: "kubectl" });
    const cmd = list.items[0].andOr.first.commands[0];
    if (cmd.type !== "simple") throw new Error();
    expect(cmd.words.map((w) => w.raw)).toEqual(["kubectl", "get", "k"]);
  });

  test("parses for, while, if, groups and functions", () => {
    expect(parse("for i in 1 2; do echo $i; done").items[0].andOr.first.commands[0].type).toBe("for");
    expect(parse("while true; do :; done").items[0].andOr.first.commands[0].type).toBe("while");
    expect(parse("if a; then b; elif c; then d; else e; fi").items[0].andOr.first.commands[0]).toMatchObject({ type: "if", clauses: [{}, {}] });
    expect(parse("{ a; b; } > f").items[0].andOr.first.commands[0]).toMatchObject({ type: "group", redirs: [{ op: ">" }] });
    expect(parse("f() { echo; }").items[0].andOr.first.commands[0]).toMatchObject({ type: "function", name: "f" });
  });

  test("reports bad input with bash's messages", () => {
    expect(syntaxError("echo a | | b")).toBe("syntax error near unexpected token `|'");
    expect(syntaxError("echo a && && b")).toBe("syntax error near unexpected token `&&'");
    expect(syntaxError(";")).toBe("syntax error near unexpected token `;'");
    expect(syntaxError("ls >")).toBe("syntax error near unexpected token `newline'");
    expect(syntaxError("echo a |")).toBe("syntax error: unexpected end of file");
    expect(syntaxError('echo "abc')).toBe("unexpected EOF while looking for matching `\"'");
    expect(syntaxError("echo 'abc")).toBe("unexpected EOF while looking for matching `''");
    expect(syntaxError("echo $(echo a")).toBe("unexpected EOF while looking for matching `)'");
    expect(syntaxError("echo `a")).toBe("unexpected EOF while looking for matching ``'");
    expect(syntaxError("echo ${a")).toBe("unexpected EOF while looking for matching `}'");
    expect(syntaxError("for i in 1; do echo")).toBe("syntax error: unexpected end of file");
    expect(syntaxError("done")).toBe("syntax error near unexpected token `done'");
  });
});
