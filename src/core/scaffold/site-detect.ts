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
      // The blog's `path` option (default `blog`): the preset's blog, or a standalone plugin's.
      let configName = '';
      let config = '';
      for (const name of ['docusaurus.config.ts', 'docusaurus.config.js', 'docusaurus.config.mjs', 'docusaurus.config.cjs']) {
        const text = await readSmallText(path.join(siteDir, name));
        if (text !== undefined) {
          configName = name;
          config = text;
          break;
        }
      }
      const blog = docusaurusBlog(config, configName);
      result.evidence.push(...blog.evidence);
      const blogPath = insideSite(stringValue(blog.options.get('path')));
      const blogDir = blogPath ?? 'blog';
      if (blogPath) result.postsDir = joinPosix(profile.siteRoot, blogPath);
      const authors = await readSmallText(path.join(siteDir, blogDir, 'authors.yml'));
      const firstAuthor = authors ? /^([A-Za-z0-9_.-]+):\s*$/m.exec(authors)?.[1] : undefined;
      if (firstAuthor) result.fixedFields.authors = [firstAuthor];
      const tagsFile = await docusaurusTagsFile(siteDir, blogDir, blog.options);
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

/**
 * A Docusaurus config read as text: its strings, words and punctuation, with brackets nested
 * into groups. Never evaluated, so it is only as much of JavaScript as finding the blog's
 * options needs: comments, any quotes, template and regex literals, trailing commas and
 * TypeScript's `satisfies` and `as` are understood; what the code computes is not.
 */
type ConfigNode = { kind: 'string'; value: string | undefined } | { kind: 'word'; text: string } | { kind: 'punct'; text: string } | { kind: 'group'; open: string; children: ConfigNode[] };

const CLOSING: Record<string, string> = { '{': '}', '[': ']', '(': ')' };
const WORD = /[\w$.]+/y;
/** Deeper nesting is no config anyone writes; refusing it keeps the recursive walks below safe. */
const MAX_CONFIG_DEPTH = 100;

/** The nodes of a config; undefined when its brackets or strings do not close. */
function readConfigTree(code: string): ConfigNode[] | undefined {
  const root: ConfigNode[] = [];
  const stack: { open: string; children: ConfigNode[] }[] = [];
  let children = root;
  let last: ConfigNode | undefined;
  let i = code.startsWith('#!') ? code.indexOf('\n') + 1 || code.length : 0;
  while (i < code.length) {
    const ch = code[i];
    if (/\s/.test(ch)) i++;
    else if (code.startsWith('//', i)) i = code.indexOf('\n', i) + 1 || code.length;
    else if (code.startsWith('/*', i)) {
      const end = code.indexOf('*/', i + 2);
      if (end === -1) return undefined;
      i = end + 2;
    } else if (ch === '"' || ch === "'" || ch === '`') {
      const end = stringEnd(code, i);
      if (end === undefined) return undefined;
      const body = code.slice(i + 1, end - 1);
      last = { kind: 'string', value: ch === '`' && body.includes('${') ? undefined : body.replace(/\\(.)/g, '$1') };
      children.push(last);
      i = end;
    } else if (ch === '/' && startsRegex(last)) {
      const end = regexEnd(code, i);
      if (end === undefined) return undefined;
      last = { kind: 'word', text: code.slice(i, end) };
      children.push(last);
      i = end;
    } else if (ch in CLOSING) {
      if (stack.length >= MAX_CONFIG_DEPTH) return undefined;
      stack.push({ open: ch, children });
      children = [];
      last = undefined;
      i++;
    } else if (ch === '}' || ch === ']' || ch === ')') {
      const open = stack.pop();
      if (!open || CLOSING[open.open] !== ch) return undefined;
      last = { kind: 'group', open: open.open, children };
      open.children.push(last);
      children = open.children;
      i++;
    } else {
      WORD.lastIndex = i;
      const word = WORD.exec(code)?.[0];
      last = word ? { kind: 'word', text: word } : { kind: 'punct', text: ch };
      children.push(last);
      i += word ? word.length : 1;
    }
  }
  return stack.length === 0 ? root : undefined;
}

/** The index just after the string literal that starts at `start`; undefined when it never closes. */
function stringEnd(code: string, start: number): number | undefined {
  const quote = code[start];
  let depth = 0; // inside a template literal's `${ … }`
  for (let i = start + 1; i < code.length; i++) {
    const ch = code[i];
    if (ch === '\\') i++;
    else if (depth > 0) {
      if (ch === '"' || ch === "'" || ch === '`') {
        const end = stringEnd(code, i);
        if (end === undefined) return undefined;
        i = end - 1;
      } else if (ch === '{') depth++;
      else if (ch === '}') depth--;
    } else if (ch === quote) return i + 1;
    else if (quote === '`' && code.startsWith('${', i)) {
      depth = 1;
      i++;
    } else if (ch === '\n' && quote !== '`') return undefined;
  }
  return undefined;
}

/** Whether a `/` after `previous` starts a regex literal rather than dividing. */
function startsRegex(previous: ConfigNode | undefined): boolean {
  if (!previous) return true;
  if (previous.kind === 'punct') return previous.text !== ')' && previous.text !== ']';
  return previous.kind === 'word' && /^(return|typeof|case|in|of|new|void|delete|throw)$/.test(previous.text);
}

function regexEnd(code: string, start: number): number | undefined {
  let inClass = false;
  for (let i = start + 1; i < code.length; i++) {
    const ch = code[i];
    if (ch === '\\') i++;
    else if (ch === '\n') return undefined;
    else if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    else if (ch === '/' && !inClass) return i + 1 + (/^[a-z]*/.exec(code.slice(i + 1))?.[0].length ?? 0);
  }
  return undefined;
}

/** The comma-separated items of a group's children (a trailing comma makes no item). */
function configItems(children: ConfigNode[]): ConfigNode[][] {
  const items: ConfigNode[][] = [[]];
  for (const node of children) {
    if (node.kind === 'punct' && node.text === ',') items.push([]);
    else items[items.length - 1].push(node);
  }
  return items.filter((item) => item.length > 0);
}

/** A value without its TypeScript `satisfies`/`as` tail and the parentheses around it. */
function bareValue(value: ConfigNode[]): ConfigNode[] {
  const tail = value.findIndex((n) => n.kind === 'word' && (n.text === 'satisfies' || n.text === 'as'));
  const head = tail === -1 ? value : value.slice(0, tail);
  const only = head.length === 1 ? head[0] : undefined;
  return only?.kind === 'group' && only.open === '(' ? bareValue(only.children) : head;
}

/** An object literal's `key: value` item as its key and value; undefined for methods, spreads and shorthands. */
function configEntry([key, colon, ...value]: ConfigNode[]): { key: string; value: ConfigNode[] } | undefined {
  const name = key.kind === 'word' ? key.text : key.kind === 'string' ? key.value : undefined;
  return name !== undefined && colon?.kind === 'punct' && colon.text === ':' ? { key: name, value } : undefined;
}

/** The keys of an object literal and their values (a later key wins, as in JavaScript); undefined when the value is not one. */
function objectEntries(value: ConfigNode[] | undefined): Map<string, ConfigNode[]> | undefined {
  const bare = value && bareValue(value);
  const only = bare?.length === 1 ? bare[0] : undefined;
  if (only?.kind !== 'group' || only.open !== '{') return undefined;
  const entries = new Map<string, ConfigNode[]>();
  for (const item of configItems(only.children)) {
    const entry = configEntry(item);
    if (entry) entries.set(entry.key, entry.value);
  }
  return entries;
}

/** A string literal's text, also through `require.resolve('…')`; undefined for anything computed. */
function stringValue(value: ConfigNode[] | undefined): string | undefined {
  const bare = value && bareValue(value);
  if (bare?.length === 1 && bare[0].kind === 'string') return bare[0].value;
  if (bare?.length === 2 && bare[0].kind === 'word' && bare[0].text === 'require.resolve' && bare[1].kind === 'group') return stringValue(bare[1].children);
  return undefined;
}

function isWord(value: ConfigNode[] | undefined, ...words: string[]): boolean {
  const bare = value && bareValue(value);
  return bare?.length === 1 && bare[0].kind === 'word' && words.includes(bare[0].text);
}

/** The names Docusaurus resolves to its blog plugin. */
const BLOG_PLUGIN_NAMES = new Set(['@docusaurus/plugin-content-blog', '@docusaurus/content-blog', 'content-blog']);

interface BlogPlugin {
  id: string;
  options: Map<string, ConfigNode[]>;
}

/** Every `plugin-content-blog` entry, `'name'` in a plugins list or `[name, options]` anywhere, in the config's order. */
function blogPlugins(nodes: ConfigNode[], inPluginsList = false, found: BlogPlugin[] = []): BlogPlugin[] {
  for (const node of nodes) {
    if (node.kind !== 'group') continue;
    const items = configItems(node.children);
    if (node.open === '[' && items.length > 0 && BLOG_PLUGIN_NAMES.has(stringValue(items[0]) ?? '')) {
      const options = objectEntries(items[1]) ?? new Map<string, ConfigNode[]>();
      found.push({ id: stringValue(options.get('id')) ?? 'default', options });
      continue;
    }
    for (const item of items) {
      const entry = node.open === '{' ? configEntry(item) : undefined;
      if (entry) blogPlugins(entry.value, entry.key === 'plugins', found);
      else if (inPluginsList && node.open === '[' && BLOG_PLUGIN_NAMES.has(stringValue(item) ?? '')) found.push({ id: 'default', options: new Map() });
      else blogPlugins(item, false, found);
    }
  }
  return found;
}

/** The names Docusaurus resolves to its classic preset. */
const CLASSIC_PRESET_NAMES = new Set(['classic', '@docusaurus/preset-classic']);

/** Whether one of `names` is written as a string anywhere in the config. */
function hasString(nodes: ConfigNode[], names: ReadonlySet<string>): boolean {
  return nodes.some((node) => (node.kind === 'string' && names.has(node.value ?? '')) || (node.kind === 'group' && hasString(node.children, names)));
}

/** Options whose `blog` key, if any, is not the preset's: the theme's blog sidebar, a plugin's, the site's own data. */
const NOT_PRESET_OPTIONS = new Set(['themeConfig', 'plugins', 'themes', 'customFields']);

/** The value of the first `blog` option: the classic preset's, wherever its options are written. */
function presetBlogValue(nodes: ConfigNode[]): ConfigNode[] | undefined {
  for (const node of nodes) {
    if (node.kind !== 'group') continue;
    for (const item of configItems(node.children)) {
      const entry = node.open === '{' ? configEntry(item) : undefined;
      if (entry?.key === 'blog') return entry.value;
      if (entry && NOT_PRESET_OPTIONS.has(entry.key)) continue;
      const inner = presetBlogValue(entry ? entry.value : item);
      if (inner) return inner;
    }
  }
  return undefined;
}

/**
 * The options of the blog new posts go to: the classic preset's blog, unless it is turned off
 * (`blog: false`) or there is no classic preset; then the first standalone blog plugin, as
 * several plugins (each with its own `id`) make several blogs. Empty options: the defaults.
 */
function docusaurusBlog(config: string, configName: string): { options: Map<string, ConfigNode[]>; evidence: string[] } {
  const tree = readConfigTree(config);
  if (!tree) return { options: new Map(), evidence: [`could not read the blog options in ${configName}, using the defaults`] };
  const plugins = blogPlugins(tree);
  const describe = (plugin: BlogPlugin) => `plugin '${plugin.id}' in ${insideSite(stringValue(plugin.options.get('path'))) ?? 'blog'}/`;
  const presetValue = presetBlogValue(tree);
  // The classic preset runs its blog (in blog/) unless told `blog: false`.
  const presetOptions = objectEntries(presetValue) ?? (presetValue === undefined && hasString(tree, CLASSIC_PRESET_NAMES) ? new Map<string, ConfigNode[]>() : undefined);
  if (presetOptions) {
    return { options: presetOptions, evidence: plugins.map((plugin) => `a second blog, ${describe(plugin)}, is not where new posts go`) };
  }
  const [first] = plugins;
  if (!first) return { options: new Map(), evidence: [] };
  const evidence = plugins.length > 1 ? `several blog plugins (${plugins.map((p) => p.id).join(', ')}): new posts go to the first, '${first.id}'` : `posts go to the blog ${describe(first)}`;
  return { options: first.options, evidence: [evidence] };
}

/**
 * Docusaurus 3.5+: the tags a blog declares in its tags file (blog option `tags`, by default
 * `tags.yml` in the blog folder); its build warns about, or fails on, any other tag. Undefined
 * when any tag goes: no file, `tags: false`, `onInlineTags: 'ignore'`, or a file that is not a
 * list of tags (the build itself says what is wrong with it).
 */
async function docusaurusTagsFile(siteDir: string, blogDir: string, blogOptions: Map<string, ConfigNode[]>): Promise<{ file: string; tags: string[] } | undefined> {
  if (stringValue(blogOptions.get('onInlineTags')) === 'ignore') return undefined;
  if (isWord(blogOptions.get('tags'), 'false', 'null')) return undefined;
  const option = stringValue(blogOptions.get('tags'));
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
