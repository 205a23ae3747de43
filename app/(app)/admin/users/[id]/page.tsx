import { notFound } from "next/navigation";
import { PageHeader } from "@/components/admin/page-header";
import { StatusBadge } from "@/components/admin/users-table";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { adminMessages } from "@/lib/i18n/admin-messages";
import { fill } from "@/lib/i18n/fill";
import { getMessages } from "@/lib/i18n/locale";
import { listDepartments } from "@/lib/users/departments";
import { listCrmUsers } from "@/lib/users/list-crm-users";
import { getUser } from "@/lib/users/list-users";
import { AccessForm } from "./access-form";
import { CrmLinksForm } from "./crm-links-form";
import { PasswordForm } from "./password-form";
import { ProfileForm } from "./profile-form";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("user");

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission("users:manage");
  const { id } = await params;
  const { locale, t: common } = await getMessages(viewer);
  const t = adminMessages[locale];
  const db = await getDb();
  // A malformed id, an unknown one and another organisation's user are all "not found".
  const user = await getUser(db, viewer, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const [departments, crmUsers] = await Promise.all([listDepartments(db, viewer), listCrmUsers(db, viewer)]);
  const lastSignIn = user.lastSignInAt ? formatDateTime(user.lastSignInAt, viewer.org.timezone, locale) : t.users.never;
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader title={user.name} intro={`${user.email} · ${common.roles[user.role]}`} back={{ href: "/admin/users", label: t.user.backToUsers }} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t.user.profile}>
          <ProfileForm
            user={{ id: user.id, name: user.name, role: user.role, departmentId: user.department?.id ?? "" }}
            t={t.user}
            fields={t.errors.fields}
            saving={t.saving}
            locale={locale}
            roles={common.roles}
            departments={departments.map(({ id: departmentId, name }) => ({ id: departmentId, name }))}
          />
        </Card>
        <div className="space-y-6">
          <Card title={t.user.access}>
            <div className="mb-3 space-y-1 text-sm text-slate-600">
              <p className="flex items-center gap-2">
                <StatusBadge isActive={user.isActive} t={t.users} />
                {user.isActive ? t.user.isActive : t.user.isDisabled}
              </p>
              <p className="text-xs text-slate-500">{fill(t.user.lastSignIn, { when: lastSignIn })}</p>
            </div>
            <AccessForm userId={user.id} isActive={user.isActive} t={t.user} locale={locale} />
          </Card>
          <Card title={t.user.passwordTitle}>
            <PasswordForm userId={user.id} t={t.user} fields={t.errors.fields} locale={locale} />
          </Card>
        </div>
      </div>
      <Card title={t.user.crmTitle}>
        <p className="mb-3 text-sm text-slate-500">{t.user.crmIntro}</p>
        {crmUsers.length === 0 ? (
          <p className="text-sm text-slate-500">{t.user.crmEmpty}</p>
        ) : (
          <CrmLinksForm userId={user.id} crmUsers={crmUsers} t={t.user} fields={t.errors.fields} saving={t.saving} locale={locale} />
        )}
      </Card>
    </div>
  );
}
