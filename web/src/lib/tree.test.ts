import { describe, expect, it } from 'vitest';
import { ancestorFolders, formatSize, visibleRows, type TreeEntry } from './tree.ts';

const dir = (path: string): TreeEntry => ({
  name: path.split('/').pop() ?? path,
  path,
  type: 'dir',
  size: null,
});
const file = (path: string): TreeEntry => ({
  name: path.split('/').pop() ?? path,
  path,
  type: 'file',
  size: 10,
  language: 'java',
});

describe('file tree', () => {
  it('opens every folder above a file', () => {
    expect(ancestorFolders('src/main/App.java')).toEqual(['src', 'src/main']);
    expect(ancestorFolders('README.md')).toEqual([]);
    expect(ancestorFolders('')).toEqual([]);
  });

  it('shows a folder’s children right after it, only while it is open', () => {
    const children = new Map<string, TreeEntry[]>([
      ['', [dir('src'), file('README.md')]],
      ['src', [dir('src/main'), file('src/A.java')]],
      ['src/main', [file('src/main/B.java')]],
    ]);

    const open = visibleRows(children, new Set(['src', 'src/main']));
    expect(open.map((r) => [r.entry.path, r.depth])).toEqual([
      ['src', 0],
      ['src/main', 1],
      ['src/main/B.java', 2],
      ['src/A.java', 1],
      ['README.md', 0],
    ]);

    const closed = visibleRows(children, new Set(['src/main']));
    expect(closed.map((r) => r.entry.path)).toEqual(['src', 'README.md']);
  });

  it('marks an open folder whose children have not loaded yet as loading', () => {
    const rows = visibleRows(new Map([['', [dir('lib')]]]), new Set(['lib']));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ expanded: true, loading: true });
  });

  it('prints sizes for people', () => {
    expect(formatSize(512)).toBe('512 B');
    expect(formatSize(1536)).toBe('1.5 KB');
    expect(formatSize(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});
