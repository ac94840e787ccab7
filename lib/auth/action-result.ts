// What a server action hands back to its form: a safe message and per-field messages, never a stack.
import { AppError, Invalid } from '@/lib/errors';

export interface ActionState {
  ok?: boolean;
  message?: string;
  error?: string;
  fieldErrors?: Record<string, string>;
  /** Non-secret values to put back into the form after an error (never passwords or codes). */
  values?: Record<string, string>;
}

/** Maps a typed error to form state; anything else is rethrown (Next.js shows its error page). */
export function actionError(error: unknown, values?: Record<string, string>): ActionState {
  if (error instanceof Invalid) return { error: error.message, fieldErrors: error.fieldErrors, values };
  if (error instanceof AppError) return { error: error.message, values };
  throw error;
}
