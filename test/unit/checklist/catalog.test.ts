import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import catalogData from '../../../src/core/checklist/catalog.json';
import { ACTION_LABELS, CUSTOM_ID_PREFIX, builtInCatalog, validateCatalog } from '../../../src/core/checklist/catalog';

// The seeds live beside the repository (../shared/seeds from /work/main).
const seedsDir = path.resolve(__dirname, '../../../../shared/seeds');

describe('checklist catalog', () => {
  const catalog = builtInCatalog();

  it('passes its own validation', () => {
    assert.deepEqual(validateCatalog(catalogData), []);
  });

  it('has 60+ items across the ten sections of the path into a job', () => {
    assert.ok(catalog.items.length >= 60, `only ${catalog.items.length} items`);
    assert.deepEqual(
      catalog.sections.map((s) => s.id),
      ['skills', 'projects', 'public', 'resume', 'job-search', 'informational', 'interview', 'offer', 'first-week', 'growth'],
    );
    for (const section of catalog.sections) {
      assert.ok(catalog.items.filter((i) => i.section === section.id).length >= 4, `section ${section.id} is thin`);
    }
  });

  it('gives every item a unique kebab-case id, a why and a source', () => {
    const ids = catalog.items.map((i) => i.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const item of catalog.items) {
      assert.match(item.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(!item.id.startsWith(CUSTOM_ID_PREFIX));
      assert.ok(item.why.length > 20, `${item.id} has a thin why`);
      assert.match(item.source, /^\d{3}_[0-9a-f]{16}\.txt$/);
    }
  });

  it('draws on all five source documents', () => {
    assert.equal(new Set(catalog.items.map((i) => i.source)).size, 5);
  });

  it('cites only source files that exist in the seeds folder', function () {
    if (!fs.existsSync(seedsDir)) this.skip();
    const files = fs.readdirSync(seedsDir);
    assert.deepEqual(validateCatalog(catalogData, files), []);
  });

  it('names only known actions, each with a button label', () => {
    for (const item of catalog.items) if (item.action) assert.ok(ACTION_LABELS[item.action], item.id);
    assert.ok(catalog.items.some((i) => i.action === 'learnInPublic.newPost'));
    assert.ok(catalog.items.some((i) => i.action === 'learnInPublic.newProjectReadme'));
    assert.ok(catalog.items.some((i) => i.action === 'learnInPublic.kit.newInformationalInterview'));
    assert.ok(catalog.items.some((i) => i.action === 'learnInPublic.practice.start'));
  });

  describe('validation reports broken catalogs', () => {
    const base = () => JSON.parse(JSON.stringify(catalogData)) as { version: number; sections: Array<Record<string, unknown>>; items: Array<Record<string, unknown>> };
    const messages = (raw: unknown, seeds?: string[]) => validateCatalog(raw, seeds).map((p) => `${p.where}: ${p.message}`).join('\n');

    it('a duplicate id', () => {
      const raw = base();
      raw.items[1].id = raw.items[0].id;
      assert.match(messages(raw), /duplicate id/);
    });
    it('an unknown section', () => {
      const raw = base();
      raw.items[0].section = 'nowhere';
      assert.match(messages(raw), /unknown section "nowhere"/);
    });
    it('a source that is not in the seeds folder', () => {
      const raw = base();
      raw.items[0].source = '009_0000000000000000.txt';
      assert.match(messages(raw, fs.existsSync(seedsDir) ? fs.readdirSync(seedsDir) : ['000_5534f9212d9dcf8f.txt']), /not in the seeds folder/);
    });
    it('an id in the custom namespace, a title with a marker, an unknown action and an unknown field', () => {
      const raw = base();
      raw.items[0].id = 'custom-thing';
      raw.items[1].title = 'Sneaky <!-- id:x -->';
      raw.items[2].action = 'rm -rf';
      raw.items[3].extra = true;
      const text = messages(raw);
      assert.match(text, /reserved/);
      assert.match(text, /must not contain/);
      assert.match(text, /unknown action/);
      assert.match(text, /unknown field "extra"/);
    });
    it('not an object at all', () => {
      assert.match(messages(null), /not an object/);
      assert.match(messages({ version: 0, sections: [], items: [] }), /version/);
    });
  });
});
