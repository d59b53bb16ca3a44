import type { Context } from 'hono';
import type { Office } from './context';
import { totpSecretOf } from './routes-auth';
import { verifyPassword, totpStep } from './secrets';
import { recordFailure, staffById } from './staff-store';
import { delayFor } from './throttle';

/**
 * Proving again, inside a session, that the person at the keyboard is the
 * account's owner: the password, or a TOTP code newer than any used (the
 * step is taken, so that code cannot sign in afterwards). A wrong answer
 * counts towards the account's lockout and waits like a failed sign-in.
 */
export async function stepUp(office: Office, c: Context, staffId: string, proof: { password: string } | { code: string }): Promise<boolean> {
  const staff = await staffById(office.db, staffId);
  if (!staff?.password_hash) return false;
  await office.sleep(delayFor(staff.failed_count));
  const now = office.now();
  let ok: boolean;
  if ('password' in proof) ok = await verifyPassword(proof.password, staff.password_hash);
  else {
    const secret = await totpSecretOf(office, staff);
    const step = secret ? totpStep(secret, proof.code.trim(), now.getTime()) : null;
    ok = step !== null && (await office.db.exec('UPDATE office_staff SET totp_last_step = $2 WHERE id = $1 AND totp_last_step < $2', [staffId, step])) === 1;
  }
  if (!ok) {
    office.failures.fail(office.client(c), now.getTime());
    const lockUntil = new Date(now.getTime() + office.settings.lockMinutes * 60_000).toISOString();
    await recordFailure(office.db, staffId, office.settings.lockAfter, lockUntil);
  }
  return ok;
}
