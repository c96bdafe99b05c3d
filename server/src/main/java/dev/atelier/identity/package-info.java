/**
 * Users, orgs, memberships and roles, passwords, JWT access and refresh tokens, OAuth, API keys,
 * rate limits.
 */
@NullMarked
package dev.atelier.identity;

import org.jspecify.annotations.NullMarked;
