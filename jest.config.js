const swcTransform = [
  "@swc/jest",
  {
    jsc: {
      parser: { syntax: "typescript", decorators: true, tsx: true },
      transform: { react: { runtime: "automatic" } },
    },
  },
]

const shared = {
  transform: { "^.+\\.[jt]sx?$": swcTransform },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/.medusa/"],
  setupFiles: ["<rootDir>/integration-tests/setup.js"],
}

module.exports = {
  testTimeout: 180000,
  projects: [
    {
      ...shared,
      displayName: "unit",
      testMatch: ["<rootDir>/src/**/__tests__/**/*.unit.spec.ts"],
    },
    {
      ...shared,
      displayName: "modules",
      testMatch: ["<rootDir>/src/modules/*/__tests__/**/*.spec.ts"],
      testPathIgnorePatterns: [
        ...shared.testPathIgnorePatterns,
        "\\.unit\\.spec\\.ts$",
      ],
    },
    {
      ...shared,
      displayName: "http",
      testMatch: ["<rootDir>/integration-tests/http/**/*.spec.ts"],
    },
    {
      // Stockroom's workflows made to fail, in a booted store: everything
      // they changed must be rolled back.
      ...shared,
      displayName: "workflows",
      testMatch: ["<rootDir>/integration-tests/workflows/**/*.spec.ts"],
    },
    {
      // The store as several processes sharing PostgreSQL and Redis; its
      // specs skip themselves when Redis does not answer at REDIS_URL.
      ...shared,
      displayName: "scale",
      testMatch: ["<rootDir>/integration-tests/scale/**/*.spec.ts"],
    },
  ],
}
