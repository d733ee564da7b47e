import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from './errors.ts';

/**
 * The edge every text input passes before any handler, query or hook that could hand it to
 * PostgreSQL: path parameters, query strings, urlencoded forms and JSON bodies. PostgreSQL
 * refuses NUL in text (a 500 if it got that far), and text that is not valid Unicode or carries
 * control characters is never something a person typed. Refused input gets a translated 400
 * (`errors.bad_input`) and changes nothing.
 */

/** Far above the longest field any form accepts; forms check their own lengths with messages. */
export const TEXT_INPUT_MAX_LENGTH = 100_000;
/** A JSON body nested deeper than this is no request a client of ours sends. */
const NESTING_MAX = 20;

export type TextInputProblem = 'too_long' | 'control_character' | 'malformed';

/** C0 controls other than tab, LF and CR. */
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's purpose
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
/**
 * A lone surrogate (never valid Unicode), or U+FFFD, which decoders put where the bytes were
 * not UTF-8: a person has no reason to type the replacement character itself.
 */
const MALFORMED = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\uFFFD/;

/**
 * What is wrong with one text value, or undefined when it may go on. Exported for readers that
 * parse bodies outside this module (the multipart reader's fields).
 */
export function checkTextInput(value: string): TextInputProblem | undefined {
  if (value.length > TEXT_INPUT_MAX_LENGTH) return 'too_long';
  if (CONTROL_CHARACTER.test(value)) return 'control_character';
  if (MALFORMED.test(value)) return 'malformed';
  return undefined;
}

export class BadInputError extends AppError {
  constructor(readonly problem: InputProblem, where: string) {
    super('bad_input', 400, `Bad input in ${where}: ${problem}`);
  }
}

type InputProblem = TextInputProblem | 'too_deep' | 'not_finite';

/**
 * Every string inside a parsed value, keys included, up to NESTING_MAX levels deep; and every
 * number, since schema coercion turns "Infinity" into a number its integer check lets through,
 * as JSON does with 1e400.
 */
function problemIn(value: unknown, depth = 0): InputProblem | undefined {
  if (typeof value === 'string') return checkTextInput(value);
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : 'not_finite';
  if (value === null || typeof value !== 'object') return undefined;
  if (depth >= NESTING_MAX) return 'too_deep';
  if (Buffer.isBuffer(value)) return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = problemIn(item, depth + 1);
      if (problem) return problem;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    const problem = checkTextInput(key) ?? problemIn(item, depth + 1);
    if (problem) return problem;
  }
  return undefined;
}

/** Throws BadInputError when any string in `value` breaks the rules. */
export function assertTextInput(value: unknown, where: string): void {
  const problem = problemIn(value);
  if (problem) throw new BadInputError(problem, where);
}

/** Parsed urlencoded text that had a broken percent-encoding somewhere (`%E0%A4%A`, `%FF`, `%`). */
const malformedlyEncoded = new WeakSet<object>();

/** One name or value: `+` is a space; an escape that is not UTF-8 is kept as sent and flagged. */
function decodeComponent(text: string): { text: string; ok: boolean } {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return { text: decodeURIComponent(spaced), ok: true };
  } catch {
    return { text: spaced, ok: false };
  }
}

/**
 * `a=1&b=2&b=3` → `{ a: '1', b: ['2', '3'] }`. Names become own properties (so `__proto__` stays
 * data), and a broken percent-encoding marks the result, where the input check refuses it; the
 * lenient parsers let `%FF` through as text and `%00` as a NUL.
 */
export function parseUrlEncoded(text: string): Record<string, string | string[]> {
  const fields = new Map<string, string | string[]>();
  let wellFormed = true;
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const name = decodeComponent(at < 0 ? pair : pair.slice(0, at));
    const value = decodeComponent(at < 0 ? '' : pair.slice(at + 1));
    wellFormed &&= name.ok && value.ok;
    const existing = fields.get(name.text);
    if (existing === undefined) fields.set(name.text, value.text);
    else fields.set(name.text, Array.isArray(existing) ? [...existing, value.text] : [existing, value.text]);
  }
  const parsed = Object.fromEntries(fields);
  if (!wellFormed) malformedlyEncoded.add(parsed);
  return parsed;
}

function checkEncoding(value: unknown, where: string): void {
  if (typeof value === 'object' && value !== null && malformedlyEncoded.has(value)) throw new BadInputError('malformed', where);
}

function checkRequest(request: FastifyRequest): void {
  assertTextInput(request.params, 'path');
  checkEncoding(request.query, 'query');
  assertTextInput(request.query, 'query');
  checkEncoding(request.body, 'body');
  assertTextInput(request.body, 'body');
}

/**
 * Wires the checks: the strict urlencoded parser for form posts, and hooks that check the
 * path parameters, query and body before validation, and once more after it, before the guards:
 * validation coerces values, and a route may read its body itself (multipart) in between.
 * Give `parseUrlEncoded` to Fastify as its `querystringParser`.
 */
export const inputChecks = fp(
  async (app: FastifyInstance) => {
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
      const parsed = parseUrlEncoded(body as string);
      if (malformedlyEncoded.has(parsed)) done(new BadInputError('malformed', 'body'), undefined);
      else done(null, parsed);
    });
    app.addHook('preValidation', async (request) => checkRequest(request));
    app.addHook('preHandler', async (request) => checkRequest(request));
  },
  { name: 'input-checks' },
);
