import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** The page's one h1, sized for an admin screen. */
export function PageTitle({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
      {children}
    </Typography.Title>
  );
}

/** A section heading; `flush` drops the space below it (inside a card's title bar). */
export function SectionTitle({
  children,
  level = 2,
  flush = false,
}: {
  children: ReactNode;
  level?: 2 | 3;
  flush?: boolean;
}) {
  return (
    <Typography.Title level={level} style={{ fontSize: level === 2 ? 18 : 16, margin: flush ? 0 : '0 0 12px' }}>
      {children}
    </Typography.Title>
  );
}
