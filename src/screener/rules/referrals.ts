/**
 * Where an outcome sends a person. Fact ids are those of
 * src/facts/contacts.ts; the view shows them as links or phone numbers.
 */
import type { Referral } from '../types';
import { msg } from './build';

function referral(id: string, facts: string[]): Referral {
  return { id, name: msg('referral', id, 'name'), description: msg('referral', id, 'description'), facts };
}

export const referralList: Referral[] = [
  referral('uscis-contact-center', ['uscisContactCenterPhone', 'uscisContactCenterTty', 'uscisContactCenterUrl']),
  referral('uscis-online-account', ['uscisOnlineAccountUrl']),
  referral('uscis-case-status', ['uscisCaseStatusUrl']),
  referral('uscis-appointment', ['uscisAppointmentUrl']),
  referral('uscis-processing-times', ['uscisProcessingTimesUrl']),
  referral('ombudsman-request', ['ombudsmanOnlineFormUrl', 'ombudsmanCaseAssistanceUrl', 'ombudsmanPhoneTollFree']),
  referral('oido', ['oidoWebsite']),
  referral('legal-help', ['legalFindServicesUrl', 'legalProBonoListUrl', 'legalRecognizedOrgsUrl']),
  referral('state-dept', ['stateDeptVisaUrl']),
  referral('eoir', ['eoirWebsite']),
  referral('cbp', ['cbpWebsite']),
  referral('uscis-foia', ['uscisFoiaUrl']),
  referral('ogis', ['ogisWebsite']),
];
