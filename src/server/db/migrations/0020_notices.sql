-- Issue 16 item 5: what citizens need to know. Notices (thông báo) and legal documents (văn bản pháp
-- luật, văn bản chỉ đạo) published by a commune (unit_code = its code) or by the province for all its
-- communes (unit_code = the province's code): a tenant table, distributed by unit_code under Citus.
-- Text is plain text (never HTML); attachments are PDFs in the content-addressed file store.
CREATE TABLE "notices" (
	"unit_code" text NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"doc_number" text,
	"issuer" text,
	"issued_on" date,
	"effective_on" date,
	"published_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone,
	"unpublished_at" timestamp with time zone,
	"unpublished_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "notices_unit_code_id_pk" PRIMARY KEY("unit_code","id"),
	CONSTRAINT "notices_kind_check" CHECK ("kind" IN ('notice', 'legal_document')),
	CONSTRAINT "notices_effective_check" CHECK ("effective_on" IS NULL OR "issued_on" IS NULL OR "effective_on" >= "issued_on"),
	CONSTRAINT "notices_expiry_check" CHECK ("expires_at" IS NULL OR "expires_at" > "published_at")
);
--> statement-breakpoint
CREATE INDEX "notices_published_idx" ON "notices" USING btree ("unit_code","published_at");
--> statement-breakpoint
CREATE TABLE "notice_files" (
	"unit_code" text NOT NULL,
	"notice_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notice_files_unit_code_id_pk" PRIMARY KEY("unit_code","id")
);
--> statement-breakpoint
CREATE INDEX "notice_files_notice_idx" ON "notice_files" USING btree ("unit_code","notice_id");
