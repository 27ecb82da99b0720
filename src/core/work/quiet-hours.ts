/**
 * Quiet hours (免打扰时段): no e-mail or robot message between two local
 * times of the business time zone (Asia/Shanghai, UTC+8 all year). The span
 * may wrap midnight (22:00–08:00); equal times mean no quiet hours.
 */

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isClockTime(value: string): boolean {
  return TIME_PATTERN.test(value);
}

function minutesOf(time: string): number {
  const match = TIME_PATTERN.exec(time);
  if (!match) throw new RangeError(`not a time of day (HH:MM): ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Whether a local minute of the day lies in [start, end), wrapping midnight when start > end. */
function inSpan(minute: number, start: number, end: number): boolean {
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/**
 * When a message due at `now` may go out: `now` itself outside quiet hours,
 * else the end of the quiet hours it falls in.
 */
export function releaseTime(now: Date, quietStart: string, quietEnd: string): Date {
  const start = minutesOf(quietStart);
  const end = minutesOf(quietEnd);
  const local = now.getTime() + SHANGHAI_OFFSET_MS;
  const dayStart = Math.floor(local / DAY_MS) * DAY_MS;
  const minute = Math.floor((local - dayStart) / MINUTE_MS);
  if (!inSpan(minute, start, end)) return now;
  // The end lies later today, or (when the span wraps and we are before midnight) tomorrow.
  const endToday = dayStart + end * MINUTE_MS;
  const endLocal = endToday > local ? endToday : endToday + DAY_MS;
  return new Date(endLocal - SHANGHAI_OFFSET_MS);
}
