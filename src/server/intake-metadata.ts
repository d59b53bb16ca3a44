import type { LookupKind } from './index-keys';
import { type CaseRequest, isCompany } from '../shared/request-schema';

/**
 * What intake keeps in the clear about a validated request (see
 * intake-store.ts for why each is not personal) and which values it
 * indexes blindly. Used on arrival and when migrating plaintext rows.
 */
export interface RequestMetadata {
  formTypes: string[];
  urgent: boolean;
  language: string;
  lookups: { kind: LookupKind; value: string }[];
}

type Indexed = Pick<CaseRequest, 'locale' | 'case' | 'person'> & {
  submitter?: Pick<NonNullable<CaseRequest['submitter']>, 'email'>;
};

export function requestMetadata(request: Indexed): RequestMetadata {
  const lookups: RequestMetadata['lookups'] = [];
  const requester = request.person;
  // A company has no A-number; staff find it by its own name or its contact's.
  const names = isCompany(requester) ? [requester.businessName, requester.contactName] : fullNames(requester);
  if (!isCompany(requester) && requester.aNumber) lookups.push({ kind: 'a_number', value: requester.aNumber });
  for (const email of [requester.email, request.submitter?.email]) if (email) lookups.push({ kind: 'email', value: email });
  for (const receipt of request.case.receiptNumbers ?? []) lookups.push({ kind: 'receipt', value: receipt });
  for (const name of names) lookups.push({ kind: 'name', value: name });
  return {
    formTypes: [...request.case.formTypes],
    urgent: request.case.problemKinds.includes('emergency'),
    language: request.locale,
    lookups,
  };
}

/** The orders staff type a full name in: given (middle) family, and family given. */
function fullNames(p: { familyName: string; givenName?: string; middleName?: string }): string[] {
  const given = p.givenName ?? '';
  const forms = [`${given} ${p.familyName}`, `${p.familyName} ${given}`];
  if (p.middleName) forms.push(`${given} ${p.middleName} ${p.familyName}`);
  return [...new Set(forms.map((f) => f.trim()))];
}
