package dev.atelier.cli;

import dev.atelier.platform.AtelierException;
import dev.atelier.platform.PlatformError;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Installs and removes the git hooks that tell a running Atelier which files a commit, checkout or
 * merge changed: a marked block in {@code post-commit}, {@code post-checkout} and {@code
 * post-merge}, chained into hooks that are already there.
 *
 * <p>The block runs in the background and never fails or slows git: it asks git for the changed
 * paths ({@code git diff --name-only --no-renames}, so a rename names both sides), and POSTs them
 * with curl ({@code --max-time 2}) and the install token to {@code /api/notify/file-changed},
 * naming the repository by its working-tree folder. Without curl, the token file, or a server, it
 * does nothing. A path git has to quote (control characters, quotes, backslashes) or more than
 * 10000 paths turn into a full rescan. {@code ATELIER_URL} in the environment overrides the URL
 * given at install time.
 */
final class GitHooks {

  static final List<String> HOOKS = List.of("post-commit", "post-checkout", "post-merge");
  static final String BEGIN = "# >>> atelier hook >>>";
  static final String END = "# <<< atelier hook <<<";

  private static final Pattern SHELL =
      Pattern.compile("^#!\\s*\\S*(/|\\s)(env\\s+)?(sh|bash|dash|ksh|zsh)\\b.*");
  private static final Pattern URL =
      Pattern.compile("https?://[A-Za-z0-9.:\\[\\]_-]+(/[A-Za-z0-9._~/-]*)?");

  private GitHooks() {}

  /** The hooks folder of the git repository at or above {@code start}, honouring core.hooksPath. */
  static Path hooksDir(Path start) {
    try (Repository repository =
        new FileRepositoryBuilder()
            .readEnvironment()
            .findGitDir(start.toAbsolutePath().toFile())
            .setMustExist(true)
            .build()) {
      String configured = repository.getConfig().getString("core", null, "hooksPath");
      if (configured != null && !configured.isBlank()) {
        Path path =
            configured.startsWith("~/")
                ? Path.of(System.getProperty("user.home"), configured.substring(2))
                : Path.of(configured);
        if (!path.isAbsolute()) {
          File base = repository.isBare() ? repository.getDirectory() : repository.getWorkTree();
          path = base.toPath().resolve(path);
        }
        return path.normalize();
      }
      return repository.getCommonDirectory().toPath().resolve("hooks");
    } catch (IOException | IllegalArgumentException e) {
      throw new AtelierException(
          PlatformError.BAD_REQUEST, "no git repository at or above " + start.toAbsolutePath());
    }
  }

  /** Installs (or refreshes) the block in each hook; returns the hook files written. */
  static List<Path> install(Path hooksDir, String url, Path tokenFile) throws IOException {
    if (!URL.matcher(url).matches()) {
      throw new AtelierException(
          PlatformError.BAD_REQUEST, "--url must be an http(s) URL such as http://127.0.0.1:7420");
    }
    String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    Files.createDirectories(hooksDir);
    List<Path> written = new ArrayList<>();
    // Check every hook first, so a refusal leaves nothing half-installed.
    for (String hook : HOOKS) {
      Path file = hooksDir.resolve(hook);
      if (Files.exists(file)) {
        String existing = Files.readString(file, StandardCharsets.UTF_8);
        String first = existing.lines().findFirst().orElse("");
        if (first.startsWith("#!") && !SHELL.matcher(first).matches()) {
          throw new AtelierException(
              PlatformError.BAD_REQUEST,
              file
                  + " is not a shell script ("
                  + first
                  + "); atelier cannot chain into it. Call `"
                  + "curl -s --max-time 2 "
                  + base
                  + "/api/notify/file-changed` from it yourself, or move it aside.");
        }
      }
    }
    for (String hook : HOOKS) {
      Path file = hooksDir.resolve(hook);
      String block = block(hook, base, tokenFile);
      String content;
      if (Files.exists(file)) {
        String existing = removeBlock(Files.readString(file, StandardCharsets.UTF_8));
        if (existing.startsWith("#!")) {
          int newline = existing.indexOf('\n');
          String shebang = newline < 0 ? existing + "\n" : existing.substring(0, newline + 1);
          String rest = newline < 0 ? "" : existing.substring(newline + 1);
          content = shebang + block + rest;
        } else {
          content = "#!/bin/sh\n" + block + existing;
        }
      } else {
        content = "#!/bin/sh\n" + block;
      }
      Files.writeString(file, content, StandardCharsets.UTF_8);
      makeExecutable(file);
      written.add(file);
    }
    return written;
  }

  /**
   * Removes the block from each hook; a hook that held nothing else is deleted. Returns the hook
   * files changed.
   */
  static List<Path> uninstall(Path hooksDir) throws IOException {
    List<Path> changed = new ArrayList<>();
    for (String hook : HOOKS) {
      Path file = hooksDir.resolve(hook);
      if (!Files.isRegularFile(file)) {
        continue;
      }
      String existing = Files.readString(file, StandardCharsets.UTF_8);
      if (!existing.contains(BEGIN)) {
        continue;
      }
      String rest = removeBlock(existing);
      if (rest.strip().equals("#!/bin/sh") || rest.isBlank()) {
        Files.delete(file);
      } else {
        Files.writeString(file, rest, StandardCharsets.UTF_8);
      }
      changed.add(file);
    }
    return changed;
  }

  static String removeBlock(String content) {
    int begin = content.indexOf(BEGIN);
    if (begin < 0) {
      return content;
    }
    int end = content.indexOf(END, begin);
    if (end < 0) {
      return content;
    }
    int after = end + END.length();
    if (after < content.length() && content.charAt(after) == '\n') {
      after++;
    }
    return content.substring(0, begin) + content.substring(after);
  }

  // 'it'\''s' for sh: single quotes, each quote inside closed, escaped and reopened.
  private static String shellQuoted(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }

  private static void makeExecutable(Path file) throws IOException {
    try {
      Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(file));
      permissions.addAll(
          EnumSet.of(
              PosixFilePermission.OWNER_EXECUTE,
              PosixFilePermission.GROUP_EXECUTE,
              PosixFilePermission.OTHERS_EXECUTE));
      Files.setPosixFilePermissions(file, permissions);
    } catch (UnsupportedOperationException e) {
      if (!file.toFile().setExecutable(true)) {
        throw new IOException("cannot make " + file + " executable", e);
      }
    }
  }

  /** The shell block of one hook. {@code url} was validated: no quotes or shell syntax in it. */
  static String block(String hook, String url, Path tokenFile) {
    String range =
        switch (hook) {
          case "post-checkout" ->
              """
                if [ "$3" != 1 ]; then full=true
                elif [ "$1" = 0000000000000000000000000000000000000000 ]; then full=true
                else paths=$(git -c core.quotepath=false diff --name-only --no-renames "$1" "$2" 2>/dev/null) || full=true
                fi
              """;
          case "post-merge" ->
              """
                paths=$(git -c core.quotepath=false diff --name-only --no-renames ORIG_HEAD HEAD 2>/dev/null) || full=true
              """;
          default ->
              """
                if git rev-parse -q --verify HEAD~1 >/dev/null 2>&1; then
                  paths=$(git -c core.quotepath=false diff --name-only --no-renames HEAD~1 HEAD 2>/dev/null) || full=true
                else
                  paths=$(git -c core.quotepath=false diff-tree --root -r --name-only --no-commit-id --no-renames HEAD 2>/dev/null) || full=true
                fi
              """;
        };
    return BEGIN
        + "\n"
        + "# Tells a running Atelier which files changed (`atelier hook uninstall` removes this).\n"
        + "atelier_notify() {\n"
        + "  command -v curl >/dev/null 2>&1 || return 0\n"
        + "  top=$(git rev-parse --show-toplevel 2>/dev/null) || return 0\n"
        + "  branch=$(git symbolic-ref --quiet --short HEAD 2>/dev/null) || branch=\n"
        + "  full=false\n"
        + "  paths=\n"
        + range
        + "  if [ \"$full\" = false ]; then\n"
        + "    [ -n \"$paths\" ] || return 0\n"
        + "    case \"$paths\" in '\"'*|*'\n\"'*) full=true ;; esac\n"
        + "    [ \"$(printf '%s\\n' \"$paths\" | wc -l)\" -le 10000 ] || full=true\n"
        + "  fi\n"
        + "  esc() { printf '%s' \"$1\" | sed -e 's/\\\\/\\\\\\\\/g' -e 's/\"/\\\\\"/g'; }\n"
        + "  list=\n"
        + "  if [ \"$full\" = false ]; then\n"
        + "    list=$(printf '%s\\n' \"$paths\" | sed -e 's/\\\\/\\\\\\\\/g' -e 's/\"/\\\\\"/g'"
        + " -e 's/^/\"/' -e 's/$/\"/' | paste -sd, -)\n"
        + "  fi\n"
        + "  body=\"{\\\"location\\\":\\\"$(esc \"$top\")\\\",\\\"branch\\\":\\\"$(esc \"$branch\")\\\","
        + "\\\"full\\\":$full,\\\"paths\\\":[$list]}\"\n"
        + "  tokenfile=${ATELIER_TOKEN_FILE:-"
        + shellQuoted(tokenFile.toAbsolutePath().toString())
        + "}\n"
        + "  token=$(cat \"$tokenfile\" 2>/dev/null) || return 0\n"
        // The token goes to curl as configuration on stdin, never on its command line (ps).
        + "  printf 'header = \"Authorization: Bearer %s\"\\n' \"$token\" | curl -s -o /dev/null"
        + " --max-time 2 -K - -H 'Content-Type: application/json' --data-binary \"$body\""
        + " \"${ATELIER_URL:-"
        + url
        + "}/api/notify/file-changed\"\n"
        + "}\n"
        + "atelier_notify \"$@\" </dev/null >/dev/null 2>&1 &\n"
        + END
        + "\n";
  }
}
