/**
 * The one error handler: AppError → its problem; schema failures → 400 with a problem per field;
 * other client errors from Fastify → a matching problem; anything else → a logged 500 with no
 * internals in the response.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Problem } from "../../core/api/common.schema.ts";
import { AppError } from "../../core/errors/app-error.ts";
import { languageFromHeader } from "../../core/errors/language.ts";
import { problemFor, problemFromAppError, problemFromIssues } from "./problem.ts";
import { RequestValidationError } from "./request-validation.ts";

export function requestLanguage(request: FastifyRequest) {
  return languageFromHeader(request.headers["accept-language"]);
}

function send(reply: FastifyReply, request: FastifyRequest, problem: Problem) {
  problem.instance = request.url.split("?")[0];
  problem.requestId = String(request.id);
  // RFC 9110: how long to wait, in whole seconds, for a lock or a throttle.
  if (problem.retryAt) {
    reply.header(
      "retry-after",
      String(Math.max(0, Math.ceil((Date.parse(problem.retryAt) - Date.now()) / 1000))),
    );
  }
  return reply.status(problem.status).type("application/problem+json").send(problem);
}

/**
 * `webDir`: when the web app is built, unknown GET paths outside /api that ask for HTML get its
 * index.html, so that the app's own routes (/wilayah/3171) load on refresh.
 */
export function installErrorHandling(app: FastifyInstance, webDir: string | null): void {
  app.setErrorHandler((error: FastifyError | AppError | RequestValidationError, request, reply) => {
    const lang = requestLanguage(request);
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error }, "service error");
      return send(reply, request, problemFromAppError(error, lang));
    }
    if (error instanceof RequestValidationError) {
      return send(reply, request, problemFromIssues(error.issues, error.validationContext ?? "body", lang));
    }
    const status = (error as FastifyError).statusCode ?? 500;
    if (status === 413) return send(reply, request, problemFor("payload_too_large", lang));
    if (status >= 400 && status < 500) {
      const problem = problemFor("validation_failed", lang);
      problem.status = status;
      problem.errors = [
        { field: "body", code: (error as FastifyError).code ?? "bad_request", message: error.message },
      ];
      return send(reply, request, problem);
    }
    request.log.error({ err: error }, "unhandled error");
    return send(reply, request, problemFor("internal_error", lang));
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    if (
      webDir &&
      request.method === "GET" &&
      !path.startsWith("/api/") &&
      (request.headers.accept ?? "").includes("text/html")
    ) {
      return reply.type("text/html").sendFile("index.html", webDir);
    }
    return send(
      reply,
      request,
      problemFor("route_not_found", requestLanguage(request), {
        method: request.method,
        url: path,
      }),
    );
  });
}
