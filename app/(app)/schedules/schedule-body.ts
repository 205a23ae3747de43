// The JSON body the schedule form sends (POST for a new schedule, PATCH for an edited one), from
// the form's fields. Client-safe (no zod): the form imports it, and its test sends it to the route.

/**
 * The dashboard's filters: the chosen period replaces the stored one (and a stored date range);
 * other filters a schedule carries (set through the API) are kept.
 */
function queryOf(preset: string, stored: string): string {
  const params = new URLSearchParams(stored);
  params.delete("preset");
  if (preset) {
    params.delete("from");
    params.delete("to");
    params.set("preset", preset);
  }
  return params.toString();
}

export function bodyOf(data: FormData, storedQuery = "") {
  const source = String(data.get("source") ?? "");
  const isView = source.startsWith("view:");
  const emails = String(data.get("emails") ?? "")
    .split(/[,;\s]+/)
    .map((email) => email.trim())
    .filter(Boolean);
  const channel = String(data.get("channel"));
  return {
    name: data.get("name"),
    dashboard: isView ? null : source,
    viewId: isView ? source.slice(5) : null,
    query: isView ? "" : queryOf(String(data.get("preset") ?? ""), storedQuery),
    frequency: data.get("frequency"),
    weekday: data.get("frequency") === "weekly" ? Number(data.get("weekday")) : null,
    monthDay: data.get("frequency") === "monthly" ? Number(data.get("monthDay")) : null,
    localTime: data.get("localTime"),
    formats: data.getAll("formats"),
    channel,
    telegramChatId: channel === "telegram" ? String(data.get("telegramChatId") ?? "") || null : null,
    recipients: channel === "email" ? { userIds: data.getAll("userIds"), emails } : { userIds: [], emails: [] },
  };
}
