import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkNotesPlacement } from '../../../src/core/kit/notes-placement';
import { gitAsAda, isolatedGitTempDir } from '../../support/dated-git';

const git = (cwd: string, ...args: string[]) => gitAsAda(cwd, args, '2025-01-01T12:00:00Z');
const NOTE = path.join('career', 'informational-interviews', '2026-11-24-jose-nunez-acme-ai-labs.md');

describe('kit: warns before notes land where they could be published', function () {
  this.timeout(20_000);
  const tempDir = isolatedGitTempDir('kit-notes-placement-');

  function folder(name: string): string {
    const dir = path.join(tempDir(), name);
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  }

  function githubRepo(name: string): string {
    const dir = folder(name);
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'remote', 'add', 'origin', 'https://github.com/x/y.git');
    return dir;
  }

  function jekyllSite(dir: string): void {
    fs.writeFileSync(path.join(dir, '_config.yml'), 'title: Priya\n');
    fs.mkdirSync(path.join(dir, '_posts'));
  }

  it('a plain folder that is neither a repository nor a site: notes are written without asking', async () => {
    const workspace = folder('plain');
    assert.equal(await checkNotesPlacement({ file: path.join(workspace, NOTE), workspaceRoot: workspace, trusted: true }), undefined);
    assert.equal(await checkNotesPlacement({ file: path.join(workspace, NOTE), workspaceRoot: workspace, trusted: false }), undefined);
  });

  it('a repository with a GitHub remote: warns, names github.com and the .gitignore line', async () => {
    const workspace = githubRepo('notes');
    const risk = await checkNotesPlacement({ file: path.join(workspace, NOTE), workspaceRoot: workspace, trusted: true });
    assert.ok(risk);
    assert.equal(risk.repository?.kind, 'public-remote');
    assert.equal(risk.repository?.kind === 'public-remote' && risk.repository.publicHost, 'github.com');
    assert.equal(risk.repository?.gitignoreLine, 'career/informational-interviews/');
    assert.equal(fs.realpathSync(risk.repository.root), fs.realpathSync(workspace));
    assert.equal(risk.jekyll, undefined);
  });

  it('the public Jekyll blog from the report: warns about both the remote and the site', async () => {
    const workspace = githubRepo('priya-blog');
    jekyllSite(workspace);
    const risk = await checkNotesPlacement({ file: path.join(workspace, NOTE), workspaceRoot: workspace, trusted: true });
    assert.equal(risk?.repository?.kind, 'public-remote');
    assert.deepEqual(risk?.jekyll, { siteRoot: workspace, folderInSite: 'career/informational-interviews' });
  });

  it('once the folder exists (the user accepted it), later notes go there without asking', async () => {
    const workspace = githubRepo('accepted');
    jekyllSite(workspace);
    fs.mkdirSync(path.join(workspace, 'career', 'informational-interviews'), { recursive: true });
    assert.equal(await checkNotesPlacement({ file: path.join(workspace, NOTE), workspaceRoot: workspace, trusted: true }), undefined);
  });

  it('a folder git ignores is not flagged, even in a Jekyll site published from the repository', async () => {
    const workspace = githubRepo('ignored');
    jekyllSite(workspace);
    fs.writeFileSync(path.join(workspace, '.gitignore'), 'career/informational-interviews/\n');
    assert.equal(await checkNotesPlacement({ file: path.join(workspace, NOTE), workspaceRoot: workspace, trusted: true }), undefined);
  });

  it('a repository whose remotes are all private is fine', async () => {
    const workspace = folder('private');
    git(workspace, 'init', '-q', '-b', 'main');
    git(workspace, 'remote', 'add', 'origin', path.join(tempDir(), 'backup.git'));
    assert.equal(await checkNotesPlacement({ file: path.join(workspace, NOTE), workspaceRoot: workspace, trusted: true }), undefined);
  });

  it('in Restricted Mode a repository cannot be checked, so it warns', async () => {
    const workspace = githubRepo('restricted');
    const risk = await checkNotesPlacement({ file: path.join(workspace, NOTE), workspaceRoot: workspace, trusted: false });
    assert.equal(risk?.repository?.kind, 'unchecked-repository');
    assert.equal(risk?.repository?.gitignoreLine, 'career/informational-interviews/');
  });

  it('a Jekyll site without git still warns: Jekyll publishes the folder', async () => {
    const workspace = folder('local-site');
    jekyllSite(workspace);
    const plan = path.join(workspace, 'career', 'first-week', 'first-week-2026-03-30.md');
    const risk = await checkNotesPlacement({ file: plan, workspaceRoot: workspace, trusted: true });
    assert.equal(risk?.repository, undefined);
    assert.deepEqual(risk?.jekyll, { siteRoot: workspace, folderInSite: 'career/first-week' });
  });

  it('Jekyll skips folders starting with _ or .: no warning there', async () => {
    const workspace = folder('skipped');
    jekyllSite(workspace);
    for (const relative of ['_drafts/career', '.private/career', 'career/_notes']) {
      const file = path.join(workspace, relative, 'note.md');
      assert.equal(await checkNotesPlacement({ file, workspaceRoot: workspace, trusted: true }), undefined, relative);
    }
  });

  it('a Jekyll site in docs/ publishes only docs/: notes beside it are not flagged by the site', async () => {
    const workspace = folder('project');
    const docs = folder(path.join('project', 'docs'));
    jekyllSite(docs);
    assert.equal(await checkNotesPlacement({ file: path.join(workspace, NOTE), workspaceRoot: workspace, trusted: true }), undefined);
    const inside = await checkNotesPlacement({ file: path.join(docs, 'career', 'note.md'), workspaceRoot: workspace, trusted: true });
    assert.deepEqual(inside?.jekyll, { siteRoot: docs, folderInSite: 'career' });
  });
});
