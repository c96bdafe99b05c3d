import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type PointerEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from '../../components/Link.tsx';
import { api } from '../../lib/api.ts';
import {
  communityColour,
  drawable,
  type FileGraph,
  folderFiles,
  folderGraph,
  neighbours,
  startsAtFolders,
} from '../../lib/fileGraph.ts';
import { bounds, type LayoutNode, separate, step } from '../../lib/forceLayout.ts';
import { layoutKey, NODE_GAP, settledLayout } from '../../lib/graphLayout.ts';
import { placeLabels } from '../../lib/graphLabels.ts';
import { graphKeys } from '../../lib/queryKeys.ts';
import { codeUrl, navigate } from '../../lib/router.ts';
import { Empty, TabState } from './TabState.tsx';

const LIMITS = [50, 150, 300] as const;

interface View {
  x: number;
  y: number;
  k: number;
}

/** The top files by PageRank and their dependencies, coloured by Louvain community. */
export default function GraphTab({ repo, branch }: { repo: number; branch: string | undefined }) {
  const [limit, setLimit] = useState<number>(150);
  const query = useQuery({
    queryKey: graphKeys.top(repo, branch, limit),
    queryFn: ({ signal }) => api.graph(repo, limit, branch, signal),
    // A new limit keeps the old picture until the new one is in.
    placeholderData: keepPreviousData,
  });
  return (
    <TabState query={query} what="the dependency graph">
      {(graph) =>
        graph.nodes.length === 0 ? (
          <Empty>No files indexed on this branch yet.</Empty>
        ) : (
          <>
            <div className="graph-toolbar">
              <p className="muted small">
                The {graph.nodes.length} most central of {graph.totalFiles.toLocaleString('en')}{' '}
                files (PageRank), {graph.edges.length.toLocaleString('en')}{' '}
                {graph.edges.length === 1 ? 'dependency' : 'dependencies'} among them. Drag to pan,
                wheel to zoom, drag a file to move it, click it to open it.
              </p>
              <label className="small">
                Files{' '}
                <select value={limit} onChange={(e) => setLimit(Number(e.target.value))}>
                  {LIMITS.map((l) => (
                    <option key={l} value={l}>
                      {l}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <LevelledGraph
              key={`${limit}:${graph.nodes.length}:${graph.edges.length}`}
              graph={graph}
              repo={repo}
              branch={branch}
            />
          </>
        )
      }
    </TabState>
  );
}

/**
 * Folders first when the files are many and spread (a node per folder, dependencies summed);
 * choosing a folder drills down to its files; the file level is one choice away.
 */
function LevelledGraph({
  graph,
  repo,
  branch,
}: {
  graph: FileGraph;
  repo: number;
  branch: string | undefined;
}) {
  const [level, setLevel] = useState<'folders' | 'files'>(() =>
    startsAtFolders(graph) ? 'folders' : 'files',
  );
  const [folder, setFolder] = useState<string | undefined>();
  const folders = useMemo(() => folderGraph(graph), [graph]);
  const inFolder = useMemo(
    () => (folder === undefined ? undefined : folderFiles(graph, folder)),
    [graph, folder],
  );
  const shown = inFolder ?? (level === 'folders' ? folders : graph);
  return (
    <>
      <div className="graph-level small">
        <label>
          Level{' '}
          <select
            value={level}
            onChange={(e) => {
              setFolder(undefined);
              setLevel(e.target.value as 'folders' | 'files');
            }}
          >
            <option value="folders">Folders ({folders.nodes.length})</option>
            <option value="files">Files ({graph.nodes.length})</option>
          </select>
        </label>
        {folder !== undefined && (
          <>
            {' '}
            <button type="button" onClick={() => setFolder(undefined)}>
              ← All folders
            </button>{' '}
            <span>
              Files of <code>{folder || '(root)'}</code>; Enter or a click opens one.
            </span>
          </>
        )}
        {folder === undefined && level === 'folders' && (
          <span> Enter or a click on a folder shows its files.</span>
        )}
      </div>
      <GraphView
        key={`${level}:${folder ?? ''}`}
        graph={shown}
        repo={repo}
        branch={branch}
        unit={folder === undefined && level === 'folders' ? 'folders' : 'files'}
        {...(folder === undefined && level === 'folders' ? { onOpen: setFolder } : {})}
      />
    </>
  );
}

function GraphView({
  graph,
  repo,
  branch,
  unit = 'files',
  onOpen,
}: {
  graph: FileGraph;
  repo: number;
  branch: string | undefined;
  /** What a node is: a file, or a folder of them. */
  unit?: 'files' | 'folders';
  /** What choosing a node does; opening the file by default. */
  onOpen?: (path: string) => void;
}) {
  const { files, links } = useMemo(() => drawable(graph), [graph]);
  const radii = useMemo(() => files.map((f) => f.radius), [files]);
  // No two files drawn over each other, however dense; computed once per graph (see settledLayout).
  const [nodes] = useState<LayoutNode[]>(() =>
    settledLayout(
      layoutKey(
        files.map((f) => f.path),
        radii,
        links,
      ),
      radii,
      links,
    ),
  );
  const [, redraw] = useState(0);
  const [hovered, setHovered] = useState<number | undefined>();
  const [cluster, setCluster] = useState<number | undefined>();
  const [view, setView] = useState<View>({ x: 0, y: 0, k: 1 });
  const svg = useRef<SVGSVGElement>(null);
  const drag = useRef<{ node: number | undefined; x: number; y: number; moved: boolean }>(
    undefined,
  );
  const reheat = useRef<number | undefined>(undefined);

  const box = useMemo(() => {
    const [x0, y0, x1, y1] = bounds(nodes);
    // Room for labels, and a least size so a handful of files is not blown up to fill the frame.
    const width = Math.max(x1 - x0 + 200, 640);
    const height = Math.max(y1 - y0 + 80, 400);
    return `${(x0 + x1 - width) / 2} ${(y0 + y1 - height) / 2} ${width} ${height}`;
    // `nodes` keeps its identity: the settled layout frames the view once; drags pan inside it.
  }, [nodes]);
  const near = useMemo(
    () => (hovered === undefined ? undefined : neighbours(links, hovered)),
    [links, hovered],
  );

  // Units of the drawing per screen pixel, for turning pointer moves into graph moves.
  const unitsPerPixel = () => {
    const matrix = svg.current?.getScreenCTM();
    return matrix && matrix.a > 0 ? 1 / matrix.a : 1;
  };

  // The wheel zooms; React's wheel listener is passive, so it could not stop the page scrolling.
  useEffect(() => {
    const element = svg.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      setView((v) => ({ ...v, k: clampZoom(v.k * (event.deltaY < 0 ? 1.15 : 1 / 1.15)) }));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, []);
  useEffect(() => () => cancelAnimationFrame(reheat.current ?? 0), []);

  // After a drag the others move aside for a moment, then settle again.
  const animate = () => {
    cancelAnimationFrame(reheat.current ?? 0);
    let alpha = 0.3;
    if (window.matchMedia?.('(prefers-reduced-motion: reduce)').matches) {
      while (alpha > 0.01) {
        step(nodes, links, alpha);
        separate(nodes, radii, NODE_GAP, 1);
        alpha *= 0.93;
      }
      separate(nodes, radii, NODE_GAP);
      redraw((n) => n + 1);
      return;
    }
    const tick = () => {
      step(nodes, links, alpha);
      // The dragged file shoulders the others aside instead of landing on them.
      separate(nodes, radii, NODE_GAP, alpha > 0.02 ? 1 : 200);
      alpha *= 0.93;
      redraw((n) => n + 1);
      if (alpha > 0.01) reheat.current = requestAnimationFrame(tick);
    };
    reheat.current = requestAnimationFrame(tick);
  };

  const open = (i: number) => {
    const file = files[i];
    if (!file) return;
    if (onOpen) onOpen(file.path);
    else navigate(codeUrl(repo, file.path, branch));
  };

  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    const target = (event.target as Element).closest('[data-node]');
    const node = target ? Number(target.getAttribute('data-node')) : undefined;
    drag.current = { node, x: event.clientX, y: event.clientY, moved: false };
    event.currentTarget.setPointerCapture?.(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const current = drag.current;
    if (!current) return;
    const dx = event.clientX - current.x;
    const dy = event.clientY - current.y;
    if (!current.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    current.moved = true;
    current.x = event.clientX;
    current.y = event.clientY;
    const units = unitsPerPixel();
    const node = current.node === undefined ? undefined : nodes[current.node];
    if (node) {
      node.pinned = true;
      node.x += (dx * units) / view.k;
      node.y += (dy * units) / view.k;
      redraw((n) => n + 1);
    } else {
      setView((v) => ({ ...v, x: v.x + dx * units, y: v.y + dy * units }));
    }
  };
  const onPointerUp = () => {
    const current = drag.current;
    drag.current = undefined;
    if (!current) return;
    if (current.node !== undefined && !current.moved) open(current.node);
    else if (current.node !== undefined) animate();
  };

  const dimmed = (i: number) =>
    (hovered !== undefined && i !== hovered && !near?.has(i)) ||
    (cluster !== undefined && files[i]?.community !== cluster);
  const hoveredFile = hovered === undefined ? undefined : files[hovered];
  // Recomputed on every draw: nodes move in place while a drag settles.
  const labelled = placeLabels(
    nodes.map((node, i) => ({
      x: node.x,
      y: node.y,
      radius: files[i]!.radius,
      name: files[i]!.name,
    })),
    view.k,
    new Set(hovered === undefined ? [] : [hovered, ...(near ?? [])]),
  );
  const isolated = files.some((f) => f.community === 0);

  return (
    <div className="graph">
      <div className="graph-canvas">
        <svg
          ref={svg}
          viewBox={box}
          role="group"
          aria-label={`Dependency graph of ${files.length} ${unit}; the table below lists them`}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => (drag.current = undefined)}
        >
          <defs>
            <marker
              id="graph-arrow"
              viewBox="0 0 10 10"
              refX="10"
              refY="5"
              markerWidth="5"
              markerHeight="5"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" className="graph-arrowhead" />
            </marker>
          </defs>
          <g transform={`translate(${view.x} ${view.y}) scale(${view.k})`}>
            <g className="graph-edges">
              {links.map((link, i) => {
                const a = nodes[link.source]!;
                const b = nodes[link.target]!;
                const r = files[link.target]!.radius + 1;
                const d = Math.hypot(b.x - a.x, b.y - a.y) || 1;
                const lit =
                  hovered !== undefined && (link.source === hovered || link.target === hovered);
                return (
                  <line
                    key={i}
                    x1={a.x}
                    y1={a.y}
                    x2={b.x - ((b.x - a.x) / d) * r}
                    y2={b.y - ((b.y - a.y) / d) * r}
                    className={
                      lit ? 'lit' : dimmed(link.source) && dimmed(link.target) ? 'dim' : ''
                    }
                    markerEnd={lit ? 'url(#graph-arrow)' : undefined}
                  />
                );
              })}
            </g>
            {files.map((file, i) => {
              const node = nodes[i]!;
              return (
                <g
                  key={file.path}
                  data-node={i}
                  data-path={file.path}
                  className={`graph-node${dimmed(i) ? ' dim' : ''}${hovered === i ? ' hovered' : ''}`}
                  transform={`translate(${node.x} ${node.y})`}
                  role="link"
                  tabIndex={0}
                  aria-label={`${file.path || '(root)'}, cluster ${file.community || 'none'}, depends on ${file.dependsOn}, used by ${file.usedBy}`}
                  onPointerEnter={() => setHovered(i)}
                  onPointerLeave={() => setHovered((h) => (h === i ? undefined : h))}
                  onFocus={() => setHovered(i)}
                  onBlur={() => setHovered((h) => (h === i ? undefined : h))}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') open(i);
                  }}
                >
                  <circle r={file.radius} fill={file.colour} />
                  {labelled.has(i) && (
                    // Scaled against the zoom: labels keep their size, nodes spread apart.
                    <text
                      x={(file.radius + 3 / view.k) * view.k}
                      y={4}
                      transform={`scale(${1 / view.k})`}
                    >
                      {file.name}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
        </svg>
        <div className="graph-controls">
          <button type="button" onClick={() => setView((v) => ({ ...v, k: clampZoom(v.k * 1.3) }))}>
            Zoom in
          </button>
          <button type="button" onClick={() => setView((v) => ({ ...v, k: clampZoom(v.k / 1.3) }))}>
            Zoom out
          </button>
          <button type="button" onClick={() => setView({ x: 0, y: 0, k: 1 })}>
            Fit
          </button>
        </div>
        <p className="graph-status small" aria-live="polite">
          {hoveredFile
            ? `${hoveredFile.path} — depends on ${hoveredFile.dependsOn}, used by ${hoveredFile.usedBy}`
            : ' '}
        </p>
      </div>
      <div className="graph-legend">
        <h3>Clusters</h3>
        <ul aria-label="Clusters (Louvain communities) of the files shown">
          {graph.clusters.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                aria-pressed={cluster === c.id}
                onClick={() => setCluster((current) => (current === c.id ? undefined : c.id))}
              >
                <span
                  className="swatch"
                  style={{ background: communityColour(c.id) }}
                  aria-hidden="true"
                />
                {c.label}{' '}
                <span className="muted small">
                  {c.shown} of {c.size} files
                </span>
              </button>
            </li>
          ))}
          {isolated && (
            <li className="muted small">
              <span
                className="swatch"
                style={{ background: communityColour(0) }}
                aria-hidden="true"
              />
              no dependencies
            </li>
          )}
        </ul>
      </div>
      <details className="graph-table">
        <summary>The files as a table</summary>
        <table className="listing">
          <caption className="visually-hidden">Files of the graph, most central first</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Cluster</th>
              <th scope="col">Depends on</th>
              <th scope="col">Used by</th>
            </tr>
          </thead>
          <tbody>
            {files.map((file) => (
              <tr key={file.path}>
                <td>
                  <Link href={codeUrl(repo, file.path, branch)}>{file.path}</Link>
                </td>
                <td>{file.community || '—'}</td>
                <td>{file.dependsOn}</td>
                <td>{file.usedBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}

function clampZoom(k: number): number {
  return Math.min(8, Math.max(0.2, k));
}
