/** Lifetime presets offered for new links: 15 min, 1 h, 1 day, 7 days. */
export const LIFETIME_PRESETS = [900, 3600, 86_400, 604_800];

/** The presets a profile allows, and the default clamped to them. */
export function allowedPresets(maxTtlSeconds: number): number[] {
	return LIFETIME_PRESETS.filter((seconds) => seconds <= maxTtlSeconds);
}
