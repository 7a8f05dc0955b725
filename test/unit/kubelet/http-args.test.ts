// wget and curl command lines, read once for `kubectl exec`, container scripts and load generators:
// options that take a value never pass for the URL.
import { describe, expect, it } from "vitest";
import { curlArgs, parseUrl, requestUrl, wgetArgs } from "../../../src/engine/kubelet/exec/http-args";

describe("wget and curl command lines", () => {
  it.each([
    ["wget", ["-q", "-O-", "http://php-apache"], "http://php-apache"],
    ["wget", ["-qO", "-", "web:8080/healthz"], "web:8080/healthz"],
    ["wget", ["-O", "/dev/null", "-T", "2", "web"], "web"],
    ["wget", ["--output-document", "/tmp/x", "web"], "web"],
    ["wget", ["-o", "/tmp/log", "--header", "Host: a", "http://web/"], "http://web/"],
    ["curl", ["-s", "web"], "web"],
    ["curl", ["-so", "/dev/null", "-w", "%{http_code}", "http://web:80/"], "http://web:80/"],
    ["curl", ["-H", "Accept: */*", "-X", "GET", "--max-time", "3", "svc.ns.svc.cluster.local"], "svc.ns.svc.cluster.local"],
    ["curl", ["-sSfL", "-m5", "http://a", "http://b"], "http://a"],
    ["wget", ["-q"], undefined],
  ])("%s %j asks for %s", (program, args, url) => {
    expect(requestUrl(program, args)).toBe(url);
  });

  it("reads the options the clients' output depends on", () => {
    expect(wgetArgs(["-qO-", "web"])).toEqual({ quiet: true, output: "-", spider: false, operands: ["web"] });
    expect(wgetArgs(["--spider", "--output-document=x", "web"])).toMatchObject({ spider: true, output: "x" });
    expect(curlArgs(["-sSI", "--fail", "web"])).toMatchObject({ silent: true, showError: true, head: true, failOnError: true, include: false });
  });

  it("takes a bare host as http", () => {
    expect(parseUrl("php-apache")).toEqual({ scheme: "http", host: "php-apache", port: 80, path: "/" });
    expect(parseUrl("https://web:8443/x?y")).toEqual({ scheme: "https", host: "web", port: 8443, path: "/x?y" });
  });
});
