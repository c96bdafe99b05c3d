package dev.atelier;

import dev.atelier.platform.AtelierSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

class SqliteChatVisibilityServeTest extends ChatVisibilityContract {

  @Override
  AtelierSettings settings(Path workspace) {
    return AtelierSettings.local(workspace).withPort(0);
  }

  @Override
  Connection connect(Path workspace) throws SQLException {
    return sqlite(workspace);
  }
}
