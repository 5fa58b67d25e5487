// Demo only (`shipgate demo`): "Make the next release faulty" commits a fault to the sandbox
// app, so the next promote passes its health checks, degrades afterwards, and monitoring
// catches it and rolls it back. Hidden unless the server runs the demo.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { demoQuery, fixTheFault, makeFaultyRelease } from '../../api/demo';
import { planQuery, projectsQuery } from '../../api/projects';
import { isActive } from '../../api/releases';
import { sessionQuery } from '../../api/session';
import type { DemoFaultKind, ProjectDto } from '../../api/types';

const FAULTS: Record<DemoFaultKind, { label: string; explain: string; outcome: string }> = {
  errors: {
    label: 'More errors',
    explain: 'A few seconds after the deploy, a share of requests start failing with server errors.',
    outcome: 'carries more errors',
  },
  latency: {
    label: 'Slower',
    explain: 'A few seconds after the deploy, every response gets noticeably slower.',
    outcome: 'is slower',
  },
  component: {
    label: 'A failing component',
    explain: 'The cache stops responding as soon as the release runs, so the health checks already catch it and roll it back before monitoring starts.',
    outcome: 'has a failing component (the cache)',
  },
};

const isKnown = (kind: string): kind is DemoFaultKind => kind in FAULTS;

export function DemoPanel({ project }: { project: ProjectDto }) {
  const demo = useQuery(demoQuery());
  const session = useQuery(sessionQuery());
  const client = useQueryClient();
  const [kind, setKind] = useState<DemoFaultKind>('errors');
  const ids = useId();
  const fault = useMutation({
    mutationFn: makeFaultyRelease,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: planQuery(project.id).queryKey });
      void client.invalidateQueries({ queryKey: projectsQuery().queryKey });
    },
  });
  const fix = useMutation({
    mutationFn: fixTheFault,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: planQuery(project.id).queryKey });
      void client.invalidateQueries({ queryKey: projectsQuery().queryKey });
    },
  });
  if (!demo.data?.enabled) return null;
  const kinds = (demo.data.faultKinds ?? ['errors']).filter(isKnown);
  const reason =
    session.data?.role === 'viewer'
      ? 'You are signed in as a viewer: viewers cannot change the demo app.'
      : project.lastRelease && isActive(project.lastRelease)
        ? 'A release of this project is running: wait until it ends.'
        : null;
  // the way forward after monitoring (or the health checks) rolled the faulty release back
  const rolledBack = project.lastRelease?.kind === 'release' && project.lastRelease.status === 'rolled_back' ? project.lastRelease : null;
  return (
    <section className="demo-panel" aria-labelledby={`${ids}-heading`}>
      <p className="demo-tag">
        <span aria-hidden="true">⚗</span> Demo only
      </p>
      {rolledBack && !fix.isSuccess && (
        <div className="demo-fix">
          <h2>Fix the fault</h2>
          <p className="muted">
            {rolledBack.version} was rolled back. Commit the fix to the demo app (the fault file goes, a Fixed entry is added), then promote again: the next release is a good patch.
          </p>
          <button type="button" className="button-primary" disabled={reason !== null || fix.isPending} onClick={() => fix.mutate()}>
            {fix.isPending ? 'Committing…' : 'Fix the fault'}
          </button>
          {fix.isError && (
            <p className="state state-error" role="alert">
              <span aria-hidden="true">!</span> Could not fix the fault: {fix.error.message}
            </p>
          )}
        </div>
      )}
      {fix.isSuccess && (
        <p className="state state-done" role="status">
          <span aria-hidden="true">✓</span> Fixed in <code>{fix.data.commit.slice(0, 7)}</code>: promote to ship the fix.
        </p>
      )}
      <h2 id={`${ids}-heading`}>Make the next release faulty</h2>
      <p className="muted">
        Commits a fault to the demo app, to watch Shipgate catch a bad release. With more errors or slower responses, the next release passes its health checks and
        degrades afterwards: monitoring sees a measurement cross its threshold and rolls the release back on its own.
      </p>
      <fieldset className="demo-faults" disabled={reason !== null || fault.isPending}>
        <legend>What goes wrong</legend>
        {kinds.map((k) => (
          <label key={k} className="demo-fault">
            <input type="radio" name={`${ids}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} />
            <span>
              <strong>{FAULTS[k].label}</strong>
              <span className="muted"> — {FAULTS[k].explain}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <button type="button" disabled={reason !== null || fault.isPending} aria-describedby={`${ids}-reason`} onClick={() => fault.mutate(kind)}>
        {fault.isPending ? 'Committing…' : 'Make the next release faulty'}
      </button>
      <p id={`${ids}-reason`} className="reason">
        {reason ?? 'Then promote: watch the health checks pass, the charts cross the threshold band, and the release roll back.'}
      </p>
      {fault.isSuccess && (
        <p className="state state-done" role="status">
          <span aria-hidden="true">✓</span> Committed <code>{fault.data.commit.slice(0, 7)}</code>: the next release {isKnown(fault.data.kind) ? FAULTS[fault.data.kind].outcome : 'is faulty'}.
        </p>
      )}
      {fault.isError && (
        <p className="state state-error" role="alert">
          <span aria-hidden="true">!</span> Could not make the next release faulty: {fault.error.message}
        </p>
      )}
    </section>
  );
}
