// The shapes the sync engine works with: a plan is an ordered list of steps per CRM; a paged step
// reads pages of rows (each page becomes one transaction with its cursor), a directory step reads
// a small reference list whole.
import type { ApplyResult, DeletableEntity, SourceRef } from "@/lib/canonical";
import type { Db } from "@/db/types";
import type { FilledTable } from "./table-stats";

export type SyncMode = "full" | "incremental";

/** One page read from the CRM: its mapped records and what the cursor must remember. */
export type SyncPage<R> = {
  records: R[];
  /** Every external id on the page, also rows that map to nothing (for deletion ranges). */
  ids: string[];
  /** The resume point after this page (the last id in keyset order). */
  lastExternalId: string;
  /** The newest modification time on the page. */
  maxModifiedAt: Date | null;
  /** Raw rows read on this page (progress). */
  rowsRead: number;
  /** Page-number paging: rows of the pass up to and including this page (its resume point). */
  position?: number;
};

export type PassState = {
  mode: SyncMode;
  /** Incremental: read rows modified since then (already less the re-read window); null = everything. */
  since: Date | null;
  /** Resume after this id (keyset) — null starts the pass at the beginning. */
  afterId: string | null;
  /** Rows already read in this pass (page-number paging resumes from it). */
  rowsSeen: number;
  onTotal: (total: number) => void;
};

export type PagedStep<R> = {
  kind: "paged";
  /** Cursor and progress key, e.g. "deals". */
  name: string;
  read(pass: PassState): AsyncGenerator<SyncPage<R>>;
  apply(tx: Db, source: SourceRef, records: R[]): Promise<ApplyResult>;
  /** A full pass marks rows missing between pages deleted. */
  deletes?: { entity: DeletableEntity; prefix?: string };
  /** History that only grows (stage history): incremental reads after the last id ever seen. */
  appendOnly?: boolean;
  /** The table the step fills, kept analyzed while a big pass fills it (lib/sync/table-stats.ts). */
  table?: FilledTable;
};

export type DirectoryStep = {
  kind: "directory";
  name: string;
  run(db: Db, source: SourceRef): Promise<{ fetched: number; result: ApplyResult }>;
};

export type SyncStep = PagedStep<unknown> | DirectoryStep;

export type SyncPlan = {
  steps: SyncStep[];
  /** Pages read ahead of the writer (lib/async/read-ahead.ts). */
  readAhead: number;
  /** HTTP requests and retries so far (from the client). */
  stats(): { requests: number; retries: number };
};

/** Smaller pages for tests that need several of them from a small mock. */
export type SyncTuning = { bitrix24CommandsPerRequest?: number; amocrmPageSize?: number };

/** Where one step's time went: waiting for the CRM's next page, writing pages, committing them. */
export type StepTiming = { pages: number; waitMs: number; writeMs: number; commitMs: number };
