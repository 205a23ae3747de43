// Turns rows as a script or a CSV file gives them into ad-spend rows ready to store, with an error
// per row that cannot be (unknown team, bad day, bad amount, a key repeated in the same batch).
import { fold } from "@/lib/attribution/pattern";
import type { ErrorBody, ErrorCode, ErrorParams } from "@/lib/error-codes";
import { readAmount, readCurrency, readDay } from "./values";

/** A row before checking: every value as text, `line` to point the error at (CSV line or array index). */
export type RawSpendRow = { line: number; day?: string; team?: string; source?: string; campaign?: string; amount?: string; currency?: string };
export type SpendRow = { line: number; teamId: string; teamName: string; day: string; utmSource: string; utmCampaign: string; amount: string; currency: string };
/** A row's problems: `message` in English for API users, `problems` by code for the page to translate. */
export type RowError = { line: number; message: string; problems: RowProblem[] };
export type RowProblem = ErrorBody;
export type TeamRef = { id: string; name: string };

export function validateSpendRows(raw: readonly RawSpendRow[], teams: readonly TeamRef[], baseCurrency: string): { rows: SpendRow[]; errors: RowError[] } {
  const byName = new Map(teams.map((team) => [fold(team.name.trim()), team]));
  const byId = new Map(teams.map((team) => [team.id.toLowerCase(), team]));
  const rows: SpendRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for (const input of raw) {
    const problems: RowProblem[] = [];
    const teamText = input.team?.trim() ?? "";
    const team = byId.get(teamText.toLowerCase()) ?? byName.get(fold(teamText));
    if (!teamText) problems.push(problem("spend_team_required", "team", "team: is required"));
    else if (!team) problems.push(problem("spend_team_unknown", "team", `team: no traffic team "${teamText}"`, { team: teamText }));
    const day = readDay(input.day ?? "");
    if (!day) problems.push(problem("spend_day_invalid", "date", `date: "${input.day ?? ""}" is not a day (use 2026-03-01 or 01.03.2026)`, { value: input.day ?? "" }));
    const amount = readAmount(input.amount ?? "");
    if (amount === null) {
      problems.push(problem("spend_amount_invalid", "amount", `amount: "${input.amount ?? ""}" is not an amount (e.g. 1500 or 1 500,50; at most 2 decimals, not negative)`, { value: input.amount ?? "" }));
    }
    const currency = input.currency?.trim() ? readCurrency(input.currency) : baseCurrency;
    if (!currency) problems.push(problem("spend_currency_invalid", "currency", `currency: "${input.currency}" is not a currency code like KZT, RUB or USD`, { value: input.currency ?? "" }));
    const utmSource = (input.source ?? "").trim();
    const utmCampaign = (input.campaign ?? "").trim();
    if (utmSource.length > 200 || utmCampaign.length > 200) problems.push(problem("spend_text_too_long", "source", "source and campaign: at most 200 characters each"));
    if (problems.length === 0 && team && day && amount !== null && currency) {
      // The same key twice in one batch is ambiguous (add? replace?), so it is an error, not a guess.
      const key = [team.id, day, utmSource, utmCampaign, currency].join("|");
      const first = seen.get(key);
      if (first !== undefined) problems.push(problem("spend_duplicate_row", undefined, `duplicates line ${first}: same team, day, source, campaign and currency`, { line: first }));
      else {
        seen.set(key, input.line);
        rows.push({ line: input.line, teamId: team.id, teamName: team.name, day, utmSource, utmCampaign, amount, currency });
      }
    }
    if (problems.length > 0) errors.push({ line: input.line, message: problems.map((each) => each.message).join("; "), problems });
  }
  return { rows, errors };
}

function problem(code: ErrorCode, field: string | undefined, message: string, params?: ErrorParams): RowProblem {
  return { code, message, ...(field ? { field } : {}), ...(params ? { params } : {}) };
}
