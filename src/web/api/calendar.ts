import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.js';
import type { Id } from './types.js';

/** holiday 节假日 (休); workday 调休上班日 (班): a weekend day worked to make up for a holiday. */
export type CalendarDayKind = 'holiday' | 'workday';
export const CALENDAR_DAY_KINDS: readonly CalendarDayKind[] = ['holiday', 'workday'];

/** One listed day of the working-day calendar; days not listed are workdays Monday to Friday. */
export interface CalendarDay {
  id: Id;
  date: string;
  kind: CalendarDayKind;
  name: string;
  version: number;
}

export interface CalendarYear {
  year: number;
  days: CalendarDay[];
}

export interface CalendarDayInput {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

export type CalendarDayUpdate = Partial<CalendarDayInput> & { version: number };

const CALENDAR_KEY = 'calendar';

export function useCalendar(year: number) {
  return useQuery({
    queryKey: [CALENDAR_KEY, year],
    queryFn: () => api.get<CalendarYear>('/calendar', { year }),
  });
}

/** Every change to the calendar moves due dates: plans and the history are stale too. */
function useInvalidateCalendar() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      [[CALENDAR_KEY], ['reporting-plan'], ['history']].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    );
}

export function useCreateCalendarDay() {
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: (input: CalendarDayInput) => api.post<CalendarDay>('/calendar/days', input),
    onSettled: invalidate,
  });
}

export function useUpdateCalendarDay() {
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: ({ id, ...input }: CalendarDayUpdate & { id: Id }) =>
      api.patch<CalendarDay>(`/calendar/days/${id}`, input),
    onSettled: invalidate,
  });
}

export function useDeleteCalendarDay() {
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: (id: Id) => api.delete(`/calendar/days/${id}`),
    onSettled: invalidate,
  });
}
