// What an admin form's server action returns, and how a refusal (zod or a domain rule) becomes
// messages in the person's language: beside the field it concerns, else above the form.
import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { fill, type AdminMessages } from "@/lib/i18n/admin-messages";

export type FormState = {
  status?: "success" | "error";
  message?: string;
  fieldErrors?: Record<string, string>;
  /** What was typed, to put back after a refusal (never a password). */
  values?: Record<string, string>;
  /** Ticked checkboxes, to put back after a refusal. */
  selected?: string[];
  /** The user an invitation created. */
  userId?: string;
};

type Errors = AdminMessages["errors"];
type Found = { field?: string; message: string };

// The domain's own wording (lib/users, lib/org), recognised so that it can be shown translated.
// form-state.test.ts provokes each of these from the real functions, so a rewording fails a test.
const domainRules: { pattern: RegExp; describe: (match: RegExpMatchArray, t: Errors) => Found }[] = [
  { pattern: /^A user with this e-mail already exists$/, describe: (_, t) => ({ field: "email", message: t.emailTaken }) },
  { pattern: /^A department named "(.*)" already exists$/s, describe: ([, name], t) => ({ field: "name", message: fill(t.departmentTaken, { name }) }) },
  {
    pattern: /^CRM user (.+) is already linked to (.+); unlink it there first$/s,
    describe: ([, crmUser, user], t) => ({ field: "crmUserIds", message: fill(t.crmUserTaken, { crmUser, user }) }),
  },
  { pattern: /^(.+) is the last active admin of the organisation/s, describe: ([, name], t) => ({ message: fill(t.lastAdmin, { name }) }) },
  { pattern: /^role: you cannot take away your own admin role/, describe: (_, t) => ({ field: "role", message: t.ownRole }) },
  { pattern: /^isActive: you cannot disable your own account/, describe: (_, t) => ({ field: "isActive", message: t.ownDisable }) },
  {
    pattern: /^departmentId: (is required for a director|a director needs a department)$/,
    describe: (_, t) => ({ field: "departmentId", message: t.directorNeedsDepartment }),
  },
  { pattern: /^Department not found$/, describe: (_, t) => ({ field: "departmentId", message: t.departmentNotFound }) },
  { pattern: /^CRM user not found$/, describe: (_, t) => ({ field: "crmUserIds", message: t.crmUserNotFound }) },
  { pattern: /^User not found$/, describe: (_, t) => ({ message: t.userNotFound }) },
];

/**
 * The messages for a refused submission. `fields` maps each field of the form to its general
 * "what is expected" text; a message about a field the form does not show goes above the form.
 * Anything that is not a validation or domain error is a bug and is rethrown, not shown.
 */
export function describeFormError(error: unknown, t: Errors, fields: Record<string, string>): Pick<FormState, "message" | "fieldErrors"> {
  const found: Found[] = [];
  if (error instanceof ZodError) {
    for (const issue of error.issues) {
      const field = issue.path.length ? String(issue.path[0]) : undefined;
      if (field === "departmentId" && issue.message === "is required for a director") found.push({ field, message: t.directorNeedsDepartment });
      else if (field && Object.hasOwn(fields, field)) found.push({ field, message: fields[field] });
      else found.push({ message: field ? `${field}: ${issue.message}` : issue.message });
    }
  } else if (error instanceof AppError) {
    found.push(describeAppError(error, t, fields));
  } else {
    throw error;
  }

  const fieldErrors: Record<string, string> = {};
  const general: string[] = [];
  for (const { field, message } of found) {
    if (field && Object.hasOwn(fields, field)) fieldErrors[field] ??= message;
    else if (!general.includes(message)) general.push(message);
  }
  return {
    ...(general.length ? { message: general.join(" ") } : {}),
    ...(Object.keys(fieldErrors).length ? { fieldErrors } : {}),
  };
}

function describeAppError(error: AppError, t: Errors, fields: Record<string, string>): Found {
  for (const { pattern, describe } of domainRules) {
    const match = error.message.match(pattern);
    if (match) return describe(match, t);
  }
  // "field: what is wrong" from a rule not listed above: the field's general text, else the domain's own words.
  const prefixed = error.message.match(/^(\w+): /);
  if (prefixed && Object.hasOwn(fields, prefixed[1])) return { field: prefixed[1], message: fields[prefixed[1]] };
  return { message: error.message };
}

/** The text fields of a submitted form, to put back after a refusal. */
export function textValues(form: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, typeof form.get(name) === "string" ? (form.get(name) as string) : ""]));
}
