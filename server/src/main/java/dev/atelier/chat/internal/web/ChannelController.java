package dev.atelier.chat.internal.web;

import dev.atelier.audit.AuditEvent;
import dev.atelier.chat.ChannelCreated;
import dev.atelier.chat.ChatError;
import dev.atelier.chat.internal.Channels;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
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

  private final Channels channels;
  private final ChannelAccess access;
  private final ApplicationEventPublisher events;

  ChannelController(Channels channels, ChannelAccess access, ApplicationEventPublisher events) {
    this.channels = channels;
    this.access = access;
    this.events = events;
  }

  record NewChannel(
      @Nullable String name,
      @Nullable String kind,
      @Nullable String topic,
      @Nullable Long projectId,
      @Nullable List<Long> memberIds) {}

  record ChannelChange(@Nullable String name, @Nullable String topic, @Nullable Boolean archived) {}

  record NewChannelMember(@Nullable Long userId) {}

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
    return ResponseEntity.created(URI.create("/api/channels/" + channel.id())).body(channel);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One channel")
  Channels.Channel get(@PathVariable long id, Caller caller) {
    return access.readable(id, caller);
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
    return after;
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Delete a channel with its messages (admin)")
  ResponseEntity<Void> delete(@PathVariable long id, Caller caller) {
    Channels.Channel before = access.readable(id, caller);
    ChannelAccess.require(ChannelAccess.isAdmin(caller), "only an org admin may delete a channel");
    channels.delete(caller.orgId(), id);
    events.publishEvent(
        new AuditEvent(
            caller.orgId(), "channel", Long.toString(id), "deleted", values(before), Map.of()));
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
    events.publishEvent(
        AuditEvent.created(
            caller.orgId(),
            "channel-member",
            id + ":" + userId,
            Map.of("channel", id, "user", userId)));
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
    return ResponseEntity.noContent().build();
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
