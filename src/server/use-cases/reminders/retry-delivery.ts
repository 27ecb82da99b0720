import { AppError, forbidden, notFound } from '../../../core/errors.js';
import { canManageDeliveries } from '../../../core/work/reminder-policies.js';
import type { RequestContext } from '../../../db/audit.js';
import { writeAudit } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { findDelivery, requeueDelivery } from '../../../db/repositories/deliveries.repository.js';
import type { DeliveryOut } from '../../schemas/reminders.js';
import { presentDelivery } from './list-deliveries.js';

/** Put a failed or dead delivery back in the queue, due now with a fresh count of attempts (audited). */
export async function retryDelivery(db: Db, ctx: RequestContext, id: number, now = new Date()): Promise<DeliveryOut> {
  if (!canManageDeliveries(ctx.actor)) throw forbidden();
  return db.transaction(async (tx) => {
    const before = await findDelivery(tx, id);
    if (!before) throw notFound('投递记录', 'Delivery');
    const after = await requeueDelivery(tx, id, now);
    if (!after)
      throw new AppError(
        'CONFLICT',
        `该投递状态为“${before.state}”，只有失败或已放弃的投递可以重试。 Only a failed or dead delivery can be retried.`,
        { current: presentDelivery(before) },
      );
    await writeAudit(tx, ctx, {
      action: 'retry',
      entityType: 'delivery',
      entityId: id,
      before: presentDelivery(before),
      after: presentDelivery(after),
    });
    return presentDelivery(after);
  });
}
