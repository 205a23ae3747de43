// Run an attempt until it succeeds, a non-retryable error stops it, or attempts run out.
import { ConnectorError, ConnectorRateLimitError } from "../errors";
import { backoffDelay, type BackoffOptions } from "./backoff";

export type RetryOptions = {
  maxAttempts: number;
  backoff?: BackoffOptions;
  sleep: (ms: number) => Promise<void>;
  onRetry?: (error: ConnectorError, attempt: number, delayMs: number) => void;
};

export async function withRetries<T>(attempt: (attemptNumber: number) => Promise<T>, options: RetryOptions): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (!(error instanceof ConnectorError) || !error.retryable || n >= options.maxAttempts) throw error;
      // A known wait (Bitrix24's operating_reset_at) beats a guess.
      const waitMs = error instanceof ConnectorRateLimitError && error.waitMs !== undefined ? error.waitMs : undefined;
      const delay = waitMs ?? backoffDelay(n, options.backoff);
      options.onRetry?.(error, n, delay);
      await options.sleep(delay);
    }
  }
}
