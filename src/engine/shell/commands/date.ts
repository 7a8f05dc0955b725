// date [-u] [-d DATE] [-I[FMT]] [-R] [+FORMAT] — the host's simulated clock, in UTC.
import type { CommandFn } from "../types";
import { command, DAYS, MONTHS, parseOptions } from "./util";

const LONG_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const LONG_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** strftime in UTC, as GNU date prints it. */
export function strftime(ms: number, fmt: string): string {
  const d = new Date(ms);
  const p2 = (n: number) => String(n).padStart(2, "0");
  const Y = d.getUTCFullYear();
  const start = Date.UTC(Y, 0, 1);
  const yday = Math.floor((ms - start) / 86400_000) + 1;
  let out = "";
  for (let i = 0; i < fmt.length; i++) {
    if (fmt[i] !== "%" || i + 1 >= fmt.length) {
      out += fmt[i];
      continue;
    }
    let c = fmt[++i];
    let pad: string | undefined;
    if (c === "-" || c === "_" || c === "0") {
      pad = c;
      c = fmt[++i];
    }
    const num = (n: number, w: number, def = "0") => {
      if (pad === "-") return String(n);
      return String(n).padStart(w, pad === "_" ? " " : pad === "0" ? "0" : def);
    };
    const h12 = d.getUTCHours() % 12 || 12;
    switch (c) {
      case "Y": out += Y; break;
      case "C": out += p2(Math.floor(Y / 100)); break;
      case "y": out += num(Y % 100, 2); break;
      case "m": out += num(d.getUTCMonth() + 1, 2); break;
      case "d": out += num(d.getUTCDate(), 2); break;
      case "e": out += num(d.getUTCDate(), 2, " "); break;
      case "H": out += num(d.getUTCHours(), 2); break;
      case "k": out += num(d.getUTCHours(), 2, " "); break;
      case "I": out += num(h12, 2); break;
      case "l": out += num(h12, 2, " "); break;
      case "M": out += num(d.getUTCMinutes(), 2); break;
      case "S": out += num(d.getUTCSeconds(), 2); break;
      case "N": out += String((ms % 1000) * 1_000_000).padStart(9, "0"); break;
      case "s": out += Math.floor(ms / 1000); break;
      case "a": out += DAYS[d.getUTCDay()]; break;
      case "A": out += LONG_DAYS[d.getUTCDay()]; break;
      case "b": case "h": out += MONTHS[d.getUTCMonth()]; break;
      case "B": out += LONG_MONTHS[d.getUTCMonth()]; break;
      case "p": out += d.getUTCHours() < 12 ? "AM" : "PM"; break;
      case "P": out += d.getUTCHours() < 12 ? "am" : "pm"; break;
      case "j": out += num(yday, 3); break;
      case "u": out += d.getUTCDay() || 7; break;
      case "w": out += d.getUTCDay(); break;
      case "Z": out += "UTC"; break;
      case "z": out += "+0000"; break;
      case "T": out += strftime(ms, "%H:%M:%S"); break;
      case "R": out += strftime(ms, "%H:%M"); break;
      case "D": case "x": out += strftime(ms, "%m/%d/%y"); break;
      case "X": out += strftime(ms, "%H:%M:%S"); break;
      case "F": out += strftime(ms, "%Y-%m-%d"); break;
      case "c": out += strftime(ms, "%a %b %e %H:%M:%S %Y"); break;
      case "n": out += "\n"; break;
      case "t": out += "\t"; break;
      case "%": out += "%"; break;
      default: out += "%" + (pad ?? "") + c;
    }
  }
  return out;
}

export const date: CommandFn = command(async (ctx) => {
  const o = parseOptions(ctx, {
    flags: "uRI",
    values: "d",
    long: { utc: "u", universal: "u", date: "d", "rfc-email": "R", "iso-8601": "I", "rfc-3339": "3" },
    longValues: ["3"],
  });
  let ms = ctx.host.now();
  const dateArg = o.get("d");
  if (dateArg !== undefined) {
    const m = /^@(-?\d+(?:\.\d+)?)$/.exec(dateArg.trim());
    const parsed = m ? Number(m[1]) * 1000 : dateArg.trim() === "" || dateArg === "now" ? ms : Date.parse(/[zZ]|[+-]\d\d:?\d\d$|UTC|GMT/.test(dateArg) ? dateArg : dateArg + (/\d:\d/.test(dateArg) || /^\d{4}-\d\d-\d\d$/.test(dateArg.trim()) ? "Z" : ""));
    if (Number.isNaN(parsed)) {
      ctx.stderr.write(`date: invalid date ‘${dateArg}’\n`);
      return 1;
    }
    ms = parsed;
  }
  const fmtArg = o.operands.find((a) => a.startsWith("+"));
  const extra = o.operands.filter((a) => !a.startsWith("+"));
  if (extra.length) {
    ctx.stderr.write(`date: invalid date ‘${extra[0]}’\n`);
    return 1;
  }
  let fmt = "%a %b %e %H:%M:%S %Z %Y";
  if (o.has("R")) fmt = "%a, %d %b %Y %H:%M:%S %z";
  if (o.has("I")) fmt = "%Y-%m-%d";
  const rfc = o.get("3");
  if (rfc !== undefined) fmt = rfc === "date" ? "%Y-%m-%d" : rfc === "ns" ? "%Y-%m-%d %H:%M:%S.%N+00:00" : "%Y-%m-%d %H:%M:%S+00:00";
  if (fmtArg) fmt = fmtArg.slice(1);
  ctx.stdout.write(strftime(ms, fmt) + "\n");
  return 0;
});
