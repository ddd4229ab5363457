// 机构监管画像 chart: each institution's average cost per stay as a share of its level's average,
// against the AVG_COST threshold (a dashed line). ECharts is imported piecemeal from this file only.
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

use([BarChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

type Option = ComposeOption<
  BarSeriesOption | GridComponentOption | TooltipComponentOption | MarkLineComponentOption
>;

export interface CostBar {
  name: string;
  /** average cost per stay as a percentage of the level's average */
  percent: number;
}

export default function InstitutionChart({
  bars,
  thresholdPercent,
}: {
  bars: CostBar[];
  thresholdPercent: number;
}) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = init(el.current);
    const option: Option = {
      animation: false,
      grid: { left: 8, right: 48, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${v ?? '—'}%` },
      xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: bars.map((b) => b.name), inverse: true },
      series: [
        {
          type: 'bar',
          name: '次均费用 / 同级平均',
          barMaxWidth: 20,
          data: bars.map((b) => ({
            value: b.percent,
            itemStyle: { color: b.percent > thresholdPercent ? '#cf1322' : '#1677ff' },
          })),
          label: { show: true, position: 'right', formatter: '{c}%' },
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color: '#faad14', type: 'dashed' },
            label: { formatter: `阈值 ${thresholdPercent}%`, position: 'start' },
            data: [{ xAxis: thresholdPercent }],
          },
        },
      ],
    };
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [bars, thresholdPercent]);
  return (
    <div ref={el} data-testid="institution-chart" style={{ height: Math.max(160, bars.length * 28 + 48) }} />
  );
}
