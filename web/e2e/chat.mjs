// Issue 15: the team chat in two browsers against `serve --auth` — Ada makes a private channel
// and adds Bob; both open it; Ada posts and Bob sees it live; Bob answers in a thread and Ada
// sees the reply count move and opens the thread; Ada edits and Bob sees the edit live and its
// history; Bob's connection drops and recovers by itself without losing a message; search finds
// the message and opens it in its channel; a body with <script> and onerror stays inert.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { checkAccessibility } from './issue17.mjs';

function assert(condition, message) {
  if (!condition) throw new Error(`assertion failed: ${message}`);
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

async function post(base, path, body, token) {
  const response = await fetch(base + path, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  assert(response.ok, `POST ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

async function signIn(page, base, email, password) {
  await page.goto(base + '/chat');
  await page.waitForURL(/\/signin/);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/chat/);
}

// Seeding takes minutes on a busy 2-core machine; ATELIER_E2E_CHAT_MESSAGES lowers it for a quick run.
const SCALE = Number(process.env.ATELIER_E2E_CHAT_MESSAGES || 10_000);

/**
 * SCALE (10,000) messages in one channel: only a screenful of rows is in the DOM, older pages load as
 * the reader scrolls up until all are loaded, and scrolling through them keeps frames short.
 */
async function scaleSteps({ page, base, token, timings, out }) {
  const channel = await post(base, '/api/channels', { name: 'firehose', kind: 'public' }, token);
  const seeded = Date.now();
  let next = 0;
  const worker = async () => {
    while (next < SCALE) {
      const n = ++next;
      await post(
        base,
        '/api/messages',
        { channelId: channel.id, body: `load message ${n}` },
        token,
      );
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  timings.chatSeed10kMs = Date.now() - seeded;

  const opened = Date.now();
  await page.goto(`${base}/chat/${channel.id}`);
  const log = page.getByRole('log', { name: 'Messages in firehose' });
  await log
    .getByRole('article')
    .filter({ hasText: `load message ${SCALE}` })
    .waitFor();
  timings.chatOpen10kMs = Date.now() - opened;
  const rows = () => log.locator('.vrow').count();
  const loaded = async () => Number(await log.getAttribute('data-rows'));
  const paging = Date.now();
  let maxRows = await rows();
  while ((await loaded()) < SCALE) {
    const before = await loaded();
    await log.evaluate((el) => {
      el.scrollTop = 0;
      el.dispatchEvent(new Event('scroll'));
    });
    await until('an older page', async () => (await loaded()) > before, 30_000);
    maxRows = Math.max(maxRows, await rows());
  }
  timings.chatPageBack10kMs = Date.now() - paging;
  // Scroll through everything loaded, a frame at a time: frame gaps tell how smooth it is.
  const frames = await log.evaluate(async (el) => {
    const gaps = [];
    let last = performance.now();
    el.scrollTop = el.scrollHeight;
    for (let i = 0; i < 240; i++) {
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      gaps.push(now - last);
      last = now;
      el.scrollTop = Math.max(0, el.scrollTop - el.scrollHeight / 240);
    }
    gaps.sort((x, y) => x - y);
    return {
      p50: gaps[Math.floor(gaps.length / 2)],
      p95: gaps[Math.floor(gaps.length * 0.95)],
      rows: el.querySelectorAll('.vrow').length,
    };
  });
  maxRows = Math.max(maxRows, frames.rows);
  timings.chatScroll10kFrameP50Ms = Math.round(frames.p50);
  timings.chatScroll10kFrameP95Ms = Math.round(frames.p95);
  timings.chatMaxRowsInDom = maxRows;
  assert(maxRows < 80, `only the visible rows are in the DOM at ${SCALE} messages: ${maxRows}`);
  await page.screenshot({ path: join(out, '22-chat-10k.png') });
}

/** Two people chat in two browser contexts on their own `serve --auth` server. */
export async function chatSteps({ browser, java, jar, workspace, port, out, errors, timings }) {
  const base = `http://127.0.0.1:${port}`;
  const log = [];
  // The scale step posts 10,000 messages as one caller: above the default per-minute budget.
  const args = ['-Datelier.rate-limit.caller-per-minute=1000000', '-jar', jar, 'serve', workspace];
  const server = spawn(java, [...args, '--port', String(port), '--auth'], {
    env: { ...process.env, ATELIER_EMBEDDINGS_ENABLED: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.on('data', (d) => log.push(String(d)));
  server.stderr.on('data', (d) => log.push(String(d)));
  const contexts = [];
  const open = async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    page.on('pageerror', (e) => errors.push(`chat: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(m.text());
    });
    page.on('dialog', (d) => void d.accept());
    return page;
  };
  try {
    await until('the chat server to answer', async () => (await fetch(`${base}/api/health`)).ok);
    // Two accounts in one org: Ada registers (owning it) and invites Bob, who registers from it.
    const ada = await post(base, '/api/auth/register', {
      email: 'ada@chat.example',
      password: 'a long chat passphrase 1',
      displayName: 'Ada',
      orgName: 'Chatters',
    });
    const invitation = await post(
      base,
      `/api/orgs/${ada.identity.orgId}/invitations`,
      { email: 'bob@chat.example', role: 'member' },
      ada.accessToken,
    );
    const code = new URL(invitation.link).searchParams.get('code');
    await post(base, '/api/auth/register', {
      email: 'bob@chat.example',
      password: 'a long chat passphrase 2',
      displayName: 'Bob',
      invitation: code,
    });

    const a = await open();
    const b = await open();
    await signIn(a, base, 'ada@chat.example', 'a long chat passphrase 1');
    await signIn(b, base, 'bob@chat.example', 'a long chat passphrase 2');
    await a.getByText('No channels yet').first().waitFor();

    // Ada makes a private channel, then adds Bob from its members.
    await a.getByRole('button', { name: 'New channel' }).click();
    const create = a.getByRole('dialog', { name: 'New channel' });
    await create.getByLabel('Name').fill('design');
    await create.getByLabel('Topic').fill('How it looks');
    await create.getByLabel(/Private/).check();
    await checkAccessibility(a, 'the new channel dialog');
    await create.getByRole('button', { name: 'Create channel' }).click();
    await a.waitForURL(/\/chat\/\d+$/);
    const channelUrl = a.url();
    await a.getByRole('heading', { name: /design/ }).waitFor();
    await a.getByRole('button', { name: 'Members' }).click();
    const members = a.getByRole('dialog', { name: /Members of design/ });
    await members.getByLabel('Add a member').selectOption({ label: 'Bob' });
    await members.getByRole('button', { name: 'Add' }).click();
    await members.getByRole('list', { name: 'Members' }).getByText('Bob').waitFor();
    await members.getByRole('button', { name: 'Close' }).click();
    await a.getByRole('status', { name: 'Connection: Live' }).waitFor();

    // Bob finds it in his sidebar and opens it.
    await b.reload();
    await b
      .getByRole('navigation', { name: 'Channels' })
      .getByRole('link', { name: /design/ })
      .click();
    await b.waitForURL(channelUrl);
    await b.getByRole('status', { name: 'Connection: Live' }).waitFor();

    // Ada posts; Bob sees it live.
    const posted = Date.now();
    await a
      .getByRole('combobox', { name: 'Message #design' })
      .fill('Hello Bob, the palette is ready');
    await a.getByRole('combobox', { name: 'Message #design' }).press('Enter');
    const bobLog = b.getByRole('log', { name: 'Messages in design' });
    const bobSees = bobLog.getByRole('article').filter({ hasText: 'the palette is ready' });
    await bobSees.waitFor();
    timings.chatDeliveredMs = Date.now() - posted;
    await checkAccessibility(b, 'the chat page');
    await b.screenshot({ path: join(out, '19-chat.png') });

    // Bob answers in a thread; Ada sees the reply count live and opens the thread.
    await bobSees.getByRole('button', { name: 'Reply in thread' }).click();
    await b.waitForURL(/thread=\d+/);
    const bobThread = b.getByRole('complementary', { name: 'Thread' });
    await bobThread.getByRole('combobox', { name: 'Reply in thread' }).fill('Looks good to me');
    await bobThread.getByRole('combobox', { name: 'Reply in thread' }).press('Enter');
    await bobThread.getByRole('list', { name: 'Replies' }).getByText('Looks good to me').waitFor();
    const adaMessage = a
      .getByRole('log', { name: 'Messages in design' })
      .getByRole('article')
      .filter({ hasText: 'the palette is ready' });
    await adaMessage.getByRole('button', { name: /^1 reply/ }).click();
    await a
      .getByRole('complementary', { name: 'Thread' })
      .getByRole('list', { name: 'Replies' })
      .getByText('Looks good to me')
      .waitFor();
    await checkAccessibility(a, 'the thread panel');
    await a.screenshot({ path: join(out, '20-chat-thread.png') });

    // Ada edits her message; Bob sees the edit live and opens its history.
    await adaMessage.getByRole('button', { name: 'Edit' }).click();
    const edit = a.getByRole('combobox', { name: 'Edit message' });
    await edit.fill('Hello Bob, the palette is final');
    await edit.press('Enter');
    const edited = bobLog.getByRole('article').filter({ hasText: 'the palette is final' });
    await edited.waitFor();
    await edited.getByRole('button', { name: '(edited)' }).click();
    const history = b.getByRole('dialog', { name: 'Edit history' });
    await history.getByText('Hello Bob, the palette is ready').waitFor();
    await history.getByText('Hello Bob, the palette is final').waitFor();
    await checkAccessibility(b, 'the edit history');
    await history.getByRole('button', { name: 'Close' }).click();

    // A reaction from Bob reaches Ada.
    await edited.getByRole('button', { name: 'Add reaction' }).click();
    await edited.getByRole('button', { name: 'React with 🎉' }).click();
    await a
      .getByRole('log', { name: 'Messages in design' })
      .getByRole('article')
      .filter({ hasText: 'the palette is final' })
      .getByRole('button', { name: /🎉 1/ })
      .waitFor();

    // Bob's network drops: the indicator says so, and it recovers by itself, replaying what
    // was posted meanwhile (Last-Event-ID).
    await b.context().setOffline(true);
    await b.getByRole('status', { name: 'Connection: Offline' }).waitFor();
    await a.getByRole('combobox', { name: 'Message #design' }).fill('Posted while Bob was away');
    await a.getByRole('combobox', { name: 'Message #design' }).press('Enter');
    await b.context().setOffline(false);
    await b.getByRole('status', { name: 'Connection: Live' }).waitFor();
    await bobLog.getByRole('article').filter({ hasText: 'Posted while Bob was away' }).waitFor();

    // A body made to run script stays text (or sanitised HTML): nothing runs, nothing is injected.
    const attack = '<script>window.__chatXss=1</script><img src=x onerror="window.__chatXss=2">';
    const before = await bobLog.getByRole('article').count();
    await a.getByRole('combobox', { name: 'Message #design' }).fill(attack);
    await a.getByRole('combobox', { name: 'Message #design' }).press('Enter');
    await until(
      'the script-shaped message on Bob’s side',
      async () => (await bobLog.getByRole('article').count()) === before + 1,
    );
    // Give a handler that would run (an image error) the time to.
    await new Promise((r) => setTimeout(r, 500));
    for (const page of [a, b]) {
      const ran = await page.evaluate(() => window.__chatXss);
      assert(ran === undefined, `the message's script did not run (${ran})`);
      const injected = await page.locator('.chat-body script, .chat-body img[onerror]').count();
      assert(injected === 0, 'no script or event handler element in a message body');
    }

    // Search finds the message; a hit opens it in its channel.
    const searchBox = a.getByRole('searchbox', { name: 'Search messages' });
    await searchBox.fill('palette');
    await searchBox.press('Enter');
    await a.waitForURL(/\/search\?q=palette/);
    const hits = a.getByRole('list', { name: 'Message results' });
    const hit = hits.getByRole('link').filter({ hasText: 'palette' }).first();
    await hit.waitFor();
    assert((await hits.locator('mark').count()) > 0, 'the snippet marks the found word');
    await checkAccessibility(a, 'the message search');
    await a.screenshot({ path: join(out, '21-chat-search.png') });
    await hit.click();
    await a.waitForURL(/\/chat\/\d+\?message=\d+/);
    await a.locator('.chat-highlight').filter({ hasText: 'the palette is final' }).waitFor();

    await scaleSteps({ page: a, base, token: ada.accessToken, timings, out });
  } catch (e) {
    console.error('[e2e] chat server log (tail):');
    console.error(log.join('').split('\n').slice(-30).join('\n'));
    for (const context of contexts)
      for (const p of context.pages())
        await p.screenshot({ path: join(out, `failure-chat-${contexts.indexOf(context)}.png`) });
    throw e;
  } finally {
    for (const context of contexts) await context.close().catch(() => {});
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}

// Alone: node web/e2e/chat.mjs [jar] — the chat steps without the rest of the suite.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const { chromium } = await import('playwright-core');
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { createServer } = await import('node:net');
  const { dirname, resolve } = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  const web = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const root = resolve(web, '..');
  const out = join(web, 'target/e2e');
  mkdirSync(out, { recursive: true });
  const jar =
    process.argv[2] ??
    join(
      root,
      'server/target',
      readdirSync(join(root, 'server/target')).find(
        (f) => /^atelier-server-.*\.jar$/.test(f) && !f.includes('original'),
      ),
    );
  const home =
    process.env.JAVA_HOME || execFileSync(join(root, 'scripts/find-jdk')).toString().trim();
  const port = await new Promise((done) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => done(port));
    });
  });
  const workspace = mkdtempSync(join(tmpdir(), 'atelier-e2e-chat-'));
  writeFileSync(join(workspace, 'README.md'), '# Chat\n');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  const errors = [];
  const timings = {};
  try {
    await chatSteps({
      browser,
      java: join(home, 'bin/java'),
      jar,
      workspace,
      port,
      out,
      errors,
      timings,
    });
    assert(errors.length === 0, `no page errors: ${errors.join('; ')}`);
    console.log('[e2e] chat passed', JSON.stringify(timings));
  } catch (e) {
    console.error('[e2e] chat FAILED:', e.message);
    process.exitCode = 1;
  } finally {
    await browser.close();
    rmSync(workspace, { recursive: true, force: true });
  }
}
