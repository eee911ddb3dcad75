// Each capability exports one register function; activate() calls them in this order.
// Registering is cheap by rule: heavy modules load on first use, not here.
import type { FeatureContext } from './feature-context';
import { registerChecklist } from './checklist/register-checklist';
import { registerKit } from './kit/register-kit';
import { registerPractice } from './practice/register-practice';
import { registerScaffold } from './scaffold/register-scaffold';
import { registerProgressCard } from './progress-card/register-progress-card';
import { registerWeeklySummary } from './weekly-summary/register-weekly-summary';
import { registerTracker } from './tracker/register-tracker';

export const FEATURES: ReadonlyArray<(feature: FeatureContext) => void> = [
  registerChecklist,
  registerKit,
  registerPractice,
  registerScaffold,
  registerProgressCard,
  registerWeeklySummary,
  registerTracker,
];
