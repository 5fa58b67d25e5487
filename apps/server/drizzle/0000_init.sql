CREATE TABLE `events` (
	`release_id` text NOT NULL,
	`seq` integer NOT NULL,
	`at` text NOT NULL,
	`type` text NOT NULL,
	`data` text NOT NULL,
	PRIMARY KEY(`release_id`, `seq`),
	FOREIGN KEY (`release_id`) REFERENCES `releases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `projects` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`dir` text NOT NULL,
	`remote_url` text NOT NULL,
	`remote_name` text NOT NULL,
	`main_branch` text NOT NULL,
	`current_version` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `projects_dir_unique` ON `projects` (`dir`);--> statement-breakpoint
CREATE TABLE `releases` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`status` text NOT NULL,
	`version` text,
	`previous_version` text,
	`tag` text,
	`commit` text,
	`actor` text NOT NULL,
	`bump` text,
	`spec` text,
	`dry_run` integer DEFAULT false NOT NULL,
	`monitor` integer DEFAULT true NOT NULL,
	`current_step` text,
	`interrupted_step` text,
	`error` text,
	`created_at` text NOT NULL,
	`started_at` text,
	`finished_at` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `releases_one_active_per_project` ON `releases` (`project_id`) WHERE status in ('queued', 'running', 'monitoring', 'rolling_back', 'interrupted');--> statement-breakpoint
CREATE INDEX `releases_project_id_id` ON `releases` (`project_id`,`id`);--> statement-breakpoint
CREATE INDEX `releases_status_id` ON `releases` (`status`,`id`);--> statement-breakpoint
CREATE TABLE `reports` (
	`release_id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`version` text,
	`status` text NOT NULL,
	`markdown` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`release_id`) REFERENCES `releases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`role` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `steps` (
	`release_id` text NOT NULL,
	`name` text NOT NULL,
	`position` integer NOT NULL,
	`status` text NOT NULL,
	`started_at` text,
	`finished_at` text,
	`detail` text,
	PRIMARY KEY(`release_id`, `name`),
	FOREIGN KEY (`release_id`) REFERENCES `releases`(`id`) ON UPDATE no action ON DELETE no action
);
