import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { inviteUser } from "./invite-user";
import { listUsers } from "./list-users";
import { updateUser } from "./update-user";

let testDb: TestDb;
let f: OrgFixture;
const viewerOf = async (userId: string) => (await loadViewer(testDb.db, userId)) as Viewer;

beforeAll(async () => {
  testDb = await createTestDb();
  f = await createOrgFixture(testDb.db);
});
afterAll(() => testDb.close());

describe("updateUser", () => {
  it("never demotes or disables the last active admin, even for an admin whose own role changed meanwhile", async () => {
    const admin = await viewerOf(f.users.admin.id);
    await updateUser(testDb.db, admin, f.users.alice.id, { role: "admin" });
    const alice = await viewerOf(f.users.alice.id);
    await updateUser(testDb.db, alice, f.users.admin.id, { role: "manager" });
    // `admin` was loaded before the demotion, as in a request that raced the one above.
    await expect(updateUser(testDb.db, admin, f.users.alice.id, { role: "manager" })).rejects.toThrow(ConflictError);
    await expect(updateUser(testDb.db, admin, f.users.alice.id, { isActive: false })).rejects.toThrow(
      "alice is the last active admin of the organisation; make another user an admin first",
    );
    const admins = (await listUsers(testDb.db, alice)).filter((user) => user.role === "admin" && user.isActive);
    expect(admins.map((user) => user.id)).toEqual([f.users.alice.id]);
  });

  it("lets a disabled admin be demoted: they are not an active admin", async () => {
    const other = await createOrgFixture(testDb.db);
    const admin = await viewerOf(other.users.admin.id);
    await updateUser(testDb.db, admin, other.users.bob.id, { role: "admin" });
    await updateUser(testDb.db, admin, other.users.bob.id, { isActive: false });
    expect(await updateUser(testDb.db, admin, other.users.bob.id, { role: "manager" })).toMatchObject({ role: "manager", isActive: false });
  });

  it("refuses a non-admin viewer even when called without the API", async () => {
    const director = await viewerOf(f.users.director.id);
    await expect(updateUser(testDb.db, director, f.users.bob.id, { name: "x" })).rejects.toThrow(ForbiddenError);
    await expect(
      inviteUser(testDb.db, director, { email: "x@test.voronka", name: "x", role: "manager", password: "long-enough" }),
    ).rejects.toThrow(ForbiddenError);
  });
});
