import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { renderFirstWeekPlan } from '../../../src/core/kit/first-week-plan';
import { renderInterviewNotes } from '../../../src/core/kit/informational-interview';
import { describeFirstWeekPlan, describeInterview, isFollowUpDue, listKitDocuments, MAX_DOCUMENT_BYTES, readKitDocument, taskProgress } from '../../../src/core/kit/kit-documents';
import { createNewDocument } from '../../../src/core/kit/kit-files';
import { renderOfferWorksheet } from '../../../src/core/kit/offer-worksheet';

describe('kit: listing the job-search files', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kit-docs-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
  const notes = (person: string, date: string) => renderInterviewNotes({ person, company: 'Acme', role: 'Data Scientist', date });

  it('lists interview notes newest first, with person, company, date and status', async () => {
    write('a.md', notes('Ada', '2025-03-01'));
    write('b.md', notes('Grace', '2025-05-10'));
    write('c.md', notes('Alan', '2024-12-24'));
    const docs = await listKitDocuments(dir, 'informational-interview');
    assert.deepEqual(docs.map((d) => [d.title, d.date, d.status, d.problem]), [
      ['Grace · Acme', '2025-05-10', 'planned', undefined],
      ['Ada · Acme', '2025-03-01', 'planned', undefined],
      ['Alan · Acme', '2024-12-24', 'planned', undefined],
    ]);
  });

  it('a file with malformed front matter still shows, named by its file, with the problem and its line', async () => {
    write('2025-01-01-broken.md', '---\nperson: Ada\ncompany: [unclosed\n---\n# notes\n');
    write('good.md', notes('Grace', '2025-05-10'));
    const docs = await listKitDocuments(dir, 'informational-interview');
    assert.equal(docs.length, 2);
    const broken = docs.find((d) => d.file.endsWith('2025-01-01-broken.md'))!;
    assert.equal(broken.title, '2025-01-01-broken');
    assert.match(broken.problem!, /not valid YAML/);
    assert.match(broken.problem!, /line \d/);
    assert.equal(docs[0].title, 'Grace · Acme'); // dated documents first
  });

  it('JavaScript front matter is refused, not run, and reported', async () => {
    write('evil.md', '---js\n{ person: (function(){ throw new Error("ran") })() }\n---\n');
    const [doc] = await listKitDocuments(dir, 'informational-interview');
    assert.match(doc.problem!, /only YAML is read/);
  });

  it('missing front matter, a missing person or a bad date are problems the tree can show', async () => {
    write('plain.md', '# just notes\n');
    write('noperson.md', '---\ncompany: Acme\ndate: 2025-01-01\n---\n');
    write('baddate.md', '---\nperson: Ada\ndate: next Tuesday\nfollow_up: soon\n---\n');
    const docs = await listKitDocuments(dir, 'informational-interview');
    const problem = (name: string) => docs.find((d) => d.file.endsWith(name))!.problem ?? '';
    assert.match(problem('plain.md'), /no front matter/);
    assert.match(problem('noperson.md'), /`person` is missing/);
    assert.match(problem('baddate.md'), /`date` is not a date/);
    assert.match(problem('baddate.md'), /`follow_up` is not a date/);
  });

  it('skips hidden, temporary and non-Markdown files; a missing folder is an empty list', async () => {
    write('.offer.md.3f2a.tmp', 'x');
    write('.hidden.md', notes('Hidden', '2025-01-01'));
    write('image.png', 'x');
    fs.mkdirSync(path.join(dir, 'sub.md'));
    assert.deepEqual(await listKitDocuments(dir, 'informational-interview'), []);
    assert.deepEqual(await listKitDocuments(path.join(dir, 'nope'), 'informational-interview'), []);
  });

  it('an oversized file is listed with a problem instead of being read', async () => {
    write('huge.md', 'x'.repeat(MAX_DOCUMENT_BYTES + 1));
    const doc = await readKitDocument(path.join(dir, 'huge.md'), 'informational-interview');
    assert.match(doc.problem!, /larger than 1 MB/);
  });

  it('first-week plans show their start date and the next open task', async () => {
    write('first-week-2025-09-01.md', renderFirstWeekPlan('2025-09-01').replace('- [ ] **Email your manager**', '- [x] **Email your manager**'));
    const [plan] = await listKitDocuments(dir, 'first-week-plan');
    assert.equal(plan.date, '2025-09-01');
    assert.equal(plan.problem, undefined);
    assert.equal(plan.tasks.done, 1);
    assert.equal(plan.tasks.total, 7);
    assert.deepEqual(plan.tasks.next, { title: 'Write a two-minute introduction', date: '2025-08-30' });
  });

  it('the offer worksheet is read without needing a date', async () => {
    write('offer-worksheet.md', renderOfferWorksheet());
    const doc = await readKitDocument(path.join(dir, 'offer-worksheet.md'), 'offer-worksheet');
    assert.equal(doc.problem, undefined);
    assert.equal(doc.tasks.total, 11);
  });

  it('shows the interview date the user wrote: a day that does not exist is a problem, a time with a zone keeps its day', () => {
    const feb30 = describeInterview('/x/a.md', '---\nperson: Ada\ndate: 2025-02-30\nfollow_up: 2025-13-01 # later\n---\n');
    assert.equal(feb30.date, undefined);
    assert.match(feb30.problem ?? '', /`date` is not a date/);
    assert.match(feb30.problem ?? '', /`follow_up` is not a date/);
    const evening = describeInterview('/x/a.md', '---\nperson: Ada\ndate: 2025-01-01T23:30:00-05:00\nfollow_up: 2025-1-8 09:00:00\n---\n');
    assert.equal(evening.date, '2025-01-01');
    assert.equal(evening.followUp, '2025-01-08');
    assert.equal(evening.problem, undefined);
    assert.equal(describeInterview('/x/a.md', '---\r\nperson: Ada\r\ndate: 2025-03-01\r\n---\r\n').date, '2025-03-01');
    assert.match(describeFirstWeekPlan('/x/p.md', '---\nstart: 2025-02-29\n---\n').problem ?? '', /`start` is not a date/);
  });

  it('follow-up is due on its date until the status says followed-up', () => {
    const doc = { kind: 'informational-interview' as const, file: 'x', title: 'x', followUp: '2025-03-15', status: 'done', tasks: { done: 0, total: 0 } };
    assert.equal(isFollowUpDue(doc, '2025-03-14'), false);
    assert.equal(isFollowUpDue(doc, '2025-03-15'), true);
    assert.equal(isFollowUpDue({ ...doc, status: 'followed-up' }, '2025-04-01'), false);
  });

  it('counts ticked and open tasks in any list style', () => {
    assert.deepEqual(taskProgress('- [ ] a\n* [x] b\n+ [X] c\n  - [ ] d (2025-01-02)\n- not a task\n'), {
      done: 2,
      total: 4,
      next: { title: 'd', date: '2025-01-02' },
    });
  });
});

describe('kit: creating files', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kit-files-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('never overwrites: an existing name gets -2, -3, and the old text is untouched', async () => {
    const folder = path.join(dir, 'career', 'informational-interviews');
    const first = await createNewDocument(folder, '2025-01-01-ada.md', 'first');
    fs.writeFileSync(first, 'my own edits');
    const second = await createNewDocument(folder, '2025-01-01-ada.md', 'second');
    const third = await createNewDocument(folder, '2025-01-01-ada.md', 'third');
    assert.deepEqual([first, second, third].map((f) => path.basename(f)), ['2025-01-01-ada.md', '2025-01-01-ada-2.md', '2025-01-01-ada-3.md']);
    assert.equal(fs.readFileSync(first, 'utf8'), 'my own edits');
  });

  it('refuses a file name that is a path', async () => {
    await assert.rejects(createNewDocument(dir, '../escape.md', 'x'), /not a plain file name/);
    await assert.rejects(createNewDocument(dir, 'a/b.md', 'x'), /not a plain file name/);
    await assert.rejects(createNewDocument(dir, '..', 'x'), /leaves the folder/);
    assert.equal(fs.existsSync(path.join(path.dirname(dir), 'escape.md')), false);
  });

  it('ten notes created at once all land in different files', async () => {
    const written = await Promise.all(Array.from({ length: 10 }, (_, i) => createNewDocument(dir, 'same.md', String(i))));
    assert.equal(new Set(written).size, 10);
    const contents = written.map((f) => fs.readFileSync(f, 'utf8')).sort();
    assert.deepEqual(contents, ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });
});
