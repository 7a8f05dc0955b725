CREATE TABLE `check_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`learner_id` text NOT NULL,
	`sandbox_id` text NOT NULL,
	`lesson` text NOT NULL,
	`at_ms` integer NOT NULL,
	`score` integer NOT NULL,
	`max_score` integer NOT NULL,
	`steps` text NOT NULL,
	FOREIGN KEY (`learner_id`) REFERENCES `learners`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `check_runs_learner` ON `check_runs` (`learner_id`,`at_ms`);--> statement-breakpoint
CREATE TABLE `classrooms` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`lessons` text NOT NULL,
	`join_code` text NOT NULL,
	`instructor_token_hash` text NOT NULL,
	`created_at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `classrooms_join_code_unique` ON `classrooms` (`join_code`);--> statement-breakpoint
CREATE TABLE `learner_sandboxes` (
	`sandbox_id` text PRIMARY KEY NOT NULL,
	`learner_id` text NOT NULL,
	`lesson` text,
	`created_at_ms` integer NOT NULL,
	FOREIGN KEY (`learner_id`) REFERENCES `learners`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `learner_sandboxes_learner` ON `learner_sandboxes` (`learner_id`,`created_at_ms`);--> statement-breakpoint
CREATE TABLE `learners` (
	`id` text PRIMARY KEY NOT NULL,
	`classroom_id` text NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at_ms` integer NOT NULL,
	FOREIGN KEY (`classroom_id`) REFERENCES `classrooms`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `learners_classroom` ON `learners` (`classroom_id`);--> statement-breakpoint
CREATE TABLE `progress` (
	`learner_id` text NOT NULL,
	`lesson` text NOT NULL,
	`passed_steps` text NOT NULL,
	`score` integer NOT NULL,
	`max_score` integer NOT NULL,
	`attempts` integer NOT NULL,
	`first_activity_ms` integer NOT NULL,
	`last_activity_ms` integer NOT NULL,
	PRIMARY KEY(`learner_id`, `lesson`),
	FOREIGN KEY (`learner_id`) REFERENCES `learners`(`id`) ON UPDATE no action ON DELETE cascade
);
