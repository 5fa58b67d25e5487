// A TCP port free on 127.0.0.1 right now (the server's test helper, one copy).
export { freePort } from '../../apps/server/src/testing/free-port.ts';
