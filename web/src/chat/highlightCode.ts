import { Language, LanguageSupport } from '@codemirror/language';
import { classHighlighter, highlightTree } from '@lezer/highlight';
import { languageSupport } from '../editor/languages.ts';

/** Fence names people write, as the editor's language ids. */
const ALIASES: Record<string, string> = {
  js: 'javascript',
  jsx: 'javascript',
  ts: 'typescript',
  py: 'python',
  golang: 'go',
  rs: 'rust',
  'c++': 'cpp',
  cc: 'cpp',
  h: 'c',
  cs: 'csharp',
  'c#': 'csharp',
  kt: 'kotlin',
  rb: 'ruby',
};

export function fenceLanguage(className: string): string | undefined {
  const name = /(?:^|\s)language-([\w+#-]+)/.exec(className)?.[1]?.toLowerCase();
  return name ? (ALIASES[name] ?? name) : undefined;
}

/**
 * Highlights the fenced code blocks (`<pre><code class="language-go">`) under `root` with the code
 * view's own grammars, each loaded on first use; the text is set as text, never parsed as HTML.
 */
export async function highlightCodeBlocks(root: HTMLElement): Promise<void> {
  const blocks = root.querySelectorAll<HTMLElement>('pre > code[class*="language-"]');
  for (const code of blocks) {
    if (code.dataset.highlighted) continue;
    const id = fenceLanguage(code.className);
    const support = id ? await languageSupport(id) : undefined;
    const language =
      support instanceof LanguageSupport
        ? support.language
        : support instanceof Language
          ? support
          : undefined;
    if (!language || !code.isConnected) continue;
    const text = code.textContent ?? '';
    const tree = language.parser.parse(text);
    const fragment = document.createDocumentFragment();
    let at = 0;
    highlightTree(tree, classHighlighter, (from, to, classes) => {
      if (from > at) fragment.append(text.slice(at, from));
      const span = document.createElement('span');
      span.className = classes;
      span.textContent = text.slice(from, to);
      fragment.append(span);
      at = to;
    });
    if (at < text.length) fragment.append(text.slice(at));
    code.replaceChildren(fragment);
    code.dataset.highlighted = 'true';
  }
}
