import { afterEach, describe, expect, it } from 'vitest';
import { createNodeHttp } from './node-http.js';
import { closedPort, startTestHttpServer, type TestHttpServer } from './testing/test-http-server.js';

const http = createNodeHttp();
let server: TestHttpServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('node http', () => {
  it('sends method, headers and body and returns status, lower-case headers and the body as text', async () => {
    server = await startTestHttpServer({
      '/echo': (request, response) =>
        response
          .writeHead(201, { 'X-Version': '1.4.0', 'Content-Type': 'application/json' })
          .end(JSON.stringify({ method: request.method, auth: request.headers.authorization, body: request.body })),
    });
    const response = await http(`${server.url}/echo`, { method: 'post', headers: { Authorization: 'Bearer t' }, body: 'hi' });
    expect(response.status).toBe(201);
    expect(response.headers['x-version']).toBe('1.4.0');
    expect(response.headers['content-type']).toBe('application/json');
    expect(JSON.parse(response.body)).toEqual({ method: 'POST', auth: 'Bearer t', body: 'hi' });
  });

  it('resolves for error statuses instead of rejecting', async () => {
    server = await startTestHttpServer({ '/down': (_request, response) => response.writeHead(503).end('down') });
    expect(await http(`${server.url}/down`)).toMatchObject({ status: 503, body: 'down' });
  });

  it('rejects with "timed out after N ms" when the answer comes too late', async () => {
    server = await startTestHttpServer({ '/slow': (_request, response) => setTimeout(() => response.end('late'), 2_000) });
    const started = Date.now();
    await expect(http(`${server.url}/slow`, { timeoutMs: 200 })).rejects.toThrow('timed out after 200 ms');
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('rejects with "timed out" when the body stops arriving midway', async () => {
    server = await startTestHttpServer({
      '/trickle': (_request, response) => {
        response.writeHead(200).write('part');
        setTimeout(() => response.end('rest'), 2_000);
      },
    });
    await expect(http(`${server.url}/trickle`, { timeoutMs: 200 })).rejects.toThrow('timed out after 200 ms');
  });

  it('rejects with "connection refused" when nothing listens', async () => {
    const port = await closedPort();
    await expect(http(`http://127.0.0.1:${port}/health`)).rejects.toThrow('connection refused');
  });

  it('rejects with "connection closed before the response" when the server drops the socket', async () => {
    server = await startTestHttpServer({ '/drop': (request) => request.socket.destroy() });
    await expect(http(`${server.url}/drop`)).rejects.toThrow(/^connection closed before the response$/);
  });

  it('says the response was incomplete when the socket closes mid-body', async () => {
    server = await startTestHttpServer({
      '/half': (request, response) => {
        response.writeHead(200, { 'content-length': '100' }).write('{"status":');
        setTimeout(() => request.socket.destroy(), 20);
      },
    });
    await expect(http(`${server.url}/half`)).rejects.toThrow('connection closed before the response was complete');
  });

  it('rejects with "cancelled" when the caller aborts', async () => {
    server = await startTestHttpServer({ '/slow': (_request, response) => setTimeout(() => response.end('late'), 2_000) });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await expect(http(`${server.url}/slow`, { signal: controller.signal })).rejects.toMatchObject({
      message: 'cancelled',
      failure: 'cancelled',
    });
  });
});
