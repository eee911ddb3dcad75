import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { selectionGitInfo, remoteRepo } from '../../../src/core/scaffold/git-info';
import { parseRemoteUrl, permalinkFor } from '../../../src/core/scaffold/git-remote';
import { dedent, fencedBlock, selectionValues, suggestTitle } from '../../../src/core/scaffold/selection';
import { builtInTemplates } from '../../../src/core/scaffold/builtin-templates';
import { renderTemplate } from '../../../src/core/scaffold/template';
import { git, makeRepo, makeSite, removeTempSites } from './temp-site';

const CODE = Array.from({ length: 30 }, (_, i) => `line_${i + 1} = ${i + 1}`).join('\n') + '\n';

describe('scaffold: git remotes and permalinks', () => {
  after(removeTempSites);

  it('turns the usual remote URL forms into a web address', () => {
    const cases: Array<[string, string]> = [
      ['git@github.com:me/repo.git', 'https://github.com/me/repo'],
      ['https://github.com/me/repo.git', 'https://github.com/me/repo'],
      ['https://github.com/me/repo/', 'https://github.com/me/repo'],
      ['ssh://git@github.com:22/me/repo.git', 'https://github.com/me/repo'],
      ['git@gitlab.com:group/sub/repo.git', 'https://gitlab.com/group/sub/repo'],
      ['https://bitbucket.org/team/repo.git', 'https://bitbucket.org/team/repo'],
      ['git://example.org/me/repo', 'https://example.org/me/repo'],
    ];
    for (const [remote, web] of cases) assert.equal(parseRemoteUrl(remote)?.webUrl, web, remote);
  });

  it('never keeps credentials from a remote URL', () => {
    const repo = parseRemoteUrl('https://me:ghp_SECRET@github.com/me/repo.git');
    assert.equal(repo?.webUrl, 'https://github.com/me/repo');
    assert.doesNotMatch(JSON.stringify(repo), /SECRET/);
  });

  it('ignores local paths and nonsense', () => {
    for (const remote of ['/srv/git/repo.git', '../repo', 'C:\\repos\\x', 'file:///srv/repo.git', '', 'github.com', 'https://github.com/onlyowner']) {
      assert.equal(parseRemoteUrl(remote), undefined, remote);
    }
  });

  it('builds line permalinks in each host’s own form', () => {
    const sha = 'a'.repeat(40);
    const gh = parseRemoteUrl('git@github.com:me/repo.git');
    const gl = parseRemoteUrl('git@gitlab.com:me/repo.git');
    const bb = parseRemoteUrl('git@bitbucket.org:me/repo.git');
    const other = parseRemoteUrl('git@example.org:me/repo.git');
    assert.ok(gh && gl && bb && other);
    assert.equal(permalinkFor(gh, sha, 'src/my file.py', 10, 20), `https://github.com/me/repo/blob/${sha}/src/my%20file.py#L10-L20`);
    assert.equal(permalinkFor(gh, sha, 'a.py', 7, 7), `https://github.com/me/repo/blob/${sha}/a.py#L7`);
    assert.equal(permalinkFor(gl, sha, 'a.py', 10, 20), `https://gitlab.com/me/repo/-/blob/${sha}/a.py#L10-20`);
    assert.equal(permalinkFor(bb, sha, 'a.py', 10, 20), `https://bitbucket.org/me/repo/src/${sha}/a.py#lines-10:20`);
    assert.equal(permalinkFor(other, sha, 'a.py', 1, 2), undefined);
  });

  it('links the selected lines at the current commit of a real repository', async () => {
    const root = makeRepo({ 'src/train.py': CODE }, 'git@github.com:ada/ml-notes.git');
    const sha = git(root, 'rev-parse', 'HEAD');
    git(root, 'update-ref', 'refs/remotes/origin/main', sha); // as if pushed
    const info = await selectionGitInfo(path.join(root, 'src/train.py'), 10, 20);
    assert.equal(info.sha, sha);
    assert.equal(info.repoRelativePath, 'src/train.py');
    assert.equal(info.permalink, `https://github.com/ada/ml-notes/blob/${sha}/src/train.py#L10-L20`);
    assert.equal(info.caveat, undefined);
    assert.equal((await remoteRepo(root))?.webUrl, 'https://github.com/ada/ml-notes');
  });

  it('warns when the commit is not pushed or the file has uncommitted changes', async () => {
    const root = makeRepo({ 'a.py': CODE }, 'https://gitlab.com/ada/x.git');
    const file = path.join(root, 'a.py');
    assert.equal((await selectionGitInfo(file, 1, 2)).caveat, 'not-pushed');
    fs.appendFileSync(file, 'more = 1\n');
    const dirty = await selectionGitInfo(file, 1, 2);
    assert.equal(dirty.caveat, 'uncommitted-changes');
    assert.match(dirty.permalink ?? '', /^https:\/\/gitlab\.com\/ada\/x\/-\/blob\/[0-9a-f]{40}\/a\.py#L1-2$/);
  });

  it('follows the user’s insteadOf alias for the remote, and falls back to the only remote when there is no origin', async () => {
    const root = makeRepo({ 'a.py': CODE }, 'gh:ada/ml-notes');
    git(root, 'config', 'url.git@github.com:.insteadOf', 'gh:');
    assert.equal((await remoteRepo(root))?.webUrl, 'https://github.com/ada/ml-notes');
    const upstreamOnly = makeRepo({ 'a.py': CODE });
    git(upstreamOnly, 'remote', 'add', 'upstream', 'https://gitlab.com/ada/x.git');
    assert.equal((await remoteRepo(upstreamOnly))?.webUrl, 'https://gitlab.com/ada/x');
  });

  it('gives no permalink for an untracked file, a repo without remote, or no repo at all', async () => {
    const root = makeRepo({ 'a.py': CODE }, 'git@github.com:ada/x.git');
    fs.writeFileSync(path.join(root, 'new.py'), 'x = 1\n');
    assert.equal((await selectionGitInfo(path.join(root, 'new.py'), 1, 1)).permalink, undefined);
    const noRemote = makeRepo({ 'a.py': CODE });
    const info = await selectionGitInfo(path.join(noRemote, 'a.py'), 1, 1);
    assert.equal(info.permalink, undefined);
    assert.ok(info.sha);
    const plain = makeSite({ 'a.py': CODE });
    assert.deepEqual(await selectionGitInfo(path.join(plain, 'a.py'), 1, 1), {});
  });
});

describe('scaffold: a selection as a post body', () => {
  it('fences code in its language, dedented, with a link to its lines', () => {
    const v = selectionValues({ text: '    def f(x):\n        return x\n', languageId: 'python', startLine: 10, endLine: 11, displayPath: 'src/m.py', permalink: 'https://github.com/a/b/blob/abc1234/src/m.py#L10-L11' });
    assert.equal(v.selection, '```python\ndef f(x):\n    return x\n```');
    assert.equal(v.selectionLanguage, 'python');
    assert.equal(v.selectionSource, 'From [`src/m.py`, lines 10-11](https://github.com/a/b/blob/abc1234/src/m.py#L10-L11)');
  });

  it('keeps Markdown as Markdown', () => {
    const v = selectionValues({ text: '## Heading\n\nSome *text*.', languageId: 'markdown', startLine: 1, endLine: 3 });
    assert.equal(v.selection, '## Heading\n\nSome *text*.');
    assert.equal(v.selectionSource, '');
  });

  it('leaves out the front matter of text copied from another post: in the body it would show as a rule and a heading', () => {
    const v = selectionValues({ text: '---\r\ntitle: "Batch norm, briefly"\r\ntags: [ml]\r\n---\r\n\r\nBody text.\r\n', languageId: 'markdown', startLine: 1, endLine: 6 });
    assert.equal(v.selection, 'Body text.');
    // A rule and a setext heading are Markdown, not front matter: they stay.
    assert.equal(selectionValues({ text: '---\nJust a heading\n---\n\nText', languageId: 'markdown', startLine: 1, endLine: 5 }).selection, '---\nJust a heading\n---\n\nText');
    assert.equal(selectionValues({ text: '---\ntitle: Only front matter\n---\n', languageId: 'markdown', startLine: 1, endLine: 3 }).selection, '');
  });

  it('does not repeat the heading that became the post\'s title at the top of its body', () => {
    const selection = { text: '# Gradient descent, *briefly*\n\nStep downhill.\n\n## Learning rate\n', languageId: 'markdown', startLine: 1, endLine: 5 };
    const title = suggestTitle(selection);
    assert.equal(title, 'Gradient descent, briefly');
    assert.equal(selectionValues(selection, title).selection, 'Step downhill.\n\n## Learning rate');
    // A title of the user's own keeps the heading; so does a heading further down.
    assert.equal(selectionValues(selection, 'Notes on optimisers').selection, '# Gradient descent, *briefly*\n\nStep downhill.\n\n## Learning rate');
    assert.equal(selectionValues({ ...selection, text: 'Intro.\n\n# Gradient descent, briefly\n' }, title).selection, 'Intro.\n\n# Gradient descent, briefly');
    // Copied with its front matter: the heading after it goes too.
    assert.equal(selectionValues({ ...selection, text: '---\ntags: [ml]\n---\n## Gradient descent, briefly ##\nText' }, title).selection, 'Text');
  });

  it('keeps the link to the selected lines out of the last paragraph of selected prose', () => {
    const permalink = 'https://github.com/a/b/blob/abc1234/notes.md#L3-L4';
    const t = builtInTemplates().find((x) => x.kind === 'til');
    assert.ok(t);
    const values = selectionValues({ text: 'Dropout is noise.\n- a list item', languageId: 'markdown', startLine: 3, endLine: 4, displayPath: 'notes.md', permalink });
    const body = renderTemplate(t, values).body;
    assert.ok(body.includes(`- a list item\n\nFrom [\`notes.md\`, lines 3-4](${permalink})`), body);
  });

  it('uses a longer fence when the code itself contains backticks', () => {
    assert.equal(fencedBlock('print("```")', 'python'), '````python\nprint("```")\n````');
  });

  it('maps VS Code language ids to Markdown info strings', () => {
    assert.match(fencedBlock('x', 'typescriptreact'), /^```tsx\n/);
    assert.match(fencedBlock('x', 'shellscript'), /^```bash\n/);
  });

  it('does not dedent when lines share no indentation', () => {
    assert.equal(dedent('a\n  b'), 'a\n  b');
    assert.equal(dedent('\t\tx\n\n\t\ty'), 'x\n\ny');
  });

  it('suggests a title from a Markdown heading or the file name', () => {
    assert.equal(suggestTitle({ text: 'intro\n# Gradient clipping\nmore', languageId: 'markdown', startLine: 1, endLine: 3 }), 'Gradient clipping');
    assert.equal(suggestTitle({ text: 'x = 1', languageId: 'python', startLine: 1, endLine: 1, displayPath: 'src/train.py' }), 'TIL: train.py');
    // Selected from another post: its title, not the front matter's "---".
    assert.equal(suggestTitle({ text: '---\r\ntitle: "Batch norm, briefly"\r\ndate: 2024-05-01\r\n---\r\nBody', languageId: 'markdown', startLine: 1, endLine: 5 }), 'Batch norm, briefly');
    assert.equal(suggestTitle({ text: '---\nlayout: post\n---\n\n---\nDropout works by noise', languageId: 'markdown', startLine: 1, endLine: 6 }), 'Dropout works by noise');
  });
});
