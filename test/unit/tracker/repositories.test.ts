import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configChangedSince, configuredEmail, findRepositoryFolders, parseMailmapSettings, readRawRefs, readRefTips, resolveRepository, tipsFromRawRefs } from '../../../src/core/tracker/repositories';
import { GitCommandError } from '../../../src/core/tracker/git-command';
import { scanRepositories } from '../../../src/core/tracker/scan';
import { ME, TempRepo, git, removeTempDirs, tempDir } from './git-fixtures';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);

describe('tracker: reading a repository\'s refs without git', () => {
  after(removeTempDirs);

  it('derives the tips of moved branches, keeps unchanged tags, and resolves symbolic refs', () => {
    const cachedRaw = { HEAD: 'ref: refs/heads/main', 'refs/heads/main': A, 'refs/tags/v1': C };
    const cachedTips = { 'refs/heads/main': A, 'refs/tags/v1': A };
    const raw = { HEAD: 'ref: refs/heads/main', 'refs/heads/main': B, 'refs/tags/v1': C, 'refs/remotes/origin/main': A, 'refs/remotes/origin/HEAD': 'ref: refs/remotes/origin/main' };
    assert.deepEqual(tipsFromRawRefs(raw, cachedRaw, cachedTips), {
      'refs/heads/main': B,
      'refs/tags/v1': A,
      'refs/remotes/origin/main': A,
      'refs/remotes/origin/HEAD': A,
    });
    assert.deepEqual(tipsFromRawRefs({ ...raw, HEAD: B }, cachedRaw, cachedTips)?.HEAD, B);
  });

  it('tells whether a config file changed since a moment, so an email read beside rev-parse is asked again', async () => {
    const repo = TempRepo.create();
    const resolved = await resolveRepository(repo.dir);
    const env = { HOME: tempDir() }; // no global config: only the repository's own files count
    const before = Date.now() - 5_000;
    repo.git('config', 'user.email', 'new@example.com');
    assert.equal(configChangedSince(resolved, before, env), true);
    assert.equal(configChangedSince(resolved, Date.now() + 60_000, env), false);
  });

  it('asks git (returns nothing) for a new or moved tag, which may need peeling', () => {
    const cachedRaw = { HEAD: 'ref: refs/heads/main', 'refs/heads/main': A };
    assert.equal(tipsFromRawRefs({ ...cachedRaw, 'refs/tags/v2': C }, cachedRaw, { 'refs/heads/main': A }), undefined);
  });

  it('agrees with git for-each-ref on a real repository with packed and loose refs, tags and a remote', async () => {
    const repo = TempRepo.create();
    repo.commit({ date: '2024-01-01T12:00:00Z' });
    repo.git('tag', '-a', '-m', 'annotated', 'v1');
    repo.git('tag', 'light');
    repo.git('update-ref', 'refs/remotes/origin/main', 'HEAD');
    repo.git('symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/main');
    repo.git('pack-refs', '--all');
    const cached = await resolveRepository(repo.dir);
    const cachedRaw = (await readRawRefs(cached))!;
    const cachedTips = await readRefTips(cached);
    repo.commit({ date: '2024-01-02T12:00:00Z' }); // a loose ref now overrides the packed one
    const raw = (await readRawRefs(cached))!;
    assert.deepEqual(tipsFromRawRefs(raw, cachedRaw, cachedTips), await readRefTips(cached));
  });

  it('reads user.email from the global config a user keeps elsewhere (GIT_CONFIG_GLOBAL)', async () => {
    const repo = TempRepo.create();
    repo.commit({ date: '2024-01-01T12:00:00Z' });
    repo.git('config', '--unset', 'user.email'); // only the global config names the user
    const globalConfig = path.join(tempDir(), 'my.gitconfig');
    fs.writeFileSync(globalConfig, '[user]\n\temail = elsewhere@example.com\n');
    const saved = process.env.GIT_CONFIG_GLOBAL;
    process.env.GIT_CONFIG_GLOBAL = globalConfig;
    try {
      assert.equal(await configuredEmail(repo.dir), 'elsewhere@example.com');
    } finally {
      if (saved === undefined) delete process.env.GIT_CONFIG_GLOBAL;
      else process.env.GIT_CONFIG_GLOBAL = saved;
    }
  });

  it('reads a bare repository (a folder such as my-blog.git) like any other: its commits count', async () => {
    const repo = TempRepo.create();
    repo.commit({ date: '2024-03-01T12:00:00Z', files: { 'content/posts/hello.md': '# Hello\n' } });
    repo.commit({ date: '2024-03-02T12:00:00Z' });
    const bare = path.join(tempDir(), 'blog.git');
    git(path.dirname(bare), ['clone', '-q', '--bare', repo.dir, bare]);
    const resolved = await resolveRepository(bare);
    assert.equal(resolved.bare, true);
    const result = await scanRepositories({ repos: [bare], emails: [ME], timeZone: 'UTC' });
    assert.equal(result.perRepo[0].status, 'ok', result.perRepo[0].message);
    assert.equal(result.perRepo[0].commits, 2);
    assert.deepEqual(result.posts.map((p) => p.path), ['content/posts/hello.md']);
  });

  it('a git failure is told by git\'s fatal line, not by output printed before it', () => {
    const err = new GitCommandError(['rev-parse'], 128, '/home/me/blog.git\n.\nfatal: ambiguous argument \'nope\'\n');
    assert.equal(err.message, "ambiguous argument 'nope'");
    assert.equal(new GitCommandError(['log'], 1, '').message, 'git exited with code 1');
  });

  it('finds repositories in workspace folders: the folder itself or one level down', async () => {
    const workspace = tempDir();
    TempRepo.create(path.join(workspace, 'blog'));
    TempRepo.create(path.join(workspace, 'ml-notes'));
    const single = TempRepo.create();
    assert.deepEqual((await findRepositoryFolders([workspace, single.dir])).sort(), [path.join(workspace, 'blog'), path.join(workspace, 'ml-notes'), single.dir].sort());
  });
});

describe('tracker: the mailmap settings a cache entry depends on', () => {
  it('reads mailmap.file and mailmap.blob as git does: sections, quotes, comments, last one wins', () => {
    const config = [
      '[core]',
      '\tfile = not-this',
      '[mailmap]',
      '\tfile = first',
      '[remote "origin"]',
      '\tblob = not-this',
      '[MailMap] File = "~/my mailmap" ; where I keep it',
      '\tblob = HEAD:.mailmap # the committed one',
    ].join('\n');
    assert.deepEqual(parseMailmapSettings(config), { file: '~/my mailmap', blob: 'HEAD:.mailmap' });
    assert.deepEqual(parseMailmapSettings('[user]\n\temail = me@example.com\n'), {});
  });
});
