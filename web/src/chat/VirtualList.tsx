import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { anchoredScrollTop, layout, rowAt, visibleRange } from './virtualWindow.ts';

const ESTIMATE = 64;
/** Within this many pixels of the bottom the list follows new rows. */
const STICKY = 48;

/** Reports its height whenever it changes (a row drawn, an image loaded, a code block highlighted). */
function Measured({
  id,
  top,
  onSize,
  children,
}: {
  id: number;
  top: number;
  onSize: (id: number, height: number) => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    onSize(id, element.getBoundingClientRect().height);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => onSize(id, element.getBoundingClientRect().height));
    observer.observe(element);
    return () => observer.disconnect();
  }, [id, onSize]);
  return (
    <div ref={ref} className="vrow" style={{ transform: `translateY(${top}px)` }} data-row={id}>
      {children}
    </div>
  );
}

/**
 * A list of thousands of rows of which only the visible ones (and a few beyond) are in the DOM.
 * It starts at the bottom and follows new rows while the reader is there; scrolling near the top
 * asks for older rows, and the rows on screen stay put as those are prepended.
 */
export function VirtualList({
  ids,
  renderRow,
  label,
  hasOlder,
  loadingOlder,
  onNeedOlder,
  focusId,
  onBottomVisible,
  onClick,
}: {
  ids: readonly number[];
  renderRow: (id: number, index: number) => ReactNode;
  label: string;
  hasOlder: boolean;
  loadingOlder: boolean;
  onNeedOlder: () => void;
  /** A row to bring into view (a search hit); if not loaded yet, older rows are asked for. */
  focusId?: number | undefined;
  /** The newest row on screen, when the reader is at the bottom. */
  onBottomVisible?: (id: number) => void;
  onClick?: (event: React.MouseEvent<HTMLDivElement>) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const heights = useRef(new Map<number, number>());
  const [measured, setMeasured] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const stick = useRef(true);
  const anchor = useRef<{ key: number; delta: number } | null>(null);
  const focused = useRef<number | undefined>(undefined);

  const offsets = useMemo(
    () => layout(ids, heights.current, ESTIMATE),
    // `measured` changes when a height does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [ids, measured],
  );
  const total = offsets[ids.length] ?? 0;

  const onSize = useCallback((id: number, height: number) => {
    const rounded = Math.ceil(height);
    if (rounded > 0 && heights.current.get(id) !== rounded) {
      heights.current.set(id, rounded);
      setMeasured((n) => n + 1);
    }
  }, []);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    setViewport(element.clientHeight || 600);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setViewport(element.clientHeight || 600));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // After rows or heights change: follow the bottom, or keep the anchored row where it was.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    let target: number | null = null;
    if (focusId !== undefined && focused.current !== focusId) {
      const index = ids.indexOf(focusId);
      if (index >= 0) {
        target = Math.max(0, (offsets[index] ?? 0) - viewport / 3);
        focused.current = focusId;
        stick.current = false;
      }
    }
    if (target === null)
      target = stick.current
        ? Math.max(0, total - element.clientHeight)
        : anchoredScrollTop(ids, offsets, anchor.current);
    if (target !== null && Math.abs(element.scrollTop - target) > 1) {
      element.scrollTop = target;
      setScrollTop(element.scrollTop);
    }
  }, [ids, offsets, total, focusId, viewport]);

  // A focused row not loaded yet: page back until it is (or nothing older is left).
  useEffect(() => {
    if (focusId !== undefined && !ids.includes(focusId) && hasOlder && !loadingOlder) onNeedOlder();
  }, [focusId, ids, hasOlder, loadingOlder, onNeedOlder]);

  const range = visibleRange(offsets, scrollTop, viewport, 6);

  useEffect(() => {
    if (!onBottomVisible || ids.length === 0) return;
    if (scrollTop + viewport >= total - STICKY) onBottomVisible(ids[ids.length - 1] as number);
  }, [onBottomVisible, ids, scrollTop, viewport, total]);

  const onScroll = () => {
    const element = scroller.current;
    if (!element) return;
    const top = element.scrollTop;
    setScrollTop(top);
    stick.current = top + element.clientHeight >= total - STICKY;
    const index = rowAt(offsets, top);
    const key = ids[index];
    anchor.current = key === undefined ? null : { key, delta: (offsets[index] ?? 0) - top };
    if (top < viewport && hasOlder && !loadingOlder) onNeedOlder();
  };

  return (
    <div
      ref={scroller}
      className="vlist"
      role="log"
      aria-label={label}
      aria-busy={loadingOlder}
      data-rows={ids.length}
      tabIndex={0}
      onScroll={onScroll}
      onClick={onClick}
    >
      <div className="vlist-inner" style={{ height: total }}>
        {ids.slice(range.start, range.end).map((id, i) => (
          <Measured key={id} id={id} top={offsets[range.start + i] ?? 0} onSize={onSize}>
            {renderRow(id, range.start + i)}
          </Measured>
        ))}
      </div>
    </div>
  );
}
