/**
 * The single source of contact facts: phone and fax numbers, e-mail and
 * postal addresses, web addresses and form numbers. The guide and messages
 * never type them; they carry `{{fact:<id>}}` placeholders that the views
 * replace through the fact book (fact-book.ts), so no translation can
 * drift from another and one edit here corrects every language.
 *
 * Every fact names its source (a seed document under ../shared/seeds/ or a
 * public page read through the project's stored-pages search) and the day
 * it was last checked.
 *
 * Which edition: the seed brochure exists in two editions that disagree.
 * The English edition (seed 001) gives Mail Stop 1225 and
 * cisombudsman@dhs.gov; the Simplified Chinese edition (seed 002) is newer
 * and gives Mail Stop 0180 and cisombudsman@hq.dhs.gov. We follow the newer
 * edition, and the Ombudsman's own pages agree with it: its "About" page
 * (stored copy, 2016) lists Mail Stop 0180, and its case-assistance page
 * (www.dhs.gov/case-assistance) gives cisombudsman@hq.dhs.gov as the
 * address to write to. See FACTS_EDITION.
 *
 * Deployments: 2025 news reported that the Ombudsman's office was shut down
 * and its staff placed on administrative leave (noted in
 * ../shared/FIELD-NOTES.md). Contacts may change or stop working without
 * notice, so the office running the app can override any contact fact
 * through /config.json, each override with its own source and date
 * (fact-book.ts); views read facts only through that book.
 */

export type FactKind = 'phone' | 'fax' | 'email' | 'url' | 'address' | 'form' | 'hours';

export interface Fact {
  kind: FactKind;
  /**
   * Phones as printed; e-mail as is; web addresses with https://; postal
   * addresses with one line per `\n` (render with `white-space: pre-line`);
   * hours in 24-hour digits so they read the same in every language.
   */
  value: string;
  /** Only for forms: where the form can be filled in or read. */
  href?: string;
  /** Seed edition or public page the value was read from. */
  source: string;
  /** ISO date (YYYY-MM-DD) the value was last checked against its source. */
  checked: string;
}

const CHECKED = '2026-11-25';
/** Facts added for the advice rework (appeal form, records requests). */
const CHECKED_ADVICE = '2026-12-04';

const SEED_002 = 'seed 002 (CIS Ombudsman brochure, Simplified Chinese, newer edition), "联系方式" and step 3';
const SEED_001_AND_002 = 'seeds 001 (English brochure) and 002 (Simplified Chinese brochure), which agree';
const SEED_004 = 'seed 004 (USCIS Customer Service and Public Engagement Directorate page, updated 2012-07-18)';
const PAGES = 'stored copy of';

export const FACTS = {
  // ---- CIS Ombudsman ----
  ombudsmanPhone: {
    kind: 'phone',
    value: '202-357-8100',
    source: `${SEED_001_AND_002}; also ${PAGES} https://www.dhs.gov/about-citizenship-and-immigration-services-ombudsman (2016)`,
    checked: CHECKED,
  },
  ombudsmanPhoneTollFree: {
    kind: 'phone',
    value: '1-855-882-8100',
    source: `${SEED_001_AND_002}; "toll free" per ${PAGES} the Ombudsman's About page (2016)`,
    checked: CHECKED,
  },
  ombudsmanFax: {
    kind: 'fax',
    value: '202-357-0042',
    source: SEED_001_AND_002,
    checked: CHECKED,
  },
  ombudsmanEmail: {
    kind: 'email',
    // Seed 001 (older) says cisombudsman@dhs.gov; see the header comment.
    value: 'cisombudsman@hq.dhs.gov',
    source: `${SEED_002}; confirmed by ${PAGES} https://www.dhs.gov/case-assistance`,
    checked: CHECKED,
  },
  ombudsmanPolicyEmail: {
    kind: 'email',
    value: 'CISOmbudsman.Policy@hq.dhs.gov',
    source: `${PAGES} https://www.dhs.gov/recommendations ("Contacting Our Policy Division")`,
    checked: CHECKED,
  },
  ombudsmanMailAddress: {
    kind: 'address',
    // Seed 001 (older) says Mail Stop 1225; see the header comment.
    value: [
      'Citizenship and Immigration Services Ombudsman',
      'Department of Homeland Security',
      'Mail Stop 0180',
      'Washington, D.C. 20528',
    ].join('\n'),
    source: `${SEED_002} (contact block); Mail Stop 0180 also in ${PAGES} the Ombudsman's About page (2016)`,
    checked: CHECKED,
  },
  ombudsmanCaseMailAddress: {
    kind: 'address',
    value: [
      'Department of Homeland Security',
      'Citizenship and Immigration Services Ombudsman',
      'Attention: Case Assistance',
      'Mail Stop 0180',
      'Washington, D.C. 20528',
    ].join('\n'),
    source: `${SEED_002} (step 3, "邮寄")`,
    checked: CHECKED,
  },
  ombudsmanWebsite: {
    kind: 'url',
    // The brochures print www.dhs.gov/cisombudsman; this is the page it leads to.
    value: 'https://www.dhs.gov/topic/cis-ombudsman',
    source: `${PAGES} https://www.dhs.gov/topic/cis-ombudsman; brochures (seeds 001, 002) print www.dhs.gov/cisombudsman`,
    checked: CHECKED,
  },
  ombudsmanCaseAssistanceUrl: {
    kind: 'url',
    value: 'https://www.dhs.gov/case-assistance',
    source: `${PAGES} https://www.dhs.gov/case-assistance ("How to Submit a Case Assistance Request")`,
    checked: CHECKED,
  },
  ombudsmanOnlineFormUrl: {
    kind: 'url',
    value: 'https://www.dhs.gov/topic/cis-ombudsman/forms/7001',
    source: `${PAGES} https://www.dhs.gov/topic/cis-ombudsman/forms/7001 ("Submit DHS Form 7001 Online")`,
    checked: CHECKED,
  },
  ombudsmanRecommendationsUrl: {
    kind: 'url',
    value: 'https://www.dhs.gov/recommendations',
    source: `${PAGES} https://dhs.gov/recommendations (annual report by June 30, formal recommendations)`,
    checked: CHECKED,
  },

  // ---- Forms ----
  formDhs7001: {
    kind: 'form',
    value: 'DHS-7001',
    href: 'https://www.dhs.gov/topic/cis-ombudsman/forms/7001',
    source: `${SEED_001_AND_002} ("Form DHS-7001 (Case Assistance Form)"); online form at ${PAGES} https://www.dhs.gov/topic/cis-ombudsman/forms/7001`,
    checked: CHECKED,
  },
  formI290b: {
    kind: 'form',
    // Notice of Appeal or Motion: the screener's appeal-deadline warning names it.
    value: 'I-290B',
    href: 'https://www.uscis.gov/i-290b',
    source: `${PAGES} the USCIS Form I-290B instructions (OMB 1615-0095; 2007 and 2013 editions at omb.report), which point to www.uscis.gov/i-290b`,
    checked: CHECKED_ADVICE,
  },
  formG28: {
    kind: 'form',
    value: 'G-28',
    source: `${PAGES} https://www.dhs.gov/case-assistance (attorneys and accredited representatives include a copy of Form G-28)`,
    checked: CHECKED,
  },

  // ---- USCIS ----
  // The Contact Center answers with an automated system (English and
  // Spanish, 24 hours a day, 7 days a week: case status, forms, processing
  // times and more); a caller may ask for a representative (Tier 1: service
  // requests, address changes), who sends unique or complex cases to an
  // Immigration Services Officer (Tier 2). Source: seed 004. The guide says
  // this in words; only the number and hours are facts here.
  uscisContactCenterPhone: {
    kind: 'phone',
    value: '1-800-375-5283',
    source: `${SEED_004} ("800-375-5283") and seeds 001, 002 ("1-800-375-5283")`,
    checked: CHECKED,
  },
  uscisContactCenterTty: {
    kind: 'phone',
    value: '1-800-767-1833',
    source: `${PAGES} USCIS Policy Manual, Vol. 1, Part A, Chapter 3 (https://uscis.gov/node/69043)`,
    checked: CHECKED,
  },
  uscisContactCenterUrl: {
    kind: 'url',
    value: 'https://www.uscis.gov/contactcenter',
    source: `${PAGES} the USCIS "My Appointment" request screens (OMB 1615-0113), which link to it`,
    checked: CHECKED,
  },
  uscisLiveHours: {
    kind: 'hours',
    // Seed 004 (2012) said 8am-8pm "in each time zone"; USCIS now states
    // Eastern time, weekdays, except federal holidays. The guide says the
    // weekday and time-zone words in each language around this value.
    value: '08:00–20:00',
    source: `${PAGES} the USCIS "Contact Us" page ("Monday through Friday from 8 a.m. to 8 p.m. Eastern, except on federal holidays"); ${SEED_004} for Tier 1 live assistance`,
    checked: CHECKED,
  },
  uscisWebsite: {
    kind: 'url',
    value: 'https://www.uscis.gov',
    source: `${SEED_001_AND_002} (www.uscis.gov)`,
    checked: CHECKED,
  },
  uscisCaseStatusUrl: {
    kind: 'url',
    value: 'https://egov.uscis.gov/',
    source: `seeds 001, 002 ("My Case Status Online at www.uscis.gov"); tool address from stored pages describing USCIS Case Status Online (egov.uscis.gov)`,
    checked: CHECKED,
  },
  uscisProcessingTimesUrl: {
    kind: 'url',
    value: 'https://egov.uscis.gov/processing-times/',
    source: `seeds 001, 002 (processing times "at www.uscis.gov"); ${PAGES} the USCIS "Check Case Processing Times" page and a GitHub issue quoting https://egov.uscis.gov/processing-times/`,
    checked: CHECKED,
  },
  uscisOnlineAccountUrl: {
    kind: 'url',
    value: 'https://www.uscis.gov/file-online/how-create-a-uscis-online-account',
    source: `${PAGES} https://www.uscis.gov/file-online/how-create-a-uscis-online-account`,
    checked: CHECKED,
  },
  uscisAppointmentUrl: {
    kind: 'url',
    // Replaces the seeds' INFOPASS link (infopass.uscis.gov): USCIS ended
    // online self-scheduling in 2019. USCIS now allows no walk-ins; people in
    // the U.S. request an appointment here for a few services (ADIT stamp,
    // emergency advance parole, immigration judge grant, other) and
    // otherwise "call the USCIS Contact Center to request an appointment".
    value: 'https://my.uscis.gov/appointment/v2',
    source: `${PAGES} https://my.uscis.gov/appointment/v2 ("My Appointment") and the USCIS Policy Manual, Vol. 1, Part A, Chapter 3; InfoPass end reported by stored Nolo article (2019)`,
    checked: CHECKED,
  },

  uscisFoiaUrl: {
    kind: 'url',
    // Copies of one's own immigration records: a FOIA / Privacy Act request, not case assistance.
    value: 'https://www.uscis.gov/records/request-records-through-the-freedom-of-information-act-or-privacy-act',
    source: `${PAGES} https://www.uscis.gov/records/request-records-through-the-freedom-of-information-act-or-privacy-act`,
    checked: CHECKED_ADVICE,
  },

  // ---- Elsewhere ----
  ogisWebsite: {
    kind: 'url',
    // The FOIA Ombudsman (National Archives): mediates when a FOIA request goes wrong.
    value: 'https://www.archives.gov/ogis',
    source: `${PAGES} the OGIS procedures page (ogis.archives.gov, archived 2013); the office is part of the National Archives, whose site now hosts it at www.archives.gov/ogis`,
    checked: CHECKED_ADVICE,
  },
  oidoWebsite: {
    kind: 'url',
    value: 'https://www.dhs.gov/requesting-assistance-oido',
    source: `seed 000 (OIDO is a separate office for conditions of immigration detention); ${PAGES} https://www.dhs.gov/requesting-assistance-oido`,
    checked: CHECKED,
  },
  stateDeptVisaUrl: {
    kind: 'url',
    // Visas at U.S. embassies and consulates are the State Department's, not USCIS's.
    value: 'https://travel.state.gov/content/travel/en/us-visas.html',
    source: `${PAGES} https://travel.state.gov/content/travel/en/us-visas.html ("U.S. Visas", U.S. Department of State)`,
    checked: CHECKED,
  },
  eoirWebsite: {
    kind: 'url',
    // Immigration courts and the Board of Immigration Appeals (Department of Justice).
    value: 'https://www.justice.gov/eoir',
    source: `${PAGES} the Executive Office for Immigration Review home page (www.justice.gov/eoir, formerly www.usdoj.gov/eoir)`,
    checked: CHECKED,
  },
  cbpWebsite: {
    kind: 'url',
    // The travel section, where entry at ports, airports and land borders is explained.
    value: 'https://www.cbp.gov/travel',
    source: `${PAGES} https://cbp.gov/Travel (U.S. Customs and Border Protection, "Travel", last modified 2024-11-07)`,
    checked: CHECKED,
  },
  legalProBonoListUrl: {
    kind: 'url',
    value: 'https://www.justice.gov/eoir/list-pro-bono-legal-service-providers',
    source: `${PAGES} http://justice.gov/eoir/list-pro-bono-legal-service-providers (EOIR List of Pro Bono Legal Service Providers)`,
    checked: CHECKED,
  },
  legalRecognizedOrgsUrl: {
    kind: 'url',
    value: 'https://www.justice.gov/eoir/recognition-and-accreditation-program',
    source: `${PAGES} https://www.justice.gov/eoir/recognition-and-accreditation-program (links to the rosters of recognized organizations and accredited representatives)`,
    checked: CHECKED,
  },
  legalFindServicesUrl: {
    kind: 'url',
    value: 'https://www.uscis.gov/avoid-scams/find-legal-services',
    source: `${PAGES} https://www.uscis.gov/avoid-scams/find-legal-services`,
    checked: CHECKED,
  },
} as const satisfies Record<string, Fact>;

export type FactId = keyof typeof FACTS;

/** The latest day any fact was compared with its source. */
const LATEST_CHECK = Object.values(FACTS as Record<string, Fact>).reduce((latest, f) => (f.checked > latest ? f.checked : latest), CHECKED);

/**
 * Shown by the UI (guide, settings "About", print view): when the facts
 * were compared, the dates of the sources they were compared with (stored
 * copies and seed documents, not live pages), and which brochure edition
 * wins where the two disagree (`editionMessage`, translated).
 */
export const FACTS_EDITION = {
  edition: 'CIS Ombudsman brochure, seed 002 (Simplified Chinese, newer edition)',
  checked: LATEST_CHECK,
  /**
   * Years of the sources compared: seed 004 (2012) is the oldest dated one,
   * the CBP travel page (2024) the newest.
   */
  sourcesFrom: '2012',
  sourcesTo: '2024',
  /** Message id of the translated edition note. */
  editionMessage: 'facts.editionNote',
  note:
    'The two brochure editions disagree. The older English edition (seed 001) gives Mail Stop 1225 and ' +
    'cisombudsman@dhs.gov; the newer edition (seed 002) gives Mail Stop 0180 and cisombudsman@hq.dhs.gov. ' +
    "We use the newer edition, which the Ombudsman's own web pages also show. Contacts may change: " +
    "the Ombudsman's website is authoritative.",
} as const;

export function isFactId(id: string): id is FactId {
  return Object.prototype.hasOwnProperty.call(FACTS, id);
}
