import { PageHeader } from "@/components/admin/page-header";
import { UsersTable } from "@/components/admin/users-table";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { adminMessages } from "@/lib/i18n/admin-messages";
import { fill } from "@/lib/i18n/fill";
import { getMessages } from "@/lib/i18n/locale";
import { listDepartments } from "@/lib/users/departments";
import { listUsers } from "@/lib/users/list-users";
import { CreateDepartmentForm } from "./create-department-form";
import { InviteUserForm } from "./invite-user-form";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("users");

export default async function UsersPage() {
  const viewer = await requirePermission("users:manage");
  const { locale, t: common } = await getMessages(viewer);
  const t = adminMessages[locale];
  const db = await getDb();
  const [users, departments] = await Promise.all([listUsers(db, viewer), listDepartments(db, viewer)]);
  const membersOf = (departmentId: string) => users.filter((user) => user.department?.id === departmentId).length;
  return (
    <div className="max-w-6xl space-y-6">
      <PageHeader title={t.users.title} intro={t.users.intro} back={{ href: "/admin", label: t.backToAdmin }} />
      <Card title={t.users.table}>
        <UsersTable users={users} viewerId={viewer.userId} t={t.users} roles={common.roles} timezone={viewer.org.timezone} locale={locale} />
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t.invite.title}>
          <InviteUserForm t={t.invite} fields={t.errors.fields} locale={locale} roles={common.roles} departments={departments.map(({ id, name }) => ({ id, name }))} />
        </Card>
        <Card title={t.departments.title}>
          <div className="space-y-4">
            {departments.length === 0 ? (
              <p className="text-sm text-slate-500">{t.departments.empty}</p>
            ) : (
              <ul className="divide-y divide-slate-100 text-sm" data-testid="departments-list">
                {departments.map((department) => (
                  <li key={department.id} className="flex justify-between gap-3 py-2">
                    <span className="font-medium">{department.name}</span>
                    <span className="text-slate-500">{fill(t.departments.members, { count: membersOf(department.id) })}</span>
                  </li>
                ))}
              </ul>
            )}
            <CreateDepartmentForm t={t.departments} fields={t.errors.fields} locale={locale} />
          </div>
        </Card>
      </div>
    </div>
  );
}
