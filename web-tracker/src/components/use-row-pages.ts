import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

/** How long the call display shows one page of a list that does not fit at once. */
export const DISPLAY_PAGE_MS = 10_000;

/**
 * How many rows go on each page when every page repeats the table head and must fit `available` (pixels, one spare
 * for rounding of collapsed borders). Greedy, in order; a row taller than the box gets a page of its own.
 */
export function splitIntoPages(rowHeights: readonly number[], headHeight: number, available: number): number[] {
  const sizes: number[] = [];
  let used = headHeight;
  let onPage = 0;
  for (const height of rowHeights) {
    if (onPage > 0 && used + height > available - 1) {
      sizes.push(onPage);
      used = headHeight;
      onPage = 0;
    }
    used += height;
    onPage += 1;
  }
  if (onPage > 0) sizes.push(onPage);
  return sizes;
}

/**
 * Splits a table's rows into pages that fit its box: `boxRef` is the box whose height is given by the screen's
 * layout, `measureRef` a hidden copy of the table with every row at the same width (the tables use a fixed layout, so
 * a row wraps the same in both). Measures again when the box or the rows change size (screen, language, fonts).
 * Returns the number of rows on each page; a row taller than the box gets a page of its own.
 */
export function useRowPages(contentKey: string) {
  const boxRef = useRef<HTMLDivElement>(null);
  const measureRef = useRef<HTMLTableElement>(null);
  const [pages, setPages] = useState<readonly number[]>([]);

  const measure = useCallback(() => {
    const box = boxRef.current;
    const table = measureRef.current;
    if (!box || !table) return;
    const head = table.tHead?.getBoundingClientRect().height ?? 0;
    const rows = [...(table.tBodies[0]?.rows ?? [])].map((r) => r.getBoundingClientRect().height);
    // A box that does not clip (the display on a small screen scrolls as a page) shows every row.
    const clips = getComputedStyle(box).overflowY !== 'visible';
    const sizes = clips ? splitIntoPages(rows, head, box.clientHeight) : rows.length > 0 ? [rows.length] : [];
    setPages((prev) => (prev.length === sizes.length && prev.every((n, i) => n === sizes[i]) ? prev : sizes));
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: measure again whenever the rows' content changes
  useLayoutEffect(measure, [measure, contentKey]);

  useEffect(() => {
    const box = boxRef.current;
    const table = measureRef.current;
    if (!box || !table) return;
    const observer = new ResizeObserver(() => measure());
    observer.observe(box);
    observer.observe(table);
    let live = true;
    void document.fonts?.ready.then(() => {
      if (live) measure();
    });
    return () => {
      live = false;
      observer.disconnect();
    };
  }, [measure]);

  return { boxRef, measureRef, pages };
}

/** The page shown now: the next one every `intervalMs` while there is more than one. */
export function usePageRotation(pageCount: number, intervalMs = DISPLAY_PAGE_MS): number {
  const [page, setPage] = useState(0);
  useEffect(() => {
    setPage(0);
    if (pageCount <= 1) return;
    const timer = setInterval(() => setPage((p) => (p + 1) % pageCount), intervalMs);
    return () => clearInterval(timer);
  }, [pageCount, intervalMs]);
  return pageCount > 0 ? page % pageCount : 0;
}
