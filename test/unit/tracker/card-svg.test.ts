import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  CARD_FILE_NAMES,
  escapeXml,
  formatDateRange,
  heatmapCells,
  progressCardData,
  renderProgressCard,
  truncateText,
  type CardTheme,
} from '../../../src/core/tracker/card-svg';

type Node = Record<string, unknown>;

/** Every element of the parsed document as [tagName, attributes] pairs (preserveOrder tree). */
function elements(svg: string): Array<[string, Record<string, string>]> {
  const tree = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, processEntities: false }).parse(svg) as Node[];
  const out: Array<[string, Record<string, string>]> = [];
  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      for (const [key, value] of Object.entries(node)) {
        if (key === ':@' || key === '#text') continue;
        out.push([key, (node[':@'] as Record<string, string>) ?? {}]);
        if (Array.isArray(value)) walk(value as Node[]);
      }
    }
  };
  walk(tree);
  return out;
}

/** All text content, entities decoded, in document order. */
function texts(svg: string): string[] {
  const out: string[] = [];
  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      for (const [key, value] of Object.entries(node)) {
        if (key === '#text') out.push(String(value));
        else if (key !== ':@' && Array.isArray(value)) walk(value as Node[]);
      }
    }
  };
  walk(new XMLParser({ preserveOrder: true, htmlEntities: false }).parse(svg) as Node[]);
  return out;
}

function sampleDays(): Map<string, number> {
  const days = new Map<string, number>();
  for (let n = 0; n < 380; n++) {
    if (n % 3 !== 0) days.set(new Date(Date.UTC(2024, 5, 1) + n * 86_400_000).toISOString().slice(0, 10), 1 + (n % 9));
  }
  return days;
}

const hostileRepos = [
  { name: `<script>alert(1)</script> & "quotes" 'apos'`, count: 50 },
  { name: '🤖 agents-🧪-lab 👩‍💻', count: 40 },
  { name: 'notes of jane.doe+ml@example.co.uk', count: 30 },
  { name: 'bad\u0000chars\u001b[31m\uD800', count: 20 },
];

function render(theme: CardTheme, showRepositoryNames = true, overrides: Partial<Parameters<typeof progressCardData>[0]> = {}): string {
  const data = progressCardData({ today: '2025-06-11', days: sampleDays(), postsThisYear: 7, repositories: hostileRepos, restDays: [6, 0], ...overrides });
  return renderProgressCard(data, { theme, showRepositoryNames });
}

describe('progress card SVG', () => {
  for (const theme of ['light', 'dark'] as const) {
    describe(`${theme} theme`, () => {
      const svg = render(theme);

      it('is well-formed XML with an <svg> root in the SVG namespace', () => {
        assert.equal(XMLValidator.validate(svg), true);
        const [root] = elements(svg);
        assert.equal(root[0], 'svg');
        assert.equal(root[1].xmlns, 'http://www.w3.org/2000/svg');
      });

      it('has no script, no event handler attributes and no external reference', () => {
        for (const [tag, attrs] of elements(svg)) {
          assert.notEqual(tag.toLowerCase(), 'script');
          assert.notEqual(tag.toLowerCase(), 'foreignobject');
          for (const [name, value] of Object.entries(attrs)) {
            assert.ok(!/^on/i.test(name), `event handler attribute ${name} on <${tag}>`);
            assert.ok(!/href$/i.test(name), `link attribute ${name} on <${tag}>`);
            assert.ok(!/url\s*\(/i.test(value), `url() in ${name} on <${tag}>`);
            if (name !== 'xmlns') assert.ok(!/(https?:|javascript:|data:)/i.test(value), `external reference in ${name}="${value}"`);
          }
        }
        assert.ok(!/@import|@font-face|<style/i.test(svg));
      });

      it('has a <title> and a <desc> that screen readers announce', () => {
        const all = elements(svg);
        const root = all[0][1];
        assert.equal(root.role, 'img');
        assert.equal(root['aria-labelledby'], 'lip-title lip-desc');
        assert.ok(all.some(([t, a]) => t === 'title' && a.id === 'lip-title'));
        assert.ok(all.some(([t, a]) => t === 'desc' && a.id === 'lip-desc'));
        const desc = texts(svg).find((t) => t.startsWith('Current daily streak'));
        assert.ok(desc, 'desc text');
        assert.match(desc, /Longest streak: \d+ days/);
        assert.match(desc, /Posts published in 2025: 7/);
      });

      it('stays under 50 KB', () => {
        assert.ok(Buffer.byteLength(svg) < 50_000, `${Buffer.byteLength(svg)} bytes`);
      });

      it('uses the system font stack and never a downloaded font', () => {
        assert.ok(svg.includes("-apple-system, BlinkMacSystemFont, 'Segoe UI'"));
      });
    });
  }

  it('escapes hostile repository names and keeps emoji whole', () => {
    const svg = render('light');
    assert.ok(!svg.includes('<script>'));
    assert.ok(svg.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &apos;apos&apos;'));
    const all = texts(svg).join('\n');
    assert.ok(all.includes('🤖 agents-🧪-lab 👩‍💻'));
    assert.ok(all.includes('badchars[31m'), 'control characters and a lone surrogate are dropped');
  });

  it('never shows an email, even inside a repository name or the title', () => {
    const svg = render('dark', true, { title: 'Progress of me@example.com' });
    assert.ok(!/@example\./.test(svg), 'no email text anywhere');
    assert.ok(svg.includes('[email hidden]'));
  });

  it('names repositories only when the user opts in', () => {
    const hidden = render('light', false);
    assert.ok(!hidden.includes('agents'));
    assert.ok(!hidden.includes('Most active'));
    const shown = render('light', true);
    assert.ok(shown.includes('Most active (all-time commits):'), 'the counts say they are all-time, not the 12 months drawn above');
  });

  it('keeps the repository line inside the card, even with four long names', () => {
    const long = (n: number) => ({ name: `deep-learning-specialisation-notebooks-part-${n}`, count: 12_345 - n });
    const svg = render('light', true, { repositories: [long(1), long(2), long(3), long(4)] });
    const line = /<text[^>]*>(Most active[^<]*)<\/text>/.exec(svg)?.[1] ?? '';
    const visible = line.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
    assert.ok(visible.startsWith('Most active (all-time commits): deep-learning'), visible);
    assert.ok(visible.length <= 108, `${visible.length} characters: ${visible}`);
    assert.ok(visible.includes('(12,344)'), 'the busiest repository keeps its count');
  });

  it('shows both streaks with their dates and the posts published this year', () => {
    const days = new Map([
      ['2025-05-01', 1],
      ['2025-05-02', 1],
      ['2025-05-03', 1],
      ['2025-06-09', 2],
      ['2025-06-10', 1],
    ]);
    const all = texts(render('light', false, { days, restDays: [], postsThisYear: 12 }));
    assert.ok(all.includes('2 days'), 'current streak');
    assert.ok(all.includes('Jun 9 – Jun 10, 2025'));
    assert.ok(all.includes('3 days'), 'longest streak');
    assert.ok(all.includes('May 1 – May 3, 2025'));
    assert.ok(all.includes('12'));
    assert.ok(all.includes('at risk today'));
  });

  it('says "weeks" in weekly mode and does not mention rest days there', () => {
    const all = texts(render('dark', false, { mode: 'weekly' }));
    assert.ok(all.some((t) => / weeks?$/.test(t)));
    assert.ok(!all.some((t) => t.includes('rest days')));
    assert.ok(texts(render('dark', false)).some((t) => t.includes('rest days: Sat, Sun')));
  });

  it('counts active days over the last 365 days, as the tracker does, though the grid starts on an earlier Monday', () => {
    // Today is a Wednesday: the grid's first Monday (2024-06-10) is 366 days back.
    const days = new Map([['2024-06-10', 3], ['2024-06-12', 1], ['2025-06-11', 1]]);
    assert.ok(texts(render('light', false, { days })).includes('2 days active in the last 12 months'));
  });

  it('an empty history still draws a whole, valid card', () => {
    const svg = render('light', true, { days: new Map(), postsThisYear: 0, repositories: [] });
    assert.equal(XMLValidator.validate(svg), true);
    assert.ok(texts(svg).includes('No streak yet'));
  });

  it('uses different colours for light and dark pages', () => {
    assert.ok(render('light').includes('fill="#ffffff"'));
    assert.ok(render('dark').includes('fill="#0d1117"'));
  });

  it('writes to the two file names the README block points at', () => {
    assert.deepEqual(CARD_FILE_NAMES, { light: 'learn-in-public-card-light.svg', dark: 'learn-in-public-card-dark.svg' });
  });
});

describe('progress card heatmap', () => {
  it('covers 53 Monday-first weeks ending today, without future days', () => {
    const cells = heatmapCells(new Map(), '2025-06-11'); // a Wednesday
    assert.equal(cells[0].key, '2024-06-10');
    assert.equal(cells[0].row, 0);
    assert.equal(cells.at(-1)?.key, '2025-06-11');
    assert.equal(cells.at(-1)?.column, 52);
    assert.equal(cells.at(-1)?.row, 2);
    assert.equal(cells.length, 52 * 7 + 3);
  });

  it('shades days in four levels relative to the busiest day', () => {
    const cells = heatmapCells(new Map([['2025-06-01', 1], ['2025-06-02', 4], ['2025-06-03', 8], ['2025-06-04', 0], ['2025-06-05', -1]]), '2025-06-11');
    const level = (k: string) => cells.find((c) => c.key === k)?.level;
    assert.deepEqual(['2025-06-01', '2025-06-02', '2025-06-03', '2025-06-04', '2025-06-05'].map(level), [1, 2, 4, 0, 0]);
  });
});

describe('progress card text helpers', () => {
  it('formats date ranges compactly within a year and fully across years', () => {
    assert.equal(formatDateRange('2025-03-03', '2025-04-20'), 'Mar 3 – Apr 20, 2025');
    assert.equal(formatDateRange('2024-12-30', '2025-01-04'), 'Dec 30, 2024 – Jan 4, 2025');
    assert.equal(formatDateRange('2025-06-09', '2025-06-09'), 'Jun 9, 2025');
  });

  it('escapes the five XML specials', () => {
    assert.equal(escapeXml(`<>&"'`), '&lt;&gt;&amp;&quot;&apos;');
  });

  it('truncates by visible characters and never splits an emoji', () => {
    assert.equal(truncateText('👩‍💻👩‍💻👩‍💻', 2), '👩‍💻…');
    assert.equal(truncateText('short', 10), 'short');
  });
});
