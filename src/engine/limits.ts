// Every limit of a sandbox, in one place. Units last in names.
export const LIMITS = {
  /** Largest request body the API accepts (the real server's limit is 3 MiB; ours is smaller). */
  maxRequestBodyBytes: 1024 * 1024,
  /** Largest single stored object, as JSON. SQLite rows may not exceed 2 MB. */
  maxObjectBytes: 1536 * 1024,
  /** Objects in one sandbox, all kinds together except Events (5,000 pods and their owners fit). */
  maxObjects: 10_000,
  /**
   * Events kept per sandbox. Past this a new Event replaces the oldest one, as if its one-hour TTL
   * had run out: a busy cluster's newest events are the ones a learner reads.
   */
  maxEvents: 10_000,
  /** Changes kept in memory for watches from an older resourceVersion; older ones answer 410 Expired. */
  watchHistoryEvents: 2000,
  /** Concurrent watch streams per sandbox. */
  maxWatches: 64,
  /** Longest a single watch stays open before the server ends it (clients re-watch). */
  maxWatchSeconds: 1800,
  /** Bookmark interval for allowWatchBookmarks watches. */
  watchBookmarkIntervalMs: 60_000,
  /** Largest page of a list when the client asks for more. */
  maxListLimit: 5000,
  /** YAML: aliases allowed in one document (defends against alias bombs). */
  maxYamlAliases: 100,
  /** Nesting depth of any decoded JSON/YAML/protobuf document. */
  maxDocumentDepth: 100,
  /** Controller passes per alarm before the rest is deferred to the next alarm. */
  maxControllerPasses: 200,
  /** After an alarm that ran out of passes, the rest runs this much later (never a hot loop). */
  unsettledRetryMs: 1_000,
  /** After an alarm whose reconcile threw, the next attempt waits this long (never a hot retry loop). */
  alarmRetryAfterErrorMs: 5_000,
  /** Distinct due times one clock fast-forward runs through before finishing at its target. */
  maxClockSteps: 10_000,
  /** Longest single clock fast-forward. */
  maxClockAdvanceSeconds: 30 * 24 * 3600,
  /** Nodes a sandbox may be created with. */
  minNodes: 1,
  maxNodes: 10,
  /** Idle time after which a sandbox deletes itself. */
  sandboxIdleTtlMs: 4 * 60 * 60 * 1000,
} as const;
