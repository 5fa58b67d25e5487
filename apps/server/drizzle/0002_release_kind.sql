ALTER TABLE `projects` ADD `production_tag` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `production_commit` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `production_since` text;--> statement-breakpoint
ALTER TABLE `releases` ADD `kind` text DEFAULT 'release' NOT NULL;--> statement-breakpoint
ALTER TABLE `releases` ADD `reason` text;--> statement-breakpoint
ALTER TABLE `releases` ADD `rolled_back_by` text;--> statement-breakpoint
ALTER TABLE `releases` ADD `rollback_of` text;