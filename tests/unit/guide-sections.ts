/**
 * The English guide's sections, in order: the unit test pins guide.md to
 * this list, and the component and browser tests expect the view to show
 * exactly these, so all three agree on one list.
 */
export const GUIDE_SECTION_IDS: readonly string[] = [
  'what-it-is',
  'when-we-can-help',
  'when-we-cannot-help',
  'first-try-uscis',
  'how-to-ask',
  'after-you-ask',
  'your-voice',
  'contact-and-privacy',
];
