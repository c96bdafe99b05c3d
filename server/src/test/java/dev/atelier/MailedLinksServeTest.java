package dev.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.cli.RunningServer;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.testing.Http;
import dev.atelier.testing.SmtpInbox;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** With an SMTP server configured, invitation and reset links go by mail and not to the log. */
class MailedLinksServeTest {

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void invitationsAndResetsAreMailed(@TempDir Path workspace, CapturedOutput log) throws Exception {
    try (SmtpInbox inbox = new SmtpInbox()) {
      RunningServer server =
          new AtelierServer()
              .start(
                  AtelierSettings.local(workspace).withPort(0).withAuthRequired(true),
                  Map.of(
                      "spring.mail.host", "127.0.0.1",
                      "spring.mail.port", inbox.port(),
                      "atelier.mail.from", "atelier@example.com"),
                  Map.of())
              .server();
      try {
        Http anonymous = new Http(server.url());
        AccountsServeContract.Session owner =
            AccountsServeContract.register(anonymous, "mail-owner@example.com", "Mailers");
        Http client = anonymous.withBearer(owner.accessToken());
        JsonNode invitation =
            client.json(
                client.json(
                    "POST",
                    "/api/orgs/" + owner.orgId() + "/invitations",
                    "{\"email\": \"guest@example.com\", \"role\": \"member\"}"));
        anonymous.json(
            "POST", "/api/auth/password/forgot", "{\"email\": \"mail-owner@example.com\"}");

        assertThat(inbox.messages()).hasSize(2);
        SmtpInbox.Message invite = inbox.messages().get(0);
        assertThat(invite.recipients()).containsExactly("guest@example.com");
        assertThat(invite.data())
            .contains("From: atelier@example.com")
            .contains("invitation to Mailers")
            .contains(invitation.get("link").asString());
        SmtpInbox.Message reset = inbox.messages().get(1);
        assertThat(reset.recipients()).containsExactly("mail-owner@example.com");
        assertThat(reset.data()).contains("/reset-password?code=");
        assertThat(log.getAll())
            .doesNotContain(invitation.get("link").asString())
            .doesNotContain("/reset-password?code=");
      } finally {
        server.stop();
      }
    }
  }
}
