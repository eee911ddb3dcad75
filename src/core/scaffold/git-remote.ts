// Pure logic: stays free of vscode.
// Git remotes as web addresses, and permalinks to lines of a file at a commit, for the hosts
// whose URL forms we know (GitHub, GitLab, Bitbucket). Credentials in a remote URL are
// dropped: they must never end up in a post.

export type GitHost = 'github' | 'gitlab' | 'bitbucket';

export interface RemoteRepo {
  /** `https://github.com/owner/repo` */
  webUrl: string;
  host: GitHost | undefined;
  hostname: string;
  /** `owner/repo` (GitLab groups may have more segments). */
  repoPath: string;
}

/**
 * `git@github.com:me/repo.git`, `ssh://git@host:22/me/repo.git`, `https://user:token@host/me/repo.git`,
 * `git://host/me/repo` → `https://host/me/repo`. Undefined for local paths and unknown forms.
 */
export function parseRemoteUrl(remote: string): RemoteRepo | undefined {
  const trimmed = remote.trim();
  if (!trimmed || /\s/.test(trimmed)) return undefined;
  let hostname: string;
  let repoPath: string;
  const scp = /^(?:[^@/]+@)?([^:/]+):(?!\/)(.+)$/.exec(trimmed);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      return undefined;
    }
    if (!['https:', 'http:', 'ssh:', 'git:', 'git+ssh:', 'ssh+git:'].includes(url.protocol)) return undefined;
    hostname = url.hostname;
    repoPath = decodeURIComponent(url.pathname);
  } else if (scp && !/^[a-zA-Z]$/.test(scp[1])) {
    hostname = scp[1];
    repoPath = scp[2];
  } else {
    return undefined;
  }
  repoPath = repoPath.replace(/^\/+|\/+$/g, '').replace(/\.git$/i, '');
  // Some hosts put the port-less SSH path under `scm/` or a `~user`; keep only sane paths.
  if (!hostname || !repoPath || repoPath.split('/').length < 2 || repoPath.split('/').some((s) => s === '' || s === '..')) return undefined;
  hostname = hostname.toLowerCase();
  const host: GitHost | undefined = /(^|\.)github\.com$/.test(hostname) || hostname.startsWith('github.')
    ? 'github'
    : /(^|\.)gitlab\.com$/.test(hostname) || hostname.startsWith('gitlab.')
      ? 'gitlab'
      : /(^|\.)bitbucket\.org$/.test(hostname)
        ? 'bitbucket'
        : undefined;
  const webHost = hostname === 'ssh.github.com' ? 'github.com' : hostname;
  return { webUrl: `https://${webHost}/${repoPath}`, host, hostname: webHost, repoPath };
}

function encodePath(filePath: string): string {
  return filePath
    .split(/[\\/]+/)
    .filter((s) => s !== '')
    .map(encodeURIComponent)
    .join('/');
}

/**
 * A link to lines `startLine`–`endLine` (1-based) of `filePath` (relative to the repository
 * root) at commit `sha`. Undefined for hosts whose URL form we do not know.
 */
export function permalinkFor(repo: RemoteRepo, sha: string, filePath: string, startLine: number, endLine: number): string | undefined {
  if (!/^[0-9a-f]{7,64}$/i.test(sha)) return undefined;
  const file = encodePath(filePath);
  const one = startLine === endLine;
  switch (repo.host) {
    case 'github':
      return `${repo.webUrl}/blob/${sha}/${file}#L${startLine}${one ? '' : `-L${endLine}`}`;
    case 'gitlab':
      return `${repo.webUrl}/-/blob/${sha}/${file}#L${startLine}${one ? '' : `-${endLine}`}`;
    case 'bitbucket':
      return `${repo.webUrl}/src/${sha}/${file}#lines-${startLine}${one ? '' : `:${endLine}`}`;
    default:
      return undefined;
  }
}
