// amoCRM: a long-lived token or an OAuth integration. amoCRM signs its webhooks with nothing, so
// the address it posts to carries the source's secret.
import type { CredentialField, SourceDescriptor } from "../descriptor";

const baseUrl: CredentialField = { name: "baseUrl", id: "source-base-url", label: "baseUrl", hint: "baseUrlHint", required: true };

export const amocrmDescriptor = {
  kind: "amocrm",
  isCrm: true,
  connections: [
    { id: "token", fields: [baseUrl, { name: "accessToken", id: "source-token", label: "accessToken", hint: "accessTokenHint", type: "password", required: true }] },
    {
      id: "amoOAuth",
      fields: [
        baseUrl,
        { name: "clientId", id: "source-client-id", label: "clientId", required: true },
        { name: "clientSecret", id: "source-client-secret", label: "clientSecret", type: "password", required: true },
        { name: "redirectUri", id: "source-redirect-uri", label: "redirectUri", type: "url", required: true },
        { name: "accessToken", id: "source-token", label: "oauthAccessToken", type: "password", required: true },
        { name: "refreshToken", id: "source-refresh-token", label: "refreshToken", hint: "refreshTokenHint", type: "password", required: true },
      ],
    },
  ],
  issuesSecret: true,
  secretInUrl: true,
  signsBodies: false,
  needsApplicationToken: false,
  choosesQualifiedStages: true,
  mapsTrafficFields: true,
  hasMatchWindow: false,
  importsOrders: false,
} as const satisfies SourceDescriptor;
