package org.sectriage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering the design asks for: the domain is plain Java; I/O stays at the edges. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.sectriage");
    }

    @Test
    void domainKnowsNothingOfMailDatabasesOrTimers() {
        noClasses().that().resideInAPackage("org.sectriage.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "jakarta..", "org.eclipse.angus..", "java.sql..", "org.h2..", "org.quartz..",
                        "org.apache.james..", "org.bouncycastle..", "org.sectriage.store..", "org.sectriage.ingest..",
                        "org.sectriage.outbox..", "org.sectriage.pipeline..", "org.sectriage.cli..")
                .check(classes);
    }

    @Test
    void commandsRelayAndAdvisoriesArePlainJavaForTheEdgesToWireIn() {
        noClasses().that().resideInAnyPackage("org.sectriage.command..", "org.sectriage.relay..",
                        "org.sectriage.advisory..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "jakarta..", "org.eclipse.angus..", "java.sql..", "org.h2..", "org.quartz..",
                        "org.apache.james..", "org.bouncycastle..", "org.sectriage.store..", "org.sectriage.ingest..",
                        "org.sectriage.outbox..", "org.sectriage.pipeline..", "org.sectriage.config..")
                .check(classes);
    }

    @Test
    void onlyTheIngestEdgeSpeaksImap() {
        noClasses().that().resideOutsideOfPackages("org.sectriage.ingest..")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.angus.mail.imap..")
                .check(classes);
    }

    @Test
    void pipelineStepsNeverSendMailThemselves() {
        noClasses().that().resideInAnyPackage("org.sectriage.act..", "org.sectriage.threading..",
                        "org.sectriage.parse..", "org.sectriage.classify..", "org.sectriage.pipeline..")
                .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.mail.Transport")
                .check(classes);
    }

    @Test
    void nothingDependsOnTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("org.sectriage.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.sectriage.cli..")
                .check(classes);
    }
}
