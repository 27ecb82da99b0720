-- The public change stamp (src/db/change-clock.ts): ticks only on writes the public site can show.
INSERT INTO "change_clock" ("id", "n") VALUES (2, 0) ON CONFLICT DO NOTHING;
