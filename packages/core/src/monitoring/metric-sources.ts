// The typed registry of metric sources: `monitoring.source.kind` picks one.
import type { MonitoringConfig } from '../config/config-types.js';
import type { CoreContext } from '../context.js';
import { ShipgateError } from '../errors.js';
import type { MetricSource } from './metric-source.js';
import { createPrometheusSource } from './prometheus-source.js';
import { createScrapeSource } from './scrape-source.js';

type SourceConfig = MonitoringConfig['source'];
type SourceOf<K extends SourceConfig['kind']> = Extract<SourceConfig, { kind: K }>;

export const metricSources = {
  scrape: (ctx: CoreContext, config: SourceOf<'scrape'>) => createScrapeSource(ctx, { url: config.url }),
  prometheus: (ctx: CoreContext, config: SourceOf<'prometheus'>) => createPrometheusSource(ctx, config),
} satisfies { [K in SourceConfig['kind']]: (ctx: CoreContext, config: SourceOf<K>) => MetricSource };

export type MetricSourceKind = keyof typeof metricSources;

export function createMetricSource(ctx: CoreContext, config: SourceConfig): MetricSource {
  switch (config.kind) {
    case 'scrape':
      return metricSources.scrape(ctx, config);
    case 'prometheus':
      return metricSources.prometheus(ctx, config);
    default: {
      const kind = (config as { kind: unknown }).kind;
      throw new ShipgateError('CONFIG_INVALID', `unknown metric source "${String(kind)}"`, {
        field: 'monitoring.source.kind',
        hint: `Use one of: ${Object.keys(metricSources).join(', ')}.`,
      });
    }
  }
}
