/**
 * USCIS form numbers the screener offers when it asks which form a delayed
 * case is (the number printed on the receipt notice). Form numbers are facts
 * like phone numbers: written once here, never in a translation. Messages
 * carry a {form} placeholder and a plain description of what the form is for.
 *
 * The list is the forms people at outreach events most often wait on; the
 * Ombudsman's own pages name several of them (web alerts: I-485, I-765,
 * I-539; scope of assistance: I-360, N-400 as forms with time limits in
 * law). I-129 because employers' petitions for workers are cases the
 * Ombudsman takes (issue 16). "Another form" covers the rest. Checked 2026-11-25.
 */
export const USCIS_FORMS = {
  i90: 'I-90',
  i129: 'I-129',
  i129f: 'I-129F',
  i130: 'I-130',
  i131: 'I-131',
  i360: 'I-360',
  i485: 'I-485',
  i539: 'I-539',
  i589: 'I-589',
  i751: 'I-751',
  i765: 'I-765',
  n400: 'N-400',
} as const;

export type UscisFormKey = keyof typeof USCIS_FORMS;
