import { Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import { type DirectoryEntityType, useHistory } from '../../api/history.js';
import type { Id } from '../../api/types.js';
import { HistoryTable } from './history-table.js';

/**
 * One record's audit trail in a side panel; a refusal shows the server's message.
 * Mount it only while open.
 */
export function HistoryDrawer({
  entityType,
  entityId,
  name,
  onClose,
}: {
  entityType: DirectoryEntityType;
  entityId: Id;
  /** The record as the person knows it, for the panel's title. */
  name: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const history = useHistory({ entityType, entityId });
  return (
    <Drawer open size="large" title={t('history.titleNamed', { name })} onClose={onClose}>
      <HistoryTable entries={history.data} loading={history.isPending} error={history.error} />
    </Drawer>
  );
}
