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
  /** Candidates one tab completion offers (and objects it lists to find them). */
  maxCompletions: 200,
  /** Idle time after which a sandbox deletes itself. */
  sandboxIdleTtlMs: 4 * 60 * 60 * 1000,
  /**
   * Memos shared by every sandbox in an isolate (a Durable Object isolate has 128 MB for all of
   * them): each is a GenerationalCache holding at most twice its bound.
   */
  isolateCaches: {
    /** Interned managedFields values (FieldsV1), level by level, by the characters of their keys. */
    internedFieldsV1Chars: 64 * 1024,
    /** Field sets kept decoded beside their FieldsV1 values, by their levels (~200 bytes each). */
    decodedFieldSetLevels: 10_000,
    /** Pod conditions the kubelets' pods share, by count. */
    podConditions: 4096,
  },
  /** Lessons and their checks. */
  lessons: {
    /** Longest a Check waits (wall clock) for work in flight (pods starting, a rollout) before answering. */
    checkWaitMs: 10_000,
    /** Simulated time let pass after each earlier step's reference solution when resetting to a later step. */
    resetStepSettleMs: 30_000,
  },
  /** Classrooms (D1) and what instructors may ask of a learner's sandbox. */
  classrooms: {
    /** Largest JSON body of a classroom request. */
    maxBodyBytes: 16 * 1024,
    /** Longest classroom or learner name, in characters. */
    maxNameChars: 100,
    /** Lessons one classroom may list. */
    maxLessons: 50,
    /** Learners one classroom may hold. */
    maxLearners: 500,
    /** A learner's most recent sandboxes whose command logs the learner detail shows. */
    detailSandboxes: 5,
    /** Most recent check runs the learner detail shows. */
    detailCheckRuns: 500,
    /** Check runs kept per learner (older ones are dropped; the progress row keeps what they passed). */
    checkRunsPerLearner: 2000,
    /** Wall-clock time an instructor's read-only command may run (-w and -f stop there). */
    instructorCommandMaxMs: 10_000,
  },
  /**
   * The learner's shell (src/engine/shell): what one command line may cost, and the size of the
   * per-sandbox virtual filesystem. Past a limit the command line stops with a message naming it;
   * the shell state and the filesystem stay as they were before the failing step.
   */
  shell: {
    /** Largest script (one command line or a pasted multi-line script). */
    maxScriptBytes: 64 * 1024,
    /** Commands in one pipeline (`a | b | c` is 3). */
    maxPipelineStages: 64,
    /** Bytes written to stdout and stderr together by one command line before it is stopped. */
    maxOutputBytes: 4 * 1024 * 1024,
    /** Simulated time one command line may run (sleep, watch, kubectl -w) before it is stopped. */
    maxRunMs: 30 * 60 * 1000,
    /** Simple commands one command line may run (bounds loops). */
    maxCommandsPerRun: 10_000,
    /** Pipeline stages running at once in one command line (bounds fork bombs). */
    maxProcesses: 256,
    /** Nesting of `$(...)`, subshells, aliases and function calls. */
    maxNestingDepth: 32,
    /** Largest here-document body (the script limit bounds it too; this guards other callers of the parser). */
    maxHereDocBytes: 64 * 1024,
    /** Largest value a command substitution or a variable may hold. */
    maxVariableBytes: 1024 * 1024,
    /** Words one expansion may produce (globs, $(...) splitting). */
    maxWords: 100_000,
    /** Command lines kept in the sandbox's command log (what lesson checks and instructors read). */
    commandLogEntries: 1000,
    /** Longest command text kept in the command log (a pasted script is cut there). */
    commandLogTextBytes: 16 * 1024,
    /** Wall-clock time a command line sent to POST /api/sessions/:id/commands may run (the terminal's WebSocket has only maxRunMs). */
    commandEndpointMaxMs: 60_000,
    /** Command lines kept in `history`. */
    historyEntries: 500,
    /** Largest file in the virtual filesystem. */
    maxFileBytes: 1024 * 1024,
    /** All files of the virtual filesystem together. */
    maxTotalBytes: 8 * 1024 * 1024,
    /** Files and directories in the virtual filesystem. */
    maxFiles: 2000,
    /** Longest path. */
    maxPathBytes: 1024,
  },
  /**
   * The files a container's own process writes (derived by the kubelet simulation from its script,
   * never stored; `kubectl exec` reads them). Bounds what one container run contributes.
   */
  containerFiles: {
    /** Distinct paths kept per container run (later new paths are not kept). */
    maxFiles: 256,
    /** Characters kept of one file's content (a longer file reads as its beginning). */
    maxFileChars: 64 * 1024,
    /** Steps of the script followed to find them (a loop that writes for days is followed this far). */
    maxEvents: 50_000,
  },
  /** Load that client loops in pods put on the pods they call (kubelet/traffic.ts), computed per metrics read. */
  traffic: {
    /** Client loops counted (a sandbox running more generators than this adds no further load). */
    clients: 200,
    /** Containers whose script was parsed for a loop, remembered across reads (then forgotten all at once). */
    parsedScripts: 2000,
  },
} as const;
