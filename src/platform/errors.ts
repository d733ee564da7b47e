/**
 * The few failures a service may report. Each has a stable code that clients can rely on and a
 * translation key for people; the error handler turns them into HTML or JSON responses.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly statusCode: number,
    message = code,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'Not found') {
    super('not_found', 404, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Forbidden') {
    super('forbidden', 403, message);
  }
}

export class ConflictError extends AppError {
  constructor(message = 'Conflict') {
    super('conflict', 409, message);
  }
}

/** A field-level problem: `errors` maps a field name to the translation key of its message. */
export class ValidationError extends AppError {
  constructor(readonly errors: Readonly<Record<string, string>>) {
    super('invalid_input', 422, `Invalid input: ${Object.keys(errors).join(', ')}`);
  }
}
