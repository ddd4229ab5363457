// 参保率 trend per township over the last days of the collection (line chart), its own chunk.
import { LineChart, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { TrendSeries } from '../../../../src/modules/collection/contract.ts';
import { bpToPercentValue } from '../../lib/format.ts';

use([LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

type Option = ComposeOption<
  LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;

export default function TrendChart({
  days,
  series,
}: {
  days: readonly string[];
  series: readonly TrendSeries[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = init(el, undefined, { renderer: 'canvas' });
    const option: Option = {
      animation: false,
      grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
      legend: { type: 'scroll', top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v === undefined ? '—' : `${v}%`) },
      xAxis: { type: 'category', data: days.map((d) => d.slice(5)) },
      yAxis: { type: 'value', axisLabel: { formatter: '{value}%' }, scale: true },
      series: series.map((s) => ({
        type: 'line',
        name: s.name,
        showSymbol: false,
        data: s.points.map((p) => (p.rateBp === null ? null : bpToPercentValue(p.rateBp))),
      })),
    };
    chart.setOption(option);
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [days, series]);
  return (
    <div
      ref={ref}
      data-testid="trend-chart"
      role="img"
      aria-label="各乡镇参保率走势"
      style={{ width: '100%', height: 320 }}
    />
  );
}
