// The shop webhook's JSON, as documented in docs/webhooks.md. Ids and money may come as numbers or
// strings (PHP shops send either); money is kept as a decimal string, never a float.
import { z } from "zod";

const idSchema = z.union([z.string().trim().min(1).max(100), z.number().int().nonnegative()]).transform(String);
const decimalSchema = z
  .union([z.number().finite(), z.string().trim()])
  .transform(String)
  .refine((value) => /^-?\d{1,15}(\.\d{1,4})?$/.test(value), "must be a decimal amount such as 12500.50");
const timeSchema = z.iso.datetime({ offset: true }).transform((value) => new Date(value));
const optionalText = z
  .string()
  .trim()
  .max(300)
  .nullish()
  .transform((value) => (value ? value : null));

export const SHOP_EVENTS = ["order.created", "order.updated", "order.deleted"] as const;
export type ShopEvent = (typeof SHOP_EVENTS)[number];

export const shopOrderSchema = z.object({
  id: idSchema,
  number: z.union([z.string().max(100), z.number()]).transform(String).nullish(),
  status: z.string().trim().min(1).max(100),
  createdAt: timeSchema,
  updatedAt: timeSchema.nullish(),
  total: decimalSchema,
  currency: z
    .string()
    .trim()
    .transform((value) => value.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as KZT")),
  customer: z.object({ name: optionalText, phone: optionalText, email: optionalText }).partial().nullish(),
  items: z
    .array(z.object({ sku: z.union([z.string(), z.number()]).transform(String), name: z.string().max(500), quantity: z.number().nonnegative(), price: decimalSchema }))
    .max(1000)
    .default([]),
});

/** A delete needs only the order's id; the rest of the order may be absent. */
const deletedOrderSchema = z.object({ id: idSchema, updatedAt: timeSchema.nullish() });

export const shopWebhookSchema = z.discriminatedUnion("event", [
  z.object({ event: z.literal("order.created"), order: shopOrderSchema }),
  z.object({ event: z.literal("order.updated"), order: shopOrderSchema }),
  z.object({ event: z.literal("order.deleted"), order: deletedOrderSchema }),
]);

export type ShopOrder = z.infer<typeof shopOrderSchema>;
export type ShopWebhook = z.infer<typeof shopWebhookSchema>;
