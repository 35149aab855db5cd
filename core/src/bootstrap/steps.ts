/**
 * Long computations written once, run two ways. A bootstrap's loops are generators that `yield`
 * between slices of work (a replicate, a block of rows); {@link runSteps} drives one straight
 * through (the CLI, the tests: a yield costs tens of nanoseconds), {@link runStepsAsync} gives the
 * event loop a turn every few milliseconds and stops when the caller's job is cancelled (the
 * language server, where `$/cancelRequest` must be able to stop a bootstrap of a million
 * resamples). The engine stays free of timers and I/O: the asynchronous driver is handed the
 * pause it awaits.
 */

/** Work that pauses between slices; its return value is the result. */
export type Steps<T> = Generator<void, T, void>;

/** Runs `steps` to the end, synchronously. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** How {@link runStepsAsync} shares the thread and learns of a cancellation. */
export interface StepControl {
  /** Checked at every pause; when it returns true the work stops with {@link StepsCancelled}. */
  isCancelled?: () => boolean;
  /** Gives the event loop a turn (the server passes `setImmediate`). */
  pause: () => Promise<void>;
  /** Run at most about this long between pauses; default {@link DEFAULT_SLICE_MS}. */
  sliceMs?: number;
}

/** Between pauses: short enough for a cancellation to be answered at once, long enough to cost nothing. */
export const DEFAULT_SLICE_MS = 20;

/** The work was cancelled through {@link StepControl.isCancelled}. */
export class StepsCancelled extends Error {
  override readonly name = 'StepsCancelled';
  constructor() {
    super('cancelled');
  }
}

/**
 * Runs `steps` to the end, pausing (and checking for a cancellation) whenever a slice has run
 * `sliceMs`. Rejects with {@link StepsCancelled} when cancelled; the generator is closed then.
 */
export async function runStepsAsync<T>(steps: Steps<T>, control: StepControl): Promise<T> {
  const sliceMs = control.sliceMs ?? DEFAULT_SLICE_MS;
  let sliceEnd = Date.now() + sliceMs;
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (Date.now() < sliceEnd) continue;
    await control.pause();
    if (control.isCancelled?.()) {
      steps.return(undefined as T);
      throw new StepsCancelled();
    }
    sliceEnd = Date.now() + sliceMs;
  }
}
