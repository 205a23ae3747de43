// A site form needs only a name: its address (with the secret in it) is pasted into the form's settings.
import { z } from "zod";
import { sourceName } from "../input-fields";

export const formInput = z.object({ kind: z.literal("form"), name: sourceName });
