/**
 * The screener with the network cut: after one online visit (service
 * worker ready), every kind of result is reached through the screen, with
 * its reasons; "may help" starts a request that opens prefilled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createIntl } from '@formatjs/intl';
import type { BrowserContext, Page } from 'playwright-core';
import { addDays, addMonths } from '../../src/shared/dates.ts';
import { deviceToday } from '../../src/screener/format.ts';
import { SCREENER_MESSAGE_VALUES } from '../../src/screener/rules/index.ts';
import { SCREENER_PREFILL_KEY } from '../../src/screener/to-request.ts';
import { goOffline, newContext, waitForController, waitForServiceWorker } from './harness';
import { useServerAndBrowser } from './suite';

const en = JSON.parse(readFileSync('locales/en/messages.json', 'utf8')) as Record<string, string>;
const intl = createIntl({ locale: 'en', messages: en, onError: () => {} });
/** An English screener text as the view shows it. */
const t = (id: string, values: Record<string, string | number> = {}) => intl.formatMessage({ id }, { ...SCREENER_MESSAGE_VALUES, ...values });

const TODAY = deviceToday();

const suite = useServerAndBrowser();
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  context = await newContext(suite.browser);
  // The request form takes the hand-over and deletes it at once: keep a copy of what the screener wrote.
  await context.addInitScript((key: string) => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k: string, v: string) {
      if (k === key) (window as unknown as { __prefill?: string }).__prefill = v;
      return setItem.call(this, k, v);
    };
  }, SCREENER_PREFILL_KEY);
  page = await context.newPage();
  await page.goto(suite.server.url + '/screener');
  await page.getByRole('heading', { level: 1, name: t('screener.view.title') }).waitFor();
  await waitForServiceWorker(page);
  await goOffline(context);
  await page.reload();
  await waitForController(page);
  await page.getByRole('heading', { level: 2, name: t('screener.q.about.title') }).waitFor();
});

// Runs before the suite's own clean-up: vitest runs afterAll hooks last registered, first.
afterAll(async () => {
  await context?.close();
});

// ------------------------------------------------------------ the screen

async function onQuestion(titleId: string) {
  await page.getByRole('heading', { level: 2, name: t(titleId), exact: true }).waitFor();
}
const next = () => page.getByRole('button', { name: t('screener.view.next'), exact: true }).click();

async function choose(questionId: string, optionLabelId: string, values: Record<string, string> = {}) {
  await onQuestion(`screener.q.${questionId}.title`);
  await page.getByRole('radio', { name: t(optionLabelId, values), exact: true }).check();
  await next();
}

async function tickAll(questionId: string, labelIds: string[]) {
  await onQuestion(`screener.q.${questionId}.title`);
  for (const id of labelIds) await page.getByRole('checkbox', { name: t(id), exact: true }).check();
  await next();
}

async function date(questionId: string, value: string) {
  await onQuestion(`screener.q.${questionId}.title`);
  await page.getByLabel(t('screener.view.dateLabel'), { exact: true }).fill(value);
  await next();
}

async function toProblems(problems: string[]) {
  await choose('about', 'screener.q.about.option.uscis');
  await choose('wants', 'screener.q.wants.option.processingHelp');
  await tickAll('problems', problems.map((p) => `screener.q.problems.option.${p}`));
  await choose('receipt', 'screener.q.receipt.option.have');
}

/** Waits for the result; returns its kind, whether it is urgent, and its reasons as shown. */
async function result(titleId: string) {
  const article = page.locator('article.screener-outcome');
  await article.getByRole('heading', { level: 2, name: t(titleId), exact: true }).waitFor();
  return {
    kind: await article.getAttribute('data-kind'),
    urgent: (await article.getAttribute('class'))!.includes('screener-outcome--urgent'),
    reasons: await article.locator('.screener-reasons li').allTextContents(),
    text: (await article.textContent()) ?? '',
  };
}

async function startOver() {
  await page.getByRole('button', { name: t('screener.view.startOver'), exact: true }).click();
  await onQuestion('screener.q.about.title');
}

// ------------------------------------------------------------ the tests

describe('the screener offline', () => {
  it('is offline: the network is cut and the page is served by the worker', async () => {
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  });

  it('go elsewhere: detention conditions → the Immigration Detention Ombudsman', async () => {
    await choose('about', 'screener.q.about.option.detention');
    const r = await result('screener.outcome.detention.title');
    expect(r.kind).toBe('go-elsewhere');
    expect(r.reasons).toEqual([t('screener.reason.detentionConditions')]);
    expect(r.text).toContain(t('screener.referral.oido.name'));
    await startOver();
  });

  it('cannot help: overturning a decision without a mistake to point to', async () => {
    await choose('about', 'screener.q.about.option.uscis');
    await choose('wants', 'screener.q.wants.option.overturn');
    await choose('decisionError', 'screener.q.decisionError.option.no');
    const r = await result('screener.outcome.decisionNoError.title');
    expect(r.kind).toBe('cannot-help');
    expect(r.reasons).toEqual([t('screener.reason.cannotChangeDecisions')]);
    // The appeal deadline (Form I-290B, about 30 days) comes first, before the summary.
    expect(r.text).toContain(t('screener.notice.appealDeadline'));
    expect(r.text).toContain('I-290B');
    expect(r.text.indexOf(t('screener.notice.appealDeadline'))).toBeLessThan(r.text.indexOf(t('screener.outcome.decisionNoError.summary')));
    await startOver();
  });

  it('first try USCIS: a mistake USCIS was never told about', async () => {
    await toProblems(['mistake']);
    await tickAll('uscisContact', ['screener.q.uscisContact.option.none']);
    const r = await result('screener.outcome.firstTryUscis.title');
    expect(r.kind).toBe('first-try-uscis');
    expect(r.reasons).toContain(t('screener.reason.notContactedUscis'));
    expect(r.text).toContain('1-800-375-5283');
    await startOver();
  });

  it('may help, urgent: an emergency with an expedite request pending, and the deadline notice', async () => {
    await toProblems(['emergency']);
    await choose('expedite', 'screener.q.expedite.option.asked');
    const r = await result('screener.outcome.mayHelp.title');
    expect(r.kind).toBe('may-help');
    expect(r.urgent).toBe(true);
    expect(r.text).toContain(t('screener.urgent'));
    expect(r.reasons).toEqual([t('screener.reason.emergency'), t('screener.reason.expediteRequested')]);
    expect(r.text).toContain(t('screener.notice.deadlines'));
    await startOver();
  });

  it('may help: past the posted time → Start a request opens the request form prefilled', async () => {
    const received = addMonths(TODAY, -24);
    const lastContact = addDays(TODAY, -70);
    await toProblems(['pastProcessingTime']);
    await choose('formType', 'screener.q.formType.option.i485', { form: 'I-485' });
    await date('receivedDate', received);
    await onQuestion('screener.q.postedTime.title');
    await page.getByRole('radio', { name: t('screener.q.postedTime.months'), exact: true }).check();
    await page.getByLabel(t('screener.q.postedTime.monthsInput'), { exact: true }).fill('9');
    await next();
    await tickAll('uscisContact', ['screener.q.uscisContact.option.serviceRequest']);
    await date('lastContactDate', lastContact);
    const r = await result('screener.outcome.mayHelp.title');
    expect(r.urgent).toBe(false);
    expect(r.reasons).toEqual([t('screener.reason.processingDelayOutside'), t('screener.reason.contactedUscis')]);
    expect(r.text).toContain(t('screener.notice.deadlines'));
    expect(await page.locator('.screener-processing__result').textContent()).toMatch(/^Your case has been outside the posted processing time since /);

    await page.getByRole('button', { name: t('screener.view.startRequest'), exact: true }).first().click();
    // /requests/new makes a draft and moves on to its own address.
    await page.waitForURL(/\/requests\/[0-9a-f-]{36}(\/[a-z-]+)?$/);
    const handed = JSON.parse((await page.evaluate(() => (window as unknown as { __prefill?: string }).__prefill)) ?? 'null') as Record<string, unknown>;
    expect(handed).toMatchObject({
      outcomeKind: 'may-help',
      problemKinds: ['processing-delay'],
      formType: 'I-485',
      receivedDate: received,
      priorContacts: ['service-request'],
      lastContactDate: lastContact,
    });
    // Taken once: the key is gone, and the address carries nothing of the answers.
    expect(await page.evaluate((k) => sessionStorage.getItem(k), SCREENER_PREFILL_KEY)).toBeNull();
    expect(page.url()).not.toContain(received);

    const id = /\/requests\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    await page.goto(`${suite.server.url}/requests/${id}/case`);
    await page.getByText(en['request.case.fromScreener']!).waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('input')].some((i) => i.value === 'I-485'));
    expect(await page.getByLabel(en['request.field.case.dateReceived.label']!, { exact: true }).inputValue()).toBe(received);
    expect(await page.getByRole('checkbox', { name: en['request.field.case.problemKinds.option.past-processing-time']!, exact: true }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: en['request.field.case.problemKinds.option.emergency']!, exact: true }).isChecked()).toBe(false);
  });
});
