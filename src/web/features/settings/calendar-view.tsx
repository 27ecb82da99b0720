import { Calendar, Select, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
// Registers the Chinese week (Monday first, 一 二 三 …) that antd's zh_CN locale asks dayjs for.
import 'dayjs/locale/zh-cn.js';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from '../../api/calendar.js';

/**
 * The year's listed days on a month calendar, marked 休 (day off) and 班
 * (make-up working day) in words as well as colour. The table next to it
 * is the text equivalent; picking a date hands it to `onPick`.
 */
export function CalendarView(props: {
  year: number;
  month: number;
  days: readonly CalendarDay[];
  onMonthChange: (month: number) => void;
  onPick?: (date: string) => void;
}) {
  const { t } = useTranslation();
  const { year, month } = props;
  const byDate = new Map(props.days.map((day) => [day.date, day]));
  const value = dayjs(`${year}-${String(month).padStart(2, '0')}-01`);

  const cellRender = (current: Dayjs, info: { type: string }) => {
    if (info.type !== 'date') return null;
    const date = current.format('YYYY-MM-DD');
    const day = byDate.get(date);
    if (!day) return null;
    return (
      <Space size={4} wrap data-testid={`mark-${date}`} title={day.name}>
        <Tag color={day.kind === 'holiday' ? 'red' : 'blue'} style={{ marginInlineEnd: 0 }}>
          {t(`settings.calendar.marks.${day.kind}`)}
        </Tag>
        <span>{day.name}</span>
      </Space>
    );
  };

  return (
    <Calendar
      value={value}
      validRange={[dayjs(`${year}-01-01`), dayjs(`${year}-12-31`)]}
      cellRender={cellRender}
      onSelect={(date, info) => {
        if (date.year() === year && date.month() + 1 !== month) props.onMonthChange(date.month() + 1);
        if (info.source === 'date') props.onPick?.(date.format('YYYY-MM-DD'));
      }}
      headerRender={() => (
        <Space style={{ padding: '8px 0' }}>
          <label htmlFor="calendar-month">{t('settings.calendar.month')}</label>
          <Select<number>
            id="calendar-month"
            value={month}
            style={{ width: 120 }}
            onChange={props.onMonthChange}
            options={Array.from({ length: 12 }, (_, i) => ({
              value: i + 1,
              label: t('periods.month', { month: i + 1 }),
            }))}
          />
        </Space>
      )}
    />
  );
}
