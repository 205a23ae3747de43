// Wire shapes of amoCRM API v4 lists (docs/amocrm-wire.md, "Lists").

export type AmoLink = { href: string };

export type AmoPage<K extends string, T> = {
  _page?: number;
  _total_items?: number;
  _links?: { self?: AmoLink; next?: AmoLink; prev?: AmoLink };
  _embedded?: { [key in K]?: T[] };
};

export type AmoTokens = {
  accessToken: string;
  refreshToken: string;
  /** Unix milliseconds. */
  expiresAt: number;
};

export type AmoOAuth = AmoTokens & {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
};

/** amoCRM's system statuses, the same in every pipeline (docs/amocrm-wire.md, "Leads"). */
export const AMO_WON_STATUS_ID = 142;
export const AMO_LOST_STATUS_ID = 143;
