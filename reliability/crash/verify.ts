/**
 * What the crash suite finds in the programme: every report read back whole
 * and compared with what was sent, none twice, none unknown, each audited
 * exactly once as create, values, submit.
 */
import { REPORT_COLUMN_KEYS } from '../../src/server/use-cases/reports/report-input.js';
import { call, inBatches } from './http.js';
import type { Submission } from './submissions.js';

export interface Found {
  id: number;
}

export interface Inspection {
  /** Submission index → the report that carries it. */
  found: Map<number, Found>;
  duplicates: number;
  damaged: number;
  problems: string[];
}

interface ReportOut {
  id: number;
  itemId: number;
  unitId: number;
  period: string;
  state: string;
  progress: string;
  percentComplete: number | null;
  claimedStatus: string;
  fundsPlanned: number | null;
  fundsAllocated: number | null;
  fundsDisbursed: number | null;
  problems: string;
  nextSteps: string;
  submittedAt: string | null;
  firstSubmittedAt: string | null;
  values: { indicatorId: number; value: number }[];
}

const placeOf = (r: { itemId: number; unitId: number; period: string }) => `${r.itemId}/${r.unitId}/${r.period}`;

async function get<T>(url: string, headers: Record<string, string>, path: string): Promise<T> {
  const answer = await call(url, 'GET', path, { headers });
  if (answer.status !== 200) throw new Error(`GET ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as T;
}

/** The differences between a stored report and the submission it should be (empty: whole). */
export function differences(report: ReportOut, s: Submission): string[] {
  const out: string[] = [];
  const expect = (field: string, actual: unknown, wanted: unknown) => {
    if (JSON.stringify(actual) !== JSON.stringify(wanted))
      out.push(`${field} is ${JSON.stringify(actual)}, sent ${JSON.stringify(wanted)}`);
  };
  expect('state', report.state, 'submitted');
  expect('itemId', report.itemId, s.itemId);
  expect('unitId', report.unitId, s.unitId);
  expect('period', report.period, s.period);
  for (const field of REPORT_COLUMN_KEYS) expect(field, report[field], s.body[field]);
  const byIndicator = (a: { indicatorId: number }, b: { indicatorId: number }) => a.indicatorId - b.indicatorId;
  expect('values', [...report.values].sort(byIndicator), [...s.body.values].sort(byIndicator));
  if (!report.submittedAt || !report.firstSubmittedAt) out.push('submittedAt or firstSubmittedAt is missing');
  return out;
}

/** Every report audit entry of the programme: report id → its actions. */
async function auditedActions(
  url: string,
  headers: Record<string, string>,
  programmeId: number,
): Promise<Map<number, string[]>> {
  const actions = new Map<number, string[]>();
  let before: number | undefined;
  for (;;) {
    const query = `programmeId=${programmeId}&entityType=report&limit=500${before ? `&before=${before}` : ''}`;
    const page = await get<{ items: { id: number; action: string; entityId: number | null }[] }>(
      url,
      headers,
      `/api/v1/history?${query}`,
    );
    for (const entry of page.items) {
      if (entry.entityId === null) continue;
      actions.set(entry.entityId, [...(actions.get(entry.entityId) ?? []), entry.action]);
    }
    const last = page.items.at(-1);
    if (page.items.length < 500 || !last) return actions;
    before = last.id;
  }
}

export async function inspectProgramme(
  url: string,
  headers: Record<string, string>,
  programmeId: number,
  plan: readonly Submission[],
): Promise<Inspection> {
  const problems: string[] = [];
  const summaries: { id: number; itemId: number; unitId: number; period: string }[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await get<{ items: typeof summaries; total: number }>(
      url,
      headers,
      `/api/v1/programmes/${programmeId}/reports?limit=500&offset=${offset}`,
    );
    summaries.push(...page.items);
    if (summaries.length >= page.total || page.items.length === 0) break;
  }
  const planned = new Map(plan.map((s) => [placeOf(s), s]));
  const seen = new Map<string, number>();
  let duplicates = 0;
  for (const summary of summaries) {
    const place = placeOf(summary);
    seen.set(place, (seen.get(place) ?? 0) + 1);
    if ((seen.get(place) ?? 0) > 1) {
      duplicates += 1;
      problems.push(`two reports for item ${summary.itemId}, unit ${summary.unitId}, ${summary.period}`);
    }
    if (!planned.has(place)) {
      duplicates += 1;
      problems.push(`report ${summary.id} matches no submission`);
    }
  }

  const audit = await auditedActions(url, headers, programmeId);
  const found = new Map<number, Found>();
  let damaged = 0;
  const reports = await inBatches(summaries, 8, (s) => get<ReportOut>(url, headers, `/api/v1/reports/${s.id}`));
  for (const report of reports) {
    const submission = planned.get(placeOf(report));
    if (!submission) continue;
    found.set(submission.index, { id: report.id });
    const wrong = differences(report, submission);
    const actions = [...(audit.get(report.id) ?? [])].sort();
    if (JSON.stringify(actions) !== JSON.stringify(['create', 'submit', 'update-values']))
      wrong.push(`audited as ${JSON.stringify(actions)}, expected create, update-values, submit once each`);
    if (wrong.length > 0) {
      damaged += 1;
      problems.push(`report ${report.id} (submission ${submission.index}) is not whole: ${wrong.join('; ')}`);
    }
  }
  return { found, duplicates, damaged, problems: problems.slice(0, 20) };
}
