import { describe, expect, it } from 'vitest';
import {
  callSite,
  canonicalType,
  declaredTypes,
  expressionType,
  parameterTypes,
  rankByArguments,
} from './callTypes.ts';

const overload = (signature: string, line: number) => ({
  name: 'checkNotNull',
  signature,
  line,
});

// Guava's Preconditions.checkNotNull overloads, as the index stores their signatures.
const CHECK_NOT_NULL = [
  overload('public static <T> T checkNotNull(T reference)', 1),
  overload('public static <T> T checkNotNull(T reference, @Nullable Object errorMessage)', 2),
  overload(
    'public static <T> T checkNotNull(T reference, String errorMessageTemplate, @Nullable Object... errorMessageArgs)',
    3,
  ),
  overload('public static <T> T checkNotNull(T obj, String errorMessageTemplate, char p1)', 4),
  overload('public static <T> T checkNotNull(T obj, String errorMessageTemplate, int p1)', 5),
  overload('public static <T> T checkNotNull(T obj, String errorMessageTemplate, long p1)', 6),
  overload(
    'public static <T> T checkNotNull(T obj, String errorMessageTemplate, @Nullable Object p1)',
    7,
  ),
  overload(
    'public static <T> T checkNotNull(T obj, String errorMessageTemplate, char p1, int p2)',
    8,
  ),
];

const lines = (ranked: { site: { line: number } }[]) => ranked.map((r) => r.site.line);

describe('argument types', () => {
  it('reads the types of literals, new, casts and string concatenation', () => {
    expect(expressionType('"a, b"')).toBe('string');
    expect(expressionType("'c'")).toBe('char');
    expect(expressionType("'c'", new Map(), 'python')).toBe('string');
    expect(expressionType('42')).toBe('int');
    expect(expressionType('42L')).toBe('long');
    expect(expressionType('4.2')).toBe('double');
    expect(expressionType('4.2f')).toBe('float');
    expect(expressionType('true')).toBe('boolean');
    expect(expressionType('null')).toBe('null');
    expect(expressionType('new ArrayList<String>()')).toBe('ArrayList');
    expect(expressionType('new int[3]')).toBe('int[]');
    expect(expressionType('(Foo) bar')).toBe('Foo');
    expect(expressionType('"id " + id')).toBe('string');
    expect(expressionType('a.b()')).toBeUndefined();
  });

  it('knows the declared type of locals, parameters and fields, the nearest declaration first', () => {
    const text = `class A {
  private final Map<String, Integer> counts = new HashMap<>();
  private long total;
  void f(String name, int[] ids, char c) {
    var list = new ArrayList<String>();
    Object total = null;
    use(name, ids, c, list, counts, total);
  }
}`;
    const types = declaredTypes(text, text.indexOf('use('));
    expect(types.get('name')).toBe('string');
    expect(types.get('ids')).toBe('int[]');
    expect(types.get('c')).toBe('char');
    expect(types.get('list')).toBe('ArrayList');
    expect(types.get('counts')).toBe('Map');
    expect(types.get('total')).toBe('Object');
  });

  it('reads annotated names in TypeScript and Go short declarations', () => {
    const ts = 'function f(id: number, name: string) { const ok = true; g(id, name, ok); }';
    expect(callSite(ts, ts.indexOf('g(') + 1, 'typescript')).toEqual({
      arity: 3,
      argTypes: ['double', 'string', 'boolean'],
    });
    const go = 'func f() {\n\tn := 3\n\tvar s string\n\tg(n, s)\n}';
    expect(callSite(go, go.indexOf('g(') + 1, 'go')?.argTypes).toEqual(['int', 'string']);
  });

  it('reads parameter types from Java, Go, TypeScript and Python signatures', () => {
    expect(
      parameterTypes(
        'static <T> T checkNotNull(T obj, @Nullable String template, Object... args)',
        'checkNotNull',
      ),
    ).toEqual(['T', 'string', 'Object...']);
    expect(parameterTypes('func Repeat(s string, count int) string', 'Repeat')).toEqual([
      'string',
      'int',
    ]);
    expect(parameterTypes('function pad(text: string, width?: number)', 'pad')).toEqual([
      'string',
      'double',
    ]);
    expect(parameterTypes('def fetch(self, key: str, default=None)', 'fetch')).toEqual([
      'string',
      undefined,
    ]);
    expect(canonicalType('final List<Map<String, Integer>>')).toBe('List');
  });
});

describe('overloads ranked by argument types', () => {
  it('picks the int overload of checkNotNull(ref, "%s", 5): exact beats widening and boxing', () => {
    const call = callSite('checkNotNull(ref, "bad %s", 5);', 'checkNotNull'.length)!;
    const { ranked, decided } = rankByArguments(
      CHECK_NOT_NULL.filter((s) => [3, 4, 5, 6, 7].includes(s.line)),
      call,
    );
    expect(lines(ranked)[0]).toBe(5);
    // char cannot take an int; long and Object can, less well; varargs last
    expect(lines(ranked)).not.toContain(4);
    expect(lines(ranked).slice(1)).toEqual([6, 7, 3]);
    expect(decided).toBe(true);
  });

  it('picks the char overload for a char literal and the Object one for a string', () => {
    const three = CHECK_NOT_NULL.filter((s) => [3, 4, 5, 6, 7].includes(s.line));
    const char = rankByArguments(three, { arity: 3, argTypes: ['Foo', 'string', 'char'] });
    expect(lines(char.ranked)[0]).toBe(4);
    const text = rankByArguments(three, { arity: 3, argTypes: ['Foo', 'string', 'string'] });
    expect(lines(text.ranked)).toEqual([7, 3]);
    expect(text.decided).toBe(true);
  });

  it('ranks but does not decide when an argument that tells them apart is of unknown type', () => {
    const three = CHECK_NOT_NULL.filter((s) => [3, 4, 5, 6, 7].includes(s.line));
    const { ranked, decided } = rankByArguments(three, {
      arity: 3,
      argTypes: ['Foo', 'string', undefined],
    });
    expect(ranked).toHaveLength(5);
    expect(decided).toBe(false);
    // An int-typed third argument would lead; unknown, nothing does.
    expect(
      rankByArguments(three, { arity: 3, argTypes: [undefined, 'string', 'int'] }),
    ).toMatchObject({ decided: true, leads: true });
  });

  it('names a leader it cannot be sure of: an unknown argument where the two differ', () => {
    const { ranked, decided, leads } = rankByArguments(
      [
        { name: 'pad', signature: 'static String pad(Object value, long width)', line: 1 },
        { name: 'pad', signature: 'static String pad(String text, int width)', line: 2 },
      ],
      { arity: 2, argTypes: [undefined, 'int'] },
    );
    expect(lines(ranked)).toEqual([2, 1]);
    expect(leads).toBe(true);
    expect(decided).toBe(false);
  });

  it('keeps every candidate when no overload fits, so an unknown signature never hides the answer', () => {
    const { ranked } = rankByArguments(
      [overload('void checkNotNull(int a)', 1), overload('void checkNotNull(long a)', 2)],
      { arity: 1, argTypes: ['string'] },
    );
    expect(lines(ranked)).toEqual([1, 2]);
  });

  it('tells Go overload-free but same-named methods apart by receiver-free parameter types', () => {
    const { ranked, decided } = rankByArguments(
      [
        {
          name: 'Write',
          signature: 'func (w *Writer) Write(p []byte) (n int, err error)',
          line: 1,
        },
        { name: 'Write', signature: 'func Write(s string) error', line: 2 },
      ],
      { arity: 1, argTypes: ['string'] },
    );
    expect(lines(ranked)[0]).toBe(2);
    expect(decided).toBe(true);
  });
});
