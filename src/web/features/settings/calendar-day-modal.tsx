import { Alert, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  CALENDAR_DAY_KINDS,
  type CalendarDay,
  type CalendarDayInput,
  useCreateCalendarDay,
  useUpdateCalendarDay,
} from '../../api/calendar.js';
import { RecordFormModal } from '../../shared/form-modal.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const fromDay = (day: CalendarDay): CalendarDayInput => ({ date: day.date, kind: day.kind, name: day.name });

/** Add a holiday or make-up working day, or edit a listed one. Mount only while open. */
export function CalendarDayModal(props: {
  day: CalendarDay | null;
  /** For a new day: the date picked on the calendar, if any. */
  presetDate?: string;
  year: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateCalendarDay();
  const update = useUpdateCalendarDay();
  const clean = (values: CalendarDayInput): CalendarDayInput => ({
    date: values.date,
    kind: values.kind,
    name: (values.name ?? '').trim(),
  });

  return (
    <RecordFormModal<CalendarDayInput, CalendarDay>
      record={props.day}
      name="calendar-day"
      title={{ create: t('settings.calendar.add'), edit: t('settings.calendar.edit') }}
      fromRecord={fromDay}
      blank={{ date: props.presetDate ?? '', kind: 'holiday', name: '' }}
      onClose={props.onClose}
      onCreate={(values) => create.mutateAsync(clean(values))}
      onUpdate={(day, values, version) => update.mutateAsync({ id: day.id, version, ...clean(values) })}
    >
      <Form.Item
        label={t('settings.calendar.date')}
        name="date"
        rules={[
          { required: true, message: t('validation.required', { field: t('settings.calendar.date') }) },
          { pattern: DATE, message: t('validation.required', { field: t('settings.calendar.date') }) },
        ]}
      >
        <Input type="date" />
      </Form.Item>
      <OutsideYearNote year={props.year} />
      <Form.Item
        label={t('settings.calendar.kind')}
        name="kind"
        rules={[{ required: true, message: t('validation.choose', { field: t('settings.calendar.kind') }) }]}
      >
        <Radio.Group
          options={CALENDAR_DAY_KINDS.map((kind) => ({ value: kind, label: t(`settings.calendar.kinds.${kind}`) }))}
        />
      </Form.Item>
      <Form.Item
        label={t('settings.calendar.name')}
        name="name"
        rules={[{ max: 50, message: t('settings.calendar.nameMax') }]}
      >
        <Input placeholder={t('settings.calendar.namePlaceholder')} maxLength={50} />
      </Form.Item>
    </RecordFormModal>
  );
}

/** Says so when the chosen date lies outside the year on screen (it will not appear there). */
function OutsideYearNote({ year }: { year: number }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<CalendarDayInput>();
  const date = Form.useWatch('date', form);
  if (!date || !DATE.test(date) || date.startsWith(`${year}-`)) return null;
  return (
    <Alert type="info" showIcon title={t('settings.calendar.dateOutside', { year })} style={{ marginBottom: 16 }} />
  );
}
