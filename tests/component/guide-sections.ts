import { expect } from 'vitest';
import { waitFor } from '@testing-library/preact';
import { GUIDE_SECTION_IDS } from '../unit/guide-sections';

/** The guide's sections go into the page one per frame after the first (GuideSections): waits until all are in. */
export function allSectionsIn(root: ParentNode = document): Promise<void> {
  return waitFor(() => expect(root.querySelectorAll('section.guide-section')).toHaveLength(GUIDE_SECTION_IDS.length));
}
