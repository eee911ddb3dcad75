// Pure logic: stays free of vscode.
// User templates from a workspace folder. One broken file is reported by name and skipped;
// the built-ins and the other templates keep working.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { englishText, notice, type CoreNotice } from '../notices';
import { leavesFolder } from '../safe-fs';
import { TemplateError } from './placeholders';
import { readSmallText } from './site-detect';
import { kindFromFileName, parseTemplate, type PostTemplate } from './template';

export interface TemplateProblem {
  file: string;
  message: string;
  /** The message as an id and values, for the extension to say in the display language. */
  notice?: CoreNotice;
  line?: number;
}

export interface LoadedTemplates {
  templates: PostTemplate[];
  problems: TemplateProblem[];
}

const MAX_TEMPLATE_FILES = 100;

export interface LoadTemplatesOptions {
  /**
   * Only files whose real path stays inside this folder are read. Given while the workspace
   * is not trusted: a cloned repository's symbolic link must not pull a file from elsewhere
   * on the disk (a private note, a key) into a post.
   */
  confineTo?: string;
}

/** Loads `*.md` templates from `folder`. A missing folder is not a problem: there are none. */
export async function loadUserTemplates(folder: string, options: LoadTemplatesOptions = {}): Promise<LoadedTemplates> {
  let names: string[];
  try {
    names = (await fs.readdir(folder, { withFileTypes: true }))
      .filter((e) => !e.name.startsWith('.') && /\.(md|markdown)$/i.test(e.name) && (e.isFile() || e.isSymbolicLink()))
      .map((e) => e.name)
      .sort((a, b) => a.localeCompare(b))
      .slice(0, MAX_TEMPLATE_FILES);
  } catch {
    return { templates: [], problems: [] };
  }
  const templates: PostTemplate[] = [];
  const problems: TemplateProblem[] = [];
  const seen = new Map<string, string>();
  const confineTo = options.confineTo === undefined ? undefined : await realPathOrSelf(options.confineTo);
  for (const name of names) {
    const file = path.join(folder, name);
    if (confineTo !== undefined && !isInside(confineTo, await realPathOrSelf(file))) {
      problems.push(problem(file, notice('templateOutsideWorkspace', name)));
      continue;
    }
    const text = await readSmallText(file);
    if (text === undefined) {
      problems.push(problem(file, notice('templateUnreadable', name)));
      continue;
    }
    const kind = kindFromFileName(name);
    const previous = seen.get(kind);
    if (previous) {
      problems.push(problem(file, notice('templateDuplicateKind', name, previous, kind)));
      continue;
    }
    try {
      templates.push(parseTemplate(text, { kind, file: name, source: file }));
      seen.set(kind, name);
    } catch (err) {
      if (!(err instanceof TemplateError)) throw err;
      if (err.message.includes(name)) problems.push({ file, message: err.message, notice: err.notice, line: err.line });
      else problems.push({ ...problem(file, notice('templateInFile', name, err.notice ?? err.message)), line: err.line });
    }
  }
  return { templates, problems };
}

async function realPathOrSelf(p: string): Promise<string> {
  try {
    return await fs.realpath(p);
  } catch {
    return path.resolve(p);
  }
}

function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel !== '' && !leavesFolder(rel);
}

function problem(file: string, n: CoreNotice): TemplateProblem {
  return { file, message: englishText(n), notice: n };
}
