import { Badge, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useUnreadCount } from '../../api/inbox.js';

/** The header's bell: the unread count, and the way to the inbox. */
export function InboxBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const unread = useUnreadCount();
  const count = unread.data ?? 0;
  return (
    <Badge count={count} overflowCount={99} size="small">
      <Button
        type="text"
        icon={<BellIcon />}
        data-testid="inbox-bell"
        aria-label={count > 0 ? t('reports.inbox.bell', { count }) : t('reports.inbox.bellNone')}
        onClick={() => navigate('/inbox')}
      />
    </Badge>
  );
}

/** A bell drawn inline (the project does not depend on an icon package). */
function BellIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true" focusable="false">
      <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
    </svg>
  );
}
