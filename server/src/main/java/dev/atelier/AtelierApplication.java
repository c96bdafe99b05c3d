package dev.atelier;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;

/**
 * The Spring application behind {@code atelier serve}. Storage is opened by the platform module
 * from {@link dev.atelier.platform.AtelierSettings}, not by Boot's auto-configuration, so that the
 * command line opens it the same way.
 */
// No generated in-memory user: the identity module's chain is the only way in.
@SpringBootApplication(
    exclude = DataSourceAutoConfiguration.class,
    excludeName =
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration")
public class AtelierApplication {}
