-- Issue 14: a citizen's rating may carry a short reason (optional, free text, at most 1000 characters).
ALTER TABLE "dossier_ratings" ADD COLUMN "comment" text;
