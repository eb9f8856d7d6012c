export * from "./modules"
export * from "./loyalty"
export * from "./options"
export * from "./ledger"
