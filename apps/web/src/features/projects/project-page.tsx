// Project: gates with evidence, next version and why, CHANGELOG excerpt, steps, blockers,
// the promote button, and (demo only) "make the next release faulty".
import { useQuery } from '@tanstack/react-query';
import { planQuery, projectsQuery } from '../../api/projects';
import { Empty, ErrorState, Loading } from '../../ui/query-state';
import { LazyMarkdown } from '../reports/lazy-markdown';
import { DeliveryLog } from './delivery-log';
import { DemoPanel } from './demo-panel';
import { BlockerList } from './blocker-list';
import { GateList } from './gate-list';
import { LastOutcome } from './last-outcome';
import { FreezePanel } from './freeze-panel';
import { LockPanel } from './lock-panel';
import { productionLine, productionOf } from './production';
import { Time } from '../../ui/time';
import { PromotePanel, promoteRefusal } from './promote-panel';
import { meQuery, projectRole } from '../../api/auth';
import { VersionReasons } from './version-reasons';

export function ProjectPage({ projectId }: { projectId: string }) {
  const projects = useQuery(projectsQuery());
  const plan = useQuery(planQuery(projectId));
  const me = useQuery(meQuery());
  const project = projects.data?.find((p) => p.id === projectId);
  const production = productionOf(project?.production, plan.data?.production);
  if (projects.isSuccess && !project) return <Empty>No project called “{projectId}”.</Empty>;
  return (
    <section>
      <h1>{project?.name ?? projectId}</h1>
      <p className="production-line" data-testid="production">
        {productionLine(production)}
        {production?.since && (
          <span className="muted">
            {' '}
            Since <Time iso={production.since} isRelative />.
          </span>
        )}
      </p>
      {project && <LockPanel project={project} disabledReason={projectRole(me.data, projectId) === 'viewer' ? 'Viewers cannot lock or unlock.' : null} />}
      {project?.freeze && <FreezePanel freeze={project.freeze} />}
      {project?.lastRelease && <LastOutcome release={project.lastRelease} production={production?.version ?? null} />}
      {plan.isPending && <Loading what="the release plan" />}
      {plan.isError && <ErrorState error={plan.error} what="the release plan" onRetry={() => void plan.refetch()} />}
      {plan.data && (
        <div className="project-grid">
          {/* on a phone the promote panel comes first, right under the production status */}
          <div className="project-promote">{project && <PromotePanel project={project} plan={plan.data} />}</div>
          <div className="project-main">
            {plan.data.blocked && <BlockerList projectId={projectId} plan={plan.data} disabledReason={project ? promoteRefusal(project, projectRole(me.data, projectId), me.data?.name) : 'loading'} />}
            <h2>Gates</h2>
            <GateList gates={plan.data.gates} />
            <VersionReasons plan={plan.data} />
            <h2>CHANGELOG</h2>
            {plan.data.changelog.trim() ? (
              <LazyMarkdown source={plan.data.changelog} label="CHANGELOG excerpt" />
            ) : (
              <Empty>No CHANGELOG entries for this release.</Empty>
            )}
          </div>
          <aside className="project-extras">
            {project && <DemoPanel project={project} />}
            <h2>Steps that will run</h2>
            <ol className="steps-preview">
              {plan.data.steps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
            {(plan.data.warnings ?? []).map((w) => (
              <p key={w} className="warning">
                <span aria-hidden="true">⚠</span> {w}
              </p>
            ))}
          </aside>
        </div>
      )}
      <DeliveryLog projectId={projectId} role={projectRole(me.data, projectId)} />
    </section>
  );
}

