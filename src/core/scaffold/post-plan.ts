// Pure logic: stays free of vscode.
// Puts a new post together: the site's profile (adjusted by settings), a template and what
// the user typed → the file's path inside the posts folder, its text, and the cursor.
import * as path from 'node:path';
import { stringifyFrontMatter } from '../front-matter';
import { notice } from '../notices';
import { TemplateError, type PlaceholderValues } from './placeholders';
import { formatPostDate, postDate } from './post-date';
import type { ScaffoldSettings } from './settings';
import { cleanTitle, isUnsafeFileName, slugify } from './slug';
import { defaultProfile, joinPosix, type SiteProfile } from './site-profile';
import { renderTemplate, type PostTemplate } from './template';

export const FILE_NAME_PLACEHOLDERS = ['slug', 'date', 'year', 'month', 'day', 'kind'];

/** The profile after settings: generator override, posts folder, file-name pattern. */
export function applySettings(detected: SiteProfile, settings: ScaffoldSettings): SiteProfile {
  let profile = detected;
  if (settings.siteGenerator !== 'auto' && settings.siteGenerator !== detected.generator) {
    profile = { ...defaultProfile(settings.siteGenerator, detected.siteRoot), evidence: ['set in learnInPublic.scaffold.siteGenerator'], detected: true };
  }
  profile = { ...profile, fixedFields: { ...profile.fixedFields } };
  if (settings.postsFolder) {
    // The tags file learned belongs to the detected blog folder, not to another one.
    if (joinPosix(settings.postsFolder) !== profile.postsDir) delete profile.definedTags;
    profile.postsDir = joinPosix(settings.postsFolder);
    profile.detected = true;
  }
  if (settings.fileNamePattern) {
    validateFileNamePattern(settings.fileNamePattern);
    profile.fileNamePattern = settings.fileNamePattern;
  }
  return profile;
}

/** Throws TemplateError when a file-name pattern could produce an unsafe or useless name. */
export function validateFileNamePattern(pattern: string): void {
  const where = 'learnInPublic.scaffold.fileNamePattern';
  const names = [...pattern.matchAll(/\{\{\s*([A-Za-z_][\w-]*)\s*\}\}/g)].map((m) => m[1]);
  const unknown = names.find((n) => !FILE_NAME_PLACEHOLDERS.includes(n));
  if (unknown) throw new TemplateError(notice('fileNameUnknownPlaceholder', `{{${unknown}}}`, where, FILE_NAME_PLACEHOLDERS.map((n) => `{{${n}}}`).join(' ')), where);
  if (!names.includes('slug')) throw new TemplateError(notice('fileNameNeedsSlug', where, '{{slug}}'), where);
  if (!/\.(md|mdx|markdown)$/i.test(pattern)) throw new TemplateError(notice('fileNameExtension', where), where);
  if (path.isAbsolute(pattern) || /^[a-zA-Z]:/.test(pattern) || pattern.split(/[\\/]/).some((s) => s === '..' || s === '.')) {
    throw new TemplateError(notice('fileNameOutsidePosts', where), where);
  }
}

/** Pattern + values → a relative path, with every segment checked. */
export function renderFileName(pattern: string, values: Record<string, string>): string {
  validateFileNamePattern(pattern);
  const rel = pattern.replace(/\{\{\s*([A-Za-z_][\w-]*)\s*\}\}/g, (_, name: string) => values[name] ?? '');
  const segments = rel.split(/[\\/]+/).filter((s) => s !== '');
  for (const s of segments) {
    if (isUnsafeFileName(s)) throw new TemplateError(notice('fileNameUnsafePart', rel, s), 'learnInPublic.scaffold.fileNamePattern');
  }
  return segments.join('/');
}

export interface NewPostRequest {
  title: string;
  kind: string;
  /** Tags the user gave for this post. */
  tags?: string[];
  /** Epoch milliseconds. */
  now: number;
  timeZone: string;
  /** Values from a selection, the repository… (see selectionValues). */
  extraValues?: PlaceholderValues;
}

export interface PlannedPost {
  slug: string;
  /** Path relative to the posts folder for the given slug (POSIX separators). */
  fileNameFor(slug: string): string;
  content: string;
  /** Zero-based line and character of the cursor in `content`. */
  cursor: { line: number; character: number };
  title: string;
  /** The user's own tags (settings, request) left out because the site does not define them. */
  leftOutTags: string[];
}

function unique(values: unknown[]): unknown[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = JSON.stringify(v);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function asList(v: unknown): unknown[] {
  if (v === undefined || v === null || v === '') return [];
  return Array.isArray(v) ? v : [v];
}

/** Splits "python, ml pandas" into tags; keeps each tag as typed except surrounding spaces and #. */
export function parseTags(input: string): string[] {
  return [...new Set(input.split(/[,;]+/).map((t) => t.trim().replace(/^#+/, '')).filter(Boolean))];
}

export function planPost(profile: SiteProfile, template: PostTemplate, request: NewPostRequest, settings: ScaffoldSettings): PlannedPost {
  const title = cleanTitle(request.title) || 'Untitled post';
  // One fallback for every kind: the title box previews the file name before the kind is picked.
  const slug = slugify(request.title, { fallback: 'untitled-post' });
  const date = postDate(request.now, request.timeZone);
  const tags = unique([...settings.defaultTags, ...(request.tags ?? [])]) as string[];
  const values: PlaceholderValues = {
    ...request.extraValues,
    title,
    slug,
    kind: template.kind,
    date: date.dayKey,
    datetime: date.iso,
    year: date.year,
    month: date.month,
    day: date.day,
    tags,
  };
  const rendered = renderTemplate(template, values);
  if (profile.generator === 'docusaurus') rendered.body = withTruncateMarker(rendered.body, rendered.cursor ?? rendered.body.length);

  const data: Record<string, unknown> = { title };
  if (profile.dateField) data[profile.dateField] = formatPostDate(date, profile.dateStyle);
  if (settings.createAsDraft && profile.draft) data[profile.draft.field] = profile.draft.value;
  Object.assign(data, profile.fixedFields);
  const taxonomy = profile.taxonomyField;
  const templateData = { ...rendered.frontMatter };
  const templateTags = [...asList(templateData.tags), ...(taxonomy !== 'tags' ? asList(templateData[taxonomy]) : [])];
  delete templateData.tags;
  delete templateData[taxonomy];
  // A tag the site does not declare would make its build warn or fail: it is left out (the
  // site's tags file is the user's to extend, never ours).
  const defined = profile.definedTags ? new Set(profile.definedTags) : undefined;
  const isDefined = (t: unknown) => !defined || (typeof t === 'string' && defined.has(t));
  const allTags = unique([...templateTags, ...tags]).filter(isDefined);
  // Only the user's own are worth a word: a built-in template's `til` is ours to drop.
  const leftOutTags = tags.filter((t) => !isDefined(t));
  if (allTags.length > 0 || profile.generator !== 'docusaurus') data[taxonomy] = allTags;
  Object.assign(data, templateData);

  for (const [key, raw] of Object.entries(settings.frontMatter)) {
    if (raw === null) delete data[key];
    else if (typeof raw === 'string') data[key] = fillSettingPlaceholders(raw, values);
    else data[key] = raw;
  }
  const renamed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const to = settings.fieldNames[key] ?? key;
    if (!(to in renamed)) renamed[to] = value;
  }
  const dateKey = profile.dateField ? (settings.fieldNames[profile.dateField] ?? profile.dateField) : undefined;

  const body = rendered.body.startsWith('\n') ? rendered.body : `\n${rendered.body}`;
  const cursorInBody = (rendered.cursor ?? rendered.body.length) + (body.length - rendered.body.length);
  const full = unquoteDate(stringifyFrontMatter(body, renamed), dateKey);
  const bodyWithNewline = body.endsWith('\n') ? body : `${body}\n`;
  const frontPart = full.slice(0, full.length - bodyWithNewline.length);
  const cursorOffset = frontPart.length + cursorInBody;
  const before = full.slice(0, cursorOffset).split('\n');
  const fileNameValues: Record<string, string> = { date: date.dayKey, year: date.year, month: date.month, day: date.day, kind: template.kind };
  return {
    slug,
    title,
    fileNameFor: (s: string) => renderFileName(profile.fileNamePattern, { ...fileNameValues, slug: s }),
    content: full,
    cursor: { line: before.length - 1, character: before[before.length - 1].length },
    leftOutTags,
  };
}

const TRUNCATE_MARKER = /<!--\s*truncate\s*-->|\{\/\*\s*truncate\s*\*\/\}/;

/**
 * Docusaurus shows a post in the blog list up to `<!-- truncate -->` and, since 3.5, warns on
 * every build about posts without one. Its starter posts put it below the first paragraph:
 * here, below the line the cursor starts on (moving it is the writer's call).
 */
function withTruncateMarker(body: string, cursor: number): string {
  if (TRUNCATE_MARKER.test(body)) return body;
  const lineEnd = body.indexOf('\n', cursor);
  const end = lineEnd === -1 ? body.length : lineEnd;
  const after = body.slice(end).replace(/^\n+/, '');
  return `${body.slice(0, end)}\n\n<!-- truncate -->\n${after ? `\n${after}` : ''}`;
}

/** Placeholders in a settings value (`"series": "{{kind}}"`); unknown ones throw. */
function fillSettingPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(/\{\{\s*([A-Za-z_][\w-]*)\s*\}\}/g, (whole, name: string) => {
    const v = values[name];
    if (v === undefined) throw new TemplateError(notice('frontMatterSettingUnknownPlaceholder', `{{${name}}}`), 'learnInPublic.scaffold.frontMatter');
    return typeof v === 'string' ? v : v.join(', ');
  });
}

const DATE_VALUE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}:\d{2}(?: ?[+-]\d{2}:?\d{2}|Z)?)?$/;

/**
 * js-yaml quotes date-like strings; generators expect them bare (`date: 2024-05-23T13:07:04+01:00`,
 * what Hugo's and Jekyll's own `new` commands write, and what Astro's `z.date()` needs).
 */
export function unquoteDate(text: string, key: string | undefined): string {
  if (!key) return text;
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const line = new RegExp(`^(${escaped}): (['"])([^'"\\n]+)\\2$`, 'm');
  const end = text.indexOf('\n---', 3);
  const front = end > 0 ? text.slice(0, end) : text;
  const fixed = front.replace(line, (whole, k: string, _q: string, value: string) => (DATE_VALUE.test(value) ? `${k}: ${value}` : whole));
  return fixed + text.slice(front.length);
}
