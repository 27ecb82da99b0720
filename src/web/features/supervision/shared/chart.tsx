import type { EChartsOption } from 'echarts';
import { useEffect, useRef } from 'react';
import { echarts } from './echarts.js';

/**
 * An ECharts chart as one image for assistive technology: the label says
 * what it shows; the table beside it carries the numbers. Drawn with
 * echarts/core directly (echarts-for-react's ESM build needs a tslib that is
 * not installed at the top level, so Vite cannot bundle it).
 */
export function Chart({ option, label, height = 280 }: { option: EChartsOption; label: string; height?: number }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);

  useEffect(() => {
    const host = element.current;
    if (!host) return;
    const instance = echarts.init(host);
    chart.current = instance;
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => instance.resize());
    observer?.observe(host);
    return () => {
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true, lazyUpdate: true });
  }, [option]);

  return (
    <div role="img" aria-label={label}>
      <div ref={element} style={{ height, width: '100%' }} />
    </div>
  );
}
