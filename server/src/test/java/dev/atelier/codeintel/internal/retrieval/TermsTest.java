package dev.atelier.codeintel.internal.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TermsTest {

  @Test
  void splitsCamelCaseAcronymsAndSnakeCaseAndKeepsTheWholeIdentifier() {
    assertThat(Terms.of("HTTPServerRequest"))
        .containsExactly("http", "serv", "request", "httpserverrequest");
    assertThat(Terms.of("make_password")).containsExactly("make", "password", "makepassword");
    assertThat(Terms.of("checkNotNull")).contains("check", "null", "checknotnull");
  }

  @Test
  void keepsDigitsWithTheirLettersAndJoinsHyphenatedNumbers() {
    assertThat(Terms.of("sha256 Murmur3")).containsExactly("sha256", "murmur3");
    assertThat(Terms.of("SHA-256 digest")).contains("sha", "sha256", "digest");
  }

  @Test
  void stemsPluralsAndVerbFormsToOneTerm() {
    assertThat(Terms.of("hashes hashing hashed hasher hash")).containsOnly("hash");
    assertThat(Terms.of("entries entry")).containsOnly("entry");
    assertThat(Terms.of("parse parsing parsed")).containsOnly("pars");
    assertThat(Terms.of("class classes")).containsOnly("class");
  }

  @Test
  void dropsFunctionWordsNumbersAndSingleLetters() {
    assertThat(Terms.of("where is the token checked on a POST of 42 x"))
        .containsExactly("token", "check", "post");
  }

  @Test
  void wordsOfAnIdentifierLeaveTheWholeOut() {
    assertThat(Terms.words("PasswordHasher")).containsExactly("password", "hash");
  }
}
