package io.opsflow.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Refuses webhook targets inside the operator's network: loopback, private (RFC 1918, IPv6 unique
 * local), link-local (which holds the cloud metadata service at 169.254.169.254), carrier-grade
 * NAT, unspecified and multicast addresses. A subscription is checked when created and every
 * delivery again, as DNS may have changed since.
 */
public final class PrivateAddresses {
  private PrivateAddresses() {}

  /** Why {@code host} may not be a webhook target; empty when it may. */
  public static Optional<String> refusal(String host) {
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      return Optional.of("host " + host + " does not resolve");
    }
    for (InetAddress a : addresses) {
      if (internal(a)) {
        return Optional.of(
            "host "
                + host
                + " resolves to the internal address "
                + a.getHostAddress()
                + " (set OPSFLOW_WEBHOOK_ALLOW_PRIVATE=true to allow internal targets)");
      }
    }
    return Optional.empty();
  }

  static boolean internal(InetAddress a) {
    if (a.isLoopbackAddress()
        || a.isSiteLocalAddress()
        || a.isLinkLocalAddress()
        || a.isAnyLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet6Address) {
      return (b[0] & 0xfe) == 0xfc; // fc00::/7 unique local
    }
    return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64; // 100.64.0.0/10 carrier-grade NAT
  }
}
