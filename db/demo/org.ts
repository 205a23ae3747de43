// The demo organisation, its departments and its sign-in users (one admin, two directors, twelve managers).
import type { departments, organisations, users } from "../schema";
import { DEMO_ORG_NAME, DEPARTMENTS, demoLogins, type DepartmentName } from "./catalog";
import type { Random } from "./random";

type OrgRow = typeof organisations.$inferInsert;
type DepartmentRow = typeof departments.$inferInsert;
type UserRow = typeof users.$inferInsert;

export type DemoOrganisation = {
  organisation: OrgRow;
  departments: DepartmentRow[];
  users: UserRow[];
  /** user id of manager1 … manager12, in order */
  managerUserIds: string[];
};

export function buildOrganisation(
  rnd: Random,
  options: { createdAt: Date; passwordHash: string; emailDomain: string },
): DemoOrganisation {
  const orgId = rnd.uuid();
  const organisation: OrgRow = {
    id: orgId,
    name: DEMO_ORG_NAME,
    baseCurrency: "KZT",
    timezone: "Asia/Almaty",
    locale: "ru",
    country: "KZ",
    createdAt: options.createdAt,
  };
  const departmentIds = new Map<DepartmentName, string>();
  const departmentRows = DEPARTMENTS.map((name): DepartmentRow => {
    const id = rnd.uuid();
    departmentIds.set(name, id);
    return { id, orgId, name, createdAt: options.createdAt };
  });
  const userRows = demoLogins(options.emailDomain).map(
    (login): UserRow => ({
      id: rnd.uuid(),
      orgId,
      email: login.email,
      name: login.name,
      passwordHash: options.passwordHash,
      role: login.role,
      departmentId: login.department ? (departmentIds.get(login.department) ?? null) : null,
      locale: "ru",
      isActive: true,
      lastSignInAt: null,
      createdAt: options.createdAt,
    }),
  );
  const managerUserIds = userRows.filter((u) => u.role === "manager").map((u) => u.id!);
  return { organisation, departments: departmentRows, users: userRows, managerUserIds };
}
