// Issue 17, the last parts: a dense file graph that stays legible, overloads told apart by the
// types of a call's arguments, and the text index backlog on each repository's badge.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkAccessibility } from './issue17.mjs';

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/**
 * 160 Java files in five packages, Guava-shaped: five hubs every file uses, a dozen busy files, and
 * leaves that use a hub, a busy file and a neighbour. Its file graph at 150 nodes is the dense case.
 */
export function writeDenseRepository(root) {
  const packages = ['a', 'b', 'c', 'd', 'e'];
  const pkgOf = (i) => packages[i % 5];
  for (const p of packages) mkdirSync(join(root, 'src/dense', p), { recursive: true });
  for (let i = 0; i < 160; i++) {
    const uses =
      i < 5 ? [] : [i % 5, ...(i >= 17 ? [5 + (i % 12)] : []), ...(i > 17 ? [i - 1] : [])];
    const imports = uses.map((u) => `import dense.${pkgOf(u)}.F${u};`).join('\n');
    const calls = uses.map((u) => `    F${u}.run();`).join('\n');
    writeFileSync(
      join(root, 'src/dense', pkgOf(i), `F${i}.java`),
      `package dense.${pkgOf(i)};\n\n${imports}\n\npublic class F${i} {\n  public static void run() {\n${calls}\n  }\n}\n`,
    );
  }
}

/**
 * The dense repository's file graph, reached from the keyboard (the level picker), draws its 150
 * most central files without any two circles overlapping.
 */
export async function denseGraphSteps(page, base, repoId, out) {
  await page.goto(`${base}/repos/${repoId}/understand?tab=graph`);
  const level = page.getByLabel('Level');
  await level.waitFor();
  await level.focus();
  await page.keyboard.press('ArrowDown'); // Folders -> Files
  const drawing = page.getByRole('group', { name: /^Dependency graph of 150 files/ });
  await drawing.waitFor();
  const circles = await drawing.locator('[data-node]').evaluateAll((groups) =>
    groups.map((g) => {
      const m = /translate\(([-\d.e]+)[ ,]([-\d.e]+)\)/.exec(g.getAttribute('transform'));
      return {
        x: Number(m[1]),
        y: Number(m[2]),
        r: Number(g.querySelector('circle').getAttribute('r')),
      };
    }),
  );
  assert(circles.length === 150, `150 files drawn: ${circles.length}`);
  const overlaps = [];
  for (let i = 0; i < circles.length; i++)
    for (let j = i + 1; j < circles.length; j++) {
      const [a, b] = [circles[i], circles[j]];
      if (Math.hypot(a.x - b.x, a.y - b.y) < a.r + b.r) overlaps.push([i, j]);
    }
  assert(overlaps.length === 0, `no two files drawn over each other: ${overlaps.length} overlap`);
  // Keyboard: Tab reaches the files, Enter opens one.
  await drawing.locator('[data-node]').first().focus();
  await page.locator('.graph-status', { hasText: /depends on \d+, used by \d+/ }).waitFor();
  await page.screenshot({ path: join(out, '19-dense-graph.png') });
  await checkAccessibility(page, 'the dense file graph');
}

/** Overloads of `pad` and the calls that tell them apart by their arguments' types. */
export function writeOverloads(root) {
  mkdirSync(join(root, 'src/fmt'), { recursive: true });
  writeFileSync(
    join(root, 'src/fmt/Format.java'),
    `package fmt;

public final class Format {
  /** Pads text to a width with spaces. */
  public static String pad(String text, int width) {
    return text;
  }

  /** Pads text with a fill character. */
  public static String pad(String text, char fill) {
    return text + fill;
  }

  /** Pads any value's text to a width. */
  public static String pad(Object value, long width) {
    return String.valueOf(value);
  }
}
`,
  );
  writeFileSync(
    join(root, 'src/fmt/Report.java'),
    `package fmt;

class Report {
  String header(String name) {
    String id = Format.pad("id", 4);
    String rule = Format.pad(name, '-');
    return id + rule + Format.pad(count(), 3);
  }

  Object count() {
    return 7;
  }
}
`,
  );
}

/** Puts the caret at the end of the nth (1-based) match of `text`, with Ctrl-F, from the keyboard. */
async function caretAfter(page, text, nth) {
  await page.locator('.cm-content').focus();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+f');
  await page.getByRole('textbox', { name: 'Find' }).waitFor();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(text);
  for (let i = 0; i < nth; i++) await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
}

/**
 * F12 on calls of an overloaded method: the argument types pick the overload when they can
 * (a string and an int literal; a declared String parameter and a char literal); when an argument's
 * type is unknown, the candidates are listed, the best fit first.
 */
export async function overloadSteps(page, base, repoId, out) {
  const report = `${base}/repos/${repoId}/code/src/fmt/Report.java`;
  await page.goto(report);
  await page.locator('.cm-line', { hasText: 'class Report' }).waitFor();
  const lineOf = async (text) => {
    const lines = (
      await (
        await page.request.get(`${base}/api/repos/${repoId}/files?path=src/fmt/Format.java`)
      ).json()
    ).content.split('\n');
    return lines.findIndex((l) => l.includes(text)) + 1;
  };

  await caretAfter(page, 'Format.pad', 1);
  await page.keyboard.press('F12');
  const stringInt = await lineOf('pad(String text, int width)');
  await page.waitForURL(new RegExp(`/code/src/fmt/Format\\.java#L${stringInt}$`));

  await page.goto(report);
  await page.locator('.cm-line', { hasText: 'class Report' }).waitFor();
  await caretAfter(page, 'Format.pad', 2);
  // The hover card (Ctrl-I) puts the overload the arguments fit first.
  await page.keyboard.press('Control+i');
  const card = page.locator('.hover-card');
  await card.waitFor();
  const first = await card.locator('.hover-signature').first().textContent();
  assert(first.includes('char fill'), `the card shows pad(String, char) first: ${first}`);
  await page.keyboard.press('Escape');
  await page.keyboard.press('F12');
  const stringChar = await lineOf('pad(String text, char fill)');
  await page.waitForURL(new RegExp(`/code/src/fmt/Format\\.java#L${stringChar}$`));

  await page.goto(report);
  await page.locator('.cm-line', { hasText: 'class Report' }).waitFor();
  await caretAfter(page, 'Format.pad', 3);
  await page.keyboard.press('F12');
  const list = page.getByRole('region', { name: 'Definitions of pad' });
  await list.waitFor();
  const rows = await list.getByRole('link').allTextContents();
  // count()'s type is not read from the call: pad(String, int) fits the 3 best, pad(Object, long)
  // too; pad(String, char) cannot take an int. Which one depends on count(): listed, best first.
  assert(rows.length === 2, `two candidates listed: ${rows.join(' | ')}`);
  assert(
    /best fit for the arguments/.test(rows[0]) && rows[0].includes('String text, int width'),
    `the best first: ${rows.join(' | ')}`,
  );
  await page.screenshot({ path: join(out, '20-overloads.png') });
  await checkAccessibility(page, 'the ranked definitions');
}

/**
 * Each repository says how much of it the text index still has to take; "text index ready" only
 * where the API says nothing is pending.
 */
export async function textIndexSteps(page, base, repoId) {
  await page.goto(`${base}/`);
  const panel = page
    .locator('li.repo')
    .filter({ has: page.locator(`a[href="/repos/${repoId}/code"]`) });
  const badge = panel.locator('.text-index .badge');
  await badge.waitFor();
  assert(
    /^text index (ready|\d+%)$/.test((await badge.textContent()).trim()),
    'a text index badge',
  );
  // The page polls while a backlog remains: it reaches "ready", and the API agrees.
  await panel.getByText('text index ready').waitFor({ timeout: 90_000 });
  const status = await (await page.request.get(`${base}/api/index/status`)).json();
  const own = status.repositories.find((r) => r.repository === repoId);
  assert(
    own?.textIndex?.pending === 0 && own.textIndex.files > 0,
    `"text index ready" only where the API says so: ${JSON.stringify(own)}`,
  );
}
