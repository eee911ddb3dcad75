// Each capability exports one register function; activate() calls them in this order.
// Registering is cheap by rule: heavy modules load on first use, not here.
import type { FeatureContext } from './feature-context';

export const FEATURES: ReadonlyArray<(feature: FeatureContext) => void> = [
];
