/**
 * A child of a folder, as `GET /api/repos/{id}/tree` answers it: one level only, so a folder has
 * no size (summing it would read everything beneath it).
 */
export interface TreeEntry {
  name: string;
  path: string;
  type: 'dir' | 'file';
  size: number | null;
  language?: string | null;
}

/** The folders that must be open to show `path`: `a/b/c.java` → `a`, `a/b`. */
export function ancestorFolders(path: string): string[] {
  const parts = path.split('/').filter((p) => p.length > 0);
  const folders: string[] = [];
  for (let i = 1; i < parts.length; i++) folders.push(parts.slice(0, i).join('/'));
  return folders;
}

/** One row of the flattened, visible tree: an entry and how deep it sits. */
export interface TreeRow {
  entry: TreeEntry;
  depth: number;
  expanded: boolean;
  loading: boolean;
}

/**
 * Flattens the loaded folders into the rows a tree view shows, depth first: a folder's children
 * follow it only while it is expanded. `children` maps a folder path ("" for the root) to its
 * entries once loaded.
 */
export function visibleRows(
  children: ReadonlyMap<string, readonly TreeEntry[]>,
  expanded: ReadonlySet<string>,
): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (folder: string, depth: number) => {
    for (const entry of children.get(folder) ?? []) {
      const open = entry.type === 'dir' && expanded.has(entry.path);
      rows.push({
        entry,
        depth,
        expanded: open,
        loading: open && !children.has(entry.path),
      });
      if (open) walk(entry.path, depth + 1);
    }
  };
  walk('', 0);
  return rows;
}

/** `1234` → `1.2 KB`. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
