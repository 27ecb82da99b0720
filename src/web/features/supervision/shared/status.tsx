import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemStatus } from '../../../api/status.js';

/** Colours of the statuses; every use also shows the status in words. */
export const STATUS_COLOURS: Record<ItemStatus, string> = {
  overdue: '#cf1322',
  lagging: '#d4380d',
  at_risk: '#d48806',
  not_started: '#8c8c8c',
  on_track: '#1677ff',
  done: '#389e0d',
};

const TAG_COLOURS: Record<ItemStatus, string> = {
  overdue: 'red',
  lagging: 'volcano',
  at_risk: 'gold',
  not_started: 'default',
  on_track: 'blue',
  done: 'green',
};

export const isWarning = (status: ItemStatus): boolean =>
  status === 'at_risk' || status === 'lagging' || status === 'overdue';

export function StatusTag({ status }: { status: ItemStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={TAG_COLOURS[status]} data-status={status}>
      {t(`supervision.status.${status}`)}
    </Tag>
  );
}

/** The reasons of a status in words, one per line. */
export function StatusReasons({ reasons }: { reasons: readonly string[] }) {
  if (reasons.length === 0) return null;
  if (reasons.length === 1) return <Typography.Text>{reasons[0]}</Typography.Text>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {reasons.map((reason) => (
        <li key={reason}>{reason}</li>
      ))}
    </ul>
  );
}
