import AjvCompiler from '@fastify/ajv-compiler';
import { ajvOptions } from './request-schemas.ts';

/** Null for a valid body, else what is wrong with it, in the words fastify uses for its routes. */
export type BodyValidator = (body: unknown) => string | null;

/**
 * A body schema compiled outside fastify (in the mail process) by the compiler fastify uses, with
 * the same options, so both accept, coerce and refuse alike. Like fastify, it reports the first
 * problem as `body<path> <message>` and reads an absent body as null.
 */
export function compileBodyValidator(schema: object): BodyValidator {
  const validate = AjvCompiler()({}, { customOptions: ajvOptions })({ schema, httpPart: 'body' });
  return (body) => {
    if (validate(body ?? null)) return null;
    return (validate.errors ?? []).map((e) => `body${e.instancePath} ${e.message}`).join(', ');
  };
}
