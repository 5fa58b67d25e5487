ALTER TABLE `projects` ADD `lock_reason` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `lock_by` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `lock_since` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `lock_automatic` integer DEFAULT false NOT NULL;