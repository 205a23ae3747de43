// Refusals of a request as such, before its content is looked at: where it came from, what it
// carries, how big it is. API routes throw them (lib/api/handler.ts maps them like every AppError);
// proxy.ts answers them for pages and server actions through the same error body.
import { AppError } from "@/lib/errors";

/** The bounded body every JSON route, the sign-in endpoint and server actions read: 1 MiB. */
export const MAX_BODY_BYTES = 1024 * 1024;

export class CrossSiteRequestError extends AppError {
  constructor() {
    super(403, "cross_site_request", "This request did not come from a page of this app; reload the page and try again");
  }
}

export class UnsupportedMediaTypeError extends AppError {
  constructor(expected: string) {
    super(415, "unsupported_media_type", `Send the body as ${expected}`);
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(limitBytes: number) {
    super(413, "payload_too_large", `The body is larger than ${formatBytes(limitBytes)}`);
  }
}

export class LengthRequiredError extends AppError {
  constructor() {
    super(411, "length_required", "Send the body with a Content-Length");
  }
}

export class MalformedPathError extends AppError {
  constructor() {
    super(400, "malformed_path", "The address contains an invalid percent-encoded character");
  }
}

function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}
