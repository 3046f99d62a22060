package io.opsflow.pages;

import java.util.ArrayList;
import java.util.List;

/** The priorities of the service agreement, with their definitions, as form choices. */
final class Priorities {
  record Level(String id, String meaning, String response) {}

  static final List<Level> LEVELS =
      List.of(
          new Level(
              "P-0",
              "Production severely impacted, no workaround; security issues.",
              "1 hour, 24x7"),
          new Level(
              "P-1",
              "Production: a non-critical feature blocks partial use. Non-production: blocks"
                  + " promotion to production.",
              "1 business day"),
          new Level("P-2", "Non-production, non-critical, not time-sensitive.", "4 business days"));

  private Priorities() {}

  /** A fieldset of radio buttons, each with its definition and response time. */
  static Html choice(String name, String checked) {
    List<Html> options = new ArrayList<>();
    for (Level l : LEVELS) {
      String id = name + "-" + l.id();
      options.add(
          Html.of(
              "<div class=\"choice\"><input type=\"radio\" id=\"{}\" name=\"{}\" value=\"{}\""
                  + " aria-describedby=\"{}-help\" required{}><label for=\"{}\"><strong>{}</strong>"
                  + "</label><p id=\"{}-help\" class=\"help\">{} Response within {}.</p></div>",
              id,
              name,
              l.id(),
              id,
              Html.when(l.id().equals(checked), Html.of(" checked")),
              id,
              l.id(),
              id,
              l.meaning(),
              l.response()));
    }
    return Html.of("<fieldset><legend>Priority</legend>{}</fieldset>", Html.join(options));
  }
}
