package dev.atelier.identity.internal.web;

import dev.atelier.identity.internal.account.LinkDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Delivers one-time links by mail when an SMTP server is configured ({@code spring.mail.host}). The
 * link goes only into the message; the log says that it was sent, never the link.
 */
final class MailedLinks implements LinkDelivery {

  private static final Logger log = LoggerFactory.getLogger(MailedLinks.class);

  private final JavaMailSender sender;
  private final String from;

  MailedLinks(JavaMailSender sender, String from) {
    this.sender = sender;
    this.from = from;
  }

  @Override
  public void deliver(String email, String purpose, String link) {
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(email);
    message.setSubject("Atelier: your " + purpose);
    message.setText(
        "Hello,\n\nhere is your "
            + purpose
            + ". The link works once:\n\n"
            + link
            + "\n\nIf you did not expect this, ignore this message.\n");
    try {
      sender.send(message);
      log.info("{} sent to {}", purpose, email);
    } catch (MailException e) {
      // The request still succeeds: an admin can copy an invitation link from its answer.
      log.warn("could not mail the {} to {}: {}", purpose, email, e.getMessage());
    }
  }
}
