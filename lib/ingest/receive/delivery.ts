// A delivery as the receiver sees it, whichever way it arrived: through a Next route handler (a Web
// Request) or through the direct listener in front of Next (a Node request, ./direct-listener.ts).
import type { IncomingMessage } from "node:http";
import { readBodyWithLimit, readNodeBodyWithLimit, type BodyResult } from "@/lib/api/read-body";

export type HeaderReader = { get(name: string): string | null };

export type Delivery = { headers: HeaderReader; readBody: () => Promise<BodyResult> };

export function deliveryFromRequest(request: Request): Delivery {
  return { headers: request.headers, readBody: () => readBodyWithLimit(request) };
}

export function deliveryFromNode(request: IncomingMessage): Delivery {
  const headers: HeaderReader = {
    get(name) {
      const value = request.headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    },
  };
  return { headers, readBody: () => readNodeBodyWithLimit(request) };
}
