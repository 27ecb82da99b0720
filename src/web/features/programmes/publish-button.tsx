import { useMutation } from '@tanstack/react-query';
import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../api/client.js';
import { useInvalidateProgrammes } from '../../api/programmes.js';
import type { Programme } from '../../api/types.js';

/**
 * 发布 on the programme page of a draft, for the programme's office (the page
 * decides who; the server checks again): after a confirm the list becomes
 * public at /p/{id} and in force for the units. A published programme links
 * to its public page instead; an archived one offers neither.
 */
export function PublishButton({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidateProgrammes();
  const publish = useMutation({
    mutationFn: () => api.post<Programme>(`/programmes/${programme.id}/publish`, {}),
    onSettled: invalidate,
  });

  if (programme.state === 'published')
    return (
      <Button href={`/p/${programme.id}`} target="_blank" rel="noopener" data-testid="view-public">
        {t('publish.viewPublic')}
      </Button>
    );
  if (programme.state !== 'draft') return null;

  async function confirm(): Promise<void> {
    try {
      await publish.mutateAsync();
      message.success(t('publish.published'));
    } catch (error) {
      message.error(errorMessage(error));
    }
  }

  return (
    <Popconfirm
      title={t('publish.confirmTitle', { title: programme.title })}
      description={t('publish.confirmBody')}
      okText={t('publish.ok')}
      cancelText={t('common.cancel')}
      onConfirm={confirm}
    >
      <Button
        type="primary"
        loading={publish.isPending}
        aria-label={t('publish.publishNamed', { title: programme.title })}
      >
        {t('publish.publish')}
      </Button>
    </Popconfirm>
  );
}
