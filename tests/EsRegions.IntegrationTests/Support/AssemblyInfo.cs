// One PostgreSQL server for the test assembly; each test class gets its own database.
[assembly: AssemblyFixture(typeof(EsRegions.IntegrationTests.Support.PostgresServer))]
