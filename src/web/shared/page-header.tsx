import { Space } from 'antd';
import type { ReactNode } from 'react';
import { PageTitle } from './page-title.js';

/** The page's h1 with its main actions on the right. */
export function PageHeader({ title, actions }: { title: ReactNode; actions?: ReactNode }) {
  return (
    <Space style={{ width: '100%', justifyContent: 'space-between', alignItems: 'baseline', marginTop: 8 }} wrap>
      <PageTitle>{title}</PageTitle>
      {actions && <Space wrap>{actions}</Space>}
    </Space>
  );
}
