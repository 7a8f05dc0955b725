// `kubectl autoscale (-f FILENAME | TYPE NAME | TYPE/NAME) --max=N [--min=N] [--cpu-percent=N]`: an
// autoscaling/v1 HorizontalPodAutoscaler for each object that has a scale subresource
// (pkg/cmd/autoscale/autoscale.go).
import { formatError, resourcePath } from "../client";
import type { CommandRun, KubectlCommand } from "../command";
import { KubectlError } from "../command";
import { collectInfos, dryRunStrategy, kindName, MISSING_RESOURCE_ERROR, reportErrors, send } from "../infos";
import { generateHpa } from "../generators/hpa";
import { createQuery, mappingFor, saveConfigTyped } from "./create-common";
import { objectPrinter } from "./object-output";
import { AUTOSCALE_HELP } from "./create-help";

async function runAutoscale(run: CommandRun): Promise<number> {
  const { flags } = run;
  const dryRun = dryRunStrategy(run);
  // kubectl names a client dry run "created" and a real one "autoscaled".
  const printer = objectPrinter(run, dryRun === "client" ? "created" : "autoscaled", dryRun);
  const max = flags.int("max");
  const min = flags.int("min");
  if (max < 1) throw new KubectlError(`--max=MAXPODS is required and must be at least 1, max: ${max}`);
  if (max < min) throw new KubectlError(`--max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`);
  const filenames = flags.strings("filename");
  if (!filenames.length && !run.args.length) throw new KubectlError(MISSING_RESOURCE_ERROR);
  const { infos, errors } = await collectInfos(run, run.args, { filenames, recursive: flags.bool("recursive"), fetch: true });
  let count = 0;
  for (const info of infos) {
    try {
      const m = info.mapping;
      if (!m.subresources.includes("scale")) {
        const gv = m.group ? `${m.group}/${m.version}` : `/${m.version}`;
        throw new KubectlError(`cannot autoscale a ${m.kind}: could not find scale subresource for ${gv}, Resource=${m.resource} in discovery information`);
      }
      let hpa = generateHpa({
        name: flags.string("name") || info.name,
        target: { apiVersion: m.group ? `${m.group}/${m.version}` : m.version, kind: m.kind, name: info.name },
        min,
        max,
        cpuPercent: flags.int("cpu-percent"),
      });
      const mapping = await mappingFor(run, hpa);
      if (dryRun !== "client") {
        if (flags.bool("save-config")) hpa = saveConfigTyped(hpa);
        hpa = await send(run, "POST", resourcePath(mapping, run.namespace), { query: createQuery(run, dryRun), body: hpa });
      }
      count++;
      printer.print(hpa, kindName({ mapping, name: hpa.metadata?.name ?? "" }), true);
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length) return reportErrors(run, errors, formatError);
  if (count === 0) throw new KubectlError("no objects passed to autoscale");
  return 0;
}

export const autoscaleCommand: KubectlCommand = {
  name: "autoscale",
  short: "Auto-scale a deployment, replica set, stateful set, or replication controller",
  long: AUTOSCALE_HELP.long,
  example: AUTOSCALE_HELP.example,
  usage: AUTOSCALE_HELP.usage,
  flags: AUTOSCALE_HELP.flags,
  requiredFlags: ["max"],
  run: runAutoscale,
};
