// Request validation with two Ajv instances: bodies are JSON and are taken exactly as sent (no
// type coercion: "true", 1, [true] or null are not booleans — a wrong type is a 400 that starts
// nothing); the query string, path parameters and headers are text by nature, so they are
// coerced to the scalar types their schemas declare (?limit=5 → 5), never to or from arrays.
import { Ajv, type Options } from 'ajv';
import type { FastifyInstance } from 'fastify';

const SHARED: Options = { useDefaults: true, removeAdditional: false, allErrors: false, addUsedSchema: false, strict: false };

export function strictValidationPlugin(app: FastifyInstance): void {
  const bodies = new Ajv({ ...SHARED, coerceTypes: false });
  const text = new Ajv({ ...SHARED, coerceTypes: true });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? bodies : text).compile(schema));
}
