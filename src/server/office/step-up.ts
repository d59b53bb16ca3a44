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
 * counts towards the account's lockout and waits like a failed sign-in;
 * a locked account is not asked at all, so a session cannot be used to go
 * on guessing the password. 'locked' carries the seconds left.
 */
export async function stepUp(
  office: Office,
  c: Context,
  staffId: string,
  proof: { password: string } | { code: string },
): Promise<'ok' | 'wrong' | { lockedSeconds: number }> {
  const staff = await staffById(office.db, staffId);
  if (!staff?.password_hash) return 'wrong';
  const started = office.now();
  if (staff.locked_until && staff.locked_until > started.toISOString()) {
    return { lockedSeconds: Math.max(1, Math.ceil((Date.parse(staff.locked_until) - started.getTime()) / 1000)) };
  }
  await office.sleep(Math.max(delayFor(staff.failed_count), delayFor(office.failures.count(office.client(c), started.getTime()))));
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
  return ok ? 'ok' : 'wrong';
}
