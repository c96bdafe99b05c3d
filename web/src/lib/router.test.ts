import { describe, expect, it } from 'vitest';
import {
  chatUrl,
  codeUrl,
  messageSearchUrl,
  parseRoute,
  searchUrl,
  UNDERSTAND_TABS,
  understandUrl,
} from './router.ts';

describe('routes', () => {
  it('parses the pages of the app', () => {
    expect(parseRoute('/', '')).toEqual({ page: 'repos' });
    expect(parseRoute('/repos/7', '')).toEqual({
      page: 'code',
      repo: 7,
      path: '',
      branch: undefined,
    });
    expect(parseRoute('/repos/7/code/src/a%20b/App.java', '?branch=dev')).toEqual({
      page: 'code',
      repo: 7,
      path: 'src/a b/App.java',
      branch: 'dev',
    });
    expect(parseRoute('/repos/7/search', '?q=foo&mode=symbol')).toMatchObject({
      page: 'search',
      repo: 7,
      q: 'foo',
      mode: 'symbol',
    });
    expect(parseRoute('/repos/7/search', '?q=foo&mode=bogus')).toMatchObject({ mode: 'text' });
    expect(parseRoute('/nope', '')).toEqual({ page: 'not-found', pathname: '/nope' });
  });

  it('builds URLs that parse back to the same page', () => {
    const url = new URL(codeUrl(3, 'src/a b/#odd.java', 'feature/x', '#L4-L9'), 'http://h');
    expect(url.hash).toBe('#L4-L9');
    expect(parseRoute(url.pathname, url.search)).toEqual({
      page: 'code',
      repo: 3,
      path: 'src/a b/#odd.java',
      branch: 'feature/x',
    });
    const search = new URL(searchUrl(3, 'a&b', 'regex'), 'http://h');
    expect(parseRoute(search.pathname, search.search)).toMatchObject({ q: 'a&b', mode: 'regex' });
  });

  it('parses the Understand page with its tab, defaulting to the repo map', () => {
    expect(parseRoute('/repos/5/understand', '')).toEqual({
      page: 'understand',
      repo: 5,
      tab: 'map',
      branch: undefined,
    });
    expect(parseRoute('/repos/5/understand', '?tab=security&branch=dev')).toEqual({
      page: 'understand',
      repo: 5,
      tab: 'security',
      branch: 'dev',
    });
    expect(parseRoute('/repos/5/understand', '?tab=bogus')).toMatchObject({ tab: 'map' });
    expect(parseRoute('/repos/5/understand/extra', '')).toMatchObject({ page: 'not-found' });
  });

  it('builds Understand URLs that parse back to the same tab', () => {
    expect(understandUrl(5)).toBe('/repos/5/understand');
    for (const tab of UNDERSTAND_TABS) {
      const url = new URL(understandUrl(5, tab, 'feature/x'), 'http://h');
      expect(parseRoute(url.pathname, url.search)).toEqual({
        page: 'understand',
        repo: 5,
        tab,
        branch: 'feature/x',
      });
    }
  });

  it('keeps the search order, context and a pinned commit in the URL', () => {
    const search = new URL(
      searchUrl(3, 'x', 'text', undefined, { sort: 'path', context: 3 }),
      'http://h',
    );
    expect(parseRoute(search.pathname, search.search)).toMatchObject({ sort: 'path', context: 3 });
    expect(searchUrl(3, 'x', 'text', undefined, { sort: 'relevance', context: 1 })).toBe(
      '/repos/3/search?q=x&mode=text',
    );
    expect(parseRoute('/repos/3/search', '?q=x&context=99')).toMatchObject({ context: 1 });
    const pinned = new URL(codeUrl(3, 'a/B.java', 'dev', '#L4', 'abc123'), 'http://h');
    expect(pinned.hash).toBe('#L4');
    expect(parseRoute(pinned.pathname, pinned.search)).toEqual({
      page: 'code',
      repo: 3,
      path: 'a/B.java',
      branch: 'dev',
      commit: 'abc123',
    });
  });

  it('parses the chat routes and builds their URLs', () => {
    expect(parseRoute('/chat', '')).toEqual({
      page: 'chat',
      channel: undefined,
      thread: undefined,
      message: undefined,
    });
    expect(parseRoute('/chat/12', '?thread=40&message=41')).toEqual({
      page: 'chat',
      channel: 12,
      thread: 40,
      message: 41,
    });
    expect(parseRoute('/chat/12', '?thread=x')).toMatchObject({ thread: undefined });
    expect(chatUrl(12, { thread: 40 })).toBe('/chat/12?thread=40');
    expect(chatUrl()).toBe('/chat');
    expect(parseRoute('/search', '?q=hello%20there')).toEqual({
      page: 'messages',
      q: 'hello there',
    });
    expect(messageSearchUrl('a b')).toBe('/search?q=a+b');
  });
});
