// Pure logic: stays free of vscode.
// The informational-interview notes scaffold: front matter a tree can list, the question
// list from the sources in the project's own words, room for notes, and the follow-ups.
import { stringifyFrontMatter } from '../front-matter';
import { addDays } from './day-keys';
import { fileStem } from './names';
import { citation, type SourceKey } from './sources';

export const INTERVIEW_TYPE = 'informational-interview';

/** Statuses the tree understands; others are shown as typed. */
export const INTERVIEW_STATUSES = ['planned', 'done', 'thanked', 'followed-up'] as const;

/** Days after the conversation when the scaffold suggests following up. */
export const FOLLOW_UP_AFTER_DAYS = 14;

export interface KitItem {
  readonly text: string;
  readonly source: SourceKey;
}

/** Questions to bring, rephrased from the sources. */
export const INTERVIEW_QUESTIONS: readonly KitItem[] = [
  { text: 'Walk me through a typical day or week in your job: where does the time actually go?', source: 'careerInAi' },
  { text: 'Which of your tasks matter most to how the team judges the role?', source: 'careerInAi' },
  { text: 'Which skills make the biggest difference to doing this job well?', source: 'careerInAi' },
  { text: 'How does your team divide the work and coordinate to reach its goals?', source: 'careerInAi' },
  { text: 'What does the hiring process for a role like yours look like, step by step?', source: 'careerInAi' },
  { text: 'Think of past candidates who stood out: what made them stand out?', source: 'careerInAi' },
  { text: 'AI job titles mean different things at different companies: what does someone with your title produce here: analyses and slide decks, production code, or both?', source: 'careerInAi' },
  { text: 'Which algorithms, deployment process and software stack does your team work with?', source: 'careerInAi' },
  { text: 'How much of your time goes into improving and cleaning data, compared with modelling?', source: 'careerInAi' },
];

/** What to do before the conversation. */
export const INTERVIEW_PREPARATION: readonly KitItem[] = [
  { text: 'Read up on the person and the company so the questions can be specific.', source: 'careerInAi' },
  { text: 'Keep it a conversation for learning about the role, separate from asking for a job.', source: 'careerInAi' },
  { text: 'Pick the three questions you most need answered, in case time runs short.', source: 'careerInAi' },
];

export interface InterviewNotesInput {
  readonly person: string;
  readonly company: string;
  readonly role: string;
  /** Day key of the conversation. */
  readonly date: string;
}

export function followUpDate(date: string): string {
  return addDays(date, FOLLOW_UP_AFTER_DAYS);
}

/** `2025-09-01-ada-lovelace-analytical-engines.md` — safe whatever the names contain. */
export function interviewFileName(input: InterviewNotesInput): string {
  return `${input.date}-${fileStem([input.person, input.company], 'informational-interview')}.md`;
}

export function renderInterviewNotes(input: InterviewNotesInput): string {
  const followUp = followUpDate(input.date);
  const who = [input.person, input.role, input.company].filter((s) => s !== '').join(', ');
  const body = [
    `# Informational interview: ${oneLine(who)}`,
    '',
    `A conversation to learn what this work is really like. Keep \`status\` in the front matter up to date (${INTERVIEW_STATUSES.join(', ')}): the Job Search view shows it.`,
    '',
    '## Before the conversation',
    '',
    ...INTERVIEW_PREPARATION.map((item) => `- [ ] ${item.text}`),
    '',
    citation('careerInAi'),
    '',
    '## Questions',
    '',
    ...INTERVIEW_QUESTIONS.map((item, i) => `${i + 1}. ${item.text}`),
    '',
    citation('careerInAi'),
    '',
    '## Notes',
    '',
    '- What they do day to day:',
    '- Skills and tools they mentioned:',
    '- How hiring works there:',
    '- People they suggested I talk to:',
    '- What surprised me:',
    '',
    '## Follow-up',
    '',
    '- [ ] Send a thank-you note within 24 hours, mentioning one thing that helped.',
    `- [ ] Follow up on ${followUp}: share what you did with their advice.`,
    '- [ ] When someone asks you for an informational interview later, say yes and pay it forward.',
    '',
    citation('careerInAi'),
    '',
  ].join('\n');
  return stringifyFrontMatter(body, {
    type: INTERVIEW_TYPE,
    person: input.person,
    company: input.company,
    role: input.role,
    date: input.date,
    follow_up: followUp,
    status: 'planned',
  });
}

/** Markdown headings must stay on one line whatever was pasted. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
