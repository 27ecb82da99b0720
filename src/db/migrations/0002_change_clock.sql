CREATE TABLE "change_clock" (
	"id" integer PRIMARY KEY NOT NULL,
	"n" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO "change_clock" ("id", "n") VALUES (1, 0) ON CONFLICT DO NOTHING;
