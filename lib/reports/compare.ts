// How report rows are ordered by a name: Russian alphabetical order, the "(not set)" group (null) last.
// One function for every report, so the same names sort the same way in each.
export function compareNullLast(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b, "ru");
}
