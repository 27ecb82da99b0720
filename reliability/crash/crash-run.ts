/**
 * One crash round on one database: fire every submission at once, SIGKILL the
 * server once `killAfter` of them are acknowledged, start it again on the
 * same data, check what is there, retry everything with the same keys, and
 * check again. Returns the figures and every problem found (none = pass).
 */
import { randomBytes } from 'node:crypto';
import { type ServerProcess, signInApi } from '../lib.js';
import { call } from './http.js';
import { planSubmissions, type Submission, setUpProgramme } from './submissions.js';
import { type Found, inspectProgramme } from './verify.js';

export interface CrashOptions {
  label: string;
  submissions: number;
  killAfter: number;
  /** Start the server on this database (again on the same data when called twice; `port` to keep the address). */
  start(port?: number): Promise<ServerProcess>;
}

export interface CrashFigures {
  database: string;
  submitted: number;
  /** 2xx answers read before the kill signal left. */
  acknowledgedBeforeKill: number;
  /** 2xx answers already on the wire when the kill signal left. */
  acknowledgedInFlight: number;
  unanswered: number;
  /** Answers other than 2xx before the kill (must be 0). */
  refused: number;
  foundAfterRestart: number;
  /** Unanswered submissions that had committed before the kill. */
  unansweredButCommitted: number;
  duplicates: number;
  lost: number;
  damaged: number;
  retried: number;
  retriedReplayed: number;
  retriedCreated: number;
  retriedFound: number;
  burstSeconds: number;
  restartSeconds: number;
}

type Outcome =
  | { kind: 'acked'; id: number; status: number; afterKill: boolean }
  | { kind: 'refused'; status: number; body: unknown }
  | { kind: 'unanswered'; error: string };

const reportsPath = (s: Submission) => `/api/v1/items/${s.itemId}/reports`;

export async function runCrash(options: CrashOptions): Promise<{ figures: CrashFigures; problems: string[] }> {
  const problems: string[] = [];
  const tag = `${options.label}-${randomBytes(3).toString('hex')}`;
  const server = await options.start();
  const setUp = await (async () => {
    const admin = await signInApi(server.url, 'admin');
    const reporter = await signInApi(server.url, 'reporter');
    const { programmeId, items } = await setUpProgramme(server.url, admin.headers, options.submissions, tag);
    return { reporter, programmeId, plan: planSubmissions(items, options.submissions, tag) };
  })().catch(async (error: unknown) => {
    await server.kill();
    throw error;
  });
  const { reporter, programmeId, plan } = setUp;

  // The burst: every submission at once, each on its own connection.
  let acknowledged = 0;
  let killSent = false;
  let killing: Promise<void> | undefined;
  const burstStart = performance.now();
  const outcomes: Outcome[] = await Promise.all(
    plan.map(async (s): Promise<Outcome> => {
      try {
        const answer = await call(server.url, 'POST', reportsPath(s), {
          headers: { ...reporter.headers, 'idempotency-key': s.key },
          body: s.body,
        });
        if (answer.status < 200 || answer.status >= 300) return { kind: 'refused', ...answer };
        const afterKill = killSent;
        acknowledged += 1;
        if (!killSent && acknowledged >= options.killAfter) {
          killSent = true;
          killing = server.kill();
        }
        return { kind: 'acked', id: (answer.body as { id: number }).id, status: answer.status, afterKill };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        return { kind: 'unanswered', error: code ?? (error as Error).message };
      }
    }),
  );
  const burstSeconds = (performance.now() - burstStart) / 1000;
  if (!killSent)
    problems.push(`only ${acknowledged} acknowledged: the kill never came (killAfter ${options.killAfter})`);
  await (killing ?? server.kill());

  const acked = plan.filter((_, i) => outcomes[i]?.kind === 'acked');
  const unanswered = plan.filter((_, i) => outcomes[i]?.kind === 'unanswered');
  const refused = outcomes.flatMap((o, i) => (o.kind === 'refused' ? [{ index: i, ...o }] : []));
  for (const r of refused.slice(0, 5))
    problems.push(`submission ${r.index} refused before the kill: ${r.status} ${JSON.stringify(r.body)}`);
  if (refused.length > 0) problems.push(`the server said before the kill:\n${server.output().slice(-3000)}`);
  if (unanswered.length === 0) problems.push('no submission was cut by the kill: it came too late to prove anything');

  // Start again on the same data, at the same address.
  const restartStart = performance.now();
  const again = await options.start(server.port);
  const restartSeconds = (performance.now() - restartStart) / 1000;
  try {
    const session = await call(again.url, 'GET', '/api/v1/session', { headers: reporter.headers });
    if (session.status !== 200) problems.push(`the reporter's session did not survive the crash: ${session.status}`);
    const auditor = await signInApi(again.url, 'admin');

    const before = await inspectProgramme(again.url, auditor.headers, programmeId, plan);
    problems.push(...before.problems.map((p) => `after restart: ${p}`));
    const lost = acked.filter((s) => !before.found.has(s.index));
    for (const s of lost.slice(0, 10)) problems.push(`acknowledged submission ${s.index} (${s.key}) is lost`);
    for (const [i, outcome] of outcomes.entries()) {
      const found = before.found.get(i);
      if (outcome.kind === 'acked' && found && found.id !== outcome.id)
        problems.push(`submission ${i} was acknowledged as report ${outcome.id} but ${found.id} is there`);
    }

    // Retry everything with the same key: the unanswered to finish, the acknowledged to prove a replay.
    const retries = await Promise.all(
      plan.map(async (s) => {
        try {
          return await call(again.url, 'POST', reportsPath(s), {
            headers: { ...reporter.headers, 'idempotency-key': s.key },
            body: s.body,
          });
        } catch (error) {
          return { status: 0, body: (error as Error).message };
        }
      }),
    );
    const after = await inspectProgramme(again.url, auditor.headers, programmeId, plan);
    problems.push(...after.problems.map((p) => `after the retries: ${p}`));
    let replayed = 0;
    let created = 0;
    for (const [i, answer] of retries.entries()) {
      const earlier: Found | undefined = before.found.get(i);
      const id = (answer.body as { id?: number }).id;
      // Found before the retry: a replay of that very report. Not found: made now (201) — or a replay (200)
      // of a commit that was already on its way when the process died and landed after the first look.
      const allowed = earlier ? [200] : [200, 201];
      const wanted = earlier?.id ?? after.found.get(i)?.id;
      if (!allowed.includes(answer.status) || id === undefined || id !== wanted) {
        problems.push(
          `retry of submission ${i}: expected ${allowed.join(' or ')} with report ${wanted}, got ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`,
        );
      } else if (answer.status === 200) replayed += 1;
      else created += 1;
    }
    const missing = plan.filter((s) => !after.found.has(s.index));
    for (const s of missing.slice(0, 10)) problems.push(`submission ${s.index} is missing even after its retry`);

    const figures: CrashFigures = {
      database: options.label,
      submitted: plan.length,
      acknowledgedBeforeKill: outcomes.filter((o) => o.kind === 'acked' && !o.afterKill).length,
      acknowledgedInFlight: outcomes.filter((o) => o.kind === 'acked' && o.afterKill).length,
      unanswered: unanswered.length,
      refused: refused.length,
      foundAfterRestart: before.found.size,
      unansweredButCommitted: unanswered.filter((s) => before.found.has(s.index)).length,
      duplicates: before.duplicates + after.duplicates,
      lost: lost.length,
      damaged: before.damaged + after.damaged,
      retried: plan.length,
      retriedReplayed: replayed,
      retriedCreated: created,
      retriedFound: after.found.size,
      burstSeconds,
      restartSeconds,
    };
    return { figures, problems };
  } finally {
    await again.stop();
  }
}

export function printFigures(f: CrashFigures): void {
  const lines = [
    `[test:crash] ${f.database}: submitted ${f.submitted} concurrent create-and-submit requests (Idempotency-Key each), SIGKILL after ${f.acknowledgedBeforeKill} acknowledged`,
    `[test:crash] ${f.database}: acknowledged (2xx) before the kill ${f.acknowledgedBeforeKill}, in flight at the kill ${f.acknowledgedInFlight}, unanswered ${f.unanswered}, refused ${f.refused}`,
    `[test:crash] ${f.database}: found after restart ${f.foundAfterRestart} (unanswered but committed ${f.unansweredButCommitted}), duplicates ${f.duplicates}, lost ${f.lost}, damaged ${f.damaged}`,
    `[test:crash] ${f.database}: retried ${f.retried} with the same keys: ${f.retriedReplayed} replayed (200), ${f.retriedCreated} created (201); found after the retries ${f.retriedFound}/${f.submitted}`,
    `[test:crash] ${f.database}: burst ${f.burstSeconds.toFixed(2)} s, restart ${f.restartSeconds.toFixed(2)} s`,
  ];
  for (const line of lines) console.log(line);
}
