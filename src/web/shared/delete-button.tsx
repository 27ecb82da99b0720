import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client.js';

/** A delete (or remove) button that asks first and reports the server's answer. */
export function DeleteButton({
  name,
  onConfirm,
  verb = 'delete',
}: {
  /** What is deleted, as the person knows it; makes the button's accessible name unique. */
  name: string;
  onConfirm: () => Promise<unknown>;
  verb?: 'delete' | 'remove';
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const label = verb === 'delete' ? t('common.delete') : t('common.remove');
  const ariaLabel = verb === 'delete' ? t('common.deleteNamed', { name }) : t('common.removeNamed', { name });

  async function confirm(): Promise<void> {
    try {
      await onConfirm();
      message.success(t('common.deleted'));
    } catch (error) {
      message.error(errorMessage(error));
    }
  }

  return (
    <Popconfirm
      title={t('common.confirmDelete', { name })}
      okText={label}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true }}
      onConfirm={confirm}
    >
      <Button danger size="small" aria-label={ariaLabel}>
        {label}
      </Button>
    </Popconfirm>
  );
}
