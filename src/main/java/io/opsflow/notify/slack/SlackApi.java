package io.opsflow.notify.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import io.opsflow.notify.model.EffectFailure;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The one place that calls the Slack SDK: every call returns the parsed answer or throws an {@link
 * EffectFailure}; {@code accepted} error codes come back to the caller as answers (name_taken,
 * already_in_channel...). The SDK's synchronous client neither retries nor sleeps on HTTP 429; it
 * throws, and the caller reschedules.
 */
final class SlackApi implements AutoCloseable {
  /** One SDK call. */
  interface Call<T> {
    T run(MethodsClient methods) throws IOException, SlackApiException;
  }

  private final Slack slack;
  private final MethodsClient methods;

  SlackApi(String token, Optional<String> apiUrl) {
    SlackConfig config = new SlackConfig();
    apiUrl.ifPresent(config::setMethodsEndpointUrlPrefix);
    config.setPrettyResponseLoggingEnabled(false);
    this.slack = Slack.getInstance(config);
    this.methods = slack.methods(token);
  }

  <T extends SlackApiTextResponse> T call(String method, Call<T> call) throws EffectFailure {
    return call(method, Set.of()::contains, call);
  }

  <T extends SlackApiTextResponse> T call(String method, Predicate<String> accepted, Call<T> call)
      throws EffectFailure {
    T answer;
    try {
      answer = call.run(methods);
    } catch (IOException e) {
      throw SlackErrors.fromIo(method, e);
    } catch (SlackApiException e) {
      throw SlackErrors.fromException(method, e);
    }
    if (answer.isOk() || accepted.test(answer.getError())) {
      return answer;
    }
    throw SlackErrors.fromError(
        method, answer.getError(), answer.getNeeded(), answer.getHttpResponseHeaders());
  }

  @Override
  public void close() throws Exception {
    slack.close();
  }
}
