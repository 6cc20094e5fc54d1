import 'chartist/dist/index.css';
import { BarChart as Chartist } from 'chartist';
import { useEffect, useRef } from 'react';

/**
 * A bar chart (Chartist, SVG) with each bar's value written on it, so it reads without colour. It is a picture of
 * the table that always stands beside it: hidden from assistive technology, which reads the table instead.
 */
export function BarChart(props: {
  id: string;
  caption: string;
  labels: string[];
  /** One bar each; null draws none (no value for that label). */
  values: (number | null)[];
  /** The text written on each bar, e.g. "2,5 Min." (default: the value as it is). */
  valueLabels?: string[];
}) {
  const box = useRef<HTMLDivElement>(null);
  // By content: a re-render with equal numbers draws nothing again.
  const labelKey = JSON.stringify(props.labels);
  const valueKey = JSON.stringify(props.values);
  const valueLabelKey = JSON.stringify(props.valueLabels ?? null);
  useEffect(() => {
    const labels = JSON.parse(labelKey) as string[];
    const values = JSON.parse(valueKey) as (number | null)[];
    const valueLabels = JSON.parse(valueLabelKey) as string[] | null;
    if (!box.current) return;
    const chart = new Chartist(
      box.current,
      { labels, series: [values] },
      {
        height: '16rem',
        chartPadding: { top: 24, right: 8, bottom: 4, left: 4 },
        axisY: { onlyInteger: true, low: 0 },
        axisX: { showGrid: false },
      },
    );
    chart.on('draw', (event) => {
      if (event.type !== 'bar') return;
      const value = typeof event.value === 'number' ? event.value : ((event.value as { y?: number })?.y ?? 0);
      if (!value) return;
      event.group
        .elem('text', { x: event.x2, y: (event.y2 as number) - 6, 'text-anchor': 'middle' }, 'bc-chart__value')
        .text(valueLabels?.[event.index] ?? String(value));
    });
    return () => {
      chart.detach();
    };
  }, [labelKey, valueKey, valueLabelKey]);
  return (
    <figure className="bc-chart" aria-labelledby={`${props.id}-caption`}>
      <figcaption id={`${props.id}-caption`} className="kern-body kern-body--bold">
        {props.caption}
      </figcaption>
      <div ref={box} className="bc-chart__plot" aria-hidden="true" />
    </figure>
  );
}
