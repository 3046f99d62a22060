package io.opsflow.http;

import java.util.Locale;

/**
 * The length limits of text fields, checked before anything is written, so a value the database
 * could not hold is a 400 with its reason rather than a failed statement. The limits follow the
 * column sizes of the migrations; docs/api-limits.md lists them.
 */
public final class Fields {
  /**
   * Names of people and tokens: 180, so that the actor written for them ({@code
   * integration:<name>}, {@code user:<name>}) fits the 200-character actor columns.
   */
  public static final int NAME = 180;

  /** Organization names (their ids, slugs of the names, are cut to 64). */
  public static final int ORGANIZATION = 200;

  /** Mail addresses (RFC 5321 path limit). */
  public static final int EMAIL = 320;

  /** Slack user ids such as {@code U024BE7LH}. */
  public static final int SLACK_USER_ID = 40;

  /** Reasons given with a change (priority, status, SLA pause). */
  public static final int REASON = 1000;

  /** Ticket watchers, when the ticket is opened and added one by one. */
  public static final int MAX_WATCHERS = 50;

  /** Dates people give (maintenance windows, report months) lie in these years. */
  public static final int FIRST_YEAR = 2000;

  public static final int LAST_YEAR = 2999;

  private Fields() {}

  /** 400 {@code <field> must be in the years 2000 to 2999} for a year outside that range. */
  public static void year(String field, int year) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw ApiException.badRequest(
          field + " must be in the years " + FIRST_YEAR + " to " + LAST_YEAR);
    }
  }

  /**
   * The value unchanged, or 400 {@code <field> must be at most <max> characters}; null passes (a
   * required field is checked by its caller).
   */
  public static String atMost(String field, String value, int max) {
    if (value != null && value.length() > max) {
      throw ApiException.badRequest(field + " must be at most " + max + " characters");
    }
    return value;
  }

  /** The value cut to {@code max} characters, for a value opsflow derives (a name from a mail). */
  public static String cut(String value, int max) {
    return value.length() > max ? value.substring(0, max) : value;
  }

  /**
   * An organization name as sent: at most {@link #ORGANIZATION} characters, with at least one
   * letter or digit (a-z, 0-9), since its id is the slug made of those; null passes.
   */
  public static String organization(String field, String value) {
    atMost(field, value, ORGANIZATION);
    if (value != null
        && !value.isBlank()
        && !value.toLowerCase(Locale.ROOT).matches("(?s).*[a-z0-9].*")) {
      throw ApiException.badRequest(field + " must contain a letter or digit");
    }
    return value;
  }
}
