// Wire shapes of Bitrix24 REST (docs/bitrix24-wire.md, "Envelope", "batch").

export type B24Time = {
  start: number;
  finish: number;
  duration: number;
  processing: number;
  date_start: string;
  date_finish: string;
  operating?: number;
  operating_reset_at?: number | string;
};

export type B24Envelope<T> = { result: T; next?: number; total?: number; time?: B24Time };
export type B24ErrorBody = { error: string; error_description?: string };

export type B24BatchResult = {
  result: Record<string, unknown>;
  result_error: Record<string, B24ErrorBody>;
  result_total: Record<string, number>;
  result_next: Record<string, number>;
  result_time: Record<string, B24Time>;
};

export type B24Entity = "deal" | "lead" | "contact" | "company" | "activity";

export type Bitrix24Tokens = {
  accessToken: string;
  refreshToken: string;
  /** Unix milliseconds. */
  expiresAt: number;
  memberId?: string;
  clientEndpoint?: string;
};

export type Bitrix24Limits = {
  /** Requests the portal lets through at once (X). */
  burst: number;
  /** Requests per second the portal drains (Y). */
  perSecond: number;
};

/** Standard cloud plans and Enterprise (docs/bitrix24-wire.md, "Limits"). */
export const BITRIX24_PLAN_LIMITS = {
  standard: { burst: 50, perSecond: 2 },
  enterprise: { burst: 250, perSecond: 5 },
} satisfies Record<string, Bitrix24Limits>;
