// The command registry: one module per command; the Shell constructor adds extra ones (kubectl).
import type { CommandFn } from "../types";
import { alias, unalias } from "./alias";
import { awk } from "./awk";
import { base64 } from "./base64";
import { cat } from "./cat";
import { cd } from "./cd";
import { cp } from "./cp";
import { cut } from "./cut";
import { date } from "./date";
import { echo } from "./echo";
import { env } from "./env";
import { exit } from "./exit";
import { exportCmd, set, unset } from "./export";
import { grep } from "./grep";
import { head } from "./head";
import { help } from "./help";
import { history } from "./history";
import { breakCmd, continueCmd, returnCmd } from "./loops";
import { ls } from "./ls";
import { mkdir } from "./mkdir";
import { mv } from "./mv";
import { printf } from "./printf";
import { pwd } from "./pwd";
import { read } from "./read";
import { rm } from "./rm";
import { rmdir } from "./rmdir";
import { sed } from "./sed";
import { seq } from "./seq";
import { clear, falseCmd, hostname, trueCmd, whoami } from "./simple";
import { sleep } from "./sleep";
import { sort } from "./sort";
import { tail } from "./tail";
import { tee } from "./tee";
import { test } from "./test";
import { touch } from "./touch";
import { tr } from "./tr";
import { uniq } from "./uniq";
import { watch } from "./watch";
import { wc } from "./wc";
import { type, which } from "./which";
import { xargs } from "./xargs";

export const BUILTIN_COMMANDS: Record<string, CommandFn> = {
  ":": trueCmd,
  "[": test,
  alias,
  awk,
  base64,
  break: breakCmd,
  cat,
  cd,
  clear,
  continue: continueCmd,
  cp,
  cut,
  date,
  echo,
  env,
  exit,
  export: exportCmd,
  false: falseCmd,
  grep,
  head,
  help,
  history,
  hostname,
  ls,
  mkdir,
  mv,
  printf,
  pwd,
  read,
  return: returnCmd,
  rm,
  rmdir,
  sed,
  seq,
  set,
  sleep,
  sort,
  tail,
  tee,
  test,
  touch,
  tr,
  true: trueCmd,
  type,
  unalias,
  uniq,
  unset,
  watch,
  wc,
  which,
  whoami,
  xargs,
};

/** Names bash implements itself (type says "is a shell builtin"; which finds no file for most). */
export const SHELL_BUILTINS = new Set([":", "[", "alias", "break", "cd", "continue", "echo", "exit", "export", "false", "help", "history", "printf", "pwd", "read", "return", "set", "test", "true", "type", "unalias", "unset"]);
