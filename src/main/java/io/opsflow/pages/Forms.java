package io.opsflow.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UploadedFile;
import io.opsflow.http.ApiException;
import io.opsflow.http.Http;
import io.opsflow.ticket.TicketJson;
import io.opsflow.ticket.model.Attachment;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reading submitted forms: the size limit, text fields, and an optional attached file. */
final class Forms {
  private static final Logger log = LoggerFactory.getLogger(Forms.class);
  private static final long DRAIN_LIMIT = 8L * 1024 * 1024;

  private Forms() {}

  /** Refuses a form over the API's body limit with 413, before it is parsed. */
  static void limit(Context ctx) {
    String length = ctx.header("Content-Length");
    long declared;
    try {
      declared = length == null ? 0 : Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("Content-Length is not a number");
    }
    if (declared > Http.MAX_BODY) {
      drain(ctx);
      throw new ApiException(
          413,
          "payload too large",
          "A form may carry at most " + Http.MAX_BODY / 1024 + " KiB, attachments included.");
    }
  }

  /**
   * Reads the whole form (its fields and files) before anything acts on it: a body that cannot be
   * read (declared multipart but not, chunks cut off, shorter than its Content-Length, a part the
   * server refuses) is a 400 and nothing changes. Javalin's own refusals (413) stay what they are.
   */
  static void read(Context ctx) {
    try {
      if (ctx.isMultipartFormData()) {
        ctx.uploadedFileMap();
      }
      ctx.formParamMap();
    } catch (ApiException | HttpResponseException e) {
      throw e;
    } catch (Exception e) {
      log.info("{} {}: form not readable: {}", ctx.method(), ctx.path(), e.toString());
      throw unreadable();
    }
  }

  private static ApiException unreadable() {
    return ApiException.badRequest(
        "The form could not be read: it was cut off or is not a form. Please send it again.");
  }

  /** A text field, or null when it was not sent. */
  static String field(Context ctx, String name) {
    return ctx.formParam(name);
  }

  /** The file of a file input, if one was chosen; over the attachment limit is 413. */
  static List<Attachment> attachment(Context ctx, String name) {
    if (!ctx.isMultipartFormData()) {
      return List.of();
    }
    UploadedFile f = ctx.uploadedFile(name);
    if (f == null || f.filename() == null || f.filename().isBlank()) {
      return List.of();
    }
    if (f.size() > Attachment.MAX_BYTES) {
      throw new ApiException(
          413,
          "payload too large",
          "The file "
              + f.filename()
              + " is "
              + f.size()
              + " bytes; attachments may have at most "
              + Attachment.MAX_BYTES / 1024
              + " KiB.");
    }
    try (InputStream in = f.content()) {
      return List.of(TicketJson.attachment(f.filename(), f.contentType(), in.readAllBytes()));
    } catch (IOException e) {
      throw unreadable();
    }
  }

  private static void drain(Context ctx) {
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] sink = new byte[64 * 1024];
      long read = 0;
      int n;
      while (read < DRAIN_LIMIT && (n = in.read(sink)) > 0) {
        read += n;
      }
    } catch (IOException e) {
      // the client went away; the answer is the same
    }
  }
}
