import * as v from 'valibot';

/**
 * Deployment settings the page may know, served by the intake server as
 * `/config.json` (read from its environment, so a deployment changes them
 * without a rebuild). The worker caches the file for offline use.
 */
export const PublicConfigSchema = v.object({
  /** Shown in the header beside the app name, e.g. the hosting organization. */
  organizationName: v.optional(v.pipe(v.string(), v.maxLength(120)), ''),
  /** Base URL of the intake API, absolute or relative to the app. */
  apiBase: v.optional(v.pipe(v.string(), v.maxLength(500)), '/api/v1'),
  defaultLocale: v.optional(v.pipe(v.string(), v.maxLength(20)), 'en'),
  /** Idle seconds before event mode ends a person's session. */
  eventIdleSeconds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(30), v.maxValue(3600)), 180),
});

export type PublicConfig = v.InferOutput<typeof PublicConfigSchema>;

export const DEFAULT_PUBLIC_CONFIG: PublicConfig = v.parse(PublicConfigSchema, {});

/** Lenient read: a bad or missing field falls back to its default, never breaks boot. */
export function readPublicConfig(input: unknown): PublicConfig {
  const result = v.safeParse(PublicConfigSchema, input);
  if (result.success) return result.output;
  const out: Record<string, unknown> = { ...DEFAULT_PUBLIC_CONFIG };
  if (input && typeof input === 'object') {
    for (const [key, value] of Object.entries(input)) {
      const one = v.safeParse(PublicConfigSchema, { [key]: value });
      if (one.success && key in one.output) out[key] = (one.output as Record<string, unknown>)[key];
    }
  }
  return out as PublicConfig;
}
