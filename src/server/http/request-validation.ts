/**
 * Request validation with the zod schemas of each route. Issues keep their input so that the error
 * handler can word each one in the request's language.
 */
import type { FastifySchemaCompiler } from "fastify";
import type { z } from "zod";

/** A request that failed its schema; `context` is body, querystring, params or headers. */
export class RequestValidationError extends Error {
  statusCode = 400;
  validationContext?: string;

  constructor(readonly issues: z.core.$ZodIssue[]) {
    super("Request validation failed");
    this.name = "RequestValidationError";
  }
}

export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(result.error.issues) };
  };
