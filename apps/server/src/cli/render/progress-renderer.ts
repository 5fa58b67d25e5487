// Renders release events in the terminal: on a TTY a live line per running step with its
// elapsed time, then the result and duration; elsewhere plain lines. --json prints one
// JSON event per line instead (json-renderer.ts).
import { formatHealthTable, type HealthResult, type ReleaseEvent, type StepName } from '@shipgate/core';

const ICON = { succeeded: '✔', failed: '✖', skipped: '↷', running: '•', pending: '·' } as const;
const SPIN = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export interface ProgressRenderer {
  onEvent(event: ReleaseEvent): void;
  close(): void;
}

export function createProgressRenderer(out: NodeJS.WriteStream, now: () => number = Date.now): ProgressRenderer {
  const tty = Boolean(out.isTTY) && process.env.TERM !== 'dumb';
  const color = tty && !process.env.NO_COLOR;
  const paint = (code: string, text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
  let running: { step: StepName; title: string; started: number } | null = null;
  let frame = 0;
  let health: HealthResult[] = [];
  let ticker: NodeJS.Timeout | null = null;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

  const clearLine = () => {
    if (tty && running) out.write('\r\x1b[2K');
  };
  const drawLive = () => {
    if (!tty || !running) return;
    out.write(`\r\x1b[2K${paint('36', SPIN[frame++ % SPIN.length]!)} ${running.title} ${paint('2', seconds(now() - running.started))}`);
  };
  const print = (line: string) => {
    clearLine();
    out.write(`${line}\n`);
    drawLive();
  };

  return {
    onEvent(event) {
      switch (event.type) {
        case 'step.started':
          running = { step: event.step, title: event.title, started: now() };
          if (tty) {
            ticker ??= setInterval(drawLive, 100);
            drawLive();
          } else out.write(`→ ${event.title} …\n`);
          break;
        case 'step.finished': {
          clearLine();
          const icon = ICON[event.status];
          const tint = event.status === 'failed' ? '31' : event.status === 'skipped' ? '2' : '32';
          const title = running?.step === event.step ? running.title : event.step;
          running = null;
          out.write(`${paint(tint, icon)} ${title} ${paint('2', `(${seconds(event.durationMs)})`)}${event.detail ? ` — ${event.detail}` : ''}\n`);
          if (health.length && (event.step === 'health-checks' || event.step === 'rollback')) {
            out.write(`${formatHealthTable(health).split('\n').map((l) => `    ${l}`).join('\n')}\n`);
            health = [];
          }
          break;
        }
        case 'step.log':
          print(paint(event.stream === 'warn' || event.stream === 'stderr' ? '33' : '2', `    ${event.stream === 'warn' ? '⚠ ' : ''}${event.line}`));
          break;
        case 'gate.result':
          print(`    ${event.gate.status === 'pass' ? paint('32', '✔') : event.gate.status === 'fail' ? paint('31', '✖') : paint('2', '↷')} ${event.gate.title}: ${event.gate.detail}`);
          break;
        case 'health.result':
          // attempts are in the step log; the final results print as one table when the step ends
          if (event.result.final) health.push(event.result);
          break;
        case 'monitor.sample': {
          const s = event.sample;
          const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(2)}%`);
          print(`    ${s.verdict.padEnd(12)} errors ${pct(s.current.errorRate)} (baseline ${pct(s.baseline.errorRate)}), p95 ${s.current.p95Ms === null ? '—' : `${Math.round(s.current.p95Ms)} ms`} (baseline ${s.baseline.p95Ms === null ? '—' : `${Math.round(s.baseline.p95Ms)} ms`}), ${s.current.requests} requests; window ends ${s.windowEndsAt}`);
          break;
        }
        case 'monitor.verdict':
          print(`    ${paint(event.verdict === 'FAIL' ? '31' : event.verdict === 'PASS' ? '32' : '33', `monitoring ${event.verdict}`)}: ${event.reason}`);
          break;
        case 'release.status':
          if (event.status === 'rolling_back') print(paint('33', `↩ rolling back: ${event.reason ?? ''}`));
          break;
        case 'release.fact':
          break;
      }
    },
    close() {
      if (ticker) clearInterval(ticker);
      ticker = null;
      clearLine();
    },
  };
}
