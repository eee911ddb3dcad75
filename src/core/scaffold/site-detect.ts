// Pure logic: stays free of vscode.
// Recognises the static-site generator of a workspace folder from its own files (config
// files, dependencies, folders), then learns the details a new post must match from the
// site itself: the posts folder, Hugo page bundles, Astro's schema fields, tags vs
// categories. Reads only small text files and never runs any of them.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { parseFrontMatter } from '../front-matter';
import { defaultProfile, joinPosix, type SiteGenerator, type SiteProfile } from './site-profile';

/** Subfolders that often hold a site inside a project repository. */
export const SITE_SUBFOLDERS = ['blog', 'site', 'website', 'docs'];

const MAX_CONFIG_BYTES = 256 * 1024;
const STRONG = 10;
const MEDIUM = 5;
const WEAK = 2;

interface Evidence {
  generator: SiteGenerator;
  weight: number;
  reason: string;
}

export async function isFile(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isFile();
  } catch {
    return false;
  }
}

export async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/** Reads a small text file (without a byte-order mark); undefined when missing, unreadable or too big to be a config. */
export async function readSmallText(p: string, maxBytes = MAX_CONFIG_BYTES): Promise<string | undefined> {
  try {
    const stat = await fs.stat(p);
    if (!stat.isFile() || stat.size > maxBytes) return undefined;
    // Windows editors save package.json and TOML with a byte-order mark; parsers reject it.
    return (await fs.readFile(p, 'utf8')).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

async function firstFile(dir: string, names: string[]): Promise<string | undefined> {
  for (const name of names) if (await isFile(path.join(dir, name))) return name;
  return undefined;
}

async function firstDirectory(dir: string, names: string[]): Promise<string | undefined> {
  for (const name of names) if (await isDirectory(path.join(dir, name))) return name;
  return undefined;
}

function dependencies(packageJson: string | undefined): Set<string> {
  if (!packageJson) return new Set();
  try {
    const pkg = JSON.parse(packageJson) as Record<string, unknown>;
    const names = new Set<string>();
    for (const key of ['dependencies', 'devDependencies']) {
      const deps = pkg[key];
      if (deps && typeof deps === 'object') for (const name of Object.keys(deps)) names.add(name);
    }
    return names;
  } catch {
    return new Set();
  }
}

const HUGO_CONFIG_KEYS = /^\s*(baseurl|languagecode|theme|paginate|defaultcontentlanguage)\s*[=:]|^\s*\[(params|menu|markup|taxonomies)[\].]/im;

async function collectEvidence(dir: string): Promise<Evidence[]> {
  const found: Evidence[] = [];
  const add = (generator: SiteGenerator, weight: number, reason: string) => found.push({ generator, weight, reason });

  const hugoConfig = await firstFile(dir, ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json']);
  if (hugoConfig) add('hugo', STRONG, `found ${hugoConfig}`);
  for (const name of ['config.toml', 'config.yaml', 'config.yml', 'config.json']) {
    const text = await readSmallText(path.join(dir, name));
    if (text !== undefined && HUGO_CONFIG_KEYS.test(text)) {
      add('hugo', STRONG, `found ${name} with Hugo settings`);
      break;
    }
  }
  if (await isDirectory(path.join(dir, 'config', '_default'))) add('hugo', STRONG, 'found config/_default/');
  if ((await isDirectory(path.join(dir, 'archetypes'))) && (await isDirectory(path.join(dir, 'content')))) add('hugo', MEDIUM, 'found archetypes/ and content/');

  const jekyllConfig = await firstFile(dir, ['_config.yml', '_config.yaml']);
  if (jekyllConfig) add('jekyll', STRONG, `found ${jekyllConfig}`);
  if (await isDirectory(path.join(dir, '_posts'))) add('jekyll', MEDIUM, 'found _posts/');
  const gemfile = await readSmallText(path.join(dir, 'Gemfile'));
  if (gemfile && /^\s*gem\s+["'](jekyll|github-pages)["']/m.test(gemfile)) add('jekyll', MEDIUM, 'Gemfile uses jekyll');

  const astroConfig = await firstFile(dir, ['astro.config.mjs', 'astro.config.js', 'astro.config.ts', 'astro.config.mts', 'astro.config.cjs']);
  if (astroConfig) add('astro', STRONG, `found ${astroConfig}`);
  const contentConfig = await firstFile(dir, ['src/content.config.ts', 'src/content.config.js', 'src/content.config.mjs', 'src/content/config.ts', 'src/content/config.js', 'src/content/config.mjs']);
  if (contentConfig) add('astro', MEDIUM, `found ${contentConfig}`);

  const eleventyConfig = await firstFile(dir, ['.eleventy.js', '.eleventy.cjs', 'eleventy.config.js', 'eleventy.config.cjs', 'eleventy.config.mjs', 'eleventy.config.ts']);
  if (eleventyConfig) add('eleventy', STRONG, `found ${eleventyConfig}`);

  const docusaurusConfig = await firstFile(dir, ['docusaurus.config.js', 'docusaurus.config.ts', 'docusaurus.config.mjs', 'docusaurus.config.cjs']);
  if (docusaurusConfig) add('docusaurus', STRONG, `found ${docusaurusConfig}`);

  const deps = dependencies(await readSmallText(path.join(dir, 'package.json')));
  if (deps.has('@11ty/eleventy')) add('eleventy', MEDIUM, 'package.json depends on @11ty/eleventy');
  if (deps.has('astro')) add('astro', MEDIUM, 'package.json depends on astro');
  if (deps.has('@docusaurus/core')) add('docusaurus', MEDIUM, 'package.json depends on @docusaurus/core');
  if (found.length === 0 && (await isDirectory(path.join(dir, 'content'))) && (await firstFile(dir, ['.hugo_build.lock']))) {
    add('hugo', WEAK, 'found .hugo_build.lock');
  }
  return found;
}

interface Candidate {
  generator: SiteGenerator;
  score: number;
  evidence: string[];
  siteRoot: string;
}

function bestOf(evidence: Evidence[], siteRoot: string): Candidate | undefined {
  const byGenerator = new Map<SiteGenerator, Candidate>();
  for (const e of evidence) {
    const c = byGenerator.get(e.generator) ?? { generator: e.generator, score: 0, evidence: [], siteRoot };
    c.score += e.weight;
    c.evidence.push(siteRoot ? `${e.reason} in ${siteRoot}/` : e.reason);
    byGenerator.set(e.generator, c);
  }
  let best: Candidate | undefined;
  for (const c of byGenerator.values()) if (!best || c.score > best.score) best = c;
  return best;
}

/**
 * Detects the site in `workspaceRoot` (or one level down, in blog/, site/, website/ or
 * docs/) and returns the profile a new post must follow. Without any site the result is a
 * plain-Markdown profile with `detected: false`.
 */
export async function detectSite(workspaceRoot: string): Promise<SiteProfile> {
  let best = bestOf(await collectEvidence(workspaceRoot), '');
  for (const sub of SITE_SUBFOLDERS) {
    const dir = path.join(workspaceRoot, sub);
    if (!(await isDirectory(dir))) continue;
    const candidate = bestOf(await collectEvidence(dir), sub);
    // The folder itself wins ties: a project with a docs site is still the project's site.
    if (candidate && (!best || candidate.score > best.score)) best = candidate;
  }
  if (!best) return defaultProfile('markdown');
  const profile = await learnFromSite(workspaceRoot, defaultProfile(best.generator, best.siteRoot));
  // Why it is this generator first, then what was learned from its files.
  profile.evidence = [...best.evidence, ...profile.evidence];
  return profile;
}

/** Refines a generator's defaults with what the site's own files say. */
export async function learnFromSite(workspaceRoot: string, profile: SiteProfile): Promise<SiteProfile> {
  const siteDir = path.join(workspaceRoot, profile.siteRoot);
  const result: SiteProfile = { ...profile, fixedFields: { ...profile.fixedFields }, evidence: [...profile.evidence] };
  switch (profile.generator) {
    case 'hugo': {
      const content = (await hugoContentDir(siteDir)) ?? 'content';
      const postsName = await firstDirectory(siteDir, ['posts', 'post', 'blog'].map((name) => `${content}/${name}`));
      result.postsDir = joinPosix(profile.siteRoot, postsName ?? `${content}/posts`);
      break;
    }
    case 'astro': {
      await learnAstroSchema(siteDir, result);
      break;
    }
    case 'eleventy': {
      const postsName = await firstDirectory(siteDir, ['content/blog', 'src/posts', 'posts', 'src/blog', 'blog']);
      if (postsName) result.postsDir = joinPosix(profile.siteRoot, postsName);
      break;
    }
    case 'jekyll': {
      // With `collections_dir`, Jekyll reads posts only from `<collections_dir>/_posts`.
      const config = (await readSmallText(path.join(siteDir, '_config.yml'))) ?? (await readSmallText(path.join(siteDir, '_config.yaml')));
      const collections = insideSite(config ? /^collections_dir:[ \t]*(["']?)([^"'#\r\n]*?)\1[ \t]*(?:#.*)?$/m.exec(config)?.[2] : undefined);
      if (collections) result.postsDir = joinPosix(profile.siteRoot, collections, '_posts');
      break;
    }
    case 'docusaurus': {
      // The blog plugin's `path` option (default `blog`), in the preset or the plugin's own options.
      let config = '';
      for (const name of ['docusaurus.config.ts', 'docusaurus.config.js', 'docusaurus.config.mjs', 'docusaurus.config.cjs']) {
        const text = await readSmallText(path.join(siteDir, name));
        if (text !== undefined) {
          config = text;
          break;
        }
      }
      const blogPath = insideSite(/\bblog\s*:\s*\{[^{}]*?\bpath\s*:\s*["'`]([^"'`]+)["'`]/.exec(config)?.[1]);
      const blogDir = blogPath ?? 'blog';
      if (blogPath) result.postsDir = joinPosix(profile.siteRoot, blogPath);
      const authors = await readSmallText(path.join(siteDir, blogDir, 'authors.yml'));
      const firstAuthor = authors ? /^([A-Za-z0-9_.-]+):\s*$/m.exec(authors)?.[1] : undefined;
      if (firstAuthor) result.fixedFields.authors = [firstAuthor];
      const tagsFile = await docusaurusTagsFile(siteDir, blogDir, docusaurusBlogOptions(config));
      if (tagsFile) {
        result.definedTags = tagsFile.tags;
        result.evidence.push(`tags limited to those in ${joinPosix(profile.siteRoot, tagsFile.file)}`);
      }
      break;
    }
    default:
      break;
  }
  const samples = await samplePosts(path.join(workspaceRoot, result.postsDir));
  applySamples(result, samples);
  return result;
}

/** Hugo's `contentDir` (default `content`) from the site's top-level config, when it stays inside the site. */
async function hugoContentDir(siteDir: string): Promise<string | undefined> {
  for (const name of ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json', 'config/_default/hugo.toml', 'config/_default/config.toml', 'config/_default/hugo.yaml', 'config/_default/config.yaml']) {
    const text = await readSmallText(path.join(siteDir, name));
    if (text === undefined) continue;
    // Top level only: in TOML before the first [table] (a language's own contentDir is not the site's).
    const topLevel = name.endsWith('.toml') ? text.split(/^\s*\[/m)[0] : text;
    const pattern = name.endsWith('.json') ? /"contentDir"\s*:\s*"([^"]+)"/ : /^["']?contentDir["']?[ \t]*[=:][ \t]*(["']?)([^"'#\r\n]*?)\1[ \t]*(?:#.*)?$/m;
    const match = pattern.exec(topLevel);
    return insideSite(match ? match[match.length - 1] : undefined);
  }
  return undefined;
}

/** The preset's `blog: { … }` options as written in a Docusaurus config ('' when it has none). */
function docusaurusBlogOptions(config: string): string {
  const start = /\bblog\s*:\s*\{/.exec(config);
  if (!start) return '';
  let depth = 0;
  for (let i = start.index + start[0].length - 1; i < config.length; i++) {
    if (config[i] === '{') depth++;
    else if (config[i] === '}' && --depth === 0) return config.slice(start.index, i + 1);
  }
  return config.slice(start.index);
}

/**
 * Docusaurus 3.5+: the tags a blog declares in its tags file (blog option `tags`, by default
 * `tags.yml` in the blog folder); its build warns about, or fails on, any other tag. Undefined
 * when any tag goes: no file, `tags: false`, `onInlineTags: 'ignore'`, or a file that is not a
 * list of tags (the build itself says what is wrong with it).
 */
async function docusaurusTagsFile(siteDir: string, blogDir: string, blogOptions: string): Promise<{ file: string; tags: string[] } | undefined> {
  if (/\bonInlineTags\s*:\s*["'`]ignore["'`]/.test(blogOptions)) return undefined;
  if (/\btags\s*:\s*(?:false|null)\b/.test(blogOptions)) return undefined;
  const option = /\btags\s*:\s*["'`]([^"'`]+)["'`]/.exec(blogOptions)?.[1];
  const names = option === undefined ? ['tags.yml', 'tags.yaml'] : [insideSite(option)];
  for (const name of names) {
    if (!name) return undefined;
    const file = joinPosix(blogDir, name);
    const text = await readSmallText(path.join(siteDir, file));
    if (text === undefined) continue;
    const tags = tagsDefinedIn(text);
    return tags && { file, tags };
  }
  return undefined;
}

/** The top-level keys of a Docusaurus tags file ([] when it is empty); undefined when it is not one YAML mapping. */
function tagsDefinedIn(text: string): string[] | undefined {
  // Read by the front-matter parser, our one YAML reader, which never runs code. A leading
  // `---` (YAML's document start) would close that block early, so it goes first; a second
  // document makes the file unreadable to Docusaurus too.
  const yaml = text.replace(/^(?:[ \t]*(?:#[^\n]*)?\r?\n)*---[ \t]*(?:#[^\n]*)?(?:\r?\n|$)/, '');
  if (/^(?:---|\.\.\.)[ \t]*\r?$/m.test(yaml)) return undefined;
  try {
    return Object.keys(parseFrontMatter(`---\n${yaml}\n---\n`).data);
  } catch {
    return undefined;
  }
}

/** A folder named in a site's config, when it stays inside the site; undefined otherwise. */
function insideSite(folder: string | undefined): string | undefined {
  const clean = folder?.trim().replace(/^\.\/+/, '').replace(/\/+$/, '');
  if (!clean || clean === '.' || path.isAbsolute(clean) || /^[a-zA-Z]:/.test(clean) || clean.split(/[\\/]/).includes('..')) return undefined;
  return clean;
}

/** Astro: the content collection's folder and the field names its schema declares. */
async function learnAstroSchema(siteDir: string, profile: SiteProfile): Promise<void> {
  let schema = '';
  for (const name of ['src/content.config.ts', 'src/content.config.js', 'src/content.config.mjs', 'src/content/config.ts', 'src/content/config.js', 'src/content/config.mjs']) {
    const text = await readSmallText(path.join(siteDir, name));
    if (text !== undefined) {
      schema = text;
      break;
    }
  }
  // Astro 5 loaders: glob({ pattern: '**/*.md', base: './src/data/blog' }). With several
  // collections (docs, projects, blog), the one named like a blog is where posts go.
  const bases = [...schema.matchAll(/base\s*:\s*["'`]\.?\/?([^"'`]+)["'`]/g)].map((m) => m[1]);
  const base = bases.find((b) => /(^|\/)(blog|posts?|articles|writing|notes)\/*$/i.test(b)) ?? bases[0];
  const baseIsSafe = base !== undefined && !base.split('/').includes('..') && !path.isAbsolute(base);
  const postsName = baseIsSafe ? base.replace(/\/+$/, '') : await firstDirectory(siteDir, ['src/content/blog', 'src/content/posts', 'src/content/post']);
  if (postsName) profile.postsDir = joinPosix(profile.siteRoot, postsName);
  if (schema) {
    if (/\bpubDate\s*:/.test(schema)) profile.dateField = 'pubDate';
    else if (/\bpublishDate\s*:/.test(schema)) profile.dateField = 'publishDate';
    else if (/\bdate\s*:/.test(schema)) profile.dateField = 'date';
    if (/\bdraft\s*:/.test(schema)) profile.draft = { field: 'draft', value: true };
    if (/\bcategories\s*:/.test(schema) && !/\btags\s*:/.test(schema)) profile.taxonomyField = 'categories';
    // A required description would fail the build if missing; give it an empty one to fill.
    if (/\bdescription\s*:\s*z\.string\(\)(?!\s*\.optional)/.test(schema)) profile.fixedFields.description = '';
  }
}

export interface PostSample {
  /** Path relative to the posts folder, POSIX separators. */
  relativePath: string;
  data: Record<string, unknown>;
  rawFrontMatter: string;
}

const POST_EXTENSIONS = new Set(['.md', '.mdx', '.markdown']);

/** Up to `limit` existing posts (two levels deep), to copy the site's habits. */
export async function samplePosts(postsDir: string, limit = 12): Promise<PostSample[]> {
  const samples: PostSample[] = [];
  const visit = async (dir: string, rel: string, depth: number) => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (samples.length >= limit) return;
      if (entry.name.startsWith('.')) continue;
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory() && depth < 2) await visit(path.join(dir, entry.name), childRel, depth + 1);
      else if (entry.isFile() && POST_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
        const text = await readSmallText(path.join(dir, entry.name));
        if (text === undefined) continue;
        try {
          const parsed = parseFrontMatter(text);
          if (!parsed.hasFrontMatter) continue;
          const raw = /^\uFEFF?---[^\n]*\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
          samples.push({ relativePath: childRel, data: parsed.data, rawFrontMatter: raw });
        } catch {
          /* a broken post tells us nothing */
        }
      }
    }
  };
  await visit(postsDir, '', 0);
  return samples;
}

/** Follows the majority of existing posts: page bundles, tags vs categories, date style. */
export function applySamples(profile: SiteProfile, samples: PostSample[]): void {
  if (samples.length === 0) return;
  // Hugo's section pages are not posts; `jekyll new`'s welcome post is the generator's, not the
  // user's style (its `categories` would put every new post under /jekyll/update/).
  const posts = samples.filter((s) => !/(^|\/)_index\.md$/i.test(s.relativePath) && !/(^|\/)\d{4}-\d{2}-\d{2}-welcome-to-jekyll\.(md|markdown)$/i.test(s.relativePath));
  if (posts.length === 0) return;
  if (profile.generator === 'hugo') {
    const bundles = posts.filter((s) => /\/index\.(md|markdown)$/i.test(s.relativePath)).length;
    if (bundles * 2 > posts.length) {
      profile.fileNamePattern = '{{slug}}/index.md';
      profile.evidence.push('existing posts are page bundles');
    }
  }
  const mdx = posts.filter((s) => s.relativePath.toLowerCase().endsWith('.mdx')).length;
  if (mdx * 2 > posts.length && (profile.generator === 'astro' || profile.generator === 'docusaurus')) {
    profile.fileNamePattern = profile.fileNamePattern.replace(/\.md$/, '.mdx');
  }
  const withTags = posts.filter((s) => 'tags' in s.data).length;
  const withCategories = posts.filter((s) => 'categories' in s.data).length;
  if (withCategories > withTags) profile.taxonomyField = 'categories';
  if (profile.dateField) {
    for (const candidate of ['date', 'pubDate', 'publishDate']) {
      const count = posts.filter((s) => candidate in s.data).length;
      if (count * 2 > posts.length) {
        profile.dateField = candidate;
        break;
      }
    }
    const field = profile.dateField;
    const dayOnly = new RegExp(`^${field}:\\s*["']?\\d{4}-\\d{2}-\\d{2}["']?\\s*$`, 'm');
    const anyDate = new RegExp(`^${field}:`, 'm');
    const dated = posts.filter((s) => anyDate.test(s.rawFrontMatter));
    if (dated.length > 0 && dated.every((s) => dayOnly.test(s.rawFrontMatter))) profile.dateStyle = 'day';
  }
}
