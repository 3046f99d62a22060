package io.opsflow.web.pages;

import io.opsflow.config.ConfigLoader;
import io.opsflow.config.TicketsConfig;
import io.opsflow.store.Audit;
import io.opsflow.store.Database;
import io.opsflow.store.SignInFailures;
import io.opsflow.store.TicketQueries;
import io.opsflow.store.TokenRepository;
import io.opsflow.store.UserStore;
import io.opsflow.store.WebSessions;
import io.opsflow.web.Publisher;
import io.opsflow.web.TicketActions;
import io.opsflow.web.Tokens;
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
