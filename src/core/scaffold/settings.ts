// Pure logic: stays free of vscode.
// The `learnInPublic.scaffold.*` settings as one typed value, validated, with defaults.
import { SITE_GENERATORS, type SiteGenerator } from './site-profile';

export type GeneratorSetting = 'auto' | SiteGenerator;

export interface ScaffoldSettings {
  siteGenerator: GeneratorSetting;
  /** Posts folder relative to the workspace folder; '' = detected. */
  postsFolder: string;
  /** File name pattern inside the posts folder; '' = the generator's. */
  fileNamePattern: string;
  /** Renames of front-matter fields, e.g. { date: 'pubDate' }. */
  fieldNames: Record<string, string>;
  /** Extra front-matter fields (placeholders allowed in text); null removes a field. */
  frontMatter: Record<string, unknown>;
  /** Folder of user templates relative to the workspace folder. */
  templatesFolder: string;
  defaultTags: string[];
  createAsDraft: boolean;
}

export const DEFAULT_SCAFFOLD_SETTINGS: ScaffoldSettings = {
  siteGenerator: 'auto',
  postsFolder: '',
  fileNamePattern: '',
  fieldNames: {},
  frontMatter: {},
  templatesFolder: '.learn-in-public/templates',
  defaultTags: [],
  createAsDraft: true,
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Builds settings from untrusted raw values (settings.json can hold anything). */
export function normalizeSettings(raw: Partial<Record<keyof ScaffoldSettings, unknown>>): ScaffoldSettings {
  const d = DEFAULT_SCAFFOLD_SETTINGS;
  const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v.trim() : fallback);
  const generator = str(raw.siteGenerator, 'auto');
  const fieldNames: Record<string, string> = {};
  if (isRecord(raw.fieldNames)) {
    for (const [k, v] of Object.entries(raw.fieldNames)) if (typeof v === 'string' && v.trim()) fieldNames[k] = v.trim();
  }
  return {
    siteGenerator: generator === 'auto' || (SITE_GENERATORS as readonly string[]).includes(generator) ? (generator as GeneratorSetting) : 'auto',
    postsFolder: str(raw.postsFolder, d.postsFolder),
    fileNamePattern: str(raw.fileNamePattern, d.fileNamePattern),
    fieldNames,
    frontMatter: isRecord(raw.frontMatter) ? { ...raw.frontMatter } : {},
    templatesFolder: str(raw.templatesFolder, d.templatesFolder) || d.templatesFolder,
    defaultTags: Array.isArray(raw.defaultTags) ? raw.defaultTags.filter((t): t is string => typeof t === 'string' && t.trim() !== '').map((t) => t.trim()) : [],
    createAsDraft: typeof raw.createAsDraft === 'boolean' ? raw.createAsDraft : d.createAsDraft,
  };
}
