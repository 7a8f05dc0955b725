-- The learner shell: its files (WITHOUT ROWID, added by hand: one b-tree per write) and the command log
-- (an INTEGER PRIMARY KEY is the rowid itself: one b-tree already).
CREATE TABLE `commands` (
	`seq` integer PRIMARY KEY NOT NULL,
	`command` text NOT NULL,
	`started_at_ms` integer NOT NULL,
	`finished_at_ms` integer NOT NULL,
	`exit_code` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `files` (
	`path` text PRIMARY KEY NOT NULL,
	`content` text,
	`mtime_ms` integer NOT NULL
) WITHOUT ROWID;
