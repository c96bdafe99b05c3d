package dev.atelier;

import dev.atelier.platform.AtelierSettings;
import java.nio.file.Path;

class SqliteEventStreamsServeTest extends EventStreamsServeContract {

  @Override
  AtelierSettings settings(Path workspace) {
    return AtelierSettings.local(workspace).withPort(0);
  }
}
