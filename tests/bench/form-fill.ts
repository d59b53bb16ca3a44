/**
 * Filling the request form through its real UI, the way a person does:
 * in-app navigation (no reloads), typing into each field, ticking boxes,
 * adding list rows with the form's own buttons. Fields are found by the
 * ids the form gives them (`rq-` + the form path with dots as dashes, see
 * domIdFor in src/requests/form-model.ts), so the filler follows the form
 * as it grows. Shared by the bench (memory, stored bytes) and the
 * accessibility test (every step, filled).
 */
import type { Page } from 'playwright-core';
import { fullForm } from './fixtures';

const domId = (path: string) => `#rq-${path.replace(/\./g, '-')}`;

async function exists(page: Page, selector: string): Promise<boolean> {
  return (await page.locator(selector).count()) > 0;
}

/** Clicks a same-origin link: the app's router handles it, the page is not reloaded. */
export async function navigateInApp(page: Page, href: string, ready = 'main h1'): Promise<void> {
  const link = page.locator(`a[href="${href}"]`).first();
  if ((await link.count()) === 0) throw new Error(`no link to ${href} on ${page.url()}`);
  await link.click();
  await page.waitForURL((url) => url.pathname === href);
  await page.locator(ready).first().waitFor();
}

/** From any screen: the request list, then "New request"; resolves with the new draft's id. */
export async function startRequest(page: Page): Promise<string> {
  if (new URL(page.url()).pathname !== '/requests') await navigateInApp(page, '/requests');
  await page.locator('a[href="/requests/new"]').first().click();
  await page.waitForURL(/\/requests\/[0-9a-f-]{36}\/about-you$/);
  await page.locator('form.rq-form').waitFor();
  return /\/requests\/([0-9a-f-]{36})\//.exec(page.url())![1]!;
}

/** The step in the address (/requests/<id>/<step>), if any. */
export function stepOf(url: string | URL): string | undefined {
  return /^\/requests\/[0-9a-f-]{36}\/([a-z-]+)$/.exec(new URL(url).pathname)?.[1];
}

/** Presses the form's Next; fails with the form's own error summary if the step does not let the person on. */
export async function pressNext(page: Page): Promise<string> {
  const from = stepOf(page.url());
  await page.locator('form.rq-form button[type="submit"]').click();
  try {
    await page.waitForURL((url) => stepOf(url) !== from, { timeout: 15_000 });
  } catch {
    const problems = await page.locator('main [role="alert"], main .field__error').allTextContents();
    throw new Error(`the form did not move on from "${from}": ${problems.join(' | ') || 'no message shown'}`);
  }
  await page.locator('main h1').waitFor();
  return stepOf(page.url())!;
}

async function fillValue(page: Page, path: string, value: unknown): Promise<void> {
  if (value === '' || value === false || value === null || value === undefined) return;
  if (Array.isArray(value)) {
    await fillList(page, path, value);
    return;
  }
  if (typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) await fillValue(page, `${path}.${key}`, v);
    return;
  }
  const id = domId(path);
  if (!(await exists(page, id))) return;
  const el = page.locator(id);
  const tag = await el.evaluate((e) => `${e.tagName.toLowerCase()}:${(e as HTMLInputElement).type ?? ''}`);
  if (tag.startsWith('fieldset')) {
    // A radio group: the fieldset carries the id, the radios carry the path as name.
    await page.locator(`input[type="radio"][name="${path}"][value="${String(value)}"]`).check();
  } else if (tag.startsWith('select')) {
    await el.selectOption(String(value));
  } else if (tag === 'input:checkbox') {
    await el.check();
  } else {
    await el.fill(String(value));
  }
}

async function fillList(page: Page, path: string, values: readonly unknown[]): Promise<void> {
  if (path === 'case.priorAttempts') {
    if (!(await exists(page, '#rq-contacts-add')) && !(await exists(page, domId(`${path}.0.channel`)))) return;
    for (let i = 0; i < values.length; i++) {
      if (!(await exists(page, domId(`${path}.${i}.channel`)))) await page.locator('#rq-contacts-add').click();
      await fillValue(page, `${path}.${i}`, values[i]);
    }
    return;
  }
  const group = domId(path);
  if (!(await exists(page, group))) return;
  if ((await page.locator(`${group} input[type="checkbox"]`).count()) > 0) {
    for (const v of values) await page.locator(`${group} input[type="checkbox"][value="${String(v)}"]`).check();
    return;
  }
  for (let i = 0; i < values.length; i++) {
    const row = domId(`${path}.${i}`);
    if (!(await exists(page, row))) {
      // The list's own "Add another" button is its last full-size button.
      await page.locator(`${group} > button.button:not(.button--small)`).last().click();
      await page.locator(row).waitFor();
    }
    await page.locator(row).fill(String(values[i]));
  }
}

/** Fills every field of `form` that the current step shows. */
export async function fillStep(page: Page, form: Record<string, unknown> = fullForm()): Promise<void> {
  for (const [key, value] of Object.entries(form)) await fillValue(page, key, value);
}

export interface FillHooks {
  /** On each step once it is filled (on review: once it is shown). */
  onStep?: (step: string) => Promise<void>;
}

/**
 * A new request filled from the fixture through every step with the
 * form's own Next button, ending on the review step (not submitted).
 * `attach` adds files on the documents step.
 */
export async function fillWholeRequest(page: Page, hooks: FillHooks & { attach?: (page: Page) => Promise<void> } = {}): Promise<string> {
  const id = await startRequest(page);
  const form = fullForm();
  for (let guard = 0; guard < 12; guard++) {
    const step = stepOf(page.url());
    if (!step) throw new Error(`not on a request step: ${page.url()}`);
    if (step === 'review') {
      await hooks.onStep?.(step);
      return id;
    }
    await fillStep(page, form);
    if (step === 'documents') await hooks.attach?.(page);
    await hooks.onStep?.(step);
    await pressNext(page);
  }
  throw new Error('the request form never reached its review step');
}
