// Post-deploy monitoring: metric sources (scrape, prometheus), the statistical judge, the
// watcher that emits monitor.* events, and the ship report's chart. See README.md for the method.
export { parsePrometheusText, type PrometheusExposition, type PrometheusMetricType, type PrometheusSample } from './parse-prometheus-text.js';
export { histogramQuantile, type HistogramBucket } from './histogram-quantile.js';
export { wilsonInterval, type Interval } from './wilson-interval.js';
export { newcombeDifference } from './newcombe-difference.js';
export type { MetricSource, WindowStats } from './metric-source.js';
export { createScrapeSource, type ScrapeSourceOptions } from './scrape-source.js';
export { createPrometheusSource, DEFAULT_PROMETHEUS_QUERIES, type PrometheusSourceOptions } from './prometheus-source.js';
export { createMetricSource, metricSources, type MetricSourceKind } from './metric-sources.js';
export { judge, type JudgeInput, type Judgement } from './judge.js';
export { measureBaseline, type MeasureBaselineInput } from './measure-baseline.js';
export { watchProduction, type WatchProductionInput, type WatchResult } from './watch-production.js';
export { monitoringChartSvg, type MonitoringChartOptions } from './monitoring-chart-svg.js';
