import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDeck } from '../../../src/core/practice/deck';

const root = path.resolve(__dirname, '../../..');
const deckFile = path.join(root, 'decks', 'ml-interview.md');
const seedsDir = path.resolve(root, '..', 'shared', 'seeds');
const knownSources = [
  '000_5534f9212d9dcf8f.txt',
  '001_f65caf9f471f906a.txt',
  '002_26d5cb83709276d8.txt',
  '003_71b1740b79917299.txt',
  '004_93e24c764982b9b4.txt',
];

describe('the built-in interview deck', () => {
  const parsed = parseDeck(fs.readFileSync(deckFile, 'utf8'), { file: 'decks/ml-interview.md', origin: 'builtin', fallbackId: 'ml-interview' });
  const questions = parsed.deck?.questions ?? [];

  it('parses without a single problem', () => {
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.deck?.id, 'ml-interview');
  });

  it('cites a source note for every question, and only notes that exist', () => {
    for (const q of questions) {
      assert.ok(q.sources.length > 0, `${q.id} cites no source`);
      for (const s of q.sources) {
        assert.ok(knownSources.includes(s), `${q.id} cites unknown ${s}`);
        if (fs.existsSync(seedsDir)) assert.ok(fs.existsSync(path.join(seedsDir, s)), `${s} is not in the seeds`);
      }
    }
  });

  it('gives every question key points to tick', () => {
    for (const q of questions) assert.ok(q.keyPoints.length >= 3, `${q.id} has ${q.keyPoints.length} key points`);
  });

  it('holds every interview question the sources pose, and the practice they recommend', () => {
    const ids = new Set(questions.map((q) => q.id));
    for (const id of [
      // 000: interview prep
      'supervised-vs-unsupervised', 'classification-vs-regression', 'precision-vs-recall',
      // 001: interview prep and the TensorFlow/PyTorch comparison
      'what-is-a-neural-network', 'neural-network-applications', 'tensorflow-vs-pytorch',
      // 002/004: recommended practice
      'explain-your-project', 'why-this-company', 'behavioural-star', 'mini-project-pitch',
    ]) {
      assert.ok(ids.has(id), `missing ${id}`);
    }
  });

  it('draws on every source note', () => {
    const cited = new Set(questions.flatMap((q) => q.sources));
    for (const s of knownSources) assert.ok(cited.has(s), `no question cites ${s}`);
  });
});

describe('the deck format documented in the README', () => {
  it('parses as documented: one question with its key points and source', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Your own decks'));
    const example = /```markdown\n([\s\S]*?)```/.exec(section)?.[1];
    assert.ok(example, 'the README shows an example deck');
    const parsed = parseDeck(example, { file: 'README example', origin: 'workspace', fallbackId: 'example' });
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.deck?.id, 'ml-basics');
    assert.deepEqual(parsed.deck?.questions.map((q) => [q.key, q.keyPoints.length, q.sources]), [['ml-basics/overfitting', 2, ['my-notes.md']]]);
  });
});
