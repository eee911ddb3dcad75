import assert from 'node:assert/strict';
import { practiceStyles } from '../../../src/webview/practice/styles';

// How today looks in the Practice sidebar's week, read from the stylesheet the view adopts.

interface Rule {
  readonly media?: string;
  readonly selectors: string[];
  readonly declarations: Map<string, string>;
}

function rulesOf(css: string): Rule[] {
  const rules: Rule[] = [];
  const read = (text: string, media?: string) => {
    for (const m of text.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
      const declarations = new Map<string, string>();
      for (const d of m[2].split(';')) {
        const colon = d.indexOf(':');
        if (colon > 0) declarations.set(d.slice(0, colon).trim(), d.slice(colon + 1).trim());
      }
      rules.push({ media, selectors: m[1].split(/,(?![^(]*\))/).map((s) => s.trim()), declarations });
    }
  };
  read(css.replace(/@media([^{]+)\{((?:[^{}]*\{[^{}]*\})*)\s*\}/g, (_all, query: string, body: string) => (read(body, query.trim()), '')));
  return rules;
}

const rules = rulesOf(practiceStyles);
const todayDot = (prefix = '') => rules.filter((r) => !r.media && r.selectors.includes(`${prefix}.day.today .day-dot`));

describe('practice week: how today is marked', () => {
  it('today is not ringed in the focus colour: nothing in the week takes focus', () => {
    for (const rule of rules.filter((r) => r.selectors.some((s) => /\.today\b/.test(s)))) {
      for (const [property, value] of rule.declarations) assert.doesNotMatch(value, /focusBorder/, `${rule.selectors.join(', ')} { ${property}: ${value} }`);
    }
  });

  it('today is ringed in the text colour, as the tracker marks today', () => {
    const outline = todayDot().map((r) => r.declarations.get('outline')).find(Boolean);
    assert.match(outline ?? '', /solid var\(--vscode-foreground\)/);
  });

  it('High Contrast themes and forced colours keep a thicker ring on today', () => {
    for (const theme of ['.vscode-high-contrast ', '.vscode-high-contrast-light ']) {
      assert.equal(todayDot(theme).map((r) => r.declarations.get('outline-width')).find(Boolean), '2px', theme);
    }
    const forced = rules.find((r) => r.media?.includes('forced-colors') && r.selectors.some((s) => s.endsWith('.day.today .day-dot')));
    assert.match(forced?.declarations.get('outline') ?? '', /2px solid CanvasText/);
  });
});
