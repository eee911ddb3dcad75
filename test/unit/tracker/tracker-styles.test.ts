import assert from 'node:assert/strict';
import { transformSync } from 'esbuild';
import { trackerStyles } from '../../../src/webview/tracker/styles';

// How the heatmap looks in high-contrast themes and under forced colours, read from the
// stylesheet the tracker view adopts.

interface Rule {
  readonly media?: string;
  readonly selector: string;
  readonly declarations: Map<string, string>;
}

function rulesOf(css: string): Rule[] {
  const rules: Rule[] = [];
  const read = (text: string, media?: string) => {
    for (const m of text.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
      const declarations = new Map<string, string>();
      for (const d of m[2].split(';')) {
        const colon = d.indexOf(':');
        if (colon > 0) declarations.set(d.slice(0, colon).trim(), d.slice(colon + 1).trim());
      }
      rules.push({ media, selector: m[1].replace(/\/\*[\s\S]*?\*\//g, '').trim(), declarations });
    }
  };
  const withoutMedia = css.replace(/@media([^{]+)\{((?:[^{}]*\{[^{}]*\})*)\s*\}/g, (_all, query: string, body: string) => {
    read(body, query.trim());
    return '';
  });
  read(withoutMedia);
  return rules;
}

const rules = rulesOf(trackerStyles);

/** The fill of a heatmap level in a theme, cascading the rules that name both (in source order). */
function levelLook(themeClass: string, level: number): string {
  const look = new Map<string, string>();
  for (const rule of rules.filter((r) => !r.media)) {
    const selectors = rule.selector.split(/,(?![^(]*\))/).map((s) => s.trim());
    const applies = selectors.some((s) => new RegExp(`(^|\\s|[(,])\\.lv${level}\\b`).test(s) && (!s.includes('.vscode-') || s.startsWith(`${themeClass} `)));
    if (!applies) continue;
    for (const key of ['fill', 'fill-opacity']) if (rule.declarations.has(key)) look.set(key, rule.declarations.get(key)!);
  }
  return `${look.get('fill')} @ ${look.get('fill-opacity') ?? '1'}`;
}

describe('tracker heatmap in high-contrast themes', () => {
  it('parses as CSS without warnings', () => {
    assert.deepEqual(transformSync(trackerStyles, { loader: 'css' }).warnings, []);
  });

  for (const theme of ['.vscode-high-contrast', '.vscode-high-contrast-light']) {
    it(`gives every heatmap cell a contrast border in ${theme.slice(1)} themes`, () => {
      const bordered = rules.some((r) => !r.media && r.selector.includes(`${theme} `) && r.selector.includes('rect.cell') && /var\(--vscode-contrastBorder/.test(r.declarations.get('stroke') ?? ''));
      assert.ok(bordered);
    });

    it(`makes the five levels look different in ${theme.slice(1)} themes, empty days included`, () => {
      const looks = [0, 1, 2, 3, 4].map((level) => levelLook(theme, level));
      assert.equal(new Set(looks).size, 5, looks.join(' | '));
      assert.notEqual(looks[0], levelLook('.vscode-dark', 0), 'empty days are still a faint foreground fill');
      for (const look of looks) assert.match(look, /var\(--vscode-[\w-]+\)/, 'a level ignores the theme colours');
    });
  }

  it('draws cell borders and level fills in system colours under forced colours', () => {
    const forced = rules.filter((r) => r.media === '(forced-colors: active)');
    assert.ok(forced.some((r) => r.selector.includes('rect.cell') && r.declarations.get('stroke') === 'CanvasText'));
    const fills = [0, 1, 2, 3, 4].map((level) => forced.filter((r) => new RegExp(`\\.lv${level}\\b`).test(r.selector)).map((r) => `${r.declarations.get('fill') ?? ''}${r.declarations.get('fill-opacity') ?? ''}`).join(''));
    assert.equal(new Set(fills).size, 5, fills.join(' | '));
  });
});
