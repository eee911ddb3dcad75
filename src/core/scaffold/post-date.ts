// Pure logic: stays free of vscode.
// The date of a new post, in the formats each site generator reads:
// ISO 8601 with offset (Hugo, Astro), Jekyll's `YYYY-MM-DD HH:MM:SS +ZZZZ`, plain day.

export interface PostDate {
  year: string;
  month: string;
  day: string;
  /** `YYYY-MM-DD` */
  dayKey: string;
  /** `2024-05-23T13:07:04+01:00` */
  iso: string;
  /** `2024-05-23 13:07:04 +0100` */
  jekyll: string;
}

export type DateStyle = 'iso' | 'jekyll' | 'day';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock time of `epochMs` in `timeZone`, with its UTC offset. */
export function postDate(epochMs: number, timeZone: string): PostDate {
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(wholeSecond)) parts[p.type] = p.value;
  const year = parts.year.padStart(4, '0');
  const { month, day, minute, second } = parts;
  const hour = parts.hour === '24' ? '00' : parts.hour;
  const asUtc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  const offsetMinutes = Math.round((asUtc - wholeSecond) / 60000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const oh = String(Math.floor(abs / 60)).padStart(2, '0');
  const om = String(abs % 60).padStart(2, '0');
  const dayKey = `${year}-${month}-${day}`;
  const time = `${hour}:${minute}:${second}`;
  return {
    year,
    month,
    day,
    dayKey,
    iso: `${dayKey}T${time}${sign}${oh}:${om}`,
    jekyll: `${dayKey} ${time} ${sign}${oh}${om}`,
  };
}

export function formatPostDate(date: PostDate, style: DateStyle): string {
  return style === 'iso' ? date.iso : style === 'jekyll' ? date.jekyll : date.dayKey;
}
