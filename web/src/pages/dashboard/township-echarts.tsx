// 参保率排名 bar chart. ECharts is imported piecemeal (core, the bar chart, grid, tooltip, mark
// line, canvas renderer) from this file only, which the dashboard loads as its own chunk; the
// chunk is named after the file, so a check for "echarts" among the login page's scripts would
// catch a leak.
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  MarkLineComponent,
  type MarkLineComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { bpToPercent, bpToPercentValue } from '../../lib/format.ts';
import { axisMin, chartModel, type TownshipProgress } from './dashboard-data.ts';

use([BarChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

type Option = ComposeOption<
  BarSeriesOption | GridComponentOption | TooltipComponentOption | MarkLineComponentOption
>;

function optionOf(townships: readonly TownshipProgress[], countyBp: number | null): Option {
  const m = chartModel(townships);
  return {
    animation: false,
    grid: { left: 8, right: 64, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${v ?? '—'}%` },
    xAxis: { type: 'value', min: axisMin(m.values), axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: m.names, inverse: true },
    series: [
      {
        type: 'bar',
        name: '参保率',
        barMaxWidth: 22,
        data: m.values.map((v, i) => ({ value: v ?? undefined, itemStyle: { color: m.colors[i] } })),
        label: {
          show: true,
          position: 'right',
          formatter: (p) => (p.value === undefined ? '' : `${p.value}%`),
        },
        markLine:
          countyBp === null
            ? undefined
            : {
                symbol: 'none',
                silent: true,
                lineStyle: { color: '#faad14', type: 'dashed' },
                label: { formatter: `全县 ${bpToPercent(countyBp)}`, position: 'start' },
                data: [{ xAxis: bpToPercentValue(countyBp) }],
              },
      },
    ],
  };
}

export default function TownshipChart({
  townships,
  countyBp,
}: {
  townships: readonly TownshipProgress[];
  countyBp: number | null;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const lastTwo = chartModel(townships)
    .lastTwo.map((c) => townships.find((t) => t.code === c)?.name)
    .join('、');

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = init(el, undefined, { renderer: 'canvas' });
    chart.setOption(optionOf(townships, countyBp));
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [townships, countyBp]);

  return (
    <div
      ref={ref}
      data-testid="township-chart"
      role="img"
      aria-label={`各乡镇参保率排名柱状图${lastTwo ? `，末两位：${lastTwo}` : ''}`}
      style={{ width: '100%', height: Math.max(160, townships.length * 34 + 48) }}
    />
  );
}
