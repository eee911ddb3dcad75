// Pure logic: stays free of vscode.
// What of the checklist's state the learning streak reads: the day of each step done (a
// ticked item with a date, as readCompletedChecklistItems counts them). Only a change here
// needs the tracker to redraw; typing a note or an item's text does not.
import type { ChecklistState } from '../protocol/checklist';

/** The days of the steps done, sorted and joined: equal strings, equal streak input. */
export function completedDaysKey(state: Pick<ChecklistState, 'sections'>): string {
  const days: string[] = [];
  for (const section of state.sections) {
    for (const item of section.items) if (item.checked && item.doneDate) days.push(item.doneDate);
  }
  return days.sort().join(' ');
}
