/** Every API call answers with this shape; errors are data, never throws. */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'locked'
  | 'unauthorised'
  | 'unknown_call'
  | 'unavailable'
  /** The disk refused the write (full, read-only, failing): nothing was saved, and saying so plainly lets the clerk act. */
  | 'storage'
  | 'internal';

export interface ApiError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): { ok: false; error: ApiError } => ({
  ok: false,
  error: { code, message },
});

/** Thrown inside services; the dispatcher turns it into a Result. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
