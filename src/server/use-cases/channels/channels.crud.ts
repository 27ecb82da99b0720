import { AppError, notFound } from '../../../core/errors.js';
import { canManageChannels } from '../../../core/work-policies.js';
import { findRow } from '../../../db/crud.js';
import type { ChannelRow } from '../../../db/repositories/channels.repository.js';
import { jurisdictions } from '../../../db/schema.js';
import { channels } from '../../../db/schema-work.js';
import type { ChannelCreate, ChannelOut } from '../../schemas/reminders.js';
import { defineCrud } from '../define-crud.js';

export function presentChannel(row: ChannelRow): ChannelOut {
  return {
    id: row.id,
    jurisdictionId: row.jurisdictionId,
    kind: row.kind,
    name: row.name,
    url: row.url,
    hasSecret: row.secret !== null && row.secret !== '',
    minLevel: (['blue', 'yellow', 'red'] as const).find((l) => l === row.minLevel) ?? 'blue',
    enabled: row.enabled,
    version: row.version,
  };
}

/** What each kind needs: robots a webhook, e-mail none; a signing secret only for DingTalk. */
function checkShape(channel: Pick<ChannelRow, 'kind' | 'url' | 'secret'>): void {
  if (channel.kind === 'email') {
    if (channel.url !== null || channel.secret !== null)
      throw new AppError(
        'VALIDATION',
        '邮件渠道不需要 Webhook 地址和密钥，收件人取自用户的邮箱；请删去这两项。 An e-mail channel takes no webhook or secret: recipients come from the users’ e-mail addresses.',
      );
    return;
  }
  if (!channel.url)
    throw new AppError(
      'VALIDATION',
      '企业微信和钉钉机器人须填写 Webhook 地址。 A WeCom or DingTalk robot needs its webhook URL.',
    );
  if (channel.kind === 'wecom' && channel.secret !== null)
    throw new AppError(
      'VALIDATION',
      '企业微信群机器人没有加签密钥，请删去密钥。 A WeCom group robot has no signing secret; remove it.',
    );
}

type Scope = { jurisdictionId: number | null };

/** Reminder channels of a jurisdiction (null: every jurisdiction, the admin's). The secret never leaves the server. */
export const channelsCrud = defineCrud({
  table: channels,
  meta: { entityType: 'channel', what: { zh: '提醒渠道', en: 'channel' }, redact: presentChannel },
  present: async (_db, row) => presentChannel(row),
  scopeOfCreate: async (db, input: ChannelCreate): Promise<Scope> => {
    if (input.jurisdictionId !== null && !(await findRow(db, jurisdictions, input.jurisdictionId)))
      throw notFound('行政区', 'Jurisdiction');
    return { jurisdictionId: input.jurisdictionId };
  },
  scopeOfRow: async (_db, row): Promise<Scope> => ({ jurisdictionId: row.jurisdictionId }),
  canWrite: (actor, scope) => canManageChannels(actor, scope.jurisdictionId),
  toValues: async (_db, input) => {
    checkShape(input);
    return input;
  },
  checkPatch: async (_db, patch, _scope, row) => {
    checkShape({ ...row, ...(patch as Partial<ChannelRow>) });
    return patch;
  },
});
