// Dates and numbers for the tracker view, in VS Code's display language. Day keys are
// calendar dates (already in the user's time zone), so they are formatted as UTC dates.

/** Fills `{0}`, `{1}`… in a localised template. */
export function fill(template: string, ...values: Array<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (match, index: string) => (values[Number(index)] !== undefined ? String(values[Number(index)]) : match));
}

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' });
    } catch {
      f = new Intl.DateTimeFormat('en', { ...options, timeZone: 'UTC' });
    }
    cache.set(key, f);
  }
  return f;
}

function dateOf(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d || 1));
}

/** "5 Mar 2024", or with the weekday "Tue, 5 Mar 2024". */
export function formatDay(day: string, language: string, withWeekday = false): string {
  return formatter(language, { year: 'numeric', month: 'short', day: 'numeric', ...(withWeekday ? { weekday: 'short' } : {}) }).format(dateOf(day));
}

/** "Mar" for a day or `YYYY-MM`. */
export function formatMonthShort(dayOrMonth: string, language: string): string {
  return formatter(language, { month: 'short' }).format(dateOf(dayOrMonth.length === 7 ? `${dayOrMonth}-01` : dayOrMonth));
}

/** "March 2024" for `YYYY-MM`. */
export function formatMonthLong(month: string, language: string): string {
  return formatter(language, { month: 'long', year: 'numeric' }).format(dateOf(`${month}-01`));
}
