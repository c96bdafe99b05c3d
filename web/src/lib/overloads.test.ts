import { describe, expect, it } from 'vitest';
import {
  callArity,
  narrowDefinitions,
  paramArity,
  rankDefinitions,
  type Candidate,
} from './overloads.ts';

const site = (kind: string, signature: string, line = 1): Candidate => ({
  name: 'checkNotNull',
  kind,
  path: 'Preconditions.java',
  line,
  qualifiedName: 'Preconditions.checkNotNull',
  signature,
});

describe('callArity', () => {
  it('counts the top-level arguments of the call after a name', () => {
    expect(callArity('(ref, "a, b", f(x, y), new int[] {1, 2});')).toBe(4);
    expect(callArity(' ()')).toBe(0);
    expect(callArity('(x -> x, y)')).toBe(2);
    expect(callArity('(a < b, c > d)')).toBe(2);
    expect(callArity(' = 3;')).toBeUndefined();
    expect(callArity('(unclosed')).toBeUndefined();
  });
});

describe('paramArity', () => {
  it('reads fixed, generic, varargs, optional and self parameters', () => {
    expect(paramArity('public static <T> T checkNotNull(T reference)', 'checkNotNull')).toEqual({
      min: 1,
      max: 1,
    });
    expect(
      paramArity(
        'static <T> T checkNotNull(T ref, Map<String, Object> m, Object... args)',
        'checkNotNull',
      ),
    ).toEqual({ min: 2, max: Number.POSITIVE_INFINITY });
    expect(paramArity('def fetch(self, key, default=None)', 'fetch')).toEqual({ min: 1, max: 2 });
    expect(paramArity('class LocalCache', 'LocalCache')).toBeUndefined();
  });
});

describe('narrowDefinitions', () => {
  it('takes a class over its constructors', () => {
    const sites = [
      { ...site('class', 'class LocalCache'), name: 'LocalCache' },
      { ...site('constructor', 'LocalCache(Builder b)', 9), name: 'LocalCache' },
    ];
    expect(narrowDefinitions(sites).map((s) => s.kind)).toEqual(['class']);
  });

  it('keeps the overloads whose parameter count fits the call', () => {
    const sites = [
      site('method', 'T checkNotNull(T ref)', 1),
      site('method', 'T checkNotNull(T ref, Object message)', 2),
      site('method', 'T checkNotNull(T ref, String template, Object... args)', 3),
    ];
    expect(narrowDefinitions(sites, 1).map((s) => s.line)).toEqual([1]);
    expect(narrowDefinitions(sites, 2).map((s) => s.line)).toEqual([2, 3]);
    expect(narrowDefinitions(sites, 5).map((s) => s.line)).toEqual([3]);
    expect(narrowDefinitions(sites, 9).map((s) => s.line)).toEqual([3]);
    expect(narrowDefinitions([site('method', 'f(a)')], 4)).toHaveLength(1);
  });
});

describe('rankDefinitions', () => {
  it('opens the one overload whose parameter types fit the call, by count and then by type', () => {
    const sites = [
      site('method', 'static <T> T checkNotNull(T reference)', 1),
      site('method', 'static <T> T checkNotNull(T obj, String template, char p1)', 2),
      site('method', 'static <T> T checkNotNull(T obj, String template, int p1)', 3),
    ];
    const { sites: ranked, decided } = rankDefinitions(sites, {
      arity: 3,
      argTypes: ['Foo', 'string', 'int'],
    });
    expect(ranked.map((s) => s.line)).toEqual([3]);
    expect(decided).toBe(true);
  });

  it('lists them best first when the types leave a choice', () => {
    const sites = [
      site('method', 'static <T> T checkNotNull(T obj, String template, Object p1)', 1),
      site('method', 'static <T> T checkNotNull(T obj, String template, long p1)', 2),
    ];
    const { sites: ranked, decided } = rankDefinitions(sites, {
      arity: 3,
      argTypes: ['Foo', 'string', undefined],
    });
    expect(ranked.map((s) => s.line)).toEqual([1, 2]);
    expect(decided).toBe(false);
  });
});
