// Every error becomes JSON { error: code, message } with the right 4xx; a 5xx says nothing
// about internals (the details go to the log only).
import { isShipgateError } from '@shipgate/core';
import type { FastifyError, FastifyInstance } from 'fastify';
import { HttpError } from '../http-error.js';

const SHIPGATE_STATUS: Record<string, number> = { USAGE: 422, CONFIG_INVALID: 422, GATE_BLOCKED: 422, GIT_FAILED: 502, PUSH_REJECTED: 502 };

function fastifyCode(error: FastifyError): string {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'payload_too_large';
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'unsupported_media_type';
  if (error.validation) return 'invalid_request';
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') return 'malformed_json';
  return 'bad_request';
}

export function errorHandlerPlugin(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpError) {
      return reply.code(error.statusCode).send({ error: error.code, message: error.message, ...error.extra });
    }
    if (isShipgateError(error)) {
      const status = SHIPGATE_STATUS[error.code] ?? 500;
      const code = error.code.toLowerCase();
      if (status < 500) return reply.code(status).send({ ...error.toJSON(), error: code, message: error.format() });
      request.log.error({ err: error }, 'engine error');
      return reply.code(status).send({ error: code, message: `the release engine failed (${error.code}); see the server log` });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.code(status).send({ error: fastifyCode(error), message: error.message });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ error: 'internal', message: 'the server failed to answer this request; see its log' });
  });
}
