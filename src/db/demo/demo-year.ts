/**
 * A year of work on the fictional 明湖区 programme, so that a new user sees
 * the system at work on first start: monthly reports approved up to the last
 * due date, the current month partly submitted, one report returned, a few
 * items behind plan, supervision notices at each stage, inspections and an
 * assessment adjustment. Pure: the plan is computed from the programme's
 * items and today's date; src/server/use-cases/demo/seed-demo-year.ts writes it.
 */
import { addDays } from '../../core/work/calendar.js';

export interface DemoLeaf {
  id: number;
  number: string;
  name: string;
  deadline: string | null;
  leadUnitId: number;
  indicators: {
    id: number;
    name: string;
    unit: string;
    target: number | null;
    direction: 'increase' | 'decrease';
    checkpoints: Record<string, number>;
  }[];
  milestones: { period: string; text: string }[];
}

export interface DemoReport {
  itemId: number;
  unitId: number;
  period: string;
  state: 'draft' | 'submitted' | 'approved' | 'returned';
  progress: string;
  percentComplete: number | null;
  claimedStatus: 'in_progress' | 'done';
  fundsPlanned: number;
  fundsAllocated: number;
  fundsDisbursed: number;
  problems: string;
  nextSteps: string;
  returnReason: string | null;
  submittedAt: string | null;
  reviewedAt: string | null;
  values: Record<number, number>;
}

export interface DemoNotice {
  itemId: number;
  unitId: number;
  reason: string;
  requiredAction: string;
  issuedOn: string;
  replyDue: string;
  state: 'open' | 'replied' | 'closed';
  reply: string | null;
  repliedOn: string | null;
  closeNote: string | null;
}

export interface DemoInspection {
  itemId: number;
  date: string;
  inspectors: string;
  findings: string;
  followUp: string;
}

export interface DemoYear {
  reports: DemoReport[];
  notices: DemoNotice[];
  inspections: DemoInspection[];
  /** Items whose actuals run well behind plan (for the docs and tests). */
  laggingItemIds: number[];
  atRiskItemIds: number[];
  lateUnitId: number | null;
}

const MONTHS = ['M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07', 'M08', 'M09', 'M10', 'M11', 'M12'] as const;
const QUARTER_NAMES = ['一', '二', '三', '四'];

/**
 * Planned cumulative value at the end of month m (1–12): linear from zero
 * between the quarter checkpoints, reaching the target by the deadline month.
 */
export function plannedAtMonth(
  checkpoints: Record<string, number>,
  target: number | null,
  month: number,
  endMonth = 12,
): number {
  const points: [number, number][] = [[0, 0]];
  for (let q = 1; q <= 4; q++) {
    const value = checkpoints[`Q${q}`];
    if (value !== undefined && q * 3 < endMonth) points.push([q * 3, value]);
  }
  if (target !== null) points.push([endMonth, target]);
  else if (checkpoints.Q4 !== undefined && endMonth >= 12) points.push([12, checkpoints.Q4]);
  for (let i = 1; i < points.length; i++) {
    const [m1, v1] = points[i] as [number, number];
    const [m0, v0] = points[i - 1] as [number, number];
    if (month <= m1) return v0 + ((v1 - v0) * (month - m0)) / (m1 - m0);
  }
  return (points[points.length - 1] as [number, number])[1];
}

/** A falling indicator (剩余…) steps down through its checkpoints, starting above the first. */
function plannedFalling(checkpoints: Record<string, number>, target: number | null, month: number): number {
  const known = [1, 2, 3, 4]
    .map((q) => [q * 3, checkpoints[`Q${q}`]] as const)
    .filter((p): p is readonly [number, number] => p[1] !== undefined);
  const first = known[0]?.[1] ?? target ?? 0;
  let value = first * 1.2;
  for (const [m, v] of known) if (month >= m) value = v;
  return target !== null && month >= 12 ? target : value;
}

const round = (value: number, integral: boolean): number =>
  integral ? Math.round(value) : Math.round(value * 100) / 100;

const at = (date: string, time: string): string => `${date}T${time}+08:00`;

type Pace = { pace: number; kind: 'normal' | 'lagging' | 'at_risk' };

/**
 * How far ahead (or behind) of plan each leaf runs: most a little ahead, two
 * behind (the demo reporter's first measurable item among them, so that the
 * reporter has something to catch up on) and one at risk.
 */
function pacesOf(leaves: DemoLeaf[], reporterUnitId: number | undefined): Pace[] {
  const count = leaves.length;
  // The reporter's measurable item with the latest deadline: still in time to catch up.
  let own = -1;
  leaves.forEach((leaf, index) => {
    if (leaf.leadUnitId !== reporterUnitId || leaf.indicators.length === 0) return;
    if (own < 0 || (leaf.deadline ?? '9999') > ((leaves[own] as DemoLeaf).deadline ?? '9999')) own = index;
  });
  const lagging = new Set(count >= 6 ? [own >= 0 ? own : 3, count - 3] : []);
  const atRisk = count >= 6 ? [6, 7, 8].find((i) => !lagging.has(i)) : undefined;
  return leaves.map((_, index) => {
    // Well below the on-track line on any day: a month after a quarter closes the plan has run ahead of the checkpoint.
    if (lagging.has(index)) return { pace: 0.4, kind: 'lagging' };
    if (index === atRisk) return { pace: 0.8, kind: 'at_risk' };
    return { pace: 1 + ((index * 7) % 9) / 100, kind: 'normal' };
  });
}

function progressText(leaf: DemoLeaf, month: number, values: Record<number, number>, done: boolean): string {
  const quarter = Math.ceil(month / 3);
  const milestone = leaf.milestones.find((m) => m.period === `Q${quarter}`)?.text ?? '';
  const parts = leaf.indicators.map((indicator) => {
    const value = values[indicator.id] ?? 0;
    const share = indicator.target
      ? `，完成年度目标的${Math.min(100, Math.round((value / indicator.target) * 100))}%`
      : '';
    return `${indicator.name}累计${value}${indicator.unit}${share}`;
  });
  const head = `截至${month}月底，`;
  if (done) return `${head}已全面完成年度任务。${parts.join('；')}。`;
  const plan = milestone && milestone !== '——' ? `${QUARTER_NAMES[quarter - 1]}季度按计划推进：${milestone}` : '';
  return `${head}${parts.length > 0 ? `${parts.join('；')}。` : '各项工作有序推进。'}${plan}`;
}

/**
 * The plan for a year up to `today`. A month's report is due on `dueDate(period)`;
 * months due before today are approved, the current month is partly submitted.
 */
export function planDemoYear(options: {
  leaves: DemoLeaf[];
  year: number;
  today: string;
  dueDate: (period: string) => string;
  /** A unit that reports a few days late in three months, so the assessment has something to say. */
  lateUnitId?: number;
  /** The demo reporter's unit: its current report is returned, to show the loop. */
  reporterUnitId?: number;
}): DemoYear {
  const { leaves, year, today } = options;
  const reports: DemoReport[] = [];
  const laggingItemIds: number[] = [];
  const atRiskItemIds: number[] = [];
  let returnedOne = false;
  const paces = pacesOf(leaves, options.reporterUnitId);
  leaves.forEach((leaf, index) => {
    const { pace, kind } = paces[index] as Pace;
    if (kind === 'lagging') laggingItemIds.push(leaf.id);
    if (kind === 'at_risk') atRiskItemIds.push(leaf.id);
    const deadlineMonth = leaf.deadline?.startsWith(`${year}-`) ? Number(leaf.deadline.slice(5, 7)) : 12;
    const fundsPlanned = 300 + ((index * 137) % 900);
    let finished = false;
    for (let m = 1; m <= 12 && !finished; m++) {
      const period = MONTHS[m - 1] as string;
      const due = options.dueDate(period);
      const monthStart = `${year}-${String(m).padStart(2, '0')}-01`;
      if (monthStart > today) break;
      const past = due < today;
      const values: Record<number, number> = {};
      let reached = leaf.indicators.length > 0;
      for (const indicator of leaf.indicators) {
        const integral = Number.isInteger(indicator.target ?? 0);
        if (indicator.direction === 'decrease') {
          const planned = plannedFalling(indicator.checkpoints, indicator.target, m);
          const value = round(kind === 'normal' ? planned : planned / pace, integral);
          values[indicator.id] = value;
          if (indicator.target === null || value > indicator.target) reached = false;
          continue;
        }
        const planned = plannedAtMonth(indicator.checkpoints, indicator.target, m, deadlineMonth);
        let value = round(planned * pace, integral);
        if (indicator.target !== null) value = Math.min(value, indicator.target);
        values[indicator.id] = value;
        if (indicator.target === null || value < indicator.target) reached = false;
      }
      const done = kind === 'normal' && (reached || (leaf.indicators.length === 0 && m >= deadlineMonth));
      const percent = done ? 100 : Math.min(99, Math.round((m / Math.max(deadlineMonth, 1)) * 100 * Math.min(pace, 1)));
      const late = options.lateUnitId === leaf.leadUnitId && (m === 2 || m === 5 || m === 8);
      const submittedOn = late ? addDays(due, 3) : addDays(due, -2);
      let state: DemoReport['state'] = 'approved';
      let returnReason: string | null = null;
      if (!past) {
        // The month being reported now: some done, some waiting for review, some not begun.
        // The demo reporter's lagging item: its report this month came back, to show the loop.
        if (!returnedOne && options.reporterUnitId === leaf.leadUnitId && kind === 'lagging') {
          state = 'returned';
          returnReason = '请补充现场照片，并写明本月新增完成量。';
          returnedOne = true;
        } else if (index % 3 === 0) continue;
        else state = index % 3 === 1 ? 'submitted' : 'draft';
      }
      const submitted = state !== 'draft';
      reports.push({
        itemId: leaf.id,
        unitId: leaf.leadUnitId,
        period,
        state,
        progress: progressText(leaf, m, values, done),
        percentComplete: percent,
        claimedStatus: done ? 'done' : 'in_progress',
        fundsPlanned,
        fundsAllocated: Math.round(fundsPlanned * Math.min(1, m / 10)),
        fundsDisbursed: Math.round(fundsPlanned * Math.min(1, m / 10) * 0.8),
        problems: kind === 'lagging' ? '受前期手续办理和施工进场推迟影响，进度滞后于计划。' : '',
        nextSteps: kind === 'lagging' ? '倒排工期、挂图作战，增加施工力量，力争下季度追上进度。' : '',
        returnReason,
        submittedAt: submitted ? at(submittedOn > today ? today : submittedOn, '10:00:00') : null,
        reviewedAt: state === 'approved' || state === 'returned' ? at(addDays(submittedOn, 1), '16:00:00') : null,
        values,
      });
      if (done) finished = true;
    }
  });

  const notices: DemoNotice[] = [];
  const inspections: DemoInspection[] = [];
  const lagging = leaves.filter((l) => laggingItemIds.includes(l.id));
  const stages: DemoNotice['state'][] = ['closed', 'replied', 'open'];
  const issueDays = [`${year}-06-10`, `${year}-09-15`, addDays(today, -20)];
  [...lagging, ...leaves.filter((l) => atRiskItemIds.includes(l.id))].slice(0, 3).forEach((leaf, i) => {
    const state = stages[i] as DemoNotice['state'];
    const issuedOn = (issueDays[i] as string) < today ? (issueDays[i] as string) : addDays(today, -5);
    const replyDue = addDays(issuedOn, 10);
    notices.push({
      itemId: leaf.id,
      unitId: leaf.leadUnitId,
      reason: `${leaf.number ? `第${leaf.number}项` : ''}“${leaf.name}”进度滞后于年度计划。`,
      requiredAction: '请于反馈时限前书面报告滞后原因、整改措施和完成时限，并按月报送进展。',
      issuedOn,
      replyDue,
      state,
      reply: state === 'open' ? null : '已成立工作专班，倒排工期，每周调度，确保按期完成。',
      repliedOn: state === 'open' ? null : addDays(issuedOn, 7),
      closeNote: state === 'closed' ? '整改措施已落实，进度明显加快，予以销号。' : null,
    });
    inspections.push({
      itemId: leaf.id,
      date: addDays(issuedOn, -3),
      inspectors: '区督查室 王督查、李明',
      findings: '现场施工人员不足，部分工序尚未开展。',
      followUp: '已下发督办单，督促增加施工力量。',
    });
  });
  return { reports, notices, inspections, laggingItemIds, atRiskItemIds, lateUnitId: options.lateUnitId ?? null };
}
