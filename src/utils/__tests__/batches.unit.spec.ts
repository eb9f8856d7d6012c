import { runUntilShortBatch } from "../batches"

describe("runUntilShortBatch", () => {
  it("runs batches until one handles fewer than the size, with the size as the limit", async () => {
    const handled = [3, 3, 2, 3]
    const limits: number[] = []
    await runUntilShortBatch(3, async (limit) => {
      limits.push(limit)
      return handled.shift()!
    })
    expect(limits).toEqual([3, 3, 3])
    expect(handled).toEqual([3])
  })

  it("stops after one empty batch", async () => {
    let calls = 0
    await runUntilShortBatch(500, async () => {
      calls++
      return 0
    })
    expect(calls).toBe(1)
  })
})
