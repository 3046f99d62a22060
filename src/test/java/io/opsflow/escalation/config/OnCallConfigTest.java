package io.opsflow.escalation.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.escalation.model.OnCallDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnCallConfigTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-06T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  @BeforeEach
  void copyTheShippedDirectory() throws IOException {
    Path shipped = Path.of("oncall");
    try (Stream<Path> files = Files.walk(shipped)) {
      for (Path from : files.toList()) {
        Path to = dir.resolve(shipped.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to);
        }
      }
    }
  }

  @Test
  void theShippedDirectoryLoads() {
    OnCallConfig config = new OnCallConfig(dir, CLOCK);

    assertThat(config.reload()).isEmpty();

    OnCallSnapshot s = config.snapshot();
    assertThat(s.users()).containsKeys("alice", "bob", "carol", "dave", "erin");
    assertThat(s.users().get("alice").slack()).isEqualTo("U0ALICE");
    assertThat(s.schedules()).containsOnlyKeys("platform-primary");
    assertThat(s.policies()).hasSize(1);
    assertThat(s.loadedAt()).isEqualTo(CLOCK.instant());
    OnCallDirectory directory = s.directory();
    assertThat(directory.onCallAt("platform-primary", CLOCK.instant())).contains("erin");
    assertThat(directory.scheduleEverCovers("platform-primary")).isTrue();
  }

  @Test
  void aMissingDirectoryIsAnEmptyConfiguration() {
    OnCallConfig config = new OnCallConfig(dir.resolve("absent"), CLOCK);

    assertThat(config.reload()).isEmpty();
    assertThat(config.snapshot().schedules()).isEmpty();
  }

  @Test
  void anUnknownParticipantIsRefusedWithFileAndLine() throws IOException {
    Path file = dir.resolve("schedules/primary.yaml");
    Files.writeString(file, Files.readString(file).replace("[alice, bob, carol]", "[alice, zed]"));

    List<String> problems = new OnCallConfig(dir, CLOCK).reload();

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0))
        .startsWith(file + ":12: ")
        .contains("participant 'zed' is not in users.yaml");
  }

  @Test
  void anUnknownOverrideUserIsRefused() throws IOException {
    Path file = dir.resolve("schedules/primary.yaml");
    Files.writeString(file, Files.readString(file).replace("- user: bob", "- user: mallory"));

    assertThat(new OnCallConfig(dir, CLOCK).reload())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith(file + ":23: ")
        .contains("'mallory'");
  }

  @Test
  void aBrokenReloadKeepsThePreviousSnapshotAndAFixedOneReplacesIt() throws IOException {
    OnCallConfig config = new OnCallConfig(dir, CLOCK);
    assertThat(config.reload()).isEmpty();
    OnCallSnapshot before = config.snapshot();
    Path users = dir.resolve("users.yaml");
    String good = Files.readString(users);

    Files.writeString(users, good.replace("id: erin", "id: erin-renamed"));
    List<String> problems = config.reload();

    assertThat(problems).anySatisfy(p -> assertThat(p).contains("primary.yaml").contains("erin"));
    assertThat(config.snapshot()).isSameAs(before);

    Files.writeString(users, good);
    assertThat(config.reload()).isEmpty();
    assertThat(config.snapshot()).isNotSameAs(before);
  }

  @Test
  void aPolicyNamingAnUnknownScheduleIsRefused() throws IOException {
    Path file = dir.resolve("policies/default.yaml");
    Files.writeString(
        file, Files.readString(file).replaceFirst("schedule: platform-primary", "schedule: nope"));

    assertThat(new OnCallConfig(dir, CLOCK).reload())
        .anySatisfy(p -> assertThat(p).startsWith(file + ":").contains("unknown schedule 'nope'"));
  }

  @Test
  void aChangedFileIsReloadedByTheWatcher() throws IOException {
    OnCallConfig config = new OnCallConfig(dir, CLOCK);
    config.reload();
    OnCallSnapshot before = config.snapshot();

    config.reloadIfChanged();
    assertThat(config.snapshot()).isSameAs(before);

    Files.writeString(
        dir.resolve("users.yaml"), "\n  - id: frank\n", java.nio.file.StandardOpenOption.APPEND);
    config.reloadIfChanged();
    assertThat(config.snapshot().users()).containsKey("frank");
  }
}
