// The sign-up request (POST /api/sign-up) and the confirmation (POST /api/sign-up/verify). Server
// only: the sign-up page posts JSON and shows the refusal's code.
import { z } from "zod";
import { passwordSchema } from "@/lib/users/schemas";

const text = (max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a string") })
    .trim()
    .min(1, "is required")
    .max(max, `must be at most ${max} characters`);

export const signUpSchema = z.object({
  organisation: text(200),
  name: text(200),
  email: text(320).toLowerCase().pipe(z.email({ message: "must be an e-mail address" })),
  password: passwordSchema,
  locale: z.enum(["ru", "en"], { message: "must be ru or en" }).default("ru"),
  inviteCode: z.string().max(200, "must be at most 200 characters").optional(),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const verifySignUpSchema = z.object({ token: text(200) });
