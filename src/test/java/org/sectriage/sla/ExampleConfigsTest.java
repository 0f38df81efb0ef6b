package org.sectriage.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sectriage.config.ConfigLoader;
import org.sectriage.config.Durations;
import org.sectriage.config.SectriageConfig;
import org.sectriage.config.SectriageConfig.CoordinatorRole;
import org.sectriage.config.SectriageConfig.Maintainer;
import org.yaml.snakeyaml.Yaml;

/**
 * The shipped config/examples, one per seed policy: each loads today, enforces its policy's own times
 * and contacts, and its commented business-time block describes a valid {@link SlaPolicy}.
 */
class ExampleConfigsTest {

    private static final Path EXAMPLES = Path.of("config/examples");

    @TempDir
    Path credentials;

    private SectriageConfig load(String policy) throws IOException {
        Files.writeString(credentials.resolve("imap-password"), "imap secret");
        Files.writeString(credentials.resolve("smtp-password"), "smtp secret");
        Path file = EXAMPLES.resolve(policy + ".yaml");
        return ConfigLoader.parse(Files.readString(file), file.toString(), credentials, credentials);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cncf-style", "dynamoose", "generic-template", "hanzo-s3-operator", "infinite-os"})
    void everyExampleLoadsAndHasAPrimaryCoordinator(String policy) throws IOException {
        SectriageConfig config = load(policy);

        assertThat(config.maintainers()).extracting(Maintainer::role).contains(CoordinatorRole.PRIMARY);
        assertThat(config.policy().timelineText()).isNotBlank();
    }

    @Test
    void hanzoPromises48HoursThen72AndEscalatesToDevAfterFiveDays() throws IOException {
        SectriageConfig hanzo = load("hanzo-s3-operator");

        assertThat(hanzo.project().securityAddress().address()).isEqualTo("security@hanzo.ai");
        assertThat(addressesOf(hanzo, CoordinatorRole.SECONDARY)).containsExactly("dev@hanzo.ai");
        assertThat(times(hanzo)).containsExactly("2d", "3d", "5d");
    }

    @Test
    void theGenericTemplateCreditsByDefaultAndHanzoNeverDoesWithoutConsent() throws IOException {
        assertThat(load("generic-template").policy().creditByDefault()).isTrue();
        assertThat(load("hanzo-s3-operator").policy().creditByDefault()).isFalse();
    }

    @Test
    void infiniteOsPromisesAcknowledgementAndResponseWithin48Hours() throws IOException {
        SectriageConfig infinite = load("infinite-os");

        assertThat(infinite.project().securityAddress().address()).isEqualTo("eng@goinfinite.net");
        assertThat(times(infinite)).containsExactly("2d", "2d", "5d");
    }

    @Test
    void genericTemplateAcknowledgesWithin48Hours() throws IOException {
        assertThat(times(load("generic-template"))).containsExactly("2d", "3d", "5d");
    }

    @Test
    void cncfStyleAnswersWithinThreeBusinessDays() throws IOException {
        SlaPolicy cncf = businessTimeOf("cncf-style", load("cncf-style"));
        Instant fridayAfternoon = Instant.parse("2026-11-20T15:00:00Z");

        assertThat(cncf.firstResponse().basis()).isEqualTo(TimeBasis.WORKING_DAYS);
        assertThat(cncf.due(fridayAfternoon, cncf.firstResponse())).isEqualTo(Instant.parse("2026-11-25T15:00:00Z"));
        assertThat(cncf.due(fridayAfternoon, cncf.silence()))
                .as("five business days of silence, never escalated before the first response is due")
                .isEqualTo(Instant.parse("2026-11-27T15:00:00Z"));
    }

    @Test
    void dynamooseAcknowledgesWithin48BusinessHoursExceptHolidays() throws IOException {
        SlaPolicy dynamoose = businessTimeOf("dynamoose", load("dynamoose"));
        Instant mondayMorning = Instant.parse("2026-11-16T09:00:00Z");
        Instant beforeChristmas = Instant.parse("2026-12-23T09:00:00Z");

        assertThat(dynamoose.acknowledge().basis()).isEqualTo(TimeBasis.WORKING_HOURS);
        assertThat(dynamoose.due(mondayMorning, dynamoose.acknowledge()))
                .as("six working days of 8 hours").isEqualTo(Instant.parse("2026-11-23T17:00:00Z"));
        assertThat(dynamoose.due(beforeChristmas, dynamoose.acknowledge()))
                .as("23, 28, 29, 30 December and 4, 5 January: the 24th, 25th, 31st and 1st are holidays")
                .isEqualTo(Instant.parse("2027-01-05T17:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cncf-style", "dynamoose", "generic-template", "hanzo-s3-operator", "infinite-os"})
    void everyBusinessTimeBlockDescribesAValidPolicy(String policy) throws IOException {
        SlaPolicy sla = businessTimeOf(policy, load(policy));

        assertThat(sla.reminderLead()).isLessThan(sla.firstResponse().amount());
    }

    private static List<String> addressesOf(SectriageConfig config, CoordinatorRole role) {
        return config.maintainers().stream().filter(m -> m.role() == role).map(m -> m.email().address()).toList();
    }

    private static List<String> times(SectriageConfig config) {
        SectriageConfig.Policy p = config.policy();
        return List.of(Durations.format(p.acknowledgeWithin()), Durations.format(p.firstResponseWithin()),
                Durations.format(p.escalateAfterSilence()));
    }

    /** The SLA policy the loader read from the example's {@code policy} section. */
    private static SlaPolicy businessTimeOf(String policy, SectriageConfig config) {
        assertThat(config.policy().sla()).as("%s has an SLA policy", policy).isNotNull();
        return config.policy().sla();
    }
}
