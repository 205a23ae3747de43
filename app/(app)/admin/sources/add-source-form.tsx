"use client";
// The add form: the fields change with the kind. A CRM's connection is checked before it is saved;
// when the check fails the form says why and offers to save it anyway. After creation the inbound
// webhook address (and a shop's signing secret) is shown once, to be pasted into the CRM, shop or form,
// and the form is cleared for the next source.
import { useRef, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import type { Locale } from "@/lib/format";
import { fill } from "@/lib/i18n/fill";
import { describeError } from "@/lib/i18n/describe-error";
import { describeTestFailure, type SourcesMessages } from "@/lib/i18n/sources-messages";
import { ApiError, callApi } from "@/lib/api/call-api";
import type { SourceKind } from "@/db/schema";
import { describeKind, isCrmKind, SOURCE_KINDS, type ConnectionId } from "@/lib/connectors/descriptors";

type Kind = SourceKind;
/** The connections each kind offers and the fields each sends (lib/connectors/<kind>/descriptor.ts). */
const connectionsOf = (kind: Kind) => describeKind(kind).connections;
type Created = { id: string; inboundWebhookUrl: string; signingSecret?: string; check: { ok: true; portal: string; user: { name: string } } | null };

/** The fields a refusal may name, as this form labels them. */
function fieldLabels(t: SourcesMessages["add"]): Record<string, string> {
  const { kind, name, webhookUrl, applicationToken, portalUrl, clientId, clientSecret, baseUrl, redirectUri } = t;
  return { kind, name, webhookUrl, applicationToken, portalUrl, clientId, clientSecret, baseUrl, redirectUri, accessToken: t.oauthAccessToken, refreshToken: t.refreshToken };
}

export function AddSourceForm({ t, locale, onCreated }: { t: SourcesMessages; locale: Locale; onCreated: () => void }) {
  const [kind, setKind] = useState<Kind>("bitrix24");
  const [connection, setConnection] = useState<ConnectionId>("webhook");
  const chooseKind = (next: Kind) => {
    setKind(next);
    setConnection(connectionsOf(next)[0]?.id ?? "webhook");
  };
  const fields = connectionsOf(kind).find((c) => c.id === connection)?.fields ?? [];
  const formRef = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<string | null>(null);
  /** Why the check before saving failed; the admin may then save without it. */
  const [failedCheck, setFailedCheck] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function save(saveUntested: boolean) {
    const form = new FormData(formRef.current!);
    const value = (name: string) => String(form.get(name) ?? "").trim();
    const body: Record<string, string | boolean> = { kind, name: value("name") };
    for (const field of fields) if (value(field.name)) body[field.name] = value(field.name);
    if (saveUntested) body.saveUntested = true;
    setBusy(true);
    setError(null);
    setFailedCheck(null);
    setCreated(null);
    try {
      setCreated(await callApi<Created>("/api/sources", { body }));
      formRef.current?.reset();
      onCreated();
    } catch (e) {
      if (e instanceof ApiError && e.code === "source_check_failed" && e.params) {
        const { reason, details, ...params } = e.params;
        setFailedCheck(describeTestFailure(t, { reason: String(reason), params, ...(details ? { details: String(details) } : {}) }));
      } else {
        setError(fill(t.error, { message: describeError(e, locale, fieldLabels(t.add)) }));
      }
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void save(false);
  }

  return (
    <form ref={formRef} onSubmit={submit} className="grid gap-4 md:grid-cols-2" aria-label={t.add.title}>
      <Field label={t.add.kind} htmlFor="source-kind">
        <Select id="source-kind" value={kind} onChange={(e) => chooseKind(e.target.value as Kind)}>
          {SOURCE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t.kinds[k]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.add.name} htmlFor="source-name">
        <Input id="source-name" name="name" required maxLength={100} placeholder={t.add.namePlaceholder} />
      </Field>
      {isCrmKind(kind) ? (
        <Field label={t.add.connection} htmlFor="source-connection">
          <Select id="source-connection" value={connection} onChange={(e) => setConnection(e.target.value as ConnectionId)}>
            {connectionsOf(kind).map((c) => (
              <option key={c.id} value={c.id}>
                {t.add.connections[c.id]}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {fields.map((field) => (
        <Field key={field.name} label={t.add[field.label]} htmlFor={field.id} hint={field.hint ? t.add[field.hint] : undefined}>
          <Input id={field.id} name={field.name} required={field.required} type={field.type} autoComplete="off" />
        </Field>
      ))}
      <div className="md:col-span-2 space-y-3">
        <Button type="submit" disabled={isBusy}>
          {t.add.submit}
        </Button>
        {error ? <Alert tone="error">{error}</Alert> : null}
        {failedCheck ? (
          <div data-testid="check-failed">
            <Alert tone="error">
              <p className="font-medium">{t.add.checkFailed}</p>
              <p className="mt-1">{failedCheck}</p>
              <Button type="button" variant="secondary" className="mt-3" disabled={isBusy} onClick={() => void save(true)}>
                {t.add.saveUntested}
              </Button>
            </Alert>
          </div>
        ) : null}
        {created ? (
          <Alert tone="success">
            {isCrmKind(kind) ? <p data-testid="created-check">{created.check ? fill(t.add.checked, { portal: created.check.portal, user: created.check.user.name }) : t.add.savedUntested}</p> : null}
            <p>{t.add.created}</p>
            <code className="mt-1 block break-all" data-testid="created-inbound-url">
              {created.inboundWebhookUrl}
            </code>
            {describeKind(kind).addedHint ? <p className="mt-2">{t.add[describeKind(kind).addedHint!]}</p> : null}
            {created.signingSecret ? (
              <>
                <p className="mt-2">{t.add.signingSecret}</p>
                <code className="mt-1 block break-all" data-testid="created-signing-secret">
                  {created.signingSecret}
                </code>
              </>
            ) : null}
          </Alert>
        ) : null}
      </div>
    </form>
  );
}
