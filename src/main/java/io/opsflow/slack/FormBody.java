package io.opsflow.slack;

import io.opsflow.http.ApiException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Parses {@code application/x-www-form-urlencoded} strictly, as Slack sends it: a percent escape
 * that is cut short or not hexadecimal, or bytes that are not UTF-8, is a 400 with the reason,
 * never a value guessed at.
 */
final class FormBody {
  private FormBody() {}

  /**
   * The fields of the body; a field given twice keeps its last value.
   *
   * @throws ApiException 400 when the body is not valid form encoding
   */
  static Map<String, String> parse(byte[] raw) {
    Map<String, String> out = new HashMap<>();
    int from = 0;
    while (from <= raw.length) {
      int to = indexOf(raw, (byte) '&', from, raw.length);
      if (to > from) {
        int eq = indexOf(raw, (byte) '=', from, to);
        out.put(decode(raw, from, eq), eq < to ? decode(raw, eq + 1, to) : "");
      }
      from = to + 1;
    }
    return out;
  }

  private static int indexOf(byte[] raw, byte b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (raw[i] == b) {
        return i;
      }
    }
    return to;
  }

  /** Percent-decodes {@code raw[from, to)}, then reads the bytes as UTF-8. */
  private static String decode(byte[] raw, int from, int to) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
    for (int i = from; i < to; i++) {
      byte b = raw[i];
      if (b == '+') {
        bytes.write(' ');
      } else if (b == '%') {
        if (i + 2 >= to) {
          throw refused("a percent escape is cut short");
        }
        int hi = Character.digit(raw[i + 1], 16);
        int lo = Character.digit(raw[i + 2], 16);
        if (hi < 0 || lo < 0) {
          throw refused("a percent escape is not two hexadecimal digits");
        }
        bytes.write(hi * 16 + lo);
        i += 2;
      } else {
        bytes.write(b);
      }
    }
    return utf8(bytes.toByteArray());
  }

  private static String utf8(byte[] raw) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(raw))
          .toString();
    } catch (CharacterCodingException e) {
      throw refused("it is not UTF-8");
    }
  }

  private static ApiException refused(String why) {
    return ApiException.badRequest("the body is not valid form encoding: " + why);
  }
}
