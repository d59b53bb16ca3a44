import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { officeConfigSource } from '../../src/server/office-config';
import { PUBLIC_CONFIG_DEFAULTS } from '../../src/shared/public-config-defaults';

const base = { ...PUBLIC_CONFIG_DEFAULTS, organizationName: 'Test Org' };
const fact = (value: string) => ({ value, source: 'Office memo', checked: '2027-01-05' });
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ombuds-office-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the office's part of /config.json", () => {
  it('is nothing without the variable or the file', () => {
    expect(officeConfigSource(base, null, dir)()).toEqual(base);
  });

  it('comes from PUBLIC_CONFIG_JSON, keeping the other settings', () => {
    const env = JSON.stringify({ factOverrides: { ombudsmanPhone: fact('202-555-0147') }, serviceNotice: { text: { en: 'No mail.' } } });
    const config = officeConfigSource(base, env, dir)();
    expect(config.organizationName).toBe('Test Org');
    expect(config.factOverrides).toEqual({ ombudsmanPhone: fact('202-555-0147') });
    expect(config.serviceNotice).toEqual({ text: { en: 'No mail.' } });
  });

  it('takes DATA_DIR/config.json over the environment fact by fact, and re-reads it when it changes', () => {
    const env = JSON.stringify({ factOverrides: { ombudsmanPhone: fact('202-555-0147'), ombudsmanFax: fact('202-555-0199') } });
    const read = officeConfigSource(base, env, dir);
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ factOverrides: { ombudsmanPhone: fact('202-555-0100') }, serviceNotice: { text: { en: 'Closed Friday.' } } }));
    expect(read().factOverrides).toEqual({ ombudsmanPhone: fact('202-555-0100'), ombudsmanFax: fact('202-555-0199') });
    expect(read().serviceNotice).toEqual({ text: { en: 'Closed Friday.' } });

    writeFileSync(file, JSON.stringify({ serviceNotice: { text: { en: 'Open again on Monday, 9 to 5.' } } }));
    expect(read().serviceNotice).toEqual({ text: { en: 'Open again on Monday, 9 to 5.' } });
    expect(read().factOverrides).toEqual({ ombudsmanPhone: fact('202-555-0147'), ombudsmanFax: fact('202-555-0199') });

    unlinkSync(file);
    expect(read().serviceNotice).toBeUndefined();
  });

  it('survives bad JSON and bad entries: the server keeps serving the rest', () => {
    const read = officeConfigSource(base, '{ not json', dir);
    expect(read()).toEqual(base);
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ factOverrides: { ombudsmanPhone: { value: '202-555-0100' }, ombudsmanFax: fact('202-555-0199') } }));
    expect(read().factOverrides).toEqual({ ombudsmanFax: fact('202-555-0199') });
    writeFileSync(join(dir, 'config.json'), '{"factOverrides": ');
    expect(read()).toEqual(base);
  });

  it("never lets the file change the settings that are not the office's (the API base stays)", () => {
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ apiBase: 'https://evil.example', organizationName: 'Someone' }));
    expect(officeConfigSource(base, null, dir)()).toEqual(base);
  });
});
