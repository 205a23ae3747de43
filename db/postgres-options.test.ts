import { describe, expect, it } from "vitest";
import { isTransactionPooler, postgresOptions, sessionUrl } from "./postgres-options";

const pooler = "postgres://postgres.abc:pw@aws-0-eu-central-1.pooler.supabase.com:6543/postgres";
const session = "postgres://postgres.abc:pw@aws-0-eu-central-1.pooler.supabase.com:5432/postgres";

describe("postgres connection options", () => {
  it("turns prepared statements off for Supabase's transaction pooler (port 6543) only", () => {
    expect(isTransactionPooler(pooler)).toBe(true);
    expect(postgresOptions(pooler, 10)).toMatchObject({ max: 10, prepare: false });
    expect(isTransactionPooler(session)).toBe(false);
    expect(postgresOptions(session, 10)).toMatchObject({ max: 10, prepare: true });
    expect(postgresOptions("postgres://root@127.0.0.1/voronka", 2)).toMatchObject({ max: 2, prepare: true });
  });

  it("sends session-bound work (migrations, LISTEN) to the direct URL when there is one", () => {
    expect(sessionUrl(pooler, session)).toBe(session);
    expect(sessionUrl(session, undefined)).toBe(session);
  });
});
