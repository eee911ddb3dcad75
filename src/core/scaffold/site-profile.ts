// Pure logic: stays free of vscode.
// What each site generator expects of a new post: where it goes, how the file is named,
// and the shape of its front matter.
import type { DateStyle } from './post-date';

export const SITE_GENERATORS = ['hugo', 'jekyll', 'astro', 'eleventy', 'docusaurus', 'markdown'] as const;
export type SiteGenerator = (typeof SITE_GENERATORS)[number];

export const GENERATOR_LABELS: Record<SiteGenerator, string> = {
  hugo: 'Hugo',
  jekyll: 'Jekyll',
  astro: 'Astro',
  eleventy: 'Eleventy',
  docusaurus: 'Docusaurus',
  markdown: 'Plain Markdown',
};

/** How a generator marks a post as not yet public. */
export interface DraftFlag {
  field: string;
  /** The value that means "not public yet" (`draft: true`, `published: false`). */
  value: boolean;
}

export interface SiteProfile {
  generator: SiteGenerator;
  /** Folder of the site, relative to the workspace folder, POSIX separators ('' = the folder itself). */
  siteRoot: string;
  /** Where posts go, relative to the workspace folder, POSIX separators. */
  postsDir: string;
  /** File name inside postsDir, with {{slug}} and optional {{date}} {{year}} {{month}} {{day}} {{kind}}. */
  fileNamePattern: string;
  dateStyle: DateStyle;
  /** Front-matter field that holds the date; null when the generator takes it from the file name. */
  dateField: string | null;
  draft: DraftFlag | null;
  /** `tags` or `categories`. */
  taxonomyField: string;
  /**
   * The only tags a new post may carry, when the site declares them (a Docusaurus blog's
   * `tags.yml`: any other tag makes its build warn or fail). Undefined: any tag goes.
   */
  definedTags?: string[];
  /** Fields every new post gets, before the template's own (e.g. Jekyll's `layout: post`). */
  fixedFields: Record<string, unknown>;
  /** Why we think this is the generator, for messages and pickers ("found hugo.toml"). */
  evidence: string[];
  /** False when nothing was found and the posts folder still has to be chosen. */
  detected: boolean;
}

/** The conventions of a generator before anything is learned from the site's own files. */
export function defaultProfile(generator: SiteGenerator, siteRoot = ''): SiteProfile {
  const at = (dir: string) => joinPosix(siteRoot, dir);
  const base = { generator, siteRoot, evidence: [], detected: true, fixedFields: {} as Record<string, unknown> };
  switch (generator) {
    case 'hugo':
      return { ...base, postsDir: at('content/posts'), fileNamePattern: '{{slug}}.md', dateStyle: 'iso', dateField: 'date', draft: { field: 'draft', value: true }, taxonomyField: 'tags' };
    case 'jekyll':
      return { ...base, postsDir: at('_posts'), fileNamePattern: '{{date}}-{{slug}}.md', dateStyle: 'jekyll', dateField: 'date', draft: { field: 'published', value: false }, taxonomyField: 'tags', fixedFields: { layout: 'post' } };
    case 'astro':
      return { ...base, postsDir: at('src/content/blog'), fileNamePattern: '{{slug}}.md', dateStyle: 'iso', dateField: 'pubDate', draft: null, taxonomyField: 'tags' };
    case 'eleventy':
      return { ...base, postsDir: at('posts'), fileNamePattern: '{{slug}}.md', dateStyle: 'day', dateField: 'date', draft: { field: 'draft', value: true }, taxonomyField: 'tags' };
    case 'docusaurus':
      return { ...base, postsDir: at('blog'), fileNamePattern: '{{date}}-{{slug}}.md', dateStyle: 'day', dateField: null, draft: { field: 'draft', value: true }, taxonomyField: 'tags' };
    case 'markdown':
      return { ...base, postsDir: at('posts'), fileNamePattern: '{{slug}}.md', dateStyle: 'day', dateField: 'date', draft: null, taxonomyField: 'tags', detected: false };
  }
}

export function joinPosix(...parts: string[]): string {
  return parts
    .flatMap((p) => p.split(/[\\/]+/))
    .filter((p) => p !== '' && p !== '.')
    .join('/');
}
