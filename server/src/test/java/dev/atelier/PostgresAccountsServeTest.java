package dev.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.cli.RunningServer;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.testing.Http;
import dev.atelier.testing.ServiceTestEnvironment;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class PostgresAccountsServeTest extends AccountsServeContract {

  /**
   * Two nodes on one PostgreSQL and Redis, sharing the secret key: a token from one works on the
   * other, and a member removed on one is refused by the other within a second.
   */
  @Test
  void aRemovedMembersTokenIsRefusedOnAnotherNodeWithinASecond(@TempDir Path second) {
    String secret = Base64.getEncoder().encodeToString(new byte[32]);
    Map<String, Object> shared = Map.of("atelier.secret-key", secret);
    RunningServer one =
        new AtelierServer().start(settings(second.resolve("one")), shared, Map.of()).server();
    RunningServer two =
        new AtelierServer().start(settings(second.resolve("two")), shared, Map.of()).server();
    try {
      Http onOne = new Http(one.url());
      Http onTwo = new Http(two.url());
      Session owner = register(onOne, "nina@example.com", "Nodes");
      Http ownerOnOne = onOne.withBearer(owner.accessToken());
      JsonNode invited =
          ownerOnOne.json(
              ownerOnOne.json(
                  "POST",
                  "/api/orgs/" + owner.orgId() + "/invitations",
                  "{\"email\": \"otto@example.com\", \"role\": \"member\"}"));
      String link = invited.get("link").asString();
      JsonNode otto =
          onTwo.json(
              onTwo.json(
                  "POST",
                  "/api/auth/register",
                  "{\"email\": \"otto@example.com\", \"password\": \"two-nodes-one-truth\","
                      + " \"invitation\": \""
                      + link.substring(link.indexOf("code=") + 5)
                      + "\"}"));
      Http ottoOnTwo = onTwo.withBearer(otto.get("accessToken").asString());
      Http ottoOnOne = onOne.withBearer(otto.get("accessToken").asString());
      assertThat(ottoOnOne.get("/api/projects").statusCode()).isEqualTo(200);
      assertThat(ottoOnTwo.get("/api/projects").statusCode()).isEqualTo(200);

      assertThat(
              ownerOnOne
                  .delete(
                      "/api/orgs/"
                          + owner.orgId()
                          + "/members/"
                          + otto.at("/identity/userId").asLong())
                  .statusCode())
          .isEqualTo(204);
      awaitStatus(ottoOnTwo, "/api/projects", 401);
    } finally {
      one.stop();
      two.stop();
    }
  }

  @RegisterExtension static final ServiceTestEnvironment services = new ServiceTestEnvironment();

  @Override
  AtelierSettings settings(Path workspace) {
    return AtelierSettings.local(workspace)
        .withPort(0)
        .withService(services.databaseUrl(), services.redisUrl());
  }
}
