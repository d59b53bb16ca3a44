/**
 * A realistic full request, as a volunteer fills it in with a neighbour:
 * every section answered, two receipt numbers, two earlier contacts with
 * USCIS, and a story told in the person's words. About 5 KB of fields as a
 * draft — the size the autosave and intake benches write.
 *
 * Used in Node (server bench, form filling) and bundled into the page
 * (storage and sync benches), so it imports nothing.
 */

const STORY = [
  'I filed my application to adjust status in March 2021 together with my husband.',
  'He received his green card in 2022, but my case has stayed "Case Is Being Actively Reviewed" since then.',
  'I went to my biometrics appointment at the Application Support Center on April 20, 2021 and gave my fingerprints again in 2023 when USCIS sent a second notice.',
  'I answered a Request for Evidence in August 2023 and sent the medical exam, Form I-693, in a sealed envelope with the tracking number shown on the receipt.',
  'I called the USCIS Contact Center three times. Each time they said to wait, and the last time they opened a service request.',
  'The service request answer said my case was outside normal processing times and that the office would contact me, but nobody did.',
  'My employment authorization card expires in two months and my employer says I cannot keep working without a new card.',
  'I also moved in January 2024 and changed my address online the same week, but I am worried that a notice went to the old address.',
  'We have two children in school here, and I am the one who drives them and works the evening shift at the clinic.',
];

/** A long answer in plain words, repeated to the length people actually type. */
function story(chars: number): string {
  let text = '';
  for (let i = 0; text.length < chars; i++) text += (text ? ' ' : '') + STORY[i % STORY.length];
  return text.slice(0, chars);
}

/**
 * The request form (src/requests/form-model.ts RequestForm) of a full
 * request, as the editor holds and autosaves it. `consentDate` is what the
 * form fills in when the person signs.
 */
export function fullForm(variant = 0, consentDate = '') {
  return {
    filler: 'helper',
    person: {
      familyName: 'Nguyễn',
      givenName: 'Thị Lan',
      middleName: 'Minh',
      otherNames: ['Lan Nguyen', 'Nguyen Thi Lan'],
      dateOfBirth: '1984-02-29',
      countryOfBirth: 'VN',
      citizenship: 'VN',
      aNumber: 'A123-456-789',
      uscisAccountNumber: '1234 5678 9012',
      address: {
        kind: 'us',
        inCareOf: 'Tran Van Binh',
        line1: '4512 Maple Avenue',
        line2: 'Apt 3B',
        city: 'Houston',
        state: 'TX',
        zip: '77036',
        province: '',
        postalCode: '',
        country: '',
      },
      phone: '(713) 555-0148',
      email: 'lan.nguyen@example.com',
      preferredLanguage: 'vi',
    },
    submitter: {
      relationship: 'faith_volunteer',
      relationshipOther: '',
      name: 'Mary Jones',
      organization: 'St. Anne Parish Immigrant Ministry',
      phone: '(713) 555-0190',
      email: 'mary.jones@example.org',
      g28OnFile: false,
    },
    case: {
      formTypes: ['I-485', 'I-765'],
      receiptNumbers: ['MSC2190123456', 'MSC2190123457'],
      dateFiled: '2021-03-01',
      office: 'National Benefits Center',
      problemKinds: ['past-processing-time', 'processing-mistake'],
      // The variant changes the text the way typing does, keeping the size.
      whatHappened: story(3200 - String(variant).length) + String(variant),
      helpWanted: story(900),
      priorAttempts: [
        { channel: 'contact_center', date: '2024-11-02', serviceRequestNumber: 'SRMT-123-456789' },
        { channel: 'e_request', date: '2025-01-10', serviceRequestNumber: '' },
      ],
    },
    consent: {
      agreed: true,
      shareWithSubmitter: true,
      signatureKind: 'typed',
      typedName: 'Nguyễn Thị Lan',
      drawnPng: '',
      date: consentDate,
    },
  };
}

/**
 * The wire request (CaseRequest) for the same person: what the device seals
 * and PUTs. `today` is the consent date and the device clock's day.
 */
export function fullRequest(id: string, today: string, variant = 0): Record<string, unknown> {
  const f = fullForm(variant, today);
  const { province: _p, postalCode: _c, country: _k, ...address } = f.person.address;
  const { relationshipOther: _r, ...submitter } = f.submitter;
  const now = `${today}T12:00:00.000Z`;
  return {
    id,
    schemaVersion: 1,
    locale: 'vi',
    person: { ...f.person, address },
    submitter,
    case: {
      ...f.case,
      priorAttempts: f.case.priorAttempts.map((a) => (a.serviceRequestNumber ? a : { channel: a.channel, date: a.date })),
    },
    consent: {
      agreed: true,
      shareWithSubmitter: true,
      signedBy: 'person',
      signature: { kind: 'typed', name: f.consent.typedName },
      date: today,
    },
    attachments: [],
    createdAt: now,
    submittedAt: now,
  };
}
