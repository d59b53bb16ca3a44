/**
 * Policy facts the CIS Ombudsman publishes about WHEN it can help, beyond
 * what the seed brochures say. The screener's rules (src/screener/rules/)
 * take their numbers from here, so a changed policy is one edit.
 *
 * How these were checked (2026-11-25): with the project's stored-pages
 * search (corpus "pages"; the "docs" corpus had nothing on the Ombudsman).
 * The search returns excerpts of stored copies, never a live page, and some
 * stored copies are older editions of the same address. Each fact says
 * which kind of source carries it:
 *   - 'official': a stored copy of a www.dhs.gov page (the Ombudsman's own).
 *   - 'mirror': a stored copy, on another site, of a dhs.gov page's text,
 *     where the dhs.gov copy itself was not found in the store.
 *   - 'third-party': a law firm or guide restating the policy.
 *   - 'seed' / 'issue': the seed documents, or only the issue text.
 *
 * What could NOT be verified in the stored pages:
 *   - "approved cases not yet sent to the State Department" as an example of
 *     what the Ombudsman helps with: only in third-party restatements of the
 *     dhs.gov case-assistance list (the stored dhs.gov excerpt is cut off
 *     before that item). Kept, marked 'third-party'.
 *   - "deadlines are not extended": found in two mirrors of dhs.gov pages
 *     (FAQ and case-assistance), not in a stored dhs.gov copy. Kept, marked
 *     'mirror'; FIELD-NOTES.md states it too.
 *   - That a case-inquiry date is the UPPER end of a posted range: from a
 *     third-party copy of USCIS's "More Info" processing-times text. Kept,
 *     marked 'third-party'; it is USCIS's wording, not the Ombudsman's.
 *   - The Office of the Immigration Detention Ombudsman's remit: from seed
 *     000 only (the store had no OIDO page).
 *   - The exact wording of "we will not expedite cases if USCIS has already
 *     denied the request ..." is cut off in the stored excerpt; the 2021 topic
 *     page says plainly that it normally cannot intervene if USCIS denied the
 *     expedite request, which is what the screener relies on.
 * Where two editions differ (the FAQ's 2021 "90-day policy" for receipt
 * delays, and the newer case-assistance page's "contacted USCIS in the last
 * 90 days and given it at least 60 days"), both are recorded: they are two
 * different rules and the screener uses each for its own case.
 *
 * The 2025 news of the office being shut down (FIELD-NOTES.md) means any of
 * this may change; `checked` dates every fact.
 */
import type { IsoDate } from '../shared/dates';

export type PolicySourceKind = 'official' | 'mirror' | 'third-party' | 'seed' | 'issue';

export interface PolicySource {
  kind: PolicySourceKind;
  /** Address of the stored copy that was read, or the seed file name. */
  where: string;
  /** What that copy says, in short (our words unless quoted). */
  note: string;
}

export interface PolicyFact {
  /** Plain English for maintainers. Not UI text: the UI speaks through messages. */
  statement: string;
  /** The number the rules use, when the fact is a number. */
  value?: number;
  unit?: 'days' | 'months';
  sources: readonly PolicySource[];
  /** The strongest kind of source found. */
  verified: PolicySourceKind;
  checked: IsoDate;
}

const CHECKED = '2026-11-25';

const FAQ = 'https://www.dhs.gov/cisombudsman-frequentlyaskedquestions';
const CASE_ASSISTANCE = 'https://www.dhs.gov/case-assistance';
const WEB_ALERTS = 'https://www.dhs.gov/cis-ombudsman-web-alerts';
const JURISDICTION = 'https://www.dhs.gov/cisomb-jurisdiction';
const TOPIC = 'https://www.dhs.gov/topic/cis-ombudsman';
const CHECKED_ADVICE = '2026-12-04';
const I290B_INSTRUCTIONS = 'https://omb.report/icr/200707-1615-034/doc/3552901';

/**
 * The numbers the screener's rules use, named for what they mean. Each one's
 * statement and sources are in OMBUDSMAN_POLICY below, under the same name.
 * The rules import only these numbers, so the statements and sources (for
 * maintainers and tests) stay out of the app's bundle.
 */
export const POLICY_NUMBERS = {
  uscisResolutionWaitDays: 60,
  lastUscisContactMaxDays: 90,
  receiptDelayDays: 90,
  receiptDelayUscisDays: 60,
  noPostedTimeMonths: 6,
  naturalizationDecisionDays: 120,
  sijDecisionDays: 180,
  appealMotionDays: 30,
  appealMotionMailedDays: 33,
} as const;

export const OMBUDSMAN_POLICY = {
  officeOfLastResort: {
    statement:
      'The Ombudsman is an office of last resort for case assistance and asks people to try to resolve the issue with USCIS first.',
    sources: [
      { kind: 'official', where: FAQ, note: '"The CIS Ombudsman is an office of last resort for case assistance, and we ask that you first attempt to resolve the issue with USCIS before submitting a request to our office."' },
      { kind: 'official', where: CASE_ASSISTANCE, note: 'Before you request assistance from us, seek help from USCIS first.' },
      { kind: 'seed', where: '001_d8d47a83d0bb2048.txt', note: 'First try the USCIS customer service options (contact center, case status online, appointment).' },
    ],
    verified: 'official',
    checked: CHECKED,
  },
  uscisContactSteps: {
    statement:
      'Before asking the Ombudsman: check the case status, then contact USCIS (online service request / e-Request, the Contact Center, an appointment).',
    sources: [
      { kind: 'official', where: CASE_ASSISTANCE, note: '1. Start by checking the status of your case. 2. Contact USCIS to try to resolve your issue.' },
      { kind: 'official', where: 'https://cisomb.dhs.gov/oca/form7001.aspx', note: 'Older form page: case status online, the National Customer Service Center, the e-Request tool, an InfoPass appointment.' },
    ],
    verified: 'official',
    checked: CHECKED,
  },
  uscisResolutionWaitDays: {
    statement: 'Give USCIS at least 60 days to resolve the problem after contacting it.',
    value: POLICY_NUMBERS.uscisResolutionWaitDays,
    unit: 'days',
    sources: [
      { kind: 'official', where: CASE_ASSISTANCE, note: '"you must have contacted USCIS in the last 90 days and given the agency at least 60 days to try to resolve your problem."' },
    ],
    verified: 'official',
    checked: CHECKED,
  },
  lastUscisContactMaxDays: {
    statement: 'The contact with USCIS should be within the last 90 days.',
    value: POLICY_NUMBERS.lastUscisContactMaxDays,
    unit: 'days',
    sources: [{ kind: 'official', where: CASE_ASSISTANCE, note: 'Same sentence as uscisResolutionWaitDays.' }],
    verified: 'official',
    checked: CHECKED,
  },
  receiptDelayDays: {
    statement:
      'For a receipt notice that never came: USCIS asks to be contacted after 60 days; the Ombudsman adopted a 90-day policy (from filing) to give USCIS more time.',
    value: POLICY_NUMBERS.receiptDelayDays,
    unit: 'days',
    sources: [
      { kind: 'official', where: FAQ, note: 'Older FAQ edition (2021): "USCIS\' most recent guidance is to contact them after 60 days ... We adopted the 90-day policy to give USCIS more time to respond to you."' },
      { kind: 'third-party', where: 'https://puyanglaw.com/2021/02/cis-ombudsman-provides-case-assistance-on-receipt-delays-biometrics-appointment-ead-delays/', note: 'Quotes the Ombudsman: more than 90 days since filing may submit; less than 90 days the request is closed.' },
    ],
    verified: 'official',
    checked: CHECKED,
  },
  receiptDelayUscisDays: {
    statement: 'For a missing receipt notice, contact USCIS after 60 days from filing.',
    value: POLICY_NUMBERS.receiptDelayUscisDays,
    unit: 'days',
    sources: [{ kind: 'official', where: FAQ, note: 'Same FAQ answer as receiptDelayDays.' }],
    verified: 'official',
    checked: CHECKED,
  },
  serviceRequestNumberIsProof: {
    statement:
      'A USCIS service request (SRMT) number is the usual proof that USCIS was contacted; mail delivery and tracking records help for receipt delays.',
    sources: [
      { kind: 'official', where: FAQ, note: 'Older FAQ edition: "Proof needed ... can be an Service Request Management Tool (SRMT) number."' },
      { kind: 'third-party', where: 'https://www.cliniclegal.org/resources/uscis-policy-and-procedure/tips-elevating-cases-cis-ombudsmans-office', note: 'Note the call date and time, the officer\'s name or ID, and the service request number.' },
    ],
    verified: 'official',
    checked: CHECKED,
  },
  caseInquiryDate: {
    statement:
      'If the only concern is that the case is slow, the Ombudsman generally cannot help before the USCIS case inquiry date.',
    sources: [
      { kind: 'official', where: WEB_ALERTS, note: '"we generally cannot help if it is before your USCIS case inquiry date."' },
      { kind: 'official', where: TOPIC, note: '2021 edition: "We normally cannot intervene ... if your case is still within processing times".' },
    ],
    verified: 'official',
    checked: CHECKED,
  },
  processingTimeMeaning: {
    statement:
      'USCIS\'s "processing time" is how long it took to complete 80% of cases in the past six months; the "inquiry date" says when an inquiry may be made.',
    sources: [{ kind: 'official', where: WEB_ALERTS, note: 'Explains the two time frames on USCIS\'s Check Case Processing Times page.' }],
    verified: 'official',
    checked: CHECKED,
  },
  caseInquiryDateIsUpperEnd: {
    statement: 'Where USCIS shows a range, its "receipt date for a case inquiry" is the upper end of the range converted to a date.',
    sources: [
      { kind: 'third-party', where: 'https://greencardpetitions.com/more-info', note: 'Copy of USCIS\'s processing-times "More Info" text: "The \'Receipt date for a case inquiry\' is the upper end of the range (converted to a date)."' },
    ],
    verified: 'third-party',
    checked: CHECKED,
  },
  noPostedTimeMonths: {
    statement:
      'If USCIS posts no processing time for the form, a case pending more than six months from the receipt date may be asked about.',
    value: POLICY_NUMBERS.noPostedTimeMonths,
    unit: 'months',
    sources: [
      { kind: 'official', where: WEB_ALERTS, note: '"If you cannot find your form in the drop-down menu and your form has been pending for more than six months from your receipt date, then you can submit a case inquiry to USCIS."' },
      { kind: 'third-party', where: 'https://rjimmigrationlaw.com/us-citizenship-and-immigration-services-ombudsman-request/', note: 'Restates: no processing time listed and pending more than 6 months.' },
    ],
    verified: 'official',
    checked: CHECKED,
  },
  expediteDenied: {
    statement: 'The Ombudsman normally cannot intervene if USCIS denied the expedite request; only USCIS approves or denies expedites.',
    sources: [
      { kind: 'official', where: TOPIC, note: '2021 edition: "We normally cannot intervene with USCIS on your behalf ... if USCIS has denied your expedite request."' },
      { kind: 'official', where: CASE_ASSISTANCE, note: '"only USCIS can approve or deny pending applications or petitions, including expedite requests"; an older edition: "We will not expedite cases if USCIS has already denied the request ..." (excerpt cut off).' },
    ],
    verified: 'official',
    checked: CHECKED,
  },
  emergencyUnderExpediteCriteria: {
    statement: 'It may help with an emergency or hardship that falls under USCIS expedite criteria.',
    sources: [{ kind: 'official', where: CASE_ASSISTANCE, note: 'Older edition: "You are facing an emergency or a hardship that falls under USCIS expedite criteria."' }],
    verified: 'official',
    checked: CHECKED,
  },
  deadlinesNotExtended: {
    statement:
      'Asking the Ombudsman does not extend any USCIS deadline (answer a request for evidence on time; file an appeal or motion by its deadline) and does not replace an appeal or motion.',
    sources: [
      { kind: 'mirror', where: 'https://somyel.pics/article/frequently-asked-questions-homeland-security', note: `Copy of ${FAQ}: "does not protect your appeal and motion rights or extend any USCIS deadlines you may face".` },
      { kind: 'mirror', where: 'https://bcbudgetdev.com/article/how-to-submit-a-case-assistance-request-homeland-security/3681', note: `Copy of ${CASE_ASSISTANCE}: "does not replace USCIS' appeal or motion process. It also does not extend any USCIS deadlines you may face."` },
      { kind: 'issue', where: 'issue 4', note: 'Say so plainly on every "may help" outcome.' },
    ],
    verified: 'mirror',
    checked: CHECKED,
  },
  jurisdictionUscisOnly: {
    statement:
      'Its authority covers USCIS only: not CBP, ICE, the State Department, the immigration courts (EOIR) or the Department of Labor.',
    sources: [
      { kind: 'official', where: JURISDICTION, note: 'Lists CBP, ICE, DOS, EOIR and DOL as outside its authority.' },
      { kind: 'seed', where: '001_d8d47a83d0bb2048.txt', note: 'Not able to help with an issue that does not involve USCIS.' },
    ],
    verified: 'official',
    checked: CHECKED,
  },
  removalProceedingsWithUscisCase: {
    statement:
      'It may help someone in removal proceedings before an immigration court who has a USCIS application or petition pending that may bear on the court case.',
    sources: [{ kind: 'official', where: JURISDICTION, note: 'Listed among the substantive matters it helps with.' }],
    verified: 'official',
    checked: CHECKED,
  },
  detentionConditionsOido: {
    statement:
      'Complaints about conditions of immigration detention go to the Office of the Immigration Detention Ombudsman, a separate DHS office.',
    sources: [{ kind: 'seed', where: '000_e8b9f131701728df.txt', note: 'Listening session introducing OIDO (2021).' }],
    verified: 'seed',
    checked: CHECKED,
  },
  canHelpExamples: {
    statement:
      'Examples it lists: notices, decisions or cards never received; typographic errors on documents; applications clearly wrongly rejected; lost files or file transfers; age-out cases; certain military cases; approved cases not yet sent to the State Department.',
    sources: [
      { kind: 'official', where: CASE_ASSISTANCE, note: 'Non-receipt of notices or decisions; age-out; military personnel and families; improper rejections for clear errors of fact or obvious misapplication of law (excerpt cut off after these).' },
      { kind: 'official', where: JURISDICTION, note: 'Typographic errors; lost files and file transfers; non-delivery of notices and cards; age-out; improperly rejected applications.' },
      { kind: 'third-party', where: 'https://agenteusa.com/tips-guidance/how-to-request-cis-ombudsmans-individual-case-assistance', note: 'Quotes the dhs.gov list including "Approval notification delays to the Department of State" and "Expedites approved more than two months ago".' },
    ],
    verified: 'official',
    checked: CHECKED,
  },
  statutoryTimeLimits: {
    statement:
      'Within posted processing times the Ombudsman normally cannot intervene, unless a time limit is set by statute or regulation (for example Forms I-360 and N-400).',
    sources: [
      { kind: 'third-party', where: 'https://rjimmigrationlaw.com/resources/how-do-i-request-cis-ombudsman-support/', note: 'Restates the dhs.gov list: "within posted processing times unless there is a statutory or regulatory processing time requirement such as Form I-360 and Form N-400".' },
      { kind: 'third-party', where: 'https://agenteusa.com/tips-guidance/how-to-request-cis-ombudsmans-individual-case-assistance', note: 'Same exception, quoting www.dhs.gov/case-assistance.' },
      { kind: 'official', where: WEB_ALERTS, note: '"See the Special Situations bullet below for exceptions" (the bullet itself is cut off in the stored excerpt).' },
    ],
    verified: 'third-party',
    checked: CHECKED_ADVICE,
  },
  naturalizationDecisionDays: {
    statement: 'USCIS must decide a naturalization application within 120 days after the interview (8 U.S.C. 1447(b); 8 CFR 335.3(a)).',
    value: POLICY_NUMBERS.naturalizationDecisionDays,
    unit: 'days',
    sources: [
      { kind: 'official', where: 'http://www.uscis.gov/policymanual/Print/PolicyManual-Volume12-PartB-Chapter4.html', note: 'USCIS Policy Manual, Vol. 12, Part B, Ch. 4: "USCIS has 120 days from the date of the initial naturalization interview to issue a decision."' },
      { kind: 'third-party', where: 'https://millerlawdc.com/writ-of-mandamus-used-to-force-adjudication-of-n-400-citizenship-application', note: 'Quotes 8 U.S.C. 1447(b): "before the end of the 120-day period after the date on which the examination is conducted".' },
    ],
    verified: 'official',
    checked: CHECKED_ADVICE,
  },
  sijDecisionDays: {
    statement:
      'USCIS decides a Special Immigrant Juvenile petition within 180 days of the receipt date (TVPRA 2008, sec. 235(d)(2)). The clock stops while USCIS waits for evidence it asked for; the screener does not ask about that, the Ombudsman checks.',
    value: POLICY_NUMBERS.sijDecisionDays,
    unit: 'days',
    sources: [
      { kind: 'official', where: 'https://www.uscis.gov/policy-manual/volume-6-part-j-chapter-4', note: 'USCIS Policy Manual, Vol. 6, Part J, Ch. 4 ("Expeditious Adjudication"): 180 days from the Form I-797 receipt date; initial adjudication only.' },
      { kind: 'issue', where: 'issue 16', note: 'Names Special Immigrant Juvenile petitions, 180 days.' },
    ],
    verified: 'official',
    checked: CHECKED_ADVICE,
  },
  appealMotionDays: {
    statement:
      'An appeal or motion on Form I-290B must usually be filed within 30 days after the decision is served (15 for a revoked immigrant petition), and asking the Ombudsman does not stop that clock.',
    value: POLICY_NUMBERS.appealMotionDays,
    unit: 'days',
    sources: [
      { kind: 'official', where: I290B_INSTRUCTIONS, note: 'USCIS Form I-290B instructions (2007 edition, OMB 1615-0095): "within 30 calendar days after service of the decision. If the decision is mailed, ... within 33 days."' },
      { kind: 'official', where: 'https://omb.report/icr/201309-1615-002/doc/42265801', note: 'USCIS table of changes to the I-290B instructions (2013): same 30/33 and 15/18 days; "Late filed appeals and motions may be rejected".' },
    ],
    verified: 'official',
    checked: CHECKED_ADVICE,
  },
  appealMotionMailedDays: {
    statement: 'When the decision was mailed, the appeal or motion deadline is 33 days (three days added for mail).',
    value: POLICY_NUMBERS.appealMotionMailedDays,
    unit: 'days',
    sources: [{ kind: 'official', where: I290B_INSTRUCTIONS, note: 'Same instructions as appealMotionDays.' }],
    verified: 'official',
    checked: CHECKED_ADVICE,
  },
  contactAfterProcessingTime: {
    statement:
      'For a slow case, the USCIS contact that counts is one made once the case is outside the normal processing time (after the case inquiry date).',
    sources: [
      { kind: 'official', where: WEB_ALERTS, note: '"first check when USCIS will accept a case inquiry. You must try to resolve your issue with USCIS first before asking for our help."' },
      { kind: 'issue', where: 'issue 16', note: 'The USCIS contact that counts must have happened after the case went past the normal processing time.' },
    ],
    verified: 'official',
    checked: CHECKED_ADVICE,
  },
  recordsRequestNotCaseAssistance: {
    statement:
      'A request for a copy of one\'s records is a FOIA / Privacy Act request to USCIS, not case assistance; the Office of Government Information Services (National Archives) mediates FOIA disputes.',
    sources: [
      { kind: 'official', where: 'https://www.uscis.gov/records/request-records-through-the-freedom-of-information-act-or-privacy-act', note: 'How to request immigration records from USCIS (online FOIA request).' },
      { kind: 'official', where: 'https://webarchive.library.unt.edu/web/20130214133749/https://ogis.archives.gov/about-ogis/ogis-procedures.htm', note: 'OGIS is the FOIA Ombudsman: mediation between requesters and agencies (5 U.S.C. 552(h)); archived 2013 copy.' },
      { kind: 'issue', where: 'issue 16', note: 'Send the person to USCIS\'s FOIA office and OGIS.' },
    ],
    verified: 'official',
    checked: CHECKED_ADVICE,
  },
} as const satisfies Record<string, PolicyFact>;

export type PolicyFactId = keyof typeof OMBUDSMAN_POLICY;
