// The screens by URL.
import { Redirect, Route, Switch } from 'wouter';
import { AuditPage } from '../features/audit/audit-page';
import { ProjectPage } from '../features/projects/project-page';
import { ProjectsPage } from '../features/projects/projects-page';
import { HistoryPage } from '../features/releases/history-page';
import { ReleasePage } from '../features/releases/release-page';
import { ReportPage } from '../features/reports/report-page';
import { ReportsPage } from '../features/reports/reports-page';
import { TokensPage } from '../features/tokens/tokens-page';
import { Empty } from '../ui/query-state';

export function AppRoutes() {
  return (
    <Switch>
      <Route path="/">
        <Redirect to="/projects" />
      </Route>
      <Route path="/projects" component={ProjectsPage} />
      <Route path="/projects/:id">{(p) => <ProjectPage key={p.id} projectId={p.id} />}</Route>
      <Route path="/releases/:id">{(p) => <ReleasePage key={p.id} releaseId={p.id} />}</Route>
      <Route path="/history" component={HistoryPage} />
      <Route path="/reports" component={ReportsPage} />
      <Route path="/audit" component={AuditPage} />
      <Route path="/tokens" component={TokensPage} />
      <Route path="/reports/:id">{(p) => <ReportPage key={p.id} releaseId={p.id} />}</Route>
      <Route>
        <Empty>There is no page here.</Empty>
      </Route>
    </Switch>
  );
}
