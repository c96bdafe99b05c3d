package dev.atelier;

import dev.atelier.platform.AtelierSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

class SqliteAuditCoverageServeTest extends AuditCoverageContract {

  @Override
  AtelierSettings settings(Path workspace) {
    return AtelierSettings.local(workspace).withPort(0);
  }

  @Override
  Connection connect(Path workspace) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + workspace.resolve(".atelier/atelier.db"));
  }
}
