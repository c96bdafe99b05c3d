/**
 * The {@code atelier} command line (picocli). Only {@code serve} starts the Spring application,
 * through a {@link dev.atelier.cli.ServerLauncher}; every other command runs on plain Java.
 */
@NullMarked
package dev.atelier.cli;

import org.jspecify.annotations.NullMarked;
