/**
 * A database name for a module test that no other test run shares:
 * `moduleIntegrationTestRunner` otherwise names it after the module and the
 * jest worker only, so two runs at once (a developer and CI) wipe each
 * other's schema. scripts/test.js drops the run's databases at the end.
 */
export const moduleTestDbName = (name: string) =>
  `crm-test-${process.env.CRM_TEST_RUN ?? "local"}-${name}-${process.env.JEST_WORKER_ID ?? "1"}`
