// The Durable Object hosting one sandbox cluster: a thin shell. It loads the cluster from SQLite,
// hands requests to the pure engine, persists what a request changed in one transaction, and keeps
// exactly one alarm for controller work and expiry. No Kubernetes logic lives here.
import { DurableObject } from "cloudflare:workers";
import { drizzle, type DrizzleSqliteDODatabase } from "drizzle-orm/durable-sqlite";
import { migrate } from "drizzle-orm/durable-sqlite/migrator";
import { desc, eq, gt, inArray, lte } from "drizzle-orm";
import migrations from "../../migrations/sandbox/migrations.js";
import * as schema from "./db/schema";
import { META_KEYS, type MetaKey } from "./db/schema";
import { Cluster, type ClusterWrites } from "../engine/cluster/cluster";
import { bootstrapCluster } from "../engine/cluster/bootstrap/index";
import { readLimited, toResponse, statusResponse } from "./http";
import { LIMITS } from "../engine/limits";
import { KUBERNETES_ADMIN } from "../engine/cluster/users";
import type { ApiRequest, ApiResponse } from "../engine/apiserver/request";
import { Terminal, type CommandResult, type CommandOutput } from "../engine/terminal/terminal";
import type { ShellState, VfsRow } from "../engine/shell/types";
import type { LoadedLesson } from "../engine/lessons/loader";
import { lessonClockOffsetMs, lessonFileRows, prepareLessonCluster } from "../engine/lessons/prepare";
import { gradeLesson, type LessonResult } from "../engine/lessons/grade";
import { clusterInFlight } from "../engine/lessons/settle";
import { readOnlyDoor } from "../engine/terminal/read-only";
import { lessonCatalog } from "./lessons";

export interface Env {
  SANDBOX: DurableObjectNamespace<Sandbox>;
  ASSETS: Fetcher;
  /** Classrooms, learners and their progress. */
  DB: D1Database;
  SANDBOX_IDLE_TTL_MS?: string;
  SESSION_SECRET: string;
  /** When set, creating a classroom requires `Authorization: Bearer <ADMIN_TOKEN>`. */
  ADMIN_TOKEN?: string;
}

/** A sandbox's lesson and where the learner stands, as GET /api/sessions/:id shows it. */
export interface SandboxLesson {
  id: string;
  title: string;
  maxScore: number;
  /** The last Check: when it ran, its score and the steps that passed. */
  lastCheck?: { at: string; score: number; passed: string[] };
}

export interface SandboxInfo {
  id: string;
  createdAt: string;
  expiresAt: string;
  nodes: number;
  resourceVersion: number;
  objectCounts: Record<string, number>;
  objects: number;
  lesson?: SandboxLesson;
}

export type LessonOutcome<T> = T | { error: string } | null;

/** Persist last-use time at most this often: each write is a billed row. */
const LAST_USED_GRANULARITY_MS = 60_000;

export class Sandbox extends DurableObject<Env> {
  private readonly db: DrizzleSqliteDODatabase<typeof schema>;
  private cluster: Cluster | undefined;
  private metaCache = new Map<string, string>();
  private alarmAtMs: number | null = null;
  /** The learner's shell (filesystem and state), loaded on first use. */
  private terminal: Terminal | undefined;
  /** The command log's last sequence number, read once (undefined until then). */
  private lastCommandSeq: number | undefined;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.db = drizzle(ctx.storage, { schema });
    void ctx.blockConcurrencyWhile(async () => {
      // A sandbox that never existed or was destroyed has no tables, and reading it (an instructor
      // looking at an expired sandbox, a stale link) must not create them: only init() does.
      if (this.hasSchema()) await migrate(this.db, migrations);
      this.alarmAtMs = await ctx.storage.getAlarm();
      this.loadFromStorage();
    });
  }

  private hasSchema(): boolean {
    return this.ctx.storage.sql.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").toArray().length > 0;
  }

  /** Rebuilds memory from SQLite: the only source of truth. */
  private loadFromStorage() {
    this.terminal = undefined;
    this.lastCommandSeq = undefined;
    if (!this.hasSchema()) {
      this.metaCache = new Map();
      this.cluster = undefined;
      return;
    }
    this.metaCache = new Map(this.db.select().from(schema.meta).all().map((r) => [r.key, r.value]));
    const rv = this.metaCache.get(META_KEYS.resourceVersion);
    if (rv === undefined) {
      this.cluster = undefined;
      return;
    }
    const rows = this.db.select({ resource: schema.objects.resource, body: schema.objects.body }).from(schema.objects).all();
    this.cluster = new Cluster({ resourceVersion: Number(rv), seed: this.metaCache.get(META_KEYS.seed)! }, rows);
  }

  private metaNumber(key: MetaKey, fallback = 0): number {
    const v = this.metaCache.get(key);
    return v === undefined ? fallback : Number(v);
  }

  /** Simulated time: the wall clock plus this sandbox's offset (moved by clock fast-forward). */
  private nowMs(): number {
    return Date.now() + this.metaNumber(META_KEYS.clockOffsetMs);
  }

  private idleTtlMs(): number {
    return this.metaNumber(META_KEYS.idleTtlMs, LIMITS.sandboxIdleTtlMs);
  }

  private expiresAtMs(): number {
    return this.metaNumber(META_KEYS.lastUsedMs) + this.idleTtlMs();
  }

  /**
   * Creates the cluster, and the learner's shell home with the session's kubeconfig in
   * ~/.kube/config. Idempotent: a second call returns the existing sandbox's info.
   */
  async init(opts: { id: string; nodes: number; idleTtlMs: number; seed: string; kubeconfig: string; lesson?: string; owner?: string }): Promise<SandboxInfo> {
    if (!this.cluster) {
      if (!this.hasSchema()) await migrate(this.db, migrations);
      const wallMs = Date.now();
      // The Worker checked the lesson id; a lesson decides its own number of worker nodes.
      const loaded = opts.lesson === undefined ? undefined : lessonCatalog().byId.get(opts.lesson);
      const nodes = loaded ? loaded.lesson.cluster.nodes.workers : opts.nodes;
      const cluster = Cluster.empty(opts.seed);
      bootstrapCluster(cluster, { nowMs: wallMs, nodes });
      const files = Terminal.initialFiles(opts.kubeconfig, wallMs);
      const offsetMs = loaded ? this.prepareLesson(cluster, loaded, wallMs) : 0;
      if (loaded) files.push(...lessonFileRows(loaded, wallMs + offsetMs));
      this.cluster = cluster;
      this.terminal = undefined;
      this.persistFiles(files);
      const meta: Record<string, string> = {
        [META_KEYS.createdAtMs]: String(wallMs),
        [META_KEYS.lastUsedMs]: String(wallMs),
        [META_KEYS.clockOffsetMs]: String(offsetMs),
        [META_KEYS.idleTtlMs]: String(opts.idleTtlMs),
        [META_KEYS.nodes]: String(nodes),
        [META_KEYS.seed]: opts.seed,
        id: opts.id,
      };
      if (loaded) Object.assign(meta, { [META_KEYS.lesson]: loaded.lesson.id, [META_KEYS.lessonStartSeq]: "0" });
      if (opts.owner) meta[META_KEYS.owner] = opts.owner;
      this.persist(cluster.takeWrites(), meta);
      await this.scheduleAlarm(wallMs);
    }
    return this.info()!;
  }

  /** Puts a bootstrapped cluster into the lesson's starting state at `nowMs`; returns the lesson's clock offset. */
  private prepareLesson(cluster: Cluster, loaded: LoadedLesson, nowMs: number): number {
    const problems = prepareLessonCluster(cluster, loaded, nowMs);
    // `npm test` replays every lesson from this state, so a problem here is a bug worth a log line, not a refusal.
    if (problems.length) console.error(`lesson ${loaded.lesson.id}: starting state incomplete:\n${problems.join("\n")}`);
    const offsetMs = lessonClockOffsetMs(loaded);
    if (offsetMs > 0) cluster.advance(nowMs, nowMs + offsetMs);
    return offsetMs;
  }

  /** The lesson this sandbox was prepared for, if any (and if it still exists in this build). */
  private currentLesson(): LoadedLesson | undefined {
    const id = this.metaCache.get(META_KEYS.lesson);
    return id === undefined ? undefined : lessonCatalog().byId.get(id);
  }

  private noLesson(): { error: string } {
    const id = this.metaCache.get(META_KEYS.lesson);
    if (id !== undefined) return { error: `lesson "${id}" no longer exists; create a new session for a current lesson` };
    return { error: 'this sandbox was not created for a lesson; create one with POST /api/sessions {"lesson": "<id>"} (GET /api/lessons lists them)' };
  }

  info(): SandboxInfo | null {
    if (!this.cluster) return null;
    const counts = this.cluster.store.countByResource();
    return {
      id: this.metaCache.get("id") ?? "",
      createdAt: new Date(this.metaNumber(META_KEYS.createdAtMs)).toISOString(),
      expiresAt: new Date(this.expiresAtMs()).toISOString(),
      nodes: this.metaNumber(META_KEYS.nodes),
      resourceVersion: this.cluster.store.resourceVersion,
      objectCounts: counts,
      objects: this.cluster.store.size,
      ...(this.lessonInfo() ? { lesson: this.lessonInfo() } : {}),
    };
  }

  private lessonInfo(): SandboxLesson | undefined {
    const loaded = this.currentLesson();
    if (!loaded) return undefined;
    const last = this.metaCache.get(META_KEYS.lessonCheck);
    const lastCheck = last ? (JSON.parse(last) as { at: number; score: number; passed: string[] }) : undefined;
    return {
      id: loaded.lesson.id,
      title: loaded.lesson.title,
      maxScore: loaded.lesson.steps.reduce((n, st) => n + st.points, 0),
      ...(lastCheck ? { lastCheck: { at: new Date(lastCheck.at).toISOString(), score: lastCheck.score, passed: lastCheck.passed } } : {}),
    };
  }

  async touch(): Promise<SandboxInfo | null> {
    if (!this.cluster) return null;
    this.markUsed();
    return this.info();
  }

  /**
   * Moves simulated time forward, running everything that falls due on the way in order, then
   * persists and re-arms. Returns the new simulated time.
   */
  async advanceClock(seconds: number): Promise<{ now: string; clockOffsetSeconds: number } | null> {
    if (!this.cluster) return null;
    await this.advanceSimulatedTime(seconds * 1000);
    this.markUsed();
    return { now: new Date(this.nowMs()).toISOString(), clockOffsetSeconds: this.metaNumber(META_KEYS.clockOffsetMs) / 1000 };
  }

  /** Moves the clock offset forward by `ms`, running what falls due on the way; persists and re-arms. */
  private async advanceSimulatedTime(ms: number): Promise<void> {
    const cluster = this.cluster!;
    const fromMs = this.nowMs();
    const offsetMs = this.metaNumber(META_KEYS.clockOffsetMs) + ms;
    const result = cluster.advance(fromMs, fromMs + ms);
    this.persist(cluster.takeWrites(), { [META_KEYS.clockOffsetMs]: String(offsetMs) });
    this.alarmAtMs = null;
    await this.scheduleAlarm(result.nextWakeMs === undefined ? undefined : result.nextWakeMs - offsetMs);
  }

  /** Deletes every row, the alarm and memory: the sandbox is gone. */
  async destroy(): Promise<boolean> {
    const existed = !!this.cluster;
    this.cluster = undefined;
    this.terminal = undefined;
    this.lastCommandSeq = undefined;
    this.metaCache.clear();
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
    this.alarmAtMs = null;
    return existed;
  }

  /** The Kubernetes API of this sandbox; the Worker has authenticated the caller. */
  override async fetch(request: Request): Promise<Response> {
    const cluster = this.cluster;
    if (!cluster) return statusResponse(404, "NotFound", "this sandbox does not exist or has expired; create a new session");
    const url = new URL(request.url);
    if (/^\/api\/sessions\/[^/]+\/terminal$/.test(url.pathname)) return this.openTerminal();
    const apiPath = url.pathname.replace(/^\/clusters\/[^/]+/, "") || "/";
    const declared = Number(request.headers.get("content-length") ?? "0");
    if (declared > LIMITS.maxRequestBodyBytes) {
      // Refused unread: the client is told at once and the rest of the upload is dropped.
      await request.body?.cancel().catch(() => {});
      return statusResponse(413, "RequestEntityTooLarge", `Request entity too large: limit is ${LIMITS.maxRequestBodyBytes}`);
    }
    let body: Uint8Array | undefined;
    if (request.body) {
      body = await readLimited(request.body, LIMITS.maxRequestBodyBytes);
      if (!body) return statusResponse(413, "RequestEntityTooLarge", `Request entity too large: limit is ${LIMITS.maxRequestBodyBytes}`);
    }
    const headers: Record<string, string | undefined> = {};
    request.headers.forEach((v, k) => (headers[k] = v));
    let response: Response;
    try {
      response = toResponse(await this.handleApi({ method: request.method, path: apiPath, query: url.searchParams, headers, body }));
    } catch (e) {
      return statusResponse(500, "InternalError", `Internal error occurred: ${(e as Error).message}`);
    }
    this.markUsed();
    return response;
  }

  /**
   * The one door into the cluster, for HTTP clients and for the in-sandbox kubectl alike: runs the
   * request as the cluster admin at simulated time, persists what it changed in one transaction and
   * wakes the controllers if anything changed.
   */
  private async handleApi(req: Omit<ApiRequest, "user" | "nowMs">): Promise<ApiResponse> {
    const cluster = this.cluster;
    if (!cluster) return { status: 404, body: { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: "this sandbox does not exist or has expired; create a new session", reason: "NotFound", code: 404 } };
    // Work that fell due before this request (an alarm the platform has not delivered yet) runs
    // first, as a cluster whose controllers never stop would have done it.
    if (this.alarmAtMs !== null && this.alarmAtMs <= Date.now() && Date.now() < this.expiresAtMs()) await this.runDueWork();
    try {
      const r = cluster.handle({ ...req, user: KUBERNETES_ADMIN, nowMs: this.nowMs() });
      const writes = cluster.takeWrites();
      this.persist(writes);
      if (writes?.puts.length || writes?.deletes.length) await this.scheduleAlarm(Date.now());
      return r;
    } catch (e) {
      // A bug, not bad input: drop whatever the failed request changed in memory and report it.
      console.error("sandbox request failed", e);
      this.loadFromStorage();
      throw e;
    }
  }

  /** The learner's shell, loaded on first use (files and state from SQLite). */
  private shell(): Terminal {
    if (!this.terminal) {
      const rows: VfsRow[] = this.db.select().from(schema.files).all().map((r) => ({ path: r.path, content: r.content, mtimeMs: r.mtimeMs }));
      const stateJson = this.metaCache.get(META_KEYS.shell);
      const state = stateJson ? (JSON.parse(stateJson) as ShellState) : undefined;
      // bash's history is the tail of the command log (blank lines are not history).
      const logged = this.db
        .select({ seq: schema.commands.seq, command: schema.commands.command })
        .from(schema.commands)
        .orderBy(desc(schema.commands.seq))
        .limit(LIMITS.shell.historyEntries)
        .all()
        .reverse()
        .filter((r) => r.command.trim() !== "");
      this.terminal = new Terminal({
        rows,
        state,
        history: { lines: logged.map((r) => r.command.replace(/\n+$/, "")), base: logged[0]?.seq ?? 1 },
        api: async (call) => this.handleApi({ method: call.method, path: call.path, query: call.query ?? new URLSearchParams(), headers: call.headers ?? {}, body: call.body }),
      });
    }
    return this.terminal;
  }

  /**
   * Runs a command line (or a multi-line script) in the learner's shell; output goes to `out` as it
   * is produced. Persists the shell's files and state and logs the command. `signal` is Ctrl-C.
   */
  async runCommand(
    command: string,
    stdin: string | undefined,
    out: CommandOutput,
    interrupt: AbortSignal,
    maxWallMs: number,
    opts: {
      edit?: (file: string, content: string) => Promise<string | null>;
      /** `sleep` and waits move the simulated clock at once instead of waiting (replaying a reference solution). */
      simulatedSleep?: boolean;
    } = {},
  ): Promise<CommandResult> {
    const terminal = this.shell();
    const startedAtMs = this.nowMs();
    // Ctrl-C, or the door's time limit: either stops the command line like SIGINT would.
    const stop = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      stop.abort();
    }, maxWallMs);
    const onInterrupt = () => stop.abort();
    interrupt.addEventListener("abort", onInterrupt, { once: true });
    let result: CommandResult;
    try {
      const sleep = opts.simulatedSleep ? (ms: number) => this.advanceSimulatedTime(ms) : (ms: number, s: AbortSignal) => this.sleepRunningDueWork(ms, s);
      result = await terminal.run(command, { stdin, out, signal: stop.signal, now: () => this.nowMs(), sleep, edit: opts.edit });
    } finally {
      clearTimeout(timer);
      interrupt.removeEventListener("abort", onInterrupt);
    }
    if (timedOut) {
      out.stderr(`kubeplay: stopped after ${maxWallMs / 1000} seconds (commands sent this way may run at most that long; use the terminal for commands that keep running, such as -w, -f and watch)\n`);
      result = { exitCode: 124 };
    }
    const changes = terminal.takeChanges();
    this.persistFiles(changes.upserts, changes.deletes);
    this.logCommand(command, startedAtMs, this.nowMs(), result.exitCode, JSON.stringify(terminal.persistedState()));
    this.markUsed();
    return result;
  }

  /**
   * The terminal's WebSocket. Client messages: `{"type":"run","command":"...","stdin"?:"..."}` and
   * `{"type":"interrupt"}` (Ctrl-C). Server messages: `{"type":"stdout"|"stderr","data":"..."}` as
   * output is produced, then `{"type":"exit","code":N}`; `{"type":"error","message":"..."}` for a
   * message it cannot act on. One command line runs at a time per connection. `kubectl edit` sends
   * `{"type":"edit","file","content"}` and waits for `{"type":"edited","content"}` or
   * `{"type":"edit-cancelled"}`: the browser's editor takes $EDITOR's place.
   */
  private openTerminal(): Response {
    const [client, server] = Object.values(new WebSocketPair());
    server.accept();
    let running: AbortController | undefined;
    // `kubectl edit` in this terminal: the buffer goes to the browser's editor; its answer comes back.
    let editing: ((text: string | null) => void) | undefined;
    const edit = (file: string, content: string) =>
      new Promise<string | null>((resolve) => {
        editing = resolve;
        running?.signal.addEventListener("abort", () => resolve(null), { once: true });
        send({ type: "edit", file, content });
      }).finally(() => (editing = undefined));
    const send = (m: unknown) => {
      try {
        server.send(JSON.stringify(m));
      } catch {
        running?.abort(); // the browser went away: stop what it started
      }
    };
    server.addEventListener("message", (event) => {
      let msg: { type?: unknown; command?: unknown; stdin?: unknown };
      try {
        msg = JSON.parse(typeof event.data === "string" ? event.data : new TextDecoder().decode(event.data as ArrayBuffer));
      } catch {
        send({ type: "error", message: 'messages are JSON: {"type":"run","command":"kubectl get pods"} or {"type":"interrupt"}' });
        return;
      }
      if (msg.type === "interrupt") {
        running?.abort();
        return;
      }
      if (msg.type === "edited" || msg.type === "edit-cancelled") {
        const content = (msg as { content?: unknown }).content;
        if (!editing) send({ type: "error", message: "no edit is open" });
        else if (msg.type === "edit-cancelled") editing(null);
        else if (typeof content !== "string") send({ type: "error", message: 'expected {"type":"edited","content":"<the saved text>"}' });
        else editing(content);
        return;
      }
      if (msg.type !== "run" || typeof msg.command !== "string" || (msg.stdin !== undefined && typeof msg.stdin !== "string")) {
        send({ type: "error", message: 'expected {"type":"run","command":"<command line>"} or {"type":"interrupt"}' });
        return;
      }
      if (running) {
        send({ type: "error", message: "a command is still running: interrupt it first (Ctrl-C)" });
        return;
      }
      if (!this.cluster) {
        send({ type: "error", message: "this sandbox does not exist or has expired; create a new session" });
        return;
      }
      const controller = new AbortController();
      running = controller;
      this.runCommand(msg.command, msg.stdin as string | undefined, { stdout: (data) => send({ type: "stdout", data }), stderr: (data) => send({ type: "stderr", data }) }, controller.signal, LIMITS.shell.maxRunMs, { edit })
        .then((r) => send({ type: "exit", code: r.exitCode }))
        .catch((e) => send({ type: "error", message: `the command failed: ${(e as Error).message}` }))
        .finally(() => {
          if (running === controller) running = undefined;
        });
    });
    server.addEventListener("close", () => running?.abort());
    return new Response(null, { status: 101, webSocket: client });
  }

  /**
   * Runs a command line to completion (or the endpoint's time limit) and returns its output. With
   * `fastForward`, its sleeps and waits (`sleep 60`, `kubectl wait`, `rollout status`) move the
   * sandbox's clock at once instead of taking real time, as the clock endpoint does.
   */
  async runCollected(command: string, stdin?: string, opts: { fastForward?: boolean } = {}): Promise<{ stdout: string; stderr: string; exitCode: number } | null> {
    if (!this.cluster) return null;
    let stdout = "";
    let stderr = "";
    const out = { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t) };
    const { exitCode } = await this.runCommand(command, stdin, out, new AbortController().signal, LIMITS.shell.commandEndpointMaxMs, { simulatedSleep: opts.fastForward });
    return { stdout, stderr, exitCode };
  }

  /** Tab completion for the terminal. */
  async completions(line: string, cursor: number): Promise<{ start: number; candidates: string[] } | null> {
    if (!this.cluster) return null;
    return this.shell().complete(line, cursor);
  }

  /** The command log, oldest first. */
  commandLog(): { seq: number; command: string; startedAt: string; finishedAt: string; exitCode: number }[] | null {
    if (!this.cluster) return null;
    return this.db
      .select()
      .from(schema.commands)
      .orderBy(schema.commands.seq)
      .all()
      .map((r) => ({ seq: r.seq, command: r.command, startedAt: new Date(r.startedAtMs).toISOString(), finishedAt: new Date(r.finishedAtMs).toISOString(), exitCode: r.exitCode }));
  }

  /**
   * Puts the sandbox back in its lesson's starting state: a fresh cluster (same seed, resourceVersions
   * still increasing), the lesson's seeded files restored (the learner's other files stay), and the
   * Checks reading only commands run from now on. With `stepId`, the reference solutions of the steps
   * before it are then run, as the learner would type them, so the learner can start at that step.
   */
  async resetLesson(stepId?: string): Promise<LessonOutcome<{ lesson: string; step: string }>> {
    const old = this.cluster;
    if (!old) return null;
    const loaded = this.currentLesson();
    if (!loaded) return this.noLesson();
    const steps = loaded.lesson.steps;
    const stepIndex = stepId === undefined ? 0 : steps.findIndex((st) => st.id === stepId);
    if (stepIndex < 0) return { error: `lesson ${loaded.lesson.id} has no step "${stepId}"; its steps are ${steps.map((st) => st.id).join(", ")}` };

    const nowMs = this.nowMs();
    const cluster = new Cluster({ resourceVersion: old.store.resourceVersion, seed: this.metaCache.get(META_KEYS.seed)! });
    bootstrapCluster(cluster, { nowMs, nodes: loaded.lesson.cluster.nodes.workers });
    const offsetMs = this.prepareLesson(cluster, loaded, nowMs);
    old.store.endWatches(); // clients watching the old cluster see their watch end, as on a server restart
    this.cluster = cluster;
    this.lastCommandSeq ??= this.db.select({ seq: schema.commands.seq }).from(schema.commands).orderBy(desc(schema.commands.seq)).limit(1).all()[0]?.seq ?? 0;
    this.persist(
      cluster.takeWrites(),
      {
        [META_KEYS.clockOffsetMs]: String(this.metaNumber(META_KEYS.clockOffsetMs) + offsetMs),
        [META_KEYS.lessonStartSeq]: String(this.lastCommandSeq),
        [META_KEYS.nodes]: String(loaded.lesson.cluster.nodes.workers),
      },
      { replaceObjects: true },
    );
    this.persistFiles(lessonFileRows(loaded, this.nowMs()));
    this.terminal = undefined;
    for (const step of steps.slice(0, stepIndex)) {
      for (const line of step.solution) {
        await this.runCommand(line, undefined, { stdout: () => {}, stderr: () => {} }, new AbortController().signal, LIMITS.shell.commandEndpointMaxMs, { simulatedSleep: true });
      }
      await this.advanceSimulatedTime(LIMITS.lessons.resetStepSettleMs);
    }
    this.alarmAtMs = null;
    await this.scheduleAlarm(Date.now());
    this.markUsed();
    return { lesson: loaded.lesson.id, step: steps[stepIndex].id };
  }

  /**
   * Grades the lesson against the cluster as it is now: runs due controller work first and, while
   * work is in flight (pods starting, a rollout), waits for it up to LIMITS.lessons.checkWaitMs, so a
   * learner is never failed because the cluster had not caught up. Remembers the outcome; returns
   * the sandbox's owner so the Worker can record it against the learner.
   */
  async checkLesson(): Promise<LessonOutcome<{ result: LessonResult; owner?: string }>> {
    const cluster = this.cluster;
    if (!cluster) return null;
    const loaded = this.currentLesson();
    if (!loaded) return this.noLesson();
    const deadline = Date.now() + LIMITS.lessons.checkWaitMs;
    let result: LessonResult;
    for (;;) {
      const run = cluster.reconcile(this.nowMs());
      this.persist(cluster.takeWrites());
      result = gradeLesson(loaded, { cluster, nowMs: this.nowMs(), commands: this.lessonCommands() });
      const wakeWallMs = run.nextWakeMs === undefined ? undefined : run.nextWakeMs - this.metaNumber(META_KEYS.clockOffsetMs);
      await this.scheduleAlarm(wakeWallMs);
      if (result.steps.every((st) => st.passed) || wakeWallMs === undefined || wakeWallMs > deadline || !clusterInFlight(cluster)) break;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, wakeWallMs - Date.now())));
    }
    const check = { at: this.nowMs(), score: result.score, maxScore: result.maxScore, passed: result.steps.filter((st) => st.passed).map((st) => st.id) };
    this.persist(undefined, { [META_KEYS.lessonCheck]: JSON.stringify(check) });
    this.markUsed();
    const owner = this.metaCache.get(META_KEYS.owner);
    return owner ? { result, owner } : { result };
  }

  /** The commands run since the lesson (re)started, oldest first: what commandUsed checks read. */
  private lessonCommands(): { command: string; exitCode: number }[] {
    const since = this.metaNumber(META_KEYS.lessonStartSeq);
    return this.db
      .select({ command: schema.commands.command, exitCode: schema.commands.exitCode })
      .from(schema.commands)
      .where(gt(schema.commands.seq, since))
      .orderBy(schema.commands.seq)
      .all();
  }

  /**
   * Runs a read-only command line for an instructor (the Worker vetted it with readOnlyRefusal) in a
   * throwaway copy of the learner's shell: it sees the learner's files, namespace and variables, but
   * every write to the cluster is refused and nothing it does is kept or logged.
   */
  async instructorCommand(command: string): Promise<{ stdout: string; stderr: string; exitCode: number } | null> {
    if (!this.cluster) return null;
    const rows: VfsRow[] = this.db.select().from(schema.files).all().map((r) => ({ path: r.path, content: r.content, mtimeMs: r.mtimeMs }));
    const stateJson = this.metaCache.get(META_KEYS.shell);
    const terminal = new Terminal({
      rows,
      state: stateJson ? (JSON.parse(stateJson) as ShellState) : undefined,
      api: readOnlyDoor(async (call) => this.handleApi({ method: call.method, path: call.path, query: call.query ?? new URLSearchParams(), headers: call.headers ?? {}, body: call.body })),
    });
    let stdout = "";
    let stderr = "";
    const stop = new AbortController();
    const timer = setTimeout(() => stop.abort(), LIMITS.classrooms.instructorCommandMaxMs);
    try {
      const { exitCode } = await terminal.run(command, {
        out: { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) },
        signal: stop.signal,
        now: () => this.nowMs(),
        sleep: (ms, s) => this.sleepRunningDueWork(ms, s),
      });
      return { stdout, stderr, exitCode: stop.signal.aborted ? 124 : exitCode };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Waits in real time, then runs controller work that fell due meanwhile (a command waiting on the cluster sees it move). */
  private async sleepRunningDueWork(ms: number, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return;
    await new Promise<void>((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        signal.removeEventListener("abort", done);
        resolve();
      }
      signal.addEventListener("abort", done, { once: true });
    });
    if (this.cluster && this.alarmAtMs !== null && this.alarmAtMs <= Date.now()) await this.alarm();
  }

  private persistFiles(upserts: VfsRow[], deletes: string[] = []) {
    if (!upserts.length && !deletes.length) return;
    this.ctx.storage.transactionSync(() => {
      for (const row of upserts) {
        const values = { path: row.path, content: row.content, mtimeMs: row.mtimeMs ?? 0 };
        this.db.insert(schema.files).values(values).onConflictDoUpdate({ target: schema.files.path, set: { content: values.content, mtimeMs: values.mtimeMs } }).run();
      }
      for (let i = 0; i < deletes.length; i += 90) this.db.delete(schema.files).where(inArray(schema.files.path, deletes.slice(i, i + 90))).run();
    });
  }

  /** Appends to the command log (dropping the oldest past the limit) and stores the shell state, in one transaction. */
  private logCommand(command: string, startedAtMs: number, finishedAtMs: number, exitCode: number, shellState: string) {
    const text = command.length > LIMITS.shell.commandLogTextBytes ? command.slice(0, LIMITS.shell.commandLogTextBytes) : command;
    this.ctx.storage.transactionSync(() => {
      this.lastCommandSeq ??= this.db.select({ seq: schema.commands.seq }).from(schema.commands).orderBy(desc(schema.commands.seq)).limit(1).all()[0]?.seq ?? 0;
      const last = this.lastCommandSeq;
      this.db.insert(schema.commands).values({ seq: last + 1, command: text, startedAtMs, finishedAtMs, exitCode }).run();
      this.lastCommandSeq = last + 1;
      if (last + 1 > LIMITS.shell.commandLogEntries) this.db.delete(schema.commands).where(lte(schema.commands.seq, last + 1 - LIMITS.shell.commandLogEntries)).run();
      if (this.metaCache.get(META_KEYS.shell) !== shellState) {
        this.db.insert(schema.meta).values({ key: META_KEYS.shell, value: shellState }).onConflictDoUpdate({ target: schema.meta.key, set: { value: shellState } }).run();
      }
    });
    this.metaCache.set(META_KEYS.shell, shellState);
  }

  /** Runs due controller work, then re-arms for the next timed event or the expiry. */
  override async alarm(): Promise<void> {
    if (!this.cluster) return;
    if (Date.now() >= this.expiresAtMs()) {
      await this.destroy();
      return;
    }
    await this.runDueWork();
  }

  /**
   * Runs the controllers' work that has fallen due, each piece at its due time: from the time the
   * alarm was set for up to now (Cluster.advance). An alarm that fires late (a busy machine) then
   * leaves the cluster exactly as an on-time one would have — the same writes, so the same
   * resourceVersions and the same names and IDs drawn from them — instead of folding several
   * stages into one. Persists, and re-arms the alarm for the next timed wake-up.
   */
  private async runDueWork(): Promise<void> {
    const cluster = this.cluster;
    if (!cluster) return;
    const wallMs = Date.now();
    const offsetMs = this.metaNumber(META_KEYS.clockOffsetMs);
    const nowMs = wallMs + offsetMs;
    const dueMs = this.alarmAtMs === null ? nowMs : Math.min(this.alarmAtMs + offsetMs, nowMs);
    let wakeWallMs: number | undefined;
    try {
      const result = cluster.advance(dueMs, nowMs);
      const writes = cluster.takeWrites();
      this.persist(writes);
      if (result.passes >= LIMITS.maxControllerPasses) {
        // Controllers that keep changing something every pass: a bug to find (the rest runs a second later).
        console.warn(`sandbox ${this.metaCache.get("id")}: controllers did not settle in ${result.passes} passes (${writes?.puts.length ?? 0} objects written)`);
      }
      wakeWallMs = result.nextWakeMs === undefined ? undefined : result.nextWakeMs - offsetMs;
    } catch (e) {
      // A controller bug: drop the half-done work, keep serving the last persisted state and try
      // again later (not at once: a reconcile that throws every time must not spin the alarm).
      console.error("sandbox alarm failed", e);
      this.loadFromStorage();
      wakeWallMs = wallMs + LIMITS.alarmRetryAfterErrorMs;
    }
    this.alarmAtMs = null;
    await this.scheduleAlarm(wakeWallMs);
  }

  /** Sets the one alarm to the earlier of `atMs` and the expiry, skipping redundant writes. */
  private async scheduleAlarm(atMs: number | undefined) {
    const target = Math.min(atMs ?? Infinity, this.expiresAtMs());
    if (this.alarmAtMs !== null && this.alarmAtMs <= target && this.alarmAtMs > Date.now() - 1000) return;
    this.alarmAtMs = target;
    await this.ctx.storage.setAlarm(target);
  }

  private markUsed() {
    const now = Date.now();
    if (now - this.metaNumber(META_KEYS.lastUsedMs) < LAST_USED_GRANULARITY_MS) return;
    this.persist(undefined, { [META_KEYS.lastUsedMs]: String(now) });
    // Expiry moved later; the alarm set for the old expiry will re-arm itself when it fires.
  }

  /** Writes one request's changes in a single transaction. */
  private persist(writes: ClusterWrites | undefined, extraMeta: Record<string, string> = {}, opts: { replaceObjects?: boolean } = {}) {
    const metaRows: Record<string, string> = { ...extraMeta };
    if (writes) {
      metaRows[META_KEYS.resourceVersion] = String(writes.resourceVersion);
    }
    if (!writes && !Object.keys(metaRows).length) return;
    this.ctx.storage.transactionSync(() => {
      // A lesson reset: the new cluster's objects replace every stored one.
      if (opts.replaceObjects) this.db.delete(schema.objects).run();
      for (const row of writes?.puts ?? []) {
        this.db
          .insert(schema.objects)
          .values(row)
          .onConflictDoUpdate({ target: schema.objects.key, set: { body: row.body } })
          .run();
      }
      const deletes = writes?.deletes ?? [];
      for (let i = 0; i < deletes.length; i += 90) {
        this.db.delete(schema.objects).where(inArray(schema.objects.key, deletes.slice(i, i + 90))).run();
      }
      for (const [key, value] of Object.entries(metaRows)) {
        if (this.metaCache.get(key) === value) continue;
        this.db.insert(schema.meta).values({ key, value }).onConflictDoUpdate({ target: schema.meta.key, set: { value } }).run();
      }
    });
    for (const [k, v] of Object.entries(metaRows)) this.metaCache.set(k, v);
  }
}

export { eq };
