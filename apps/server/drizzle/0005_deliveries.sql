CREATE TABLE `deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`release_id` text,
	`type` text NOT NULL,
	`target_kind` text NOT NULL,
	`target_name` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`last_status` integer,
	`next_attempt_at` text,
	`created_at` text NOT NULL,
	`last_attempt_at` text,
	`body` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `deliveries_due` ON `deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `deliveries_project` ON `deliveries` (`project_id`,`created_at`);