CREATE TYPE "public"."bulletin_state" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TYPE "public"."feedback_state" AS ENUM('pending', 'approved', 'rejected');--> statement-breakpoint
CREATE TABLE "bulletins" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"seq" integer,
	"cutoff" date NOT NULL,
	"period" text NOT NULL,
	"title" text NOT NULL,
	"state" "bulletin_state" DEFAULT 'draft' NOT NULL,
	"body" jsonb NOT NULL,
	"data" jsonb NOT NULL,
	"prev_hash" text,
	"hash" text,
	"published_at" timestamp with time zone,
	"published_by" integer,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"item_id" integer NOT NULL,
	"rating" smallint NOT NULL,
	"comment" text,
	"state" "feedback_state" DEFAULT 'pending' NOT NULL,
	"client_hash" text NOT NULL,
	"moderated_by" integer,
	"moderated_at" timestamp with time zone,
	"reject_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_rating_range" CHECK ("feedback"."rating" between 1 and 5),
	CONSTRAINT "feedback_comment_length" CHECK (char_length("feedback"."comment") <= 500)
);
--> statement-breakpoint
CREATE TABLE "server_secrets" (
	"name" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bulletins" ADD CONSTRAINT "bulletins_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletins" ADD CONSTRAINT "bulletins_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletins" ADD CONSTRAINT "bulletins_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_moderated_by_users_id_fk" FOREIGN KEY ("moderated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bulletins_programme_seq_key" ON "bulletins" USING btree ("programme_id","seq");--> statement-breakpoint
CREATE INDEX "bulletins_programme_state_idx" ON "bulletins" USING btree ("programme_id","state");--> statement-breakpoint
CREATE INDEX "feedback_item_state_idx" ON "feedback" USING btree ("item_id","state");--> statement-breakpoint
CREATE INDEX "feedback_state_created_idx" ON "feedback" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "feedback_client_created_idx" ON "feedback" USING btree ("client_hash","created_at");--> statement-breakpoint
-- A published bulletin is a frozen public record: it is never edited or deleted (a new bulletin corrects it).
CREATE OR REPLACE FUNCTION bulletins_refuse_change_published() RETURNS trigger AS $$
BEGIN
  IF OLD.state = 'published' THEN
    RAISE EXCEPTION 'a published bulletin is frozen' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER bulletins_published_frozen BEFORE UPDATE OR DELETE ON bulletins
  FOR EACH ROW EXECUTE FUNCTION bulletins_refuse_change_published();
