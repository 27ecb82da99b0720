import { Alert, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client.js';

export function Loading() {
  const { t } = useTranslation();
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin description={t('app.loading')} />
    </div>
  );
}

export function LoadError({ error }: { error: unknown }) {
  return <Alert type="error" showIcon role="alert" title={errorMessage(error)} />;
}
