CREATE TABLE `approval_requests` (
	`release_id` text PRIMARY KEY NOT NULL,
	`required` integer NOT NULL,
	`commit` text NOT NULL,
	`allow_unvalidated` text,
	`planned_at` text NOT NULL,
	`replanned` text,
	FOREIGN KEY (`release_id`) REFERENCES `releases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `approvals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`release_id` text NOT NULL,
	`decision` text NOT NULL,
	`actor` text NOT NULL,
	`actor_id` text NOT NULL,
	`commit` text NOT NULL,
	`version` text,
	`comment` text,
	`at` text NOT NULL,
	`void_reason` text,
	FOREIGN KEY (`release_id`) REFERENCES `releases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `approvals_release_id` ON `approvals` (`release_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `approvals_once_per_person` ON `approvals` (`release_id`,`actor_id`) WHERE decision = 'approve' and void_reason is null;--> statement-breakpoint
DROP INDEX `releases_one_active_per_project`;--> statement-breakpoint
CREATE UNIQUE INDEX `releases_one_active_per_project` ON `releases` (`project_id`) WHERE status in ('awaiting_approval', 'queued', 'running', 'monitoring', 'rolling_back', 'interrupted');