// A shop needs only a name: it is given a signing secret, and posts to Voronka.
import { z } from "zod";
import { sourceName } from "../input-fields";

export const shopInput = z.object({ kind: z.literal("shop"), name: sourceName });
