package io.opsflow.escalation.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.escalation.model.Schedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleFilesTest {
  @TempDir Path dir;

  private Path write(String name, String... lines) throws IOException {
    return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
  }

  private static ConfigProblem onlyProblem(ScheduleLoad load) {
    assertThat(load.ok()).isFalse();
    assertThat(load.schedules()).isEmpty();
    assertThat(load.problems()).hasSize(1);
    return load.problems().get(0);
  }

  private static ConfigProblem firstProblem(ScheduleLoad load) {
    assertThat(load.ok()).isFalse();
    assertThat(load.schedules()).isEmpty();
    return load.problems().get(0);
  }

  private static String[] aLayerWith(String key, String value) {
    return new String[] {
      "id: primary",
      "timeZone: Europe/Berlin",
      "layers:",
      "  - rotation: daily",
      "    handoff: \"09:00\"",
      "    start: 2026-01-05",
      "    " + key + ": " + value
    };
  }

  @Test
  void theExampleFileLoadsAndAnswers() {
    ScheduleLoad load = ScheduleFiles.read(List.of(Path.of("config/schedules.example.yaml")));
    assertThat(load.problems()).isEmpty();
    assertThat(load.schedules())
        .extracting(Schedule::id)
        .containsExactly("platform-primary", "database-secondary");
    Schedule primary = load.schedules().get(0);
    assertThat(primary.onCallAt(Instant.parse("2026-01-06T10:00:00Z"))).contains("erin");
    assertThat(primary.onCallAt(Instant.parse("2026-01-06T20:00:00Z"))).contains("alice");
    assertThat(primary.onCallAt(Instant.parse("2026-03-28T20:00:00Z"))).contains("frank");
  }

  @Test
  void aFileMayHoldOneScheduleOrSeveralDocuments() throws IOException {
    write("one.yaml", aLayerWith("participants", "[alice]"));
    write(
        "two.yml",
        "id: a",
        "timeZone: UTC",
        "layers: [{rotation: daily, handoff: '00:00', start: 2026-01-01, participants: [x]}]",
        "---",
        "- id: b",
        "  timeZone: UTC",
        "  layers: [{rotation: daily, handoff: '00:00', start: 2026-01-01, participants: [y]}]");
    write(
        "unquoted.yaml",
        "id: c",
        "timeZone: UTC",
        "layers:",
        "  - {rotation: weekly, handoffDay: Mon, handoff: 09:00, start: 2026-01-01, participants: [z]}");
    write("notes.txt", "not a schedule");
    ScheduleLoad load = ScheduleFiles.read(dir);
    assertThat(load.problems()).isEmpty();
    assertThat(load.schedules()).extracting(Schedule::id).containsExactly("primary", "a", "b", "c");
  }

  @Test
  void anUnknownTimeZoneIsRefusedAtItsLine() throws IOException {
    Path file = write("bad.yaml", "schedules:", "  - id: primary", "    timeZone: Europe/Berln");
    ConfigProblem p = firstProblem(ScheduleFiles.read(List.of(file)));
    assertThat(p.file()).isEqualTo(file);
    assertThat(p.line()).isEqualTo(3);
    assertThat(p.reason()).contains("unknown time zone 'Europe/Berln'");
  }

  @Test
  void aRotationWithoutParticipantsIsRefusedAtItsLine() throws IOException {
    Path file = write("empty.yaml", aLayerWith("participants", "[]"));
    ConfigProblem p = onlyProblem(ScheduleFiles.read(List.of(file)));
    assertThat(p.toString()).startsWith(file + ":7: ");
    assertThat(p.reason()).contains("at least one participant");
  }

  @Test
  void anUnknownRotationTypeIsRefusedAtItsLine() throws IOException {
    Path file = write("type.yaml", aLayerWith("participants", "[alice]"));
    Files.writeString(file, Files.readString(file).replace("daily", "fortnightly"));
    ConfigProblem p = onlyProblem(ScheduleFiles.read(List.of(file)));
    assertThat(p.line()).isEqualTo(4);
    assertThat(p.reason()).contains("unknown rotation type 'fortnightly'");
  }

  @Test
  void badValuesUnknownFieldsAndSyntaxErrorsAreRefusedAtTheirLines() throws IOException {
    assertThat(
            onlyProblem(
                    ScheduleFiles.read(List.of(write("a.yaml", aLayerWith("participant", "[a]")))))
                .line())
        .isEqualTo(7);
    Path time = write("b.yaml", aLayerWith("participants", "[a]"));
    Files.writeString(time, Files.readString(time).replace("09:00", "25:00"));
    assertThat(onlyProblem(ScheduleFiles.read(List.of(time))).line()).isEqualTo(5);
    Path syntax = write("c.yaml", "id: x", "timeZone: UTC", "layers: [", "  - :", "oops");
    ConfigProblem p = onlyProblem(ScheduleFiles.read(List.of(syntax)));
    assertThat(p.reason()).isEqualTo("not valid YAML: expected the node content, but found '-'");
    assertThat(p.line()).isEqualTo(4);
    ConfigProblem twice =
        onlyProblem(ScheduleFiles.read(List.of(write("d.yaml", "id: x", "id: y"))));
    assertThat(twice.line()).isEqualTo(2);
    assertThat(twice.reason()).contains("Duplicate field 'id'");
  }

  @Test
  void aGapInAScheduleRequiringFullCoverageIsRefused() throws IOException {
    Path file =
        write(
            "gap.yaml",
            "id: primary",
            "timeZone: Europe/Berlin",
            "requireFullCoverage: true",
            "layers:",
            "  - rotation: daily",
            "    handoff: \"09:00\"",
            "    start: 2026-01-05",
            "    participants: [alice]",
            "    restrictions: [{days: [mon, tue, wed, thu, fri], from: '09:00', to: '17:00'}]");
    ConfigProblem p = firstProblem(ScheduleFiles.read(List.of(file)));
    assertThat(p.line()).isEqualTo(4);
    assertThat(p.reason()).contains("nobody is on call from 2026-01-05T17:00");
  }

  @Test
  void aDuplicateIdAcrossFilesIsRefusedAtTheSecondDefinition() throws IOException {
    Path first = write("1.yaml", aLayerWith("participants", "[a]"));
    write("2.yaml", aLayerWith("participants", "[b]"));
    ConfigProblem p = onlyProblem(ScheduleFiles.read(dir));
    assertThat(p.file()).isEqualTo(dir.resolve("2.yaml"));
    assertThat(p.line()).isEqualTo(1);
    assertThat(p.reason()).contains("already defined at " + first + ":1");
  }

  @Test
  void aBadReloadLeavesTheSchedulesInForce() throws IOException {
    Path file = write("s.yaml", aLayerWith("participants", "[alice]"));
    ScheduleFiles files = new ScheduleFiles(dir);
    assertThat(files.reload()).isEmpty();
    write("t.yaml", "id: other", "timeZone: Mars/Olympus", "layers: []");
    Files.writeString(file, Files.readString(file).replace("alice", "bob"));
    List<ConfigProblem> problems = files.reload();
    assertThat(problems).isNotEmpty();
    assertThat(files.inForce()).containsOnlyKeys("primary");
    assertThat(files.inForce().get("primary").layers().get(0).participants())
        .containsExactly("alice");
  }
}
