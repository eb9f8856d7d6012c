/**
 * Idempotency keys of the ledger entries an order's lifecycle writes. One
 * place, because the earn entry must know the cancel key and vice versa.
 */
export const orderLedgerKeys = {
  earn: (orderId: string) => `earn:${orderId}`,
  cancel: (orderId: string) => `cancel:${orderId}`,
  return: (returnId: string) => `reverse:${returnId}`,
  activate: (lotId: string) => `activate:${lotId}`,
}
