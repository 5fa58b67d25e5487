// Ship reports: the list and one report's Markdown.
import { queryOptions } from '@tanstack/react-query';
import { getJson, http } from './http';
import type { ReportSummaryDto } from './types';

export const fetchReports = () => getJson<ReportSummaryDto[]>('/api/reports');
export const fetchReport = async (releaseId: string) => (await http(`/api/releases/${encodeURIComponent(releaseId)}/report`)).text();

export const reportsQuery = () => queryOptions({ queryKey: ['reports'], queryFn: fetchReports });
export const reportQuery = (releaseId: string) =>
  queryOptions({ queryKey: ['reports', releaseId, 'markdown'], queryFn: () => fetchReport(releaseId) });
