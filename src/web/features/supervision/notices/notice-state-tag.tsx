import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Notice, NoticeState } from '../../../api/notices.js';

const COLOURS: Record<NoticeState, string> = {
  open: 'blue',
  escalated: 'orange',
  replied: 'cyan',
  closed: 'green',
};

/** The notice's state in words, and "逾期未复" in red when the reply is late. */
export function NoticeStateTag({ notice }: { notice: Pick<Notice, 'state' | 'overdue' | 'escalationLevel'> }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Tag color={COLOURS[notice.state]}>
        {notice.state === 'escalated'
          ? t('supervision.notices.escalation', { level: notice.escalationLevel })
          : t(`supervision.notices.states.${notice.state}`)}
      </Tag>
      {notice.overdue && <Tag color="red">{t('supervision.notices.overdue')}</Tag>}
    </Space>
  );
}
