export * from "./loyalty/events"
export * from "./loyalty/steps/ensure-loyalty-accounts"
export * from "./loyalty/workflows/ensure-loyalty-accounts"
