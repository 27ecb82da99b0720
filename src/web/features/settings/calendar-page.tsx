import { Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type CalendarDay, useCalendar, useDeleteCalendarDay } from '../../api/calendar.js';
import { useCurrentUser } from '../../api/session.js';
import { DeleteButton } from '../../shared/delete-button.js';
import { PageHeader } from '../../shared/page-header.js';
import { SectionTitle } from '../../shared/page-title.js';
import { canManageCalendar } from '../../shared/policy.js';
import { LoadError } from '../../shared/query-state.js';
import { CalendarDayModal } from './calendar-day-modal.js';
import { CalendarView } from './calendar-view.js';

/** Today's year and month in the business time zone. */
function shanghaiNow(): { year: number; month: number } {
  const [year, month] = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
  })
    .format(new Date())
    .split('-')
    .map(Number);
  return { year: year ?? 2026, month: month ?? 1 };
}

function yearOf(text: string | null): number | null {
  const year = Number(text);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null;
}

const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

type Editing = { day: CalendarDay | null; presetDate?: string };

/**
 * The working-day calendar of a year: holidays and make-up working days (调休)
 * in a table and on a month calendar. Admins and supervisors edit; others read.
 */
export function CalendarPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canEdit = canManageCalendar(user);
  const now = shanghaiNow();
  const [params, setParams] = useSearchParams();
  const year = yearOf(params.get('year')) ?? now.year;
  const [month, setMonth] = useState(year === now.year ? now.month : 1);
  const calendar = useCalendar(year);
  const remove = useDeleteCalendarDay();
  const [editing, setEditing] = useState<Editing | null>(null);
  const days = [...(calendar.data?.days ?? [])].sort((a, b) => a.date.localeCompare(b.date));

  const chooseYear = (next: number) => {
    setParams({ year: String(next) });
    setMonth(next === now.year ? now.month : 1);
  };
  const pick = (date: string) => {
    if (!canEdit) return;
    setEditing({ day: days.find((d) => d.date === date) ?? null, presetDate: date });
  };
  const first = Math.min(year, now.year) - 2;
  const years = Array.from({ length: Math.max(year, now.year) + 2 - first + 1 }, (_, i) => first + i);
  const count = (kind: CalendarDay['kind']) => days.filter((d) => d.kind === kind).length;

  return (
    <>
      <PageHeader
        title={t('settings.calendar.title')}
        actions={
          canEdit && (
            <Button type="primary" onClick={() => setEditing({ day: null })}>
              {t('settings.calendar.add')}
            </Button>
          )
        }
      />
      <Typography.Paragraph>{t('settings.calendar.intro')}</Typography.Paragraph>
      {!canEdit && <Typography.Paragraph type="secondary">{t('settings.calendar.readOnly')}</Typography.Paragraph>}
      <Space style={{ marginBottom: 16 }}>
        <label htmlFor="calendar-year">{t('settings.calendar.year')}</label>
        <Select<number>
          id="calendar-year"
          value={year}
          style={{ width: 140 }}
          onChange={chooseYear}
          options={years.map((y) => ({ value: y, label: t('settings.calendar.yearOption', { year: y }) }))}
        />
      </Space>
      {calendar.isError && <LoadError error={calendar.error} />}

      <section aria-labelledby="calendar-table-title">
        <SectionTitle>
          <span id="calendar-table-title">{t('settings.calendar.table', { year })}</span>
        </SectionTitle>
        {calendar.isSuccess && (
          <Typography.Paragraph>
            {t('settings.calendar.count', { holidays: count('holiday'), workdays: count('workday') })}
          </Typography.Paragraph>
        )}
        <Table<CalendarDay>
          rowKey="id"
          size="small"
          loading={calendar.isPending}
          dataSource={days}
          pagination={false}
          locale={{ emptyText: t('settings.calendar.empty') }}
          columns={[
            { title: t('settings.calendar.date'), dataIndex: 'date' },
            {
              title: t('settings.calendar.weekday'),
              key: 'weekday',
              render: (_, d) => t(`settings.calendar.weekdays.${String(weekday(d.date)) as '0'}`),
            },
            {
              title: t('settings.calendar.kind'),
              key: 'kind',
              render: (_, d) => (
                <Tag color={d.kind === 'holiday' ? 'red' : 'blue'}>{t(`settings.calendar.kinds.${d.kind}`)}</Tag>
              ),
            },
            { title: t('settings.calendar.name'), dataIndex: 'name' },
            ...(canEdit
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    render: (_: unknown, d: CalendarDay) => (
                      <Space size="small">
                        <Button
                          size="small"
                          aria-label={t('settings.calendar.editNamed', { date: d.date })}
                          onClick={() => setEditing({ day: d })}
                        >
                          {t('common.edit')}
                        </Button>
                        <DeleteButton name={`${d.date} ${d.name}`.trim()} onConfirm={() => remove.mutateAsync(d.id)} />
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </section>

      <section aria-labelledby="calendar-view-title" style={{ marginTop: 24 }}>
        <SectionTitle>
          <span id="calendar-view-title">{t('settings.calendar.view')}</span>
        </SectionTitle>
        <CalendarView
          year={year}
          month={month}
          days={days}
          onMonthChange={setMonth}
          onPick={canEdit ? pick : undefined}
        />
      </section>

      {editing && (
        <CalendarDayModal
          day={editing.day}
          presetDate={editing.presetDate}
          year={year}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
