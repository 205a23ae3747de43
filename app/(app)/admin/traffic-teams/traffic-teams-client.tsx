"use client";
// The traffic-teams page: teams, their rules, conflicts, "Preview" of a change and the progress of
// the background recompute that every save starts.
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useApiForm } from "@/components/ui/use-api-form";
import type { AttributionPreview } from "@/lib/attribution/preview";
import type { Locale } from "@/lib/format";
import { fill } from "@/lib/i18n/fill";
import { describeError } from "@/lib/i18n/describe-error";
import type { TrafficMessages } from "@/lib/i18n/traffic-messages";
import { callApi } from "@/lib/api/call-api";
import { ConflictList } from "./conflict-list";
import { PreviewPanel } from "./preview-panel";
import { RecomputeStatus } from "./recompute-status";
import { RuleForm } from "./rule-form";
import { RulesTable } from "./rules-table";
import { TeamForm } from "./team-form";
import { TeamsTable } from "./teams-table";
import { useRefreshTraffic, useTrafficData, type RuleRow, type TeamRow } from "./use-traffic";

export type Notify = { ok: (message: string) => void; fail: (error: Error) => void };

/** The fields a refusal may name, as the team and rule forms label them. */
function fieldLabels(t: TrafficMessages): Record<string, string> {
  const { name, color, emoji, primaryCode } = t.teams;
  const { team, field, match, pattern, priority } = t.rules;
  return { name, color, emoji, primarySourceCode: primaryCode, teamId: team, field, match, pattern, priority };
}

export function TrafficTeamsClient({ t, locale }: { t: TrafficMessages; locale: Locale }) {
  const { teams, rules, conflicts, run } = useTrafficData();
  const refresh = useRefreshTraffic();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [preview, setPreview] = useState<AttributionPreview | null>(null);
  const [editing, setEditing] = useState<TeamRow | null>(null);
  const [editingRule, setEditingRule] = useState<RuleRow | null>(null);
  const notify: Notify = {
    ok: (text) => {
      setMessage({ tone: "success", text });
      setPreview(null);
      void refresh();
    },
    fail: (error) => setMessage({ tone: "error", text: describeError(error, locale, fieldLabels(t)) }),
  };
  const importExamples = useApiForm({
    send: () => callApi<{ teamsCreated: number; rulesCreated: number }>("/api/traffic-teams/import-examples", { body: {} }),
    locale,
    onSaved: (r) => notify.ok(r.teamsCreated + r.rulesCreated > 0 ? fill(t.teams.imported, { teams: r.teamsCreated, rules: r.rulesCreated }) : t.teams.nothingImported),
    onRefused: notify.fail,
  });

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" onClick={() => importExamples.run()} disabled={importExamples.isPending}>
          {importExamples.isPending ? t.teams.importing : t.teams.importExamples}
        </Button>
        <RecomputeStatus run={run} t={t.recompute} locale={locale} />
      </div>
      {message ? (
        <Alert tone={message.tone}>
          <span data-testid="traffic-message">{message.text}</span>
        </Alert>
      ) : null}
      <Card title={t.teams.title}>
        <TeamsTable teams={teams} t={t.teams} locale={locale} onEdit={setEditing} notify={notify} />
      </Card>
      <Card title={editing ? t.teams.editTeam : t.teams.newTeam}>
        <TeamForm key={editing?.id ?? "new"} team={editing} t={t} locale={locale} onDone={() => setEditing(null)} onPreview={setPreview} notify={notify} />
      </Card>
      <Card title={t.rules.title}>
        <RulesTable rules={rules} teams={teams} t={t.rules} locale={locale} onEdit={setEditingRule} notify={notify} />
        <div className="mt-4 border-t border-slate-100 pt-4">
          <RuleForm key={editingRule?.id ?? "new"} rule={editingRule} teams={teams} t={t.rules} locale={locale} onDone={() => setEditingRule(null)} onPreview={setPreview} notify={notify} />
        </div>
      </Card>
      {preview ? <PreviewPanel preview={preview} t={t.preview} locale={locale} onClose={() => setPreview(null)} /> : null}
      <Card title={t.rules.conflicts}>
        <ConflictList conflicts={conflicts} teams={teams} t={t.rules} />
      </Card>
    </div>
  );
}
