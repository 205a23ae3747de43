// PLACEHOLDER — being written (demo data generator). Interface is fixed:
import type { Db } from "../types";

export type SeedDemoOptions = { deals?: number; seed?: number; log?: (message: string) => void };
export type SeedDemoResult = { orgId: string };

export async function seedDemo(_db: Db, _options: SeedDemoOptions): Promise<SeedDemoResult> {
  throw new Error("seedDemo is not written yet");
}
