/** The office console's settings, from the environment like the server's own. */
export interface OfficeSettings {
  /** Minutes without a call before a session ends (OFFICE_IDLE_MINUTES). */
  idleMinutes: number;
  /** Hours a session lives at most, however busy. */
  absoluteHours: number;
  /** Where enrolment links point (PUBLIC_ORIGIN, e.g. https://intake.example.org); null: http://localhost:PORT. */
  publicOrigin: string | null;
  /** Failed sign-ins that lock an account, and for how long. */
  lockAfter: number;
  lockMinutes: number;
  /** How long an enrolment link is valid. */
  enrolHours: number;
}

export function readOfficeSettings(env: Record<string, string | undefined> = process.env): OfficeSettings {
  const idle = Number(env.OFFICE_IDLE_MINUTES ?? '');
  return {
    idleMinutes: Number.isFinite(idle) && idle > 0 ? idle : 15,
    absoluteHours: 12,
    publicOrigin: readOrigin(env.PUBLIC_ORIGIN),
    lockAfter: 10,
    lockMinutes: 15,
    enrolHours: 72,
  };
}

function readOrigin(raw: string | undefined): string | null {
  if (!raw?.trim()) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error('PUBLIC_ORIGIN must be an origin such as https://intake.example.org');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('PUBLIC_ORIGIN must start with https:// or http://');
  return url.origin;
}

/** The enrolment link: the token in the fragment, so it never reaches a server log or a Referer. */
export function enrolUrl(settings: OfficeSettings, port: number, token: string): string {
  return `${settings.publicOrigin ?? `http://localhost:${port}`}/staff/enrol#${token}`;
}
