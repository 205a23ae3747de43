// Bitrix24: an inbound webhook or an OAuth application; its events prove themselves with the
// application token of the portal's outgoing webhook, so Voronka issues it no secret.
import type { CredentialField, SourceDescriptor } from "../descriptor";

const applicationToken: CredentialField = { name: "applicationToken", id: "source-app-token", label: "applicationToken", required: false };

export const bitrix24Descriptor = {
  kind: "bitrix24",
  isCrm: true,
  connections: [
    {
      id: "webhook",
      fields: [{ name: "webhookUrl", id: "source-webhook", label: "webhookUrl", hint: "webhookUrlHint", type: "url", required: true }, applicationToken],
    },
    {
      id: "bitrixOAuth",
      fields: [
        { name: "portalUrl", id: "source-portal-url", label: "portalUrl", hint: "portalUrlHint", type: "url", required: true },
        { name: "clientId", id: "source-client-id", label: "clientId", required: true },
        { name: "clientSecret", id: "source-client-secret", label: "clientSecret", type: "password", required: true },
        { name: "accessToken", id: "source-token", label: "oauthAccessToken", type: "password", required: true },
        { name: "refreshToken", id: "source-refresh-token", label: "refreshToken", hint: "refreshTokenHint", type: "password", required: true },
        applicationToken,
      ],
    },
  ],
  issuesSecret: false,
  secretInUrl: false,
  signsBodies: false,
  needsApplicationToken: true,
  choosesQualifiedStages: false,
  mapsTrafficFields: false,
  hasMatchWindow: false,
  importsOrders: false,
} as const satisfies SourceDescriptor;
