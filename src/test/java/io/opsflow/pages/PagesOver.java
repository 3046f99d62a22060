package io.opsflow.pages;

import io.opsflow.access.SignInFailures;
import io.opsflow.access.TokenRepository;
import io.opsflow.access.Tokens;
import io.opsflow.access.UserStore;
import io.opsflow.access.WebSessions;
import io.opsflow.config.ConfigLoader;
import io.opsflow.config.TicketsConfig;
import io.opsflow.db.Audit;
import io.opsflow.db.Database;
import io.opsflow.kafka.Publisher;
import io.opsflow.ticket.TicketActions;
import io.opsflow.ticket.TicketQueries;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The portal and console of one more instance over a test app's database and broker, on a clock of
 * the test's choosing: for tests that need their own clock, settings or routes beside the pages.
 */
final class PagesOver {
  private PagesOver() {}

  /** With the default ticket settings. */
  static Pages database(Database db, KafkaProducer<byte[], byte[]> producer, Clock clock) {
    return database(
        db,
        producer,
        clock,
        new ConfigLoader(Map.of("OPSFLOW_CONFIG", "no-such-opsflow.yaml")).load().tickets());
  }

  static Pages database(
      Database db, KafkaProducer<byte[], byte[]> producer, Clock clock, TicketsConfig config) {
    UserStore users = new UserStore(db);
    TicketQueries queries = new TicketQueries(db, null);
    return new Pages(
        new Pages.Parts(
            new WebSessions(db),
            new Tokens(new TokenRepository(db)),
            users,
            new Audit(db),
            queries,
            new TicketActions(queries, users, new Publisher(producer), clock),
            new SignInFailures(db)),
        config,
        clock);
  }
}
