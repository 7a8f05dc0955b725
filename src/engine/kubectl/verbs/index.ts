// Every kubectl command, in the order kubectl 1.32 registers them (its help lists them in this
// order within each group, and "Did you mean this?" suggests in this order). One module per verb.
import type { KubectlCommand } from "../command";
import { certificateCommand } from "./certificate";
import { explainCommand } from "./explain";
import { waitCommand } from "./wait";
import { authCommand } from "./auth";
import { topCommand } from "./top";
import { taintCommand } from "./taint";
import { drainCommand } from "./drain";
import { uncordonCommand } from "./uncordon";
import { cordonCommand } from "./cordon";
import { execCommand } from "./exec";
import { getCommand } from "./get";
import { eventsCommand } from "./events";
import { apiResourcesCommand, apiVersionsCommand } from "./api-resources";
import { describeCommand } from "./describe";
import { configCommand } from "./config";
import { portForwardCommand, attachCommand, proxyCommand, cpCommand, debugCommand, completionCommand, pluginCommand, kustomizeCommand } from "./unavailable";
import { clusterInfoCommand } from "./cluster-info";
import { versionCommand } from "./version";
import { logsCommand } from "./logs";
import { createCommand } from "./create";
import { runCommand } from "./run";
import { exposeCommand } from "./expose";
import { autoscaleCommand } from "./autoscale";
import { applyCommand } from "./apply";
import { editCommand } from "./edit";
import { deleteCommand } from "./delete";
import { scaleCommand } from "./scale";
import { labelCommand, annotateCommand } from "./label";
import { patchCommand } from "./patch";
import { replaceCommand } from "./replace";
import { rolloutCommand } from "./rollout";
import { setCommand } from "./set";
import { diffCommand } from "./diff";

export const ROOT_GROUPS = [
  "Basic Commands (Beginner)",
  "Basic Commands (Intermediate)",
  "Deploy Commands",
  "Cluster Management Commands",
  "Troubleshooting and Debugging Commands",
  "Advanced Commands",
  "Settings Commands",
  "Subcommands provided by plugins",
  "Other Commands",
] as const;

const BEGINNER = ROOT_GROUPS[0];
const INTERMEDIATE = ROOT_GROUPS[1];
const DEPLOY = ROOT_GROUPS[2];
const CLUSTER = ROOT_GROUPS[3];
const TROUBLESHOOTING = ROOT_GROUPS[4];
const ADVANCED = ROOT_GROUPS[5];
const SETTINGS = ROOT_GROUPS[6];
const OTHER = ROOT_GROUPS[8];

/** A command not written yet: listed (so help and suggestions are right), answers that it is missing. */
function notYet(name: string, group: string, short: string): KubectlCommand {
  return {
    name,
    group,
    short,
    usage: `${name} [options]`,
    async run({ env }) {
      env.stderr.write(`error: "kubectl ${name}" is not available in this sandbox yet\n`);
      return 1;
    },
  };
}

const at = (group: string, cmd: KubectlCommand): KubectlCommand => ({ ...cmd, group });

// Each line below is owned by the module that implements the verb: replace `notYet(...)` with
// `at(GROUP, <command imported from ./<verb>>)`.
export const ROOT_COMMANDS: KubectlCommand[] = [
  at(BEGINNER, createCommand),
  at(BEGINNER, exposeCommand),
  at(BEGINNER, runCommand),
  at(BEGINNER, setCommand),
  at(INTERMEDIATE, explainCommand),
  at(INTERMEDIATE, getCommand),
  at(INTERMEDIATE, editCommand),
  at(INTERMEDIATE, deleteCommand),
  at(DEPLOY, rolloutCommand),
  at(DEPLOY, scaleCommand),
  at(DEPLOY, autoscaleCommand),
  at(CLUSTER, certificateCommand),
  at(CLUSTER, clusterInfoCommand),
  at(CLUSTER, topCommand),
  at(CLUSTER, cordonCommand),
  at(CLUSTER, uncordonCommand),
  at(CLUSTER, drainCommand),
  at(CLUSTER, taintCommand),
  at(TROUBLESHOOTING, describeCommand),
  at(TROUBLESHOOTING, logsCommand),
  at(TROUBLESHOOTING, attachCommand),
  at(TROUBLESHOOTING, execCommand),
  at(TROUBLESHOOTING, portForwardCommand),
  at(TROUBLESHOOTING, proxyCommand),
  at(TROUBLESHOOTING, cpCommand),
  at(TROUBLESHOOTING, authCommand),
  at(TROUBLESHOOTING, debugCommand),
  at(TROUBLESHOOTING, eventsCommand),
  at(ADVANCED, diffCommand),
  at(ADVANCED, applyCommand),
  at(ADVANCED, patchCommand),
  at(ADVANCED, replaceCommand),
  at(ADVANCED, waitCommand),
  at(ADVANCED, kustomizeCommand),
  at(SETTINGS, labelCommand),
  at(SETTINGS, annotateCommand),
  at(SETTINGS, completionCommand),
  at(OTHER, apiResourcesCommand),
  at(OTHER, apiVersionsCommand),
  at(OTHER, configCommand),
  at(OTHER, pluginCommand),
  at(OTHER, versionCommand),
];
