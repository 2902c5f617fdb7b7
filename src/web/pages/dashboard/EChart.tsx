/**
 * A chart. echarts directly (tree-shaken: bar, pie, scatter) rather than echarts-for-react, whose
 * CommonJS typings and default export disagree under ESM; this is all the wrapper did for us.
 */
import { BarChart, PieChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, PieChart, ScatterChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** What a click on a data item of the chart gives: the item as the option built it. */
export interface ChartClick {
  data?: unknown;
}

export function EChart({ option, height = 300, testId, onClick, label }: { option: ChartOption; height?: number; testId?: string; onClick?: (item: ChartClick) => void; label?: string }) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  // The latest handler, without binding the chart's event again at every render.
  const clicked = useRef(onClick);
  clicked.current = onClick;
  useEffect(() => {
    chart.current = echarts.init(host.current!);
    chart.current.on('click', (item) => clicked.current?.(item as ChartClick));
    const resize = () => chart.current?.resize();
    const observer = new ResizeObserver(resize);
    observer.observe(host.current!);
    return () => {
      observer.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return <div ref={host} style={{ height, width: '100%' }} data-testid={testId} role={label ? 'img' : undefined} aria-label={label} />;
}
