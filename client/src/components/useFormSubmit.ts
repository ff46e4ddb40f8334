/**
 * The busy flag and error line every API-backed form repeats: disable the button while the
 * request runs, clear the last error, and put a failure into words with `describeError`.
 * `run` serves the same way for buttons outside a form (status moves, removing a row).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from './ErrorScreen';

/** How one run of an action reports. */
export interface RunOptions {
  /**
   * Leaves the form busy after a success, for actions that navigate away: the button stays
   * disabled until the page changes instead of inviting a second submit.
   */
  staysBusyOnSuccess?: boolean;
}

/** What a form gets from `useFormSubmit`. */
export interface FormSubmit {
  error: string | null;
  isBusy: boolean;
  /** For checks a form makes itself before anything is sent. */
  setError: (message: string | null) => void;
  /** Runs `action` with the busy flag set; a failure becomes `error`. */
  run: (action: () => Promise<void>, options?: RunOptions) => Promise<void>;
  /** A form's `onSubmit`: no page reload, then `run(action)`. */
  handleSubmit: (action: () => Promise<void>, options?: RunOptions) => (event: FormEvent) => void;
}

/**
 * Shared submit handling; `explain` may word a failure itself (e.g. wrong credentials) and
 * answers null to fall back to the generic description.
 */
export function useFormSubmit(explain?: (error: unknown) => string | null): FormSubmit {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const run = async (action: () => Promise<void>, options: RunOptions = {}) => {
    setIsBusy(true);
    setError(null);
    try {
      await action();
      if (!options.staysBusyOnSuccess) setIsBusy(false);
    } catch (actionError) {
      setError(explain?.(actionError) ?? describeError(t, actionError));
      setIsBusy(false);
    }
  };
  const handleSubmit =
    (action: () => Promise<void>, options?: RunOptions) => (event: FormEvent) => {
      event.preventDefault();
      void run(action, options);
    };
  return { error, isBusy, setError, run, handleSubmit };
}
