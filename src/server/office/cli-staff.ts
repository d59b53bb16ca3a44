import { parseArgs } from 'node:util';
import { openIntake } from '../intake-setup';
import type { ServerSettings } from '../settings';
import { ROLES, type Role } from './model';
import { enrolUrl, readOfficeSettings } from './settings';
import { inviteStaff, isStaffEmail, normalizeEmail } from './staff-store';

/**
 *   npm run intake -- staff add --email a@b.gov --role admin
 *       Invites a staff member (the first administrator, or anyone when
 *       the console is not at hand) and prints the one-time enrolment link,
 *       valid 72 hours. The token is in the link's fragment: it never
 *       reaches a server log. Nothing else is printed.
 */
export const STAFF_USAGE = 'npm run intake -- staff add --email EMAIL --role officer|supervisor|admin';

export class StaffUsageError extends Error {}

/** `print` writes the link for the operator (the CLI's stdout); nothing else is printed. */
export async function staffCommand(args: string[], settings: ServerSettings, print: (line: string) => void): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'add') throw new StaffUsageError(STAFF_USAGE);
  const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, role: { type: 'string' } }, strict: true });
  const email = normalizeEmail(values.email ?? '');
  const role = ROLES.find((r) => r === values.role);
  if (!isStaffEmail(email) || !role) throw new StaffUsageError(STAFF_USAGE);
  const office = readOfficeSettings();
  const deps = await openIntake(settings);
  try {
    const invited = await inviteStaff(deps.db, email, role as Role, new Date(), office.enrolHours);
    if (!invited) throw new Error('that e-mail already has an account');
    print(`enrolment link for the new ${role} (valid ${office.enrolHours} hours, once): ${enrolUrl(office, settings.port, invited.token)}`);
  } finally {
    await deps.db.close();
  }
  return 0;
}
