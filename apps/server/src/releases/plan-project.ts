// GET /api/projects/:id/plan: the plan, made from the server's planning clone.
import type { ReleasePlan } from '@shipgate/core';
import type { ProjectRow } from '../repositories/project-repository.js';
import { configuredName } from '../projects/register-project.js';
import type { Services } from '../services.js';

export async function planProject(svc: Services, project: ProjectRow, query: { bump?: string; spec?: string }): Promise<ReleasePlan> {
  return svc.clones.withClone(project, 'plan', async (dir) => {
    await svc.clones.sync(project, dir);
    const ctx = svc.engine.createContext({ emit: () => {}, env: svc.env });
    const { plan } = await svc.engine.planRelease({ repoDir: dir, ctx, ...query });
    await svc.projects.setPlannedVersion(project.id, plan.currentVersion);
    await svc.projects.setProduction(project.id, plan.production);
    // a project registered while its .shipgate.yaml was broken was named after its folder
    const name = await configuredName(dir);
    if (name && name !== project.name) await svc.projects.rename(project.id, name);
    return plan;
  });
}
