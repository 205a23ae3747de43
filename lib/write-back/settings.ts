// A source's write-back settings live in `sources.settings.writeBack` (read defensively: the JSON
// is ours, but older rows have none).
import { isWriteBackKey, type WriteBackSettings } from "./keys";

export function writeBackSettingsOf(settings: Record<string, unknown> | null | undefined): WriteBackSettings {
  const raw = settings?.writeBack as { isEnabled?: unknown; fields?: unknown } | undefined;
  const fields: WriteBackSettings["fields"] = {};
  if (raw?.fields && typeof raw.fields === "object") {
    for (const [key, field] of Object.entries(raw.fields as Record<string, unknown>)) {
      if (isWriteBackKey(key) && typeof field === "string" && field !== "") fields[key] = field;
    }
  }
  return { isEnabled: raw?.isEnabled === true, fields };
}
