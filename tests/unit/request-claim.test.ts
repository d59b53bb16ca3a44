import { describe, expect, it } from 'vitest';
import { claimDerives, isClaimFormat, isClaimedId, newClaim, wireIdFor } from '../../src/shared/request-claim';
import { validateRequest, validateWireRequest } from '../../src/shared/request-schema';
import { checkUuid } from '../../src/shared/fields';
import { request } from './intake-helpers';

const TODAY = '2025-06-15';
const LEGACY_ID = '3f1e2d4c-5b6a-4789-8abc-def012345678';

describe('wire ids from claims', () => {
  it('match fixed vectors: SHA-256 of the claim bytes, first 16 bytes, version 8, variant 10', async () => {
    // SHA-256(32 zero bytes) = 66687aadf862bd77 6c8fc18b8e9f8e20…: both the version and the variant bits change.
    expect(await wireIdFor('A'.repeat(43))).toBe('66687aad-f862-8d77-ac8f-c18b8e9f8e20');
    // Bytes 0x00…0x1f: SHA-256 = 630dcd2966c43366 91125448bbb25b4f…
    expect(await wireIdFor('AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8')).toBe('630dcd29-66c4-8366-9112-5448bbb25b4f');
    // 32 bytes of 0xff: SHA-256 = af9613760f72635f bdb44a5a0a63c39f…
    expect(await wireIdFor(`${'_'.repeat(42)}8`)).toBe('af961376-0f72-835f-bdb4-4a5a0a63c39f');
  });

  it('are fresh per claim, version 8, and pass the contract’s UUID check', async () => {
    const claims = new Set(Array.from({ length: 50 }, newClaim));
    expect(claims.size).toBe(50);
    for (const claim of claims) {
      expect(claim).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const id = await wireIdFor(claim);
      expect(isClaimedId(id)).toBe(true);
      expect(checkUuid(id).ok).toBe(true);
      expect(await claimDerives(claim, id)).toBe(true);
    }
  });

  it('tell claimed ids from the ones made before claims', () => {
    expect(isClaimedId('66687aad-f862-8d77-ac8f-c18b8e9f8e20')).toBe(true);
    expect(isClaimedId(LEGACY_ID)).toBe(false);
    expect(isClaimedId(crypto.randomUUID())).toBe(false);
    expect(isClaimedId('66687aad-f862-8d77-2c8f-c18b8e9f8e20')).toBe(false); // variant not 10
    expect(isClaimedId(42)).toBe(false);
  });

  it('refuse anything not shaped like a claim, and a claim for another id', async () => {
    for (const bad of ['', 'A'.repeat(42), 'A'.repeat(44), `${'A'.repeat(42)}B`, `${'A'.repeat(42)}=`, `${'A'.repeat(42)}+`, 7, undefined]) {
      expect(isClaimFormat(bad), String(bad)).toBe(false);
      expect(await claimDerives(bad, '66687aad-f862-8d77-ac8f-c18b8e9f8e20')).toBe(false);
    }
    await expect(wireIdFor('A'.repeat(42))).rejects.toThrow(TypeError);
    expect(await claimDerives(newClaim(), '66687aad-f862-8d77-ac8f-c18b8e9f8e20')).toBe(false);
    // A claim never derives a legacy id, whatever it hashes to.
    expect(await claimDerives('A'.repeat(43), LEGACY_ID)).toBe(false);
  });
});

describe('the schema’s claim rule', () => {
  it('accepts a version-8 id with the claim that derives it', async () => {
    const claim = newClaim();
    const id = await wireIdFor(claim);
    const result = await validateWireRequest(request(id, [], { claim }), TODAY);
    expect(result).toMatchObject({ ok: true, value: { id, claim } });
  });

  it('refuses a version-8 id without a claim, with a malformed one, or with someone else’s', async () => {
    const id = await wireIdFor(newClaim());
    const mismatch = { ok: false, issues: [{ code: 'claim.mismatch', path: 'id' }] };
    expect(await validateWireRequest(request(id), TODAY)).toEqual(mismatch);
    expect(validateRequest(request(id), TODAY)).toEqual(mismatch);
    expect(await validateWireRequest(request(id, [], { claim: 'not a claim' }), TODAY)).toEqual(mismatch);
    // Well shaped but not this id's: only the hash can tell, so the synchronous check lets it through.
    const other = newClaim();
    expect(validateRequest(request(id, [], { claim: other }), TODAY).ok).toBe(true);
    expect(await validateWireRequest(request(id, [], { claim: other }), TODAY)).toEqual(mismatch);
    expect(await validateWireRequest(request(id, [], { claim: 12 }), TODAY)).toMatchObject({ ok: false, issues: [{ code: 'type', path: 'claim' }] });
  });

  it('still accepts an id from before claims without one, but not with one', async () => {
    expect(await validateWireRequest(request(LEGACY_ID), TODAY)).toMatchObject({ ok: true, value: { id: LEGACY_ID } });
    expect(await validateWireRequest(request(LEGACY_ID, [], { claim: newClaim() }), TODAY)).toEqual({
      ok: false,
      issues: [{ code: 'claim.mismatch', path: 'id' }],
    });
  });

  it('reports the claim rule beside every other problem, not instead of them', async () => {
    const id = await wireIdFor(newClaim());
    const result = validateRequest(request(id, [], { locale: '' }), TODAY);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['claim.mismatch', 'required']));
  });
});
