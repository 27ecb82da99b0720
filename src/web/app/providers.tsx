import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, setUnauthenticatedHandler } from '../api/client.js';
import { SESSION_KEY } from '../api/session.js';
import type { Language } from '../i18n/index.js';
import { antdLocale } from './antd-locale.js';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx will not change on retry; a dropped connection might.
        retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status >= 400),
      },
    },
  });
}

/** An expired session anywhere sends the person back to sign in (see RequireSession). */
function SessionExpiry() {
  const queryClient = useQueryClient();
  useEffect(() => {
    setUnauthenticatedHandler(() => queryClient.setQueryData(SESSION_KEY, null));
    return () => setUnauthenticatedHandler(null);
  }, [queryClient]);
  return null;
}

export function Providers({ children, queryClient }: { children: ReactNode; queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'zh-CN';
  useEffect(() => {
    document.title = t('app.name');
  }, [t]);
  return (
    <QueryClientProvider client={client}>
      <ConfigProvider locale={antdLocale(language)}>
        <AntApp>
          <SessionExpiry />
          {children}
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
