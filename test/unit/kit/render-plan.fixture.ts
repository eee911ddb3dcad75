// Prints first-week plans for the start dates given as arguments; run under different TZ values.
import { renderFirstWeekPlan } from '../../../src/core/kit/first-week-plan';

for (const start of process.argv.slice(2)) process.stdout.write(renderFirstWeekPlan(start));
