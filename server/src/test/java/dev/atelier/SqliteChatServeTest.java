package dev.atelier;

import dev.atelier.platform.AtelierSettings;
import java.nio.file.Path;

class SqliteChatServeTest extends ChatServeContract {

  @Override
  AtelierSettings settings(Path workspace) {
    return AtelierSettings.local(workspace).withPort(0);
  }
}
