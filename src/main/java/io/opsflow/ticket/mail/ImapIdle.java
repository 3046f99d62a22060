package io.opsflow.ticket.mail;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import java.time.Duration;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * A connection of its own that waits on the mailbox with IMAP IDLE (RFC 2177): {@link #await()}
 * returns as soon as the server reports a change of the folder, or when another thread calls {@link
 * #wake()}. The folder is opened read-only and nothing is read through it: the mail is read by
 * {@link ImapMailbox} on its own connection.
 *
 * <p>A mail that arrives just as IDLE starts is reported before the server's go-ahead, which Angus
 * takes in without ending the wait: a listener on new messages wakes the wait for it.
 */
final class ImapIdle implements AutoCloseable {
  private final Store store;
  private final IMAPFolder folder;
  private volatile boolean waiting;

  private ImapIdle(Store store, IMAPFolder folder) {
    this.store = store;
    this.folder = folder;
  }

  /**
   * Connects and opens the folder for IDLE; empty when the server does not announce IDLE (nothing
   * is left open then). A read waits at most {@code wakeEvery} plus a minute: the caller wakes the
   * wait at least that often, so a longer silence is a dead connection.
   */
  static java.util.Optional<ImapIdle> open(ImapSettings settings, Duration wakeEvery)
      throws MessagingException {
    Store store = session(settings, wakeEvery).getStore(settings.protocol());
    store.connect(settings.host(), settings.port(), settings.user(), settings.password());
    try {
      if (!((IMAPStore) store).hasCapability("IDLE")) {
        store.close();
        return java.util.Optional.empty();
      }
      IMAPFolder folder = (IMAPFolder) store.getFolder(settings.folder());
      folder.open(Folder.READ_ONLY);
      ImapIdle idle = new ImapIdle(store, folder);
      folder.addMessageCountListener(
          new MessageCountAdapter() {
            @Override
            public void messagesAdded(MessageCountEvent e) {
              idle.wake();
            }
          });
      return java.util.Optional.of(idle);
    } catch (MessagingException | RuntimeException e) {
      store.close();
      throw e;
    }
  }

  private static Session session(ImapSettings settings, Duration wakeEvery) {
    Properties p = new Properties();
    String proto = settings.protocol();
    p.put("mail.store.protocol", proto);
    p.put("mail." + proto + ".connectiontimeout", "10000");
    p.put("mail." + proto + ".timeout", Long.toString(wakeEvery.plusMinutes(1).toMillis()));
    if (settings.ssl()) {
      p.put("mail.imaps.ssl.checkserveridentity", "true");
    }
    return Session.getInstance(p);
  }

  /** Waits in IDLE until the server reports a change of the folder or {@link #wake()} is called. */
  void await() throws MessagingException {
    waiting = true;
    try {
      folder.idle(true);
    } finally {
      waiting = false;
    }
  }

  /**
   * Ends a running {@link #await()} (from another thread): any command on the connection makes
   * Angus end IDLE first, so a NOOP is sent. Does nothing when no wait is running.
   */
  void wake() {
    if (!waiting) {
      return;
    }
    try {
      folder.doCommand(
          p -> {
            p.noop();
            return null;
          });
    } catch (MessagingException | RuntimeException e) {
      // the connection is gone: await() fails with the reason and the caller reconnects
    }
  }

  @Override
  public void close() {
    try {
      if (folder.isOpen()) {
        folder.close(false);
      }
    } catch (MessagingException | RuntimeException e) {
      // closing a connection that is gone
    }
    try {
      store.close();
    } catch (MessagingException | RuntimeException e) {
      // closing a connection that is gone
    }
  }
}
