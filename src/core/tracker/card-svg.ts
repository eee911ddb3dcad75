// Pure logic: stays free of vscode.
// The learning-in-public progress card: a self-contained SVG (no script, no external
// reference, no web font) for a GitHub profile README or a blog, in a light and a dark
// version for `<picture>` + `prefers-color-scheme`. Everything the user wrote (title,
// repository names) is XML-escaped, stripped of characters XML forbids, and scrubbed of
// anything that looks like an email address: the card never shows one.
import { dayKeyFromNumber, dayNumber, weekdayOf } from './calendar';
import { computeStreaks, type StreakMode, type StreakSummary } from './streaks';

export type CardTheme = 'light' | 'dark';

export interface ProgressCardRepository {
  /** A display name such as the folder name; never a path or a remote URL. */
  name: string;
  /** The user's commits in this repository (shown beside the name, busiest first). */
  count: number;
}

export interface ProgressCardData {
  /** Card heading; defaults to "Learning in public". */
  title?: string;
  /** Day key of today in the user's time zone. */
  today: string;
  /** Learning activity per day key (commits and whatever else the user counts). */
  days: ReadonlyMap<string, number>;
  streaks: StreakSummary;
  /** Posts published in the calendar year of `today`. */
  postsThisYear: number;
  /** Shown only when the user opts in (`showRepositoryNames`). */
  repositories?: readonly ProgressCardRepository[];
  /** Rest days (0 = Sunday), named in the footer so readers know the streak rule. */
  restDays?: readonly number[];
}

export interface ProgressCardOptions {
  theme: CardTheme;
  showRepositoryNames: boolean;
}

/** Assembles the card data from day counts with the streak rules. */
export function progressCardData(input: {
  today: string;
  days: ReadonlyMap<string, number>;
  postsThisYear: number;
  restDays?: readonly number[];
  mode?: StreakMode;
  repositories?: readonly ProgressCardRepository[];
  title?: string;
}): ProgressCardData {
  return {
    title: input.title,
    today: input.today,
    days: input.days,
    streaks: computeStreaks(input.days, { today: input.today, restDays: input.restDays, mode: input.mode }),
    postsThisYear: input.postsThisYear,
    repositories: input.repositories,
    restDays: input.mode === 'weekly' ? [] : input.restDays,
  };
}

// --- Text safety ------------------------------------------------------------------------

// Characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE/U+FFFF) would make
// the whole SVG fail to render, so they are dropped before escaping.
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const EMAIL_LIKE = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[^\s@<>()[\]"',;:]+/g;

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(XML_FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Replaces anything shaped like an email address, so none can reach the card. */
export function redactEmails(text: string): string {
  return text.replace(EMAIL_LIKE, '[email hidden]');
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Shortens to `max` user-perceived characters (never splitting an emoji), with an ellipsis. */
export function truncateText(text: string, max: number): string {
  const graphemes = Array.from(segmenter.segment(text), (s) => s.segment);
  return graphemes.length <= max ? text : `${graphemes.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/** User text made safe for the card: one line, no email, bounded length, XML-escaped. */
function userText(text: string, max: number): string {
  return escapeXml(truncateText(redactEmails(text.replace(/\s+/g, ' ').trim()), max));
}

// --- Dates ------------------------------------------------------------------------------

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parts(key: string): { y: number; m: number; d: number } {
  const [y, m, d] = key.split('-').map(Number);
  return { y, m, d };
}

/** "Mar 3 – Apr 20, 2025", "Dec 30, 2024 – Jan 4, 2025" or "Jun 9, 2025". */
export function formatDateRange(start: string, end: string): string {
  const a = parts(start);
  const b = parts(end);
  if (start === end) return `${MONTHS[b.m - 1]} ${b.d}, ${b.y}`;
  const left = a.y === b.y ? `${MONTHS[a.m - 1]} ${a.d}` : `${MONTHS[a.m - 1]} ${a.d}, ${a.y}`;
  return `${left} – ${MONTHS[b.m - 1]} ${b.d}, ${b.y}`;
}

function plural(n: number, unit: 'day' | 'week' | 'post'): string {
  return `${n.toLocaleString('en-US')} ${unit}${n === 1 ? '' : 's'}`;
}

// --- Heatmap ----------------------------------------------------------------------------

/** Weeks shown: the week of today and the 52 before it (Monday-first columns, like ISO weeks). */
export const HEATMAP_WEEKS = 53;

export interface HeatmapCell {
  key: string;
  count: number;
  /** 0 = none, 1–4 = quarters of the busiest day in range. */
  level: number;
  column: number;
  row: number;
}

/** The cells of the last 12 months, up to today (later days of this week are not drawn). */
export function heatmapCells(days: ReadonlyMap<string, number>, today: string): HeatmapCell[] {
  const t = dayNumber(today);
  const firstMonday = t - ((weekdayOf(today) + 6) % 7) - (HEATMAP_WEEKS - 1) * 7;
  const cells: HeatmapCell[] = [];
  let max = 0;
  for (let n = firstMonday; n <= t; n++) {
    const key = dayKeyFromNumber(n);
    const raw = days.get(key) ?? 0;
    const count = raw > 0 ? raw : 0;
    if (count > max) max = count;
    const offset = n - firstMonday;
    cells.push({ key, count, level: 0, column: Math.floor(offset / 7), row: offset % 7 });
  }
  for (const c of cells) c.level = c.count === 0 ? 0 : Math.min(4, Math.max(1, Math.ceil((c.count / max) * 4)));
  return cells;
}

// --- Palette ----------------------------------------------------------------------------

interface Palette {
  background: string;
  border: string;
  text: string;
  muted: string;
  accent: string;
  warning: string;
  levels: [string, string, string, string, string];
}

// Chosen against GitHub's page backgrounds (#ffffff light, #0d1117 dark) so the card reads
// as part of the page; text contrast is at least 4.5:1 on the card background.
const PALETTES: Record<CardTheme, Palette> = {
  light: {
    background: '#ffffff',
    border: '#d1d9e0',
    text: '#1f2328',
    muted: '#59636e',
    accent: '#1a7f37',
    warning: '#9a6700',
    levels: ['#eff2f5', '#aceebb', '#4ac26b', '#2da44e', '#116329'],
  },
  dark: {
    background: '#0d1117',
    border: '#3d444d',
    text: '#f0f6fc',
    muted: '#9198a1',
    accent: '#3fb950',
    warning: '#d29922',
    levels: ['#151b23', '#033a16', '#196c2e', '#2ea043', '#56d364'],
  },
};

// --- Rendering --------------------------------------------------------------------------

const FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'Noto Sans', Helvetica, Arial, sans-serif";
const WIDTH = 760;
const PAD = 24;
const CELL = 10;
const GAP = 3;
const GRID_LEFT = PAD + 28;
const GRID_TOP = 160;

function streakText(s: { length: number; start?: string; end?: string }, unit: 'day' | 'week', whenEmpty: string) {
  return { value: plural(s.length, unit), dates: s.length > 0 && s.start && s.end ? formatDateRange(s.start, s.end) : whenEmpty };
}

/** Renders the card as a standalone SVG document string. */
export function renderProgressCard(data: ProgressCardData, options: ProgressCardOptions): string {
  const p = PALETTES[options.theme];
  const unit = data.streaks.unit;
  const cells = heatmapCells(data.days, data.today);
  // The last 365 days, as the tracker's "Active days" (the grid may reach a few days further back).
  const windowStart = dayKeyFromNumber(dayNumber(data.today) - 364);
  const activeDays = cells.filter((c) => c.count > 0 && c.key >= windowStart).length;
  const year = parts(data.today).y;
  const title = userText(data.title?.trim() ? data.title : 'Learning in public', 48);

  const current = streakText(data.streaks.current, unit, 'Starts with the next active day');
  const longest = streakText(data.streaks.longest, unit, 'No streak yet');
  const atRisk = data.streaks.current.atRisk;
  const posts = Math.max(0, Math.floor(data.postsThisYear || 0));

  const repos = options.showRepositoryNames
    ? [...(data.repositories ?? [])].filter((r) => r.count > 0 && r.name.trim() !== '').sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)).slice(0, 4)
    : [];
  const height = repos.length > 0 ? 318 : 296;

  const out: string[] = [];
  const descText =
    `Current ${unit === 'week' ? 'weekly' : 'daily'} streak: ${current.value}${data.streaks.current.length > 0 ? ` (${current.dates})` : ''}` +
    `${atRisk ? `, at risk ${unit === 'week' ? 'this week' : 'today'}` : ''}. Longest streak: ${longest.value}${data.streaks.longest.length > 0 ? ` (${longest.dates})` : ''}. ` +
    `Posts published in ${year}: ${posts}. ${plural(activeDays, 'day')} with learning activity in the last 12 months, up to ${formatDateRange(data.today, data.today)}.` +
    (repos.length > 0 ? ` Most active repositories: ${repos.map((r) => redactEmails(r.name)).join(', ')}.` : '');

  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" ${CARD_SVG_SIGNATURE}>`,
    `<title id="lip-title">${title}</title>`,
    `<desc id="lip-desc">${escapeXml(descText)}</desc>`,
    `<rect x="0.5" y="0.5" width="${WIDTH - 1}" height="${height - 1}" rx="6" fill="${p.background}" stroke="${p.border}"/>`,
    `<g font-family="${FONT}" fill="${p.text}">`,
    `<text x="${PAD}" y="42" font-size="18" font-weight="600">${title}</text>`,
    `<text x="${WIDTH - PAD}" y="42" font-size="12" fill="${p.muted}" text-anchor="end">${escapeXml(plural(activeDays, 'day'))} active in the last 12 months</text>`,
  );

  // Three stat columns.
  const colWidth = (WIDTH - 2 * PAD) / 3;
  const stat = (i: number, label: string, value: string, detail: string, valueFill: string, badge?: string) => {
    const x = PAD + i * colWidth;
    out.push(
      `<text x="${x}" y="78" font-size="12" fill="${p.muted}">${escapeXml(label)}</text>`,
      `<text x="${x}" y="110" font-size="26" font-weight="600" fill="${valueFill}">${escapeXml(value)}</text>`,
      `<text x="${x}" y="132" font-size="12" fill="${p.muted}">${escapeXml(detail)}</text>`,
    );
    if (badge) out.push(`<text x="${x + colWidth - 16}" y="78" font-size="12" font-weight="600" fill="${p.warning}" text-anchor="end">${escapeXml(badge)}</text>`);
  };
  stat(0, 'Current streak', current.value, current.dates, data.streaks.current.length > 0 ? p.accent : p.text, atRisk ? (unit === 'week' ? 'at risk this week' : 'at risk today') : undefined);
  stat(1, 'Longest streak', longest.value, longest.dates, p.text);
  stat(2, 'Posts published', posts.toLocaleString('en-US'), `in ${year}`, p.text);

  // Month labels where a month starts in a column (skipped when too close to the previous).
  let lastLabelColumn = -4;
  for (const c of cells) {
    if (parts(c.key).d !== 1 || c.column - lastLabelColumn < 3) continue;
    lastLabelColumn = c.column;
    out.push(`<text x="${GRID_LEFT + c.column * (CELL + GAP)}" y="${GRID_TOP - 6}" font-size="10" fill="${p.muted}">${MONTHS[parts(c.key).m - 1]}</text>`);
  }
  for (const [row, name] of [[0, 'Mon'], [2, 'Wed'], [4, 'Fri']] as const) {
    out.push(`<text x="${PAD}" y="${GRID_TOP + row * (CELL + GAP) + CELL - 1}" font-size="10" fill="${p.muted}">${name}</text>`);
  }
  out.push('</g>');

  // Cells grouped by level so each rect carries only its position.
  for (let level = 0; level <= 4; level++) {
    const rects = cells
      .filter((c) => c.level === level)
      .map((c) => `<rect x="${GRID_LEFT + c.column * (CELL + GAP)}" y="${GRID_TOP + c.row * (CELL + GAP)}" width="${CELL}" height="${CELL}" rx="2"/>`);
    if (rects.length > 0) out.push(`<g fill="${p.levels[level]}">${rects.join('')}</g>`);
  }

  // Today's cell gets an outline so readers see where the year ends.
  const todayCell = cells[cells.length - 1];
  out.push(
    `<rect x="${GRID_LEFT + todayCell.column * (CELL + GAP) - 1}" y="${GRID_TOP + todayCell.row * (CELL + GAP) - 1}" width="${CELL + 2}" height="${CELL + 2}" rx="3" fill="none" stroke="${p.muted}"/>`,
  );

  // Footer: where the numbers come from, and the legend.
  const footerY = GRID_TOP + 7 * (CELL + GAP) + 26;
  out.push(`<g font-family="${FONT}" font-size="11" fill="${p.muted}">`);
  const rest = [...new Set(data.restDays ?? [])].filter((d) => d >= 0 && d <= 6).sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
  const restNote = rest.length > 0 && unit === 'day' ? ` · rest days: ${rest.map((d) => WEEKDAYS[d]).join(', ')}` : '';
  out.push(`<text x="${PAD}" y="${footerY}">Drawn from local git history with Learn in Public${restNote}</text>`);
  const legendRight = WIDTH - PAD;
  const legendCellsLeft = legendRight - 28 - 5 * (CELL + GAP);
  out.push(`<text x="${legendCellsLeft - 6}" y="${footerY}" text-anchor="end">Less</text>`);
  out.push(`<text x="${legendRight}" y="${footerY}" text-anchor="end">More</text>`);
  out.push('</g>');
  for (let level = 0; level <= 4; level++) {
    out.push(`<rect x="${legendCellsLeft + level * (CELL + GAP)}" y="${footerY - CELL + 1}" width="${CELL}" height="${CELL}" rx="2" fill="${p.levels[level]}"/>`);
  }
  if (repos.length > 0) {
    out.push(`<text x="${PAD}" y="${footerY + 22}" font-family="${FONT}" font-size="11" fill="${p.muted}">${repositoryLine(repos)}</text>`);
  }
  out.push('</svg>');
  return out.join('\n') + '\n';
}

/**
 * "Most active (all-time commits): a (120) · b (80)", kept inside the card: at 11 px a
 * character is at most ~6.5 px wide, so the line holds ~108 characters; names are shortened
 * and the quietest repositories dropped until it fits.
 */
function repositoryLine(repos: readonly ProgressCardRepository[]): string {
  const label = 'Most active (all-time commits): ';
  const budget = Math.floor((WIDTH - 2 * PAD) / 6.5) - label.length;
  for (let count = repos.length; count >= 1; count--) {
    const shown = repos.slice(0, count);
    const counts = shown.map((r) => ` (${r.count.toLocaleString('en-US')})`);
    const room = Math.floor((budget - counts.join('').length - 3 * (count - 1)) / count);
    if (room < 12 && count > 1) continue;
    const max = Math.min(28, Math.max(room, 12));
    return escapeXml(label) + shown.map((r, i) => userText(r.name, max) + counts[i]).join(' · ');
  }
  return '';
}

/** In every card's root element: how publishing tells a card we drew from a user's own file. */
export const CARD_SVG_SIGNATURE = 'aria-labelledby="lip-title lip-desc"';

/** The file names the card is written to, one per theme. */
export const CARD_FILE_NAMES: Readonly<Record<CardTheme, string>> = {
  light: 'learn-in-public-card-light.svg',
  dark: 'learn-in-public-card-dark.svg',
};

/** One-line alternative text for the README `<img>` (what a screen reader says on GitHub). */
export function cardAltText(data: ProgressCardData): string {
  const unit = data.streaks.unit;
  const risk = data.streaks.current.atRisk ? ` (at risk ${unit === 'week' ? 'this week' : 'today'})` : '';
  const title = redactEmails((data.title ?? '').replace(/\s+/g, ' ').trim()) || 'Learning in public';
  return (
    `${title}: current streak ${plural(data.streaks.current.length, unit)}${risk}, ` +
    `longest streak ${plural(data.streaks.longest.length, unit)}, ` +
    `${plural(Math.max(0, Math.floor(data.postsThisYear || 0)), 'post')} published in ${parts(data.today).y}`
  );
}
