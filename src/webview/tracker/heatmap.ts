// The contribution heatmap, drawn as SVG with DOM calls (never markup strings): one column
// per ISO week, Monday on top. In a narrow sidebar the year is split into two stacked halves
// so cells stay big enough to see and hover. Every cell has a <title> (the tooltip) and an
// aria-label (the same sentence); one cell at a time is in the tab order and the arrow keys
// move between days (left/right: a week, up/down: a day, Home/End: first/last day).
import type { TrackerHeatmapCell, TrackerModel, TrackerStrings } from '../../core/protocol/tracker';
import { describeCell, fill, formatDay, formatMonthShort } from './format';

const SVG = 'http://www.w3.org/2000/svg';
const LEFT = 26; // weekday labels
const TOP = 12; // month labels

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

export interface HeatmapHandle {
  readonly element: HTMLElement;
  /** Moves keyboard focus to the cell of `day` (after a redraw). */
  focusDay(day: string): void;
}

export function renderHeatmap(
  model: TrackerModel,
  strings: TrackerStrings,
  language: string,
  availableWidth: number,
  onFocusCell: (cell: TrackerHeatmapCell, text: string, by: 'focus' | 'hover') => void,
  focusedDay?: string,
): HeatmapHandle {
  const weeks = Math.ceil(model.cells.length / 7);
  const split = availableWidth < 520 ? 2 : 1;
  const weeksPerSegment = Math.ceil(weeks / split);
  // Fill the width (fractional coordinates are fine in SVG), within readable bounds.
  const step = Math.max(7, Math.min(14, (availableWidth - LEFT) / weeksPerSegment));
  const size = step - Math.max(1.5, step * 0.18);
  const container = document.createElement('div');
  container.className = 'heatmap';
  const rects: SVGRectElement[] = [];
  const selected = Math.max(0, focusedDay ? model.cells.findIndex((c) => c.day === focusedDay) : model.cells.length - 1);

  for (let s = 0; s < split; s++) {
    const firstWeek = s * weeksPerSegment;
    const lastWeek = Math.min(weeks, firstWeek + weeksPerSegment);
    const width = Math.ceil(LEFT + (lastWeek - firstWeek) * step);
    const height = Math.ceil(TOP + 7 * step);
    const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, class: 'segment', role: 'group' });
    const first = model.cells[firstWeek * 7]?.day;
    const last = model.cells[Math.min(model.cells.length, lastWeek * 7) - 1]?.day;
    if (first && last) root.setAttribute('aria-label', fill(strings.range, formatDay(first, language), formatDay(last, language)));
    [strings.weekdayMon, strings.weekdayWed, strings.weekdayFri].forEach((label, i) => {
      const text = svg('text', { x: 0, y: TOP + (i * 2) * step + size - 1, 'aria-hidden': 'true' });
      text.textContent = label;
      root.appendChild(text);
    });
    let lastMonth = '';
    for (let w = firstWeek; w < lastWeek; w++) {
      const x = LEFT + (w - firstWeek) * step;
      const monday = model.cells[w * 7];
      // A month label over the first column whose Monday is in a new month (not on the last column).
      const month = monday?.day.slice(0, 7);
      if (month && month !== lastMonth) {
        if (lastMonth !== '' || monday.day.slice(8) <= '07') {
          if (w < lastWeek - 1) {
            const text = svg('text', { x, y: TOP - 3, 'aria-hidden': 'true' });
            text.textContent = formatMonthShort(monday.day, language);
            root.appendChild(text);
          }
        }
        lastMonth = month;
      }
      for (let d = 0; d < 7; d++) {
        const index = w * 7 + d;
        const cell = model.cells[index];
        if (!cell) break;
        const label = describeCell(cell, strings, language);
        const classes = ['cell', `lv${cell.level}`];
        if (cell.commits === 0 && cell.active) classes.push('learning');
        if (cell.day === model.today) classes.push('today');
        const rect = svg('rect', { x, y: TOP + d * step, width: size, height: size, class: classes.join(' '), role: 'img', 'aria-label': label, tabindex: index === selected ? 0 : -1 });
        rect.dataset.index = String(index);
        const title = svg('title');
        title.textContent = label;
        rect.appendChild(title);
        root.appendChild(rect);
        rects[index] = rect;
      }
    }
    container.appendChild(root);
  }

  const move = (from: number, to: number) => {
    const target = rects[Math.max(0, Math.min(rects.length - 1, to))];
    if (!target) return;
    rects[from]?.setAttribute('tabindex', '-1');
    target.setAttribute('tabindex', '0');
    target.focus();
  };
  container.addEventListener('keydown', (e: KeyboardEvent) => {
    const el = e.target as Element;
    const index = Number((el as SVGRectElement).dataset?.index);
    if (!Number.isInteger(index)) return;
    const delta: Record<string, number> = { ArrowLeft: -7, ArrowRight: 7, ArrowUp: -1, ArrowDown: 1 };
    if (e.key in delta) move(index, index + delta[e.key]);
    else if (e.key === 'Home') move(index, 0);
    else if (e.key === 'End') move(index, rects.length - 1);
    else return;
    e.preventDefault();
  });
  container.addEventListener('focusin', (e: FocusEvent) => {
    const index = Number((e.target as SVGRectElement).dataset?.index);
    const cell = model.cells[index];
    if (!cell) return;
    for (const r of rects) if (r && r !== e.target) r.setAttribute('tabindex', '-1');
    (e.target as Element).setAttribute('tabindex', '0');
    onFocusCell(cell, describeCell(cell, strings, language), 'focus');
  });
  container.addEventListener('mouseover', (e: MouseEvent) => {
    const index = Number((e.target as SVGRectElement).dataset?.index);
    const cell = model.cells[index];
    if (cell) onFocusCell(cell, describeCell(cell, strings, language), 'hover');
  });

  return {
    element: container,
    focusDay(day: string) {
      const index = model.cells.findIndex((c) => c.day === day);
      if (index >= 0) rects[index]?.focus();
    },
  };
}

/** The "Less ▢▢▢▢▢ More" key. */
export function renderLegend(strings: TrackerStrings): HTMLElement {
  const legend = document.createElement('div');
  legend.className = 'legend';
  legend.setAttribute('aria-hidden', 'true');
  const less = document.createElement('span');
  less.textContent = strings.less;
  legend.appendChild(less);
  const box = svg('svg', { width: 5 * 12, height: 10 });
  for (let level = 0; level <= 4; level++) box.appendChild(svg('rect', { x: level * 12, y: 0, width: 10, height: 10, rx: 2, class: `lv${level}` }));
  legend.appendChild(box);
  const more = document.createElement('span');
  more.textContent = strings.more;
  legend.appendChild(more);
  return legend;
}
