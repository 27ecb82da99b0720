/**
 * What the reminders delivered, against what the database says was sent:
 * every e-mail the SMTP stand-in accepted must match one delivery marked
 * sent (same recipient and subject), and each person's inbox holds a
 * reminder once.
 */
import type pg from 'pg';
import type { SmtpStandIn } from './smtp-stand-in.js';

const tally = (keys: readonly string[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
};

/**
 * duplicates: e-mails accepted beyond the sent deliveries of their recipient
 * and subject (a reminder sent twice); missing: sent deliveries no e-mail
 * arrived for. Two e-mail channels legitimately send one person the same
 * reminder twice: each copy is its own delivery, so it is counted on both sides.
 */
export async function compareMail(sql: pg.Client, smtp: SmtpStandIn) {
  const rows = await sql.query<{ recipient: string; subject: string }>(
    `select lower(recipient) as recipient, subject from deliveries where channel = 'email' and state = 'sent'`,
  );
  const sent = tally(rows.rows.map((r) => `${r.recipient}|${r.subject}`));
  const received = tally(smtp.accepted.map((m) => `${m.to}|${m.subject}`));
  let duplicates = 0;
  let missing = 0;
  for (const key of new Set([...sent.keys(), ...received.keys()])) {
    const difference = (received.get(key) ?? 0) - (sent.get(key) ?? 0);
    if (difference > 0) duplicates += difference;
    else missing -= difference;
  }
  return { accepted: smtp.accepted.length, sent: rows.rows.length, duplicates, missing };
}

/** Inbox messages, and (user, reminder) pairs held more than once. */
export async function inboxFigures(sql: pg.Client): Promise<{ total: number; duplicates: number }> {
  const result = await sql.query<{ total: number; duplicates: number }>(
    `select (select count(*)::int from inbox_messages) as total,
            (select count(*)::int from (
               select 1 from inbox_messages group by user_id, dedupe_key having count(*) > 1) d) as duplicates`,
  );
  return result.rows[0] ?? { total: 0, duplicates: 0 };
}
