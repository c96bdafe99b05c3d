package dev.atelier.cli;

import dev.atelier.identity.InstallToken;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.PlatformError;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code atelier open}: asks the running {@code serve} (with the install token) for a fresh
 * one-time login link and opens it in the browser, so signing in never needs the start-up output.
 */
@Command(
    name = "open",
    mixinStandardHelpOptions = true,
    description = {
      "Open the web app of a running `atelier serve` in the browser, signed in.",
      "Asks the server for a one-time login link (with the install token) and opens it; with"
          + " --print, or where no browser can be started, prints it instead."
    })
final class OpenCommand implements Callable<Integer> {

  private static final Pattern PATH_FIELD = Pattern.compile("\"path\"\\s*:\\s*\"([^\"]+)\"");

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "PATH",
      description =
          "Repository folder whose data folder holds the token (default: the current folder).")
  Path path = Path.of(".");

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "${env:ATELIER_DATA}",
      description = "Data folder (default: PATH/.atelier; env ATELIER_DATA).")
  @Nullable Path data;

  @Option(
      names = "--url",
      paramLabel = "URL",
      defaultValue = "${env:ATELIER_URL:-http://127.0.0.1:" + AtelierSettings.DEFAULT_PORT + "}",
      description = "Where serve listens (default: ${DEFAULT-VALUE}; env ATELIER_URL).")
  String url = "http://127.0.0.1:" + AtelierSettings.DEFAULT_PORT;

  @Option(names = "--print", description = "Print the link instead of opening a browser.")
  boolean print;

  @Override
  public Integer call() throws InterruptedException {
    String base = url.replaceAll("/+$", "");
    String link =
        base + loginPath(base, InstallToken.loadOrCreate(StorageOptions.dataDir(data, path)));
    if (print || !openInBrowser(link)) {
      spec.commandLine().getOut().println(link);
    } else {
      spec.commandLine().getOut().println("Opened " + base + " in the browser");
    }
    return 0;
  }

  private static String loginPath(String base, InstallToken token) throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/api/auth/login-links"))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token.reveal())
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    HttpResponse<String> response;
    try (HttpClient client =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AtelierException(
          PlatformError.BAD_REQUEST,
          "no Atelier server answers at " + base + " (start one with `atelier serve`)");
    }
    Matcher path = PATH_FIELD.matcher(response.body());
    if (response.statusCode() != 200 || !path.find()) {
      throw new AtelierException(
          PlatformError.BAD_REQUEST,
          "the server at "
              + base
              + " refused a login link (HTTP "
              + response.statusCode()
              + "); is it this install's (same data folder)?");
    }
    return path.group(1);
  }

  // xdg-open on Linux, open on macOS; false where neither starts (a server without a desktop).
  private static boolean openInBrowser(String link) {
    for (List<String> command : List.of(List.of("xdg-open", link), List.of("open", link))) {
      try {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (process.waitFor() == 0) {
          return true;
        }
      } catch (IOException e) {
        // not installed here: try the next
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }
}
