// ISO 8601 weeks ("2026-W47") without a date library.

const DAY = 86_400_000;

/** The Monday (UTC midnight) of an ISO week. */
function mondayOf(week) {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) {
    throw new Error(`Not an ISO week: ${week}`);
  }
  const year = Number(match[1]);
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return jan4 - jan4Weekday * DAY + (Number(match[2]) - 1) * 7 * DAY;
}

/** The ISO week that contains a moment (read in UTC). */
export function weekOf(time) {
  const date = new Date(time);
  const weekday = (date.getUTCDay() + 6) % 7;
  const thursday = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) + (3 - weekday) * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const number = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return `${year}-W${String(number).padStart(2, '0')}`;
}

export const addWeeks = (week, count) => weekOf(mondayOf(week) + count * 7 * DAY);

export const isWeek = (text) => /^\d{4}-W\d{2}$/.test(text ?? '');
