package org.sectriage.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sectriage.classify.report.Classification;
import org.sectriage.classify.report.CvssVector;
import org.sectriage.classify.report.CvssVectorFinder;
import org.sectriage.command.CaseFile;
import org.sectriage.command.Credit;
import org.sectriage.classify.report.LikelyDuplicate;
import org.sectriage.classify.report.ReportFeatures;
import org.sectriage.classify.report.ReportKind;
import org.sectriage.classify.report.Severity;
import org.sectriage.classify.report.SeveritySource;
import org.sectriage.domain.CaseEvent;
import org.sectriage.domain.CaseId;
import org.sectriage.domain.CaseMessage;
import org.sectriage.domain.CaseState;
import org.sectriage.domain.EmailAddress;
import org.sectriage.domain.Participant;
import org.sectriage.domain.ParticipantRole;
import org.sectriage.domain.SecurityCase;

/** The {@link CaseStore} over JDBC, bound to one connection and so to its transaction. */
public final class JdbcCaseStore implements CaseStore {

    /** The states of open cases, as an SQL list. */
    private static final String OPEN_STATES = Arrays.stream(CaseState.values()).filter(CaseState::isOpen)
            .map(s -> "'" + s.label() + "'").collect(java.util.stream.Collectors.joining(","));

    private final Connection c;

    public JdbcCaseStore(Connection connection) {
        this.c = connection;
    }

    @Override
    public CaseId nextCaseId(int year) {
        return call(() -> {
            try (PreparedStatement upd = c.prepareStatement(
                    "UPDATE case_counter SET last_number = last_number + 1 WHERE case_year = ?")) {
                upd.setInt(1, year);
                if (upd.executeUpdate() == 0) {
                    try (PreparedStatement ins = c.prepareStatement(
                            "INSERT INTO case_counter (case_year, last_number) VALUES (?, 1)")) {
                        ins.setInt(1, year);
                        ins.executeUpdate();
                    }
                }
            }
            try (PreparedStatement q = c.prepareStatement("SELECT last_number FROM case_counter WHERE case_year = ?")) {
                q.setInt(1, year);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    return new CaseId(year, rs.getInt(1));
                }
            }
        });
    }

    @Override
    public void create(SecurityCase sc) {
        update("INSERT INTO security_case (id, state, subject, reporter, reporter_name, opened_at, updated_at,"
                        + " encrypted, problems) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                sc.id().toString(), sc.state().label(), Rows.fit(sc.subject(), 1000),
                Rows.fit(sc.reporter().address(), 500), Rows.fit(sc.reporter().displayName(), 500),
                sc.openedAt(), sc.updatedAt(), sc.encrypted(), Rows.fit(sc.flags(), 4000));
    }

    @Override
    public Optional<SecurityCase> find(CaseId id) {
        List<SecurityCase> found = selectCases("WHERE id = ?", id.toString());
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public void updateState(CaseId id, CaseState state, Instant at) {
        update("UPDATE security_case SET state = ?, updated_at = ? WHERE id = ?", state.label(), at, id.toString());
    }

    @Override
    public void touch(CaseId id, Instant at) {
        update("UPDATE security_case SET updated_at = ? WHERE id = ?", at, id.toString());
    }

    @Override
    public void markEncrypted(CaseId id) {
        update("UPDATE security_case SET encrypted = TRUE WHERE id = ?", id.toString());
    }

    @Override
    public List<CaseId> casesKnowing(Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        return call(() -> {
            String marks = String.join(",", java.util.Collections.nCopies(messageIds.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT case_id,"
                    + " MAX(CASE WHEN direction = 'out' THEN 1 ELSE 0 END) AS ours, MAX(id) AS latest"
                    + " FROM case_message WHERE message_id IN (" + marks + ")"
                    + " GROUP BY case_id ORDER BY ours DESC, latest DESC LIMIT 20")) {
                Rows.bind(ps, messageIds.toArray());
                List<CaseId> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(CaseId.parse(rs.getString(1)));
                    }
                }
                return found;
            }
        });
    }

    @Override
    public boolean isParticipant(CaseId id, EmailAddress address) {
        return call(() -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM participant WHERE case_id = ? AND address = ?")) {
                ps.setString(1, id.toString());
                ps.setString(2, address.normalized());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    @Override
    public void addParticipant(CaseId id, Participant p) {
        if (isParticipant(id, p.address())) {
            return;
        }
        update("INSERT INTO participant (case_id, address, display_name, role) VALUES (?, ?, ?, ?)",
                id.toString(), Rows.fit(p.address().normalized(), 500), Rows.fit(p.address().displayName(), 500),
                p.role().label());
    }

    @Override
    public List<Participant> participants(CaseId id) {
        return call(() -> {
            List<Participant> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT address, display_name, role FROM participant WHERE case_id = ? ORDER BY role DESC, address")) {
                ps.setString(1, id.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Participant(new EmailAddress(rs.getString(1), rs.getString(2)),
                                ParticipantRole.valueOf(rs.getString(3).toUpperCase(java.util.Locale.ROOT))));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void addMessage(CaseMessage m) {
        update("INSERT INTO case_message (case_id, direction, inbound_id, outbox_id, message_id, sender, recipients,"
                        + " subject, kind, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                m.caseId().toString(), m.direction().name().toLowerCase(java.util.Locale.ROOT), m.inboundId(),
                m.outboxId(), Rows.fit(m.messageId(), 1000), Rows.fit(m.sender(), 500), Rows.fit(m.recipients(), 4000),
                Rows.fit(m.subject(), 1000), m.kind(), m.at());
    }

    @Override
    public List<CaseMessage> messages(CaseId id) {
        return call(() -> {
            List<CaseMessage> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT direction, message_id, sender, recipients, subject, kind, at, inbound_id, outbox_id"
                            + " FROM case_message WHERE case_id = ? ORDER BY id")) {
                ps.setString(1, id.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new CaseMessage(id,
                                CaseMessage.Direction.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT)),
                                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                                Rows.instant(rs, "at"), (Long) rs.getObject(8, Long.class),
                                (Long) rs.getObject(9, Long.class)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void addEvent(CaseEvent e) {
        update("INSERT INTO case_event (case_id, at, actor, type, detail) VALUES (?, ?, ?, ?, ?)",
                e.caseId().toString(), e.at(), Rows.fit(e.actor(), 500), e.type(), Rows.fit(e.detail(), 4000));
    }

    @Override
    public List<CaseEvent> events(CaseId id) {
        return call(() -> {
            List<CaseEvent> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT at, actor, type, detail FROM case_event WHERE case_id = ? ORDER BY id")) {
                ps.setString(1, id.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new CaseEvent(id, Rows.instant(rs, "at"), rs.getString(2), rs.getString(3),
                                rs.getString(4)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<SecurityCase> list() {
        return selectCases("ORDER BY opened_at DESC, id DESC");
    }

    @Override
    public Optional<CaseFile> caseFile(CaseId id) {
        return query("SELECT state, severity, severity_source, cvss_vector, cwes, assignee, fixed_version, embargo_date,"
                + " credit_choice, credit_name, duplicate_of FROM security_case WHERE id = ?", rs -> {
                    String vector = rs.getString(4);
                    CvssVector cvss = vector == null ? null : new CvssVectorFinder().find(vector).orElse(null);
                    Severity severity = "maintainer".equals(rs.getString(3))
                            ? Severity.fromLabel(rs.getString(2)).orElse(null) : null;
                    String assignee = rs.getString(6);
                    Credit credit = switch (rs.getString(9)) {
                        case "credited" -> Credit.as(rs.getString(10));
                        case "declined" -> Credit.declined();
                        default -> Credit.undecided();
                    };
                    String duplicateOf = rs.getString(11);
                    return new CaseFile(id, CaseState.fromLabel(rs.getString(1)), severity, cvss, splitInts(rs.getString(5)),
                            assignee == null ? null : EmailAddress.of(assignee), rs.getString(7),
                            rs.getObject(8, java.time.LocalDate.class), credit,
                            duplicateOf == null ? null : CaseId.parse(duplicateOf));
                }, id.toString()).stream().findFirst();
    }

    @Override
    public void saveCaseFile(CaseFile f, Instant at) {
        Severity severity = f.effectiveSeverity().orElse(null);
        String source = f.severity() != null ? "maintainer" : f.cvss() != null && f.cvss().isScored() ? "cvss" : null;
        update("UPDATE security_case SET state = ?, updated_at = ?, cwes = ?, assignee = ?, fixed_version = ?,"
                        + " embargo_date = ?, credit_choice = ?, credit_name = ?, duplicate_of = ?,"
                        + " cvss_vector = COALESCE(?, cvss_vector), cvss_score = COALESCE(?, cvss_score),"
                        + " severity = COALESCE(?, severity), severity_source = COALESCE(?, severity_source) WHERE id = ?",
                f.state().label(), at, Rows.fit(joined(f.cwes()), 200),
                f.assignee() == null ? null : f.assignee().address(), Rows.fit(f.fixedVersion(), 100), f.embargo(),
                f.credit().choice().name().toLowerCase(java.util.Locale.ROOT), Rows.fit(f.credit().name(), 500),
                f.duplicateOf() == null ? null : f.duplicateOf().toString(),
                f.cvss() == null ? null : f.cvss().vector(), f.cvss() == null ? null : f.cvss().score(),
                source == null ? null : severity.label(), source, f.id().toString());
    }

    @Override
    public void setDecryptionFailure(CaseId id, String reason) {
        update("UPDATE security_case SET decryption_failure = ? WHERE id = ?", Rows.fit(reason, 1000), id.toString());
    }

    @Override
    public Optional<String> decryptionFailure(CaseId id) {
        return query("SELECT decryption_failure FROM security_case WHERE id = ? AND decryption_failure IS NOT NULL",
                rs -> rs.getString(1), id.toString()).stream().findFirst();
    }

    @Override
    public void recordOpenPgp(long inboundId, boolean encrypted, String signature, String signerFingerprint,
                              boolean whole) {
        update("UPDATE case_message SET encrypted = ?, signature = ?, signer_fingerprint = ?, signature_whole = ?"
                + " WHERE inbound_id = ?", encrypted, signature, Rows.fit(signerFingerprint, 100), whole, inboundId);
    }

    @Override
    public void saveClassification(CaseId id, Classification k) {
        update("UPDATE security_case SET report_kind = ?, vuln_class = ?, cwes = ?, severity = ?, severity_source = ?,"
                        + " cvss_vector = ?, cvss_score = ?, missing_items = ?, low_evidence = ?, unsupported_version = ?"
                        + " WHERE id = ?",
                k.kind().label(), k.vulnClass(), Rows.fit(joined(k.cwes()), 200), k.severity().label(),
                k.severitySource().label(), Rows.fit(k.cvssVector(), 300), k.cvssScore(),
                Rows.fit(String.join(",", k.missing()), 500), k.lowEvidence(), Rows.fit(k.unsupportedVersion(), 100),
                id.toString());
    }

    @Override
    public Optional<Classification> classification(CaseId id) {
        List<Classification> found = query("SELECT report_kind, vuln_class, cwes, severity, severity_source, cvss_vector,"
                + " cvss_score, missing_items, low_evidence, unsupported_version FROM security_case"
                + " WHERE id = ? AND report_kind IS NOT NULL", rs -> new Classification(
                ReportKind.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT).replace('-', '_')),
                rs.getString(2), splitInts(rs.getString(3)), Severity.fromLabel(rs.getString(4)).orElse(Severity.NONE),
                SeveritySource.fromLabel(rs.getString(5)), rs.getString(6),
                rs.getObject(7) == null ? null : rs.getBigDecimal(7).doubleValue(), split(rs.getString(8)),
                rs.getBoolean(9), rs.getString(10)), id.toString());
        return found.stream().findFirst();
    }

    @Override
    public void saveFeatures(CaseId id, ReportFeatures f) {
        update("MERGE INTO case_features (case_id, terms, locations) KEY (case_id) VALUES (?, ?, ?)",
                id.toString(), Rows.fit(f.termsText(), 8000), Rows.fit(f.locationsText(), 4000));
    }

    @Override
    public Map<String, ReportFeatures> openCaseFeatures(java.util.Collection<String> caseIds,
                                                        ReportFeatures.StoredForm storedForm) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        String marks = String.join(",", java.util.Collections.nCopies(caseIds.size(), "?"));
        Map<String, ReportFeatures> out = new LinkedHashMap<>();
        query("SELECT f.case_id, f.terms, f.locations, c.vuln_class FROM case_features f"
                + " JOIN security_case c ON c.id = f.case_id WHERE c.state IN (" + OPEN_STATES + ") AND f.case_id IN ("
                + marks + ") ORDER BY f.case_id", rs -> out.put(rs.getString(1),
                storedForm.parse(rs.getString(2), rs.getString(3), rs.getString(4))), caseIds.toArray());
        return out;
    }

    @Override
    public void forEachCaseFeatures(java.util.function.BiConsumer<String, ReportFeatures> each) {
        query("SELECT f.case_id, f.terms, f.locations, c.vuln_class FROM case_features f"
                + " JOIN security_case c ON c.id = f.case_id ORDER BY c.opened_at, c.id", rs -> {
                    each.accept(rs.getString(1),
                            ReportFeatures.parse(rs.getString(2), rs.getString(3), rs.getString(4)));
                    return null;
                });
    }

    @Override
    public void addLikelyDuplicate(CaseId id, LikelyDuplicate d) {
        update("INSERT INTO case_similarity (case_id, similar_to, score, reasons) VALUES (?, ?, ?, ?)",
                id.toString(), d.caseId(), java.math.BigDecimal.valueOf(d.score()), Rows.fit(d.reasons(), 500));
    }

    @Override
    public List<LikelyDuplicate> likelyDuplicates(CaseId id) {
        return query("SELECT similar_to, score, reasons FROM case_similarity WHERE case_id = ?"
                        + " ORDER BY score DESC, similar_to",
                rs -> new LikelyDuplicate(rs.getString(1), rs.getBigDecimal(2).doubleValue(), rs.getString(3)),
                id.toString());
    }

    private static String joined(List<Integer> ids) {
        return ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
    }

    private static List<String> split(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? List.of() : List.of(commaSeparated.split(","));
    }

    private static List<Integer> splitInts(String commaSeparated) {
        return split(commaSeparated).stream().map(Integer::valueOf).toList();
    }

    /** The rows of {@code sql}, each turned into a value by {@code row}. */
    private <T> List<T> query(String sql, RowReader<T> row, Object... args) {
        return call(() -> {
            List<T> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Rows.bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row.read(rs));
                    }
                }
            }
            return out;
        });
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private List<SecurityCase> selectCases(String where, Object... args) {
        return call(() -> {
            List<SecurityCase> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, state, subject, reporter, reporter_name,"
                    + " opened_at, updated_at, encrypted, problems FROM security_case " + where)) {
                Rows.bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new SecurityCase(CaseId.parse(rs.getString("id")),
                                CaseState.fromLabel(rs.getString("state")), rs.getString("subject"),
                                new EmailAddress(rs.getString("reporter"), rs.getString("reporter_name")),
                                Rows.instant(rs, "opened_at"), Rows.instant(rs, "updated_at"),
                                rs.getBoolean("encrypted"), rs.getString("problems")));
                    }
                }
            }
            return out;
        });
    }

    private void update(String sql, Object... args) {
        call(() -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Rows.bind(ps, args);
                return ps.executeUpdate();
            }
        });
    }

    private <T> T call(SqlCall<T> call) {
        try {
            return call.run();
        } catch (SQLException e) {
            throw new StoreException("case store: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface SqlCall<T> {
        T run() throws SQLException;
    }
}
