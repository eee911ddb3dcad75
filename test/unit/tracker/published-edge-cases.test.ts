import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scanRepositories, type ScanOptions } from '../../../src/core/tracker/scan';
import { readPostFacts, withoutDrafts } from '../../../src/core/tracker/post-facts';
import { buildTrackerModel } from '../../../src/core/tracker/tracker-view-model';
import { ME, TempRepo, git, removeTempDirs, tempDir } from './git-fixtures';

function scan(repos: string[], extra: Partial<ScanOptions> = {}) {
  return scanRepositories({ repos, emails: [], timeZone: 'UTC', ...extra });
}
const postList = (r: { posts: { path: string; kind: string; day: string }[] }) => r.posts.map((p) => `${p.kind}:${p.path}@${p.day}`).sort();
/** First path → where the file is now, for the renamed ones. */
const whereNow = (r: { posts: { path: string; currentPath?: string }[] }) => r.posts.filter((p) => p.currentPath).map((p) => `${p.path} → ${p.currentPath}`).sort();

describe('tracker: published items in unusual repositories', () => {
  after(removeTempDirs);

  it('finds posts on the checked-out branch when four other branches with their own commits sort before it', async () => {
    const repo = TempRepo.create();
    repo.commit({ date: '2024-01-01T12:00:00Z', files: { 'a.txt': 'a' } });
    for (const b of ['alpha', 'beta', 'dev', 'fix']) {
      repo.git('checkout', '-q', '-b', b, 'main');
      repo.commit({ date: '2024-01-01T13:00:00Z', files: { [`${b}.txt`]: b } });
    }
    repo.git('checkout', '-q', 'main');
    repo.commit({ date: '2024-01-02T12:00:00Z', files: { 'posts/hello.md': '# hi\n' } });
    assert.deepEqual(postList(await scan([repo.dir])), ['post:posts/hello.md@2024-01-02']);
  });

  it('posts moved to another posts folder keep their first day: a full rescan equals the refresh', async () => {
    const repo = TempRepo.create();
    const cacheDir = tempDir('lip-cache-');
    repo.commit({ date: '2024-01-01T12:00:00Z', files: { 'posts/first.md': '# First post\n\nWhat I learned about attention, in my own words.\n' } });
    repo.commit({ date: '2024-02-01T12:00:00Z', files: { 'posts/second.md': '# Second post\n\nNotes on tokenizers and why they matter.\n' } });
    await scan([repo.dir], { cacheDir });
    fs.mkdirSync(path.join(repo.dir, 'content'));
    repo.git('mv', 'posts', 'content/posts');
    repo.commit({ date: '2024-06-01T12:00:00Z' });
    const refreshed = await scan([repo.dir], { cacheDir });
    const full = await scan([repo.dir]);
    assert.deepEqual(postList(full), ['post:posts/first.md@2024-01-01', 'post:posts/second.md@2024-02-01']);
    assert.deepEqual(postList(full), postList(refreshed));
    // Each is read and opened where it is now.
    assert.deepEqual(whereNow(full), ['posts/first.md → content/posts/first.md', 'posts/second.md → content/posts/second.md']);
    assert.deepEqual(whereNow(refreshed), whereNow(full));
  });

  it('a Jekyll blog turned Hugo (files renamed as they move) keeps its posts and their days', async () => {
    const repo = TempRepo.create();
    repo.commit({ date: '2023-03-01T12:00:00Z', files: { '_posts/2023-03-01-gradients.md': '---\ntitle: Gradients\n---\nWhat a gradient is, and why it points uphill.\n' } });
    repo.commit({ date: '2023-04-01T12:00:00Z', files: { '_posts/2023-04-01-loss.md': '---\ntitle: Loss\n---\nHow a loss function tells a model it is wrong.\n' } });
    fs.mkdirSync(path.join(repo.dir, 'content', 'posts'), { recursive: true });
    repo.git('mv', '_posts/2023-03-01-gradients.md', 'content/posts/gradients.md');
    repo.git('mv', '_posts/2023-04-01-loss.md', 'content/posts/loss.md');
    repo.commit({ date: '2024-06-01T12:00:00Z', files: { 'content/posts/new.md': '# A new post after the move\n' } });
    assert.deepEqual(postList(await scan([repo.dir])), [
      'post:_posts/2023-03-01-gradients.md@2023-03-01',
      'post:_posts/2023-04-01-loss.md@2023-04-01',
      'post:content/posts/new.md@2024-06-01',
    ]);
    assert.deepEqual(whereNow(await scan([repo.dir])), ['_posts/2023-03-01-gradients.md → content/posts/gradients.md', '_posts/2023-04-01-loss.md → content/posts/loss.md']);
  });

  it('a post renamed twice (then made a page bundle) is listed by its first day, where it is now, with its title; a full rescan equals the refresh', async () => {
    const repo = TempRepo.create();
    const cacheDir = tempDir('lip-cache-');
    repo.commit({ date: '2024-01-01T12:00:00Z', files: { 'content/posts/draft-1.md': '---\ntitle: Attention, in my words\n---\nBody.\n' } });
    repo.commit({ date: '2024-01-02T12:00:00Z', files: { 'content/posts/other.md': '# Other\n' } });
    await scan([repo.dir], { cacheDir });
    repo.git('mv', 'content/posts/draft-1.md', 'content/posts/attention.md');
    repo.commit({ date: '2024-01-03T12:00:00Z' });
    fs.mkdirSync(path.join(repo.dir, 'content/posts/attention'));
    repo.git('mv', 'content/posts/attention.md', 'content/posts/attention/index.md');
    repo.commit({ date: '2024-01-04T12:00:00Z', files: { 'content/posts/attention/diagram.txt': 'a picture, one day' } });
    const refreshed = await scan([repo.dir], { cacheDir });
    const full = await scan([repo.dir]);
    assert.deepEqual(postList(full), ['post:content/posts/draft-1.md@2024-01-01', 'post:content/posts/other.md@2024-01-02']);
    assert.deepEqual(whereNow(full), ['content/posts/draft-1.md → content/posts/attention/index.md']);
    assert.deepEqual(postList(refreshed), postList(full));
    assert.deepEqual(whereNow(refreshed), whereNow(full));
    // What the user sees: the list shows (and opens) the file where it is now.
    const model = buildTrackerModel(full, { today: '2024-01-05' });
    assert.deepEqual(model.published.map((p) => p.path), ['content/posts/other.md', 'content/posts/attention/index.md']);
    const [facts] = await readPostFacts([{ root: repo.dir, path: model.published[1].path }]);
    assert.equal(facts?.title, 'Attention, in my words');
  });

  it('a draft renamed while still a draft is not published; once published it counts on its first day', async () => {
    const repo = TempRepo.create();
    repo.commit({ date: '2024-01-01T12:00:00Z', files: { 'content/posts/wip.md': '---\ntitle: WIP\ndraft: true\n---\n' } });
    repo.git('mv', 'content/posts/wip.md', 'content/posts/embeddings.md');
    repo.commit({ date: '2024-01-02T12:00:00Z' });
    const drafts = await withoutDrafts((await scan([repo.dir])).posts, () => repo.dir);
    assert.deepEqual(drafts, [], 'the renamed draft is read where it is now, and is still a draft');
    repo.commit({ date: '2024-01-03T12:00:00Z', files: { 'content/posts/embeddings.md': '---\ntitle: Embeddings\ndraft: false\n---\n' } });
    const published = await withoutDrafts((await scan([repo.dir])).posts, () => repo.dir);
    assert.deepEqual(published.map((p) => `${p.path}@${p.day}`), ['content/posts/wip.md@2024-01-01']);
  });

  it('a blog of a single post moved to another posts folder keeps its first day: a full rescan equals the refresh', async () => {
    const repo = TempRepo.create();
    const cacheDir = tempDir('lip-cache-');
    repo.commit({ date: '2023-03-01T12:00:00Z', files: { '_posts/2023-03-01-gradients.md': '---\ntitle: Gradients\n---\nWhat a gradient is, and why it points uphill.\n' } });
    repo.commit({ date: '2023-05-01T12:00:00Z', files: { 'notes.txt': 'ideas for the next post' } });
    await scan([repo.dir], { cacheDir });
    fs.mkdirSync(path.join(repo.dir, 'content', 'posts'), { recursive: true });
    repo.git('mv', '_posts/2023-03-01-gradients.md', 'content/posts/gradients.md');
    repo.commit({ date: '2024-06-01T12:00:00Z' });
    repo.commit({ date: '2024-06-02T12:00:00Z', files: { 'content/posts/attention.md': '# Attention\n' } });
    const refreshed = await scan([repo.dir], { cacheDir });
    const full = await scan([repo.dir]);
    assert.deepEqual(postList(full), ['post:_posts/2023-03-01-gradients.md@2023-03-01', 'post:content/posts/attention.md@2024-06-02']);
    assert.deepEqual(postList(full), postList(refreshed));
    assert.deepEqual(whereNow(full), ['_posts/2023-03-01-gradients.md → content/posts/gradients.md']);
    assert.deepEqual(whereNow(refreshed), whereNow(full));
  });

  it('finds posts that exist only on a branch ranked past the first few tips', async () => {
    const repo = TempRepo.create();
    repo.commit({ date: '2024-01-01T12:00:00Z', files: { 'a.txt': 'a' } });
    for (const b of ['b1', 'b2', 'b3', 'b4', 'b5']) {
      repo.git('checkout', '-q', '-b', b, 'main');
      repo.commit({ date: '2024-01-01T13:00:00Z', files: { [`${b}.txt`]: b } });
    }
    repo.git('checkout', '-q', '-b', 'zz-blog', 'main');
    repo.commit({ date: '2024-01-03T12:00:00Z', files: { '_posts/2024-01-03-x.md': '# x\n' } });
    repo.git('checkout', '-q', 'main');
    assert.deepEqual(postList(await scan([repo.dir])), ['post:_posts/2024-01-03-x.md@2024-01-03']);
  });

  it('a shallow clone counts nothing as added by its boundary commit, but what came after it', async () => {
    const up = TempRepo.create();
    up.commit({ date: '2023-01-01T12:00:00Z', files: { 'README.md': '# p\n', 'posts/old1.md': '# 1\n', 'posts/old2.md': '# 2\n' } });
    up.commit({ date: '2023-06-01T12:00:00Z', files: { 'posts/old3.md': '# 3\n' } });
    up.commit({ date: '2024-05-01T12:00:00Z', files: { 'notes.txt': 'just a note' } });
    up.commit({ date: '2024-05-02T12:00:00Z', files: { 'posts/new.md': '# new\n' } });
    const shallow = path.join(tempDir(), 'shallow');
    git(path.dirname(shallow), ['clone', '-q', '--depth', '2', `file://${up.dir}`, shallow]);
    git(shallow, ['config', 'user.email', ME]);
    const r = await scan([shallow]);
    assert.ok(r.perRepo[0].shallow);
    assert.deepEqual(postList(r), ['post:posts/new.md@2024-05-02']);
  });

  it('a shallow clone whose boundary still holds an old posts folder counts nothing from that boundary', async () => {
    const up = TempRepo.create();
    up.commit({ date: '2023-01-01T12:00:00Z', files: { '_posts/2023-01-01-old.md': '# old\n' } });
    up.commit({ date: '2023-02-01T12:00:00Z', files: { 'notes.txt': 'notes' } });
    fs.mkdirSync(path.join(up.dir, 'content', 'posts'), { recursive: true });
    up.git('mv', '_posts/2023-01-01-old.md', 'content/posts/old.md');
    up.commit({ date: '2024-06-01T12:00:00Z' });
    up.commit({ date: '2024-06-02T12:00:00Z', files: { 'content/posts/new.md': '# new\n' } });
    const shallow = path.join(tempDir(), 'shallow');
    git(path.dirname(shallow), ['clone', '-q', '--depth', '3', `file://${up.dir}`, shallow]);
    git(shallow, ['config', 'user.email', ME]);
    // The boundary (2023-02-01) holds _posts/2023-01-01-old.md: added before this clone's history, not on that day.
    assert.deepEqual(postList(await scan([shallow])), ['post:content/posts/new.md@2024-06-02']);
  });

  it('a clone of depth 1 publishes nothing', async () => {
    const up = TempRepo.create();
    up.commit({ date: '2023-01-01T12:00:00Z', files: { 'README.md': '# p\n', 'posts/old1.md': '# 1\n' } });
    up.commit({ date: '2024-05-01T12:00:00Z', files: { 'posts/old2.md': '# 2\n' } });
    const shallow = path.join(tempDir(), 'shallow');
    git(path.dirname(shallow), ['clone', '-q', '--depth', '1', `file://${up.dir}`, shallow]);
    git(shallow, ['config', 'user.email', ME]);
    assert.deepEqual(postList(await scan([shallow])), []);
  });

  it('a README from the first commit, deleted and added back, is a project dated at the first commit', async () => {
    const repo = TempRepo.create();
    repo.commit({ date: '2024-01-01T12:00:00Z', files: { 'README.md': '# p\n' } });
    repo.commit({ date: '2024-01-05T12:00:00Z', remove: ['README.md'], files: { 'x.txt': 'x' } });
    repo.commit({ date: '2024-01-09T12:00:00Z', files: { 'README.md': '# p again\n' } });
    assert.deepEqual(postList(await scan([repo.dir])), ['project:README.md@2024-01-01']);
  });

  it('a post added in the first commit and deleted a commit later still counts', async () => {
    const repo = TempRepo.create();
    repo.commit({ date: '2024-01-01T12:00:00Z', files: { 'posts/first.md': '# first\n' } });
    repo.commit({ date: '2024-01-02T12:00:00Z', remove: ['posts/first.md'], files: { 'x.txt': 'x' } });
    repo.commit({ date: '2024-01-05T12:00:00Z', files: { 'y.txt': 'y' } });
    repo.commit({ date: '2024-01-06T12:00:00Z', files: { 'posts/second.md': '# second\n' } });
    assert.deepEqual(postList(await scan([repo.dir])), ['post:posts/first.md@2024-01-01', 'post:posts/second.md@2024-01-06']);
  });

  it('two repositories with the same folder name: each published item points at its own repository', async () => {
    const work = TempRepo.create(path.join(tempDir(), 'work', 'blog'));
    const personal = TempRepo.create(path.join(tempDir(), 'personal', 'blog'));
    work.commit({ date: '2024-01-01T12:00:00Z', files: { 'posts/work.md': '# w\n' } });
    personal.commit({ date: '2024-01-02T12:00:00Z', files: { 'posts/personal.md': '# p\n' } });
    const r = await scan([work.dir, personal.dir]);
    const model = buildTrackerModel(r, { today: '2024-01-10' });
    for (const item of model.published) {
      const repo = model.repos[item.repoIndex];
      assert.equal(item.repo, 'blog');
      assert.ok(fs.existsSync(path.join(repo.path, item.path)), `${item.path} is in ${repo.path}`);
    }
    assert.deepEqual(model.published.map((p) => [p.path, p.repoIndex]), [['posts/personal.md', 1], ['posts/work.md', 0]]);
  });
});
