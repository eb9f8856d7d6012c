const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

const testMatchByType = {
  unit: ["**/src/**/__tests__/**/*.unit.spec.[jt]s?(x)"],
  "integration:modules": ["**/src/modules/*/__tests__/**/*.spec.[jt]s"],
  "integration:http": ["**/integration-tests/http/**/*.spec.[jt]s"],
  // Real server and worker processes on Redis: `npm run test:scale`, never part of `npm test`.
  scale: ["**/integration-tests/scale/**/*.spec.[jt]s"],
}

const type = process.env.TEST_TYPE || "unit"

module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", decorators: true, tsx: true },
          transform: { decoratorMetadata: true, react: { runtime: "automatic" } },
          target: "es2021",
        },
      },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["<rootDir>/.medusa/", "<rootDir>/node_modules/"],
  testPathIgnorePatterns:
    type === "integration:modules" ? ["/node_modules/", "\\.unit\\.spec\\."] : ["/node_modules/"],
  testMatch: testMatchByType[type],
  setupFiles: ["./integration-tests/setup.js"],
  testTimeout: type === "scale" ? 600000 : 120000,
}
