import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { PublicConfigSchema, readPublicConfig } from '../../src/shared/public-config';
import { PUBLIC_CONFIG_DEFAULTS } from '../../src/shared/public-config-defaults';

const phone = { value: '202-555-0147', source: 'Office notice of 2027-01-04', checked: '2027-01-05' };
const notice = { text: { en: 'We are not taking mail until March.', ar: 'لا نستقبل البريد حتى مارس.' }, until: '2027-03-31' };

describe('reading /config.json', () => {
  it('gives the defaults the page starts with for nothing, junk or an array', () => {
    for (const input of [undefined, null, 'x', 42, [], {}]) expect(readPublicConfig(input)).toEqual(PUBLIC_CONFIG_DEFAULTS);
  });

  it('has schema defaults that are the ones the page starts with', () => {
    // The page starts from PUBLIC_CONFIG_DEFAULTS before the file is read, the server and the reader from the schema.
    expect(v.parse(PublicConfigSchema, {})).toEqual(PUBLIC_CONFIG_DEFAULTS);
  });

  it('keeps well-formed overrides and a notice', () => {
    const config = readPublicConfig({ factOverrides: { ombudsmanPhone: phone }, serviceNotice: notice });
    expect(config.factOverrides).toEqual({ ombudsmanPhone: phone });
    expect(config.serviceNotice).toEqual(notice);
  });

  it('drops only the bad override: no source, no date, an impossible date, an empty value, a bad id', () => {
    const config = readPublicConfig({
      organizationName: 'Friends of the Ombudsman',
      factOverrides: {
        ombudsmanPhone: phone,
        ombudsmanFax: { value: '202-555-0199', checked: '2027-01-05' },
        ombudsmanEmail: { value: 'a@b.org', source: 'memo' },
        ombudsmanWebsite: { value: 'https://x.org', source: 'memo', checked: '2027-02-31' },
        ombudsmanMailAddress: { value: '   ', source: 'memo', checked: '2027-01-05' },
        'bad id!': phone,
      },
    });
    expect(config.factOverrides).toEqual({ ombudsmanPhone: phone });
    expect(config.organizationName).toBe('Friends of the Ombudsman');
  });

  it('trims what the office typed', () => {
    const config = readPublicConfig({ factOverrides: { ombudsmanPhone: { ...phone, value: ' 202-555-0147 \n' } } });
    expect(config.factOverrides.ombudsmanPhone!.value).toBe('202-555-0147');
  });

  it('treats factOverrides that is not an object as none, keeping the rest', () => {
    const config = readPublicConfig({ factOverrides: [phone], serviceNotice: notice });
    expect(config.factOverrides).toEqual({});
    expect(config.serviceNotice).toEqual(notice);
  });

  it('needs English in a notice, since it stands in for every language the office did not write', () => {
    expect(readPublicConfig({ serviceNotice: { text: { ar: 'نص' } } }).serviceNotice).toBeUndefined();
    expect('serviceNotice' in readPublicConfig({ serviceNotice: { text: { ar: 'نص' } } })).toBe(false);
  });

  it('drops a bad language of a notice but keeps the others, and a bad end date without silencing it', () => {
    const config = readPublicConfig({
      serviceNotice: { text: { en: 'Closed Friday.', es: '', 'not a tag': 'x', fr: 'Fermé vendredi.' }, until: 'next week' },
    });
    expect(config.serviceNotice).toEqual({ text: { en: 'Closed Friday.', fr: 'Fermé vendredi.' } });
  });

  it('refuses a notice longer than a banner can carry', () => {
    expect(readPublicConfig({ serviceNotice: { text: { en: 'x'.repeat(1001) } } }).serviceNotice).toBeUndefined();
  });
});
