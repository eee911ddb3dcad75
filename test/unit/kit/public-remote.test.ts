import assert from 'node:assert/strict';
import { parseGitConfigZ, publicHostOf, redactUrl, remoteHost, remoteUrlsFromConfig } from '../../../src/core/kit/public-remote';

describe('kit: public remote detection from URLs', () => {
  it('finds the host in every URL form git accepts', () => {
    const cases: [string, string | undefined][] = [
      ['https://github.com/me/notes.git', 'github.com'],
      ['https://me:ghp_secret@github.com/me/notes', 'github.com'],
      ['http://GitLab.com:8080/me/notes', 'gitlab.com'],
      ['ssh://git@bitbucket.org:22/me/notes.git', 'bitbucket.org'],
      ['git://codeberg.org/me/notes', 'codeberg.org'],
      ['git@github.com:me/notes.git', 'github.com'],
      ['github.com:me/notes.git', 'github.com'],
      ['ssh://git@[2001:db8::1]:22/x', '2001:db8::1'],
      ['/srv/git/notes.git', undefined],
      ['../notes.git', undefined],
      ['./a:b', undefined],
      ['file:///srv/git/notes.git', undefined],
      ['C:\\repos\\notes', undefined],
      ['', undefined],
    ];
    for (const [url, host] of cases) assert.equal(remoteHost(url), host, url);
  });

  it('calls GitHub, GitLab, Bitbucket, Hugging Face and their subdomains public', () => {
    assert.equal(publicHostOf('git@ssh.github.com:me/x'), 'github.com');
    assert.equal(publicHostOf('https://huggingface.co/spaces/me/demo'), 'huggingface.co');
    assert.equal(publicHostOf('https://gitlab.com/group/sub/x'), 'gitlab.com');
    assert.equal(publicHostOf('git@bitbucket.org:team/x.git'), 'bitbucket.org');
  });

  it('does not call look-alike or self-hosted servers public', () => {
    for (const url of ['https://github.com.evil.example/x', 'https://notgithub.com/x', 'git@gitlab.mycorp.internal:x', 'https://git.example.org/x', '/home/me/github.com/x']) {
      assert.equal(publicHostOf(url), undefined, url);
    }
  });

  it('parses NUL-separated git config output, values with spaces and newlines included', () => {
    const output = 'remote.origin.url\nhttps://github.com/me/x\0remote.my remote.url\n/path with spaces\0core.bare\0';
    assert.deepEqual(parseGitConfigZ(output), [
      { key: 'remote.origin.url', value: 'https://github.com/me/x' },
      { key: 'remote.my remote.url', value: '/path with spaces' },
      { key: 'core.bare', value: '' },
    ]);
  });

  it('applies insteadOf rewrites the way git does: the longest prefix wins', () => {
    const remotes = remoteUrlsFromConfig([
      { key: 'url.https://github.com/.insteadof', value: 'gh:' },
      { key: 'url.https://internal.example/.insteadof', value: 'g' },
      { key: 'remote.origin.url', value: 'gh:me/notes' },
      { key: 'remote.backup.url', value: '/mnt/backup/notes.git' },
    ]);
    assert.deepEqual(remotes, [
      { remote: 'origin', url: 'https://github.com/me/notes', publicHost: 'github.com' },
      { remote: 'backup', url: '/mnt/backup/notes.git', publicHost: undefined },
    ]);
  });

  it('a push URL or pushInsteadOf rewrite to a public host counts', () => {
    const viaPushUrl = remoteUrlsFromConfig([
      { key: 'remote.origin.url', value: '/mnt/notes.git' },
      { key: 'remote.origin.pushurl', value: 'git@gitlab.com:me/notes.git' },
    ]);
    assert.equal(viaPushUrl.filter((r) => r.publicHost).length, 1);
    const viaPushInsteadOf = remoteUrlsFromConfig([
      { key: 'url.git@github.com:.pushinsteadof', value: 'https://mirror.example/' },
      { key: 'remote.origin.url', value: 'https://mirror.example/me/notes' },
    ]);
    assert.deepEqual(viaPushInsteadOf.map((r) => r.publicHost), [undefined, 'github.com']);
  });

  it('never shows credentials from a URL', () => {
    assert.equal(redactUrl('https://me:ghp_secret@github.com/me/x'), 'https://github.com/me/x');
    assert.equal(redactUrl('git@github.com:me/x'), 'git@github.com:me/x');
  });
});
