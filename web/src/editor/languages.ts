import { StreamLanguage, type StreamParser } from '@codemirror/language';
import type { Extension } from '@codemirror/state';

/**
 * Syntax modes for the languages Atelier indexes, each loaded on first use (its own chunk), so the
 * shell does not pay for thirteen grammars.
 */
const loaders: Record<string, () => Promise<Extension>> = {
  java: () => import('@codemirror/lang-java').then((m) => m.java()),
  python: () => import('@codemirror/lang-python').then((m) => m.python()),
  javascript: () => import('@codemirror/lang-javascript').then((m) => m.javascript({ jsx: true })),
  typescript: () =>
    import('@codemirror/lang-javascript').then((m) => m.javascript({ typescript: true })),
  tsx: () =>
    import('@codemirror/lang-javascript').then((m) =>
      m.javascript({ typescript: true, jsx: true }),
    ),
  go: () => import('@codemirror/lang-go').then((m) => m.go()),
  rust: () => import('@codemirror/lang-rust').then((m) => m.rust()),
  c: () => import('@codemirror/lang-cpp').then((m) => m.cpp()),
  cpp: () => import('@codemirror/lang-cpp').then((m) => m.cpp()),
  php: () => import('@codemirror/lang-php').then((m) => m.php({ plain: true })),
  csharp: () => legacy(import('@codemirror/legacy-modes/mode/clike').then((m) => m.csharp)),
  kotlin: () => legacy(import('@codemirror/legacy-modes/mode/clike').then((m) => m.kotlin)),
  ruby: () => legacy(import('@codemirror/legacy-modes/mode/ruby').then((m) => m.ruby)),
};

async function legacy(mode: Promise<StreamParser<unknown>>): Promise<Extension> {
  return StreamLanguage.define(await mode);
}

/** The syntax mode of a language id from the server; none for plain text or unknown ids. */
export async function languageSupport(language: string): Promise<Extension | undefined> {
  const load = loaders[language];
  return load ? load() : undefined;
}

export const highlightedLanguages = Object.keys(loaders);
