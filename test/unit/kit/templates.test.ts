import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFrontMatter } from '../../../src/core/front-matter';
import { INTERVIEW_PREPARATION, INTERVIEW_QUESTIONS, interviewFileName, renderInterviewNotes } from '../../../src/core/kit/informational-interview';
import { CONVERSATION_STEPS, NON_SALARY_TERMS, QUESTIONS_TO_ASK, RESEARCH_SOURCES, renderOfferWorksheet } from '../../../src/core/kit/offer-worksheet';
import { SOURCES } from '../../../src/core/kit/sources';

const seeds = path.resolve(__dirname, '../../../../shared/seeds');

describe('kit: informational interview notes', () => {
  const input = { person: 'Ada Lovelace', company: 'Analytical Engines', role: 'ML Engineer', date: '2025-09-01' };

  it('front matter holds person, company, role, date, follow-up date and status', () => {
    const { data, hasFrontMatter } = parseFrontMatter(renderInterviewNotes(input));
    assert.equal(hasFrontMatter, true);
    assert.deepEqual(data, {
      type: 'informational-interview',
      person: 'Ada Lovelace',
      company: 'Analytical Engines',
      role: 'ML Engineer',
      date: '2025-09-01',
      follow_up: '2025-09-15',
      status: 'planned',
    });
  });

  it('lists every question, the thank-you note and the dated follow-up, and cites the source', () => {
    const text = renderInterviewNotes(input);
    for (const q of INTERVIEW_QUESTIONS) assert.ok(text.includes(q.text), q.text);
    assert.match(text, /- \[ \] Send a thank-you note within 24 hours/);
    assert.match(text, /- \[ \] Follow up on 2025-09-15/);
    assert.match(text, /Source: \"How to Build Your Career in AI\", chapters 10 and 11 \(004_93e24c764982b9b4\.txt\)/);
  });

  it('names with quotes, colons, hashes and line-like text stay data in the front matter', () => {
    const tricky = { person: `O'Brien: "the" #1`, company: '---', role: 'a: b', date: '2025-09-01' };
    const { data, body } = parseFrontMatter(renderInterviewNotes(tricky));
    assert.equal(data.person, `O'Brien: "the" #1`);
    assert.equal(data.company, '---');
    assert.equal(data.role, 'a: b');
    assert.match(body, /^# Informational interview: O'Brien: "the" #1, a: b, ---$/m);
  });

  it('the file name is the date and a slug of person and company, whatever they contain', () => {
    assert.equal(interviewFileName(input), '2025-09-01-ada-lovelace-analytical-engines.md');
    assert.equal(interviewFileName({ ...input, person: '../../etc', company: 'passwd' }), '2025-09-01-etc-passwd.md');
    assert.equal(interviewFileName({ ...input, person: '...', company: '' }), '2025-09-01-informational-interview.md');
    assert.ok(interviewFileName({ ...input, person: 'p'.repeat(500), company: 'c'.repeat(500) }).length < 120);
  });

  it('questions are the project’s own words, not the source sentences', function () {
    if (!fs.existsSync(seeds)) this.skip();
    const source = fs.readFileSync(path.join(seeds, SOURCES.careerInAi.file), 'utf8');
    for (const item of [...INTERVIEW_QUESTIONS, ...INTERVIEW_PREPARATION]) {
      assert.ok(!source.includes(item.text), `copied from the source: ${item.text}`);
    }
  });
});

describe('kit: offer worksheet', () => {
  const text = renderOfferWorksheet();

  it('has the research table, both numbers, questions to ask and non-salary terms', () => {
    assert.match(text, /\| Source \| Role and level \| Location \| Low \| Median \| High \| Notes \|/);
    for (const r of RESEARCH_SOURCES) assert.ok(text.includes(`| ${r.text} |`), r.text);
    assert.match(text, /\*\*Ideal number\*\*/);
    assert.match(text, /\*\*Walk-away number\*\*/);
    assert.match(text, /Let them name a number first/);
    for (const q of QUESTIONS_TO_ASK) assert.ok(text.includes(q.text));
    for (const t of NON_SALARY_TERMS) assert.ok(text.includes(`- [ ] ${t.text}`));
    assert.match(text, /Source: Career Connection: negotiating salary \(000_5534f9212d9dcf8f\.txt\)/);
  });

  it('says it is private at the top', () => {
    assert.equal(parseFrontMatter(text).data.type, 'offer-worksheet');
    assert.match(parseFrontMatter(text).body, /^# Offer worksheet\n\n> \*\*Private\.\*\*/);
  });
});

describe('kit: sources', () => {
  it('every cited file exists in the seed collection', function () {
    if (!fs.existsSync(seeds)) this.skip();
    for (const s of Object.values(SOURCES)) assert.ok(fs.existsSync(path.join(seeds, s.file)), s.file);
  });

  it('what the worksheet attributes to the negotiation source is in it', function () {
    if (!fs.existsSync(seeds)) this.skip();
    const source = fs.readFileSync(path.join(seeds, SOURCES.negotiation.file), 'utf8').toLowerCase();
    for (const word of ['salary.com', 'payscale', 'glassdoor', 'walk-away', 'signing bonuses', 'pto', 'stock options', 'raises or promotions']) {
      assert.ok(source.includes(word), word);
    }
    const cited = [...CONVERSATION_STEPS, ...QUESTIONS_TO_ASK, ...NON_SALARY_TERMS].filter((i) => i.source === 'negotiation');
    assert.ok(cited.length >= 8);
  });
});

describe('kit: generated files', () => {
  it('use plain ASCII punctuation, so the editor flags no look-alike characters', () => {
    const texts = [
      renderInterviewNotes({ person: 'Ada', company: 'Acme', role: '', date: '2025-09-01' }),
      renderOfferWorksheet(),
    ];
    for (const text of texts) assert.doesNotMatch(text, /[^\x00-\x7f]/);
  });
});
