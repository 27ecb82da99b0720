-- Failed sign-ins under names no enabled account has, locked by the same rule as users.failed_logins (docs/security.md).
CREATE TABLE "sign_in_throttle" (
	"username" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
