// The organisation's users on /admin/users: who they are, what they see, whether they can sign in.
import Link from "next/link";
import type { Role } from "@/lib/auth/permissions";
import { formatDateTime, type Locale } from "@/lib/format";
import type { AdminMessages } from "@/lib/i18n/admin-messages";
import type { UserSummary } from "@/lib/users/list-users";
import { tableScroll } from "@/components/ui/table-scroll";

type Props = {
  users: UserSummary[];
  viewerId: string;
  t: AdminMessages["users"];
  roles: Record<Role, string>;
  timezone: string;
  locale: Locale;
};

export function UsersTable({ users, viewerId, t, roles, timezone, locale }: Props) {
  return (
    <div className={tableScroll}>
      <table className="w-full text-sm" data-testid="users-table">
        <thead className="text-left text-xs text-slate-500">
          <tr>
            <th className="py-2 pr-4 font-medium">{t.name}</th>
            <th className="pr-4 font-medium">{t.email}</th>
            <th className="pr-4 font-medium">{t.role}</th>
            <th className="pr-4 font-medium">{t.department}</th>
            <th className="pr-4 font-medium">{t.crmUsers}</th>
            <th className="pr-4 font-medium">{t.status}</th>
            <th className="font-medium">{t.lastSignIn}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className="border-t border-slate-100 align-top" data-testid="user-row">
              <td className="py-2 pr-4">
                <Link href={`/admin/users/${user.id}`} className="font-medium text-brand-700 hover:underline">
                  {user.name}
                </Link>
                {user.id === viewerId ? <span className="ml-1 text-xs text-slate-500">({t.you})</span> : null}
              </td>
              <td className="whitespace-nowrap py-2 pr-4">{user.email}</td>
              <td className="py-2 pr-4">{roles[user.role]}</td>
              <td className="py-2 pr-4">{user.department?.name ?? t.none}</td>
              <td className="py-2 pr-4">
                {user.crmUsers.length === 0 ? (
                  <span className="text-slate-500">{t.none}</span>
                ) : (
                  <ul className="space-y-0.5">
                    {user.crmUsers.map((crmUser) => (
                      <li key={crmUser.id}>
                        {crmUser.name} <span className="text-xs text-slate-500">· {crmUser.sourceName}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="py-2 pr-4">
                <StatusBadge isActive={user.isActive} t={t} />
              </td>
              <td className="py-2 whitespace-nowrap text-slate-600">
                {user.lastSignInAt ? formatDateTime(user.lastSignInAt, timezone, locale) : <span className="text-slate-500">{t.never}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
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
