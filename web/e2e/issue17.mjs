// Steps of the end-to-end test for issue 17 (complete search, one finder, a keyboard-first code
// view, honest routes), each driven from the keyboard. Kept apart from app.e2e.mjs so that
// changes to how the browser signs in stay out of these steps.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/**
 * axe-core on what the page shows now: no critical violation allowed (serious ones are listed
 * in the log, for the next round). Evaluated over the DevTools protocol, not as a script tag, so
 * a strict Content-Security-Policy does not stop it.
 */
export async function checkAccessibility(page, where) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined')))
    await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  const critical = violations.filter((v) => v.impact === 'critical');
  const serious = violations.filter((v) => v.impact === 'serious');
  if (serious.length)
    console.log(
      `[e2e] axe, ${where}: serious: ${serious.map((v) => `${v.id} ${v.nodes[0]}`).join('; ')}`,
    );
  assert(
    critical.length === 0,
    `no critical accessibility violation on ${where}: ${JSON.stringify(critical)}`,
  );
}

function assert(condition, message) {
  if (!condition) throw new Error(`assertion failed: ${message}`);
}

const isFocused = (locator) => locator.evaluate((e) => e === document.activeElement);

/** Search pages through every match with exact totals, context lines, filters and a retry. */
export async function searchPagingSteps(page, out) {
  const box = page.getByRole('searchbox', { name: 'Search code' });
  await page.keyboard.press('/');
  assert(await isFocused(box), '"/" focuses the search box');
  await page.keyboard.type('return y + lang:java file:Big');
  await page.keyboard.press('Enter');
  const results = page.getByRole('listbox', { name: 'Search results' });
  await results.waitFor();
  const status = page.locator('.search-page p[role="status"]');
  await status.filter({ hasText: 'showing 100' }).waitFor();
  const summary = await status.textContent();
  const total = Number(/^([\d,]+) matches/.exec(summary)?.[1].replace(/,/g, ''));
  assert(total > 1000, `an exact total beyond one page: ${summary}`);
  assert(
    (await page.getByRole('list', { name: 'Filters' }).textContent()).includes('java files'),
    'the filters are listed',
  );
  assert(
    (await results.locator('.context-line').count()) > 0,
    'context lines surround the matches',
  );
  // Walking past the last loaded match loads the next page.
  await results.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowDown');
  await status.filter({ hasText: 'showing 200' }).waitFor();
  // "Load more" from the keyboard until every match is there.
  const more = page.getByRole('button', { name: /^Load \d+ more$/ });
  while (await more.count()) {
    const loaded = await results.getByRole('option').count();
    await more.focus();
    await page.keyboard.press('Enter');
    await page
      .waitForFunction(
        (n) => document.querySelectorAll('.search-page [role="option"]').length > n,
        loaded,
      )
      .catch(async (e) => {
        const alerts = await page.getByRole('alert').allTextContents();
        const state = await page
          .locator('.search-page p[role="status"], .load-more')
          .allTextContents();
        throw new Error(
          `the page after ${loaded} matches did not load: ${alerts} ${state}; ${e.message}`,
        );
      });
  }
  const shown = await results.getByRole('option').count();
  assert(shown === total, `paging reaches every match: ${shown} of ${total}`);
  await page.screenshot({ path: join(out, '13-search-paged.png') });
  await checkAccessibility(page, 'the search results');

  // A bad regex: the error, then "Try again" runs the query as edited in the box.
  await page.getByRole('combobox', { name: 'Search mode' }).selectOption('regex');
  await box.fill('step(');
  await box.press('Enter');
  await page.getByRole('alert').filter({ hasText: 'invalid regular expression' }).waitFor();
  await box.fill('int step1\\d\\(');
  const retry = page.getByRole('button', { name: 'Try again' });
  await retry.focus();
  await page.keyboard.press('Enter');
  await status.filter({ hasText: /^\d+ matches in 1 file/ }).waitFor();
  assert(
    new URL(page.url()).searchParams.get('q') === 'int step1\\d\\(',
    `Try again searched the edited query: ${page.url()}`,
  );
  await page.getByRole('combobox', { name: 'Search mode' }).selectOption('text');
}

/** Ctrl-K and t open one finder over files and symbols; ? lists the shortcuts. */
export async function finderSteps(page, out) {
  await page.locator('body').focus();
  await page.keyboard.press('t');
  const finder = page.getByRole('dialog', { name: 'Go to file or symbol' });
  const input = finder.getByRole('combobox', { name: 'File or symbol' });
  await input.waitFor();
  assert(await isFocused(input), 't opens the finder with focus in it');
  await page.keyboard.type('ledger');
  await finder
    .locator('[role="option"][aria-selected="true"]', { hasText: 'src/demo/Ledger.java' })
    .waitFor();
  // Tab stays in the dialog.
  await page.keyboard.press('Tab');
  assert(
    await finder.evaluate((d) => d.contains(document.activeElement)),
    'Tab keeps focus inside the finder',
  );
  await input.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/code\/src\/demo\/Ledger\.java$/);
  await page.locator('.cm-line', { hasText: 'class Ledger' }).waitFor();

  await page.keyboard.press('Control+k');
  await input.waitFor();
  await page.keyboard.type('count');
  const symbol = finder
    .getByRole('group', { name: 'Symbols' })
    .getByRole('option', { name: /demo\.Accounts\.count/ });
  await symbol.waitFor();
  const where = symbol.locator('.finder-path');
  assert(
    /^src\/demo\/Accounts\.java:\d+$/.test(await where.textContent()) &&
      (await where.evaluate((e) => e.scrollWidth <= e.clientWidth + 1)),
    'a symbol row shows its whole path:line',
  );
  await page.screenshot({ path: join(out, '14-finder.png') });
  await checkAccessibility(page, 'the finder');
  await page.keyboard.press('Escape');
  await finder.waitFor({ state: 'detached' });

  await page.locator('body').focus();
  await page.keyboard.press('?');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await shortcuts.waitFor();
  assert((await shortcuts.textContent()).includes('find in this file'), '? lists the shortcuts');
  await page.keyboard.press('Escape');
  await shortcuts.waitFor({ state: 'detached' });
}

/** Caret, Ctrl-F with a count, y, titles, #L past the end, missing files and unknown routes. */
export async function codeViewSteps(page, base, repo, out) {
  await page.goto(`${base}/repos/${repo.id}/code/src/demo/Accounts.java`);
  const content = page.locator('.cm-content');
  await content.waitFor();
  await page.waitForFunction(() => document.title.startsWith('src/demo/Accounts.java · '));
  await content.focus();
  const activeLine = () => page.locator('.cm-activeLine').first().textContent();
  const before = await activeLine();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert(await page.locator('.cm-cursor').first().isVisible(), 'the caret is visible');
  assert((await activeLine()) !== before, 'the arrow keys move the caret');

  await page.keyboard.press('Control+f');
  const find = page.getByRole('textbox', { name: 'Find' });
  await find.waitFor();
  await page.keyboard.type('return');
  await page.keyboard.press('Enter');
  await page.locator('.cm-search-count', { hasText: /^1 of \d+ matches$/ }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.cm-search-count', { hasText: /^2 of \d+ matches$/ }).waitFor();
  await page.screenshot({ path: join(out, '15-find-in-file.png') });
  await checkAccessibility(page, 'the code view with find open');
  await page.keyboard.press('Escape');

  // Find puts the caret on a name; Shift-F12 lists its references, grouped by file.
  await page.keyboard.press('Control+f');
  // Typed, not filled: the panel reads its field on key up. Ctrl-F selected the old query.
  await page.keyboard.type('getUserName');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+F12');
  const references = page.getByRole('region', { name: /References to getUserName/ });
  await references.getByText('accounts.getUserName(7)').waitFor();
  // Each reference comes with the lines around it: the method it is called from.
  await references.locator('.context-line', { hasText: 'String owner()' }).waitFor();
  await page.getByRole('button', { name: 'Close references' }).focus();
  await page.keyboard.press('Enter');

  // y pins the URL to the branch's commit; a working tree has none, and the app says so.
  await content.focus();
  await page.keyboard.press('y');
  await page.getByText(/Nothing to pin|Pinned to commit/).waitFor();
  const pinned = new URL(page.url()).searchParams.get('commit');
  assert(
    pinned !== null || (await page.getByText(/Nothing to pin/).count()) === 1,
    `y pins the URL or says why not: ${page.url()}`,
  );

  await page.goto(`${base}/repos/${repo.id}/code/src/demo/Accounts.java#L9000`);
  await page.getByText(/^Line 9000 is past the end of this file, which has \d+ lines\.$/).waitFor();

  await page.goto(`${base}/repos/${repo.id}/code/src/demo/Nope.java`);
  await page.getByText('There is no file or folder src/demo/Nope.java in this branch.').waitFor();

  const unknown = await page.goto(`${base}/no/such/page`);
  assert(unknown.status() === 404, `an unknown route answers 404: ${unknown.status()}`);
  await page.getByRole('heading', { name: 'Page not found' }).waitFor();
  assert((await page.title()) === 'Page not found · Atelier', 'the not-found page has its title');
  await checkAccessibility(page, 'the not-found page');
}

/**
 * Each repository says how much of it semantic search covers, on its own; "semantic ready" shows
 * only where the API agrees that every chunk of its code outside tests has a vector.
 */
export async function coverageSteps(page, base, repo) {
  const panel = page
    .locator('li.repo')
    .filter({ has: page.getByRole('link', { name: repo.name }) });
  const badge = panel.locator('.semantic-coverage .badge');
  await badge.first().waitFor();
  const first = (await badge.first().textContent()).trim();
  assert(/^semantic (ready|pending|off|\d+%)$/.test(first), `a per-repository badge: ${first}`);
  const status = async () => (await page.request.get(`${base}/api/index/status`)).json();
  const own = (s) => s.repositories.find((r) => r.repository === repo.id);
  let answer = await status();
  assert(own(answer), `the status lists repository ${repo.id}: ${JSON.stringify(answer)}`);
  if (!answer.embeddingsEnabled) {
    // This run serves without embeddings: no repository may claim semantic search.
    assert(first === 'semantic off', `embeddings off, and the badge says so: ${first}`);
    assert(!own(answer).semanticReady, `the API agrees: ${JSON.stringify(own(answer))}`);
    return;
  }
  // With embeddings on, the fixture is small: its code is embedded and the live events say so.
  await panel.getByText('semantic ready').waitFor({ timeout: 90_000 });
  answer = await status();
  assert(
    own(answer).semanticReady &&
      own(answer).embeddings.coreDone === own(answer).embeddings.coreTotal,
    `"semantic ready" only where the API says the code is covered: ${JSON.stringify(own(answer))}`,
  );
}
