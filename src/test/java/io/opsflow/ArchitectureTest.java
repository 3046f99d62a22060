package io.opsflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The architecture rules of STYLE.md, checked on the compiled classes. */
class ArchitectureTest {
  private static final String[] DOMAIN = {
    "io.opsflow.incident.model..",
    "io.opsflow.ticket.model..",
    "io.opsflow.service..",
    "io.opsflow.escalation.model..",
    "io.opsflow.sla.model..",
    "io.opsflow.uptime.model..",
    "io.opsflow.notify.model.."
  };

  /** The features: each owns its persistence and offers the others a small public interface. */
  private static final String[] FEATURES = {
    "access",
    "incident",
    "ticket",
    "escalation",
    "notify",
    "sla",
    "uptime",
    "webhook",
    "intake",
    "slack",
    "pages",
    "service"
  };

  /** Plumbing every feature may use; it knows no feature. */
  private static final String[] PLUMBING = {
    "io.opsflow.kafka..", "io.opsflow.db..", "io.opsflow.http..", "io.opsflow.config.."
  };

  /** How a feature's persistence classes are named. */
  private static final String[] PERSISTENCE = {
    "Store", "Queries", "Repository", "Row", "Records", "Outbox", "Ledger"
  };

  /**
   * Known uses of another feature's persistence, as "using class -> used class", left in features
   * being re-plumbed when the rule came in (issue 11). Each is to be removed from this set when it
   * is fixed; nothing is to be added to it.
   */
  private static final Set<String> KNOWN_PERSISTENCE_USES =
      Set.of(
          // incident, notify, sla and ticket reach into each other's stores
          "io.opsflow.incident.IncidentJson -> io.opsflow.sla.SlaClockRow",
          "io.opsflow.incident.IncidentDetails -> io.opsflow.notify.EffectStore",
          "io.opsflow.ticket.TicketOutbox -> io.opsflow.notify.EffectStore",
          "io.opsflow.ticket.TicketSteps -> io.opsflow.sla.SlaClockRow",
          // the SLA clocks shown with a ticket or incident carry their row, not its kind and stop
          "io.opsflow.pages.SlaView -> io.opsflow.sla.SlaClockRow",
          "io.opsflow.slack.StatusText -> io.opsflow.sla.SlaClockRow",
          // mail looks organizations up in the token store
          "io.opsflow.ticket.mail.MailRecords -> io.opsflow.access.TokenRepository");

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.opsflow");
  }

  @Test
  void theDomainImportsNoInfrastructure() {
    noClasses()
        .that()
        .resideInAnyPackage(DOMAIN)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.kafka..",
            "org.camunda..",
            "org.hibernate..",
            "jakarta.persistence..",
            "com.slack..",
            "jakarta.mail..",
            "io.javalin..",
            "com.fasterxml.jackson..",
            "io.micrometer..",
            "java.sql..",
            "io.opsflow.store..",
            "io.opsflow.web..",
            "io.opsflow.kafka..",
            "io.opsflow.ingest..",
            "io.opsflow.workflow..")
        .check(classes);
  }

  @Test
  void camundaStaysInsideTheWorkflowPackage() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.opsflow.workflow..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.camunda..")
        .check(classes);
  }

  @Test
  void engineInternalsOnlyInTheEngineFactory() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("io.opsflow.workflow.EngineFactory")
        .and()
        .doNotHaveFullyQualifiedName("io.opsflow.workflow.EngineConfiguration")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.camunda.bpm.engine.impl..")
        .check(classes);
  }

  @Test
  void noPackageCycles() {
    slices().matching("io.opsflow.(**)").should().beFreeOfCycles().check(classes);
  }

  @Test
  void plumbingUsesNoFeature() {
    noClasses()
        .that()
        .resideInAnyPackage(PLUMBING)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            Arrays.stream(FEATURES).map(f -> "io.opsflow." + f + "..").toArray(String[]::new))
        .check(classes);
  }

  /** The root package (App) and the *Module classes wire the features together and are exempt. */
  @Test
  void aFeatureUsesNoOtherFeaturesPersistence() {
    classes()
        .that()
        .resideInAnyPackage(
            Arrays.stream(FEATURES).map(f -> "io.opsflow." + f + "..").toArray(String[]::new))
        .should(useNoOtherFeaturesPersistence())
        .check(classes);
  }

  private static ArchCondition<JavaClass> useNoOtherFeaturesPersistence() {
    return new ArchCondition<>("use no other feature's persistence classes") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        if (topLevelName(origin).endsWith("Module")) {
          return;
        }
        for (Dependency d : origin.getDirectDependenciesFromSelf()) {
          JavaClass target = d.getTargetClass().getBaseComponentType();
          String feature = featureOf(target);
          if (feature == null
              || feature.equals(featureOf(origin))
              || Arrays.stream(PERSISTENCE).noneMatch(target.getSimpleName()::endsWith)
              || KNOWN_PERSISTENCE_USES.contains(
                  topLevelName(origin) + " -> " + target.getName())) {
            continue;
          }
          events.add(SimpleConditionEvent.violated(d, d.getDescription()));
        }
      }
    };
  }

  /** The feature a class belongs to, or null for the root package and the plumbing. */
  private static String featureOf(JavaClass c) {
    String[] parts = c.getPackageName().split("\\.");
    if (parts.length < 3 || !parts[0].equals("io") || !parts[1].equals("opsflow")) {
      return null;
    }
    return Arrays.asList(FEATURES).contains(parts[2]) ? parts[2] : null;
  }

  /** The name of the class itself, or of the class it is nested in. */
  private static String topLevelName(JavaClass c) {
    String name = c.getName();
    int nested = name.indexOf('$');
    return nested < 0 ? name : name.substring(0, nested);
  }

  @Test
  void adaptersDependOnTheDomainNeverTheOtherWay() {
    classes()
        .that()
        .resideInAPackage("io.opsflow.incident.model..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("io.opsflow.incident.model..", "java..")
        .check(classes);
  }

  @Test
  void noSystemOutInMainCodeOutsideTheCommandLine() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.opsflow.cli..")
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .check(classes);
  }
}
