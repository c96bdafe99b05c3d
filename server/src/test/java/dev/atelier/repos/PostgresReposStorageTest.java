package dev.atelier.repos;

import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.Database;
import dev.atelier.testing.ServiceTestEnvironment;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract on this machine's PostgreSQL, in a database of this class's own. */
class PostgresReposStorageTest extends ReposStorageContract {

  @RegisterExtension static final ServiceTestEnvironment services = new ServiceTestEnvironment();

  @TempDir Path workspace;

  @Override
  Database openDatabase() {
    return Database.open(
        AtelierSettings.local(workspace).withService(services.databaseUrl(), services.redisUrl()));
  }

  @Override
  List<String> databaseArguments() {
    return List.of("postgresql", services.databaseUrl());
  }
}
