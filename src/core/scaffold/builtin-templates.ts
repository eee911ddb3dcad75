// Pure logic: stays free of vscode.
// The built-in post templates, one per kind. Their guidance lives in HTML comments (they do
// not show on the published page) and says which source document it comes from.
// They go through the same parser as user templates, so a typo here fails the unit tests.
import { citeSources, rewrapLongComments } from '../seed-sources';
import { parseTemplate, type PostTemplate } from './template';

const TIL = `---
tags: [til]
template:
  label: TIL
  description: Today I learned — one small thing, written in minutes
  icon: lightbulb
---

<!-- One thing you learned today, short enough to finish before you close this file.
     Write the note you wish you had found an hour ago: that is what helps the next person
     (source: 003_71b1740b79917299.txt). Small and often beats big and never: a two-line
     TIL keeps the habit alive (source: 004_93e24c764982b9b4.txt). -->

{{cursor}}

{{selection}}
{{selectionSource}}

## Why it matters

<!-- Where did this come up, and what would have gone wrong without it? -->

## Where I learned it

<!-- The doc page, paper, issue or answer: link it so readers can go deeper. -->
`;

const TUTORIAL = `---
tags: [tutorial]
template:
  label: Tutorial
  description: Walk a reader from zero to a working result, step by step
  icon: mortar-board
---

<!-- Teaching what you just learned is one of the fastest ways to understand it, and a
     tutorial is public proof that you can explain a hard idea simply
     (sources: 003_71b1740b79917299.txt, 002_26d5cb83709276d8.txt). -->

## What you will build

<!-- One paragraph and, if you can, a screenshot or the final output. -->

{{cursor}}

## Before you start

<!-- What the reader needs installed or already knows. Link the official docs. -->

## Step 1

{{selection}}
{{selectionSource}}

<!-- One idea per step: the code, then one or two sentences on why it looks like this. -->

## Step 2

## Check that it works

<!-- What the reader should see. Name the most common mistake and how to spot it. -->

## Where to go next

<!-- Two or three links or ideas for extending it. -->
`;

const CHEATSHEET = `---
tags: [cheatsheet]
template:
  label: Cheatsheet
  description: The commands and snippets you keep looking up, on one page
  icon: checklist
---

<!-- Cheatsheets are learning in public at its cheapest: collect what you look up over and
     over, in the order you use it (source: 003_71b1740b79917299.txt). Keep one topic per
     sheet and only entries you have used yourself. -->

{{cursor}}

| I want to | Write | Note |
| --- | --- | --- |
|  |  |  |

{{selection}}
{{selectionSource}}

## Gotchas

<!-- The mistakes that cost you time, each in one line. -->

## Sources

<!-- Official docs first. -->
`;

const PROJECT_WRITE_UP = `---
tags: [project]
template:
  label: Project write-up
  description: Problem, approach, results with context, what you learned
  icon: rocket
---

<!-- A write-up turns a project into demonstrated knowledge: what you chose, why, and what
     happened (source: 003_71b1740b79917299.txt). Skip projects everyone has done (Titanic,
     tweet sentiment) unless you took them somewhere new (source: 003_71b1740b79917299.txt). -->

## The problem

<!-- Start from a business or real-world problem, not from a model: who has it, and what
     would "better" look like for them? (source: 004_93e24c764982b9b4.txt, scoping) -->

{{cursor}}

## Approaches I considered

<!-- List two or three ways to solve it and why you picked one: what was feasible, what was
     valuable, what the published work or a quick prototype told you
     (source: 004_93e24c764982b9b4.txt). -->

## Data

<!-- Where the data came from, how much, how you cleaned and split it. -->

## What I built

{{selection}}
{{selectionSource}}

<!-- Say what YOU did, especially in a team project (source: 003_71b1740b79917299.txt). -->

## Results

<!-- Numbers need context: tie each metric to the goal and to your part in reaching it, e.g.
     "cut false positives from 20% to 15% at the same recall, by adding the features I
     engineered" (source: 003_71b1740b79917299.txt). Where a number would be forced, say
     instead how the project made you a better engineer. -->

## Demo

<!-- A live demo on Streamlit, Gradio or Hugging Face Spaces lets anyone try it in a browser
     (source: 003_71b1740b79917299.txt). Link it here. -->

## What I learned

## Next steps

<!-- Projects are iterative: what would you try next, and what would you do differently?
     (source: 004_93e24c764982b9b4.txt) -->
`;

const WEEKLY_LOG = `---
tags: [weekly-log]
template:
  label: Weekly log
  description: What you learned, built and shared this week, and one next step
  icon: calendar
---

<!-- Learning a little every week adds up; a weekly log makes the progress visible to you
     and to others (source: 004_93e24c764982b9b4.txt, tiny habits). -->

## Learned

- {{cursor}}

## Built

{{selection}}
{{selectionSource}}

## Shared in public

<!-- Posts, answers, pull requests, a good first issue, a talk (source: 003_71b1740b79917299.txt). -->

## Stuck on

<!-- Naming it is the first step to asking for help. -->

## Next week

<!-- One small, concrete commitment you are sure to keep (source: 004_93e24c764982b9b4.txt). -->
`;

const INTERVIEW_NOTES = `---
tags: [interview-prep]
template:
  label: Interview-question notes
  description: A question, your own answer, the gaps, and a story from your work
  icon: comment-discussion
---

<!-- Answer in your own words before you look anything up, then compare and note the gaps
     (source: 000_5534f9212d9dcf8f.txt). Expect to explain your projects, the problems you
     hit and how you got past them, and think out loud (source: 002_26d5cb83709276d8.txt). -->

## The question

{{cursor}}

## My answer

<!-- Plain words, as if to a colleague who does not work in ML (source: 001_f65caf9f471f906a.txt). -->

{{selection}}
{{selectionSource}}

## What a strong answer adds

## From my own work

- **Situation:**
- **Task:**
- **Action:** what I did, not the team
- **Result:** a number with context

## Follow-up questions to expect
`;

const POST = `---
template:
  label: Post
  description: A blank post with your site's front matter
  icon: note
---

{{cursor}}

{{selection}}
{{selectionSource}}
`;

export const BUILT_IN_TEMPLATE_TEXTS: ReadonlyArray<readonly [kind: string, text: string]> = [
  ['til', TIL],
  ['tutorial', TUTORIAL],
  ['cheatsheet', CHEATSHEET],
  ['project-write-up', PROJECT_WRITE_UP],
  ['weekly-log', WEEKLY_LOG],
  ['interview-notes', INTERVIEW_NOTES],
  ['post', POST],
];

let cache: PostTemplate[] | undefined;

export function builtInTemplates(): PostTemplate[] {
  cache ??= BUILT_IN_TEMPLATE_TEXTS.map(([kind, text]) => parseTemplate(rewrapLongComments(citeSources(text)), { kind, source: 'built-in' }));
  return cache;
}
