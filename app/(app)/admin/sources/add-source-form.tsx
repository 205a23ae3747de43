"use client";
// The add form: the fields change with the kind; after creation the inbound webhook address (and a
// shop's signing secret) is shown once, to be pasted into the CRM or shop.
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { fill } from "@/lib/i18n/admin-messages";
import type { SourcesMessages } from "@/lib/i18n/sources-messages";
import { callApi } from "./api";

type Kind = "bitrix24" | "amocrm" | "shop";
type Created = { id: string; inboundWebhookUrl: string; signingSecret?: string };

export function AddSourceForm({ t, onCreated }: { t: SourcesMessages; onCreated: () => void }) {
  const [kind, setKind] = useState<Kind>("bitrix24");
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "").trim();
    const body: Record<string, string> = { kind, name: value("name") };
    if (kind === "bitrix24") {
      body.webhookUrl = value("webhookUrl");
      if (value("applicationToken")) body.applicationToken = value("applicationToken");
    }
    if (kind === "amocrm") Object.assign(body, { baseUrl: value("baseUrl"), accessToken: value("accessToken") });
    setBusy(true);
    setError(null);
    try {
      setCreated(await callApi<Created>("/api/sources", { body }));
      event.currentTarget?.reset();
      onCreated();
    } catch (e) {
      setError(fill(t.error, { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="grid gap-4 md:grid-cols-2" aria-label={t.add.title}>
      <Field label={t.add.kind} htmlFor="source-kind">
        <Select id="source-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          {(["bitrix24", "amocrm", "shop"] as const).map((k) => (
            <option key={k} value={k}>
              {t.kinds[k]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.add.name} htmlFor="source-name">
        <Input id="source-name" name="name" required maxLength={100} placeholder={t.add.namePlaceholder} />
      </Field>
      {kind === "bitrix24" ? (
        <>
          <Field label={t.add.webhookUrl} htmlFor="source-webhook" hint={t.add.webhookUrlHint}>
            <Input id="source-webhook" name="webhookUrl" required type="url" autoComplete="off" />
          </Field>
          <Field label={t.add.applicationToken} htmlFor="source-app-token">
            <Input id="source-app-token" name="applicationToken" autoComplete="off" />
          </Field>
        </>
      ) : null}
      {kind === "amocrm" ? (
        <>
          <Field label={t.add.baseUrl} htmlFor="source-base-url" hint={t.add.baseUrlHint}>
            <Input id="source-base-url" name="baseUrl" required type="url" />
          </Field>
          <Field label={t.add.accessToken} htmlFor="source-token" hint={t.add.accessTokenHint}>
            <Input id="source-token" name="accessToken" required type="password" autoComplete="off" />
          </Field>
        </>
      ) : null}
      <div className="md:col-span-2 space-y-3">
        <Button type="submit" disabled={isBusy}>
          {t.add.submit}
        </Button>
        {error ? <Alert tone="error">{error}</Alert> : null}
        {created ? (
          <Alert tone="success">
            <p>{t.add.created}</p>
            <code className="mt-1 block break-all" data-testid="created-inbound-url">
              {created.inboundWebhookUrl}
            </code>
            {created.signingSecret ? (
              <>
                <p className="mt-2">{t.add.signingSecret}</p>
                <code className="mt-1 block break-all">{created.signingSecret}</code>
              </>
            ) : null}
          </Alert>
        ) : null}
      </div>
    </form>
  );
}
