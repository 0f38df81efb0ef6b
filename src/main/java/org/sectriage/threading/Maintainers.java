package org.sectriage.threading;

import java.util.List;
import java.util.Optional;
import org.sectriage.config.SectriageConfig;
import org.sectriage.config.SectriageConfig.CoordinatorRole;
import org.sectriage.domain.EmailAddress;

/** The configured security team: who they are and how to find one by address. */
public final class Maintainers {

    private final List<SectriageConfig.Maintainer> members;

    public Maintainers(List<SectriageConfig.Maintainer> members) {
        this.members = List.copyOf(members);
    }

    public Optional<SectriageConfig.Maintainer> byAddress(EmailAddress address) {
        return members.stream().filter(m -> m.email().sameMailbox(address)).findFirst();
    }

    public boolean isMaintainer(EmailAddress address) {
        return address != null && byAddress(address).isPresent();
    }

    public List<EmailAddress> addresses() {
        return members.stream().map(m -> new EmailAddress(m.email().address(), m.name())).toList();
    }

    /** The primary coordinators: whom the SLA clock reminds of a first response that is due. */
    public List<EmailAddress> primaryCoordinators() {
        return withRole(CoordinatorRole.PRIMARY);
    }

    /** The secondary coordinators: whom a reporter may contact when the team has gone silent. */
    public List<EmailAddress> secondaryCoordinators() {
        return withRole(CoordinatorRole.SECONDARY);
    }

    private List<EmailAddress> withRole(CoordinatorRole role) {
        return members.stream().filter(m -> m.role() == role)
                .map(m -> new EmailAddress(m.email().address(), m.name())).toList();
    }

    public List<SectriageConfig.Maintainer> all() {
        return members;
    }
}
