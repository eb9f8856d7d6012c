/**
 * Runs `batch` with a limit of `size` again and again until one handles
 * fewer than `size` items: that one was the last. `batch` returns how many
 * it handled.
 */
export async function runUntilShortBatch(size: number, batch: (limit: number) => Promise<number>): Promise<void> {
  while ((await batch(size)) >= size) {
    // the next batch
  }
}
