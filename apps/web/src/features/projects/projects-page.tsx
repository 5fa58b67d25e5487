// Projects: production version, last release and whether it can be promoted now.
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { planQuery, projectsQuery } from '../../api/projects';
import { isActive } from '../../api/releases';
import type { ProjectDto } from '../../api/types';
import { Empty, ErrorState, Loading } from '../../ui/query-state';
import { StatusBadge } from '../../ui/status-badge';
import { Time } from '../../ui/time';
import { productionOf, productionShort } from './production';

export function ProjectsPage() {
  const projects = useQuery(projectsQuery());
  if (projects.isPending) return <Loading what="projects" />;
  if (projects.isError) return <ErrorState error={projects.error} what="projects" onRetry={() => void projects.refetch()} />;
  return (
    <section>
      <h1>Projects</h1>
      {projects.data.length === 0 ? (
        <Empty>No projects yet. Start the server with <code>shipgate serve --project DIR</code> to add one.</Empty>
      ) : (
        <ul className="cards">
          {projects.data.map((project) => (
            <ProjectCard key={project.id} project={project} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ProjectCard({ project }: { project: ProjectDto }) {
  const last = project.lastRelease;
  const plan = useQuery(planQuery(project.id));
  const canPromote = last && isActive(last)
    ? 'No — a release is running'
    : plan.isPending
      ? 'checking the gates…'
      : plan.isError
        ? 'unknown: the plan could not be made'
        : plan.data.blocked
          ? `No — ${plan.data.blockers[0] ?? 'blocked'}`
          : `Yes — ${plan.data.production?.version ?? plan.data.currentVersion ?? '?'} → ${plan.data.nextVersion ?? '?'}`; // from what production runs
  return (
    <li className="card">
      <h2>
        <Link href={`/projects/${project.id}`}>{project.name}</Link>
      </h2>
      <dl className="facts">
        <dt>Production</dt>
        <dd>{plan.isPending && !project.production ? 'checking…' : productionShort(productionOf(project.production, plan.data?.production))}</dd>
        <dt>Last release</dt>
        <dd>
          {last ? (
            <>
              <Link href={`/releases/${last.id}`}>{last.version ?? last.id}</Link> <StatusBadge status={last.status} />{' '}
              <span className="muted">
                <Time iso={last.createdAt} isRelative />
              </span>
            </>
          ) : (
            'none yet'
          )}
        </dd>
        <dt>Promote now</dt>
        <dd>{canPromote}</dd>
      </dl>
    </li>
  );
}
