// jobs-cronjobs: correct work done another way passes; wrong work fails with the step's message.
// Each replay runs the lesson's reference solutions, replacing the solution of one step with the learner's lines.
import { describe, expect, test } from "vitest";
import { failures, tryStep, THINK_MS } from "./harness";
import type { CheckResult } from "../../../src/engine/lessons/checks";

describe("jobs-cronjobs: alternative solutions", () => {
  test("creating pi with kubectl create and reading the logs by the job-name label passes", async () => {
    const { results } = await tryStep("jobs-cronjobs", "pi", [
      "kubectl create -f pi-job.yaml",
      "kubectl wait --for=condition=complete job/pi --timeout=300s",
      "kubectl logs -l batch.kubernetes.io/job-name=pi --tail=1",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("reading the logs by the pod's own name passes", async () => {
    const { session } = await tryStep("jobs-cronjobs", "pi", ["kubectl apply -f pi-job.yaml", "sleep 60"]);
    const pod = (await session.run("kubectl get pods -l job-name=pi -o name")).stdout.trim().replace("pod/", "");
    expect(pod).toMatch(/^pi-[a-z0-9]{5}$/);
    expect((await session.run(`kubectl logs ${pod}`)).stdout).toMatch(/^3\.14159/);
    const step = session.loaded.lesson.steps.find((s) => s.id === "pi")!;
    expect(failures(session.check(step.checks))).toEqual([]);
  });

  test("running pi without reading its output fails on the logs check only", async () => {
    const { results } = await tryStep("jobs-cronjobs", "pi", ["kubectl apply -f pi-job.yaml", "kubectl wait --for=condition=complete job/pi --timeout=300s"]);
    expect(failures(results)).toEqual(["You have not read the logs of the pi Job's pod yet."]);
  });

  test("a dry-run YAML edited with sed and applied passes", async () => {
    const { results } = await tryStep("jobs-cronjobs", "parallel", [
      `kubectl create job work --image=busybox:1.36 --dry-run=client -o yaml -- sh -c "echo processing one item; sleep 5" > work.yaml`,
      String.raw`sed -i 's/^spec:$/spec:\n  completions: 6\n  parallelism: 2/' work.yaml`,
      "kubectl apply -f work.yaml",
      "kubectl wait --for=condition=complete job/work --timeout=120s",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("six completions one at a time fails on the spec and is not complete after 30 s", async () => {
    const { results } = await tryStep("jobs-cronjobs", "parallel", [
      `kubectl create job work --image=busybox:1.36 --dry-run=client -o yaml -- sh -c "echo processing one item; sleep 5" > work.yaml`,
      String.raw`sed -i 's/^spec:$/spec:\n  completions: 6/' work.yaml`,
      "kubectl apply -f work.yaml",
    ]);
    expect(failures(results)).toEqual([
      "There is no Job called work running busybox with 6 completions and a parallelism of 2 yet.",
      "The work Job has not completed yet.",
      "The work Job does not have six pods that succeeded yet.",
    ]);
  });

  test("kubectl create job, then patching the backoff limit down to 2, passes", async () => {
    const { results } = await tryStep("jobs-cronjobs", "backoff", [
      `kubectl create job fails --image=busybox:1.36 -- sh -c "echo connecting to the database...; exit 1"`,
      `kubectl patch job fails -p '{"spec":{"backoffLimit":2}}'`,
      "kubectl wait --for=condition=failed job/fails --timeout=180s",
      "kubectl logs -l job-name=fails",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("keeping the default backoff limit fails: the Job is still retrying", async () => {
    const { results } = await tryStep("jobs-cronjobs", "backoff", [`kubectl create job fails --image=busybox:1.36 -- sh -c "echo connecting to the database...; exit 1"`]);
    expect(failures(results)).toEqual([
      "There is no Job called fails with restartPolicy Never and a backoff limit of 2 yet.",
      "The fails Job has not given up yet. Retries wait longer and longer (10s, 20s, ...), give it a minute.",
      "There are not three failed pods of the fails Job (the first try and two retries) yet.",
    ]);
  });

  test("the CronJob made with kubectl create cronjob passes (and the later steps still pass)", async () => {
    const { results, session } = await tryStep("jobs-cronjobs", "cronjob", [
      `kubectl create cronjob hello --image=busybox:1.28 --schedule="* * * * *" -- /bin/sh -c "date; echo Hello from the Kubernetes cluster"`,
      "sleep 70",
    ]);
    expect(failures(results)).toEqual([]);
    const suspend = session.loaded.lesson.steps.find((s) => s.id === "suspend")!;
    for (const line of session.loaded.lesson.steps.find((s) => s.id === "history")!.solution.concat(suspend.solution)) expect((await session.run(line)).exitCode).toBe(0);
    session.wait(THINK_MS);
    expect(failures(session.check(suspend.checks))).toEqual([]);
  });

  test("an hourly schedule fails: wrong schedule, and no run within the minute", async () => {
    const { results } = await tryStep("jobs-cronjobs", "cronjob", [
      `kubectl create cronjob hello --image=busybox:1.28 --schedule="0 * * * *" -- /bin/sh -c "date; echo Hello from the Kubernetes cluster"`,
      "sleep 70",
    ]);
    expect(failures(results)).toEqual([
      "There is no CronJob called hello scheduled every minute yet.",
      "The hello CronJob has not finished a run yet. It starts one at the beginning of every minute.",
      "No Job started by the hello CronJob has completed yet.",
    ]);
  });

  test("editing hello-cronjob.yaml and applying it again passes", async () => {
    const { results } = await tryStep("jobs-cronjobs", "history", [
      String.raw`sed -i 's/^spec:$/spec:\n  concurrencyPolicy: Forbid\n  successfulJobsHistoryLimit: 1\n  failedJobsHistoryLimit: 1/' hello-cronjob.yaml`,
      "kubectl apply -f hello-cronjob.yaml",
      "sleep 60",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("forbidding concurrency alone fails: the history limits are still the defaults", async () => {
    const { results } = await tryStep("jobs-cronjobs", "history", [`kubectl patch cronjob hello --type=merge -p '{"spec":{"concurrencyPolicy":"Forbid"}}'`, "sleep 60"]);
    expect(failures(results)).toEqual([
      "The hello CronJob does not forbid concurrent runs and keep one successful and one failed Job yet.",
      "More than one finished Job of the hello CronJob is still kept. The CronJob cleans up when it next runs.",
    ]);
  });

  test("suspending with a JSON patch and applying nothing else passes with the manual run", async () => {
    const { results } = await tryStep("jobs-cronjobs", "suspend", [
      `kubectl patch cronjob hello --type=json -p '[{"op":"replace","path":"/spec/suspend","value":true}]'`,
      "kubectl create job hello-manual --from=cronjob/hello",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("a hand-made hello-manual Job that does not belong to the CronJob fails, and so does forgetting to suspend", async () => {
    const { results } = await tryStep("jobs-cronjobs", "suspend", [`kubectl create job hello-manual --image=busybox:1.28 -- /bin/sh -c "date; echo Hello from the Kubernetes cluster"`]);
    expect(failures(results)).toEqual([
      "The hello CronJob is not suspended yet.",
      "There is no Job called hello-manual made from the hello CronJob (and belonging to it) yet.",
    ]);
  });
});
