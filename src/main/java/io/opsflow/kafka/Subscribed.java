package io.opsflow.kafka;

import java.util.List;

/** A module that reads topics: its subscriptions, each a consumer loop. */
public interface Subscribed {
  List<Subscription> subscriptions();
}
