/**
 * Reads change no secret, but each one adds an event; writing the state file (with fsync) on every read would make
 * reads as slow as writes. Events recorded by reads are saved within a second instead, and at close.
 */
export interface LaterSave {
  schedule(): void;
  /** Saves now if a save is pending. */
  flush(): void;
  cancel(): void;
}

export function saveLater(save: () => void, delayMs: number, onError: (error: unknown) => void): LaterSave {
  let timer: NodeJS.Timeout | undefined;
  const cancel = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
  };
  const run = () => {
    timer = undefined;
    try {
      save();
    } catch (error) {
      // A full disk must not take the server down from a timer; the next save tries again.
      onError(error);
    }
  };
  return {
    schedule: () => {
      if (timer) return;
      timer = setTimeout(run, delayMs);
      timer.unref();
    },
    flush: () => {
      if (!timer) return;
      cancel();
      run();
    },
    cancel,
  };
}
