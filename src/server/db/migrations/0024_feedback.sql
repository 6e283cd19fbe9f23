-- Issue 18 item 3: citizens' feedback and petitions about procedures (phản ánh, kiến nghị — PAKN), Decision
-- 766 indicators 5.1–5.3. One row per item: what the citizen sent, each handling step's time and who took
-- it, the due instants computed on the province's working calendar when the step's clock started
-- (decision and handling at receipt, handling again when the citizen supplies information, publication
-- at approval), and the citizen's one rating. Owned by the feedback module.
CREATE TABLE "feedback_items" (
	"unit_code" text NOT NULL,
	"code" text NOT NULL,
	"category" text NOT NULL,
	"status" text NOT NULL,
	"sender_name" text NOT NULL,
	"phone" text,
	"email" text,
	"dossier_code" text,
	"content" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"decision_due_at" timestamp with time zone NOT NULL,
	"info_due_at" timestamp with time zone NOT NULL,
	"handling_due_at" timestamp with time zone NOT NULL,
	"publication_due_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"info_requested_at" timestamp with time zone,
	"info_request" text,
	"info_supplied_at" timestamp with time zone,
	"info_reply" text,
	"refused_at" timestamp with time zone,
	"refusal_reason" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"answer" text,
	"approved_at" timestamp with time zone,
	"approved_by" uuid,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"rating" text,
	"rated_at" timestamp with time zone,
	CONSTRAINT "feedback_items_unit_code_code_pk" PRIMARY KEY("unit_code","code"),
	CONSTRAINT "feedback_items_category_check" CHECK ("category" IN ('attitude', 'time_limit', 'procedure', 'fees', 'other')),
	CONSTRAINT "feedback_items_status_check" CHECK ("status" IN ('received', 'info_requested', 'accepted', 'answered', 'approved', 'published', 'refused')),
	CONSTRAINT "feedback_items_contact_check" CHECK ("phone" IS NOT NULL OR "email" IS NOT NULL),
	CONSTRAINT "feedback_items_rating_check" CHECK ("rating" IS NULL OR ("rating" IN ('satisfied', 'dissatisfied') AND "status" = 'published' AND "rated_at" IS NOT NULL)),
	CONSTRAINT "feedback_items_refusal_check" CHECK ("status" <> 'refused' OR ("refused_at" IS NOT NULL AND length("refusal_reason") > 0))
);
--> statement-breakpoint
CREATE INDEX "feedback_items_submitted_idx" ON "feedback_items" USING btree ("unit_code","submitted_at");
