package io.opsflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
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
    FreezingArchRule.freeze(slices().matching("io.opsflow.(**)").should().beFreeOfCycles())
        .check(classes);
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
