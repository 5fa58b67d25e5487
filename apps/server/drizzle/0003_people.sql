DROP TABLE `sessions`;--> statement-breakpoint
ALTER TABLE `releases` ADD `actor_id` text;--> statement-breakpoint
CREATE TABLE `api_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`owner_credential` text NOT NULL,
	`owner_name` text NOT NULL,
	`role` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text,
	`revoked_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_token_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_tokens_owner` ON `api_tokens` (`owner_credential`);--> statement-breakpoint
CREATE TABLE `audit` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor` text,
	`actor_id` text,
	`action` text NOT NULL,
	`project_id` text,
	`release_id` text,
	`reason` text,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `audit_actor_id` ON `audit` (`actor_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_project_id` ON `audit` (`project_id`,`id`);--> statement-breakpoint
CREATE TABLE `oidc_logins` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`state` text NOT NULL,
	`nonce` text NOT NULL,
	`code_verifier` text NOT NULL,
	`next` text NOT NULL,
	`expires_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`credential` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sessions_credential` ON `sessions` (`credential`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`email_verified` integer DEFAULT true NOT NULL,
	`groups` text NOT NULL,
	`created_at` text NOT NULL,
	`last_sign_in_at` text NOT NULL
);
--> statement-breakpoint
CREATE TRIGGER `audit_append_only_update` BEFORE UPDATE ON `audit` BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;--> statement-breakpoint
CREATE TRIGGER `audit_append_only_delete` BEFORE DELETE ON `audit` BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
