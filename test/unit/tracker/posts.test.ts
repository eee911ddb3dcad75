import assert from 'node:assert/strict';
import { scanRepositories, publishedPerMonth } from '../../../src/core/tracker/scan';
import { classifyAddedFile, normalizePostsFolders, DEFAULT_POSTS_FOLDERS } from '../../../src/core/tracker/posts';
import { ME, TempRepo, removeTempDirs } from './git-fixtures';

describe('tracker: posts published, READMEs and projects', () => {
  after(removeTempDirs);

  it('counts Markdown files first added under the posts folders, per month', async () => {
    const repo = TempRepo.create();
    repo.commit({ date: '2024-01-10T12:00:00Z', files: { 'README.md': '# Blog\n', 'hugo.toml': '' } });
    repo.commit({ date: '2024-02-01T12:00:00Z', files: { 'content/posts/first.md': '# 1\n' } });
    repo.commit({ date: '2024-02-20T12:00:00Z', files: { 'content/posts/second/index.md': '# 2\n', 'content/posts/second/plot.png': 'png' } });
    repo.commit({ date: '2024-03-05T12:00:00Z', files: { '_posts/2024-03-05-jekyll.markdown': '# 3\n' } });
    repo.commit({ date: '2024-03-06T12:00:00Z', files: { 'content/posts/first.md': '# 1 edited\n' } }); // an edit is not a new post
    const result = await scanRepositories({ repos: [repo.dir], emails: [], timeZone: 'UTC' });
    const posts = result.posts.filter((p) => p.kind === 'post');
    assert.deepEqual(posts.map((p) => [p.path, p.day]), [
      ['content/posts/first.md', '2024-02-01'],
      ['content/posts/second/index.md', '2024-02-20'],
      ['_posts/2024-03-05-jekyll.markdown', '2024-03-05'],
    ]);
    assert.deepEqual(Object.fromEntries(publishedPerMonth(result.posts)), { '2024-02': 2, '2024-03': 1 });
    assert.equal(result.perRepo[0].published, 4);
  });

  it('does not count a renamed post again, nor a post re-added after deletion, nor other people\'s posts', async () => {
    const repo = TempRepo.create();
    repo.commit({ date: '2024-04-01T12:00:00Z', files: { 'content/posts/draft-name.md': '# A long enough post body for rename detection\n'.repeat(5) } });
    repo.git('mv', 'content/posts/draft-name.md', 'content/posts/final-name.md');
    repo.commit({ date: '2024-04-02T12:00:00Z' });
    repo.commit({ date: '2024-04-03T12:00:00Z', email: 'guest@example.net', files: { 'content/posts/guest.md': '# guest\n' } });
    repo.commit({ date: '2024-04-04T12:00:00Z', remove: ['content/posts/guest.md'] });
    repo.commit({ date: '2024-04-05T12:00:00Z', files: { 'content/posts/guest.md': '# mine now\n' } }); // first added by me now
    repo.commit({ date: '2024-04-06T12:00:00Z', files: { 'content/posts/mine.md': '# mine\n' } });
    repo.commit({ date: '2024-04-07T12:00:00Z', remove: ['content/posts/mine.md'] });
    repo.commit({ date: '2024-04-08T12:00:00Z', files: { 'content/posts/mine.md': '# mine, back\n' } });
    const result = await scanRepositories({ repos: [repo.dir], emails: [], timeZone: 'UTC' });
    assert.deepEqual(result.posts.filter((p) => p.kind === 'post').map((p) => [p.path, p.day]), [
      ['content/posts/draft-name.md', '2024-04-01'],
      ['content/posts/guest.md', '2024-04-05'],
      ['content/posts/mine.md', '2024-04-06'],
    ]);
  });

  it('tells a project started (README in the first commit) from a README written later', async () => {
    const repo = TempRepo.create();
    repo.commit({ date: '2024-05-01T12:00:00Z', files: { 'README.md': '# Project\n', 'train.py': '' } });
    repo.commit({ date: '2024-05-02T12:00:00Z', files: { 'rag-demo/README.md': '# RAG demo\n' } }); // subfolders are not looked at
    const other = TempRepo.create();
    other.commit({ date: '2024-05-04T12:00:00Z', files: { 'code.py': '' } });
    other.commit({ date: '2024-05-05T12:00:00Z', files: { 'README.md': '# Later README\n' } });
    const result = await scanRepositories({ repos: [repo.dir, other.dir], emails: [], timeZone: 'UTC' });
    assert.deepEqual(result.posts.map((p) => [p.kind, p.path, p.day]), [
      ['project', 'README.md', '2024-05-01'],
      ['readme', 'README.md', '2024-05-05'],
    ]);
  });

  it('uses the posts folders from the setting, refusing paths that leave the repository', async () => {
    const repo = TempRepo.create();
    repo.commit({ date: '2024-06-01T12:00:00Z', files: { 'notes/til/first.md': '# til\n', 'content/posts/x.md': '# x\n' } });
    const result = await scanRepositories({ repos: [repo.dir], emails: [], timeZone: 'UTC', postsFolders: ['notes/til/', '../outside', '/etc'] });
    assert.deepEqual(result.posts.filter((p) => p.kind === 'post').map((p) => p.path), ['notes/til/first.md']);
    assert.equal(result.warnings.filter((w) => /Posts folder/.test(w)).length, 2);
  });

  it('classifies added files by the documented rules', () => {
    const folders = normalizePostsFolders(DEFAULT_POSTS_FOLDERS).folders;
    assert.equal(classifyAddedFile('content/posts/a.md', folders, false), 'post');
    assert.equal(classifyAddedFile('content/posts/a.mdx', folders, false), 'post');
    assert.equal(classifyAddedFile('content/posts/_index.md', folders, false), undefined);
    assert.equal(classifyAddedFile('content/posts/index.md', folders, false), undefined);
    assert.equal(classifyAddedFile('content/posts/bundle/index.md', folders, false), 'post');
    assert.equal(classifyAddedFile('content/posts/README.md', folders, false), undefined);
    assert.equal(classifyAddedFile('content/posts/cover.png', folders, false), undefined);
    assert.equal(classifyAddedFile('content/postscript.md', folders, false), undefined);
    assert.equal(classifyAddedFile('README.md', folders, true), 'project');
    assert.equal(classifyAddedFile('README.md', folders, false), 'readme');
    assert.equal(classifyAddedFile('demo/README.md', folders, false), undefined);
  });

  it('counts the user\'s posts by the committer date when the setting says so', async () => {
    const repo = TempRepo.create();
    repo.commit({ date: '2024-07-01T12:00:00Z', committerDate: '2024-07-09T12:00:00Z', files: { 'blog/x.md': '# x\n' } });
    const result = await scanRepositories({ repos: [repo.dir], emails: [ME], timeZone: 'UTC', dateKind: 'committer' });
    assert.deepEqual(result.posts.map((p) => p.day), ['2024-07-09']);
  });
});
