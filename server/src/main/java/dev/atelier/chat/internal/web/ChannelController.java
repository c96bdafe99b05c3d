package dev.atelier.chat.internal.web;

import dev.atelier.audit.AuditEvent;
import dev.atelier.chat.ChannelCreated;
import dev.atelier.chat.ChannelDeleted;
import dev.atelier.chat.ChannelUpdated;
import dev.atelier.chat.ChatError;
import dev.atelier.chat.MemberJoined;
import dev.atelier.chat.MemberLeft;
import dev.atelier.chat.internal.Channels;
import dev.atelier.chat.internal.Messages;
import dev.atelier.identity.OrgDirectory;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Channels (seed 004's paths): public ones any member of the org reads and joins; private and
 * direct ones only their members see. The creator or an admin renames and archives; only an admin
 * deletes.
 */
@RestController
@RequestMapping("/api/channels")
@Tag(name = "channels", description = "Team chat channels")
class ChannelController {

  // One typing event per user and channel per this long; later calls publish nothing.
  static final Duration TYPING_INTERVAL = Duration.ofSeconds(3);

  private final Channels channels;
  private final Messages messages;
  private final ChannelAccess access;
  private final ApplicationEventPublisher events;
  private final ChannelEvents live;
  private final OrgDirectory directory;
  private final Throttle typing = new Throttle(TYPING_INTERVAL);

  ChannelController(
      Channels channels,
      Messages messages,
      ChannelAccess access,
      ApplicationEventPublisher events,
      ChannelEvents live,
      OrgDirectory directory) {
    this.channels = channels;
    this.messages = messages;
    this.access = access;
    this.events = events;
    this.live = live;
    this.directory = directory;
  }

  record NewChannel(
      @Nullable String name,
      @Nullable String kind,
      @Nullable String topic,
      @Nullable Long projectId,
      @Nullable List<Long> memberIds) {}

  record ChannelChange(@Nullable String name, @Nullable String topic, @Nullable Boolean archived) {}

  record NewChannelMember(@Nullable Long userId) {}

  record ReadMarker(@Nullable Long messageId) {}

  record Typing(@Nullable Long threadId) {}

  @GetMapping
  @Operation(summary = "The channels the caller may read: the org's public ones and their own")
  List<Channels.Channel> list(
      @RequestParam(required = false) @Nullable Long projectId, Caller caller) {
    return channels.list(caller.orgId(), caller.userId(), projectId);
  }

  @PostMapping
  @Operation(summary = "Make a channel (public, private or direct); the caller becomes a member")
  ResponseEntity<Channels.Channel> create(@RequestBody NewChannel body, Caller caller) {
    String kind = Channels.kind(body.kind());
    Set<Long> members =
        new LinkedHashSet<>(body.memberIds() == null ? List.of() : body.memberIds());
    members.remove(caller.userId());
    for (Long member : members) {
      if (member == null || !channels.isOrgMember(caller.orgId(), member)) {
        throw new AtelierException(ChatError.MEMBER_NOT_FOUND, "no member " + member);
      }
    }
    String name;
    if (kind.equals("direct")) {
      if (members.isEmpty() || members.size() > 8) {
        throw new AtelierException(
            ChatError.INVALID_CHANNEL, "a direct conversation has 1 to 8 other members");
      }
      // One direct conversation per set of people: the name is made of their ids.
      Set<Long> everyone = new java.util.TreeSet<>(members);
      everyone.add(caller.userId());
      name = "dm:" + String.join(",", everyone.stream().map(String::valueOf).toList());
      // Found again, not made twice: the same people have one conversation.
      java.util.Optional<Long> existing = channels.idByName(caller.orgId(), name);
      if (existing.isPresent()) {
        long id = existing.get();
        if (!channels.isMember(caller.orgId(), id, caller.userId())) {
          channels.addMember(caller.orgId(), id, caller.userId());
          events.publishEvent(
              AuditEvent.created(
                  caller.orgId(),
                  "channel-member",
                  id + ":" + caller.userId(),
                  Map.of("channel", id, "user", caller.userId())));
          events.publishEvent(new MemberJoined(caller.orgId(), id, caller.userId()));
        }
        return ResponseEntity.ok(withReads(id, caller));
      }
    } else {
      name = Channels.name(body.name());
    }
    Channels.Channel channel =
        channels.create(
            caller.orgId(),
            body.projectId(),
            name,
            kind,
            Channels.topic(body.topic()),
            caller.userId(),
            members);
    events.publishEvent(
        AuditEvent.created(
            caller.orgId(), "channel", Long.toString(channel.id()), values(channel)));
    events.publishEvent(new ChannelCreated(caller.orgId(), channel.id(), channel.kind()));
    return ResponseEntity.created(URI.create("/api/channels/" + channel.id()))
        .body(withReads(channel.id(), caller));
  }

  @GetMapping("/{id}")
  @Operation(summary = "One channel, with the caller's unread counts")
  Channels.Channel get(@PathVariable long id, Caller caller) {
    return withReads(access.readable(id, caller).id(), caller);
  }

  @PatchMapping("/{id}")
  @Operation(
      summary = "Rename, set the topic of, archive or unarchive a channel (creator or admin)")
  Channels.Channel update(@PathVariable long id, @RequestBody ChannelChange body, Caller caller) {
    Channels.Channel before = access.readable(id, caller);
    ChannelAccess.require(
        before.createdBy() == caller.userId() || ChannelAccess.isAdmin(caller),
        "only the channel's creator or an org admin may change it");
    if (before.kind().equals("direct") && body.name() != null) {
      throw new AtelierException(ChatError.INVALID_CHANNEL, "a direct conversation has no name");
    }
    Channels.Channel after =
        channels.update(
            caller.orgId(),
            id,
            caller.userId(),
            body.name() == null ? before.name() : Channels.name(body.name()),
            body.topic() == null ? before.topic() : Channels.topic(body.topic()),
            body.archived() == null ? before.archivedAt() != null : body.archived());
    events.publishEvent(
        new AuditEvent(
            caller.orgId(),
            "channel",
            Long.toString(id),
            "updated",
            values(before),
            values(after)));
    events.publishEvent(new ChannelUpdated(caller.orgId(), id));
    return withReads(id, caller);
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Delete a channel with its messages (admin)")
  ResponseEntity<Void> delete(@PathVariable long id, Caller caller) {
    Channels.Channel before = access.readable(id, caller);
    ChannelAccess.require(ChannelAccess.isAdmin(caller), "only an org admin may delete a channel");
    List<Long> members =
        channels.members(caller.orgId(), id).stream().map(Channels.ChannelMember::userId).toList();
    channels.delete(caller.orgId(), id);
    events.publishEvent(
        new AuditEvent(
            caller.orgId(), "channel", Long.toString(id), "deleted", values(before), Map.of()));
    events.publishEvent(new ChannelDeleted(caller.orgId(), id, before.kind(), members));
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{id}/members")
  @Operation(summary = "A channel's members")
  List<Channels.ChannelMember> members(@PathVariable long id, Caller caller) {
    return channels.members(caller.orgId(), access.readable(id, caller).id());
  }

  @PostMapping("/{id}/members")
  @Operation(
      summary =
          "Join a public channel (no userId, or one's own), or add a member of the org (a member"
              + " of a private channel, or anyone for a public one)")
  List<Channels.ChannelMember> addMember(
      @PathVariable long id,
      @RequestBody(required = false) @Nullable NewChannelMember body,
      Caller caller) {
    Channels.Channel channel = access.writable(id, caller);
    Long requested = body == null ? null : body.userId();
    long userId = requested == null ? caller.userId() : requested;
    if (channel.kind().equals("direct")) {
      throw new AtelierException(
          ChatError.INVALID_CHANNEL, "a direct conversation keeps the people it was made with");
    }
    if (!channels.isOrgMember(caller.orgId(), userId)) {
      throw new AtelierException(ChatError.MEMBER_NOT_FOUND, "no member " + userId);
    }
    if (channels.isMember(caller.orgId(), id, userId)) {
      throw new AtelierException(ChatError.ALREADY_MEMBER, "already in the channel");
    }
    channels.addMember(caller.orgId(), id, userId);
    // A newcomer starts with the history read: only what comes after counts as unread.
    channels
        .latestMessageId(caller.orgId(), id)
        .ifPresent(latest -> channels.markRead(caller.orgId(), id, userId, latest));
    events.publishEvent(
        AuditEvent.created(
            caller.orgId(),
            "channel-member",
            id + ":" + userId,
            Map.of("channel", id, "user", userId)));
    events.publishEvent(new MemberJoined(caller.orgId(), id, userId));
    return channels.members(caller.orgId(), id);
  }

  @DeleteMapping("/{id}/members/{userId}")
  @Operation(summary = "Leave a channel, or remove a member (the channel's creator or an admin)")
  ResponseEntity<Void> removeMember(
      @PathVariable long id, @PathVariable long userId, Caller caller) {
    Channels.Channel channel = access.readable(id, caller);
    if (userId != caller.userId()) {
      ChannelAccess.require(
          channel.createdBy() == caller.userId() || ChannelAccess.isAdmin(caller),
          "only the channel's creator or an org admin may remove a member");
    }
    if (!channels.removeMember(caller.orgId(), id, userId)) {
      throw new AtelierException(ChatError.MEMBER_NOT_FOUND, "no channel member " + userId);
    }
    events.publishEvent(
        new AuditEvent(
            caller.orgId(),
            "channel-member",
            id + ":" + userId,
            "deleted",
            Map.of("channel", id, "user", userId),
            Map.of()));
    events.publishEvent(new MemberLeft(caller.orgId(), id, userId));
    return ResponseEntity.noContent().build();
  }

  @PutMapping("/{id}/read")
  @Operation(
      summary =
          "Mark the channel read up to a message (it only moves forward; an older id is ignored)")
  ResponseEntity<Void> read(@PathVariable long id, @RequestBody ReadMarker body, Caller caller) {
    Channels.Channel channel = access.readable(id, caller);
    Long messageId = body.messageId();
    if (messageId == null) {
      throw new AtelierException(ChatError.INVALID_MESSAGE, "name the messageId read up to");
    }
    Messages.Message message =
        messages
            .find(caller.orgId(), messageId)
            .orElseThrow(
                () -> new AtelierException(ChatError.MESSAGE_NOT_FOUND, "no message " + messageId));
    if (message.channelId() != channel.id()) {
      throw new AtelierException(
          ChatError.INVALID_MESSAGE, "message " + messageId + " is not in channel " + id);
    }
    if (channels.markRead(caller.orgId(), id, caller.userId(), messageId)) {
      live.readMarker(caller.orgId(), id, caller.userId(), messageId);
    }
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/typing")
  @Operation(
      summary =
          "Tell the channel's readers the caller is typing (at most one event per 3 s per user"
              + " and channel)")
  ResponseEntity<Void> typing(
      @PathVariable long id, @RequestBody(required = false) @Nullable Typing body, Caller caller) {
    Channels.Channel channel = access.writable(id, caller);
    Long threadId = body == null ? null : body.threadId();
    if (threadId != null) {
      Messages.Message root = access.liveMessage(threadId, caller);
      if (root.channelId() != channel.id() || root.threadId() != null) {
        throw new AtelierException(
            ChatError.INVALID_MESSAGE, "threadId names a thread of this channel");
      }
    }
    if (typing.admit(caller.orgId() + ":" + id + ":" + caller.userId())) {
      String name =
          directory.displayNames(List.of(caller.userId())).getOrDefault(caller.userId(), "");
      live.typing(caller.orgId(), id, threadId, caller.userId(), name);
    }
    return ResponseEntity.noContent().build();
  }

  private Channels.Channel withReads(long id, Caller caller) {
    return channels
        .withReads(caller.orgId(), id, caller.userId())
        .orElseThrow(() -> new AtelierException(ChatError.CHANNEL_NOT_FOUND, "no channel " + id));
  }

  private static Map<String, Object> values(Channels.Channel channel) {
    Map<String, Object> values = new HashMap<>();
    values.put("name", channel.name());
    values.put("kind", channel.kind());
    values.put("topic", channel.topic());
    values.put("archived", channel.archivedAt() != null);
    if (channel.projectId() != null) {
      values.put("project", channel.projectId());
    }
    return values;
  }
}
