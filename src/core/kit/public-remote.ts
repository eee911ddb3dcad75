// Pure logic: stays free of vscode.
// Does a git remote URL point at a public code host? Used to warn before the private offer
// worksheet lands in a repository that could be pushed where others can read it.

/** Hosts where repositories are commonly public (a private repository there can be made public in one click). */
export const PUBLIC_GIT_HOSTS: readonly string[] = [
  'github.com',
  'gitlab.com',
  'bitbucket.org',
  'codeberg.org',
  'huggingface.co',
  'sr.ht',
  'gitee.com',
  'sourceforge.net',
  'launchpad.net',
  'notabug.org',
];

/**
 * The host of a remote URL in any form git accepts: `https://user@host:port/path`,
 * `ssh://git@host/path`, `git://host/path`, scp-like `git@host:path`. Undefined for local
 * paths and `file://` URLs.
 */
export function remoteHost(url: string): string | undefined {
  const text = url.trim();
  if (text === '') return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  if (scheme) {
    if (scheme[1].toLowerCase() === 'file') return undefined;
    const authority = text.slice(scheme[0].length).split(/[/?#]/, 1)[0];
    const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
    const host = hostPort.startsWith('[') ? hostPort.slice(1, hostPort.indexOf(']')) : hostPort.replace(/:\d*$/, '');
    return host === '' ? undefined : host.toLowerCase();
  }
  // scp-like syntax: [user@]host:path — git treats it so only when no slash comes before the colon.
  const scp = /^(?:[^@/]+@)?([^:/]+):(?!\/\/)/.exec(text);
  if (scp && !/^[a-zA-Z]$/.test(scp[1])) return scp[1].replace(/^\[|\]$/g, '').toLowerCase();
  return undefined;
}

/** The public host a URL points at (`github.com` also for `ssh.github.com`), or undefined. */
export function publicHostOf(url: string): string | undefined {
  const host = remoteHost(url);
  if (!host) return undefined;
  return PUBLIC_GIT_HOSTS.find((h) => host === h || host.endsWith(`.${h}`));
}

export interface GitConfigEntry {
  readonly key: string;
  readonly value: string;
}

/** Parses `git config -z --get-regexp …`: records `key\nvalue` separated by NUL; a key alone means no value. */
export function parseGitConfigZ(output: string): GitConfigEntry[] {
  const entries: GitConfigEntry[] = [];
  for (const record of output.split('\0')) {
    if (record === '') continue;
    const newline = record.indexOf('\n');
    if (newline === -1) entries.push({ key: record, value: '' });
    else entries.push({ key: record.slice(0, newline), value: record.slice(newline + 1) });
  }
  return entries;
}

export interface RemoteUrl {
  /** Remote name, e.g. `origin`. */
  readonly remote: string;
  /** The URL after `url.<base>.insteadOf` / `pushInsteadOf` rewriting, as git would use it. */
  readonly url: string;
  readonly publicHost: string | undefined;
}

/**
 * The remotes' URLs from `git config` entries, with `insteadOf` rewrites applied the way git
 * does (longest matching prefix wins), so `gh:me/repo` is seen as GitHub.
 */
export function remoteUrlsFromConfig(entries: readonly GitConfigEntry[]): RemoteUrl[] {
  const insteadOf: { from: string; to: string }[] = [];
  const pushInsteadOf: { from: string; to: string }[] = [];
  for (const { key, value } of entries) {
    const m = /^url\.(.*)\.(insteadof|pushinsteadof)$/i.exec(key);
    if (!m || value === '') continue;
    (m[2].toLowerCase() === 'pushinsteadof' ? pushInsteadOf : insteadOf).push({ from: value, to: m[1] });
  }
  const rewrite = (url: string, rules: readonly { from: string; to: string }[]): string | undefined => {
    let best: { from: string; to: string } | undefined;
    for (const r of rules) {
      if (url.startsWith(r.from) && (!best || r.from.length > best.from.length)) best = r;
    }
    return best ? best.to + url.slice(best.from.length) : undefined;
  };
  const result: RemoteUrl[] = [];
  const seen = new Set<string>();
  const add = (remote: string, url: string) => {
    const id = `${remote}\0${url}`;
    if (seen.has(id)) return;
    seen.add(id);
    result.push({ remote, url, publicHost: publicHostOf(url) });
  };
  for (const { key, value } of entries) {
    const m = /^remote\.(.+)\.(url|pushurl)$/i.exec(key);
    if (!m || value === '') continue;
    add(m[1], rewrite(value, insteadOf) ?? value);
    // git pushes a plain `url` through pushInsteadOf when the remote has no pushurl: check that target too.
    if (m[2].toLowerCase() === 'url') {
      const pushed = rewrite(value, pushInsteadOf);
      if (pushed !== undefined) add(m[1], pushed);
    }
  }
  return result;
}

/** A URL safe to show: credentials (`https://user:token@…`) removed. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1');
}
