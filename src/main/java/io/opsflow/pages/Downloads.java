package io.opsflow.pages;

import io.javalin.http.Context;
import io.opsflow.http.ApiException;
import io.opsflow.ticket.TicketReads;
import java.util.Base64;

/** A ticket's attached file, to the people who may see it; always a download, never rendered. */
final class Downloads {
  private Downloads() {}

  static void send(Context ctx, TicketReads queries, Viewer v) {
    String[] a =
        queries
            .attachment(
                ctx.pathParam("id"), ctx.pathParam("attachment"), v.principal().scope(), v.staff())
            .orElseThrow(() -> ApiException.notFound("There is no such file."));
    String safe = a[0].replaceAll("[^A-Za-z0-9._ -]", "_");
    ctx.status(200)
        .contentType("application/octet-stream")
        .header("Content-Disposition", "attachment; filename=\"" + safe + "\"")
        .result(Base64.getDecoder().decode(a[2]));
  }
}
