// A local HTTP health endpoint answering 200, in its own process: the test worker's event
// loop is blocked by synchronous git calls while fixtures are built, and a check must not
// time out because of that.
import { spawn } from 'node:child_process';
import { once } from 'node:events';

export interface HealthServer {
  url: string;
  close(): Promise<void>;
}

const SERVER = `
const server = require('node:http').createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/health+json' });
  res.end('{"status":"pass"}');
});
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
process.stdin.on('end', () => process.exit(0)).resume();
`;

export async function startHealthServer(): Promise<HealthServer> {
  const child = spawn(process.execPath, ['-e', SERVER], { stdio: ['pipe', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  const port = Number(chunk.toString().trim());
  return {
    url: `http://127.0.0.1:${port}/health`,
    async close() {
      const exited = once(child, 'exit');
      child.stdin!.end();
      await exited;
    },
  };
}
