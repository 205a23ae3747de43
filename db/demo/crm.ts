// The connected sources (Bitrix24 portal, amoCRM account, shop), their CRM users, pipelines and stages.
import type { crmUsers, pipelines, sources, stages } from "../schema";
import { MANAGERS, PIPELINES, SOURCES, UNLINKED_CRM_USERS, type CrmAccount } from "./catalog";
import type { CrmKind, CrmUserRef, PipelineRef } from "./context";
import type { Random } from "./random";
import { DAY, type Timeline } from "./timeline";

type SourceRow = typeof sources.$inferInsert;
type CrmUserRow = typeof crmUsers.$inferInsert;
type PipelineRow = typeof pipelines.$inferInsert;
type StageRow = typeof stages.$inferInsert;

export type DemoCrm = {
  sources: SourceRow[];
  crmUsers: CrmUserRow[];
  pipelines: PipelineRow[];
  stages: StageRow[];
  sourceIds: { bitrix24: string; amocrm: string; shop: string };
  crmUserRefs: CrmUserRef[];
  pipelineRefs: PipelineRef[];
};

const SETTINGS: Record<keyof typeof SOURCES, Record<string, unknown>> = {
  bitrix24: { utmFields: { utm_source: "UTM_SOURCE", utm_medium: "UTM_MEDIUM", utm_campaign: "UTM_CAMPAIGN", utm_content: "UTM_CONTENT", utm_term: "UTM_TERM" } },
  amocrm: { utmFields: { utm_source: 1_184_201, utm_medium: 1_184_203, utm_campaign: 1_184_205, utm_content: 1_184_207, utm_term: 1_184_209 } },
  shop: {},
};

export function buildCrm(
  rnd: Random,
  timeline: Timeline,
  orgId: string,
  options: { managerUserIds: string[]; emailDomain: string; managerEmails: string[] },
): DemoCrm {
  const createdAt = timeline.start;
  const keys = Object.keys(SOURCES) as (keyof typeof SOURCES)[];
  const sourceRows = keys.map(
    (key): SourceRow => ({
      id: rnd.uuid(),
      orgId,
      kind: SOURCES[key].kind,
      name: SOURCES[key].name,
      baseUrl: SOURCES[key].baseUrl,
      credentials: null,
      webhookSecret: rnd.hex(16),
      settings: SETTINGS[key],
      crmAccountId: SOURCES[key].account?.id ?? null,
      crmAccountDomain: SOURCES[key].account?.domain ?? null,
      crmAccountAt: SOURCES[key].account ? createdAt : null,
      isActive: true,
      createdAt,
    }),
  );
  const sourceIds = Object.fromEntries(keys.map((key, i) => [key, sourceRows[i].id!])) as DemoCrm["sourceIds"];

  const crmUserRows: CrmUserRow[] = [];
  const crmUserRefs: CrmUserRef[] = [];
  const start = timeline.start.getTime();
  const end = timeline.now.getTime() + 1;
  const addAccount = (account: CrmAccount, name: string, email: string, userId: string | null, isActive: boolean, from: number, until: number) => {
    const id = rnd.uuid();
    const sourceId = sourceIds[account.source];
    crmUserRows.push({ id, orgId, sourceId, externalId: account.externalId, name, email, userId, isActive, createdAt: new Date(from) });
    crmUserRefs.push({ ...account, id, sourceId, activeFrom: from, activeUntil: until });
  };
  MANAGERS.forEach((manager, i) => {
    for (const account of manager.accounts) addAccount(account, manager.name, options.managerEmails[i], options.managerUserIds[i], true, start, end);
  });
  for (const spec of UNLINKED_CRM_USERS) {
    const days = spec.activeDays;
    const from = "lastDays" in days ? timeline.now.getTime() - days.lastDays * DAY : start;
    const until = "untilFraction" in days ? start + (end - start) * days.untilFraction : end;
    addAccount(spec.account, spec.name, `${spec.email}@${options.emailDomain}`, null, spec.isActive, from, until);
  }

  const pipelineRows: PipelineRow[] = [];
  const stageRows: StageRow[] = [];
  const pipelineRefs: PipelineRef[] = [];
  PIPELINES.forEach((spec, sort) => {
    const sourceId = sourceIds[spec.source];
    const pipelineId = rnd.uuid();
    pipelineRows.push({ id: pipelineId, orgId, sourceId, externalId: spec.externalId, name: spec.name, sort, isDeleted: false, createdAt });
    const ref: PipelineRef = {
      id: pipelineId, sourceId, source: spec.source as CrmKind, name: spec.name, share: spec.share, profile: spec.profile,
      openStageIds: [], wonStageId: "", lostStageId: "", stageExternalIds: {},
    };
    spec.stages.forEach((stage, index) => {
      const id = rnd.uuid();
      stageRows.push({ id, orgId, sourceId, pipelineId, externalId: stage.externalId, name: stage.name, sort: (index + 1) * 10, semantic: stage.semantic, color: stage.color, createdAt });
      ref.stageExternalIds[id] = stage.externalId;
      if (stage.semantic === "open") ref.openStageIds.push(id);
      else if (stage.semantic === "won") ref.wonStageId = id;
      else ref.lostStageId = id;
    });
    pipelineRefs.push(ref);
  });
  return { sources: sourceRows, crmUsers: crmUserRows, pipelines: pipelineRows, stages: stageRows, sourceIds, crmUserRefs, pipelineRefs };
}
