// The one way a translated template gets its values: every message file's "{name}" places.

/** "Отдел «{name}» добавлен." + { name: "Онлайн" } → "Отдел «Онлайн» добавлен."; an unknown place stays as it is. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
