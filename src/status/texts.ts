/**
 * Message ids for the office's states and reason codes. A code this version
 * has no words for (a newer server's) reads as "other" rather than as a raw
 * code; tests/unit/status-texts.test.ts checks every known one in every language.
 */
import { CLOSE_REASONS, INFO_REASONS, REFERRAL_REASONS, REVIEW_STATES } from './contract';

const known = (list: readonly string[], code: string) => (list.includes(code) ? code : 'other');

export const stateLabelId = (state: string) => `status.state.${known(REVIEW_STATES, state)}`;
export const infoReasonId = (code: string) => `status.info.${known(INFO_REASONS, code)}`;
export const closeReasonId = (code: string) => `status.close.${known(CLOSE_REASONS, code)}`;
export const referralId = (code: string) => `status.referral.${known(REFERRAL_REASONS, code)}`;
