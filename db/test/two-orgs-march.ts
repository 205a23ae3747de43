// Two organisations with March wins, for tests of what a read-only screen or an embed shows:
// org A — alice (Sales) 1 000 ₸ and carol (Online) 2 500 ₸, 3 500 ₸ in all; org B — 9 000 ₸.
import type { Db } from "@/db/types";
import { createOrgFixture } from "./fixtures";

export const MARCH = "from=2025-03-01&to=2025-03-31";

export async function twoOrgsWithMarchWins(db: Db) {
  const a = await createOrgFixture(db);
  const b = await createOrgFixture(db);
  await a.addDeal({ manager: "alice", stage: "WON", amount: "1000", createdAt: "2025-03-01T10:00:00Z", closedAt: "2025-03-02T10:00:00Z" });
  await a.addDeal({ manager: "carol", stage: "WON", amount: "2500", createdAt: "2025-03-01T10:00:00Z", closedAt: "2025-03-03T10:00:00Z" });
  await b.addDeal({ manager: "alice", stage: "WON", amount: "9000", createdAt: "2025-03-01T10:00:00Z", closedAt: "2025-03-02T10:00:00Z" });
  return { a, b };
}
