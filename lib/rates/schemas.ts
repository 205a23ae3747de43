// Request shapes of the exchange-rate editor, shared by the JSON API and the admin page (no database imports).
import { z } from "zod";

const requiredString = () => z.string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a string") });

/** A rate is "units of the base currency per one unit of the currency": positive, at most 10 digits before the point and 8 after. */
export const RATE_PATTERN = /^\d{1,10}(\.\d{1,8})?$/;

export const rateInputSchema = z.object({
  currency: requiredString()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "must be a currency code of three letters (ISO 4217), such as USD"),
  day: z.iso.date({ message: "must be a date as YYYY-MM-DD" }),
  rate: z
    .union([requiredString(), z.number({ message: "must be a decimal number" })])
    .transform((value) => String(value).trim().replace(",", "."))
    .refine((value) => RATE_PATTERN.test(value), "must be a positive decimal number with at most 8 decimals, such as 512.3456")
    .refine((value) => Number(value) > 0, "must be greater than 0"),
});
export type RateInput = z.infer<typeof rateInputSchema>;

export const rateListQuerySchema = z.object({
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "must be a currency code of three letters (ISO 4217), such as USD")
    .optional(),
});

export const rateIdSchema = z.guid({ message: "must be a rate id (UUID)" }).transform((id) => id.toLowerCase());
