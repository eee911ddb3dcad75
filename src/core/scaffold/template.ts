// Pure logic: stays free of vscode.
// Post templates: Markdown with YAML front matter and {{placeholders}}. Placeholders in the
// front matter are swapped for plain tokens before the YAML is parsed (so `title: {{title}}`
// needs no quotes and a title with a colon cannot break the YAML) and filled in afterwards;
// `tags: {{tags}}` becomes a real list. Templates are checked when loaded, so a typo in a
// placeholder is reported with its file and line before any post is written.
import { FrontMatterError, parseFrontMatter } from '../front-matter';
import { notice, noticeOf, type CoreNotice } from '../notices';
import { POST_PLACEHOLDERS, TemplateError, assertKnownPlaceholders, findPlaceholders, renderPlaceholders, valueAsText, type PlaceholderValues } from './placeholders';
import { slugify } from './slug';

export const KNOWN_POST_PLACEHOLDERS = Object.keys(POST_PLACEHOLDERS);

export interface PostTemplate {
  /** Stable id: `til`, `tutorial`, … (a user template's file name without `.md`). */
  kind: string;
  label: string;
  description: string;
  /** Codicon name shown in pickers. */
  icon: string;
  /** Front matter with placeholders replaced by tokens (see `tokens`). */
  frontMatter: Record<string, unknown>;
  tokens: FrontMatterToken[];
  body: string;
  /** 1-based line of the body's first line in the source, for error messages. */
  bodyLine: number;
  /** 'built-in' or the template's file path. */
  source: string;
}

export interface FrontMatterToken {
  token: string;
  /** Placeholder name, or undefined for an escaped literal `\{{name}}`. */
  name?: string;
  literal?: string;
}

const FRONT_MATTER_BLOCK = /^(\uFEFF?---[^\r\n]*\r?\n)((?:[\s\S]*?\r?\n)?)(---[ \t]*(?:\r?\n|$))/;
const MAX_TEMPLATE_CHARS = 256 * 1024;

/** "file: problem", or the problem alone when the template has no file. */
function inFile(file: string | undefined, problem: CoreNotice | string): CoreNotice | string {
  return file ? notice('templateInFile', file, problem) : problem;
}

/** Parses one template. Throws TemplateError naming `file` for anything malformed. */
export function parseTemplate(raw: string, options: { kind: string; file?: string; source?: string }): PostTemplate {
  const file = options.file;
  // A template saved on Windows: the front matter is written anew with \n, so the body is too
  // (a post with mixed line endings shows as changed on every line in some editors and diffs).
  const text = raw.replace(/\r\n?/g, '\n');
  if (text.length > MAX_TEMPLATE_CHARS) throw new TemplateError(notice('templateTooLarge', MAX_TEMPLATE_CHARS / 1024), file);
  assertKnownPlaceholders(text, KNOWN_POST_PLACEHOLDERS, { file });

  const block = FRONT_MATTER_BLOCK.exec(text);
  const tokens: FrontMatterToken[] = [];
  let tokenized = text;
  if (block) {
    for (const use of findPlaceholders(block[2])) {
      if (use.name === 'cursor' && !use.escaped) {
        throw new TemplateError(notice('templateCursorInFrontMatter', '{{cursor}}', file ?? 'template', use.line + 1), file, use.line + 1);
      }
    }
    let index = 0;
    const fm = block[2].replace(/(\\?)\{\{\s*([A-Za-z_][\w-]*)\s*\}\}/g, (whole, escape: string, name: string) => {
      const token = `lipph${index++}x`;
      tokens.push(escape ? { token, literal: whole.slice(1) } : { token, name });
      return token;
    });
    tokenized = block[1] + fm + block[3] + text.slice(block[0].length);
  }

  let data: Record<string, unknown>;
  let body: string;
  try {
    const parsed = parseFrontMatter(tokenized);
    data = parsed.data;
    body = parsed.hasFrontMatter ? text.slice(block ? block[0].length : 0) : text;
    if (parsed.hasFrontMatter && !block) throw new TemplateError(notice('templateUnclosedFrontMatter'), file, 1);
  } catch (err) {
    if (err instanceof TemplateError) throw err;
    if (err instanceof FrontMatterError) throw new TemplateError(inFile(file, noticeOf(err) ?? err.message), file, err.line);
    throw err;
  }

  const meta = data.template;
  delete data.template;
  if (meta !== undefined && (meta === null || typeof meta !== 'object' || Array.isArray(meta))) {
    throw new TemplateError(inFile(file, notice('templateMetaNotMapping')), file);
  }
  const m = (meta ?? {}) as Record<string, unknown>;
  const text_ = (key: string, fallback: string) => {
    const v = m[key];
    if (v === undefined) return fallback;
    if (typeof v !== 'string') throw new TemplateError(inFile(file, notice('templateMetaNotText', key)), file);
    return v;
  };
  const bodyLine = block ? block[0].split('\n').length : 1;
  return {
    kind: options.kind,
    label: text_('label', options.kind),
    description: text_('description', ''),
    icon: text_('icon', 'file').replace(/^\$\(|\)$/g, ''),
    frontMatter: data,
    tokens,
    body,
    bodyLine,
    source: options.source ?? file ?? 'built-in',
  };
}

/** A user template's kind from its file name: `Paper Notes.md` → `paper-notes`. */
export function kindFromFileName(fileName: string): string {
  return slugify(fileName.replace(/\.(md|markdown)$/i, ''), { fallback: 'template' });
}

export interface RenderedTemplate {
  frontMatter: Record<string, unknown>;
  body: string;
  /** Offset of {{cursor}} in `body`, if the template has one. */
  cursor?: number;
}

/** Fills a template. `values.selection` is placed even when the template forgot {{selection}}. */
export function renderTemplate(template: PostTemplate, values: PlaceholderValues): RenderedTemplate {
  const frontMatter = fillTokens(template.frontMatter, template.tokens, values) as Record<string, unknown>;
  const usesSelection = findPlaceholders(template.body).some((u) => !u.escaped && u.name === 'selection');
  const cleaned = dropEmptyPlaceholderLines(template.body, values);
  const rendered = renderPlaceholders(cleaned, values, KNOWN_POST_PLACEHOLDERS, { file: template.source === 'built-in' ? undefined : template.source, lineOffset: template.bodyLine - 1 });
  let body = rendered.text;
  let cursor = rendered.cursor;
  const selection = valueAsText(values.selection);
  if (!usesSelection && selection) {
    const source = valueAsText(values.selectionSource);
    const block = `${selection}${source ? `\n${source}` : ''}`;
    // The cursor stays on its own line above the selection, where the intro goes.
    if (cursor !== undefined) body = `${body.slice(0, cursor)}\n\n${block}${body.slice(cursor)}`;
    else body = `${body.replace(/\n*$/, '\n')}\n${block}\n`;
  }
  if (cursor === undefined) cursor = body.replace(/\s+$/, '').length;
  return { frontMatter, body, cursor };
}

/**
 * Removes template lines that hold only placeholders whose values are empty
 * (`{{selectionSource}}` without a selection), then squeezes the blank lines that leaves.
 * Runs on the template text, before values are inserted, so user text is never touched.
 */
function dropEmptyPlaceholderLines(body: string, values: PlaceholderValues): string {
  const lines = body.split('\n');
  const kept = lines.filter((line) => {
    const trimmed = line.trim();
    if (!/^(\{\{\s*[A-Za-z_][\w-]*\s*\}\}\s*)+$/.test(trimmed)) return true;
    const names = [...trimmed.matchAll(/\{\{\s*([A-Za-z_][\w-]*)\s*\}\}/g)].map((m) => m[1]);
    return names.some((n) => n === 'cursor' || valueAsText(values[n]) !== '');
  });
  return kept.join('\n').replace(/\n{3,}/g, '\n\n');
}

function fillTokens(value: unknown, tokens: FrontMatterToken[], values: PlaceholderValues): unknown {
  if (typeof value === 'string') {
    const exact = tokens.find((t) => t.token === value);
    if (exact) {
      if (exact.literal !== undefined) return exact.literal;
      const v = values[exact.name ?? ''];
      return Array.isArray(v) ? [...v] : valueAsText(v);
    }
    return value.replace(/lipph\d+x/g, (token) => {
      const t = tokens.find((x) => x.token === token);
      if (!t) return token;
      return t.literal ?? valueAsText(values[t.name ?? '']);
    });
  }
  if (Array.isArray(value)) {
    // `tags: [til, "{{tags}}"]` flattens the list placeholder into the list.
    return value.flatMap((item) => {
      const filled = fillTokens(item, tokens, values);
      return Array.isArray(filled) && typeof item === 'string' ? filled : [filled];
    });
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[String(fillTokens(k, tokens, values))] = fillTokens(v, tokens, values);
    return out;
  }
  return value;
}

/** Built-ins first (in their order), a user template with the same kind replaces one, new kinds follow. */
export function mergeTemplates(builtIns: readonly PostTemplate[], user: readonly PostTemplate[]): PostTemplate[] {
  const byKind = new Map(user.map((t) => [t.kind, t]));
  const merged = builtIns.map((t) => byKind.get(t.kind) ?? t);
  for (const t of user) if (!builtIns.some((b) => b.kind === t.kind)) merged.push(t);
  return merged;
}
