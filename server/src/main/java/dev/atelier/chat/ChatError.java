package dev.atelier.chat;

import dev.atelier.platform.ErrorCode;

/** Error codes of channels, messages and message search. */
public enum ChatError implements ErrorCode {
  CHANNEL_NOT_FOUND("channel-not-found", 404, "No such channel"),
  CHANNEL_EXISTS("channel-exists", 409, "A channel with this name exists"),
  CHANNEL_ARCHIVED("channel-archived", 409, "The channel is archived"),
  INVALID_CHANNEL("invalid-channel-field", 422, "A channel field is not valid"),
  MESSAGE_NOT_FOUND("message-not-found", 404, "No such message"),
  INVALID_MESSAGE("invalid-message-field", 422, "A message field is not valid"),
  MESSAGE_TOO_LONG("message-too-long", 422, "The message is too long"),
  MESSAGE_TOO_LARGE("message-too-large", 413, "The request body is too large"),
  MEMBER_NOT_FOUND("channel-member-not-found", 404, "No such channel member"),
  ALREADY_MEMBER("already-channel-member", 409, "Already a member of the channel"),
  REACTION_EXISTS("reaction-exists", 409, "Already reacted with this emoji"),
  REACTION_NOT_FOUND("reaction-not-found", 404, "No such reaction"),
  INVALID_SEARCH("invalid-search", 422, "The search is not valid"),
  FORBIDDEN("chat-forbidden", 403, "Not allowed for this caller");

  private final Spec spec;

  ChatError(String code, int httpStatus, String title) {
    this.spec = new Spec(code, httpStatus, title);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
