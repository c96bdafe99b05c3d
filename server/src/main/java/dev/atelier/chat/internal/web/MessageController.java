package dev.atelier.chat.internal.web;

import dev.atelier.audit.AuditEvent;
import dev.atelier.chat.ChatError;
import dev.atelier.chat.MessageDeleted;
import dev.atelier.chat.MessageEdited;
import dev.atelier.chat.MessagePosted;
import dev.atelier.chat.ReactionAdded;
import dev.atelier.chat.ReactionRemoved;
import dev.atelier.chat.internal.Messages;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Messages (seed 004's paths): post, list a channel or a thread a page at a time, edit (the author;
 * every previous body kept), soft-delete (the author or an admin), react. A message in a channel
 * the caller may not read is not found.
 */
@RestController
@RequestMapping("/api/messages")
@Tag(name = "messages", description = "Team chat messages, threads, edits and reactions")
class MessageController {

  static final int DEFAULT_PAGE = 50;
  static final int MAX_PAGE = 200;

  private final Messages messages;
  private final ChannelAccess access;
  private final ApplicationEventPublisher events;
  private final ChannelEvents live;

  MessageController(
      Messages messages,
      ChannelAccess access,
      ApplicationEventPublisher events,
      ChannelEvents live) {
    this.messages = messages;
    this.access = access;
    this.events = events;
    this.live = live;
  }

  record NewMessage(@Nullable Long channelId, @Nullable Long threadId, @Nullable String body) {}

  record MessageChange(@Nullable String body) {}

  @GetMapping
  @Operation(
      summary =
          "A channel's messages, or a thread's replies (threadId), newest first; pass the answer's"
              + " nextBefore as before for the next page")
  Messages.Page list(
      @RequestParam(required = false) @Nullable Long channelId,
      @RequestParam(required = false) @Nullable Long threadId,
      @RequestParam(required = false) @Nullable Long before,
      @RequestParam(required = false) @Nullable Integer limit,
      Caller caller) {
    int size = limit == null ? DEFAULT_PAGE : limit;
    if (size < 1 || size > MAX_PAGE) {
      throw new AtelierException(ChatError.INVALID_MESSAGE, "limit is 1 to " + MAX_PAGE);
    }
    long channel;
    if (threadId != null) {
      Messages.Message root = threadRoot(threadId, caller);
      if (channelId != null && channelId != root.channelId()) {
        throw new AtelierException(ChatError.MESSAGE_NOT_FOUND, "no thread " + threadId);
      }
      channel = root.channelId();
    } else if (channelId != null) {
      channel = access.readable(channelId, caller).id();
    } else {
      throw new AtelierException(ChatError.INVALID_MESSAGE, "pass channelId or threadId");
    }
    return messages.page(caller.orgId(), channel, threadId, before, size);
  }

  @PostMapping
  @Operation(
      summary =
          "Post a message (Markdown, at most 40,000 characters) to a channel or a thread; <@ID>"
              + " mentions a member, [[repo:path#L1-2]] links code")
  ResponseEntity<Messages.Message> post(@RequestBody NewMessage body, Caller caller) {
    Long threadId = body.threadId();
    long channelId;
    if (threadId != null) {
      Messages.Message root = threadRoot(threadId, caller);
      if (body.channelId() != null && body.channelId() != root.channelId()) {
        throw new AtelierException(ChatError.INVALID_MESSAGE, "the thread is in another channel");
      }
      channelId = root.channelId();
    } else if (body.channelId() != null) {
      channelId = body.channelId();
    } else {
      throw new AtelierException(ChatError.INVALID_MESSAGE, "a message needs a channelId");
    }
    access.writable(channelId, caller);
    String text = Messages.body(ChatRequestLimit.within(body.body()));
    // An agent key is how an agent acts; its messages carry the agent badge.
    String authorType = caller.credential() == Caller.Credential.AGENT_KEY ? "agent" : "user";
    Messages.Message message =
        messages.post(caller.orgId(), channelId, threadId, caller.userId(), authorType, text);
    events.publishEvent(
        AuditEvent.created(
            caller.orgId(),
            "message",
            Long.toString(message.id()),
            Map.of(
                "channel", channelId, "thread", threadId == null ? "" : threadId, "body", text)));
    events.publishEvent(
        new MessagePosted(caller.orgId(), channelId, message.id(), threadId, caller.userId()));
    return ResponseEntity.created(URI.create("/api/messages/" + message.id())).body(message);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One message")
  Messages.Message get(@PathVariable long id, Caller caller) {
    return access.liveMessage(id, caller);
  }

  @PatchMapping("/{id}")
  @Operation(summary = "Edit a message (its author): version + 1, the previous body kept")
  Messages.Message edit(@PathVariable long id, @RequestBody MessageChange body, Caller caller) {
    Messages.Message before = access.liveMessage(id, caller);
    Messages.Message previous = before;
    ChannelAccess.require(before.authorId() == caller.userId(), "only its author edits a message");
    access.writable(before.channelId(), caller);
    String text = Messages.body(ChatRequestLimit.within(body.body()));
    Messages.Message after = messages.edit(caller.orgId(), id, text);
    java.util.Set<Long> known = new java.util.HashSet<>();
    previous.mentions().forEach(m -> known.add(m.userId()));
    live.mentioned(
        caller.orgId(),
        after,
        after.mentions().stream()
            .map(m -> m.userId())
            .filter(userId -> !known.contains(userId))
            .toList());
    events.publishEvent(
        new AuditEvent(
            caller.orgId(),
            "message",
            Long.toString(id),
            "updated",
            Map.of("body", String.valueOf(before.body()), "version", before.version()),
            Map.of("body", text, "version", after.version())));
    events.publishEvent(
        new MessageEdited(
            caller.orgId(), after.channelId(), id, after.threadId(), after.version()));
    return after;
  }

  @GetMapping("/{id}/versions")
  @Operation(summary = "Every previous body of a message, oldest first")
  List<Messages.MessageVersion> versions(@PathVariable long id, Caller caller) {
    return messages.versions(caller.orgId(), access.liveMessage(id, caller).id());
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Delete a message (its author or an admin); it leaves search")
  ResponseEntity<Void> delete(@PathVariable long id, Caller caller) {
    Messages.Message before = access.liveMessage(id, caller);
    ChannelAccess.require(
        before.authorId() == caller.userId() || ChannelAccess.isAdmin(caller),
        "only its author or an org admin deletes a message");
    messages.delete(caller.orgId(), id);
    events.publishEvent(
        new AuditEvent(
            caller.orgId(),
            "message",
            Long.toString(id),
            "deleted",
            Map.of("body", String.valueOf(before.body()), "channel", before.channelId()),
            Map.of()));
    events.publishEvent(
        new MessageDeleted(caller.orgId(), before.channelId(), id, before.threadId()));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/reactions/{emoji}")
  @Operation(summary = "React to a message with an emoji (a character or a :shortcode: name)")
  Messages.Message react(@PathVariable long id, @PathVariable String emoji, Caller caller) {
    Messages.Message message = access.liveMessage(id, caller);
    access.writable(message.channelId(), caller);
    String chosen = Emoji.valid(emoji);
    if (!messages.react(caller.orgId(), id, caller.userId(), chosen)) {
      throw new AtelierException(ChatError.REACTION_EXISTS, "already reacted with " + chosen);
    }
    events.publishEvent(
        AuditEvent.created(
            caller.orgId(), "reaction", id + ":" + chosen, Map.of("message", id, "emoji", chosen)));
    events.publishEvent(
        new ReactionAdded(caller.orgId(), message.channelId(), id, caller.userId(), chosen));
    return access.liveMessage(id, caller);
  }

  @DeleteMapping("/{id}/reactions/{emoji}")
  @Operation(summary = "Take back one's reaction")
  ResponseEntity<Void> unreact(@PathVariable long id, @PathVariable String emoji, Caller caller) {
    Messages.Message message = access.liveMessage(id, caller);
    String chosen = Emoji.valid(emoji);
    if (!messages.unreact(caller.orgId(), id, caller.userId(), chosen)) {
      throw new AtelierException(ChatError.REACTION_NOT_FOUND, "no reaction " + chosen);
    }
    events.publishEvent(
        new AuditEvent(
            caller.orgId(),
            "reaction",
            id + ":" + chosen,
            "deleted",
            Map.of("message", id, "emoji", chosen),
            Map.of()));
    events.publishEvent(
        new ReactionRemoved(caller.orgId(), message.channelId(), id, caller.userId(), chosen));
    return ResponseEntity.noContent().build();
  }

  // A reply answers a root: replies to replies would make a tree the thread view cannot show.
  private Messages.Message threadRoot(long threadId, Caller caller) {
    Messages.Message root = access.liveMessage(threadId, caller);
    if (root.threadId() != null) {
      throw new AtelierException(
          ChatError.INVALID_MESSAGE, "threadId names the root message of a thread");
    }
    return root;
  }
}
