// End-to-end test of the web app in real headless Chromium against the real jar:
// serve a fixture repository, open the app, search, open a file at a result, see the outline and
// the references, see a hover card, reload a client-side route, time the code view on a
// 10,000-line file, open the lazy tree, the dependency graph and add a learning on a folder; then a
// dense repository: its file graph at 150 nodes, overloads picked by argument types, its text index;
// then the account pages: local mode's settings, and a second server with `serve --auth` where
// the test signs up, creates a key, invites a member, switches org (e2e/identity.mjs); and the
// team chat in two browsers, live, with threads, edits, search and 10,000 messages (e2e/chat.mjs).
//
//   node web/e2e/app.e2e.mjs [server/target/atelier-server-*.jar]
//
// Needs a JDK >= 21 (JAVA_HOME, or scripts/find-jdk) and Chromium (/usr/bin/chromium, or CHROMIUM).
// Screenshots and timings go to web/target/e2e/.
import { spawn, execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { writeFixture } from './fixture.mjs';
import { chatSteps } from './chat.mjs';
import { identitySteps, localAccountSteps } from './identity.mjs';
import {
  checkAccessibility,
  codeViewSteps,
  coverageSteps,
  finderSteps,
  searchPagingSteps,
} from './issue17.mjs';
import {
  denseGraphSteps,
  overloadSteps,
  textIndexSteps,
  writeDenseRepository,
  writeOverloads,
} from './issue17c.mjs';

const web = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(web, '..');
const out = join(web, 'target/e2e');
mkdirSync(out, { recursive: true });

function findJar() {
  if (process.argv[2]) return resolve(process.argv[2]);
  const dir = join(root, 'server/target');
  const jar = existsSync(dir)
    ? readdirSync(dir).find((f) => /^atelier-server-.*\.jar$/.test(f) && !f.includes('original'))
    : undefined;
  if (!jar)
    throw new Error('no server/target/atelier-server-*.jar: build it first (./mvnw package)');
  return join(dir, jar);
}

function java() {
  const home =
    process.env.JAVA_HOME || execFileSync(join(root, 'scripts/find-jdk')).toString().trim();
  return join(home, 'bin/java');
}

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}

async function until(what, check, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
}

function assert(condition, message) {
  if (!condition) throw new Error(`assertion failed: ${message}`);
}

const started = Date.now();
const workspace = mkdtempSync(join(tmpdir(), 'atelier-e2e-'));
const bigLines = writeFixture(workspace);
// A third repository, dense (see the end): the server may register it (atelier.repos.roots).
const dense = mkdtempSync(join(tmpdir(), 'atelier-e2e-dense-'));
writeDenseRepository(dense);
writeOverloads(dense);
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const log = [];
const server = spawn(java(), ['-jar', findJar(), 'serve', workspace, '--port', String(port)], {
  env: {
    ...process.env,
    ATELIER_EMBEDDINGS_ENABLED: 'false',
    ATELIER_REPOS_ROOTS: `${workspace},${dense}`,
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
server.stdout.on('data', (d) => log.push(String(d)));
server.stderr.on('data', (d) => log.push(String(d)));
let browser;
let current;
const timings = {};
try {
  await until('the server to answer', async () => (await fetch(`${base}/api/health`)).ok);
  timings.serverReadyMs = Date.now() - started;
  // Scripts authenticate with the install token; the browser signs in with the printed link.
  const token = readFileSync(join(workspace, '.atelier', 'mcp-token'), 'utf8').trim();
  const api = (path) => fetch(base + path, { headers: { Authorization: `Bearer ${token}` } });
  assert((await fetch(`${base}/api/repos`)).status === 401, 'the API refuses an anonymous caller');
  const loginLink = await until(
    'the printed login link',
    async () => /(http:\/\/\S+\/api\/auth\/local\?code=\S+)/.exec(log.join(''))?.[1],
  );
  const repo = await until('the fixture to be indexed', async () => {
    const repos = await (await api('/api/repos')).json();
    const ready = repos.find((r) => r.branches.some((b) => b.state === 'ready'));
    return ready;
  });
  timings.indexedMs = Date.now() - started;

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  // The machine may be shared and busy: generous waits, no timing assertions.
  page.setDefaultTimeout(60_000);
  current = page;
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Any Content-Security-Policy violation on any page fails the run.
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(m.text());
  });
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
    ),
  );

  // Signing in: without the cookie the app says how; the printed one-time link signs in once.
  await page.goto(base + '/');
  await page.getByText('This browser is not signed in').waitFor();
  const headers = (await page.request.get(base + '/')).headers();
  assert(
    /frame-ancestors 'none'/.test(headers['content-security-policy'] ?? '') &&
      headers['x-content-type-options'] === 'nosniff' &&
      headers['x-frame-options'] === 'DENY',
    `security headers on the page: ${JSON.stringify(headers)}`,
  );
  await page.goto(loginLink);
  await page.waitForURL(base + '/');
  const cookie = (await page.context().cookies()).find((c) => c.name === 'atelier_session');
  assert(cookie?.httpOnly && cookie.sameSite === 'Strict', 'an HttpOnly, SameSite=Strict cookie');
  const again = await browser.newPage();
  await again.goto(loginLink);
  await again.getByText('That login link was already used').waitFor();
  await again.close();

  // Repositories: the fixture is listed and ready.
  const t0 = Date.now();
  await page.goto(base + '/');
  await page.getByRole('heading', { name: 'Repositories' }).waitFor();
  await page.getByRole('link', { name: repo.name }).first().waitFor();
  timings.reposPageMs = Date.now() - t0;
  await page.screenshot({ path: join(out, '1-repositories.png') });
  await checkAccessibility(page, 'the repositories page');
  await coverageSteps(page, base, repo);

  // Add a second repository by its folder: it is listed, and indexed live.
  const second = mkdtempSync(join(tmpdir(), 'atelier-e2e-second-'));
  writeFileSync(join(second, 'notes.py'), 'def second_repository():\n    return 2\n');
  await page.getByLabel('Folder on this machine or git URL').fill(second);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByText(second).first().waitFor();
  await page.screenshot({ path: join(out, '1b-added.png') });

  // Open the repository: the tree shows the root's children only and loads a folder when opened.
  const treeRequests = [];
  page.on('request', (r) => {
    if (r.url().includes('/tree')) treeRequests.push(new URL(r.url()).searchParams.get('path'));
  });
  await page.getByRole('link', { name: repo.name }).first().click();
  const fileTree = page.getByRole('tree', { name: 'Files' });
  await fileTree.waitFor();
  await fileTree.getByRole('treeitem', { name: 'README.md' }).waitFor();
  const rootItems = await fileTree.getByRole('treeitem').allTextContents();
  assert(
    rootItems.length === 2 && !treeRequests.includes('src/demo'),
    `the tree starts with the root's children only: ${rootItems}, asked ${treeRequests}`,
  );
  await fileTree.getByRole('treeitem', { name: 'src' }).click();
  await fileTree.getByRole('treeitem', { name: 'demo' }).click();
  await fileTree.getByRole('treeitem', { name: 'Big.java' }).waitFor();
  assert(
    treeRequests.includes('src') && treeRequests.includes('src/demo'),
    `folders load as they are opened: ${treeRequests}`,
  );
  await page.screenshot({ path: join(out, '1c-lazy-tree.png') });

  // Focus search with "/", search for a method name.
  await page.keyboard.press('/');
  assert(
    await page
      .getByRole('searchbox', { name: 'Search code' })
      .evaluate((e) => e === document.activeElement),
    '"/" focuses the search box',
  );
  await page.keyboard.type('getUserName');
  await page.keyboard.press('Enter');
  const results = page.getByRole('listbox', { name: 'Search results' });
  await results.waitFor();
  const files = await results.locator('.result-path').allTextContents();
  assert(
    files.includes('src/demo/Ledger.java') && files.includes('src/demo/Accounts.java'),
    `results grouped by file: ${files}`,
  );
  assert(
    (await results.locator('mark').first().textContent()) === 'getUserName',
    'the match is highlighted',
  );
  await page.screenshot({ path: join(out, '2-search.png') });
  await checkAccessibility(page, 'the search page');

  // Keyboard: walk to the Accounts.java result and open it at its line.
  const options = await results.getByRole('option').allTextContents();
  const target = options.findIndex((t) => t.includes('public String getUserName'));
  assert(target >= 0, `a result on the definition line: ${options}`);
  await results.focus();
  for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/repos\/\d+\/code\/src\/demo\/Accounts\.java#L8$/);
  await page.locator('.cm-content').waitFor();
  await page.locator('.cm-permalink-line', { hasText: 'getUserName' }).waitFor();

  // The outline lists the file's symbols; picking one shows its references.
  const outline = page.getByRole('complementary', { name: 'Outline' });
  await outline.getByRole('button', { name: /getUserName/ }).waitFor();
  await outline.getByRole('button', { name: /getUserName/ }).click();
  const references = page.getByRole('region', { name: /References to/ });
  await references.getByText('accounts.getUserName(7)').waitFor();
  await references.getByText('accounts.getUserName(8)').waitFor();
  await page.screenshot({ path: join(out, '3-code-outline-references.png') });
  await checkAccessibility(page, 'the code view with references');

  // Go to definition: Ctrl-click on a use of the method in another file jumps to its declaration.
  await references.getByRole('link', { name: /getUserName\(7\)/ }).click();
  await page.waitForURL(/\/src\/demo\/Ledger\.java#L7$/);
  const use = page.locator('.cm-line', { hasText: 'accounts.getUserName(7)' });
  await use.waitFor();
  const at = await use.evaluate((line) => {
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = node.textContent.indexOf('getUserName');
      if (index >= 0) {
        const range = document.createRange();
        range.setStart(node, index + 3);
        range.setEnd(node, index + 4);
        const box = range.getBoundingClientRect();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      }
    }
    return undefined;
  });
  assert(at, 'the use of getUserName is on screen');

  // Hover card: resting the pointer on the name shows its signature and doc comment.
  await page.mouse.move(at.x, at.y);
  const card = page.locator('.hover-card');
  await card.waitFor();
  assert(
    (await card.locator('.hover-signature').textContent()).includes('String getUserName(int id)'),
    `the card shows the signature: ${await card.textContent()}`,
  );
  assert(
    (await card.locator('.hover-doc').textContent()).includes('The display name of a user.'),
    `the card shows the doc comment: ${await card.textContent()}`,
  );
  assert(
    (await card.getByRole('link').textContent()) === 'src/demo/Accounts.java:8',
    'the card links to the definition',
  );
  await page.screenshot({ path: join(out, '4a-hover-card.png') });
  await page.mouse.move(5, 5);
  await card.waitFor({ state: 'detached' });
  // From the keyboard: the cursor on the name, Ctrl-I.
  await page.mouse.click(at.x, at.y);
  await page.keyboard.press('Control+i');
  await card.waitFor();
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'detached' });

  await page.keyboard.down('Control');
  await page.mouse.click(at.x, at.y);
  await page.keyboard.up('Control');
  await page.waitForURL(/\/src\/demo\/Accounts\.java#L8$/);
  await page.locator('.cm-permalink-line', { hasText: 'getUserName' }).waitFor();
  await page.screenshot({ path: join(out, '4-definition.png') });

  // A change on disk shows up live: the watcher re-indexes after its debounce, the index.completed
  // event refreshes the open file and its outline.
  const accounts = join(workspace, 'src/demo/Accounts.java');
  writeFileSync(
    accounts,
    readFileSync(accounts, 'utf8').replace(
      '  public int count() {',
      '  public int total() {\n    return 1;\n  }\n\n  public int count() {',
    ),
  );
  await outline.getByRole('button', { name: /method total/i }).waitFor();
  await page.locator('.cm-line', { hasText: 'public int total()' }).waitFor();
  await page.screenshot({ path: join(out, '4-live-change.png') });

  // A client-side route survives a reload (the server answers it with the app).
  await page.reload();
  await page.locator('.cm-permalink-line', { hasText: 'getUserName' }).waitFor();
  assert(
    page.url().endsWith('/src/demo/Accounts.java#L8'),
    `the permalink survives a reload: ${page.url()}`,
  );

  // Ctrl-K: the finder jumps to a symbol by name.
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Go to file or symbol' });
  await palette.getByRole('combobox', { name: 'File or symbol' }).fill('count');
  await palette.getByRole('option', { name: /demo\.Accounts\.count/ }).waitFor();
  // Files come first (Accounts.java matches "count" too): walk down to the symbol.
  const chosen = palette.locator('[role="option"][aria-selected="true"]');
  for (let i = 0; i < 20 && !(await chosen.textContent()).includes('demo.Accounts.count'); i++)
    await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.locator('.cm-permalink-line', { hasText: 'public int count()' }).waitFor();
  assert(/\/Accounts\.java#L\d+$/.test(page.url()), `the finder opens the symbol: ${page.url()}`);

  // Issue 17: paged search, the finder, the keyboard-first code view and honest routes.
  await searchPagingSteps(page, out);
  await finderSteps(page, out);
  await codeViewSteps(page, base, repo, out);

  // A 10,000-line file, opened from the tree: CodeMirror's time from data in hand to the first
  // painted frame, and the wall time from the click to its first line on screen (fetch included).
  const render = [];
  const open = [];
  const tree = page.getByRole('tree', { name: 'Files' });
  for (let run = 0; run < 5; run++) {
    await page.goto(`${base}/repos/${repo.id}/code/src/demo/Ledger.java`);
    await page.locator('.cm-line', { hasText: 'class Ledger' }).waitFor();
    const clicked = Date.now();
    await tree.getByRole('treeitem', { name: 'Big.java' }).click();
    await page.locator('.cm-line', { hasText: 'int step0(int x)' }).waitFor();
    open.push(Date.now() - clicked);
    await page.waitForFunction(() => document.documentElement.dataset.codeRenderMs !== undefined);
    render.push(Number(await page.evaluate(() => document.documentElement.dataset.codeRenderMs)));
    await page.evaluate(() => delete document.documentElement.dataset.codeRenderMs);
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  timings.bigFileLines = bigLines;
  timings.bigFileRenderMsMedian = median(render);
  timings.bigFileOpenMsMedian = median(open);
  timings.bigFileRenderMsRuns = render;
  timings.bigFileOpenMsRuns = open;
  // A permalink near the end of the big file scrolls there.
  await page.goto(`${base}/repos/${repo.id}/code/src/demo/Big.java#L${bigLines - 2}`);
  await page.locator('.cm-permalink-line').waitFor();
  const rendered = await page.locator('.cm-line').count();
  assert(
    rendered < 400,
    `CodeMirror renders only the visible part of a big file (${rendered} lines in the DOM)`,
  );
  await page.screenshot({ path: join(out, '5-big-file.png') });

  // Themes: the toggle switches and is remembered.
  const before = await page.evaluate(() => document.documentElement.dataset.theme);
  await page.getByRole('button', { name: /Switch to (dark|light) theme/ }).click();
  const after = await page.evaluate(() => document.documentElement.dataset.theme);
  assert(before !== after, `the theme toggles (${before} → ${after})`);
  await page.screenshot({ path: join(out, '6-theme.png') });

  // Semantic mode: a question in words finds the file by its symbols (no vectors in this run).
  await page.goto(
    `${base}/repos/${repo.id}/search?q=${encodeURIComponent('user name')}&mode=semantic`,
  );
  const semantic = page.getByRole('listbox', { name: 'Search results' });
  await semantic.waitFor();
  const ranked = await semantic.locator('.result-path').allTextContents();
  assert(ranked.includes('src/demo/Accounts.java'), `semantic results: ${ranked}`);
  await page.screenshot({ path: join(out, '7-semantic.png') });

  // Understand: the repo map lists a file; a learning added on its tab is listed.
  await page.goto(`${base}/repos/${repo.id}/code`);
  await page.getByRole('link', { name: 'Understand' }).click();
  const map = page.getByRole('list', { name: 'Files by rank' });
  await map.waitFor();
  const mapped = await map.getByRole('link').allTextContents();
  assert(
    mapped.some((text) => text.startsWith('src/demo/')),
    `the repo map lists the fixture's files: ${mapped.slice(0, 5)}`,
  );
  await page.getByRole('tab', { name: 'Conventions & learnings' }).click();
  const learning = `Accounts keep user names trimmed (e2e ${Date.now()})`;
  await page.getByRole('textbox', { name: 'Learning' }).fill(learning);
  await page.getByRole('combobox', { name: 'Kind' }).selectOption('convention');
  await page.getByRole('button', { name: 'Add learning' }).click();
  await page
    .getByRole('list', { name: 'Learnings, most confident first' })
    .getByText(learning)
    .waitFor();
  // A learning on a folder: scope and path from the form.
  const scoped = `Ledger entries are append-only (e2e ${Date.now()})`;
  await page.getByRole('textbox', { name: 'Learning' }).fill(scoped);
  await page.getByRole('combobox', { name: 'Kind' }).selectOption('pitfall');
  await page.getByRole('combobox', { name: 'Applies to' }).selectOption('folder');
  await page.getByRole('textbox', { name: 'Folder' }).fill('src/demo');
  await page.getByRole('button', { name: 'Add learning' }).click();
  const scopedItem = page
    .getByRole('list', { name: 'Learnings, most confident first' })
    .getByRole('listitem')
    .filter({ hasText: scoped });
  await scopedItem.getByRole('link', { name: 'src/demo' }).waitFor();
  await page.screenshot({ path: join(out, '8-understand.png') });
  await checkAccessibility(page, 'the Understand page');
  await page.getByRole('tab', { name: 'Hotspots' }).click();
  await page
    .getByRole('list', { name: /Hotspot treemap/ })
    .getByRole('link')
    .first()
    .waitFor();
  await page.screenshot({ path: join(out, '9-hotspots.png') });
  await checkAccessibility(page, 'the Hotspots tab');
  await page.getByRole('tab', { name: 'Communities' }).click();
  await page.getByRole('tabpanel').locator('p, ul').first().waitFor();
  await page.screenshot({ path: join(out, '10-communities.png') });
  await checkAccessibility(page, 'the Communities tab');
  await page.getByRole('tab', { name: 'Security' }).click();
  await page.getByRole('tabpanel').locator('p, ul').first().waitFor();
  await page.screenshot({ path: join(out, '11-security.png') });
  await checkAccessibility(page, 'the Security tab');

  // The dependency graph: files drawn and coloured by cluster; hover names one, a click opens it.
  const graphChunk = page.waitForResponse((r) => /\/assets\/GraphTab-[^/]*\.js$/.test(r.url()));
  await page.getByRole('tab', { name: 'Dependency graph' }).click();
  const drawing = page.getByRole('group', { name: /Dependency graph of \d+ files/ });
  await drawing.waitFor();
  timings.graphChunkBytes = (await (await graphChunk).body()).length;
  const drawn = await drawing
    .locator('[data-path]')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-path')));
  assert(
    drawn.includes('src/demo/Accounts.java') && drawn.includes('src/demo/Ledger.java'),
    `the graph draws the fixture's files: ${drawn}`,
  );
  assert((await drawing.locator('line').count()) >= 1, 'the graph draws the dependencies');
  await page
    .getByRole('list', { name: /Clusters/ })
    .getByRole('button')
    .first()
    .waitFor();
  const accountsNode = drawing.locator('[data-path="src/demo/Accounts.java"] circle');
  await accountsNode.hover();
  await page.locator('.graph-status', { hasText: 'src/demo/Accounts.java' }).waitFor();
  await page.screenshot({ path: join(out, '12-graph.png') });
  await checkAccessibility(page, 'the dependency graph');
  await accountsNode.click();
  await page.waitForURL(/\/code\/src\/demo\/Accounts\.java$/);
  await page.locator('.cm-line', { hasText: 'public class Accounts' }).waitFor();

  // A third repository, dense: the file graph at 150 nodes, overloads told apart by argument
  // types, and its own text index badge.
  const added = await (
    await fetch(`${base}/api/repos`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ path: dense }),
    })
  ).json();
  assert(added.id, `the dense repository is registered: ${JSON.stringify(added)}`);
  await until('the dense repository to be indexed', async () => {
    const info = await (await api(`/api/repos/${added.id}`)).json();
    return info.branches.some((b) => b.state === 'ready');
  });
  await textIndexSteps(page, base, added.id);
  await overloadSteps(page, base, added.id, out);
  await denseGraphSteps(page, base, added.id, out);

  // Issue 14: the account menu and settings in local mode, then accounts on a `serve --auth`.
  await localAccountSteps(page, base, out);
  const authWorkspace = mkdtempSync(join(tmpdir(), 'atelier-e2e-auth-'));
  writeFileSync(join(authWorkspace, 'README.md'), '# Accounts\n');
  const authStarted = Date.now();
  try {
    await identitySteps({
      browser,
      java: java(),
      jar: findJar(),
      workspace: authWorkspace,
      port: await freePort(),
      out,
      errors,
    });
  } finally {
    rmSync(authWorkspace, { recursive: true, force: true });
  }
  timings.accountsMs = Date.now() - authStarted;

  // Issue 15: two people chat live on another `serve --auth` (e2e/chat.mjs).
  const chatWorkspace = mkdtempSync(join(tmpdir(), 'atelier-e2e-chat-'));
  writeFileSync(join(chatWorkspace, 'README.md'), '# Chat\n');
  const chatStarted = Date.now();
  try {
    await chatSteps({
      browser,
      java: java(),
      jar: findJar(),
      workspace: chatWorkspace,
      port: await freePort(),
      out,
      errors,
      timings,
    });
  } finally {
    rmSync(chatWorkspace, { recursive: true, force: true });
  }
  timings.chatMs = Date.now() - chatStarted;

  assert(errors.length === 0, `no page errors: ${errors.join('; ')}`);
  timings.totalMs = Date.now() - started;
  writeFileSync(join(out, 'timings.json'), JSON.stringify(timings, null, 2) + '\n');
  console.log(
    `[e2e] web app end-to-end test passed in ${timings.totalMs} ms`,
    JSON.stringify(timings),
  );
} catch (e) {
  console.error('[e2e] FAILED:', e.message);
  await current?.screenshot({ path: join(out, 'failure.png') }).catch(() => {});
  if (current)
    console.error('[e2e] page at failure:', current.url(), '(screenshot target/e2e/failure.png)');
  console.error(log.join('').split('\n').slice(-40).join('\n'));
  process.exitCode = 1;
} finally {
  await browser?.close();
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(workspace, { recursive: true, force: true });
  rmSync(dense, { recursive: true, force: true });
}
