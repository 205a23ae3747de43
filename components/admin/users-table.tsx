// The organisation's users on /admin/users: who they are, what they see, whether they can sign in.
import Link from "next/link";
import type { Role } from "@/lib/auth/permissions";
import { formatDateTime, type Locale } from "@/lib/format";
import type { AdminMessages } from "@/lib/i18n/admin-messages";
import type { UserSummary } from "@/lib/users/list-users";
import { DataTable, type Column } from "@/components/ui/data-table";

type Props = {
  users: UserSummary[];
  viewerId: string;
  t: AdminMessages["users"];
  roles: Record<Role, string>;
  timezone: string;
  locale: Locale;
};

export function UsersTable({ users, viewerId, t, roles, timezone, locale }: Props) {
  const muted = (text: string) => <span className="text-slate-500">{text}</span>;
  const columns: Column<UserSummary>[] = [
    {
      key: "name",
      label: t.name,
      render: (user) => (
        <>
          <Link href={`/admin/users/${user.id}`} className="font-medium text-brand-700 hover:underline">
            {user.name}
          </Link>
          {user.id === viewerId ? <span className="ml-1 text-xs text-slate-500">({t.you})</span> : null}
        </>
      ),
    },
    { key: "email", label: t.email, className: "whitespace-nowrap", render: (user) => user.email },
    { key: "role", label: t.role, render: (user) => roles[user.role] },
    { key: "department", label: t.department, render: (user) => user.department?.name ?? t.none },
    {
      key: "crmUsers",
      label: t.crmUsers,
      render: (user) =>
        user.crmUsers.length === 0 ? (
          muted(t.none)
        ) : (
          <ul className="space-y-0.5">
            {user.crmUsers.map((crmUser) => (
              <li key={crmUser.id}>
                {crmUser.name} <span className="text-xs text-slate-500">· {crmUser.sourceName}</span>
              </li>
            ))}
          </ul>
        ),
    },
    { key: "status", label: t.status, render: (user) => <StatusBadge isActive={user.isActive} t={t} /> },
    { key: "lastSignIn", label: t.lastSignIn, className: "whitespace-nowrap text-slate-600", render: (user) => (user.lastSignInAt ? formatDateTime(user.lastSignInAt, timezone, locale) : muted(t.never)) },
  ];
  return <DataTable columns={columns} rows={users} rowKey={(user) => user.id} label={t.table} testId="users-table" rowProps={() => ({ "data-testid": "user-row" })} />;
}

export function StatusBadge({ isActive, t }: { isActive: boolean; t: Pick<AdminMessages["users"], "active" | "disabled"> }) {
  return (
    <span
      className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${isActive ? "bg-emerald-50 text-emerald-700" : "bg-slate-100 text-slate-600"}`}
      data-testid="user-status"
    >
      {isActive ? t.active : t.disabled}
    </span>
  );
}
