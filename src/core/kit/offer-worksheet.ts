// Pure logic: stays free of vscode.
// The offer worksheet: the three negotiation steps from the sources (research, your two
// numbers, the conversation) and the terms beyond salary. It holds private numbers, so it
// says so at the top and is kept outside workspaces by default.
import { stringifyFrontMatter } from '../front-matter';
import type { KitItem } from './informational-interview';
import { citation } from './sources';

export const OFFER_WORKSHEET_TYPE = 'offer-worksheet';
export const OFFER_WORKSHEET_FILE_NAME = 'offer-worksheet.md';

/** Where to look up ranges; the user adds rows for what they actually used. */
export const RESEARCH_SOURCES: readonly KitItem[] = [
  { text: 'Salary.com', source: 'negotiation' },
  { text: 'Payscale', source: 'negotiation' },
  { text: 'Glassdoor', source: 'negotiation' },
  { text: 'People you met in informational interviews', source: 'careerInAi' },
];

export const CONVERSATION_STEPS: readonly KitItem[] = [
  { text: 'Open by saying you are keen on the role and want to reach an offer you can both accept.', source: 'negotiation' },
  { text: 'Let them name a number first; naming yours first can cap what you are offered.', source: 'negotiation' },
  { text: 'Treat it as a win-win conversation, not a fight.', source: 'careerInAi' },
  { text: 'Ask to meet the people you would work with, if you have not yet.', source: 'careerInAi' },
];

export const QUESTIONS_TO_ASK: readonly KitItem[] = [
  { text: 'How was this figure arrived at?', source: 'negotiation' },
  { text: 'How do raises and promotions work here, and how often are they reviewed?', source: 'negotiation' },
  { text: 'Who would my teammates and my manager be?', source: 'careerInAi' },
];

export const NON_SALARY_TERMS: readonly KitItem[] = [
  { text: 'Signing bonus', source: 'negotiation' },
  { text: 'Paid time off', source: 'negotiation' },
  { text: 'Health benefits', source: 'negotiation' },
  { text: 'Retirement contributions', source: 'negotiation' },
  { text: 'Stock options or equity', source: 'negotiation' },
  { text: 'Budget and time for professional development (courses, conferences)', source: 'negotiation' },
  { text: 'Perks and ways of working that matter to you (remote days, hours, equipment)', source: 'negotiation' },
];

export function renderOfferWorksheet(): string {
  const body = [
    '# Offer worksheet',
    '',
    '> **Private.** This file holds your numbers. Keep it out of public repositories: the',
    '> extension stores it outside your workspaces unless you choose another place.',
    '',
    '## 1. Research the range',
    '',
    'Look up the median and the spread for the role, and adjust for your years of experience and education.',
    '',
    '| Source | Role and level | Location | Low | Median | High | Notes |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...RESEARCH_SOURCES.map((item) => `| ${item.text} |  |  |  |  |  |  |`),
    '',
    citation('negotiation', 'careerInAi'),
    '',
    '## 2. Your two numbers',
    '',
    'Start from your own finances and the research above.',
    '',
    '- **Ideal number** (what you would gladly accept): ',
    '- **Walk-away number** (below this you decline): ',
    '- Monthly costs and savings goals behind them: ',
    '',
    citation('negotiation'),
    '',
    '## 3. The conversation',
    '',
    ...CONVERSATION_STEPS.map((item) => `- [ ] ${item.text}`),
    '',
    '### Questions to ask',
    '',
    ...QUESTIONS_TO_ASK.map((item) => `- ${item.text}`),
    '',
    citation('negotiation', 'careerInAi'),
    '',
    '## 4. Beyond salary',
    '',
    'Everything here can be negotiated too. Tick what you raised and note the answer.',
    '',
    ...NON_SALARY_TERMS.map((item) => `- [ ] ${item.text}: `),
    '',
    citation('negotiation'),
    '',
    '## Offers',
    '',
    '| Company | Role | Base | Bonus | Equity | Other terms | Deadline |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    '|  |  |  |  |  |  |  |',
    '',
  ].join('\n');
  return stringifyFrontMatter(body, { type: OFFER_WORKSHEET_TYPE });
}
