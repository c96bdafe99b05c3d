package dev.atelier.audit.internal;

import dev.atelier.platform.AtelierSettings;
import java.nio.file.Path;

class SqliteAuditRetentionTest extends AuditRetentionContract {

  @Override
  AtelierSettings settings(Path data) {
    return AtelierSettings.local(data);
  }
}
