import type { LookupKind } from './index-keys';
import type { CaseRequest } from '../shared/request-schema';

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

type Indexed = Pick<CaseRequest, 'locale' | 'case'> & {
  person: Pick<CaseRequest['person'], 'aNumber' | 'email' | 'familyName' | 'givenName' | 'middleName'>;
  submitter?: Pick<NonNullable<CaseRequest['submitter']>, 'email'>;
};

export function requestMetadata(request: Indexed): RequestMetadata {
  const lookups: RequestMetadata['lookups'] = [];
  if (request.person.aNumber) lookups.push({ kind: 'a_number', value: request.person.aNumber });
  for (const email of [request.person.email, request.submitter?.email]) if (email) lookups.push({ kind: 'email', value: email });
  for (const receipt of request.case.receiptNumbers ?? []) lookups.push({ kind: 'receipt', value: receipt });
  for (const name of fullNames(request.person)) lookups.push({ kind: 'name', value: name });
  return {
    formTypes: [...request.case.formTypes],
    urgent: request.case.problemKinds.includes('emergency'),
    language: request.locale,
    lookups,
  };
}

/** The orders staff type a full name in: given (middle) family, and family given. */
export function fullNames(p: Pick<CaseRequest['person'], 'familyName' | 'givenName' | 'middleName'>): string[] {
  const given = p.givenName ?? '';
  const forms = [`${given} ${p.familyName}`, `${p.familyName} ${given}`];
  if (p.middleName) forms.push(`${given} ${p.middleName} ${p.familyName}`);
  return [...new Set(forms.map((f) => f.trim()))];
}
