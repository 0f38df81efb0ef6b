package org.sectriage.act;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sectriage.config.SectriageConfig;
import org.sectriage.config.SectriageConfig.CoordinatorRole;
import org.sectriage.domain.EmailAddress;
import org.sectriage.sla.TimeBasis;
import org.sectriage.sla.TimeLimit;
import org.sectriage.threading.Maintainers;

/** The built-in acknowledgement, and the reporter's notice of an escalation, as a reporter reads them. */
class AcknowledgementTemplateTest {

    private static final MailTemplates TEMPLATES = MailTemplates.load(null);
    private static final String OUR_KEY = "0123 4567 89AB CDEF 0123  4567 89AB CDEF 0123 4567";

    @Test
    void saysThePolicysTimesAndThatASilenceIsEscalatedWithoutGivingTheSecondarysAddress() {
        MailTemplates.RenderedMail mail = render("https://example.org/key.asc", "We fix within 90 days.",
                List.of(new SectriageConfig.Maintainer("Sam", EmailAddress.of("sam@example.org"),
                        CoordinatorRole.SECONDARY)));

        assertThat(mail.subject()).isEqualTo("[SEC-2026-0001] Re: Sample report");
        assertThat(mail.body()).startsWith("Hello Sample Reporter,")
                .contains("opened case SEC-2026-0001")
                .contains("answer you within 3 days")
                .contains("- We fix within 90 days.")
                .contains("If you have not heard from us for 5 days, your report goes to our\n  secondary security"
                        + " coordinators, and we tell you so")
                .doesNotContain("sam@example.org")
                .contains("OpenPGP key: https://example.org/key.asc");
    }

    @Test
    void aPromiseInBusinessTimeIsSaidInBusinessDaysOrHoursAsThePolicySaysIt() {
        assertThat(CaseMailContext.humanLimit(new TimeLimit(Duration.ofDays(3), TimeBasis.WORKING_DAYS)))
                .isEqualTo("3 business days");
        assertThat(CaseMailContext.humanLimit(new TimeLimit(Duration.ofHours(48), TimeBasis.WORKING_HOURS)))
                .isEqualTo("48 business hours");
        assertThat(CaseMailContext.humanLimit(new TimeLimit(Duration.ofDays(1), TimeBasis.WORKING_DAYS)))
                .isEqualTo("1 business day");
        assertThat(CaseMailContext.humanLimit(TimeLimit.calendar(Duration.ofDays(5)))).isEqualTo("5 days");
        assertThat(CaseMailContext.humanLimit(TimeLimit.calendar(Duration.ofHours(48)))).isEqualTo("48 hours");
    }

    @Test
    void leavesOutWhatThePolicyDoesNotSayRatherThanPrintingEmptyLines() {
        MailTemplates.RenderedMail mail = render(null, null, List.of());

        assertThat(mail.body()).doesNotContain("OpenPGP").doesNotContain("If you have not heard")
                .doesNotContainPattern("(?m)^- *$");
    }

    @Test
    void aReportThatCouldNotBeDecryptedIsAnsweredWithTheKeyToEncryptTo() {
        Map<String, Object> ctx = context("https://example.org/key.asc", null, List.of());

        String body = TEMPLATES.render(MailTemplates.ACKNOWLEDGEMENT, decryptionFailed(ctx)).body();

        assertThat(body).contains("Please encrypt to our current key, fingerprint\n    " + OUR_KEY)
                .contains("which you can get from https://example.org/key.asc,\nand send your report again.")
                .contains("OpenPGP key: https://example.org/key.asc");
    }

    @Test
    void withNoKeyToDecryptWithTheReporterIsNotAskedToEncryptAgain() {
        Map<String, Object> ctx = context("https://example.org/key.asc", null, List.of(), List.of());

        String body = TEMPLATES.render(MailTemplates.ACKNOWLEDGEMENT, decryptionFailed(ctx)).body();

        assertThat(body).contains("This address cannot decrypt mail at the moment, so please do not send it\nagain"
                + " encrypted").doesNotContain("send your report again").doesNotContain("which you can get from")
                .doesNotContain("encrypt further mail");
    }

    private static Map<String, Object> decryptionFailed(Map<String, Object> ctx) {
        ctx.put("encrypted", true);
        ctx.put("decryptionFailed", true);
        ctx.put("decryptionReason", "this security address has no decryption key configured");
        return ctx;
    }

    @Test
    void anEscalationNoticeSpeaksOfSecondaryCoordinatorsOnlyWhenThereAreSome() {
        SectriageConfig.Maintainer sam = new SectriageConfig.Maintainer("Sam", EmailAddress.of("sam@example.org"),
                CoordinatorRole.SECONDARY);

        String withSecondary = TEMPLATES.render(MailTemplates.REPORTER_ESCALATION, context(null, null, List.of(sam)))
                .body();
        String primaryOnly = TEMPLATES.render(MailTemplates.REPORTER_ESCALATION, context(null, null, List.of()))
                .body();

        assertThat(withSecondary).contains("escalated to our secondary security coordinators")
                .doesNotContain("sam@example.org");
        assertThat(primaryOnly).doesNotContain("secondary").contains("The security team has been reminded");
    }

    @Test
    @SuppressWarnings("unchecked")
    void creditByDefaultPromisesTheFromLinesNameOnlyWhenThereIsOne() {
        Map<String, Object> ctx = context(null, null, List.of());
        Map<String, Object> policy = new java.util.HashMap<>((Map<String, Object>) ctx.get("policy"));
        policy.put("creditByDefault", true);
        ctx.put("policy", policy);
        String named = TEMPLATES.render(MailTemplates.ACKNOWLEDGEMENT, ctx).body();
        ((Map<String, Object>) ctx.get("reporter")).put("name", "");
        String unnamed = TEMPLATES.render(MailTemplates.ACKNOWLEDGEMENT, ctx).body();

        assertThat(named).contains("If you say nothing, we credit you by the name in\nyour From line.");
        assertThat(unnamed).doesNotContain("we credit you by the name")
                .contains("Your mail gives no name to credit you by, so\nwithout that line we cannot credit you.");
    }

    @Test
    @SuppressWarnings("unchecked")
    void greetsAReporterWithoutADisplayNameWithoutADanglingSpace() {
        Map<String, Object> ctx = context(null, null, List.of());
        ((Map<String, Object>) ctx.get("reporter")).put("name", "");

        assertThat(TEMPLATES.render(MailTemplates.ACKNOWLEDGEMENT, ctx).body()).startsWith("Hello,");
    }

    private static MailTemplates.RenderedMail render(String keyUrl, String timeline,
                                                     List<SectriageConfig.Maintainer> extra) {
        return TEMPLATES.render(MailTemplates.ACKNOWLEDGEMENT, context(keyUrl, timeline, extra));
    }

    private static Map<String, Object> context(String keyUrl, String timeline, List<SectriageConfig.Maintainer> extra) {
        return context(keyUrl, timeline, extra, List.of(OUR_KEY));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> context(String keyUrl, String timeline, List<SectriageConfig.Maintainer> extra,
                                               List<String> ourKeys) {
        List<SectriageConfig.Maintainer> team = new java.util.ArrayList<>(List.of(new SectriageConfig.Maintainer(
                "Maria", EmailAddress.of("maria@example.org"), CoordinatorRole.PRIMARY)));
        team.addAll(extra);
        CaseMailContext context = new CaseMailContext(
                new SectriageConfig.Project("Example", EmailAddress.of("security@example.org"),
                        "https://example.org/issues", keyUrl, ZoneOffset.UTC),
                SectriageConfig.Policy.calendar(Duration.ofHours(48), Duration.ofHours(72), Duration.ofDays(5), timeline,
                        Duration.ofDays(1), ZoneOffset.UTC),
                new Maintainers(team), item -> item, List.of()).withOurKeys(ourKeys);
        Map<String, Object> ctx = context.sample();
        ctx.put("reporter", new java.util.HashMap<>((Map<String, Object>) ctx.get("reporter")));
        return ctx;
    }
}
