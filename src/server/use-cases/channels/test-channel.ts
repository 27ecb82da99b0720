import { randomUUID } from 'node:crypto';
import { AppError, forbidden, notFound } from '../../../core/errors.js';
import { composeMessage } from '../../../core/work/robot-messages.js';
import { canManageChannels } from '../../../core/work-policies.js';
import type { RequestContext } from '../../../db/audit.js';
import { writeAudit } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { findChannel } from '../../../db/repositories/channels.repository.js';
import { insertDeliveries } from '../../../db/repositories/deliveries.repository.js';
import { findUserById } from '../../../db/repositories/recipients.repository.js';
import { failureReason, sendOutgoing } from '../../notify/send-delivery.js';
import { ATTEMPT_TIMEOUT_MS, type Transports } from '../../notify/transports.js';

/**
 * Send a test message over a channel now and say how it went: a robot gets
 * it in its group, an e-mail channel sends it to the actor's own address.
 * The attempt is written to the delivery log (sent, or dead: a test is not
 * retried) and audited.
 */
export async function testChannel(
  db: Db,
  ctx: RequestContext,
  id: number,
  transports: Transports,
  options: { timeoutMs?: number; publicUrl?: string | undefined } = {},
): Promise<{ ok: boolean; error: string | null; deliveryId: number }> {
  const channel = await findChannel(db, id);
  if (!channel) throw notFound('提醒渠道', 'Channel');
  if (!canManageChannels(ctx.actor, channel.jurisdictionId)) throw forbidden();

  let recipient = channel.name;
  if (channel.kind === 'email') {
    if (!transports.sendMail)
      throw new AppError(
        'VALIDATION',
        '服务器未配置 SMTP（MINXIN_SMTP_URL），无法发送邮件；请联系管理员配置后重试。 No SMTP server is configured (MINXIN_SMTP_URL).',
      );
    const me = ctx.actor.kind === 'user' ? await findUserById(db, ctx.actor.id) : undefined;
    if (!me?.email)
      throw new AppError(
        'VALIDATION',
        '测试邮件发往您本人的邮箱，但您的账号未填写邮箱；请先在账号中填写邮箱。 The test goes to your own e-mail address; add one to your account first.',
      );
    recipient = me.email;
  }
  const message = composeMessage(
    'info',
    `测试消息：${channel.name}`,
    '这是民心工程管理系统发出的测试消息，收到即表示渠道配置正确。 This is a test message from Minxin: the channel works.',
    options.publicUrl ?? null,
  );
  const started = new Date();
  let error: string | null = null;
  try {
    await sendOutgoing(
      { channel: channel.kind, recipient, ...message, robot: { url: channel.url, secret: channel.secret } },
      transports,
      AbortSignal.timeout(options.timeoutMs ?? ATTEMPT_TIMEOUT_MS),
    );
  } catch (failure) {
    error = failureReason(failure);
  }
  return db.transaction(async (tx) => {
    const [row] = await insertDeliveries(tx, [
      {
        channel: channel.kind,
        channelId: channel.id,
        recipient,
        dedupeKey: `test|${channel.id}|${randomUUID()}`,
        level: 'info',
        subject: message.subject,
        body: message.body,
        nextAttemptAt: started,
        state: error ? 'dead' : 'sent',
        attempts: 1,
        lastError: error,
        sentAt: error ? null : new Date(),
      },
    ]);
    if (!row) throw new Error('test delivery was not recorded');
    await writeAudit(tx, ctx, {
      action: 'test',
      entityType: 'channel',
      entityId: channel.id,
      after: { deliveryId: row.id, ok: error === null, error },
    });
    return {
      ok: error === null,
      error:
        error === null
          ? null
          : `发送失败：${error}。请检查渠道设置后重试。 Sending failed; check the channel settings and try again.`,
      deliveryId: row.id,
    };
  });
}
