package dev.atelier;

import dev.atelier.platform.AtelierException;
import dev.atelier.platform.PlatformError;
import org.springframework.boot.web.server.PortInUseException;

/** Finds the reason a person can act on inside the wrapped exceptions of a failed start. */
final class StartupFailure {

  private StartupFailure() {}

  static RuntimeException explain(RuntimeException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof AtelierException known) {
        return known;
      }
      if (cause instanceof PortInUseException portInUse) {
        return new AtelierException(
            PlatformError.MISCONFIGURED,
            "port "
                + portInUse.getPort()
                + " is already in use; stop the other server or pass --port N",
            failure);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return failure;
  }
}
