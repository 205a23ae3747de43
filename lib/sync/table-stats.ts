// Fresh planner statistics while a pass fills a table. A first sync takes a source from no rows to
// hundreds of thousands within minutes, faster than autovacuum samples (it may not come round at
// all on a busy server): the planner then believes "source_id = X" matches a row or two and looks
// rows up by source alone, filtering every stored row of the source on each page — the per-page
// cost grew with the table (docs/measurements.md, "Sync: planner statistics during a pass"). So the
// run analyzes a table it fills each time it has doubled what it wrote there, and at the end of
// the step, so later steps look those rows up with the right plan.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/types";

/** The canonical tables a paged step fills. */
export type FilledTable = "companies" | "contacts" | "leads" | "deals" | "activities" | "stage_changes" | "lead_status_changes" | "conversation_texts";

/** No analyze before this many new rows: small passes leave it to autovacuum. */
const FIRST_ANALYZE_AFTER = 10_000;

export type TableStats = {
  /** After a page committed: `rows` new rows in `table`; analyzes it when they doubled since the last time. */
  wrote(table: FilledTable, rows: number): Promise<void>;
  /** At the end of a step: analyzes `table` if it gained many rows since its last analyze. */
  stepDone(table: FilledTable): Promise<void>;
};

export function keepTableStats(db: Db): TableStats {
  const written = new Map<FilledTable, number>();
  const analyzedAt = new Map<FilledTable, number>();
  const analyze = async (table: FilledTable) => {
    analyzedAt.set(table, written.get(table) ?? 0);
    await db.execute(sql`analyze ${sql.identifier(table)}`);
  };
  return {
    async wrote(table, rows) {
      const total = (written.get(table) ?? 0) + rows;
      written.set(table, total);
      if (total >= Math.max(FIRST_ANALYZE_AFTER, 2 * (analyzedAt.get(table) ?? 0))) await analyze(table);
    },
    async stepDone(table) {
      const total = written.get(table) ?? 0;
      if (total - (analyzedAt.get(table) ?? 0) >= FIRST_ANALYZE_AFTER) await analyze(table);
    },
  };
}
