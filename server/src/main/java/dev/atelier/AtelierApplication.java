package dev.atelier;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;

/**
 * The Spring application behind {@code atelier serve}. Storage is opened by the platform module
 * from {@link dev.atelier.platform.AtelierSettings}, not by Boot's auto-configuration, so that the
 * command line opens it the same way.
 */
@SpringBootApplication(exclude = DataSourceAutoConfiguration.class)
public class AtelierApplication {}
