import type { ErrorCode } from '../../core/i18n/errors.js';
import { ERROR_STATUS } from '../../core/i18n/errors.js';

export type FieldError = {
  /** Dotted path of the field, e.g. "body.email" or "rows.12.code". */
  field: string;
  /** Stable code from core/i18n/errors.ts; the handler turns it into a message in the caller's language. */
  code: string;
  params?: Record<string, unknown>;
};

// The one error type services throw. The error handler maps it to RFC 9457 problem+json.
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fieldErrors: FieldError[];
  /** Message key (see registerMessages) or plain text for the problem's detail. */
  readonly detailKey?: string;
  readonly params: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    options: {
      detailKey?: string;
      params?: Record<string, unknown>;
      fieldErrors?: FieldError[];
      headers?: Record<string, string>;
    } = {},
  ) {
    super(options.detailKey ?? code);
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.fieldErrors = options.fieldErrors ?? [];
    this.detailKey = options.detailKey;
    this.params = options.params ?? {};
    this.headers = options.headers ?? {};
  }
}

export const notFound = (detailKey?: string) => new AppError('NOT_FOUND', { detailKey });
export const forbidden = () => new AppError('FORBIDDEN');
export const validation = (fieldErrors: FieldError[]) => new AppError('VALIDATION', { fieldErrors });
