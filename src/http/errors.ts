import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ERROR_CODES, isAppError } from '../lib/errors.js';
import { validationError } from '../lib/validation.js';

export interface ErrorBody {
  error: { code: string; message: string; issues: { path: string; message: string }[] };
}

function body(error: AppError): ErrorBody {
  return { error: { code: error.code, message: error.message, issues: [...error.issues] } };
}

export interface ErrorHandlingOptions {
  /** Answers an unknown address outside /api (the site's HTML 404 page); the API keeps its JSON. */
  pageNotFound?: (request: FastifyRequest, reply: FastifyReply) => FastifyReply;
}

/** Maps every failure to one JSON shape; the status comes from the error code table only. */
export function registerErrorHandling(app: FastifyInstance, options: ErrorHandlingOptions = {}): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let appError: AppError;
    if (isAppError(error)) {
      appError = error;
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      const context = error.validationContext ?? 'request';
      const issues = error.validation as readonly { instancePath: string; message?: string }[];
      appError = validationError(
        issues.map((issue) => ({
          path: [context, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
          message: issue.message ?? 'is invalid',
        })),
        context,
      );
    } else if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      const code = error.statusCode === 404 ? 'not_found' : 'validation_failed';
      appError = new AppError(code, error.message);
      return reply.status(error.statusCode).send(body(appError));
    } else {
      // Never echo an unexpected error to the client: it may carry data that must not leave.
      request.log.error({ err: error }, 'unhandled error');
      appError = new AppError('internal', 'internal error; it has been logged');
    }
    return reply.status(ERROR_CODES[appError.code].httpStatus).send(body(appError));
  });

  app.setNotFoundHandler((request, reply) => {
    if (options.pageNotFound && !request.url.startsWith('/api') && ['GET', 'HEAD'].includes(request.method)) {
      return options.pageNotFound(request, reply);
    }
    const error = new AppError('not_found', `no route ${request.method} ${request.url.split('?')[0] ?? ''}`);
    return reply.status(404).send(body(error));
  });
}
