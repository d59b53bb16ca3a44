import type { Hono } from 'hono';
import * as v from 'valibot';
import { apiError } from '../errors';
import { checkUuid } from '../../shared/fields';
import { noStore, readBody, signedIn, type Office, type OfficeEnv } from './context';
import { LIMITS, ROLES } from './model';
import { enrolUrl } from './settings';
import { account, inviteStaff, isStaffEmail, listStaff, normalizeEmail, resetSecondFactor, staffDirectory, updateStaff } from './staff-store';

/**
 * Staff accounts, for administrators: list, invite, change role, disable,
 * reset someone's sign-in (a lost phone or passkey: a new enrolment link);
 * and the directory of active colleagues supervisors assign requests from.
 */

const Invite = v.object({
  email: v.pipe(v.string(), v.maxLength(LIMITS.email), v.transform(normalizeEmail), v.check(isStaffEmail, 'email')),
  role: v.picklist(ROLES),
});
const Change = v.object({ role: v.optional(v.picklist(ROLES)), disabled: v.optional(v.boolean()) });

export function staffRoutes(app: Hono<OfficeEnv>, office: Office): void {
  const admin = signedIn(office, 'admin');
  const supervisor = signedIn(office, 'supervisor');

  // Not audited: the log records who saw or changed a person's request, and
  // colleagues' work addresses are neither (the full staff list is not either).
  app.get('/staff/directory', supervisor, async (c) => {
    noStore(c);
    return c.json({ staff: await staffDirectory(office.db) });
  });

  app.get('/staff', admin, async (c) => {
    noStore(c);
    return c.json({ staff: await listStaff(office.db) });
  });

  app.post('/staff', admin, async (c) => {
    const body = await readBody(c, Invite);
    if (!body.ok) return body.response;
    const invited = await inviteStaff(office.db, body.value.email, body.value.role, office.now(), office.settings.enrolHours);
    if (!invited) return apiError(c, 409, 'email_taken');
    await office.audit(c, { actorId: c.get('session').me.id, action: 'staff_invite', target: invited.id, detail: `role=${body.value.role}` });
    noStore(c);
    return c.json({ id: invited.id, enrolUrl: enrolUrl(office.settings, office.port, invited.token) }, 201);
  });

  app.patch('/staff/:id', admin, async (c) => {
    const id = c.req.param('id');
    if (!checkUuid(id).ok) return apiError(c, 404, 'not_found');
    const body = await readBody(c, Change);
    if (!body.ok) return body.response;
    const me = c.get('session').me;
    // An administrator cannot lock the console's last door on themself.
    if (id === me.id && (body.value.disabled === true || (body.value.role !== undefined && body.value.role !== 'admin'))) {
      return apiError(c, 409, 'cannot_change_self');
    }
    const updated = await updateStaff(office.db, id, body.value);
    if (!updated) return apiError(c, 404, 'not_found');
    const detail = [body.value.role && `role=${body.value.role}`, body.value.disabled !== undefined && `disabled=${body.value.disabled}`]
      .filter(Boolean)
      .join(' ');
    await office.audit(c, { actorId: me.id, action: 'staff_update', target: id, detail: detail || null });
    noStore(c);
    return c.json(account(updated));
  });

  app.post('/staff/:id/reset', admin, async (c) => {
    const id = c.req.param('id');
    if (!checkUuid(id).ok) return apiError(c, 404, 'not_found');
    const me = c.get('session').me;
    // Their own sign-in an administrator changes by signing in; a reset would end this very session.
    if (id === me.id) return apiError(c, 409, 'cannot_change_self');
    const reset = await resetSecondFactor(office.db, id, office.now(), office.settings.enrolHours);
    if (!reset) return apiError(c, 404, 'not_found');
    await office.audit(c, { actorId: me.id, action: 'staff_reset', target: id });
    noStore(c);
    return c.json({ id, enrolUrl: enrolUrl(office.settings, office.port, reset.token) });
  });
}
