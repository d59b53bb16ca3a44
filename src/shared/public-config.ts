import * as v from 'valibot';
import { PUBLIC_CONFIG_DEFAULTS as DEFAULTS } from './public-config-defaults';

/** A real calendar day written YYYY-MM-DD (valibot's isoDate alone accepts 2027-02-31). */
const IsoDay = v.pipe(
  v.string(),
  v.isoDate(),
  v.check((s) => {
    const day = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(s);
  }, 'not a calendar day'),
);

const Text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));

/**
 * The office's own value for one contact fact of src/facts/contacts.ts.
 * Which ids exist and what each kind of value must look like is the page's
 * business (src/facts/fact-book.ts); the contract fixes the shape, and that
 * every override says where it came from and when it was checked, so the
 * page can show the office's date rather than the build's.
 */
const FactOverrideSchema = v.object({
  value: Text(400),
  source: Text(300),
  checked: IsoDay,
});

export type FactOverride = v.InferOutput<typeof FactOverrideSchema>;

const FACT_ID = /^[A-Za-z][A-Za-z0-9]{0,63}$/;
/** BCP 47-ish tags as the app's locale folders are named (en, zh-Hans). */
const LOCALE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/**
 * A notice from the office shown on every screen (for example that it is
 * not taking mail for a while). Free text, so English is required: a
 * language the office did not write shows the English text.
 */
const ServiceNoticeSchema = v.object({
  text: v.pipe(
    v.record(v.pipe(v.string(), v.regex(LOCALE_TAG)), Text(1000)),
    v.check((t) => typeof t.en === 'string', 'English text is required'),
  ),
  /** Last day the notice is shown (inclusive, the device's calendar); a cached copy must not outlive it. */
  until: v.optional(IsoDay),
});

export type ServiceNotice = v.InferOutput<typeof ServiceNoticeSchema>;

/**
 * Deployment settings the page may know, served by the intake server as
 * `/config.json` (read from its environment and data folder, so a
 * deployment changes them without a rebuild). The worker caches the file
 * for offline use.
 */
export const PublicConfigSchema = v.object({
  /** Shown in the header beside the app name, e.g. the hosting organization. */
  organizationName: v.optional(v.pipe(v.string(), v.maxLength(120)), DEFAULTS.organizationName),
  /** Base URL of the intake API, absolute or relative to the app. */
  apiBase: v.optional(v.pipe(v.string(), v.maxLength(500)), DEFAULTS.apiBase),
  defaultLocale: v.optional(v.pipe(v.string(), v.maxLength(20)), DEFAULTS.defaultLocale),
  /** Idle seconds before event mode ends a person's session. */
  eventIdleSeconds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(30), v.maxValue(3600)), DEFAULTS.eventIdleSeconds),
  /** Contact facts the office changed, by fact id. */
  factOverrides: v.optional(v.record(v.pipe(v.string(), v.regex(FACT_ID)), FactOverrideSchema), DEFAULTS.factOverrides),
  serviceNotice: v.optional(ServiceNoticeSchema),
});

export type PublicConfig = v.InferOutput<typeof PublicConfigSchema>;
// The page starts from the defaults as a whole config; they must be one.
void (DEFAULTS satisfies PublicConfig);

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Each override on its own: one mistyped date drops that override, not the others. */
function readFactOverrides(input: unknown): Record<string, FactOverride> {
  const out: Record<string, FactOverride> = {};
  if (!isObject(input)) return out;
  for (const [id, raw] of Object.entries(input)) {
    if (!FACT_ID.test(id)) continue;
    const one = v.safeParse(FactOverrideSchema, raw);
    if (one.success) out[id] = one.output;
  }
  return out;
}

/** A notice keeps the languages that are well formed, as long as English is one of them. */
function readServiceNotice(input: unknown): ServiceNotice | undefined {
  if (!isObject(input) || !isObject(input.text)) return undefined;
  const text: Record<string, string> = {};
  for (const [tag, raw] of Object.entries(input.text)) {
    const one = v.safeParse(Text(1000), raw);
    if (LOCALE_TAG.test(tag) && one.success) text[tag] = one.output;
  }
  const notice = v.safeParse(ServiceNoticeSchema, { text, until: input.until });
  if (notice.success) return notice.output;
  // A bad end date alone must not silence the notice.
  const undated = v.safeParse(ServiceNoticeSchema, { text });
  return undated.success ? undated.output : undefined;
}

/** Lenient read: a bad or missing field falls back to its default, never breaks boot. */
export function readPublicConfig(input: unknown): PublicConfig {
  const result = v.safeParse(PublicConfigSchema, input);
  if (result.success) return result.output;
  const out: Record<string, unknown> = { ...DEFAULTS };
  if (isObject(input)) {
    for (const [key, value] of Object.entries(input)) {
      if (key === 'factOverrides') out.factOverrides = readFactOverrides(value);
      else if (key === 'serviceNotice') out.serviceNotice = readServiceNotice(value);
      else {
        const one = v.safeParse(PublicConfigSchema, { [key]: value });
        if (one.success && key in one.output) out[key] = (one.output as Record<string, unknown>)[key];
      }
    }
  }
  if (out.serviceNotice === undefined) delete out.serviceNotice;
  return out as PublicConfig;
}
