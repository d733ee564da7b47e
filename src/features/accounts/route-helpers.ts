import type { FastifyReply } from 'fastify';
import { ValidationError } from '../../platform/errors.ts';
import type { FieldErrors } from '../../platform/forms.ts';

/**
 * For the `catch` of a form post: re-renders the form (with 422) when the service refused the
 * input; any other failure propagates to the error handler.
 */
export function renderIfInvalid(
  error: unknown,
  render: (errors: FieldErrors) => FastifyReply | Promise<FastifyReply>,
): FastifyReply | Promise<FastifyReply> {
  if (!(error instanceof ValidationError)) throw error;
  return render(error.errors);
}
